import { FAVICON } from './favicon.js';

/** CSS every buyer-facing page shares: readable on a 320-px screen, Korean never broken mid-word. */
export const BUYER_STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:460px;margin:0 auto;padding:1rem;color:#1d2530;
line-height:1.5;word-break:keep-all;overflow-wrap:anywhere}
h1{font-size:1.25rem;margin:.4rem 0 1rem}h1 small{display:block;font-size:.8rem;font-weight:normal;color:#667}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #e6e8ec;vertical-align:top}th{color:#556;font-weight:normal;width:7rem}
label{display:block;margin:.7rem 0 .2rem;font-weight:600}
input,select,button{font:inherit;width:100%;padding:.55rem .6rem;border:1px solid #b8bcc6;border-radius:.4rem;min-height:2.6rem}
input[aria-invalid=true]{border-color:#c62828;outline-color:#c62828}
.error{color:#c62828;font-size:.9rem;margin:.25rem 0 0}.error:empty{margin:0}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:1rem}
button{cursor:pointer;background:#fff}button.primary{background:#e8412c;border-color:#e8412c;color:#fff;font-weight:600}
.bar{display:flex;align-items:flex-start;justify-content:space-between;gap:.5rem}.bar h1{margin-right:auto}
.close{flex:none;width:2.6rem;padding:0;font-size:1.5rem;line-height:1;border-color:transparent;color:#445}
#done h2{font-size:1.05rem}pre{background:#f0f1f4;padding:.75rem;white-space:pre-wrap;border-radius:.4rem;font-size:.85rem}
.note{color:#667;font-size:.85rem}fieldset{margin-top:1.2rem;border:1px dashed #c8ccd4;border-radius:.4rem}legend{color:#556;font-size:.9rem}`;

/** A buyer-facing page: never kept live in the back/forward cache (a finished checkout must not come back as open). */
export function buyerPage(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="${FAVICON}"><style>${BUYER_STYLE}</style>
<script>window.addEventListener('pageshow', function (e) { if (e.persisted) location.reload(); });</script>
</head><body>${body}</body></html>`;
}

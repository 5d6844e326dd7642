import type { PageScript } from './browser-scripts.js';
import { BRAND_RED } from './brand.js';
import { escapeHtml } from './html.js';
import { page } from './page-shell.js';

/** CSS every buyer-facing page shares: readable on a 320-px screen, Korean never broken mid-word. */
const BUYER_STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:460px;margin:0 auto;padding:1rem;color:#1d2530;
line-height:1.5;word-break:keep-all;overflow-wrap:anywhere}
h1{font-size:1.25rem;margin:.4rem 0 1rem}h1 small{display:block;font-size:.8rem;font-weight:normal;color:#667}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #e6e8ec;vertical-align:top}th{color:#556;font-weight:normal;width:7rem}
label{display:block;margin:.7rem 0 .2rem;font-weight:600}
input,select,button{font:inherit;width:100%;padding:.55rem .6rem;border:1px solid #b8bcc6;border-radius:.4rem;min-height:2.6rem}
input[aria-invalid=true],select[aria-invalid=true]{border-color:#c62828;outline-color:#c62828}
.check{display:flex;gap:.5rem;align-items:center;min-height:44px;margin:0;font-weight:normal;cursor:pointer}
.check input{width:1.5rem;height:1.5rem;min-height:0;flex:none;margin:0;padding:0}.check.all{font-weight:600;border-bottom:1px solid #e6e8ec}.check input[aria-invalid=true]{outline:2px solid #c62828;outline-offset:1px}
fieldset.consent{border-style:solid}.send{margin-top:.7rem}#otp_sent{margin:.4rem 0 0}#otp_sent:empty{margin:0}
.error{color:#c62828;font-size:.9rem;margin:.25rem 0 0}.error:empty{margin:0}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:1rem}
button{cursor:pointer;background:#fff}button.primary{background:${BRAND_RED};border-color:${BRAND_RED};color:#fff;font-weight:600}
.bar{display:flex;align-items:flex-start;justify-content:space-between;gap:.5rem}.bar h1{margin-right:auto}
.close{flex:none;width:2.6rem;padding:0;font-size:1.5rem;line-height:1;border-color:transparent;color:#445}
#done h2{font-size:1.05rem}pre{background:#f0f1f4;padding:.75rem;white-space:pre-wrap;border-radius:.4rem;font-size:.85rem}
.note{color:#667;font-size:.85rem}fieldset{margin-top:1.2rem;border:1px dashed #c8ccd4;border-radius:.4rem}legend{color:#556;font-size:.9rem}`;

/**
 * A buyer-facing page (checkout, receipt): never kept live in the back/forward cache (a finished checkout must
 * not come back as open), then the page's own script, if any, with its data.
 */
export function buyerPage(title: string, body: string, script?: { name: PageScript; data: unknown }): string {
  const scripts: PageScript[] = script ? ['reload-restored', script.name] : ['reload-restored'];
  // One main landmark, named: in the PC layer it sits in a frame over the merchant page's own main.
  return page({ title, style: BUYER_STYLE, scripts, data: script?.data }, `<main aria-label="${escapeHtml(title)}">${body}</main>`);
}

import { BRAND_RED } from '../brand.js';
import { SCROLL_CUE } from '../scroll-cue.js';

/**
 * The dashboard's stylesheet: one column on a phone. A table wider than the screen scrolls sideways with a shadow
 * at the edge it continues past and its buttons' column stuck to the right; under 600 px each row is a card instead,
 * every cell under its header, so a phone sees a schedule's status and its buttons without scrolling. A phone's
 * forms are one column that does not wrap (a wrapping column sizes its fields to their content: 11 px too wide at
 * 320 px), and a JSON body wraps inside its block.
 */
export const DASHBOARD_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;color:#1d2530;background:#f5f6f8;word-break:keep-all;overflow-wrap:anywhere}
header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem;padding:.6rem 1rem;background:#1d2530;color:#fff}
header h1{font-size:1.1rem;margin:0}header a{color:#fff;text-decoration:none}
.clock{margin:0;font-variant-numeric:tabular-nums}
nav{display:flex;flex-wrap:wrap;gap:.25rem;padding:.5rem 1rem;background:#fff;border-bottom:1px solid #dde}
nav a{padding:.35rem .7rem;border-radius:1rem;color:#1d2530;text-decoration:none;font-size:.9rem}
nav a[aria-current=page]{background:${BRAND_RED};color:#fff}
main{padding:1rem;max-width:1200px;margin:0 auto}
h2{font-size:1.15rem;margin:.2rem 0 .8rem}h3{font-size:1rem;margin:1.2rem 0 .5rem}
.panel{background:#fff;border:1px solid #dde;border-radius:.5rem;padding:.8rem;margin-bottom:1rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;${SCROLL_CUE}}
table{border-collapse:collapse;width:100%;font-size:.88rem}
.table-wrap .actions{position:sticky;right:0;background:#fff;box-shadow:-.5rem 0 .5rem -.5rem #0003}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #eef;vertical-align:top;white-space:nowrap}
td.wrap{white-space:normal;min-width:12rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0;font-size:.9rem}dt{color:#667}dd{margin:0}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
label{display:flex;flex-direction:column;font-size:.8rem;color:#445;gap:.15rem}
input,select,button{font:inherit;font-size:.9rem;padding:.35rem .5rem;border:1px solid #bbc;border-radius:.3rem;min-height:2.2rem}
input{min-width:0;max-width:100%}input[type=checkbox]{min-height:0;width:1.25rem;height:1.25rem}
button{background:#fff;cursor:pointer}button.primary{background:${BRAND_RED};border-color:${BRAND_RED};color:#fff}
button.danger{color:#b00020;border-color:#b00020}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.78rem;background:#dde;color:#1d2530}
.s-paid,.s-delivered,.s-executed{background:#d7f5df;color:#0d5d24}.s-ready,.s-pending,.s-scheduled,.s-frozen{background:#fff1c2;color:#6b4e00}
.s-failed{background:#fde0e0;color:#9b1111}.s-cancelled,.s-revoked{background:#e4e4ec;color:#333}.s-partial_cancelled{background:#fff1d6;color:#6b4500}
#notice{min-height:1.4rem;margin:0 0 .5rem}#notice.error{color:#b00020}
pre{background:#f0f1f4;padding:.5rem;border-radius:.3rem;overflow-x:auto;font-size:.8rem;margin:.3rem 0}
.empty{color:#667}
.muted{color:#667;font-size:.85rem}
@media (max-width:600px){main{padding:.6rem}header h1{font-size:1rem}nav{padding:.4rem .6rem}nav a{padding:.3rem .55rem;font-size:.85rem}
dl{grid-template-columns:1fr}dt{margin-top:.3rem}form{flex-direction:column;flex-wrap:nowrap;align-items:stretch}pre{white-space:pre-wrap;overflow-wrap:anywhere}
.table-wrap{overflow:visible;background:none}.table-wrap table,.table-wrap tbody,.table-wrap tr{display:block}.table-wrap thead{display:none}
.table-wrap tr{background:#fff;border:1px solid #dde;border-radius:.4rem;margin-bottom:.5rem;padding:.3rem .6rem}
.table-wrap td{display:grid;grid-template-columns:minmax(5.5rem,35%) 1fr;gap:.5rem;border:0;padding:.25rem 0;white-space:normal;min-width:0}
.table-wrap td::before{content:attr(data-label);color:#556;font-size:.8rem}.table-wrap td>*{justify-self:start}
.table-wrap td.actions{display:block;position:static;box-shadow:none;padding-top:.4rem}.table-wrap td.actions:empty{display:none}}
`;

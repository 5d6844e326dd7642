import type { ExamplePageData } from '../browser/page-data.js';
import { PAY_METHOD_LABELS } from '../browser/korean-labels.js';
import type { Merchant } from '../core/merchants/merchants.js';
import { escapeHtml } from './html.js';
import { BRAND_RED } from './brand.js';
import { page } from './page-shell.js';

// The m_redirect_url checkbox's label is at least 44 px high across the form (a finger's target, WCAG 2.5.5).
const EXAMPLE_STYLE = `*{box-sizing:border-box}body{font-family:system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:720px;margin:0 auto;padding:1rem;
color:#1d2530;line-height:1.5;word-break:keep-all;overflow-wrap:anywhere}h1{font-size:1.3rem}
#order{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.45rem .8rem;align-items:center;background:#fff;border:1px solid #dde;border-radius:.5rem;padding:1rem}
#order label{font-size:.9rem;color:#445}input,select,button{font:inherit;padding:.45rem .55rem;border:1px solid #b8bcc6;border-radius:.35rem;min-width:0;width:100%}
#order .check{grid-column:1/-1;display:flex;gap:.5rem;align-items:center;min-height:44px;cursor:pointer}
#order .check input{width:1.5rem;height:1.5rem;flex:none;margin:0}
#order .hint{grid-column:1/-1;margin:0;color:#556;font-size:.85rem}
.buttons{grid-column:1/-1;display:flex;gap:.5rem;flex-wrap:wrap}.buttons button{width:auto;cursor:pointer}#pay{background:${BRAND_RED};border-color:${BRAND_RED};color:#fff;font-weight:600;padding:.55rem 1.4rem}
pre{background:#f0f1f4;padding:.75rem;white-space:pre-wrap;border-radius:.4rem}
@media (max-width:560px){#order{grid-template-columns:1fr;gap:.15rem}#order label{margin-top:.5rem}}`;

const field = (id: string, label: string, value: string) => `<label for="${id}">${label}</label><input id="${id}" value="${escapeHtml(value)}">`;

/** The order a shop would send to IMP.request_pay, every field editable; `pg` is filled by the page's script. */
function orderFields(merchants: readonly Merchant[]): string {
  const merchantOptions = merchants.map((m) => `<option value="${escapeHtml(m.code)}">${escapeHtml(m.code)} (${escapeHtml(m.name)})</option>`).join('');
  const payMethodOptions = Object.entries(PAY_METHOD_LABELS)
    .map(([code, label]) => `<option value="${code}">${code} (${label})</option>`)
    .join('');
  return `<label for="merchant_code">가맹점 식별코드</label><select id="merchant_code">${merchantOptions}</select>
<label for="pg">pg</label><select id="pg"></select>
<label for="pay_method">결제수단</label><select id="pay_method">${payMethodOptions}</select>
${field('merchant_uid', '주문번호 (merchant_uid)', '')}
${field('name', '주문명', '주문명:결제테스트')}
<label for="amount">금액</label><input id="amount" type="number" inputmode="numeric" value="1004">
${field('buyer_name', '구매자 이름', '구매자이름')}
${field('buyer_tel', '구매자 연락처 (buyer_tel, 필수)', '010-1234-5678')}
${field('buyer_email', '구매자 이메일', 'test@portone.io')}
${field('company', '회사명 (company, 가상계좌·휴대폰 필수)', '포트원')}
${field('company_en', '영문 회사명 (company_en, 휴대폰 필수)', 'PortOne')}
${field('vbank_due', '입금기한 (vbank_due, YYYYMMDD)', '')}`;
}

/**
 * A merchant page, as a shop would write it from the vendor's guide, served at /sandbox/example: every pay method,
 * the callback (a PC) and m_redirect_url (a mobile browser), and a deposit button for issued virtual accounts.
 * Its script is src/browser/example.ts.
 */
export function examplePage(merchants: readonly Merchant[]): string {
  const data: ExamplePageData = { mids: Object.fromEntries(merchants.map((m) => [m.code, m.settle.mids.map((mid) => `${mid.mid} (${mid.kind})`)])) };
  return page(
    { title: 'iamport-sandbox 결제 예제', style: EXAMPLE_STYLE, sdk: true, scripts: ['reload-restored', 'example'], data },
    `<main aria-label="예제 가맹점 페이지"><h1>결제 예제 (IMP.request_pay → iamport-sandbox)</h1>
<p>이 페이지는 <code>&lt;script src="/v1/iamport.js"&gt;</code>만 바꾼 일반 가맹점 페이지입니다. 결제 후 서버에서는
<code>GET /payments/{imp_uid}</code>로 금액을 검증하세요.</p>
<form id="order">
${orderFields(merchants)}
<label class="check"><input id="redirect" type="checkbox" checked> m_redirect_url 지정 (모바일 브라우저는 결제 후 이 페이지로 돌아옵니다)</label>
<p class="hint">PC에서는 결제창이 이 페이지 위에 열리고 결과가 callback으로 옵니다. 모바일 브라우저에서는 페이지가 결제창으로 이동했다가
m_redirect_url로 돌아옵니다. 어느 쪽인지는 m_redirect_url이 아니라 브라우저(User-Agent)가 정합니다.</p>
<p class="buttons"><button id="pay" type="button">결제하기</button>
<button id="deposit" type="button" hidden>가상계좌 입금 처리 (sandbox)</button></p>
</form>
<h2 id="result-title">결과</h2><pre id="result" role="status" aria-live="polite" aria-labelledby="result-title" tabindex="-1">-</pre></main>`,
  );
}

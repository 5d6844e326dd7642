import type { Merchant } from '../core/merchants/merchants.js';
import { FAVICON } from './favicon.js';
import { escapeHtml, scriptJson } from './html.js';

/**
 * A merchant page, as a shop would write it from the vendor's guide, served at /sandbox/example: every pay method,
 * the callback (a PC) and m_redirect_url (a mobile browser), and a deposit button for issued virtual accounts.
 */
export function examplePage(merchants: readonly Merchant[]): string {
  const merchantOptions = merchants
    .map((m) => `<option value="${escapeHtml(m.code)}">${escapeHtml(m.code)} (${escapeHtml(m.name)})</option>`)
    .join('');
  const mids = Object.fromEntries(merchants.map((m) => [m.code, m.settle.mids.map((mid) => `${mid.mid} (${mid.kind})`)]));
  const field = (id: string, label: string, value: string) =>
    `<label for="${id}">${label}</label><input id="${id}" value="${escapeHtml(value)}">`;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>iamport-sandbox 결제 예제</title><link rel="icon" href="${FAVICON}">
<style>*{box-sizing:border-box}body{font-family:system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:720px;margin:0 auto;padding:1rem;
color:#1d2530;line-height:1.5;word-break:keep-all;overflow-wrap:anywhere}h1{font-size:1.3rem}
#order{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.45rem .8rem;align-items:center;background:#fff;border:1px solid #dde;border-radius:.5rem;padding:1rem}
#order label{font-size:.9rem;color:#445}input,select,button{font:inherit;padding:.45rem .55rem;border:1px solid #b8bcc6;border-radius:.35rem;min-width:0;width:100%}
#order .check{grid-column:1/-1;display:flex;gap:.5rem;align-items:center}#order .check input{width:auto}
#order .hint{grid-column:1/-1;margin:0;color:#556;font-size:.85rem}
.buttons{grid-column:1/-1;display:flex;gap:.5rem;flex-wrap:wrap}.buttons button{width:auto;cursor:pointer}#pay{background:#e8412c;border-color:#e8412c;color:#fff;font-weight:600;padding:.55rem 1.4rem}
pre{background:#f0f1f4;padding:.75rem;white-space:pre-wrap;border-radius:.4rem}
@media (max-width:560px){#order{grid-template-columns:1fr;gap:.15rem}#order label{margin-top:.5rem}}</style>
<script>window.addEventListener('pageshow', function (e) { if (e.persisted) location.reload(); });</script>
<script src="/v1/iamport.js"></script>
</head><body><h1>결제 예제 (IMP.request_pay → iamport-sandbox)</h1>
<p>이 페이지는 <code>&lt;script src="/v1/iamport.js"&gt;</code>만 바꾼 일반 가맹점 페이지입니다. 결제 후 서버에서는
<code>GET /payments/{imp_uid}</code>로 금액을 검증하세요.</p>
<form id="order" onsubmit="return false">
<label for="merchant_code">가맹점 식별코드</label><select id="merchant_code">${merchantOptions}</select>
<label for="pg">pg</label><select id="pg"></select>
<label for="pay_method">결제수단</label><select id="pay_method"><option value="card">card (신용카드)</option><option value="trans">trans (계좌이체)</option>
<option value="vbank">vbank (가상계좌)</option><option value="phone">phone (휴대폰)</option></select>
${field('merchant_uid', '주문번호 (merchant_uid)', '')}
${field('name', '주문명', '주문명:결제테스트')}
<label for="amount">금액</label><input id="amount" type="number" inputmode="numeric" value="1004">
${field('buyer_name', '구매자 이름', '구매자이름')}
${field('buyer_tel', '구매자 연락처 (buyer_tel, 필수)', '010-1234-5678')}
${field('buyer_email', '구매자 이메일', 'test@portone.io')}
${field('company', '회사명 (company, 가상계좌·휴대폰 필수)', '포트원')}
${field('company_en', '영문 회사명 (company_en, 휴대폰 필수)', 'PortOne')}
${field('vbank_due', '입금기한 (vbank_due, YYYYMMDD)', '')}
<label class="check"><input id="redirect" type="checkbox" checked> m_redirect_url 지정 (모바일 브라우저는 결제 후 이 페이지로 돌아옵니다)</label>
<p class="hint">PC에서는 결제창이 이 페이지 위에 열리고 결과가 callback으로 옵니다. 모바일 브라우저에서는 페이지가 결제창으로 이동했다가
m_redirect_url로 돌아옵니다. 어느 쪽인지는 m_redirect_url이 아니라 브라우저(User-Agent)가 정합니다.</p>
<p class="buttons"><button id="pay" type="button">결제하기</button>
<button id="deposit" type="button" hidden>가상계좌 입금 처리 (sandbox)</button></p>
</form>
<h2>결과</h2><pre id="result">-</pre>
<script>
(function () {
  var mids = ${scriptJson(mids)};
  var $ = function (id) { return document.getElementById(id); };
  var lastVbank = null;
  function show(value) {
    $('result').textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    $('result').dataset.done = 'true';
  }
  function fillPg() {
    var options = ['<option value="settle">settle</option>'];
    (mids[$('merchant_code').value] || []).forEach(function (m) {
      var mid = m.split(' ')[0];
      options.push('<option value="settle.' + mid + '">settle.' + m + '</option>');
    });
    $('pg').innerHTML = options.join('');
  }
  function newOrder() { $('merchant_uid').value = 'order_' + Date.now() + '_' + Math.floor(Math.random() * 1000); }
  $('merchant_code').onchange = fillPg;
  fillPg();
  newOrder();
  // Back from a payment on a mobile browser: the result is in the query string. The query does not say the pay
  // method, so the page remembered it before leaving (a virtual account can then be deposited here too).
  var query = new URLSearchParams(location.search);
  if (query.has('imp_uid')) {
    show(Object.fromEntries(query));
    if (query.get('imp_success') === 'true' && sessionStorage.getItem('example_pay_method') === 'vbank') {
      lastVbank = query.get('imp_uid');
      $('deposit').hidden = false;
    }
    sessionStorage.removeItem('example_pay_method');
  }

  $('pay').onclick = function () {
    var params = {
      pg: $('pg').value,
      pay_method: $('pay_method').value,
      merchant_uid: $('merchant_uid').value,
      name: $('name').value,
      amount: Number($('amount').value),
      buyer_name: $('buyer_name').value,
      buyer_tel: $('buyer_tel').value,
      buyer_email: $('buyer_email').value,
      company: $('company').value,
      company_en: $('company_en').value,
      vbank_due: $('vbank_due').value
    };
    if ($('redirect').checked) {
      params.m_redirect_url = location.origin + location.pathname;
      sessionStorage.setItem('example_pay_method', params.pay_method);
    }
    $('result').dataset.done = 'false';
    IMP.init($('merchant_code').value);
    IMP.request_pay(params, function (rsp) {
      sessionStorage.removeItem('example_pay_method');
      show(rsp);
      lastVbank = rsp.error_code == null && rsp.pay_method === 'vbank' && rsp.status === 'ready' ? rsp.imp_uid : null;
      $('deposit').hidden = !lastVbank;
      newOrder();
    });
  };
  $('deposit').onclick = function () {
    fetch('/sandbox/vbanks/' + encodeURIComponent(lastVbank) + '/deposit', { method: 'POST' })
      .then(function (res) { return res.json(); })
      .then(function (envelope) { show(envelope); $('deposit').hidden = true; });
  };
})();
</script></body></html>`;
}

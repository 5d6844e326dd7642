import type { Static } from 'typebox';
import type { WindowCheckoutSchema } from '../contract/window.js';
import { escapeHtml, scriptJson, won } from './html.js';

/** What the page shows: the answer of `GET /sandbox/window/requests/{imp_uid}`. */
export type CheckoutData = Static<typeof WindowCheckoutSchema>;

/** The card number the form starts with, so a tester can approve in one click: a BC card that never declines. */
const PREFILLED_CARD = '9410-1234-5678-1234';

const METHOD_NAMES: Record<string, string> = { card: '신용카드', trans: '실시간 계좌이체', vbank: '가상계좌', phone: '휴대폰 소액결제' };

/** What the user fills in before approving, per pay method. */
function choices(view: CheckoutData): string {
  const banks = view.banks.map((b) => `<option value="${escapeHtml(b.code)}">${escapeHtml(b.name)}</option>`).join('');
  switch (view.payment.pay_method) {
    case 'card':
      return `<label>카드번호 <input id="card_number" value="${PREFILLED_CARD}" autocomplete="off"></label>
<label>할부 <select id="card_quota">${[0, 2, 3, 6, 12].map((m) => `<option value="${m}">${m === 0 ? '일시불' : `${m}개월`}</option>`).join('')}</select></label>`;
    case 'trans':
      return `<label>출금 은행 <select id="bank_code">${banks}</select></label>`;
    case 'vbank':
      return `<label>입금 은행 <select id="bank_code">${banks}</select></label>`;
    default:
      return `<p>결제 휴대폰 번호: ${escapeHtml(view.payment.buyer_tel ?? '')}</p>`;
  }
}

/**
 * The sandbox's Settle checkout: the order, and approve / cancel / decline with a reason. Its buttons call the
 * window's JSON API; in a popup it then closes (the SDK asks the sandbox for the result), in redirect mode it
 * sends the browser to m_redirect_url.
 */
export function checkoutPage(view: CheckoutData): string {
  const p = view.payment;
  const rows: [string, string, string][] = [
    ['merchant', '상점', view.merchant_name],
    ['name', '상품명', p.name ?? '-'],
    ['amount', '결제금액', won(p.amount)],
    ['pay_method', '결제수단', METHOD_NAMES[p.pay_method] ?? p.pay_method],
    ['merchant_uid', '주문번호', p.merchant_uid],
    ['pg', 'PG', `settle.${p.pg_id}`],
  ];
  const order = rows
    .map(([id, label, value]) => `<tr><th>${label}</th><td data-testid="${id}">${escapeHtml(value)}</td></tr>`)
    .join('');
  const reasons = view.decline_reasons
    .map((r) => `<option value="${escapeHtml(r.code)}">${escapeHtml(`[${r.pg_code}] ${r.text}`)}</option>`)
    .join('');
  const actions = view.open
    ? `<form id="checkout" onsubmit="return false">${choices(view)}
<p><button id="approve" type="button">결제하기</button> <button id="cancel" type="button">취소</button></p>
<p><select id="reason">${reasons}</select> <button id="decline" type="button">거절 (선택한 사유)</button></p></form>`
    : `<p id="closed">이미 종료된 결제창입니다 (status: ${escapeHtml(p.status)}).</p>`;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>헥토파이낸셜 결제 (sandbox)</title>
<style>body{font-family:sans-serif;max-width:440px;margin:1.5rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem}
label{display:block;margin:.5rem 0}button{padding:.4rem .9rem}#amount,[data-testid=amount]{font-weight:bold}.note{color:#666;font-size:.85rem}</style>
</head><body><h1>헥토파이낸셜 결제창 <small>(iamport-sandbox)</small></h1>
<table>${order}</table>${actions}<pre id="result"></pre>
<p class="note">샌드박스 결제창입니다. 실제 결제는 일어나지 않습니다.</p>
<script>
(function () {
  var impUid = ${scriptJson(p.imp_uid)};
  var redirect = ${scriptJson(view.mode === 'redirect')};
  function value(id) { var el = document.getElementById(id); return el ? el.value : undefined; }
  function act(action, body) {
    fetch('/sandbox/window/requests/' + encodeURIComponent(impUid) + '/' + action, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (res) { return res.json(); }).then(function (envelope) {
      if (!envelope.response) { document.getElementById('result').textContent = envelope.message; return; }
      if (redirect) { location.href = envelope.response.redirect_url; return; }
      document.getElementById('result').textContent = JSON.stringify(envelope.response.rsp, null, 2);
      window.close();
    });
  }
  var approve = document.getElementById('approve');
  if (!approve) return;
  approve.onclick = function () {
    act('approve', { card_number: value('card_number'), card_quota: value('card_quota') ? Number(value('card_quota')) : undefined, bank_code: value('bank_code') });
  };
  document.getElementById('cancel').onclick = function () { act('cancel', {}); };
  document.getElementById('decline').onclick = function () { act('decline', { reason: value('reason') }); };
})();
</script></body></html>`;
}

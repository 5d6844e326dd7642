import type { Static } from 'typebox';
import type { WindowCheckoutSchema } from '../contract/window.js';
import { escapeHtml, scriptJson, won } from './html.js';
import { INSTALLMENT_MINIMUM } from '../core/payments/installments.js';
import { PAY_METHOD_NAMES, PAYMENT_STATUS_NAMES } from './korean-names.js';
import { buyerPage } from './page-shell.js';

/** What the page shows: the answer of `GET /sandbox/window/requests/{imp_uid}`. */
export type CheckoutData = Static<typeof WindowCheckoutSchema>;

/** The card number the form starts with, so a tester can approve in one click: a BC card that never declines. */
const PREFILLED_CARD = '9410-1234-5678-1234';

const TITLE = '헥토파이낸셜 결제';

/** A labelled select, its options given as [value, text]. */
const select = (id: string, label: string, options: [string, string][]) =>
  `<label for="${id}">${label}</label><select id="${id}">${options
    .map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`)
    .join('')}</select>`;

/** What the buyer fills in before approving, per pay method. Installments only where Settle allows them. */
function choices(view: CheckoutData): string {
  const banks = view.banks.map((b): [string, string] => [b.code, b.name]);
  const p = view.payment;
  switch (p.pay_method) {
    case 'card': {
      const quota =
        p.amount >= INSTALLMENT_MINIMUM
          ? select('card_quota', '할부', [0, 2, 3, 6, 12].map((m): [string, string] => [String(m), m === 0 ? '일시불' : `${m}개월`]))
          : `<p class="note">5만 원 미만은 일시불로만 결제됩니다.</p>`;
      return `<label for="card_number">카드번호</label>
<input id="card_number" value="${PREFILLED_CARD}" inputmode="numeric" autocomplete="off" aria-describedby="card_number_error" aria-invalid="false">
<p id="card_number_error" class="error" aria-live="polite"></p>${quota}`;
    }
    case 'trans':
      return select('bank_code', '출금 은행', banks);
    case 'vbank':
      return select('bank_code', '입금 은행', banks);
    default:
      return `<p>결제할 휴대폰 번호: ${escapeHtml(p.buyer_tel ?? '')}</p>`;
  }
}

function orderTable(view: CheckoutData): string {
  const p = view.payment;
  const rows: [string, string, string][] = [
    ['merchant', '상점', view.merchant_name],
    ['name', '상품명', p.name ?? '-'],
    ['amount', '결제금액', won(p.amount)],
    ['pay_method', '결제수단', PAY_METHOD_NAMES[p.pay_method] ?? p.pay_method],
    ['merchant_uid', '주문번호', p.merchant_uid],
  ];
  return `<table>${rows.map(([id, label, value]) => `<tr><th scope="row">${label}</th><td data-testid="${id}">${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

/** The close button, top right: closing the window before choosing is the user cancelling. */
const CLOSE_BUTTON = `<button id="close" class="close" type="button" aria-label="결제창 닫기" title="닫기">×</button>`;

/**
 * How the page reports the end of the window, whatever ended it (approve, decline, cancel, the close button).
 * On a mobile browser with m_redirect_url it sends the browser there. In the SDK's layer (an iframe on a PC) it
 * posts the rsp to the merchant's page, which removes the layer and calls the callback. The message goes to any
 * origin: whoever framed this page with its imp_uid may already read the payment from the window's open API.
 * Otherwise (the page opened on its own, or a mobile page that gave no m_redirect_url) it shows the result itself.
 */
function checkoutScript(view: CheckoutData): string {
  return `<script>
(function () {
  var impUid = ${scriptJson(view.payment.imp_uid)};
  var framed = window.parent !== window;
  var $ = function (id) { return document.getElementById(id); };
  function value(id) { var el = $(id); return el ? el.value : undefined; }
  var buttons = document.querySelectorAll('button');
  function busy(on) { for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on; }
  function say(text) { if ($('form_error')) $('form_error').textContent = text; }
  function cardError(text) {
    var input = $('card_number');
    if (!input) return false;
    $('card_number_error').textContent = text;
    input.setAttribute('aria-invalid', text ? 'true' : 'false');
    if (text) input.focus();
    return true;
  }
  function report(result) {
    if (result.redirect_url) { location.replace(result.redirect_url); return; }
    if (framed) { window.parent.postMessage({ type: 'iamport-sandbox:result', imp_uid: impUid, rsp: result.rsp }, '*'); return; }
    busy(false);
    if ($('checkout')) $('checkout').hidden = true;
    if ($('closed')) $('closed').hidden = true;
    $('result').textContent = JSON.stringify(result.rsp, null, 2);
    $('done').hidden = false;
    $('done').focus();
  }
  function act(action, body) {
    busy(true);
    say('');
    fetch('/sandbox/window/requests/' + encodeURIComponent(impUid) + '/' + action, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (res) { return res.json(); }).then(function (envelope) {
      if (!envelope.response) {
        busy(false);
        // The API's wording names REST parameters; the buyer reads what to fix.
        if (/card_number/.test(envelope.message || '') && cardError('카드번호를 다시 확인해 주세요.')) return;
        say('결제를 진행하지 못했습니다. 입력한 내용을 확인하고 다시 시도해 주세요.');
        return;
      }
      report(envelope.response);
    }, function () {
      busy(false);
      say('연결이 끊겼습니다. 다시 시도해 주세요.');
    });
  }
  $('close').onclick = function () { act('close', {}); };
  // In the layer, Escape closes the window as the close button does.
  if (framed) document.addEventListener('keydown', function (event) { if (event.key === 'Escape') act('close', {}); });
  if (!$('checkout')) return;
  $('checkout').addEventListener('submit', function (event) {
    event.preventDefault();
    var card = value('card_number');
    if (card !== undefined) {
      var digits = card.replace(/[- ]/g, '');
      if (!/^[0-9]{13,19}$/.test(digits)) { cardError(digits ? '카드번호는 숫자 13~19자리로 입력해 주세요.' : '카드번호를 입력해 주세요.'); return; }
      cardError('');
    }
    act('approve', { card_number: card, card_quota: value('card_quota') ? Number(value('card_quota')) : undefined, bank_code: value('bank_code') });
  });
  $('cancel').onclick = function () { act('cancel', {}); };
  $('decline').onclick = function () { act('decline', { reason: value('reason') }); };
  var first = document.querySelector('#checkout input, #checkout select, #approve');
  if (first) first.focus();
})();
</script>`;
}

/** Where a result is shown when the page has nowhere to send it. */
function donePanel(view: CheckoutData): string {
  const note =
    view.mode === 'mobile'
      ? 'm_redirect_url이 지정되지 않아 결과를 가맹점 페이지로 돌려보내지 못했습니다. 모바일에서는 결제 결과가 m_redirect_url로만 전달됩니다.'
      : '가맹점 페이지 밖에서 연 결제창이라 결과를 전달할 곳이 없습니다. 결제 내역은 GET /payments/{imp_uid}로 확인할 수 있습니다.';
  return `<section id="done" tabindex="-1" hidden><h2>결제 결과</h2><p class="note">${escapeHtml(note)}</p><pre id="result"></pre></section>`;
}

/**
 * The sandbox's Settle checkout: the order, and approve / cancel / decline with a reason of the pay method, and a
 * close button. Its buttons call the window's JSON API, then report the result (`checkoutScript`).
 */
export function checkoutPage(view: CheckoutData): string {
  const p = view.payment;
  const heading = `<header class="bar"><h1>${TITLE}<small>iamport-sandbox · settle.${escapeHtml(p.pg_id)}</small></h1>${CLOSE_BUTTON}</header>`;
  if (!view.open) {
    return buyerPage(
      TITLE,
      `${heading}${orderTable(view)}<p id="closed" role="status">이미 끝난 결제입니다 (${escapeHtml(PAYMENT_STATUS_NAMES[p.status] ?? p.status)}). 이 창을 닫아 주세요.</p>
${donePanel(view)}${checkoutScript(view)}`,
    );
  }
  const reasons = view.decline_reasons.map((r): [string, string] => [r.code, `[${r.pg_code}] ${r.text}`]);
  return buyerPage(
    TITLE,
    `${heading}${orderTable(view)}
<form id="checkout" novalidate>${choices(view)}
<p id="form_error" class="error" role="alert"></p>
<div class="actions"><button id="approve" class="primary" type="submit">결제하기</button><button id="cancel" type="button">취소</button></div>
<fieldset><legend>테스트: 결제 거절하기</legend>${select('reason', '거절 사유', reasons)}
<div class="actions"><button id="decline" type="button">선택한 사유로 거절</button></div></fieldset></form>
${donePanel(view)}
<p class="note">샌드박스 결제창입니다. 실제 결제는 일어나지 않습니다.</p>
${checkoutScript(view)}`,
  );
}

/** The page for a checkout that does not exist (or an address that is not one). */
export function missingCheckoutPage(): string {
  return buyerPage(
    TITLE,
    `<h1>${TITLE}<small>iamport-sandbox</small></h1><p id="missing" role="status">결제 정보를 찾을 수 없습니다. 주소를 확인하시거나 가맹점 페이지에서 다시 결제해 주세요.</p>`,
  );
}

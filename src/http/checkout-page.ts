import type { Static } from 'typebox';
import type { WindowCheckoutSchema } from '../contract/window.js';
import { escapeHtml, won } from './html.js';
import { SANDBOX_OTP } from '../core/window/declines.js';
import { choices } from './checkout-steps.js';
import { consentFieldset } from './checkout-consent.js';
import { select } from './form-controls.js';
import type { CheckoutPageData } from '../browser/page-data.js';
import { labelOf, PAY_METHOD_LABELS, PAYMENT_STATUS_LABELS } from '../browser/korean-labels.js';
import { buyerPage } from './buyer-page.js';

/** What the page shows: the answer of `GET /sandbox/window/requests/{imp_uid}`. */
type CheckoutData = Static<typeof WindowCheckoutSchema>;

const TITLE = '헥토파이낸셜 결제';

function orderTable(view: CheckoutData): string {
  const p = view.payment;
  const rows: [string, string, string][] = [
    ['merchant', '상점', view.merchant_name],
    ['name', '상품명', p.name ?? '-'],
    ['amount', '결제금액', won(p.amount)],
    ['pay_method', '결제수단', labelOf(PAY_METHOD_LABELS, p.pay_method)],
    ['merchant_uid', '주문번호', p.merchant_uid],
  ];
  return `<table>${rows.map(([id, label, value]) => `<tr><th scope="row">${label}</th><td data-testid="${id}">${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

/** The close button, top right: closing the window before choosing is the user cancelling. */
const CLOSE_BUTTON = `<button id="close" class="close" type="button" aria-label="결제창 닫기" title="닫기">×</button>`;

/** Where a result is shown when the page has nowhere to send it. */
function donePanel(view: CheckoutData): string {
  const note =
    view.mode === 'mobile'
      ? 'm_redirect_url이 지정되지 않아 결과를 가맹점 페이지로 돌려보내지 못했습니다. 모바일에서는 결제 결과가 m_redirect_url로만 전달됩니다.'
      : '가맹점 페이지 밖에서 연 결제창이라 결과를 전달할 곳이 없습니다. 결제 내역은 GET /payments/{imp_uid}로 확인할 수 있습니다.';
  return `<section id="done" tabindex="-1" hidden><h2>결제 결과</h2><p class="note">${escapeHtml(note)}</p><pre id="result"></pre></section>`;
}

/**
 * The sandbox's Settle checkout: the order, the steps of Hecto's window (the pay method's fields, the terms), pay
 * and cancel; then the test shortcuts, approve or decline with a reason of the pay method at once; and a close button. Its buttons call the window's JSON API, then report the result (src/browser/checkout.ts).
 */
export function checkoutPage(view: CheckoutData): string {
  const p = view.payment;
  const script = { name: 'checkout' as const, data: { imp_uid: p.imp_uid, otp: SANDBOX_OTP } satisfies CheckoutPageData };
  const heading = `<header class="bar"><h1>${TITLE}<small>iamport-sandbox · settle.${escapeHtml(p.pg_id)}</small></h1>${CLOSE_BUTTON}</header>`;
  if (!view.open) {
    return buyerPage(
      TITLE,
      `${heading}${orderTable(view)}<p id="closed" role="status">이미 끝난 결제입니다 (${escapeHtml(labelOf(PAYMENT_STATUS_LABELS, p.status))}). 이 창을 닫아 주세요.</p>
${donePanel(view)}`,
      script,
    );
  }
  const reasons = view.decline_reasons.map((r): [string, string] => [r.code, `[${r.pg_code}] ${r.text}`]);
  return buyerPage(
    TITLE,
    `${heading}${orderTable(view)}
<form id="checkout" novalidate>${choices(view)}${consentFieldset()}
<p id="form_error" class="error" role="alert"></p>
<div class="actions"><button id="pay_button" class="primary" type="submit">결제하기</button><button id="cancel" type="button">취소</button></div>
<fieldset><legend>테스트: 단계 없이 바로 처리</legend><p class="note">위의 선택·동의·인증 없이 승인하거나 거절합니다.</p>
<button id="approve" type="button">바로 승인</button>${select('reason', '거절 사유', reasons)}
<div class="actions"><button id="decline" type="button">선택한 사유로 거절</button></div></fieldset></form>
${donePanel(view)}
<p class="note">샌드박스 결제창입니다. 실제 결제는 일어나지 않습니다.</p>`,
    script,
  );
}

/** The page for a checkout that does not exist (or an address that is not one). */
export function missingCheckoutPage(): string {
  return buyerPage(
    TITLE,
    `<h1>${TITLE}<small>iamport-sandbox</small></h1><p id="missing" role="status">결제 정보를 찾을 수 없습니다. 주소를 확인하시거나 가맹점 페이지에서 다시 결제해 주세요.</p>`,
  );
}

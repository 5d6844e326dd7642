import type { Static } from 'typebox';
import type { WindowCheckoutSchema } from '../contract/window.js';
import { escapeHtml } from './html.js';
import { INSTALLMENT_MINIMUM } from '../core/payments/installments.js';
import { SANDBOX_OTP } from '../core/window/declines.js';
import { checked, errorSlot, requiredSelect, select } from './form-controls.js';

// What the buyer fills in before paying, per pay method, in the order Hecto's window asks: a card's company, then
// its number and installments; a phone's carrier, number and birth date, then the code the carrier "sends".

type CheckoutData = Static<typeof WindowCheckoutSchema>;

/** The card number the form starts with, so a tester can approve in one click: a BC card that never declines. */
const PREFILLED_CARD = '9410-1234-5678-1234';


function cardChoices(view: CheckoutData): string {
  const companies = view.card_companies.map((c): [string, string] => [c.code, c.name]);
  const quota =
    view.payment.amount >= INSTALLMENT_MINIMUM
      ? select('card_quota', '할부', [0, 2, 3, 6, 12].map((m): [string, string] => [String(m), m === 0 ? '일시불' : `${m}개월`]))
      : `<p class="note">5만 원 미만은 일시불로만 결제됩니다.</p>`;
  return `${requiredSelect('card_company', '카드사 선택', '카드사를 선택해 주세요', companies)}
<label for="card_number">카드번호</label>
<input id="card_number" value="${PREFILLED_CARD}" inputmode="numeric" autocomplete="off" ${checked('card_number')}>
${errorSlot('card_number')}${quota}`;
}

const CARRIERS: [string, string][] = [
  ['SKT', 'SKT'],
  ['KT', 'KT'],
  ['LGU', 'LG U+'],
  ['MVNO', '알뜰폰'],
];

function phoneChoices(view: CheckoutData): string {
  const networks = CARRIERS.slice(0, 3).map(([code, name]): [string, string] => [code, `${name} 망`]);
  return `${requiredSelect('carrier', '통신사', '통신사를 선택해 주세요', CARRIERS)}
<div id="mvno_box" hidden>${select('mvno', '알뜰폰 통신망 (선택)', [['', '선택 안 함'], ...networks])}</div>
<label for="phone_number">휴대폰 번호</label>
<input id="phone_number" type="tel" value="${escapeHtml(view.payment.buyer_tel ?? '')}" autocomplete="tel" ${checked('phone_number')}>
${errorSlot('phone_number')}<label for="birth">생년월일 6자리 (예: 900101)</label>
<input id="birth" inputmode="numeric" maxlength="6" autocomplete="off" ${checked('birth')}>${errorSlot('birth')}
<button id="send_code" type="button" class="send">인증번호 받기</button><p id="otp_sent" role="status"></p>
<div id="otp_box" hidden><label for="otp">인증번호 6자리</label>
<input id="otp" inputmode="numeric" maxlength="6" autocomplete="one-time-code" aria-describedby="otp_note otp_error" aria-invalid="false">
<p id="otp_note" class="note">샌드박스는 문자를 보내지 않습니다. 인증번호는 언제나 ${SANDBOX_OTP}이며, 다른 번호는 [ST83] 인증번호 불일치로 거절됩니다.</p>${errorSlot('otp')}</div>`;
}

/** The fields of the pay method; installments only where Settle allows them. */
export function choices(view: CheckoutData): string {
  const banks = view.banks.map((b): [string, string] => [b.code, b.name]);
  switch (view.payment.pay_method) {
    case 'card':
      return cardChoices(view);
    case 'trans':
      return select('bank_code', '출금 은행', banks);
    case 'vbank':
      return select('bank_code', '입금 은행', banks);
    default:
      return phoneChoices(view);
  }
}

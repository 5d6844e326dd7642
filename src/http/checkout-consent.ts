import { errorSlot } from './form-controls.js';

// The terms a buyer agrees to in Hecto's window before paying, all required. 전체 동의 checks or clears them all
// (src/browser/checkout/consent.ts); the error slot is shared, since the fault is the group's.

const TERMS: [string, string][] = [
  ['consent_terms', '전자금융거래 이용약관'],
  ['consent_privacy', '개인정보 수집 및 이용'],
  ['consent_third', '개인정보 제3자 제공'],
];

export function consentFieldset(): string {
  const items = TERMS.map(
    ([id, text]) =>
      `<label class="check"><input id="${id}" type="checkbox" data-consent required aria-describedby="consent_error" aria-invalid="false"> [필수] ${text}</label>`,
  ).join('');
  return `<fieldset class="consent"><legend>약관 동의</legend>
<label class="check all"><input id="consent_all" type="checkbox" aria-describedby="consent_error"> 전체 동의</label>${items}${errorSlot('consent')}</fieldset>`;
}

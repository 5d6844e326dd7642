import { checkField, valueOf } from './fields.js';

// The card steps of Hecto's window: the company first, then the number (installments need no check).

/** What is wrong with a typed card number, or '' when it has 13 to 19 digits. */
function cardNumberProblem(card: string): string {
  const digits = card.replace(/[- ]/g, '');
  if (/^[0-9]{13,19}$/.test(digits)) return '';
  return digits ? '카드번호는 숫자 13~19자리로 입력해 주세요.' : '카드번호를 입력해 주세요.';
}

/** The card fields at fault: the number always, the company only in the full flow (the shortcut skips it). */
export function cardFaults(withCompany: boolean): string[] {
  const card = valueOf('card_number');
  if (card === undefined) return [];
  const company = withCompany ? checkField('card_company', valueOf('card_company') ? '' : '카드사를 선택해 주세요.') : [];
  return [...company, ...checkField('card_number', cardNumberProblem(card))];
}

/** The approve call's body: what the page has of card, installments and bank; no company unless one is chosen. */
export function approveBody(): Record<string, unknown> {
  const quota = valueOf('card_quota');
  return {
    card_number: valueOf('card_number'),
    card_code: valueOf('card_company') || undefined,
    card_quota: quota ? Number(quota) : undefined,
    bank_code: valueOf('bank_code'),
  };
}

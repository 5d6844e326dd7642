import { errors } from '../errors.js';

/** A card company the checkout's 카드사 선택 offers, by the `card_code` PortOne gives it (fixtures/card-companies.json). */
export interface CardCompany {
  code: string;
  name: string;
}

// The Settle guides list no card companies of their window; these are the Korean issuers such a window offers,
// named and coded as fixtures/card-companies.json (PortOne's 카드사 코드 table) has them.
export const CARD_COMPANIES: readonly CardCompany[] = [
  { code: '366', name: '신한카드' },
  { code: '381', name: 'KB국민카드' },
  { code: '365', name: '삼성카드' },
  { code: '367', name: '현대카드' },
  { code: '368', name: '롯데카드' },
  { code: '361', name: 'BC카드' },
  { code: '374', name: '하나카드' },
  { code: '041', name: '우리카드' },
  { code: '371', name: 'NH카드' },
  { code: '370', name: '씨티카드' },
];

/** The company of a checkout's choice; a code the checkout does not offer is the caller's mistake, named. */
export function cardCompanyOf(code: string): CardCompany {
  const company = CARD_COMPANIES.find((c) => c.code === code);
  if (!company) throw errors.invalidParameter('card_code', `결제창이 제공하는 카드사 코드가 아닙니다 (${CARD_COMPANIES.map((c) => c.code).join(', ')} 중 하나).`);
  return company;
}

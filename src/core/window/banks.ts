/** A bank by its 금융결제원 standard code, as `bank_code` / `vbank_code` carry it. */
export interface Bank {
  code: string;
  name: string;
}

/** The banks the sandbox checkout offers for account transfer and virtual accounts. */
export const BANKS: readonly Bank[] = [
  { code: '004', name: 'KB국민은행' },
  { code: '088', name: '신한은행' },
  { code: '020', name: '우리은행' },
  { code: '081', name: '하나은행' },
  { code: '011', name: 'NH농협은행' },
  { code: '003', name: 'IBK기업은행' },
];

/** The bank of a code; an unknown or missing code falls back to the first, so a checkout choice never fails. */
export const bankOf = (code: string | undefined): Bank => BANKS.find((b) => b.code === code) ?? BANKS[0]!;

import { errors } from '../errors.js';

/** Parts of an amount a request may name: absent and null alike mean "not given". */
export interface AmountParts {
  tax_free?: number | null | undefined;
  vat_amount?: number | null | undefined;
  vat?: number | null | undefined;
}

/**
 * The vendor describes tax_free and vat_amount as "amount 중 면세공급가액" and "amount 중 부가세 금액" (and the
 * deprecated `vat` as "결제금액 중 부가세 금액"): parts of the amount, so none may exceed it, and the tax-free part
 * and the VAT together may not either. A request breaking that is refused before anything happens (400, as any
 * parameter whose value is wrong).
 */
export function checkAmountParts(amount: number, parts: AmountParts): void {
  for (const name of ['tax_free', 'vat_amount', 'vat'] as const) {
    const part = parts[name];
    if (part !== undefined && part !== null && part > amount) throw errors.invalidParameter(name, `amount(${amount}) 이하여야 합니다.`);
  }
  const taxFree = parts.tax_free ?? 0;
  const vat = parts.vat_amount ?? parts.vat ?? 0;
  if (taxFree + vat > amount) throw errors.invalidParameter('vat_amount', `tax_free와 합쳐 amount(${amount}) 이하여야 합니다.`);
}

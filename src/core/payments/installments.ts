/** The smallest amount that may be paid in installments (KRW). */
export const INSTALLMENT_MINIMUM = 50_000;

/**
 * The installment months a card payment gets. The vendor (OpenAPI `card_quota` of onetime and again): "2 이상의
 * integer 할부개월수 적용 (결제금액 50,000원 이상 한정, default = 0(일시불))". Below 50,000 KRW, or under 2 months,
 * the installment is not applied: the payment is 일시불 (`card_quota: 0`), not refused.
 */
export const installmentMonths = (cardQuota: number | undefined | null, amount: number): number =>
  cardQuota && cardQuota >= 2 && amount >= INSTALLMENT_MINIMUM ? cardQuota : 0;

import Type, { type Static } from 'typebox';
import { Money, Nullable } from './common.js';

// POST/PUT/GET /payments/prepare (reference §3.6, §4.15): the amount a payment-window request must ask for.

const MerchantUid = Type.String({ minLength: 1, maxLength: 40, description: '고객사 주문번호', examples: ['order_no_0001'] });

export const PrepareBodySchema = Type.Object({
  merchant_uid: MerchantUid,
  amount: Money({ minimum: 0, description: '결제예정금액', examples: [1004] }),
  currency: Type.Optional(
    // Settle charges KRW only (onetime, again, schedules and the window refuse any other), so a prepare in another
    // currency could never be paid: refused here as there (README, choices).
    Nullable(Type.Literal('KRW', { description: '결제예정통화: KRW only, as every Settle charge; null or absent: the currency is not checked' })),
  ),
});
export type PrepareBody = Static<typeof PrepareBodySchema>;

/** The vendor's PaymentPrepareAnnotation. */
export const PaymentPrepareSchema = Type.Object({
  merchant_uid: Type.String(),
  amount: Type.Number(),
  currency: Nullable(Type.String()),
});
export type PaymentPrepare = Static<typeof PaymentPrepareSchema>;

export const PrepareParamsSchema = Type.Object({ merchant_uid: MerchantUid });

import Type, { type Static } from 'typebox';
import { BuyerFields, Nullable, UnixTime } from './common.js';

export const PaymentStatusSchema = Type.Union([Type.Literal('ready'), Type.Literal('paid'), Type.Literal('cancelled'), Type.Literal('failed')]);
export type PaymentStatus = Static<typeof PaymentStatusSchema>;

const CustomerUidUsageSchema = Nullable(
  Type.Union([Type.Literal('issue'), Type.Literal('payment'), Type.Literal('payment.scheduled')]),
);

export const PaymentCancelSchema = Type.Object({
  pg_tid: Type.String(),
  amount: Type.Number(),
  cancelled_at: UnixTime,
  reason: Type.String(),
  cancellation_id: Type.String(),
  receipt_url: Nullable(Type.String()),
});
export type PaymentCancel = Static<typeof PaymentCancelSchema>;

/** The vendor's PaymentAnnotation: every field is always present. */
export const PaymentSchema = Type.Object(
  {
    imp_uid: Type.String(),
    merchant_uid: Type.String(),
    pay_method: Type.String(),
    channel: Type.Union([Type.Literal('pc'), Type.Literal('mobile'), Type.Literal('api')]),
    pg_provider: Type.String(),
    emb_pg_provider: Nullable(Type.String()),
    pg_tid: Nullable(Type.String()),
    pg_id: Type.String(),
    sandbox: Type.Boolean(),
    escrow: Type.Boolean(),
    apply_num: Type.String(),
    bank_code: Nullable(Type.String()),
    bank_name: Nullable(Type.String()),
    card_code: Nullable(Type.String()),
    card_name: Nullable(Type.String()),
    card_issuer_code: Nullable(Type.String()),
    card_issuer_name: Nullable(Type.String()),
    card_publisher_code: Nullable(Type.String()),
    card_publisher_name: Nullable(Type.String()),
    card_quota: Type.Integer(),
    card_number: Nullable(Type.String()),
    card_type: Nullable(Type.Integer()),
    vbank_code: Nullable(Type.String()),
    vbank_name: Nullable(Type.String()),
    vbank_num: Nullable(Type.String()),
    vbank_holder: Nullable(Type.String()),
    vbank_date: UnixTime,
    vbank_issued_at: UnixTime,
    name: Nullable(Type.String()),
    amount: Type.Number(),
    cancel_amount: Type.Number(),
    currency: Type.String(),
    ...BuyerFields,
    custom_data: Nullable(Type.String()),
    user_agent: Nullable(Type.String()),
    status: PaymentStatusSchema,
    started_at: UnixTime,
    paid_at: UnixTime,
    failed_at: UnixTime,
    cancelled_at: UnixTime,
    fail_reason: Nullable(Type.String()),
    cancel_reason: Nullable(Type.String()),
    receipt_url: Nullable(Type.String()),
    cancel_history: Type.Array(PaymentCancelSchema),
    deposit_history: Type.Array(Type.Object({ amount: Type.Number(), deposited_at: UnixTime })),
    cancel_receipt_urls: Type.Array(Type.String()),
    cash_receipt_issued: Type.Boolean(),
    customer_uid: Nullable(Type.String()),
    customer_uid_usage: CustomerUidUsageSchema,
    promotion: Nullable(Type.Object({ id: Type.String(), discount: Type.Number() })),
  },
);
export type Payment = Static<typeof PaymentSchema>;

/** The vendor's PagedPaymentAnnotation: `previous`/`next` are 0 when there is no such page. */
export const PagedPaymentsSchema = Type.Object({
  total: Type.Integer(),
  previous: Type.Integer(),
  next: Type.Integer(),
  list: Type.Array(PaymentSchema),
});
export type PagedPayments = Static<typeof PagedPaymentsSchema>;

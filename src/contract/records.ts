import Type, { type Static } from 'typebox';
import { CustomerSchema } from './customer.js';
import { Nullable, UnixTime } from './common.js';
import { PaymentSchema } from './payment.js';
import { PaymentPrepareSchema } from './prepare.js';
import { ReceiptSchema } from './receipts.js';
import { ScheduleResultSchema } from './schedule.js';
import { WebhookDeliverySchema } from './webhook.js';

// Stored records: the public object the API shows, plus what the sandbox needs to know internally. These schemas
// check every record a data file or an import brings in, and the record types derive from them.
// Only masked card numbers are ever kept.

const MerchantCode = Type.String({ minLength: 1 });
const Seq = Type.Integer({ minimum: 0, description: 'creation order across the sandbox' });

export const TokenRecordSchema = Type.Object({
  token: Type.String({ minLength: 1 }),
  merchant: MerchantCode,
  /** Milliseconds since the epoch. */
  issued_at: Type.Integer({ minimum: 0 }),
  expires_at: Type.Integer({ minimum: 0 }),
});
export type TokenRecord = Static<typeof TokenRecordSchema>;

/** What the payment window needs after it opened (payments made through IMP.request_pay). */
export const WindowSessionSchema = Type.Object({
  /** A mobile browser's m_redirect_url: where the result goes as a query string; null on a PC (the callback gets it). */
  m_redirect_url: Nullable(Type.String()),
  /** Shown as the virtual account's holder. */
  company: Nullable(Type.String()),
  /** Deposit deadline of a virtual account (from `vbank_due`), UNIX seconds; 0 for other pay methods. */
  vbank_due: UnixTime,
  /** Replaces the merchant's Notification URL for this payment's webhooks. */
  notice_url: Nullable(Type.String()),
  /** How the window failed (user cancel, decline), so its result can be told again; null otherwise. */
  failure: Nullable(Type.Object({ error_code: Type.String(), error_msg: Type.String() })),
});
export type WindowSession = Static<typeof WindowSessionSchema>;

/** A virtual account issued through the API (POST /vbanks): where its deposit is notified. */
export const ApiVbankSchema = Type.Object({ notice_url: Nullable(Type.String()) });

export const PaymentRecordSchema = Type.Object({
  merchant: MerchantCode,
  seq: Seq,
  payment: PaymentSchema,
  window: Type.Optional(WindowSessionSchema),
  vbank: Type.Optional(ApiVbankSchema),
});
export type PaymentRecord = Static<typeof PaymentRecordSchema>;

export const BillingKeyRecordSchema = Type.Object({
  merchant: MerchantCode,
  customer: CustomerSchema,
  /** YYYYMM, checked against the sandbox clock on every charge. */
  expiry: Type.String({ pattern: '^[0-9]{6}$', description: 'YYYYMM', examples: ['203001'] }),
  /** Scripted declines carried over from the test card the key was issued with (reason codes). */
  decline_every: Nullable(Type.String()),
  decline_repeat: Nullable(Type.String()),
});
export type BillingKeyRecord = Static<typeof BillingKeyRecordSchema>;

export const ScheduleRecordSchema = Type.Object({
  merchant: MerchantCode,
  /** Schedules due at the same second run in this order. */
  seq: Seq,
  schedule: ScheduleResultSchema,
  /** What the charge needs that the ScheduleResult does not show. */
  charge: Type.Object({
    notice_url: Nullable(Type.String()),
    card_quota: Nullable(Type.Integer()),
    tax_free: Nullable(Type.Integer()),
    vat_amount: Nullable(Type.Integer()),
  }),
});
export type ScheduleRecord = Static<typeof ScheduleRecordSchema>;

export const WebhookDeliveryRecordSchema = WebhookDeliverySchema;
export type WebhookDeliveryRecord = Static<typeof WebhookDeliveryRecordSchema>;

export const PreparedRecordSchema = Type.Object({ merchant: MerchantCode, prepare: PaymentPrepareSchema });
export type PreparedRecord = Static<typeof PreparedRecordSchema>;

/**
 * A cash receipt: of a payment (`imp_uid`), or external, of a cash sale made outside the sandbox (`imp_uid` null),
 * found by its merchant_uid. `receipt` holds the fields both answers share.
 */
export const CashReceiptRecordSchema = Type.Object({
  merchant: MerchantCode,
  imp_uid: Nullable(Type.String()),
  merchant_uid: Type.String(),
  receipt: Type.Omit(ReceiptSchema, ['imp_uid']),
});
export type CashReceiptRecord = Static<typeof CashReceiptRecordSchema>;

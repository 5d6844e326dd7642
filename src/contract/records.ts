import Type, { type Static, type TObject, type TSchema } from 'typebox';
import { CustomerSchema } from './customer.js';
import { LATEST_UNIX_SECONDS, MAX_AMOUNT, Nullable } from './common.js';
import { PaymentCancelSchema, PaymentSchema } from './payment.js';
import { PaymentPrepareSchema } from './prepare.js';
import { ReceiptSchema } from './receipts.js';
import { ScheduleResultSchema } from './schedule.js';
import { WebhookAttemptSchema, WebhookDeliverySchema } from './webhook.js';

// Stored records: the public object the API shows, plus what the sandbox needs to know internally. These schemas
// check every record a data file or an import brings in, and the record types derive from them.
// Only masked card numbers are ever kept.

const MerchantCode = Type.String({ minLength: 1 });

// A record holds only numbers the API itself could have stored, so a data file or an import cannot bring in what a
// request would be refused for: amounts past 2^53 (a one-won cancel no longer moves cancel_amount), fractions,
// negative amounts, or times no Date can show (a receipt page formatting them fails).

/** The id sequence: far more than any sandbox counts, and every number up to it and one past is exact. */
export const MAX_SEQ = 2 ** 50;
const Seq = Type.Integer({ minimum: 0, maximum: MAX_SEQ, description: 'creation order across the sandbox' });
/** Money: a whole number of won, at most what a request may carry. */
const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT });
/**
 * The latest time (UNIX seconds) a record may hold: the clock stops at the end of 9999, and a year past it leaves
 * room for what falls due after its last instant (a virtual account's deadline, a token's expiry).
 */
const LATEST_RECORDED_SECONDS = LATEST_UNIX_SECONDS + 366 * 24 * 60 * 60;
const Time = Type.Integer({ minimum: 0, maximum: LATEST_RECORDED_SECONDS, description: 'UNIX timestamp (seconds); 0 when not happened' });
const TimeMs = Type.Integer({ minimum: 0, maximum: LATEST_RECORDED_SECONDS * 1000, description: 'milliseconds since the epoch' });

/** A public object's schema with some properties checked more strictly, keeping its static type. */
const stored = <T extends TObject>(schema: T, stricter: { [K in keyof T['properties']]?: TSchema }): T =>
  Type.Object({ ...schema.properties, ...stricter } as Record<string, TSchema>) as unknown as T;

export const TokenRecordSchema = Type.Object({
  token: Type.String({ minLength: 1 }),
  merchant: MerchantCode,
  issued_at: TimeMs,
  expires_at: TimeMs,
});
export type TokenRecord = Static<typeof TokenRecordSchema>;

/** What the payment window needs after it opened (payments made through IMP.request_pay). */
const WindowSessionSchema = Type.Object({
  /** A mobile browser's m_redirect_url: where the result goes as a query string; null on a PC (the callback gets it). */
  m_redirect_url: Nullable(Type.String()),
  /** Shown as the virtual account's holder. */
  company: Nullable(Type.String()),
  /** Deposit deadline of a virtual account (from `vbank_due`), UNIX seconds; 0 for other pay methods. */
  vbank_due: Time,
  /** Replaces the merchant's Notification URL for this payment's webhooks. */
  notice_url: Nullable(Type.String()),
  /** How the window failed (user cancel, decline), so its result can be told again; null otherwise. */
  failure: Nullable(Type.Object({ error_code: Type.String(), error_msg: Type.String() })),
});

/** A virtual account issued through the API (POST /vbanks): where its deposit is notified. */
const ApiVbankSchema = Type.Object({ notice_url: Nullable(Type.String()) });

export const PaymentRecordSchema = Type.Object({
  merchant: MerchantCode,
  seq: Seq,
  payment: stored(PaymentSchema, {
    amount: Amount,
    cancel_amount: Amount,
    vbank_date: Time,
    vbank_issued_at: Time,
    started_at: Time,
    paid_at: Time,
    failed_at: Time,
    cancelled_at: Time,
    cancel_history: Type.Array(stored(PaymentCancelSchema, { amount: Amount, cancelled_at: Time })),
    deposit_history: Type.Array(Type.Object({ amount: Amount, deposited_at: Time })),
    promotion: Nullable(Type.Object({ id: Type.String(), discount: Amount })),
  }),
  window: Type.Optional(WindowSessionSchema),
  vbank: Type.Optional(ApiVbankSchema),
});
export type PaymentRecord = Static<typeof PaymentRecordSchema>;

export const BillingKeyRecordSchema = Type.Object({
  merchant: MerchantCode,
  customer: stored(CustomerSchema, { inserted: Time, updated: Time }),
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
  schedule: stored(ScheduleResultSchema, { schedule_at: Time, executed_at: Time, revoked_at: Time, amount: Amount }),
  /** What the charge needs that the ScheduleResult does not show. */
  charge: Type.Object({
    notice_url: Nullable(Type.String()),
    card_quota: Nullable(Type.Integer()),
    tax_free: Nullable(Amount),
    vat_amount: Nullable(Amount),
  }),
});
export type ScheduleRecord = Static<typeof ScheduleRecordSchema>;

export const WebhookDeliveryRecordSchema = stored(WebhookDeliverySchema, {
  seq: Seq,
  next_attempt_at: Nullable(Time),
  attempts: Type.Array(stored(WebhookAttemptSchema, { at: Time })),
});
export type WebhookDeliveryRecord = Static<typeof WebhookDeliveryRecordSchema>;

export const PreparedRecordSchema = Type.Object({ merchant: MerchantCode, prepare: stored(PaymentPrepareSchema, { amount: Amount }) });
export type PreparedRecord = Static<typeof PreparedRecordSchema>;

/**
 * A cash receipt: of a payment (`imp_uid`), or external, of a cash sale made outside the sandbox (`imp_uid` null),
 * found by its merchant_uid. `receipt` holds the fields both answers share.
 */
export const CashReceiptRecordSchema = Type.Object({
  merchant: MerchantCode,
  imp_uid: Nullable(Type.String()),
  merchant_uid: Type.String(),
  receipt: stored(Type.Omit(ReceiptSchema, ['imp_uid']), { amount: Amount, vat: Amount, applied_at: Time, cancelled_at: Time }),
});
export type CashReceiptRecord = Static<typeof CashReceiptRecordSchema>;

import type { Customer } from '../contract/customer.js';
import type { Payment } from '../contract/payment.js';
import type { ScheduleResult } from '../contract/schedule.js';

// Stored records: the public object the API shows, plus what the sandbox needs to know internally.
// Only masked card numbers are ever kept.

export interface PaymentRecord {
  merchant: string;
  /** Insertion order across the sandbox, for stable "newest first" listings. */
  seq: number;
  payment: Payment;
  /** Set on payments made through the payment window (IMP.request_pay): what the window needs after it opened. */
  window?: WindowSession;
}

export interface WindowSession {
  /** Redirect mode (mobile): where the result goes as a query string; null in popup mode (the callback gets it). */
  m_redirect_url: string | null;
  /** Shown as the virtual account's holder. */
  company: string | null;
  /** Deposit deadline of a virtual account (from `vbank_due`), UNIX seconds; 0 for other pay methods. */
  vbank_due: number;
  /** Replaces the merchant's Notification URL for this payment's webhooks. */
  notice_url: string | null;
  /** How the window failed (user cancel, decline), so its result can be told again; null otherwise. */
  failure: { error_code: string; error_msg: string } | null;
}

export interface BillingKeyRecord {
  merchant: string;
  customer: Customer;
  /** YYYYMM, checked against the sandbox clock on every charge. */
  expiry: string;
  /** Scripted declines carried over from the test card the key was issued with (reason codes). */
  decline_every: string | null;
  decline_repeat: string | null;
}

export interface TokenRecord {
  token: string;
  merchant: string;
  /** Milliseconds since the epoch. */
  issued_at: number;
  expires_at: number;
}

export interface ScheduleRecord {
  merchant: string;
  /** Creation order across the sandbox: schedules due at the same second run in this order. */
  seq: number;
  schedule: ScheduleResult;
  /** What the charge needs that the ScheduleResult does not show. */
  charge: { notice_url: string | null; card_quota: number | null; tax_free: number | null; vat_amount: number | null };
}

export type WebhookStatus = 'paid' | 'failed' | 'ready' | 'cancelled';

/** What a webhook POSTs (reference §7); `cancellation_id` only on cancel events. */
export interface WebhookBody {
  imp_uid: string;
  merchant_uid: string;
  status: WebhookStatus;
  cancellation_id?: string;
}

export interface WebhookAttempt {
  /** UNIX seconds of sandbox time the attempt started. */
  at: number;
  url: string;
  /** `event`: the first delivery; `retry`: the merchant's retry setting; `resend`: asked through the control API. */
  trigger: 'event' | 'retry' | 'resend';
  /** The receiver's HTTP status, or null when none came back. */
  status: number | null;
  /** Why the attempt failed (network error, timeout, non-2xx), or null. */
  error: string | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  merchant: string;
  seq: number;
  url: string;
  content_type: 'json' | 'form';
  body: WebhookBody;
  /** The merchant's retry setting when the event happened. */
  retry: boolean;
  state: 'pending' | 'delivered' | 'failed';
  /** UNIX seconds of sandbox time the next retry is due, or null when none is. */
  next_attempt_at: number | null;
  attempts: WebhookAttempt[];
}

// Every field present, keys in alphabetical order, as the vendor's JSON arrives.
const BLANK_PAYMENT: Payment = {
  amount: 0,
  apply_num: '',
  bank_code: null,
  bank_name: null,
  buyer_addr: null,
  buyer_email: null,
  buyer_name: null,
  buyer_postcode: null,
  buyer_tel: null,
  cancel_amount: 0,
  cancel_history: [],
  cancel_reason: null,
  cancel_receipt_urls: [],
  cancelled_at: 0,
  card_code: null,
  card_issuer_code: null,
  card_issuer_name: null,
  card_name: null,
  card_number: null,
  card_publisher_code: null,
  card_publisher_name: null,
  card_quota: 0,
  card_type: null,
  cash_receipt_issued: false,
  channel: 'api',
  currency: 'KRW',
  custom_data: null,
  customer_uid: null,
  customer_uid_usage: null,
  deposit_history: [],
  emb_pg_provider: null,
  escrow: false,
  fail_reason: null,
  failed_at: 0,
  imp_uid: '',
  merchant_uid: '',
  name: null,
  paid_at: 0,
  pay_method: 'card',
  pg_id: '',
  pg_provider: 'settle',
  pg_tid: null,
  promotion: null,
  receipt_url: null,
  sandbox: false,
  started_at: 0,
  status: 'ready',
  user_agent: null,
  vbank_code: null,
  vbank_date: 0,
  vbank_holder: null,
  vbank_issued_at: 0,
  vbank_name: null,
  vbank_num: null,
};

/** A Payment with every field present, as the vendor always sends it; callers override what applies. */
export function blankPayment(fields: Pick<Payment, 'imp_uid' | 'merchant_uid' | 'amount' | 'status'> & Partial<Payment>): Payment {
  return { ...BLANK_PAYMENT, cancel_history: [], deposit_history: [], cancel_receipt_urls: [], ...fields };
}

/** Deep copies keep callers from editing stored records through a returned object. */
// Records are plain JSON data, for which a direct walk is several times faster than structuredClone (hot path).
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) out[key] = copy(field);
    return out as T;
  }
  return value;
}

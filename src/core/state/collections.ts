import {
  BillingKeyRecordSchema,
  CashReceiptRecordSchema,
  PaymentRecordSchema,
  PreparedRecordSchema,
  ScheduleRecordSchema,
  TokenRecordSchema,
  WebhookDeliveryRecordSchema,
  type BillingKeyRecord,
  type CashReceiptRecord,
  type PaymentRecord,
  type PreparedRecord,
  type ScheduleRecord,
  type TokenRecord,
  type WebhookDeliveryRecord,
} from '../../contract/records.js';
import { TenantRecordSchema, type TenantRecord } from '../../contract/tenants.js';
import type { CollectionSpec, Table } from './table.js';

/** A record's identity within one merchant; the same text the journal has always keyed such records by. */
export const merchantKey = (merchant: string, id: string) => JSON.stringify([merchant, id]);

const byMerchant = (record: { merchant: string }) => record.merchant;

/**
 * The one key of the indexes that hold just the records some timed work waits on (an open virtual account, a
 * schedule, a webhook retry): the once-a-second check for due work reads those few, never every stored record.
 */
export const WAITING = 'waiting';

/** A virtual account issued through the window or the API and not yet deposited: it fails at its deadline. */
const awaitingDeposit = (r: PaymentRecord) => {
  const p = r.payment;
  return (r.window || r.vbank) && p.pay_method === 'vbank' && p.status === 'ready' && p.vbank_num ? WAITING : null;
};

/**
 * Every collection of the state, declared once. Snapshots, restore, import, the journal and the snapshot schema
 * all loop over this list: adding a collection is one entry here. The order is the order of a snapshot's keys.
 */
export const collections = {
  tokens: {
    name: 'tokens',
    schema: TokenRecordSchema,
    key: (r) => r.token,
    indexes: { merchant: byMerchant },
  } satisfies CollectionSpec<TokenRecord>,
  payments: {
    name: 'payments',
    schema: PaymentRecordSchema,
    // imp_uid is unique across merchants, so a receipt link can find its payment without a merchant.
    key: (r) => r.payment.imp_uid,
    indexes: {
      merchant: byMerchant,
      merchant_uid: (r) => merchantKey(r.merchant, r.payment.merchant_uid),
      customer_uid: (r) => (r.payment.customer_uid ? merchantKey(r.merchant, r.payment.customer_uid) : null),
      awaiting_deposit: awaitingDeposit,
    },
  } satisfies CollectionSpec<PaymentRecord>,
  billing_keys: {
    name: 'billing_keys',
    schema: BillingKeyRecordSchema,
    key: (r) => merchantKey(r.merchant, r.customer.customer_uid),
    indexes: { merchant: byMerchant },
  } satisfies CollectionSpec<BillingKeyRecord>,
  schedules: {
    name: 'schedules',
    schema: ScheduleRecordSchema,
    key: (r) => merchantKey(r.merchant, r.schedule.merchant_uid),
    indexes: {
      merchant: byMerchant,
      customer_uid: (r) => merchantKey(r.merchant, r.schedule.customer_uid),
      scheduled: (r) => (r.schedule.schedule_status === 'scheduled' ? WAITING : null),
    },
  } satisfies CollectionSpec<ScheduleRecord>,
  webhook_deliveries: {
    name: 'webhook_deliveries',
    schema: WebhookDeliveryRecordSchema,
    key: (r) => merchantKey(r.merchant, r.id),
    indexes: { merchant: byMerchant, id: (r) => r.id, retrying: (r) => (r.next_attempt_at === null ? null : WAITING) },
  } satisfies CollectionSpec<WebhookDeliveryRecord>,
  prepared: {
    name: 'prepared',
    schema: PreparedRecordSchema,
    key: (r) => merchantKey(r.merchant, r.prepare.merchant_uid),
    indexes: { merchant: byMerchant },
  } satisfies CollectionSpec<PreparedRecord>,
  cash_receipts: {
    name: 'cash_receipts',
    schema: CashReceiptRecordSchema,
    // A payment has at most one receipt; an external one is known by its merchant_uid.
    key: (r) => merchantKey(r.merchant, r.imp_uid ?? `external:${r.merchant_uid}`),
    indexes: { merchant: byMerchant },
  } satisfies CollectionSpec<CashReceiptRecord>,
  // Merchants made on demand (POST /sandbox/tenants). A reset forgets their records, never them: a worker that
  // resets everything must not take another worker's credentials away. Only their own DELETE or an import does.
  tenants: {
    name: 'tenants',
    schema: TenantRecordSchema,
    key: (r) => r.code,
    indexes: { imp_key: (r) => r.imp_key },
    keptByReset: true,
  } satisfies CollectionSpec<TenantRecord>,
};

export type Collections = typeof collections;
export type CollectionName = keyof Collections;
/** The record type of a collection. */
export type RecordOf<N extends CollectionName> = Collections[N] extends CollectionSpec<infer R> ? R : never;
/** The index names of a collection. */
type IndexOf<N extends CollectionName> = keyof Collections[N]['indexes'] & string;
/** The table of a collection, its index names checked by the compiler. */
export type TableOf<N extends CollectionName> = Table<RecordOf<N>, IndexOf<N>>;
export const collectionNames = Object.keys(collections) as CollectionName[];

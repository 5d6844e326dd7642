import type { PreparedRecord } from '../payments/prepare.js';
import type { BillingKeyRecord, PaymentRecord, ScheduleRecord, TokenRecord, WebhookDeliveryRecord } from '../records.js';

/** The whole sandbox as plain JSON: what the file store writes and what export/import exchange. */
export interface Snapshot {
  version: 1;
  seq: number;
  tokens: TokenRecord[];
  payments: PaymentRecord[];
  billing_keys: BillingKeyRecord[];
  /** Absent in snapshots written before scheduled payments existed. */
  schedules?: ScheduleRecord[];
  webhook_deliveries?: WebhookDeliveryRecord[];
  /** Amounts registered with POST /payments/prepare; absent in snapshots written before the payment window. */
  prepared?: PreparedRecord[];
}

export type Collection = 'tokens' | 'payments' | 'billing_keys' | 'schedules' | 'webhook_deliveries' | 'prepared';

/** A record as it is now (null once deleted): what the file store appends instead of rewriting everything. */
export interface Change {
  collection: Collection;
  key: string;
  record: unknown;
}

type Keyed = { merchant?: string; token?: string; payment?: { imp_uid: string }; customer?: { customer_uid: string }; schedule?: { merchant_uid: string }; id?: string; prepare?: { merchant_uid: string } };

/** The identity of a record within its collection, the same for the state and for the file store's journal. */
export function recordKey(collection: Collection, record: unknown): string {
  const r = record as Keyed;
  switch (collection) {
    case 'tokens':
      return r.token!;
    case 'payments':
      return r.payment!.imp_uid;
    case 'billing_keys':
      return JSON.stringify([r.merchant, r.customer!.customer_uid]);
    case 'schedules':
      return JSON.stringify([r.merchant, r.schedule!.merchant_uid]);
    case 'webhook_deliveries':
      return JSON.stringify([r.merchant, r.id]);
    case 'prepared':
      return JSON.stringify([r.merchant, r.prepare!.merchant_uid]);
  }
}

/** One merchant's data. Every lookup the API makes is a key lookup here, O(1) however much is stored. */
export class MerchantBook {
  readonly payments = new Map<string, PaymentRecord>();
  /** merchant_uid → its payments, oldest first (a failed attempt may be followed by a retry). */
  readonly byMerchantUid = new Map<string, PaymentRecord[]>();
  readonly billingKeys = new Map<string, BillingKeyRecord>();
  /** customer_uid → payments charged with or issuing that key, oldest first. */
  readonly byCustomerUid = new Map<string, PaymentRecord[]>();
  /** merchant_uid → its schedule (a revoked one is replaced when the merchant_uid is scheduled again). */
  readonly schedules = new Map<string, ScheduleRecord>();
  /** delivery id → webhook delivery with its attempts, oldest first. */
  readonly webhookDeliveries = new Map<string, WebhookDeliveryRecord>();
  /** merchant_uid → the amount the payment window must be asked for (POST /payments/prepare). */
  readonly prepared = new Map<string, PreparedRecord>();
}

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const removeFrom = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (!list) return;
  const index = list.lastIndexOf(value);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
};

export class SandboxState {
  seq = 0;
  readonly books = new Map<string, MerchantBook>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly tokenOfMerchant = new Map<string, TokenRecord>();
  /** imp_uid → owning merchant, so generated ids stay unique across merchants. */
  readonly impUids = new Map<string, string>();
  /** Records changed since the store last took them; a reset or an import needs the whole state rewritten. */
  private readonly changed = new Map<string, Change>();
  private rewriteAll = false;
  private tracking = false;

  trackChanges(): void {
    this.tracking = true;
  }

  /**
   * Marks a record as changed. The state's own methods do this; code that edits a stored record in place
   * (a cancel, a schedule run, a webhook attempt) calls it too, or the file store would not save the edit.
   */
  touch(collection: Collection, record: unknown, deleted = false): void {
    if (!this.tracking) return;
    const key = recordKey(collection, record);
    this.changed.set(`${collection}\u0000${key}`, { collection, key, record: deleted ? null : record });
  }

  /** What changed since the last call, or null when only a full rewrite is right (after a reset or an import). */
  takeChanges(): Change[] | null {
    const rewrite = this.rewriteAll;
    const changes = [...this.changed.values()];
    this.changed.clear();
    this.rewriteAll = false;
    return rewrite ? null : changes;
  }

  /** After a write that may not have landed, the next one rewrites everything rather than trust a partial journal. */
  needRewrite(): void {
    this.rewriteAll = true;
  }

  book(merchant: string): MerchantBook {
    let book = this.books.get(merchant);
    if (!book) {
      book = new MerchantBook();
      this.books.set(merchant, book);
    }
    return book;
  }

  addPayment(record: PaymentRecord): () => void {
    const book = this.book(record.merchant);
    const { imp_uid, merchant_uid, customer_uid } = record.payment;
    book.payments.set(imp_uid, record);
    this.touch('payments', record);
    this.impUids.set(imp_uid, record.merchant);
    pushTo(book.byMerchantUid, merchant_uid, record);
    if (customer_uid) pushTo(book.byCustomerUid, customer_uid, record);
    return () => {
      book.payments.delete(imp_uid);
      this.impUids.delete(imp_uid);
      removeFrom(book.byMerchantUid, merchant_uid, record);
      if (customer_uid) removeFrom(book.byCustomerUid, customer_uid, record);
    };
  }

  setBillingKey(record: BillingKeyRecord): () => void {
    const book = this.book(record.merchant);
    const uid = record.customer.customer_uid;
    const previous = book.billingKeys.get(uid);
    book.billingKeys.set(uid, record);
    this.touch('billing_keys', record);
    return () => {
      if (previous) book.billingKeys.set(uid, previous);
      else book.billingKeys.delete(uid);
    };
  }

  deleteBillingKey(merchant: string, customerUid: string): () => void {
    const book = this.book(merchant);
    const previous = book.billingKeys.get(customerUid);
    book.billingKeys.delete(customerUid);
    if (previous) this.touch('billing_keys', previous, true);
    return () => {
      if (previous) book.billingKeys.set(customerUid, previous);
    };
  }

  setSchedule(record: ScheduleRecord): () => void {
    const book = this.book(record.merchant);
    const uid = record.schedule.merchant_uid;
    const previous = book.schedules.get(uid);
    book.schedules.set(uid, record);
    this.touch('schedules', record);
    return () => {
      if (previous) book.schedules.set(uid, previous);
      else book.schedules.delete(uid);
    };
  }

  addWebhookDelivery(record: WebhookDeliveryRecord): () => void {
    const book = this.book(record.merchant);
    book.webhookDeliveries.set(record.id, record);
    this.touch('webhook_deliveries', record);
    return () => book.webhookDeliveries.delete(record.id);
  }

  setPrepared(record: PreparedRecord): () => void {
    const book = this.book(record.merchant);
    book.prepared.set(record.prepare.merchant_uid, record);
    this.touch('prepared', record);
    return () => book.prepared.delete(record.prepare.merchant_uid);
  }

  setToken(record: TokenRecord): () => void {
    const previous = this.tokenOfMerchant.get(record.merchant);
    if (previous && previous.token !== record.token) {
      this.tokens.delete(previous.token);
      this.touch('tokens', previous, true);
    }
    this.tokens.set(record.token, record);
    this.touch('tokens', record);
    this.tokenOfMerchant.set(record.merchant, record);
    return () => {
      this.tokens.delete(record.token);
      this.tokenOfMerchant.delete(record.merchant);
      if (previous) {
        this.tokens.set(previous.token, previous);
        this.tokenOfMerchant.set(previous.merchant, previous);
      }
    };
  }

  /** Forgets everything of one merchant, or of all merchants. */
  clear(merchant?: string): void {
    this.rewriteAll = true;
    if (merchant === undefined) {
      this.books.clear();
      this.tokens.clear();
      this.tokenOfMerchant.clear();
      this.impUids.clear();
      return;
    }
    const book = this.books.get(merchant);
    if (book) for (const uid of book.payments.keys()) this.impUids.delete(uid);
    this.books.delete(merchant);
    const token = this.tokenOfMerchant.get(merchant);
    if (token) this.tokens.delete(token.token);
    this.tokenOfMerchant.delete(merchant);
  }

  snapshot(): Snapshot {
    const payments: PaymentRecord[] = [];
    const billingKeys: BillingKeyRecord[] = [];
    const schedules: ScheduleRecord[] = [];
    const deliveries: WebhookDeliveryRecord[] = [];
    const prepared: PreparedRecord[] = [];
    for (const book of this.books.values()) {
      payments.push(...book.payments.values());
      billingKeys.push(...book.billingKeys.values());
      schedules.push(...book.schedules.values());
      deliveries.push(...book.webhookDeliveries.values());
      prepared.push(...book.prepared.values());
    }
    payments.sort((a, b) => a.seq - b.seq);
    schedules.sort((a, b) => a.seq - b.seq);
    deliveries.sort((a, b) => a.seq - b.seq);
    return {
      version: 1,
      seq: this.seq,
      tokens: [...this.tokens.values()],
      payments,
      billing_keys: billingKeys,
      schedules,
      webhook_deliveries: deliveries,
      prepared,
    };
  }

  restore(snapshot: Snapshot): void {
    this.clear();
    this.seq = snapshot.seq;
    for (const record of snapshot.payments) this.addPayment(record);
    for (const record of snapshot.billing_keys) this.setBillingKey(record);
    for (const record of snapshot.schedules ?? []) this.setSchedule(record);
    for (const record of snapshot.webhook_deliveries ?? []) this.addWebhookDelivery(record);
    for (const record of snapshot.prepared ?? []) this.setPrepared(record);
    for (const record of snapshot.tokens) this.setToken(record);
  }
}

/** Checks the outline of a snapshot read from a file or an import before it replaces the state. */
export function isSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['version'] === 1 &&
    typeof v['seq'] === 'number' &&
    Array.isArray(v['tokens']) &&
    Array.isArray(v['payments']) &&
    Array.isArray(v['billing_keys']) &&
    (v['schedules'] === undefined || Array.isArray(v['schedules'])) &&
    (v['webhook_deliveries'] === undefined || Array.isArray(v['webhook_deliveries'])) &&
    (v['prepared'] === undefined || Array.isArray(v['prepared']))
  );
}

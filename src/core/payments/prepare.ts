import type { PaymentPrepare, PrepareBody } from '../../contract/prepare.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { errors } from '../errors.js';
import { copy } from '../records.js';

export interface PreparedRecord {
  merchant: string;
  prepare: PaymentPrepare;
}

/**
 * Amounts registered before a payment-window request (reference §4.15). They only bind `IMP.request_pay`:
 * the REST charges (onetime, again) charge what they are sent.
 */
export class Prepares {
  constructor(private readonly core: Core) {}

  async prepare(caller: Caller, body: PrepareBody): Promise<Answer<PaymentPrepare>> {
    const book = this.core.state.book(caller.merchant.code);
    if (book.prepared.has(body.merchant_uid)) throw errors.prepareDuplicate();
    const record: PreparedRecord = {
      merchant: caller.merchant.code,
      prepare: { merchant_uid: body.merchant_uid, amount: body.amount, currency: body.currency ?? null },
    };
    return this.core.write((undo) => {
      undo(this.core.state.setPrepared(record));
      return ok(copy(record.prepare));
    });
  }

  /** PUT: a new amount (and currency) for a merchant_uid already registered. */
  async edit(caller: Caller, body: PrepareBody): Promise<Answer<PaymentPrepare>> {
    const record = this.core.state.book(caller.merchant.code).prepared.get(body.merchant_uid);
    if (!record) throw errors.prepareNotFound();
    return this.core.write((undo) => {
      const before = record.prepare;
      undo(() => (record.prepare = before));
      record.prepare = { merchant_uid: body.merchant_uid, amount: body.amount, currency: body.currency ?? null };
      this.core.state.touch('prepared', record);
      return ok(copy(record.prepare));
    });
  }

  get(caller: Caller, merchantUid: string): Answer<PaymentPrepare> {
    const record = this.core.state.book(caller.merchant.code).prepared.get(merchantUid);
    if (!record) throw errors.prepareNotFound();
    return ok(copy(record.prepare));
  }

  /** What the window checks a request against, or null when nothing was registered. */
  lookup(merchant: string, merchantUid: string): PaymentPrepare | null {
    return this.core.state.book(merchant).prepared.get(merchantUid)?.prepare ?? null;
  }
}

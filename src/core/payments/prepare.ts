import type { PaymentPrepare, PrepareBody } from '../../contract/prepare.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { merchantKey, type TableOf } from '../state/collections.js';

/**
 * Amounts registered before a payment-window request (reference §4.15). They only bind `IMP.request_pay`:
 * the REST charges (onetime, again) charge what they are sent.
 */
export class Prepares {
  constructor(
    private readonly core: Core,
    private readonly prepared: TableOf<'prepared'>,
  ) {}

  async prepare(caller: Caller, body: PrepareBody): Promise<Answer<PaymentPrepare>> {
    if (this.lookup(caller.merchant.code, body.merchant_uid)) throw errors.prepareDuplicate();
    return this.save(caller, body);
  }

  /** PUT: a new amount (and currency) for a merchant_uid already registered. */
  async edit(caller: Caller, body: PrepareBody): Promise<Answer<PaymentPrepare>> {
    if (!this.lookup(caller.merchant.code, body.merchant_uid)) throw errors.prepareNotFound();
    return this.save(caller, body);
  }

  get(caller: Caller, merchantUid: string): Answer<PaymentPrepare> {
    const prepared = this.lookup(caller.merchant.code, merchantUid);
    if (!prepared) throw errors.prepareNotFound();
    return ok(copy(prepared));
  }

  /** What the window checks a request against, or null when nothing was registered. */
  lookup(merchant: string, merchantUid: string): PaymentPrepare | null {
    return this.prepared.get(merchantKey(merchant, merchantUid))?.prepare ?? null;
  }

  private save(caller: Caller, body: PrepareBody): Promise<Answer<PaymentPrepare>> {
    const prepare = { merchant_uid: body.merchant_uid, amount: body.amount, currency: body.currency ?? null };
    return this.core.write(() => {
      this.prepared.put({ merchant: caller.merchant.code, prepare });
      return ok(copy(prepare));
    });
  }
}

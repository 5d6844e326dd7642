import type { Customer } from '../../contract/customer.js';
import type { PagedPayments } from '../../contract/payment.js';
import type { CustomerSaveBody } from '../../contract/requests.js';
import { ok, type Answer } from '../answer.js';
import { declineMessage } from '../cards/declines.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { contractDecline, isExpired, normaliseExpiry, resolveApiMid } from '../merchants/settle-rules.js';
import { pageOf } from '../paging.js';
import { billingKeyRecord } from './key-record.js';

const PAGE_SIZE = 20;

/** Billing keys (customers), reference §4.3–§4.7 and §6.2. */
export class BillingKeys {
  constructor(private readonly core: Core) {}

  /**
   * Issuing a key without a payment needs Hecto's separate billing-key contract; without it Settle issues keys
   * only through onetime with customer_uid, and the request is refused before anything is stored.
   */
  async save(caller: Caller, customerUid: string, body: CustomerSaveBody): Promise<Answer<Customer | null>> {
    const { merchant } = caller;
    if (!merchant.settle.billing_key_api) throw errors.billingKeyApiNotContracted();
    const mid = resolveApiMid(merchant, body.pg);
    const card = this.core.cards.describe(body.card_number);
    const expiry = normaliseExpiry(body.expiry);
    const reasonCode =
      (isExpired(expiry, this.core.clock.now()) ? 'expired_card' : null) ??
      contractDecline(mid, body) ??
      (card.declineEvery && this.core.cards.reason(card.declineEvery).stage !== 'approval' ? card.declineEvery : null);
    if (reasonCode) throw errors.cardDeclined(declineMessage(this.core.cards.reason(reasonCode), true));

    const record = billingKeyRecord(this.core, merchant.code, mid, customerUid, card, expiry, {
      customer_id: body.customer_id ?? null,
      customer_name: body.customer_name ?? null,
      customer_tel: body.customer_tel ?? null,
      customer_email: body.customer_email ?? null,
      customer_addr: body.customer_addr ?? null,
      customer_postcode: body.customer_postcode ?? null,
    });
    return this.core.write(() => ok(copy(this.core.records.billingKeys.put(record).customer)));
  }

  get(caller: Caller, customerUid: string): Answer<Customer> {
    const key = this.core.records.billingKeys.get(caller.merchant.code, customerUid);
    if (!key) throw errors.customerNotFound(customerUid);
    return ok(copy(key.customer));
  }

  /** Several keys at once: 200 when all are found, 207 when some are, 404 when none. */
  getMany(caller: Caller, customerUids: readonly string[]): Answer<Customer[]> {
    const unique = [...new Set(customerUids)];
    const found = unique.flatMap((uid) => {
      const key = this.core.records.billingKeys.get(caller.merchant.code, uid);
      return key ? [copy(key.customer)] : [];
    });
    if (found.length === 0) throw errors.customersNotFound();
    return ok(found, found.length === unique.length ? 200 : 207);
  }

  async delete(caller: Caller, customerUid: string): Promise<Answer<Customer>> {
    const key = this.core.records.billingKeys.get(caller.merchant.code, customerUid);
    if (!key) throw errors.customerNotFound(customerUid);
    return this.core.write(() => {
      this.core.records.billingKeys.delete(caller.merchant.code, customerUid);
      return ok(copy(key.customer));
    });
  }

  /**
   * Payments made with (or issuing) a key, newest first, 20 a page; `previous`/`next` are 0 when absent. A key that
   * does not exist, deleted ones included, is the vendor's 404 "유효하지 않은 customer_uid", whatever it once paid.
   */
  payments(caller: Caller, customerUid: string, page: number): Answer<PagedPayments> {
    const code = caller.merchant.code;
    if (!this.core.records.billingKeys.get(code, customerUid)) throw errors.customerNotFound(customerUid);
    const records = this.core.records.payments.ofCustomer(code, customerUid);
    const paged = pageOf(records.reverse(), page, PAGE_SIZE);
    return ok({ ...paged, list: paged.list.map((r) => copy(r.payment)) });
  }
}

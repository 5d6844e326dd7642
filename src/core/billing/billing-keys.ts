import type { Customer } from '../../contract/customer.js';
import type { PagedPayments } from '../../contract/payment.js';
import type { CustomerSaveBody } from '../../contract/requests.js';
import { ok, type Answer } from '../answer.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Caller, Core } from '../context.js';
import { declineMessage } from '../cards/declines.js';
import { errors } from '../errors.js';
import { copy, type BillingKeyRecord } from '../records.js';
import { revokeSchedulesOf } from '../schedules/schedules.js';
import type { CardInfo } from '../cards/cards.js';
import { contractDecline, isExpired, normaliseExpiry, resolveApiMid } from '../merchants/settle-rules.js';

const PAGE_SIZE = 20;

type Holder = Pick<Customer, 'customer_id' | 'customer_name' | 'customer_tel' | 'customer_email' | 'customer_addr' | 'customer_postcode'>;

/**
 * A billing key for a card, keeping only what the sandbox may keep: the masked number, the issuer,
 * the expiry and the card's scripted declines. A reused customer_uid keeps its first `inserted` time.
 */
export function billingKeyRecord(
  core: Core,
  merchant: string,
  mid: string,
  customerUid: string,
  card: CardInfo,
  expiry: string,
  holder: Holder,
): BillingKeyRecord {
  const now = toUnixSeconds(core.clock.now());
  const previous = core.state.book(merchant).billingKeys.get(customerUid);
  const customer: Customer = {
    customer_uid: customerUid,
    pg_provider: 'settle',
    pg_id: mid,
    sandbox: false,
    customer_id: holder.customer_id,
    card_name: card.card_name,
    card_code: card.card_code,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    card_number: card.masked,
    card_type: card.card_type,
    customer_name: holder.customer_name,
    customer_tel: holder.customer_tel,
    customer_email: holder.customer_email,
    customer_addr: holder.customer_addr,
    customer_postcode: holder.customer_postcode,
    inserted: previous?.customer.inserted ?? now,
    updated: now,
  };
  return { merchant, customer, expiry, decline_every: card.declineEvery, decline_repeat: card.declineRepeat };
}

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

    const record = billingKeyRecord(this.core, merchant.code, mid.mid, customerUid, card, expiry, {
      customer_id: body.customer_id ?? null,
      customer_name: body.customer_name ?? null,
      customer_tel: body.customer_tel ?? null,
      customer_email: body.customer_email ?? null,
      customer_addr: body.customer_addr ?? null,
      customer_postcode: body.customer_postcode ?? null,
    });
    return this.core.write((undo) => {
      undo(this.core.state.setBillingKey(record));
      return ok(copy(record.customer));
    });
  }

  get(caller: Caller, customerUid: string): Answer<Customer> {
    const key = this.core.state.book(caller.merchant.code).billingKeys.get(customerUid);
    if (!key) throw errors.customerNotFound(customerUid);
    return ok(copy(key.customer));
  }

  /** Several keys at once: 200 when all are found, 207 when some are, 404 when none. */
  getMany(caller: Caller, customerUids: readonly string[]): Answer<Customer[]> {
    const keys = this.core.state.book(caller.merchant.code).billingKeys;
    const unique = [...new Set(customerUids)];
    const found = unique.flatMap((uid) => {
      const key = keys.get(uid);
      return key ? [copy(key.customer)] : [];
    });
    if (found.length === 0) throw errors.customersNotFound();
    return ok(found, found.length === unique.length ? 200 : 207);
  }

  async delete(caller: Caller, customerUid: string): Promise<Answer<Customer>> {
    const book = this.core.state.book(caller.merchant.code);
    const key = book.billingKeys.get(customerUid);
    if (!key) throw errors.customerNotFound(customerUid);
    return this.core.write((undo) => {
      undo(this.core.state.deleteBillingKey(caller.merchant.code, customerUid));
      revokeSchedulesOf(this.core, caller.merchant.code, customerUid, undo);
      return ok(copy(key.customer));
    });
  }

  /** Payments made with (or issuing) a key, newest first, 20 a page; `previous`/`next` are 0 when absent. */
  payments(caller: Caller, customerUid: string, page: number): Answer<PagedPayments> {
    const book = this.core.state.book(caller.merchant.code);
    const records = book.byCustomerUid.get(customerUid);
    if (!records && !book.billingKeys.has(customerUid)) throw errors.customerNotFound(customerUid);
    const all = records ?? [];
    const total = all.length;
    const end = total - (page - 1) * PAGE_SIZE;
    const list = end > 0 ? all.slice(Math.max(0, end - PAGE_SIZE), end).reverse().map((r) => copy(r.payment)) : [];
    return ok({ total, previous: page > 1 ? page - 1 : 0, next: page * PAGE_SIZE < total ? page + 1 : 0, list });
  }
}

import type { Payment } from '../../contract/payment.js';
import type { AgainBody, OnetimeBody } from '../../contract/requests.js';
import { ok, refusal, type Answer } from '../answer.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Caller, Core, Undo } from '../context.js';
import { declineMessage } from '../cards/declines.js';
import { errors } from '../errors.js';
import type { Merchant, SettleMid } from '../merchants/merchants.js';
import { billingKeyRecord } from '../billing/billing-keys.js';
import { blankPayment, copy, type PaymentRecord } from '../records.js';
import { contractDecline, isExpired, kstStamp, normaliseExpiry, resolveApiMid } from '../merchants/settle-rules.js';

type ChargeBody = Omit<OnetimeBody, 'card_number' | 'expiry'>;

/** Key-in charges (onetime) and billing-key charges (again), reference §4.1, §4.2, §5.3. */
export class Charges {
  constructor(private readonly core: Core) {}

  /**
   * Charges a card once; with `customer_uid`, a successful charge also stores the card as that billing key.
   * A decline is stored as a failed payment and answered with code -1 and the PG's message.
   */
  async onetime(caller: Caller, body: OnetimeBody): Promise<Answer<Payment | null>> {
    const { merchant } = caller;
    const mid = resolveApiMid(merchant, body.pg);
    this.refusePaidMerchantUid(merchant, body.merchant_uid);

    const card = this.core.cards.describe(body.card_number);
    const expiry = normaliseExpiry(body.expiry);
    const scripted = this.core.outcomes.decide({ merchant: merchant.code, customerUid: body.customer_uid ?? null, card: card.masked });
    const reason = scripted
      ? scripted.reason
      : ((card.declineEvery === 'invalid_card_number' ? card.declineEvery : null) ??
        (isExpired(expiry, this.core.clock.now()) ? 'expired_card' : null) ??
        contractDecline(mid, body) ??
        card.declineEvery);

    const payment = this.newPayment(caller, mid, body, {
      card_code: card.card_code,
      card_name: card.card_name,
      card_number: card.masked,
      card_type: card.card_type,
      customer_uid: body.customer_uid ?? null,
      customer_uid_usage: body.customer_uid ? 'issue' : null,
    });
    const message = reason ? declineMessage(this.core.cards.reason(reason)) : null;
    if (message) this.fail(payment, message);

    const answer = await this.core.write((undo) => {
      if (scripted) undo(scripted.consume());
      this.store(merchant, payment, undo);
      if (!message && body.customer_uid) {
        // Settle's only way to issue a billing key: a successful onetime charge with customer_uid (buyer_* → customer_*).
        const record = billingKeyRecord(this.core, merchant.code, mid.mid, body.customer_uid, card, expiry, {
          customer_id: null,
          customer_name: body.buyer_name ?? null,
          customer_tel: body.buyer_tel ?? null,
          customer_email: body.buyer_email ?? null,
          customer_addr: body.buyer_addr ?? null,
          customer_postcode: body.buyer_postcode ?? null,
        });
        undo(this.core.state.setBillingKey(record));
      }
      return message ? refusal(200, -1, message) : ok(copy(payment));
    });
    // Reference §7: only a successful payment is notified, and only once it is stored.
    if (!message) this.core.notify(merchant, payment, 'paid', { noticeUrl: body.notice_url });
    return answer;
  }

  /**
   * Charges a stored billing key. A card decline is a normal answer (code 0) carrying a failed payment;
   * a PG that cannot be reached is code -1. Both are stored.
   */
  async again(caller: Caller, body: AgainBody, usage: 'payment' | 'payment.scheduled' = 'payment'): Promise<Answer<Payment | null>> {
    const { merchant } = caller;
    const key = this.core.state.book(merchant.code).billingKeys.get(body.customer_uid);
    if (!key) throw errors.unknownCustomer();
    this.refusePaidMerchantUid(merchant, body.merchant_uid);
    const mid = merchant.settle.mids.find((m) => m.mid === key.customer.pg_id);
    if (!mid) throw errors.pgNotConfigured();

    const scripted = this.core.outcomes.decide({ merchant: merchant.code, customerUid: key.customer.customer_uid, card: key.customer.card_number });
    const reasonCode = scripted
      ? scripted.reason
      : ((isExpired(key.expiry, this.core.clock.now()) ? 'expired_card' : null) ?? key.decline_every ?? key.decline_repeat);
    const reason = reasonCode ? this.core.cards.reason(reasonCode) : null;
    const c = key.customer;
    const payment = this.newPayment(
      caller,
      mid,
      {
        ...body,
        buyer_name: body.buyer_name ?? c.customer_name ?? undefined,
        buyer_email: body.buyer_email ?? c.customer_email ?? undefined,
        buyer_tel: body.buyer_tel ?? c.customer_tel ?? undefined,
        buyer_addr: body.buyer_addr ?? c.customer_addr ?? undefined,
        buyer_postcode: body.buyer_postcode ?? c.customer_postcode ?? undefined,
      },
      {
        card_code: c.card_code,
        card_name: c.card_name,
        card_number: c.card_number,
        card_type: c.card_type,
        customer_uid: c.customer_uid,
        customer_uid_usage: usage,
      },
    );
    if (reason) this.fail(payment, declineMessage(reason));

    const answer = await this.core.write((undo) => {
      if (scripted) undo(scripted.consume());
      this.store(merchant, payment, undo);
      if (reason?.stage === 'network') return refusal(200, -1, declineMessage(reason));
      return ok(copy(payment));
    });
    // A scheduled charge is notified by the schedule (paid or failed, once the schedule shows the result).
    if (!reason && usage === 'payment') this.core.notify(merchant, payment, 'paid', { noticeUrl: body.notice_url });
    return answer;
  }

  /** A merchant_uid that was paid (even if cancelled since) cannot be charged again; failed attempts can be retried. */
  private refusePaidMerchantUid(merchant: Merchant, merchantUid: string): void {
    const earlier = this.core.state.book(merchant.code).byMerchantUid.get(merchantUid) ?? [];
    if (earlier.some((r) => r.payment.status === 'paid' || r.payment.status === 'cancelled')) throw errors.alreadyPaid();
  }

  private newPayment(caller: Caller, mid: SettleMid, body: ChargeBody, card: Partial<Payment>): Payment {
    const now = this.core.clock.now();
    const seconds = toUnixSeconds(now);
    const impUid = this.newImpUid();
    return blankPayment({
      imp_uid: impUid,
      merchant_uid: body.merchant_uid,
      amount: body.amount,
      status: 'paid',
      pg_id: mid.mid,
      pg_tid: `${mid.mid}${kstStamp(now)}${this.core.random.digits(6)}`,
      apply_num: this.core.random.digits(8),
      card_quota: body.card_quota ?? 0,
      name: body.name ?? null,
      currency: body.currency ?? 'KRW',
      buyer_name: body.buyer_name ?? null,
      buyer_email: body.buyer_email ?? null,
      buyer_tel: body.buyer_tel ?? null,
      buyer_addr: body.buyer_addr ?? null,
      buyer_postcode: body.buyer_postcode ?? null,
      custom_data: body.custom_data === undefined ? null : typeof body.custom_data === 'string' ? body.custom_data : JSON.stringify(body.custom_data),
      user_agent: caller.userAgent,
      started_at: seconds,
      paid_at: seconds,
      receipt_url: `${this.core.publicUrl}/sandbox/receipts/${impUid}`,
      ...card,
    });
  }

  private fail(payment: Payment, message: string): void {
    payment.status = 'failed';
    payment.failed_at = payment.paid_at;
    payment.paid_at = 0;
    payment.apply_num = '';
    payment.fail_reason = message;
    payment.receipt_url = null;
  }

  private store(merchant: Merchant, payment: Payment, undo: Undo): void {
    const record: PaymentRecord = { merchant: merchant.code, seq: ++this.core.state.seq, payment };
    undo(this.core.state.addPayment(record));
  }

  /** `imps_` + 12 digits, unique across the sandbox. */
  private newImpUid(): string {
    for (;;) {
      const uid = `imps_${this.core.random.digits(12)}`;
      if (!this.core.state.impUids.has(uid)) return uid;
    }
  }
}

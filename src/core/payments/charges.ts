import type { Payment } from '../../contract/payment.js';
import type { PaymentRecord } from '../../contract/records.js';
import type { AgainBody, OnetimeBody } from '../../contract/requests.js';
import { ok, refusal, type Answer } from '../answer.js';
import { buyerWithHolder, holderFromBuyer, type Buyer } from '../billing/holder.js';
import { billingKeyRecord } from '../billing/key-record.js';
import { declineMessage } from '../cards/declines.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import type { Merchant, SettleMid } from '../merchants/merchants.js';
import { contractDecline, isExpired, isTestChannel, normaliseExpiry, resolveApiMid } from '../merchants/settle-rules.js';
import { toUnixSeconds } from '../time/clock.js';
import { checkAmountParts } from './amount-parts.js';
import { blankPayment } from './blank-payment.js';
import { customDataText } from './custom-data.js';
import { newApplyNum, newImpUid, newPgTid } from './ids.js';
import { installmentMonths } from './installments.js';

/** Absent and null alike: the request or the schedule does not give it. */
type Maybe<T> = T | null | undefined;

/** What a charge takes: the order, and the buyer (for a billing key, completed from the key's holder). */
type ChargeInput = { merchant_uid: string; amount: number; card_quota?: Maybe<number>; name?: Maybe<string>; currency?: Maybe<string>; custom_data?: unknown } & {
  [K in keyof Buyer]?: Maybe<string>;
};

/** What a charge of a stored billing key takes: the key's customer_uid and the charge's input. */
export type ScheduledCharge = ChargeInput & { customer_uid: string };

/** A billing-key charge as stored. */
interface KeyCharge {
  payment: Payment;
  /** The PG could not be reached: the API answers code -1 with this message. */
  unreachable: string | null;
}

/** Key-in charges (onetime) and billing-key charges (again), reference §4.1, §4.2, §5.3. */
export class Charges {
  constructor(private readonly core: Core) {}

  /**
   * Charges a card once; with `customer_uid`, a successful charge also stores the card as that billing key.
   * A decline is stored as a failed payment and answered with code -1 and the PG's message.
   */
  async onetime(caller: Caller, body: OnetimeBody): Promise<Answer<Payment | null>> {
    const { merchant } = caller;
    checkAmountParts(body.amount, body);
    const mid = resolveApiMid(merchant, body.pg);
    this.refuseTaken(merchant, body.merchant_uid);

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
    if (message) fail(payment, message);

    const answer = await this.core.write(() => {
      scripted?.consume();
      this.store(merchant, payment);
      if (!message && body.customer_uid) {
        // Settle's only way to issue a billing key: a successful onetime charge with customer_uid (buyer_* → customer_*).
        const key = billingKeyRecord(this.core, merchant.code, mid, body.customer_uid, card, expiry, holderFromBuyer(body));
        this.core.records.billingKeys.put(key);
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
  async again(caller: Caller, body: AgainBody): Promise<Answer<Payment | null>> {
    checkAmountParts(body.amount, body);
    const { payment, unreachable } = await this.chargeKey(caller, body, 'payment');
    const answer = unreachable ? refusal(200, -1, unreachable) : ok(copy(payment));
    if (payment.status === 'paid') this.core.notify(caller.merchant, payment, 'paid', { noticeUrl: body.notice_url });
    return answer;
  }

  /**
   * A schedule's charge at its time, by the rules of `again`, answering the payment it stored (declined, or failed
   * because the key was deleted since). The schedule notifies it, once the schedule shows the result.
   */
  async scheduled(caller: Caller, charge: ScheduledCharge): Promise<Payment> {
    return (await this.chargeKey(caller, charge, 'payment.scheduled')).payment;
  }

  private async chargeKey(caller: Caller, body: ScheduledCharge, usage: 'payment' | 'payment.scheduled'): Promise<KeyCharge> {
    const { merchant } = caller;
    const key = this.core.records.billingKeys.get(merchant.code, body.customer_uid);
    if (!key && usage === 'payment') throw errors.unknownCustomer();
    this.refuseTaken(merchant, body.merchant_uid);
    if (!key) return { payment: await this.keyGone(caller, body), unreachable: null };
    const mid = merchant.settle.mids.find((m) => m.mid === key.customer.pg_id);
    if (!mid) throw errors.pgNotConfigured();

    const c = key.customer;
    const scripted = this.core.outcomes.decide({ merchant: merchant.code, customerUid: c.customer_uid, card: c.card_number });
    const reasonCode = scripted
      ? scripted.reason
      : ((isExpired(key.expiry, this.core.clock.now()) ? 'expired_card' : null) ?? key.decline_every ?? key.decline_repeat);
    const reason = reasonCode ? this.core.cards.reason(reasonCode) : null;
    const payment = this.newPayment(
      caller,
      mid,
      { ...body, ...buyerWithHolder(body, c) },
      {
        card_code: c.card_code,
        card_name: c.card_name,
        card_number: c.card_number,
        card_type: c.card_type,
        customer_uid: c.customer_uid,
        customer_uid_usage: usage,
      },
    );
    if (reason) fail(payment, declineMessage(reason));
    await this.core.write(() => {
      scripted?.consume();
      this.store(merchant, payment);
    });
    return { payment, unreachable: reason?.stage === 'network' ? declineMessage(reason) : null };
  }

  /**
   * A scheduled charge whose billing key was deleted after it was scheduled. Deleting a key leaves its schedules
   * (the vendor: "빌링키 삭제시 결제예약된 내역이 존재하는지 반드시 확인하셔야 합니다", reference §4.5), so at its
   * time the charge runs and fails: stored as a failed payment with the reason `again` would give, and the
   * schedule shows and notifies it like any failed scheduled charge.
   */
  private async keyGone(caller: Caller, body: ScheduledCharge): Promise<Payment> {
    const payment = this.newPayment(caller, resolveApiMid(caller.merchant, undefined), body, {
      customer_uid: body.customer_uid,
      customer_uid_usage: 'payment.scheduled',
    });
    fail(payment, errors.unknownCustomer().message);
    await this.core.write(() => this.store(caller.merchant, payment));
    return payment;
  }

  private refuseTaken(merchant: Merchant, merchantUid: string): void {
    if (this.core.records.payments.isMerchantUidTaken(merchant.code, merchantUid)) throw errors.alreadyPaid();
  }

  private newPayment(caller: Caller, mid: SettleMid, body: ChargeInput, card: Partial<Payment>): Payment {
    const now = this.core.clock.now();
    const seconds = toUnixSeconds(now);
    const impUid = newImpUid(this.core, 'imps_');
    return blankPayment({
      imp_uid: impUid,
      merchant_uid: body.merchant_uid,
      amount: body.amount,
      status: 'paid',
      pg_id: mid.mid,
      pg_tid: newPgTid(this.core, mid.mid, now),
      sandbox: isTestChannel(mid),
      apply_num: newApplyNum(this.core),
      card_quota: installmentMonths(body.card_quota, body.amount),
      name: body.name ?? null,
      currency: body.currency ?? 'KRW',
      buyer_name: body.buyer_name ?? null,
      buyer_email: body.buyer_email ?? null,
      buyer_tel: body.buyer_tel ?? null,
      buyer_addr: body.buyer_addr ?? null,
      buyer_postcode: body.buyer_postcode ?? null,
      custom_data: customDataText(body.custom_data),
      user_agent: caller.userAgent,
      started_at: seconds,
      paid_at: seconds,
      receipt_url: this.core.receiptUrl(impUid),
      ...card,
    });
  }

  private store(merchant: Merchant, payment: Payment): void {
    const record: PaymentRecord = { merchant: merchant.code, seq: this.core.nextSeq(), payment };
    this.core.records.payments.put(record);
  }
}

/** A declined charge: no approval, no receipt, the PG's message as the reason. */
function fail(payment: Payment, message: string): void {
  payment.status = 'failed';
  payment.failed_at = payment.paid_at;
  payment.paid_at = 0;
  payment.apply_num = '';
  payment.fail_reason = message;
  payment.receipt_url = null;
}

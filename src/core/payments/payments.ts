import type { Payment, PaymentStatus } from '../../contract/payment.js';
import type { PaymentRecord } from '../../contract/records.js';
import type { CancelBody } from '../../contract/requests.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { cancelledAtPg } from '../merchants/settle-rules.js';
import { checkAmountParts } from './amount-parts.js';
import { markScheduleCancelled } from './cancelled-schedule.js';
import { toUnixSeconds } from '../time/clock.js';
import { wasPaid } from './ledger.js';
import { bySorting, type Sorting } from './sorting.js';

/** Payment lookups and cancellation, reference §4.11–§4.14. */
export class Payments {
  constructor(private readonly core: Core) {}

  /**
   * getPaymentByImpUid. A test-channel payment is not found unless the caller asks with `include_sandbox=true`
   * (the vendor since 2026-01-26, reference §4.11, §13); no other lookup hides them.
   */
  get(caller: Caller, impUid: string, { includeSandbox = false }: { includeSandbox?: boolean | undefined } = {}): Answer<Payment> {
    const record = this.core.records.payments.of(caller.merchant.code, impUid);
    if (!record || (record.payment.sandbox && !includeSandbox)) throw errors.paymentNotFound();
    return ok(copy(record.payment));
  }

  /** Any merchant's payment by imp_uid, for the receipt page a payment's `receipt_url` points at. */
  receipt(impUid: string): Payment | null {
    const record = this.core.records.payments.get(impUid);
    return record ? copy(record.payment) : null;
  }

  /** The first payment of a merchant_uid (optionally in one status) in the requested order. */
  find(caller: Caller, merchantUid: string, status: PaymentStatus | undefined, sorting: Sorting = '-started'): Answer<Payment> {
    const candidates = this.core.records.payments.attempts(caller.merchant.code, merchantUid).filter(
      (r) => status === undefined || r.payment.status === status,
    );
    const best = candidates.sort(bySorting(sorting))[0];
    if (!best) throw errors.paymentNotFound();
    return ok(copy(best.payment));
  }

  /** Up to 100 ids of each kind: 200 when all are found, 207 when some are, 404 when none. */
  getMany(caller: Caller, impUids: readonly string[], merchantUids: readonly string[]): Answer<Payment[]> {
    if (impUids.length === 0 && merchantUids.length === 0) throw errors.paymentIdsMissing();
    const code = caller.merchant.code;
    const found = new Map<string, Payment>();
    let missing = 0;
    for (const uid of new Set(impUids)) {
      const record = this.core.records.payments.of(code, uid);
      if (record) found.set(uid, record.payment);
      else missing++;
    }
    for (const uid of new Set(merchantUids)) {
      const latest = this.core.records.payments.attempts(code, uid).at(-1);
      if (latest) found.set(latest.payment.imp_uid, latest.payment);
      else missing++;
    }
    if (found.size === 0) throw errors.paymentsNotFound();
    return ok([...found.values()].map(copy), missing === 0 ? 200 : 207);
  }

  /**
   * Cancels all or part of a paid payment. imp_uid wins over merchant_uid; `checksum` is the caller's view of the
   * cancellable balance and must match it. Any cancel leaves the status `cancelled`, as recorded from the real API.
   */
  async cancel(caller: Caller, body: CancelBody): Promise<Answer<Payment>> {
    const code = caller.merchant.code;
    let record: PaymentRecord | undefined;
    if (body.imp_uid) record = this.core.records.payments.of(code, body.imp_uid);
    else if (body.merchant_uid) record = this.core.records.payments.attempts(code, body.merchant_uid).findLast(wasPaid);
    else throw errors.cancelIdMissing();
    if (!record || !wasPaid(record)) throw errors.cancelTargetNotFound();
    const payment = record.payment;
    if (payment.pay_method === 'vbank') requireRefundAccount(body);
    const cancellable = payment.amount - payment.cancel_amount;
    if (cancellable <= 0) throw errors.alreadyFullyCancelled();
    if (body.checksum !== undefined && body.checksum !== null && body.checksum !== cancellable) {
      throw errors.checksumMismatch(body.checksum, cancellable);
    }
    const amount = body.amount ? body.amount : cancellable;
    if (amount > cancellable) throw errors.overCancel(amount, cancellable);
    // "(부분)취소요청금액 중 면세금액 / 부가세 금액": parts of what this cancel takes back.
    checkAmountParts(amount, body);
    // PortOne's own checks pass; the PG then refuses a test payment its nightly batch already cancelled.
    if (cancelledAtPg(caller.merchant, payment, this.core.clock.now())) throw errors.cancelledAtPg();

    const now = toUnixSeconds(this.core.clock.now());
    const reason = body.reason ?? '';
    const entry = {
      pg_tid: payment.pg_tid ?? '',
      amount,
      cancelled_at: now,
      reason,
      cancellation_id: this.core.random.alphanumeric(20),
      receipt_url: payment.receipt_url,
    };
    const cancelled = await this.core.write(() => {
      markScheduleCancelled(this.core, code, payment);
      return this.core.records.payments.update(payment.imp_uid, (draft) => {
        const p = draft.payment;
        p.cancel_amount += amount;
        p.cancel_history.push(entry);
        p.status = 'cancelled';
        p.cancelled_at = now;
        p.cancel_reason = reason;
      }).payment;
    });
    // Reference §4.14, §7: an API cancel is notified only when the request asks for it.
    if (body.enable_webhook) {
      this.core.notify(caller.merchant, cancelled, 'cancelled', { cancellationId: entry.cancellation_id });
    }
    return ok(copy(cancelled));
  }
}

/** Reference §4.14: a deposited virtual account is refunded to the account the request names. */
function requireRefundAccount(body: CancelBody): void {
  for (const name of ['refund_holder', 'refund_bank', 'refund_account'] as const) if (!body[name]) throw errors.missingParameter(name);
}

import type { Payment } from '../../contract/payment.js';
import type { ScheduleRecord } from '../../contract/records.js';
import type { ScheduleResult } from '../../contract/schedule.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { merchantKey } from '../state/collections.js';
import { refusePastTime } from './future.js';
import type { Schedules } from './schedules.js';

/** Executed and failed, or revoked: what the vendor lets `reschedule` and `retry` take up again. */
const isRetryable = (s: ScheduleResult) => s.schedule_status === 'revoked' || (s.schedule_status === 'executed' && s.payment_status === 'failed');

/**
 * Changes to one schedule after it was made (the vendor's V1 OpenAPI, reference §13 "Newer schedule endpoints"):
 * `update` moves a pending schedule; `reschedule` puts a failed or revoked one back in the queue at a new time;
 * `retry` runs a failed or revoked one now, as the scheduled charge itself would run.
 */
export class ScheduleChanges {
  /** Schedules being retried: a second retry of the same one waits for nothing and is refused ("이미 실행중"). */
  private readonly running = new Set<string>();

  constructor(
    private readonly core: Core,
    private readonly schedules: Schedules,
  ) {}

  /** updateScheduleByMid: 400 when the schedule already ran or was revoked, or the new time is not in the future. */
  async update(caller: Caller, merchantUid: string, scheduleAt: number): Promise<Answer<ScheduleResult>> {
    const code = caller.merchant.code;
    return this.core.write(() => {
      const record = this.require(code, merchantUid);
      if (record.schedule.schedule_status !== 'scheduled') throw errors.scheduleNotPending();
      refusePastTime(this.core, scheduleAt);
      return ok(copy(this.core.records.schedules.update(code, merchantUid, (draft) => void (draft.schedule.schedule_at = scheduleAt)).schedule));
    });
  }

  /** rescheduleByMid: a failed or revoked schedule is pending again at `scheduleAt`, its last result cleared. */
  async reschedule(caller: Caller, merchantUid: string, scheduleAt: number): Promise<Answer<ScheduleResult>> {
    return this.core.write(() => {
      this.retryable(caller, merchantUid);
      refusePastTime(this.core, scheduleAt);
      const updated = this.core.records.schedules.update(caller.merchant.code, merchantUid, (draft) => {
        Object.assign(draft.schedule, {
          schedule_at: scheduleAt,
          schedule_status: 'scheduled',
          executed_at: 0,
          revoked_at: 0,
          imp_uid: null,
          payment_status: null,
          fail_reason: null,
        } satisfies Partial<ScheduleResult>);
      });
      return ok(copy(updated.schedule));
    });
  }

  /**
   * retryScheduleByMid: charges a failed or revoked schedule now and answers the payment (paid or failed, as
   * `again` answers a decline); the schedule shows the new result. A billing key deleted since → 404.
   */
  async retry(caller: Caller, merchantUid: string): Promise<Answer<Payment>> {
    const key = merchantKey(caller.merchant.code, merchantUid);
    const record = this.retryable(caller, merchantUid);
    if (!this.core.records.billingKeys.get(caller.merchant.code, record.schedule.customer_uid)) {
      throw errors.customerNotFound(record.schedule.customer_uid);
    }
    if (this.running.has(key)) throw errors.scheduleRunning();
    this.running.add(key);
    try {
      // A retry is a charge the merchant asks for and is answered at once, as `again` is: only a paid one is
      // notified. The vendor documents a failure webhook for scheduled runs alone (reference §7).
      const payment = await this.schedules.execute(record, { notifyFailure: false });
      if (!payment) throw errors.scheduleRetryRefused(this.require(caller.merchant.code, merchantUid).schedule.fail_reason ?? '');
      return ok(copy(payment));
    } finally {
      this.running.delete(key);
    }
  }

  private require(merchant: string, merchantUid: string): ScheduleRecord {
    const record = this.core.records.schedules.get(merchant, merchantUid);
    if (!record) throw errors.scheduleNotFound();
    return record;
  }

  /** Failed or revoked, and its merchant_uid not paid since (by another charge): otherwise 400. */
  private retryable(caller: Caller, merchantUid: string): ScheduleRecord {
    const record = this.require(caller.merchant.code, merchantUid);
    if (this.running.has(merchantKey(caller.merchant.code, merchantUid))) throw errors.scheduleRunning();
    if (!isRetryable(record.schedule)) throw errors.scheduleNotRetryable();
    if (this.core.records.payments.isMerchantUidTaken(caller.merchant.code, record.schedule.merchant_uid)) throw errors.alreadyPaidSchedule();
    return record;
  }
}

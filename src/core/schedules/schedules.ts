import type { Customer } from '../../contract/customer.js';
import type { Payment } from '../../contract/payment.js';
import type { ScheduleRecord } from '../../contract/records.js';
import type {
  PagedSchedules,
  ScheduleBody,
  ScheduleCustomerQuery,
  ScheduleEntry,
  ScheduleRangeQuery,
  ScheduleResult,
  UnscheduleBody,
} from '../../contract/schedule.js';
import { ok, type Answer } from '../answer.js';
import type { BillingKeys } from '../billing/billing-keys.js';
import { buyerWithHolder } from '../billing/holder.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { SandboxError, errors } from '../errors.js';
import { pageOf } from '../paging.js';
import type { Charges, ScheduledCharge } from '../payments/charges.js';
import { customDataText } from '../payments/custom-data.js';
import { toUnixSeconds } from '../time/clock.js';
import type { TimedTask } from '../time/timeline.js';
import { checkAmountParts } from '../payments/amount-parts.js';
import { refusePastTime } from './future.js';
import { checkScheduleRange } from './range.js';
import { revoke } from './revoke.js';

const CUSTOMER_PAGE_SIZE = 20;

const bySchedule = (a: ScheduleRecord, b: ScheduleRecord) => a.schedule.schedule_at - b.schedule.schedule_at || a.seq - b.seq;

/**
 * Scheduled payments (reference §4.8–§4.10). At `schedule_at` of sandbox time the charge runs as `again` with
 * `customer_uid_usage: "payment.scheduled"`, and a webhook reports it paid or failed (§7).
 */
export class Schedules implements TimedTask {
  constructor(
    private readonly core: Core,
    private readonly charges: Charges,
    private readonly billingKeys: BillingKeys,
  ) {}

  /**
   * With card details and an unknown customer_uid, the key is issued first, by the same rules as
   * POST /subscribe/customers/{uid}: a Settle merchant without the separate billing-key contract is refused.
   */
  async schedule(caller: Caller, body: ScheduleBody): Promise<Answer<ScheduleResult[]>> {
    const { merchant } = caller;
    for (const entry of body.schedules) {
      checkAmountParts(entry.amount, entry);
      refusePastTime(this.core, entry.schedule_at);
    }
    this.refuseTaken(merchant.code, body);
    if (!this.core.records.billingKeys.get(merchant.code, body.customer_uid)) {
      if (!body.card_number || !body.expiry) throw errors.scheduleCustomerUnknown();
      const { card_number, expiry, birth, pwd_2digit, customer_id, pg } = body;
      await this.billingKeys.save(caller, body.customer_uid, { card_number, expiry, birth, pwd_2digit, customer_id, pg });
    }
    return this.core.write(() => {
      // Checked again: another request may have taken a merchant_uid while the key was being issued.
      this.refuseTaken(merchant.code, body);
      const key = this.core.records.billingKeys.get(merchant.code, body.customer_uid);
      if (!key) throw errors.scheduleCustomerUnknown();
      return ok(
        body.schedules.map((entry) => {
          const record = newScheduleRecord(merchant.code, this.core.nextSeq(), body, entry, key.customer);
          return copy(this.core.records.schedules.put(record).schedule);
        }),
      );
    });
  }

  /** Revokes pending schedules of a customer, of listed merchant_uids, or both narrowed together. */
  async unschedule(caller: Caller, body: UnscheduleBody): Promise<Answer<ScheduleResult[]>> {
    const merchantUids = [body.merchant_uid ?? [], body['merchant_uid[]'] ?? []].flat();
    if (!body.customer_uid && merchantUids.length === 0) throw errors.missingParameter('customer_uid');
    const code = caller.merchant.code;
    const candidates =
      merchantUids.length > 0 ? merchantUids.flatMap((uid) => this.recordOf(code, uid) ?? []) : this.core.records.schedules.ofMerchant(code).sort((a, b) => a.seq - b.seq);
    const pending = candidates.filter(
      (r) => r.schedule.schedule_status === 'scheduled' && (!body.customer_uid || r.schedule.customer_uid === body.customer_uid),
    );
    if (pending.length === 0) throw errors.nothingToUnschedule();
    return this.core.write(() => ok(pending.map((record) => revoke(this.core, record))));
  }

  get(caller: Caller, merchantUid: string): Answer<ScheduleResult> {
    const record = this.recordOf(caller.merchant.code, merchantUid);
    if (!record) throw errors.scheduleNotFound();
    return ok(copy(record.schedule));
  }

  /** A customer's schedules with `from <= schedule_at < to`, 20 a page, newest first ("예약된 시각 기준으로 최신순"). */
  byCustomer(caller: Caller, customerUid: string, query: ScheduleCustomerQuery): Answer<PagedSchedules> {
    checkScheduleRange(query.from, query.to, 'to');
    const status = query['schedule-status'];
    const list = this.core.records.schedules
      .ofCustomer(caller.merchant.code, customerUid)
      .sort(bySchedule)
      .map((r) => r.schedule)
      .filter((s) => s.schedule_at >= query.from && s.schedule_at < query.to && (!status || s.schedule_status === status))
      .reverse();
    return ok(pageOf(list.map(copy), query.page ?? 1, CUSTOMER_PAGE_SIZE));
  }

  /** Schedules with `schedule_from <= schedule_at < schedule_to`, newest first unless `sorting` says otherwise. */
  byRange(caller: Caller, query: ScheduleRangeQuery): Answer<PagedSchedules> {
    checkScheduleRange(query.schedule_from, query.schedule_to, 'schedule_to');
    const status = query.schedule_status;
    const list = this.core.records.schedules.ofMerchant(caller.merchant.code)
      .sort(bySchedule)
      .map((r) => r.schedule)
      .filter((s) => s.schedule_at >= query.schedule_from && s.schedule_at < query.schedule_to && (!status || s.schedule_status === status));
    if ((query.sorting ?? '-scheduled').startsWith('-')) list.reverse();
    return ok(pageOf(list.map(copy), query.page ?? 1, query.limit ?? 20));
  }

  /** Every schedule of one merchant or of all, by `schedule_at` then creation (the control API's listing). */
  list(merchant?: string): ScheduleResult[] {
    if (merchant !== undefined) this.core.merchants.require(merchant);
    const records = this.core.records.schedules.ofMerchant(merchant);
    return records.sort(bySchedule).map((r) => copy(r.schedule));
  }

  nextDue(): number | null {
    const due = this.pending()[0];
    return due ? due.schedule.schedule_at * 1000 : null;
  }

  /** Runs every schedule due at `now`, one after another in order of `schedule_at`. */
  async runDue(now: number): Promise<void> {
    for (const record of this.pending()) {
      if (record.schedule.schedule_at * 1000 > now) break;
      // An earlier run in this pass may have changed it (a key deleted, a schedule revoked): read it afresh.
      const current = this.recordOf(record.merchant, record.schedule.merchant_uid);
      if (current?.schedule.schedule_status === 'scheduled') await this.execute(current);
    }
  }

  private recordOf(merchant: string, merchantUid: string): ScheduleRecord | undefined {
    return this.core.records.schedules.get(merchant, merchantUid);
  }

  private pending(): ScheduleRecord[] {
    return this.core.records.schedules.pending().sort(bySchedule);
  }

  /** A merchant_uid that is scheduled, or was paid, cannot be scheduled again; a revoked one can. */
  private refuseTaken(merchant: string, body: ScheduleBody): void {
    const seen = new Set<string>();
    for (const { merchant_uid: uid } of body.schedules) {
      const scheduled = this.recordOf(merchant, uid);
      const taken = (scheduled && scheduled.schedule.schedule_status !== 'revoked') || this.core.records.payments.isMerchantUidTaken(merchant, uid);
      if (seen.has(uid) || taken) throw errors.scheduleDuplicate(uid);
      seen.add(uid);
    }
  }

  /**
   * Runs one schedule now and answers the payment it made (null when refused before the PG).
   * The charge is `again` itself, so a scheduled charge declines, is scripted and is stored exactly as an API
   * charge would be (a key deleted since fails as a stored payment, see `Charges.again`). A refusal before the PG
   * (merchant_uid paid meanwhile) leaves no payment: the schedule fails with that message and no webhook is sent
   * (none has an imp_uid).
   */
  async execute(record: ScheduleRecord, { notifyFailure = true }: { notifyFailure?: boolean } = {}): Promise<Payment | null> {
    const s = record.schedule;
    const merchant = this.core.merchants.get(record.merchant);
    let payment: Payment | null = null;
    let refusal: string | null = merchant ? null : errors.unknownMerchant(record.merchant).message;
    if (merchant) {
      try {
        payment = await this.charges.scheduled({ merchant, userAgent: null }, chargeOf(record));
      } catch (error) {
        refusal = error instanceof SandboxError ? error.message : errors.internal().message;
      }
    }
    const paymentStatus = payment?.status === 'paid' ? 'paid' : 'failed';
    const executedAt = toUnixSeconds(this.core.clock.now());
    await this.core.write(() =>
      this.core.records.schedules.update(record.merchant, s.merchant_uid, (draft) => {
        draft.schedule.schedule_status = 'executed';
        draft.schedule.executed_at = executedAt;
        draft.schedule.imp_uid = payment?.imp_uid ?? null;
        draft.schedule.payment_status = paymentStatus;
        draft.schedule.fail_reason = payment ? payment.fail_reason : refusal;
      }),
    );
    if (merchant && payment && (paymentStatus === 'paid' || notifyFailure)) {
      this.core.notify(merchant, payment, paymentStatus, { noticeUrl: record.charge.notice_url });
    }
    return payment;
  }
}

/** A pending schedule of one entry, its buyer completed from the key's holder where the entry gives none. */
const newScheduleRecord = (merchant: string, seq: number, body: ScheduleBody, entry: ScheduleEntry, c: Customer): ScheduleRecord => ({
  merchant,
  seq,
  schedule: {
    customer_uid: body.customer_uid,
    merchant_uid: entry.merchant_uid,
    imp_uid: null,
    pg_provider: 'settle',
    pg_id: c.pg_id,
    customer_id: body.customer_id ?? c.customer_id,
    schedule_at: entry.schedule_at,
    executed_at: 0,
    revoked_at: 0,
    amount: entry.amount,
    currency: entry.currency ?? 'KRW',
    name: entry.name,
    ...buyerWithHolder(entry, c),
    custom_data: customDataText(entry.custom_data),
    schedule_status: 'scheduled',
    payment_status: null,
    fail_reason: null,
    promotion_id: entry.promotion_id ?? null,
  },
  charge: {
    notice_url: entry.notice_url ?? null,
    card_quota: entry.card_quota ?? null,
    tax_free: entry.tax_free ?? null,
    vat_amount: entry.vat_amount ?? null,
  },
});

/** What a schedule charges: its order and buyer as stored (the vendor's schedules always charge KRW). */
const chargeOf = ({ schedule: s, charge }: ScheduleRecord): ScheduledCharge => ({
  customer_uid: s.customer_uid,
  merchant_uid: s.merchant_uid,
  amount: s.amount,
  currency: 'KRW',
  name: s.name,
  buyer_name: s.buyer_name,
  buyer_email: s.buyer_email,
  buyer_tel: s.buyer_tel,
  buyer_addr: s.buyer_addr,
  buyer_postcode: s.buyer_postcode,
  custom_data: s.custom_data,
  card_quota: charge.card_quota,
});

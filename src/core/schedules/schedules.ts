import type {
  PagedSchedules,
  ScheduleBody,
  ScheduleCustomerQuery,
  ScheduleRangeQuery,
  ScheduleResult,
  UnscheduleBody,
} from '../../contract/schedule.js';
import { ok, type Answer } from '../answer.js';
import type { BillingKeys } from '../billing/billing-keys.js';
import type { Charges } from '../payments/charges.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Caller, Core, Undo } from '../context.js';
import { SandboxError, errors } from '../errors.js';
import type { MerchantBook } from '../state/state.js';
import { copy, type ScheduleRecord } from '../records.js';
import type { TimedTask } from '../time/timeline.js';

const CUSTOMER_PAGE_SIZE = 20;

const customData = (value: ScheduleBody['schedules'][number]['custom_data']) =>
  value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Revokes the pending schedules of a billing key, as part of another change (deleting the key): a schedule
 * whose key is gone could only fail, and the vendor's documentation tells merchants to clear them first.
 */
export function revokeSchedulesOf(core: Core, merchant: string, customerUid: string, undo: Undo): ScheduleResult[] {
  const revokedAt = toUnixSeconds(core.clock.now());
  const revoked: ScheduleResult[] = [];
  for (const record of core.state.book(merchant).schedules.values()) {
    if (record.schedule.customer_uid !== customerUid || record.schedule.schedule_status !== 'scheduled') continue;
    revoke(core, record, revokedAt, undo);
    revoked.push(copy(record.schedule));
  }
  return revoked;
}

function revoke(core: Core, record: ScheduleRecord, revokedAt: number, undo: Undo): void {
  const before = record.schedule;
  record.schedule = { ...before, schedule_status: 'revoked', revoked_at: revokedAt };
  core.state.touch('schedules', record);
  undo(() => (record.schedule = before));
}

/** A merchant_uid that is scheduled, or was charged, cannot be scheduled again; a revoked one can. */
function isTaken(book: MerchantBook, merchantUid: string): boolean {
  const schedule = book.schedules.get(merchantUid);
  if (schedule && schedule.schedule.schedule_status !== 'revoked') return true;
  return (book.byMerchantUid.get(merchantUid) ?? []).some((r) => r.payment.status === 'paid' || r.payment.status === 'cancelled');
}

function page(list: ScheduleResult[], pageNumber: number, size: number): PagedSchedules {
  const total = list.length;
  return {
    total,
    previous: pageNumber > 1 ? pageNumber - 1 : 0,
    next: pageNumber * size < total ? pageNumber + 1 : 0,
    list: list.slice((pageNumber - 1) * size, pageNumber * size),
  };
}

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
    const book = this.core.state.book(merchant.code);
    this.refuseTaken(book, body);
    if (!book.billingKeys.has(body.customer_uid)) {
      if (!body.card_number || !body.expiry) throw errors.scheduleCustomerUnknown();
      const { card_number, expiry, birth, pwd_2digit, customer_id, pg } = body;
      await this.billingKeys.save(caller, body.customer_uid, { card_number, expiry, birth, pwd_2digit, customer_id, pg });
    }
    return this.core.write((undo) => {
      // Checked again: another request may have taken a merchant_uid while the key was being issued.
      this.refuseTaken(book, body);
      const key = book.billingKeys.get(body.customer_uid);
      if (!key) throw errors.scheduleCustomerUnknown();
      const c = key.customer;
      return ok(
        body.schedules.map((entry) => {
          const record: ScheduleRecord = {
            merchant: merchant.code,
            seq: ++this.core.state.seq,
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
              name: entry.name ?? null,
              // Missing buyer fields fall back to the key's customer fields (reference §4.8).
              buyer_name: entry.buyer_name ?? c.customer_name,
              buyer_email: entry.buyer_email ?? c.customer_email,
              buyer_tel: entry.buyer_tel ?? c.customer_tel,
              buyer_addr: entry.buyer_addr ?? c.customer_addr,
              buyer_postcode: entry.buyer_postcode ?? c.customer_postcode,
              custom_data: customData(entry.custom_data),
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
          };
          undo(this.core.state.setSchedule(record));
          return copy(record.schedule);
        }),
      );
    });
  }

  /** Revokes pending schedules of a customer, of listed merchant_uids, or both narrowed together. */
  async unschedule(caller: Caller, body: UnscheduleBody): Promise<Answer<ScheduleResult[]>> {
    const merchantUids = [body.merchant_uid ?? [], body['merchant_uid[]'] ?? []].flat();
    if (!body.customer_uid && merchantUids.length === 0) throw errors.missingParameter('customer_uid');
    const book = this.core.state.book(caller.merchant.code);
    const candidates =
      merchantUids.length > 0
        ? merchantUids.flatMap((uid) => book.schedules.get(uid) ?? [])
        : [...book.schedules.values()].sort((a, b) => a.seq - b.seq);
    const pending = candidates.filter(
      (r) => r.schedule.schedule_status === 'scheduled' && (!body.customer_uid || r.schedule.customer_uid === body.customer_uid),
    );
    if (pending.length === 0) throw errors.nothingToUnschedule();
    const revokedAt = toUnixSeconds(this.core.clock.now());
    return this.core.write((undo) => {
      for (const record of pending) revoke(this.core, record, revokedAt, undo);
      return ok(pending.map((r) => copy(r.schedule)));
    });
  }

  get(caller: Caller, merchantUid: string): Answer<ScheduleResult> {
    const record = this.core.state.book(caller.merchant.code).schedules.get(merchantUid);
    if (!record) throw errors.scheduleNotFound();
    return ok(copy(record.schedule));
  }

  /** A customer's schedules with `from <= schedule_at < to`, oldest first, 20 a page. */
  byCustomer(caller: Caller, customerUid: string, query: ScheduleCustomerQuery): Answer<PagedSchedules> {
    const status = query['schedule-status'];
    const list = this.records(caller.merchant.code)
      .map((r) => r.schedule)
      .filter(
        (s) => s.customer_uid === customerUid && s.schedule_at >= query.from && s.schedule_at < query.to && (!status || s.schedule_status === status),
      );
    return ok(page(list.map(copy), query.page ?? 1, CUSTOMER_PAGE_SIZE));
  }

  /** Schedules with `schedule_from <= schedule_at < schedule_to`, newest first unless `sorting` says otherwise. */
  byRange(caller: Caller, query: ScheduleRangeQuery): Answer<PagedSchedules> {
    const status = query.schedule_status;
    const list = this.records(caller.merchant.code)
      .map((r) => r.schedule)
      .filter((s) => s.schedule_at >= query.schedule_from && s.schedule_at < query.schedule_to && (!status || s.schedule_status === status));
    if ((query.sorting ?? '-schedule_at') === '-schedule_at') list.reverse();
    return ok(page(list.map(copy), query.page ?? 1, query.limit ?? 20));
  }

  /** Every schedule of one merchant or of all, by `schedule_at` then creation (the control API's listing). */
  list(merchant?: string): ScheduleResult[] {
    const codes = merchant === undefined ? [...this.core.state.books.keys()] : [merchant];
    return codes.flatMap((code) => this.records(code)).map((r) => copy(r.schedule));
  }

  nextDue(): number | null {
    const due = this.pending()[0];
    return due ? due.schedule.schedule_at * 1000 : null;
  }

  /** Runs every schedule due at `now`, one after another in order of `schedule_at`. */
  async runDue(now: number): Promise<void> {
    for (const record of this.pending()) {
      if (record.schedule.schedule_at * 1000 > now) break;
      if (record.schedule.schedule_status === 'scheduled') await this.execute(record);
    }
  }

  private records(merchant: string): ScheduleRecord[] {
    const book = this.core.state.books.get(merchant);
    return book ? [...book.schedules.values()].sort((a, b) => a.schedule.schedule_at - b.schedule.schedule_at || a.seq - b.seq) : [];
  }

  private pending(): ScheduleRecord[] {
    const pending: ScheduleRecord[] = [];
    for (const book of this.core.state.books.values()) {
      for (const record of book.schedules.values()) if (record.schedule.schedule_status === 'scheduled') pending.push(record);
    }
    return pending.sort((a, b) => a.schedule.schedule_at - b.schedule.schedule_at || a.seq - b.seq);
  }

  private refuseTaken(book: MerchantBook, body: ScheduleBody): void {
    const seen = new Set<string>();
    for (const { merchant_uid: uid } of body.schedules) {
      if (seen.has(uid) || isTaken(book, uid)) throw errors.scheduleDuplicate(uid);
      seen.add(uid);
    }
  }

  /**
   * The charge is `again` itself, so a scheduled charge declines, is scripted and is stored exactly as an API
   * charge would be. A refusal before the PG (key deleted behind the sandbox's back, merchant_uid paid
   * meanwhile) leaves no payment: the schedule fails with that message and no webhook is sent (none has an imp_uid).
   */
  private async execute(record: ScheduleRecord): Promise<void> {
    const s = record.schedule;
    const merchant = this.core.merchants.get(record.merchant);
    const book = this.core.state.book(record.merchant);
    const before = book.byMerchantUid.get(s.merchant_uid)?.length ?? 0;
    let refusal: string | null = merchant ? null : errors.unknownMerchant(record.merchant).message;
    if (merchant) {
      try {
        await this.charges.again(
          { merchant, userAgent: null },
          {
            customer_uid: s.customer_uid,
            merchant_uid: s.merchant_uid,
            amount: s.amount,
            currency: 'KRW',
            ...(s.name === null ? {} : { name: s.name }),
            ...(s.buyer_name === null ? {} : { buyer_name: s.buyer_name }),
            ...(s.buyer_email === null ? {} : { buyer_email: s.buyer_email }),
            ...(s.buyer_tel === null ? {} : { buyer_tel: s.buyer_tel }),
            ...(s.buyer_addr === null ? {} : { buyer_addr: s.buyer_addr }),
            ...(s.buyer_postcode === null ? {} : { buyer_postcode: s.buyer_postcode }),
            ...(s.custom_data === null ? {} : { custom_data: s.custom_data }),
            ...(record.charge.card_quota === null ? {} : { card_quota: record.charge.card_quota }),
            ...(record.charge.tax_free === null ? {} : { tax_free: record.charge.tax_free }),
            ...(record.charge.vat_amount === null ? {} : { vat_amount: record.charge.vat_amount }),
          },
          'payment.scheduled',
        );
      } catch (error) {
        refusal = error instanceof SandboxError ? error.message : errors.internal().message;
      }
    }
    const attempts = book.byMerchantUid.get(s.merchant_uid) ?? [];
    const payment = attempts.length > before ? attempts[attempts.length - 1]!.payment : null;
    const paymentStatus = payment?.status === 'paid' ? 'paid' : 'failed';
    await this.core.write((undo) => {
      const previous = record.schedule;
      undo(() => (record.schedule = previous));
      record.schedule = {
        ...previous,
        schedule_status: 'executed',
        executed_at: toUnixSeconds(this.core.clock.now()),
        imp_uid: payment?.imp_uid ?? null,
        payment_status: paymentStatus,
        fail_reason: payment ? payment.fail_reason : refusal,
      };
      this.core.state.touch('schedules', record);
    });
    if (merchant && payment) this.core.notify(merchant, payment, paymentStatus, { noticeUrl: record.charge.notice_url });
  }
}

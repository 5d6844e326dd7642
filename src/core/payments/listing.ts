import type { PagedPayments, Payment, PaymentStatus } from '../../contract/payment.js';
import type { FindAllQuery, PaymentBalance, PaymentsByStatusQuery } from '../../contract/payment-queries.js';
import type { PaymentRecord } from '../../contract/records.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { pageOf } from '../paging.js';
import { toUnixSeconds } from '../time/clock.js';
import { DAY_SECONDS } from '../time/kst.js';
import { bySorting } from './sorting.js';

const DEFAULT_LIMIT = 20;
/** getPaymentsByStatus searches at most 90 days; without `from`/`to`, the last 90 days (vendor V1 OpenAPI). */
const MAX_RANGE_SECONDS = 90 * DAY_SECONDS;

/** The time a payment is searched by: that of its current status (vendor V1 OpenAPI, `from`/`to`). */
const timeOfStatus = (p: Payment) => ({ ready: p.started_at, paid: p.paid_at, cancelled: p.cancelled_at, failed: p.failed_at })[p.status];

/** Listings of payments and the balance lookup, vendor V1 OpenAPI (payments tag). */
export class PaymentQueries {
  constructor(private readonly core: Core) {}

  /** getPaymentsByStatus: a merchant's payments in one status (or `all`) whose status time lies in `from..to`. */
  byStatus(caller: Caller, status: PaymentStatus | 'all', query: PaymentsByStatusQuery): Answer<PagedPayments> {
    const to = query.to ?? toUnixSeconds(this.core.clock.now());
    const from = query.from ?? Math.max(0, to - MAX_RANGE_SECONDS);
    if (to - from > MAX_RANGE_SECONDS) throw errors.invalidParameter('from', '조회 기간은 최대 90일입니다.');
    const found = this.core.records.payments.ofMerchant(caller.merchant.code).filter((r) => {
      const p = r.payment;
      const at = timeOfStatus(p);
      return (status === 'all' || p.status === status) && at >= from && at <= to;
    });
    return ok(this.page(found, query));
  }

  /**
   * getAllPaymentsByMerchantUid: every attempt under one merchant_uid in a status, or in any status without one
   * ("지정하지 않으면 모든 상태를 조회합니다"); 404 when there is none.
   */
  findAll(caller: Caller, merchantUid: string, status: PaymentStatus | undefined, query: FindAllQuery): Answer<PagedPayments> {
    const found = this.core.records.payments.attempts(caller.merchant.code, merchantUid).filter((r) => !status || r.payment.status === status);
    if (found.length === 0) throw errors.paymentNotFound();
    return ok(this.page(found, query));
  }

  /**
   * balanceByImpUid: the vendor serves it for PAYCO payments only (its OpenAPI, x-portone-supported-pgs). A Settle
   * payment is refused with the vendor's recorded wording for an unsupported PG (reference §5.2, R3); unknown → 404.
   */
  balance(caller: Caller, impUid: string): Answer<PaymentBalance | null> {
    if (!this.core.records.payments.of(caller.merchant.code, impUid)) throw errors.paymentNotFound();
    throw errors.pgUnsupported();
  }

  /** A page of the records in the requested order; a page past the data is refused (vendor: 400). */
  private page(records: PaymentRecord[], query: { page?: number | undefined; limit?: number | undefined; sorting?: PaymentsByStatusQuery['sorting'] }): PagedPayments {
    const page = query.page ?? 1;
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (page > 1 && (page - 1) * limit >= records.length) throw errors.invalidParameter('page', '조회 가능한 범위를 넘어선 page입니다.');
    const sorted = records.sort(bySorting(query.sorting)).map((r) => copy(r.payment));
    return pageOf(sorted, page, limit);
  }
}

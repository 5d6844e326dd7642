import type { Payment } from '../../contract/payment.js';
import type { PaymentRecord } from '../../contract/records.js';

/** The vendor's `sorting` of payment lookups and listings: `-` for newest first (reference §4.12). */
export type Sorting = '-started' | 'started' | '-paid' | 'paid' | '-updated' | 'updated';

const updatedAt = (p: Payment) => Math.max(p.started_at, p.paid_at, p.failed_at, p.cancelled_at);
const sortKey: Record<string, (p: Payment) => number> = {
  started: (p) => p.started_at,
  paid: (p) => p.paid_at,
  updated: updatedAt,
};

/** Orders records as `sorting` asks (default `-started`); ties go by creation, in the same direction. */
export function bySorting(sorting: Sorting = '-started'): (a: PaymentRecord, b: PaymentRecord) => number {
  const direction = sorting.startsWith('-') ? -1 : 1;
  const key = sortKey[sorting.replace('-', '')] ?? sortKey['started']!;
  return (a, b) => direction * (key(a.payment) - key(b.payment) || a.seq - b.seq);
}

import type { PaymentRecord } from '../../contract/records.js';

/** Paid, or cancelled after it was paid: money moved, so the payment counts as made (a revoked virtual account did not). */
export const wasPaid = (record: PaymentRecord) =>
  record.payment.status === 'paid' || (record.payment.status === 'cancelled' && record.payment.paid_at > 0);

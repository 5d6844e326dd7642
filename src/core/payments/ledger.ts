import type { PaymentRecord } from '../../contract/records.js';
import { merchantKey } from '../state/collections.js';
import type { SandboxState } from '../state/state.js';

// How the rules find payments: always within one merchant, so a token never reaches another merchant's data.

/** A merchant's payment by imp_uid. */
export function paymentOf(state: SandboxState, merchant: string, impUid: string): PaymentRecord | undefined {
  const record = state.tables.payments.get(impUid);
  return record?.merchant === merchant ? record : undefined;
}

/** Every attempt under one merchant_uid, oldest first (a failed attempt may be followed by a retry). */
export const attemptsOf = (state: SandboxState, merchant: string, merchantUid: string): PaymentRecord[] =>
  state.tables.payments.lookup('merchant_uid', merchantKey(merchant, merchantUid));

/** Paid, or cancelled after it was paid: money moved, so the payment counts as made (a revoked virtual account did not). */
export const wasPaid = (record: PaymentRecord) =>
  record.payment.status === 'paid' || (record.payment.status === 'cancelled' && record.payment.paid_at > 0);

/**
 * A merchant_uid that was paid (even if cancelled since) is taken: no charge, schedule or window may pay it again.
 * A failed attempt leaves it free to retry.
 */
export const isMerchantUidTaken = (state: SandboxState, merchant: string, merchantUid: string): boolean =>
  attemptsOf(state, merchant, merchantUid).some(wasPaid);

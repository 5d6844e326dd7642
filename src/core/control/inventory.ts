import type { Customer } from '../../contract/customer.js';
import type { Payment } from '../../contract/payment.js';
import { copy } from '../copy.js';
import type { SandboxState } from '../state/state.js';

// What the control API lists across merchants: every record as the vendor API shows it, plus its merchant.

/** Every payment of one merchant or all, oldest first. */
export function listPayments(state: SandboxState, merchant?: string): (Payment & { merchant: string })[] {
  const table = state.tables.payments;
  const records = merchant === undefined ? [...table.values()] : table.lookup('merchant', merchant);
  return records.sort((a, b) => a.seq - b.seq).map((r) => ({ merchant: r.merchant, ...copy(r.payment) }));
}

/** Every billing key of one merchant or all, in the order they were first issued. */
export function listBillingKeys(state: SandboxState, merchant?: string): (Customer & { merchant: string })[] {
  const table = state.tables.billing_keys;
  const records = merchant === undefined ? [...table.values()] : table.lookup('merchant', merchant);
  return records.map((r) => ({ merchant: r.merchant, ...copy(r.customer) })).sort((a, b) => a.inserted - b.inserted);
}

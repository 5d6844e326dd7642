import type { Customer } from '../../contract/customer.js';
import type { Payment } from '../../contract/payment.js';
import { copy } from '../records.js';
import type { SandboxState } from '../state/state.js';

// What the control API lists across merchants: every record as the vendor API shows it, plus its merchant.

// Reading never creates an empty book for a merchant that has none.
const booksOf = (state: SandboxState, merchant?: string) =>
  [...state.books.entries()].filter(([code]) => merchant === undefined || code === merchant);

/** Every payment of one merchant or all, oldest first. */
export function listPayments(state: SandboxState, merchant?: string): (Payment & { merchant: string })[] {
  return booksOf(state, merchant)
    .flatMap(([code, book]) => [...book.payments.values()].map((r) => ({ seq: r.seq, item: { merchant: code, ...copy(r.payment) } })))
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => entry.item);
}

/** Every billing key of one merchant or all, in the order they were first issued. */
export function listBillingKeys(state: SandboxState, merchant?: string): (Customer & { merchant: string })[] {
  return booksOf(state, merchant)
    .flatMap(([code, book]) => [...book.billingKeys.values()].map((r) => ({ merchant: code, ...copy(r.customer) })))
    .sort((a, b) => a.inserted - b.inserted);
}

import type { Customer } from '../../contract/customer.js';
import type { Payment } from '../../contract/payment.js';
import type { BillingKeyRecords } from '../billing/billing-key-records.js';
import { copy } from '../copy.js';
import type { PaymentRecords } from '../payments/payment-records.js';

// What the control API lists across merchants: every record as the vendor API shows it, plus its merchant.

/** Every payment of one merchant or all, oldest first. */
export function listPayments(payments: PaymentRecords, merchant?: string): (Payment & { merchant: string })[] {
  return payments
    .ofMerchant(merchant)
    .sort((a, b) => a.seq - b.seq)
    .map((r) => ({ merchant: r.merchant, ...copy(r.payment) }));
}

/** Every billing key of one merchant or all, in the order they were first issued. */
export function listBillingKeys(billingKeys: BillingKeyRecords, merchant?: string): (Customer & { merchant: string })[] {
  return billingKeys
    .ofMerchant(merchant)
    .map((r) => ({ merchant: r.merchant, ...copy(r.customer) }))
    .sort((a, b) => a.inserted - b.inserted);
}

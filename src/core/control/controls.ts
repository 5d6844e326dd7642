import type { Customer } from '../../contract/customer.js';
import type { Payment } from '../../contract/payment.js';
import type { CreatedTenant, TenantView } from '../../contract/tenants.js';
import type { CancelBody } from '../../contract/requests.js';
import type { Answer } from '../answer.js';
import type { BillingKeys } from '../billing/billing-keys.js';
import { errors } from '../errors.js';
import type { Merchant, MerchantDirectory } from '../merchants/merchants.js';
import type { Tenants } from '../merchants/tenants.js';
import type { PaymentRecords } from '../payments/payment-records.js';
import type { Payments } from '../payments/payments.js';

/** What the control API does on a merchant's behalf, without its token. */
export class Controls {
  constructor(
    private readonly merchants: MerchantDirectory,
    private readonly records: PaymentRecords,
    private readonly payments: Payments,
    private readonly tenants: Tenants,
    private readonly billingKeys: BillingKeys,
  ) {}

  /** Cancels a payment as its merchant would with POST /payments/cancel (the same rule), without a token. */
  cancelPayment(impUid: string, body: Omit<CancelBody, 'imp_uid' | 'merchant_uid'>): Promise<Answer<Payment>> {
    const record = this.records.get(impUid);
    if (!record) throw errors.paymentNotFound();
    const merchant = this.merchants.require(record.merchant);
    return this.payments.cancel({ merchant, userAgent: null }, { ...body, imp_uid: impUid });
  }

  /** Deletes a billing key as its merchant's DELETE /subscribe/customers/{customer_uid} would (the same rule), without a token. */
  deleteBillingKey(code: string, customerUid: string): Promise<Answer<Customer>> {
    return this.billingKeys.delete({ merchant: this.merchants.require(code), userAgent: null }, customerUid);
  }

  /** Sets where a merchant's webhooks go (the console's Notification URL): for this process, or as long as a tenant lives. */
  async setWebhook(code: string, webhook: NonNullable<Merchant['webhook']>): Promise<NonNullable<Merchant['webhook']>> {
    const merchant = this.merchants.require(code);
    if (this.tenants.has(code)) await this.tenants.setWebhook(code, webhook);
    else merchant.webhook = { ...webhook };
    return { ...webhook };
  }

  /** A fresh tenant: a copy of a merchants-file merchant with its own code, imp_key and imp_secret (answered once). */
  createTenant(template?: string): Promise<CreatedTenant> {
    return this.tenants.create(template);
  }

  listTenants(): TenantView[] {
    return this.tenants.list();
  }

  /** Drops a tenant and all its records; nothing else changes. */
  deleteTenant(code: string): Promise<void> {
    return this.tenants.remove(code);
  }
}

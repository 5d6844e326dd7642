import type { Payment } from '../../contract/payment.js';
import type { CancelBody } from '../../contract/requests.js';
import type { Answer } from '../answer.js';
import { errors } from '../errors.js';
import type { Merchant, MerchantDirectory } from '../merchants/merchants.js';
import type { PaymentRecords } from '../payments/payment-records.js';
import type { Payments } from '../payments/payments.js';

/** What the control API does on a merchant's behalf, without its token. */
export class Controls {
  constructor(
    private readonly merchants: MerchantDirectory,
    private readonly records: PaymentRecords,
    private readonly payments: Payments,
  ) {}

  /** Cancels a payment as its merchant would with POST /payments/cancel (the same rule), without a token. */
  cancelPayment(impUid: string, body: Omit<CancelBody, 'imp_uid' | 'merchant_uid'>): Promise<Answer<Payment>> {
    const record = this.records.get(impUid);
    if (!record) throw errors.paymentNotFound();
    const merchant = this.merchants.require(record.merchant);
    return this.payments.cancel({ merchant, userAgent: null }, { ...body, imp_uid: impUid });
  }

  /** Sets where a merchant's webhooks go (the console's Notification URL), for this process. */
  setWebhook(code: string, webhook: NonNullable<Merchant['webhook']>): NonNullable<Merchant['webhook']> {
    const merchant = this.merchants.require(code);
    merchant.webhook = { ...webhook };
    return { ...webhook };
  }
}

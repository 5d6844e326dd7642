import type { CashReceiptRecord } from '../../contract/records.js';
import type { ExternalReceipt, IssueExternalReceiptBody, IssueReceiptBody, Receipt } from '../../contract/receipts.js';
import { ok, type Answer } from '../answer.js';
import type { Caller, Core } from '../context.js';
import { errors } from '../errors.js';
import { checkAmountParts } from '../payments/amount-parts.js';
import { merchantKey, type TableOf } from '../state/collections.js';
import { toUnixSeconds } from '../time/clock.js';

/** Cash-like pay methods: the vendor issues cash receipts for account transfers and virtual accounts (issueReceipt). */
const CASH_METHODS = new Set(['trans', 'vbank']);

type Issue = Pick<IssueReceiptBody, 'identifier_type' | 'type' | 'tax_free' | 'vat_amount' | 'vat'>;

const externalKey = (merchant: string, merchantUid: string) => merchantKey(merchant, `external:${merchantUid}`);

/**
 * Cash receipts (vendor V1 OpenAPI, receipts tag). A receipt of a payment is for its remaining amount and shows on
 * the payment as `cash_receipt_issued`; an external one covers a cash sale made outside PortOne. Settle requires
 * `identifier_type` (the OpenAPI's per-PG note). The receipt's VAT is 1/11 of the taxable part, as documented.
 */
export class CashReceipts {
  constructor(
    private readonly core: Core,
    private readonly receipts: TableOf<'cash_receipts'>,
  ) {}

  /** issueReceipt: a paid transfer or virtual account of the merchant, once (again after a revoke). */
  async issue(caller: Caller, impUid: string, body: IssueReceiptBody): Promise<Answer<Receipt>> {
    const code = caller.merchant.code;
    const record = await this.core.write(() => {
      const payment = this.core.records.payments.of(code, impUid)?.payment;
      if (!payment) throw errors.paymentNotFound();
      if (payment.status !== 'paid' || !CASH_METHODS.has(payment.pay_method)) throw errors.receiptNotCashPayment();
      const issued = this.newReceipt(caller, merchantKey(code, impUid), impUid, payment.merchant_uid, payment.amount - payment.cancel_amount, body);
      this.core.records.payments.update(impUid, (draft) => void (draft.payment.cash_receipt_issued = true));
      return issued;
    });
    return ok({ imp_uid: impUid, ...record.receipt });
  }

  /** revokeReceipt: 400 when the payment has no receipt issued through the sandbox, or its receipt is revoked. */
  async revoke(caller: Caller, impUid: string): Promise<Answer<Receipt>> {
    const record = await this.core.write(() => {
      const revoked = this.cancel(merchantKey(caller.merchant.code, impUid), () => errors.receiptNotIssued());
      this.core.records.payments.update(impUid, (draft) => void (draft.payment.cash_receipt_issued = false));
      return revoked;
    });
    return ok({ imp_uid: impUid, ...record.receipt });
  }

  getExternal(caller: Caller, merchantUid: string): Answer<ExternalReceipt> {
    const record = this.receipts.get(externalKey(caller.merchant.code, merchantUid));
    if (!record) throw errors.externalReceiptNotFound();
    return ok({ merchant_uid: merchantUid, ...record.receipt });
  }

  async issueExternal(caller: Caller, merchantUid: string, body: IssueExternalReceiptBody): Promise<Answer<ExternalReceipt>> {
    const key = externalKey(caller.merchant.code, merchantUid);
    const record = await this.core.write(() => this.newReceipt(caller, key, null, merchantUid, body.amount, body));
    return ok({ merchant_uid: merchantUid, ...record.receipt });
  }

  /** revokeExternalReceipt: 404 when none was ever issued under the merchant_uid, 400 when it is revoked already. */
  async revokeExternal(caller: Caller, merchantUid: string): Promise<Answer<ExternalReceipt>> {
    const key = externalKey(caller.merchant.code, merchantUid);
    const record = await this.core.write(() => this.cancel(key, () => errors.externalReceiptNotFound()));
    return ok({ merchant_uid: merchantUid, ...record.receipt });
  }

  /** Stores a new receipt under `key` (inside a write); one still in force → 400. */
  private newReceipt(caller: Caller, key: string, impUid: string | null, merchantUid: string, amount: number, body: Issue): CashReceiptRecord {
    if (!body.identifier_type) throw errors.missingParameter('identifier_type');
    checkAmountParts(amount, body);
    const existing = this.receipts.get(key);
    if (existing && existing.receipt.cancelled_at === 0) throw errors.receiptAlreadyIssued();
    const taxable = Math.max(0, amount - (body.tax_free ?? 0));
    return this.receipts.put({
      merchant: caller.merchant.code,
      imp_uid: impUid,
      merchant_uid: merchantUid,
      receipt: {
        receipt_tid: `${caller.merchant.settle.default_mid}${this.core.random.digits(10)}`,
        apply_num: this.core.random.digits(9),
        type: body.type ?? 'person',
        amount,
        vat: Math.floor(taxable / 11),
        applied_at: toUnixSeconds(this.core.clock.now()),
        cancelled_at: 0,
      },
    });
  }

  /** Marks the receipt under `key` cancelled (inside a write); none ever issued → `missing()`, one revoked → 400. */
  private cancel(key: string, missing: () => Error): CashReceiptRecord {
    const record = this.receipts.get(key);
    if (!record) throw missing();
    if (record.receipt.cancelled_at !== 0) throw errors.receiptAlreadyRevoked();
    const now = toUnixSeconds(this.core.clock.now());
    return this.receipts.update(key, (draft) => void (draft.receipt.cancelled_at = now));
  }
}

import type { Payment } from '../../contract/payment.js';
import type { PaymentRecord } from '../../contract/records.js';
import type { CreateVbankBody, ModifyVbankBody } from '../../contract/vbanks.js';
import { ok, type Answer } from '../answer.js';
import { buyerWithHolder, holderFromBuyer } from '../billing/holder.js';
import type { StandardCodes } from '../codes/standard-codes.js';
import type { Caller, Core } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import { isTestChannel } from '../merchants/settle-rules.js';
import { checkAmountParts } from '../payments/amount-parts.js';
import { blankPayment } from '../payments/blank-payment.js';
import { customDataText } from '../payments/custom-data.js';
import { newImpUid } from '../payments/ids.js';
import { toUnixSeconds } from '../time/clock.js';

const REVOKE_REASON = '가상계좌 발급취소';

/**
 * Virtual accounts issued through the API (vendor V1 OpenAPI createVbank / modifyVbank / revokeVbank). Settle
 * issues them only under a separate contract (`settle.vbank_api`), like stand-alone billing keys (reference §6.4).
 * Deposits (control API) and expiry at `vbank_date` are the payment window's, shared: see window/window.ts.
 */
export class Vbanks {
  constructor(
    private readonly core: Core,
    private readonly codes: StandardCodes,
  ) {}

  async create(caller: Caller, body: CreateVbankBody): Promise<Answer<Payment | null>> {
    const { merchant } = caller;
    if (!merchant.settle.vbank_api) throw errors.vbankApiNotContracted();
    // The vendor's per-PG note: vbank_holder is required for Settle.
    if (!body.vbank_holder) throw errors.missingParameter('vbank_holder');
    checkAmountParts(body.amount, body);
    const bank = this.codes.bank(body.vbank_code).body.response;
    const now = toUnixSeconds(this.core.clock.now());
    if (body.vbank_due <= now) throw errors.vbankDueInPast();
    const created = await this.core.write(() => {
      if (this.core.records.payments.isMerchantUidTaken(merchant.code, body.merchant_uid)) throw errors.alreadyPaid();
      const payment = blankPayment({
        imp_uid: newImpUid(this.core, 'imps_'),
        merchant_uid: body.merchant_uid,
        amount: body.amount,
        status: 'ready',
        pay_method: 'vbank',
        pg_id: merchant.settle.default_mid,
        // The default MID issues the account (the merchants file is checked to hold it).
        sandbox: merchant.settle.mids.some((m) => m.mid === merchant.settle.default_mid && isTestChannel(m)),
        name: body.name ?? null,
        ...buyerWithHolder(body, holderFromBuyer({})),
        custom_data: customDataText(body.custom_data),
        user_agent: caller.userAgent,
        started_at: now,
        vbank_code: bank.code,
        vbank_name: bank.name,
        vbank_num: body.vbank_num ?? this.core.random.digits(14),
        vbank_holder: body.vbank_holder ?? null,
        vbank_date: body.vbank_due,
        vbank_issued_at: now,
      });
      const noticeUrl = [body.notice_url ?? []].flat()[0] ?? null;
      const record: PaymentRecord = { merchant: merchant.code, seq: this.core.nextSeq(), payment, vbank: { notice_url: noticeUrl } };
      return this.core.records.payments.put(record);
    });
    // Reference §7: an issued account is notified as `ready`.
    this.core.notify(merchant, created.payment, 'ready', { noticeUrl: created.vbank?.notice_url });
    return ok(copy(created.payment));
  }

  /** Changes the amount or deadline of an API-issued account still waiting for its deposit. */
  async modify(caller: Caller, impUid: string, body: ModifyVbankBody): Promise<Answer<Payment>> {
    if (body.vbank_due !== undefined && body.vbank_due <= toUnixSeconds(this.core.clock.now())) throw errors.vbankDueInPast();
    return this.change(caller, impUid, (p) => {
      if (body.amount !== undefined) p.amount = body.amount;
      if (body.vbank_due !== undefined) p.vbank_date = body.vbank_due;
    });
  }

  /** Revokes (말소) an account still waiting, so no deposit can arrive: the payment is cancelled without money moving. */
  async revoke(caller: Caller, impUid: string): Promise<Answer<Payment>> {
    const now = toUnixSeconds(this.core.clock.now());
    return this.change(caller, impUid, (p) => {
      p.status = 'cancelled';
      p.cancelled_at = now;
      p.cancel_reason = REVOKE_REASON;
    });
  }

  /** One write to a merchant's waiting account: unknown → 404; not a waiting virtual account → 400 (vendor). */
  private async change(caller: Caller, impUid: string, edit: (payment: Payment) => void): Promise<Answer<Payment>> {
    const updated = await this.core.write(() => {
      const record = this.core.records.payments.of(caller.merchant.code, impUid);
      if (!record) throw errors.paymentNotFound();
      const p = record.payment;
      if (!record.vbank || p.pay_method !== 'vbank' || p.status !== 'ready') throw errors.vbankNotModifiable();
      return this.core.records.payments.update(impUid, (draft) => edit(draft.payment));
    });
    return ok(copy(updated.payment));
  }
}

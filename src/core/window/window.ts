import type { Payment } from '../../contract/payment.js';
import type { Static } from 'typebox';
import type { WindowCheckoutSchema } from '../../contract/window.js';
import { ok, type Answer } from '../answer.js';
import { BANKS, bankOf } from './banks.js';
import { CARD_COMPANIES, cardCompanyOf } from './card-companies.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Core } from '../context.js';
import { declineMessage } from '../cards/declines.js';
import { errors } from '../errors.js';
import type { Merchant } from '../merchants/merchants.js';
import { isTestChannel } from '../merchants/settle-rules.js';
import type { Prepares } from '../payments/prepare.js';
import type { PaymentRecord } from '../../contract/records.js';
import { copy } from '../copy.js';
import { blankPayment } from '../payments/blank-payment.js';
import { newApplyNum, newImpUid, newPgTid } from '../payments/ids.js';
import { installmentMonths } from '../payments/installments.js';
import { DAY_SECONDS, endOfKstDay } from '../time/kst.js';
import type { TimedTask } from '../time/timeline.js';
import { deviceOf, type Device } from './device.js';
import { SANDBOX_OTP, WRONG_CODE_REASON, windowDeclines, type WindowDecline } from './declines.js';
import { checkRequest, isRefusal, redirectUrl, refusals, type WindowOrder, type WindowRefusal } from './window-request.js';
import { redirectTo, refusedRsp, rspOf, type WindowRsp } from './window-result.js';

/** What the stand-in SDK sends when `IMP.request_pay` is called. */
export interface WindowRequest {
  /** The code given to `IMP.init` (or `IMP.agency`). */
  merchant_code: string;
  /** request_pay's first argument, untouched: the rules check its types themselves. */
  params: Record<string, unknown>;
  /** The browser's user agent: it decides PC or mobile (`deviceOf`), as the vendor's SDK decides. */
  user_agent: string | null;
}

export interface WindowOpening {
  /** `pc`: the checkout opens as a layer over the page and the callback gets the result; `mobile`: the page goes. */
  mode: Device;
  /** The window payment whose checkout opens; null when the request was refused. */
  imp_uid: string | null;
  /** The refusal as the callback receives it; null when the window opens. */
  rsp: WindowRsp | null;
  /** On mobile with m_redirect_url: m_redirect_url with the refusal in its query (for a page that gave no callback). */
  redirect_url: string | null;
}

/** How a window ended: the callback's rsp and, on mobile with m_redirect_url, where the browser goes. */
export interface WindowResult {
  rsp: WindowRsp;
  redirect_url: string | null;
}

/** What the user picked on the checkout page before approving. */
export interface ApproveChoice {
  card_number?: string | undefined;
  /** The company chosen in 카드사 선택; without it the company is the card number's (fixtures/cards.json bins). */
  card_code?: string | undefined;
  card_quota?: number | undefined;
  bank_code?: string | undefined;
  /** A phone's verification code as typed; without one (the test shortcut) the phone payment is approved. */
  otp?: string | undefined;
}

/** A window payment as its checkout shows it, with the choices the checkout offers. */
export type WindowCheckout = Static<typeof WindowCheckoutSchema>;

/** The card an approval that names none is charged with: a BC card that never declines. */
const CARD_WHEN_NONE_GIVEN = '9410-1234-5678-1234';
/** A virtual account without `vbank_due` is open until the end of the 7th day (Korean time). */
const DEFAULT_VBANK_DAYS = 7;

// The vendor's wording for a user who closes the window is common to many PGs but not recorded for Settle;
// the codes are the sandbox's own.
const USER_CANCEL: WindowRefusal = { error_code: 'SANDBOX_USER_CANCEL', error_msg: '사용자가 결제를 취소하셨습니다' };
const VBANK_EXPIRED = '가상계좌 입금기한이 만료되었습니다.';

/**
 * The Settle payment window (reference §9, §6.4): request_pay's checks, the window payment (`imp_` + 12 digits)
 * it creates in `ready`, the user's approve / cancel / decline, and the virtual account's deposit or expiry.
 * Expiry is a timed task, so advancing the sandbox clock past `vbank_date` expires the account.
 */
export class PaymentWindow implements TimedTask {
  constructor(
    private readonly core: Core,
    private readonly prepares: Prepares,
  ) {}

  async open(request: WindowRequest): Promise<Answer<WindowOpening>> {
    const { params } = request;
    const device = deviceOf(request.user_agent);
    const merchantUid = typeof params['merchant_uid'] === 'string' ? params['merchant_uid'] : '';
    const target = redirectUrl(typeof params['m_redirect_url'] === 'string' && params['m_redirect_url'] ? params['m_redirect_url'] : null);
    // A PC never leaves the merchant's page: m_redirect_url is for mobile browsers only.
    const mRedirectUrl = device === 'mobile' && typeof target === 'string' ? target : null;
    const refuse = (refusal: WindowRefusal): Answer<WindowOpening> => {
      const rsp = refusedRsp(merchantUid, `req_${this.core.random.digits(13)}`, refusal);
      return ok({ mode: device, imp_uid: null, rsp, redirect_url: mRedirectUrl && redirectTo(mRedirectUrl, rsp) });
    };

    const merchant = this.core.merchants.get(request.merchant_code);
    if (!merchant) return refuse(refusals.merchant(request.merchant_code));
    const order = checkRequest(merchant, params, {
      now: this.core.clock.now(),
      paid: this.core.records.payments.isMerchantUidTaken(merchant.code, merchantUid),
      prepared: this.prepares.lookup(merchant.code, merchantUid),
    });
    if (isRefusal(order)) return refuse(order);

    const record = this.newRecord(merchant, order, device, request.user_agent);
    return this.core.write(() => {
      this.core.records.payments.put(record);
      return ok({
        mode: device,
        imp_uid: record.payment.imp_uid,
        rsp: null,
        redirect_url: null,
      });
    });
  }

  /** A window payment, whether it still waits for the user, and what the user may choose. */
  checkout(impUid: string): WindowCheckout {
    const record = this.windowRecord(impUid);
    const merchant = this.core.merchants.get(record.merchant);
    return {
      payment: copy(record.payment),
      merchant_name: merchant?.name ?? record.merchant,
      mode: record.payment.channel === 'mobile' ? 'mobile' : 'pc',
      open: isOpen(record),
      decline_reasons: this.declines(record).map(({ code, pg_code, text }) => ({ code, pg_code, text })),
      banks: [...BANKS],
      card_companies: [...CARD_COMPANIES],
    };
  }

  /** The user approves: card, account transfer and phone are paid; a virtual account is issued (`ready`). */
  async approve(impUid: string, choice: ApproveChoice = {}): Promise<Answer<WindowResult>> {
    const record = this.openRecord(impUid);
    const { payment } = record;
    const now = this.core.clock.now();
    const approved: Partial<Payment> = { pg_tid: newPgTid(this.core, payment.pg_id, now) };

    if (payment.pay_method === 'vbank') {
      const bank = bankOf(choice.bank_code);
      const issuedAt = toUnixSeconds(now);
      const due = record.window?.vbank_due || endOfKstDay(issuedAt + DEFAULT_VBANK_DAYS * DAY_SECONDS);
      const account = {
        vbank_code: bank.code,
        vbank_name: bank.name,
        vbank_num: this.core.random.digits(14),
        vbank_holder: record.window?.company ?? null,
        vbank_date: due,
        vbank_issued_at: issuedAt,
      };
      return this.finish(record, { ...approved, ...account }, null, 'ready');
    }
    if (payment.pay_method === 'card') {
      const card = this.core.cards.describe(choice.card_number ?? CARD_WHEN_NONE_GIVEN);
      // The buyer's choice names the company, as Hecto's window records the company chosen before the number.
      const company = choice.card_code === undefined ? { code: card.card_code, name: card.card_name } : cardCompanyOf(choice.card_code);
      // A scripted outcome (control API) wins over the test card's own behaviour, as for REST charges.
      const scripted = this.core.outcomes.decide({ merchant: record.merchant, customerUid: null, card: card.masked });
      const reasonCode = scripted ? scripted.reason : card.declineEvery;
      const cardFields = {
        card_code: company.code,
        card_name: company.name,
        card_number: card.masked,
        card_type: card.card_type,
        card_quota: installmentMonths(choice.card_quota, payment.amount),
      };
      if (reasonCode) return this.fail(record, this.cardDecline(reasonCode), cardFields, scripted?.consume);
      const paid = { ...approved, ...cardFields, apply_num: newApplyNum(this.core), ...this.paid(now, impUid) };
      return this.finish(record, paid, null, 'paid', scripted?.consume);
    }
    if (payment.pay_method === 'trans') {
      const bank = bankOf(choice.bank_code);
      return this.finish(record, { ...approved, bank_code: bank.code, bank_name: bank.name, ...this.paid(now, impUid) }, null, 'paid');
    }
    return this.approvePhone(record, approved, now, choice.otp);
  }

  /** A phone payment: paid, unless the code typed is not the one "sent" (declined as the carrier does, ST83). */
  private approvePhone(record: PaymentRecord, approved: Partial<Payment>, now: number, otp: string | undefined): Promise<Answer<WindowResult>> {
    const impUid = record.payment.imp_uid;
    if (otp !== undefined && otp !== SANDBOX_OTP) return this.decline(impUid, WRONG_CODE_REASON);
    // The vendor's Payment has no carrier fields; the payment carries the number charged (buyer_tel).
    return this.finish(record, { ...approved, ...this.paid(now, impUid) }, null, 'paid');
  }

  /** The user closes the window or presses cancel. */
  async cancel(impUid: string): Promise<Answer<WindowResult>> {
    return this.fail(this.openRecord(impUid), USER_CANCEL, {});
  }

  /**
   * The user closes the window (the checkout's close button): a window still open is a cancel; a finished one
   * answers with the result it already had.
   */
  async close(impUid: string): Promise<Answer<WindowResult>> {
    const record = this.windowRecord(impUid);
    if (isOpen(record)) return this.fail(record, USER_CANCEL, {});
    return ok(this.resultOf(record, record.window?.failure ?? null));
  }

  /** The PG declines with one of the reasons of the payment's pay method (`declines.ts`: a card's are fixtures/cards.json's). */
  async decline(impUid: string, reasonCode: string): Promise<Answer<WindowResult>> {
    const record = this.openRecord(impUid);
    const reasons = this.declines(record);
    const reason = reasons.find((r) => r.code === reasonCode);
    if (!reason) {
      throw errors.invalidParameter('reason', `알 수 없는 거절 사유입니다 (${reasons.map((r) => r.code).join(', ')} 중 하나).`);
    }
    return this.fail(record, { error_code: reason.pg_code, error_msg: reason.message }, {});
  }

  /** Control API: the buyer deposits into an issued virtual account, the window's or the API's (→ `paid`, webhook). */
  async deposit(impUid: string): Promise<Answer<Payment>> {
    const record = this.core.records.payments.get(impUid);
    if (!record?.window && !record?.vbank) throw errors.checkoutNotFound();
    const { payment } = record;
    const now = this.core.clock.now();
    if (payment.pay_method !== 'vbank' || payment.status !== 'ready' || !payment.vbank_num || toUnixSeconds(now) > payment.vbank_date) {
      throw errors.vbankNotWaiting();
    }
    const paid = await this.update(record, this.paid(now, impUid));
    // Paid meanwhile under the same merchant_uid: the account closes as failed, and the deposit is refused.
    if (paid.payment.status !== 'paid') throw errors.alreadyPaid();
    this.notify(paid, 'paid');
    return ok(copy(paid.payment));
  }

  nextDue(): number | null {
    let next: number | null = null;
    for (const record of this.waitingVbanks()) {
      const due = (record.payment.vbank_date + 1) * 1000;
      if (next === null || due < next) next = due;
    }
    return next;
  }

  /** Accounts past their deadline fail; a failure sends no webhook (reference §7). */
  async runDue(now: number): Promise<void> {
    for (const record of this.waitingVbanks()) {
      if ((record.payment.vbank_date + 1) * 1000 > now) continue;
      await this.update(record, { status: 'failed', failed_at: toUnixSeconds(now), fail_reason: VBANK_EXPIRED });
    }
  }

  /** Open virtual accounts, from their index: the check for due work runs every second, whatever is stored. */
  private waitingVbanks(): PaymentRecord[] {
    return this.core.records.payments.awaitingDeposit();
  }

  private newRecord(merchant: Merchant, order: WindowOrder, device: Device, userAgent: string | null): PaymentRecord {
    const { mid, m_redirect_url, company, vbank_due, notice_url, ...fields } = order;
    const payment = blankPayment({
      ...fields,
      imp_uid: newImpUid(this.core, 'imp_'),
      status: 'ready',
      channel: device,
      pg_id: mid.mid,
      sandbox: isTestChannel(mid),
      user_agent: userAgent,
      started_at: toUnixSeconds(this.core.clock.now()),
    });
    const session = { m_redirect_url: device === 'mobile' ? m_redirect_url : null, company, vbank_due, notice_url, failure: null };
    return { merchant: merchant.code, seq: this.core.nextSeq(), payment, window: session };
  }

  private paid(now: number, impUid: string): Partial<Payment> {
    return { status: 'paid', paid_at: toUnixSeconds(now), receipt_url: this.core.receiptUrl(impUid) };
  }

  private declines(record: PaymentRecord): WindowDecline[] {
    return windowDeclines(this.core.cards, record.payment.pay_method);
  }

  /** A card declined by a test card or a scripted outcome: the reason's PG code and the card wording. */
  private cardDecline(reasonCode: string): WindowRefusal {
    const reason = this.core.cards.reason(reasonCode);
    return { error_code: reason.pg_code, error_msg: declineMessage(reason) };
  }

  private async fail(record: PaymentRecord, failure: WindowRefusal, fields: Partial<Payment>, consume?: () => void): Promise<Answer<WindowResult>> {
    const now = toUnixSeconds(this.core.clock.now());
    return this.finish(record, { ...fields, status: 'failed', failed_at: now, fail_reason: failure.error_msg }, failure, null, consume);
  }

  private async finish(
    record: PaymentRecord,
    fields: Partial<Payment>,
    failure: WindowRefusal | null,
    event: 'paid' | 'ready' | null,
    consume?: () => void,
  ): Promise<Answer<WindowResult>> {
    const updated = await this.update(record, fields, consume, failure);
    const outcome = updated.window?.failure ?? null;
    if (event && !outcome) this.notify(updated, event);
    return ok(this.resultOf(updated, outcome));
  }

  /**
   * Stores the payment with `fields` (and the window's failure) in one write; a scripted outcome is used up with it.
   * A payment is checked again at the moment it would be paid, inside the write: when a REST charge or another
   * window paid its merchant_uid since the window opened, it fails with the vendor's F1002 instead (reference §5.4),
   * so one merchant_uid is never paid twice.
   */
  private update(record: PaymentRecord, fields: Partial<Payment>, consume?: () => void, failure?: WindowRefusal | null): Promise<PaymentRecord> {
    return this.core.write(() => {
      const taken = fields.status === 'paid' && this.core.records.payments.isMerchantUidTaken(record.merchant, record.payment.merchant_uid);
      const refusal = taken ? refusals.alreadyPaid() : failure;
      const applied: Partial<Payment> = taken ? { status: 'failed', failed_at: fields.paid_at ?? 0, fail_reason: refusal!.error_msg } : fields;
      if (!taken) consume?.();
      return this.core.records.payments.update(record.payment.imp_uid, (draft) => {
        Object.assign(draft.payment, applied);
        if (refusal && draft.window) draft.window.failure = refusal;
      });
    });
  }

  private notify(record: PaymentRecord, status: 'paid' | 'ready'): void {
    const merchant = this.core.merchants.get(record.merchant);
    if (merchant) this.core.notify(merchant, record.payment, status, { noticeUrl: record.window?.notice_url ?? record.vbank?.notice_url });
  }

  private resultOf(record: PaymentRecord, failure: WindowRefusal | null): WindowResult {
    const rsp = rspOf(copy(record.payment), failure);
    const target = record.window?.m_redirect_url;
    return { rsp, redirect_url: target ? redirectTo(target, rsp) : null };
  }

  private windowRecord(impUid: string): PaymentRecord {
    const record = this.core.records.payments.get(impUid);
    if (!record?.window) throw errors.checkoutNotFound();
    return record;
  }

  private openRecord(impUid: string): PaymentRecord {
    const record = this.windowRecord(impUid);
    if (!isOpen(record)) throw errors.checkoutClosed(record.payment.status);
    return record;
  }

}

/** A window waits for the user while its payment is `ready` and no virtual account was issued yet. */
const isOpen = (record: PaymentRecord) => record.payment.status === 'ready' && !record.payment.vbank_num;

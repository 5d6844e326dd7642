import type { Merchant, SettleMid } from '../merchants/merchants.js';
import { MAX_AMOUNT } from '../../contract/common.js';
import type { PaymentPrepare } from '../../contract/prepare.js';
import { WINDOW_TEXT_MAX } from '../../contract/window.js';
import { customDataText } from '../payments/custom-data.js';
import { fromKst } from '../time/kst.js';

// The Settle rules IMP.request_pay applies before the window opens (reference §6.4, §5.4, §4.15; the guide in
// shared/seeds). A refusal reaches the page through the callback or m_redirect_url as error_code/error_msg.

type PayMethod = 'card' | 'trans' | 'vbank' | 'phone';
const PAY_METHODS: readonly string[] = ['card', 'trans', 'vbank', 'phone'];

/** A request that passed every rule: what the window payment is made from. */
export interface WindowOrder {
  mid: SettleMid;
  pay_method: PayMethod;
  merchant_uid: string;
  amount: number;
  currency: string;
  name: string | null;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  company: string | null;
  notice_url: string | null;
  m_redirect_url: string | null;
  /** `vbank_due` as UNIX seconds; 0 when not given. */
  vbank_due: number;
}

export interface WindowRefusal {
  error_code: string;
  error_msg: string;
}

/** What the rules need to know besides the request. */
export interface RequestContext {
  now: number;
  /** Whether the merchant_uid was paid before (even if cancelled since). */
  paid: boolean;
  prepared: PaymentPrepare | null;
}

// F1002 is the vendor's (reference §5.4). The vendor documents no codes for the other pre-checks
// ("현재 정리된 체계는 없음"), so those codes and messages are the sandbox's own.
const refuse = (error_code: string, error_msg: string): WindowRefusal => ({ error_code, error_msg });
export const refusals = {
  alreadyPaid: () => refuse('F1002', '이미 결제가 이루어진 거래건입니다.'),
  merchant: (code: string) => refuse('SANDBOX_MERCHANT', `가맹점 식별코드를 찾을 수 없습니다: ${code} (IMP.init에 전달한 값)`),
  pg: (pg: string) => refuse('SANDBOX_PG', `PG 설정을 찾을 수 없습니다: ${pg} (settle 또는 settle.{상점아이디})`),
  payMethod: (value: string) =>
    refuse('SANDBOX_PARAM', `헥토파이낸셜(settle)에서 지원하지 않는 결제수단입니다: ${value} (card, trans, vbank, phone)`),
  missing: (name: string, why: string) => refuse('SANDBOX_PARAM', `${name} 파라미터는 필수입니다 (${why}).`),
  invalid: (name: string, why: string) => refuse('SANDBOX_PARAM', `${name} 파라미터의 값이 올바르지 않습니다: ${why}`),
  billingKey: () =>
    refuse(
      'SANDBOX_BILLING_KEY',
      '헥토파이낸셜(settle)은 결제창을 통한 빌링키 발급을 지원하지 않습니다. ' +
        'REST API POST /subscribe/payments/onetime 요청에 customer_uid를 지정하여 빌링키를 발급하세요.',
    ),
  /**
   * IMP.certification (identity verification): the vendor's v1 SDK lists only identity-verification PGs for it
   * (danal, inicis_unified, inicis: its `certification` parameter page), and the OpenAPI document's
   * `x-portone-supported-pgs` of /certifications never names settle. The SDK answers this without a window.
   */
  certification: () =>
    refuse(
      'SANDBOX_CERTIFICATION',
      '헥토파이낸셜(settle)은 IMP.certification 본인인증을 지원하지 않습니다. ' +
        '포트원 V1 본인인증은 본인인증 채널(다날, KG이니시스 통합인증 등)로 연동하세요.',
    ),
  preparedAmount: (prepared: number, requested: number) =>
    refuse('SANDBOX_PREPARE', `사전등록된 결제금액(${prepared})과 요청 결제금액(${requested})이 일치하지 않습니다.`),
  preparedCurrency: (prepared: string, requested: string) =>
    refuse('SANDBOX_PREPARE', `사전등록된 통화(${prepared})와 요청 통화(${requested})가 일치하지 않습니다.`),
};

type Params = Record<string, unknown>;

/** Text parameters may arrive as numbers (a phone number written as one); anything else is not text. */
function text(params: Params, name: string): string | null | WindowRefusal {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return refusals.invalid(name, '문자열이어야 합니다.');
}

export const isRefusal = (value: unknown): value is WindowRefusal =>
  typeof value === 'object' && value !== null && 'error_code' in value;

/**
 * `pg` is `settle` or `settle.{MID}` with a MID of this merchant. Both kinds of MID open the window, so a merchant
 * contracted only for key-in can still try the window; bare `settle` (or no `pg`) prefers the merchant's window MID.
 */
function resolveWindowMid(merchant: Merchant, pg: string | null): SettleMid | WindowRefusal {
  const [provider, mid, ...rest] = (pg ?? 'settle').split('.');
  if (provider !== 'settle' || rest.length > 0) return refusals.pg(pg ?? '');
  const mids = merchant.settle.mids;
  const found = mid
    ? mids.find((m) => m.mid === mid)
    : (mids.find((m) => m.kind === 'window') ?? mids.find((m) => m.mid === merchant.settle.default_mid));
  return found ?? refusals.pg(pg ?? '');
}

/** `YYYYMMDD` (the end of that day) or `YYYYMMDDhhmm`, Korean time, as UNIX seconds; null when malformed. */
function parseVbankDue(value: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?$/.exec(value);
  if (!match || (match[4] === undefined) !== (match[5] === undefined)) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = match[4] === undefined ? [23, 59, 59] : [Number(match[4]), Number(match[5]), 0];
  return fromKst(year, month, day, hour, minute, second);
}

export function redirectUrl(value: string | null): string | null | WindowRefusal {
  if (value === null) return null;
  try {
    const url = new URL(value);
    // Only web addresses: the browser is sent there with the result.
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // falls through to the refusal
  }
  return refusals.invalid('m_redirect_url', 'http(s) 주소여야 합니다.');
}

const TEXT_PARAMS = [
  'pg',
  'pay_method',
  'merchant_uid',
  'name',
  'currency',
  'buyer_name',
  'buyer_email',
  'buyer_tel',
  'buyer_addr',
  'buyer_postcode',
  'company',
  'company_en',
  'notice_url',
  'm_redirect_url',
  'vbank_due',
  'customer_uid',
] as const;
type Fields = Record<(typeof TEXT_PARAMS)[number], string | null>;

function readFields(params: Params): Fields | WindowRefusal {
  const fields: Partial<Fields> = {};
  for (const name of TEXT_PARAMS) {
    const value = text(params, name);
    if (isRefusal(value)) return value;
    fields[name] = value;
  }
  return fields as Fields;
}

/** The order itself: merchant_uid, name, amount and currency. */
function checkOrder(fields: Fields, amount: unknown): WindowRefusal | null {
  const merchantUid = fields.merchant_uid;
  if (!merchantUid) return refusals.missing('merchant_uid', '고객사 주문번호');
  if (merchantUid.length > 40) return refusals.invalid('merchant_uid', '40자 이하여야 합니다.');
  if (fields.name && fields.name.length > 40) return refusals.invalid('name', '40자 이하여야 합니다.');
  if (typeof amount === 'string') return refusals.invalid('amount', '문자열이 아닌 숫자로 전달해야 합니다.');
  if (typeof amount !== 'number') return refusals.missing('amount', '결제금액');
  if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    return refusals.invalid('amount', `1 이상 ${MAX_AMOUNT} 이하의 정수여야 합니다.`);
  }
  if ((fields.currency ?? 'KRW') !== 'KRW') return refusals.invalid('currency', '헥토파이낸셜(settle)은 KRW만 지원합니다.');
  return null;
}

/** What Hecto's window asks of the buyer and the merchant per pay method; no billing key through the window. */
function checkParties(fields: Fields, payMethod: PayMethod): WindowRefusal | null {
  if (!fields.buyer_tel) return refusals.missing('buyer_tel', '헥토파이낸셜 결제창은 구매자 연락처가 필수입니다');
  if ((payMethod === 'vbank' || payMethod === 'phone') && !fields.company) {
    return refusals.missing('company', '가상계좌·휴대폰 결제는 회사명이 필수입니다');
  }
  if (payMethod === 'phone' && !fields.name) return refusals.missing('name', '휴대폰 결제는 주문명이 필수입니다');
  if (payMethod === 'phone' && !fields.company_en) {
    return refusals.missing('company_en', '휴대폰 결제는 영문 회사명이 필수입니다');
  }
  if (fields.customer_uid) return refusals.billingKey();
  return null;
}

/** A virtual account's due time as UNIX seconds (0: none given), which must still be ahead. */
function vbankDueOf(fields: Fields, payMethod: PayMethod, now: number): number | WindowRefusal {
  if (payMethod !== 'vbank' || !fields.vbank_due) return 0;
  const due = parseVbankDue(fields.vbank_due);
  if (due === null) return refusals.invalid('vbank_due', 'YYYYMMDD 또는 YYYYMMDDhhmm 형식이어야 합니다.');
  if (due * 1000 <= now) return refusals.invalid('vbank_due', '입금기한이 이미 지났습니다.');
  return due;
}

/** What the merchant_uid already has: a payment, or a prepared amount and currency the request must match. */
function checkHistory(context: RequestContext, amount: number, currency: string): WindowRefusal | null {
  if (context.paid) return refusals.alreadyPaid();
  const { prepared } = context;
  if (prepared && prepared.amount !== amount) return refusals.preparedAmount(prepared.amount, amount);
  if (prepared?.currency && prepared.currency !== currency) return refusals.preparedCurrency(prepared.currency, currency);
  return null;
}

/** Applies every rule in the order the window meets them; the first one broken is the answer. */
export function checkRequest(merchant: Merchant, params: Params, context: RequestContext): WindowOrder | WindowRefusal {
  const fields = readFields(params);
  if (isRefusal(fields)) return fields;
  const mid = resolveWindowMid(merchant, fields.pg);
  if (isRefusal(mid)) return mid;
  // The SDK's default pay method is card.
  const payMethod = fields.pay_method ?? 'card';
  if (!PAY_METHODS.includes(payMethod)) return refusals.payMethod(payMethod);
  const order = checkOrder(fields, params['amount']) ?? checkParties(fields, payMethod as PayMethod);
  if (order) return order;
  // The window is open to any page: what it stores is bounded (an object custom_data is kept as its JSON text).
  const customData = customDataText(params['custom_data']);
  if (customData !== null && customData.length > WINDOW_TEXT_MAX) {
    return refusals.invalid('custom_data', `JSON 텍스트가 ${WINDOW_TEXT_MAX}자 이하여야 합니다.`);
  }
  const mRedirectUrl = redirectUrl(fields.m_redirect_url);
  if (isRefusal(mRedirectUrl)) return mRedirectUrl;
  const vbankDue = vbankDueOf(fields, payMethod as PayMethod, context.now);
  if (isRefusal(vbankDue)) return vbankDue;
  const amount = params['amount'] as number;
  const currency = fields.currency ?? 'KRW';
  const history = checkHistory(context, amount, currency);
  if (history) return history;
  const { name, buyer_name, buyer_email, buyer_addr, buyer_postcode, company, notice_url } = fields;
  return {
    mid,
    pay_method: payMethod as PayMethod,
    merchant_uid: fields.merchant_uid!,
    amount,
    currency,
    name,
    buyer_name,
    buyer_email,
    buyer_tel: fields.buyer_tel!,
    buyer_addr,
    buyer_postcode,
    // An object is kept as the JSON text the vendor shows.
    custom_data: customData,
    company,
    notice_url,
    m_redirect_url: mRedirectUrl,
    vbank_due: vbankDue,
  };
}

import type { Payment } from '../../contract/payment.js';
import type { WindowRefusal } from './window-request.js';

// How a window's result reaches the merchant's page (reference §9): the callback's `rsp`, or the query string of
// m_redirect_url. The v1 SDK sends no `success`: a result is a success when `error_code` is null.

export interface WindowRsp {
  imp_uid: string | null;
  merchant_uid: string;
  error_code: string | null;
  error_msg: string | null;
  [field: string]: unknown;
}

/** The callback's `rsp` for a window that opened (whatever came of it). */
export function rspOf(p: Payment, failure: WindowRefusal | null): WindowRsp {
  return {
    imp_uid: p.imp_uid,
    merchant_uid: p.merchant_uid,
    error_code: failure?.error_code ?? null,
    error_msg: failure?.error_msg ?? null,
    pay_method: p.pay_method,
    paid_amount: p.status === 'failed' ? 0 : p.amount,
    status: p.status,
    name: p.name,
    pg_provider: p.pg_provider,
    emb_pg_provider: p.emb_pg_provider,
    pg_tid: p.pg_tid,
    pg_type: 'payment',
    currency: p.currency,
    buyer_name: p.buyer_name,
    buyer_email: p.buyer_email,
    buyer_tel: p.buyer_tel,
    buyer_addr: p.buyer_addr,
    buyer_postcode: p.buyer_postcode,
    custom_data: p.custom_data,
    paid_at: p.paid_at,
    receipt_url: p.receipt_url,
    apply_num: p.apply_num,
    card_name: p.card_name,
    card_number: p.card_number,
    card_quota: p.card_quota,
    bank_name: p.bank_name,
    vbank_num: p.vbank_num,
    vbank_name: p.vbank_name,
    vbank_holder: p.vbank_holder,
    vbank_date: p.vbank_date,
  };
}

/** The `rsp` of a request refused before the window opened: no imp_uid, as the vendor's F1002 example shows. */
export function refusedRsp(merchantUid: string, requestId: string, refusal: WindowRefusal): WindowRsp {
  return { imp_uid: null, merchant_uid: merchantUid, request_id: requestId, ...refusal };
}

/** m_redirect_url with `imp_uid`, `merchant_uid`, `imp_success` and, on failure, `error_code` and `error_msg`. */
export function redirectTo(mRedirectUrl: string, rsp: WindowRsp): string {
  const url = new URL(mRedirectUrl);
  url.searchParams.set('imp_uid', rsp.imp_uid ?? '');
  url.searchParams.set('merchant_uid', rsp.merchant_uid);
  url.searchParams.set('imp_success', String(rsp.error_code === null));
  if (rsp.error_code !== null) {
    url.searchParams.set('error_code', rsp.error_code);
    url.searchParams.set('error_msg', rsp.error_msg ?? '');
  }
  return url.toString();
}

import type { Static } from 'typebox';
import type { WindowOpeningSchema, WindowRspSchema } from '../contract/window.js';
import { postJson } from './envelope.js';
import { openLayer } from './layer.js';
import { warnOnSuccess } from './missing-success.js';

// The stand-in for https://cdn.iamport.kr/v1/iamport.js: the same global `IMP` (`init`, `agency`, `request_pay`,
// `certification`), talking to the sandbox origin it was loaded from. The rules are not here: the sandbox decides
// (POST /sandbox/window/requests, which also tells PC from mobile by the browser's user agent) and this script
// only carries the result.

type Rsp = Static<typeof WindowRspSchema>;
type Opening = Static<typeof WindowOpeningSchema>;
type Params = Record<string, unknown> & { merchant_uid?: unknown };
type Callback = (rsp: Rsp) => void;

/** The core's refusal of IMP.certification, as JSON text put in by the bundler (scripts/bundle-browser.mjs). */
declare const CERTIFICATION_REFUSAL: string;

declare global {
  interface Window {
    IMP: unknown;
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const sandbox = new URL(script ? script.src : location.href).origin;
const CERTIFICATION = JSON.parse(CERTIFICATION_REFUSAL) as { error_code: string; error_msg: string };
let merchantCode: string | null = null;

// The checkout page of a window payment; the sandbox answers the opening with the payment, not a page.
const checkoutUrl = (impUid: string) => `${sandbox}/sandbox/window/checkout/${encodeURIComponent(impUid)}`;

const failure = (merchantUid: unknown, message: string | null): Rsp =>
  ({ imp_uid: null, merchant_uid: merchantUid, error_code: 'SANDBOX_REQUEST', error_msg: message }) as Rsp;

/** Where an opening leads: the callback (a refusal), m_redirect_url, the checkout page (mobile) or the layer (PC). */
function follow(opening: Opening, hasCallback: boolean, done: Callback): void {
  if (!opening.imp_uid) {
    // Refused before any window: the callback gets it; a mobile page that gave no callback goes to
    // m_redirect_url instead (the vendor's rule since iamport.payment-1.1.5.js, iamport-manual#6).
    if (!hasCallback && opening.redirect_url) location.href = opening.redirect_url;
    else done(opening.rsp as Rsp);
  } else if (opening.mode === 'mobile') {
    // Mobile: the whole page goes to the checkout; the result comes back to m_redirect_url.
    location.href = checkoutUrl(opening.imp_uid);
  } else {
    openLayer(checkoutUrl(opening.imp_uid), opening.imp_uid, sandbox, done);
  }
}

// Written as function-valued properties, as the vendor's SDK defines them.
window.IMP = {
  init: function (code: string) {
    merchantCode = code;
  },
  /** Sub-merchants (tier): the sandbox only needs the merchant code. */
  agency: function (code: string, _tierCode?: string) {
    merchantCode = code;
  },
  request_pay: function (params: Params | undefined, callback?: Callback) {
    const order = params || {};
    const hasCallback = typeof callback === 'function';
    let called = false;
    const done = (rsp: Rsp) => {
      if (called) return;
      called = true;
      if (hasCallback) callback(warnOnSuccess(rsp));
    };
    postJson<Opening>(`${sandbox}/sandbox/window/requests`, { merchant_code: merchantCode, params: order }).then(
      (envelope) => (envelope.response ? follow(envelope.response, hasCallback, done) : done(failure(order.merchant_uid, envelope.message))),
      (error: unknown) => done(failure(order.merchant_uid, String(error))),
    );
  },
  /** Identity verification: Settle offers none through PortOne V1, so the answer is always a refusal. */
  certification: function (params: Params | undefined, callback?: (rsp: unknown) => void) {
    const merchantUid = params?.merchant_uid;
    const rsp = { success: false, imp_uid: null, merchant_uid: merchantUid == null ? null : merchantUid, ...CERTIFICATION };
    if (typeof callback === 'function') setTimeout(() => callback(rsp), 0);
  },
};

// The v1 SDK's request_pay callback has no `success` (reference §9: "request_pay 응답 객체에 success가 포함되지
// 않습니다"), yet the vendor's older guides test `if (rsp.success)`, and code copied from them treats every
// approval as a failure. The sandbox keeps the field absent from what the page can list or serialise, and says so
// once per rsp when the page reads it.
//
// It is an own accessor, not enumerable: Object.keys, JSON.stringify, spreads and structuredClone leave it out and
// the rsp stays a plain object (a Proxy could answer `'success' in rsp` false, as the vendor's does, but cannot be
// posted or cloned). So `'success' in rsp` and `Object.hasOwn(rsp, 'success')` are true here, false with the
// vendor; a test of presence should read `rsp.success !== undefined`.

const WARNING =
  '[iamport-sandbox] rsp.success is undefined: the v1 SDK (v1/iamport.js) sends no `success` (nor `imp_success`) ' +
  'to the request_pay callback. Check `rsp.error_code == null` instead, then verify the payment on your server ' +
  'with GET /payments/{imp_uid} (rsp.imp_uid).';

/** `rsp` with a hidden `success` that reads undefined and logs WARNING the first time it is read. */
export function warnOnSuccess<T extends object>(rsp: T): T {
  let warned = false;
  Object.defineProperty(rsp, 'success', {
    enumerable: false,
    configurable: true,
    get() {
      if (!warned) console.warn(WARNING);
      warned = true;
      return undefined;
    },
  });
  return rsp;
}

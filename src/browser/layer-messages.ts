// What the SDK's layer (src/browser/layer.ts, on the merchant's page) and the checkout in its frame
// (src/browser/checkout.ts) post to each other; each names the window payment by its imp_uid.

/** Checkout → layer: the window ended; carries the callback's rsp. */
export const RESULT = 'iamport-sandbox:result';
/** Layer → checkout: Escape was pressed on the merchant's page; close the window as the × button does. */
export const CLOSE = 'iamport-sandbox:close';

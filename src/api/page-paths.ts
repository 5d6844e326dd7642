/**
 * Where the HTTP door serves the pages that belong to API records. The core knows records by their ids only;
 * these paths turn an id into a page (a payment's `receipt_url`, the checkout page of a window payment).
 */
export const pagePaths = {
  receipt: (impUid: string) => `/sandbox/receipts/${encodeURIComponent(impUid)}`,
  checkout: (impUid: string) => `/sandbox/window/checkout/${encodeURIComponent(impUid)}`,
};

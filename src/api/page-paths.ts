/**
 * The receipt page a payment's `receipt_url` points at. The core knows payments by their ids only; this route
 * (served by the HTTP door) turns an id into the page, and the sandbox is built with it (src/index.ts).
 */
export const RECEIPT_ROUTE = '/sandbox/receipts/:imp_uid';

export const receiptPath = (impUid: string) => RECEIPT_ROUTE.replace(':imp_uid', encodeURIComponent(impUid));

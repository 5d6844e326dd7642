// What the server puts into a page for its module, as JSON in a `<script type="application/json">` element
// (src/http/page-shell.ts), and how the module reads it. The server compiles this file too, for the id and the
// shapes; the page modules themselves are only bundled.

export const PAGE_DATA_ID = 'page-data';

/** The checkout (src/browser/checkout.ts): the window payment its buttons act on, and the phone code it accepts. */
export interface CheckoutPageData {
  imp_uid: string;
  otp: string;
}

/** The example merchant page (src/browser/example.ts): each merchant's MIDs, as `mid (kind)`. */
export interface ExamplePageData {
  mids: Record<string, string[]>;
}

/** The dashboard (src/browser/dashboard): the operations a fault can target, the fault form's suggestions. */
export interface DashboardPageData {
  operation_ids: readonly string[];
}

/** The JSON of the page's data element, of the shape the page's module names. */
export function pageData<T>(): T {
  const element = document.getElementById(PAGE_DATA_ID);
  if (!element?.textContent) throw new Error(`the page has no #${PAGE_DATA_ID} element`);
  return JSON.parse(element.textContent) as T;
}

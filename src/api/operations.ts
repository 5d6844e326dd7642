import { codeOperations } from './code-operations.js';
import { controlOperations } from './control-operations.js';
import type { Operation } from './operation.js';
import { paymentQueryOperations } from './payment-query-operations.js';
import { receiptOperations } from './receipt-operations.js';
import { sandboxOperations } from './sandbox-operations.js';
import { scheduleOperations } from './schedule-operations.js';
import { vbankOperations } from './vbank-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';
import { vendorOperations } from './vendor-operations.js';
import { windowOperations } from './window-operations.js';

/** The vendor's operations (PortOne V1), as both doors serve them. */
export const operations: readonly Operation[] = [...vendorOperations, ...scheduleOperations, ...paymentQueryOperations, ...codeOperations, ...vbankOperations, ...receiptOperations, ...unsupportedOperations];

/**
 * Every operation a sandbox serves: the vendor's, the sandbox's own (health, the payment window's JSON API) and,
 * with `control`, the control API. A new route table joins here, once, so the doors can never disagree about
 * which endpoints exist.
 */
export function mountedOperations(control: boolean): Operation[] {
  const all = [...operations, ...sandboxOperations, ...windowOperations, ...controlOperations];
  return control ? all : all.filter((operation) => operation.kind !== 'control');
}

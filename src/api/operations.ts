import { codeOperations } from './code-operations.js';
import type { Operation } from './operation.js';
import { paymentQueryOperations } from './payment-query-operations.js';
import { primaryOperations } from './primary-operations.js';
import { receiptOperations } from './receipt-operations.js';
import { scheduleOperations } from './schedule-operations.js';
import { vbankOperations } from './vbank-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

// The one list of the vendor's operations. The fault targets and the coverage table read it here; the router, the
// dashboard and the OpenAPI document read it through mountedOperations (src/api/mounted-operations.ts), which adds
// the sandbox's own. A new vendor route table joins here, once.

/** The vendor's operations (PortOne V1), as both doors serve them. */
export const operations: readonly Operation[] = [
  ...primaryOperations,
  ...scheduleOperations,
  ...paymentQueryOperations,
  ...codeOperations,
  ...vbankOperations,
  ...receiptOperations,
  ...unsupportedOperations,
];

/** The ids a fault may strike: the pipeline faults vendor operations only (src/api/faults.ts). */
export const faultTargets: readonly string[] = [...new Set(operations.filter((operation) => operation.kind === 'vendor').map((operation) => operation.operationId))];

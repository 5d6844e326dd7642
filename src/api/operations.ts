import type { Operation } from './operation.js';
import { vendorOperations } from './vendor-operations.js';

/**
 * Every operation both doors serve. A new route table joins here, once, so the server and the msw
 * handlers can never disagree about which endpoints exist.
 */
export const operations: readonly Operation[] = [...vendorOperations];

import { controlOperations } from './control-operations.js';
import type { Operation } from './operation.js';
import { operations } from './operations.js';
import { sandboxOperations } from './sandbox-operations.js';
import { windowOperations } from './window-operations.js';

const everything: readonly Operation[] = [...operations, ...sandboxOperations, ...windowOperations, ...controlOperations];

/**
 * Every operation a sandbox serves: the vendor's, the sandbox's own (health, the payment window's JSON API) and,
 * with `control`, the control API. Both doors route from it, so they can never disagree about which endpoints exist.
 */
export function mountedOperations(control: boolean): Operation[] {
  return control ? [...everything] : everything.filter((operation) => operation.kind !== 'control');
}

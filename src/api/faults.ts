import type { Answer } from '../core/answer.js';
import type { Sandbox } from '../core/sandbox.js';
import type { Operation } from './operation.js';

/**
 * Fault injection, decided once for both doors. Each door calls `faultFor` before it handles a request (before
 * the token check, as a network fault would strike) and applies the outcome in its own terms:
 *
 * - `handle`: serve the request as usual;
 * - `answer`: send `answer` (a 5xx in the vendor's envelope) instead of handling it;
 * - `drop`:   give no answer at all: the server destroys the socket (`request.raw.socket.destroy()`),
 *             the msw handlers answer `HttpResponse.error()`, so the client sees a network error either way.
 *
 * The latency a rule adds has already passed (in real time) when the promise resolves. The control API is
 * never faulted, so a test can always take a fault back.
 */
export type FaultOutcome = { action: 'handle' } | { action: 'answer'; answer: Answer<null> } | { action: 'drop' };

export const CONTROL_TAG = 'sandbox-control';

const HANDLE: FaultOutcome = { action: 'handle' };

export async function faultFor(sandbox: Sandbox, operation: Operation): Promise<FaultOutcome> {
  if (operation.tags.includes(CONTROL_TAG)) return HANDLE;
  const decision = sandbox.faults.decide(operation.operationId);
  if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
  switch (decision.action) {
    case 'handle':
      return HANDLE;
    case 'drop':
      return { action: 'drop' };
    case 'error':
      return { action: 'answer', answer: { status: decision.error.status, body: decision.error.toEnvelope() } };
  }
}

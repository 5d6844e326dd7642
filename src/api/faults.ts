import type { Answer } from '../core/answer.js';
import type { FaultDecision } from '../core/control/faults.js';
import type { Sandbox } from '../core/sandbox.js';
import type { Operation } from './operation.js';

/**
 * Fault injection, decided by the pipeline before it reads a vendor request (before the token check, as a
 * network fault would strike):
 *
 * - `handle`: serve the request as usual;
 * - `answer`: send `answer` (a 5xx in the vendor's envelope) instead of handling it;
 * - `drop`:   give no answer at all: the server destroys the socket, the msw handlers answer
 *             `Response.error()`, so the client sees a network error either way.
 *
 * The latency a rule adds has already passed (in real time) when the outcome is given (a promise then). Only vendor operations
 * are faulted: the control API never is, so a test can always take a fault back.
 */
export type FaultOutcome = { action: 'handle' } | { action: 'answer'; answer: Answer<null> } | { action: 'drop' };

const HANDLE: FaultOutcome = { action: 'handle' };

export function faultFor(sandbox: Sandbox, operation: Operation): FaultOutcome | Promise<FaultOutcome> {
  if (operation.kind !== 'vendor') return HANDLE;
  const decision = sandbox.faults.decide(operation.operationId);
  // Without a delay the outcome is known now: most requests (no rule armed) take no turn of the event loop here.
  if (decision.delayMs <= 0) return outcomeOf(decision);
  return new Promise((resolve) => setTimeout(() => resolve(outcomeOf(decision)), decision.delayMs));
}

function outcomeOf(decision: FaultDecision): FaultOutcome {
  switch (decision.action) {
    case 'handle':
      return HANDLE;
    case 'drop':
      return { action: 'drop' };
    case 'error':
      return { action: 'answer', answer: { status: decision.error.status, body: decision.error.toEnvelope() } };
  }
}

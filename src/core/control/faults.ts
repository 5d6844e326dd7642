import type { Static } from 'typebox';
import type { FaultBodySchema, FaultSchema } from '../../contract/control.js';
import { errors, type SandboxError } from '../errors.js';

/**
 * A fault rule for one operationId (or `*` for every vendor endpoint): `latency_ms` is added before the request
 * is handled, a share `error_rate` (0–1) is answered with `error_status`, a share `drop_rate` has its connection
 * dropped, and `seed` seeds the draws so a run with the same requests fails the same ones.
 */
export type FaultRule = Static<typeof FaultSchema>;

export type FaultRequest = Static<typeof FaultBodySchema>;

/** What a door does with one request; the door applies it in its own terms (see src/api/faults.ts). */
export type FaultDecision =
  | { delayMs: number; action: 'handle' }
  | { delayMs: number; action: 'error'; error: SandboxError }
  | { delayMs: number; action: 'drop' };

const NO_FAULT: FaultDecision = { delayMs: 0, action: 'handle' };

/** mulberry32: a tiny seeded generator; fault draws must not disturb the sandbox's id generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fault injection for chosen endpoints. In memory only: it shapes a test run, it is not sandbox data. */
export class FaultInjector {
  private readonly rules = new Map<string, { rule: FaultRule; draw: () => number }>();

  set(operation: string, request: FaultRequest): FaultRule {
    const rule: FaultRule = {
      operation,
      latency_ms: request.latency_ms ?? 0,
      error_rate: request.error_rate ?? 0,
      error_status: request.error_status ?? 500,
      drop_rate: request.drop_rate ?? 0,
      seed: request.seed ?? 1,
    };
    if (rule.error_rate + rule.drop_rate > 1) throw errors.invalidParameter('error_rate', 'error_rate + drop_rate는 1 이하여야 합니다.');
    this.rules.set(operation, { rule, draw: generator(rule.seed) });
    return { ...rule };
  }

  list(): FaultRule[] {
    return [...this.rules.values()].map(({ rule }) => ({ ...rule }));
  }

  /** Removes the rule of one operation, or every rule. */
  clear(operation?: string): void {
    if (operation === undefined) this.rules.clear();
    else this.rules.delete(operation);
  }

  /** The decision for one request to `operationId`: an exact rule wins over `*`. */
  decide(operationId: string): FaultDecision {
    const entry = this.rules.get(operationId) ?? this.rules.get('*');
    if (!entry) return NO_FAULT;
    const { rule, draw } = entry;
    const roll = draw();
    if (roll < rule.drop_rate) return { delayMs: rule.latency_ms, action: 'drop' };
    if (roll < rule.drop_rate + rule.error_rate) {
      return { delayMs: rule.latency_ms, action: 'error', error: errors.injectedFault(rule.error_status) };
    }
    return { delayMs: rule.latency_ms, action: 'handle' };
  }
}

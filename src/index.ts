import { Sandbox, type SandboxOptions } from './core/sandbox.js';
import { defaultCards, defaultMerchants } from './fixtures.js';

export type { Answer } from './core/answer.js';
export type { CardFixture, DeclineReason } from './core/cards/cards.js';
export { SandboxClock, type Clock } from './core/time/clock.js';
export { SandboxError, errors } from './core/errors.js';
export type { Merchant, SettleMid } from './core/merchants/merchants.js';
export type { Snapshot } from './core/state/state.js';
export { MemoryStore, type Store } from './core/state/store.js';
export type { Customer } from './contract/customer.js';
export type { Payment, PaymentCancel, PagedPayments } from './contract/payment.js';
export { Sandbox, type SandboxOptions };
export { defaultCards, defaultMerchants };

/** A sandbox with the shipped merchants and test cards unless others are given. */
export function createSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return Sandbox.create({ merchants: defaultMerchants, cards: defaultCards, ...options });
}

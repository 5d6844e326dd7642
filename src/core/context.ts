import type { CardCatalogue } from './cards/cards.js';
import type { SandboxClock } from './time/clock.js';
import type { MerchantDirectory, Merchant } from './merchants/merchants.js';
import type { ScriptedOutcomes } from './control/outcomes.js';
import type { RandomSource } from './random.js';
import type { SandboxState } from './state/state.js';
import type { Timeline } from './time/timeline.js';
import type { Webhooks } from './webhooks/webhooks.js';

/** Registers how to take back one change if the write that should make it durable fails. */
export type Undo = (revert: () => void) => void;

/** What every part of the core shares: one per sandbox. */
export interface Core {
  readonly clock: SandboxClock;
  readonly random: RandomSource;
  readonly state: SandboxState;
  readonly merchants: MerchantDirectory;
  readonly cards: CardCatalogue;
  /** Base URL of the sandbox as callers reach it, for receipt links. */
  readonly publicUrl: string;
  /**
   * Applies a change synchronously (so checks and changes cannot interleave with another request),
   * then waits until it is durable. If the write fails, the change is undone and the call fails.
   */
  write<T>(change: (undo: Undo) => T): Promise<T>;
  /** Work that falls due as sandbox time moves (schedules, webhook retries, vbank due dates): `timeline.add` a task. */
  readonly timeline: Timeline;
  /** Charges scripted by the control API; consulted by every charge before the card's own rules. */
  readonly outcomes: ScriptedOutcomes;
  /** Sends a payment webhook in the background (reference §7); never throws, never waits. See webhooks.ts. */
  notify: Webhooks['notify'];
}

/** Who is calling: the merchant the token belongs to, and the caller's user agent. */
export interface Caller {
  merchant: Merchant;
  userAgent: string | null;
}

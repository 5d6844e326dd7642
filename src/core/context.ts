import type { WebhookStatus } from '../contract/webhook.js';
import type { BillingKeyRecords } from './billing/billing-key-records.js';
import type { CardCatalogue } from './cards/cards.js';
import type { ScriptedOutcomes } from './control/outcomes.js';
import type { MerchantDirectory, Merchant } from './merchants/merchants.js';
import type { PaymentRecords } from './payments/payment-records.js';
import type { RandomSource } from './random.js';
import type { ScheduleRecords } from './schedules/schedule-records.js';
import type { SandboxClock } from './time/clock.js';
import type { Timeline } from './time/timeline.js';

/** The payment an event is about: only its ids are sent. */
export interface WebhookSubject {
  imp_uid: string;
  merchant_uid: string;
}

export interface WebhookOptions {
  /** The request's `notice_url`: it replaces the merchant's Notification URL for this event. */
  noticeUrl?: string | null | undefined;
  /** Cancel events carry the id of the cancellation. */
  cancellationId?: string | undefined;
}

/** Sends a payment webhook in the background (reference §7); never throws, never waits. See webhooks/webhooks.ts. */
type Notify = (merchant: Merchant, payment: WebhookSubject, status: WebhookStatus, options?: WebhookOptions) => void;

/** The records more than one domain reads or changes, each through its own accessors. */
export interface SharedRecords {
  readonly payments: PaymentRecords;
  readonly schedules: ScheduleRecords;
  readonly billingKeys: BillingKeyRecords;
}

/** What every part of the core shares: one per sandbox. */
export interface Core {
  readonly clock: SandboxClock;
  readonly random: RandomSource;
  readonly records: SharedRecords;
  /** The next number of the sandbox-wide sequence (creation order, delivery ids). */
  nextSeq(): number;
  readonly merchants: MerchantDirectory;
  readonly cards: CardCatalogue;
  /** Where a payment's receipt can be seen (its `receipt_url`). */
  receiptUrl(impUid: string): string;
  /**
   * Applies a change synchronously as one transaction (so checks and changes cannot interleave with another
   * request), then waits until it is durable. If the change throws, nothing of it stays; if the write fails,
   * the whole change is taken back and the call fails.
   */
  write<T>(change: () => T): Promise<T>;
  /** Work that falls due as sandbox time moves (schedules, webhook retries, vbank due dates): `timeline.add` a task. */
  readonly timeline: Timeline;
  /** Charges scripted by the control API; consulted by every charge before the card's own rules. */
  readonly outcomes: ScriptedOutcomes;
  notify: Notify;
}

/** Who is calling: the merchant the token belongs to, and the caller's user agent. */
export interface Caller {
  merchant: Merchant;
  userAgent: string | null;
}

import { receiptPath } from './api/page-paths.js';
import { Sandbox, type SandboxOptions } from './core/sandbox.js';
import { defaultCards, defaultCodes, defaultMerchants } from './fixtures.js';
import { fetchWebhookTransport } from './outbound/fetch-webhook-transport.js';

export type { Answer } from './core/answer.js';
export type { CardFixture, DeclineReason } from './core/cards/cards.js';
export type { Clock, ClockView } from './core/time/clock.js';
export { SandboxError, errors } from './core/errors.js';
export type { Merchant, SettleMid } from './core/merchants/merchants.js';
export type { Snapshot } from './core/state/snapshot.js';
export { MemoryStore, type Store } from './core/state/store.js';
export type { WebhookTransport, WebhookPost, AttemptResult } from './core/webhooks/transport.js';
export type { WebhookAttemptReport } from './core/webhooks/webhooks.js';
export type { Customer } from './contract/customer.js';
export type { Payment, PaymentCancel, PagedPayments } from './contract/payment.js';
export { Sandbox, type SandboxOptions };
export { defaultCards, defaultCodes, defaultMerchants };

export type CreateSandboxOptions = Partial<SandboxOptions> & {
  /** Base URL callers reach the sandbox at, for receipt links (`receipt_url`); a function is read at each link. */
  publicUrl?: string | (() => string);
};

/**
 * A sandbox with the shipped merchants and test cards unless others are given, receipt links on `publicUrl`
 * (http://127.0.0.1:8080 by default), and webhooks sent with fetch.
 */
export function createSandbox({ publicUrl = 'http://127.0.0.1:8080', ...options }: CreateSandboxOptions = {}): Promise<Sandbox> {
  const base = typeof publicUrl === 'string' ? () => publicUrl : publicUrl;
  return Sandbox.create({
    merchants: defaultMerchants,
    cards: defaultCards,
    codes: defaultCodes,
    receiptUrl: (impUid) => base().replace(/\/$/, '') + receiptPath(impUid),
    webhookTransport: fetchWebhookTransport,
    ...options,
  });
}

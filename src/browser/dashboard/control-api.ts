import type { Static } from 'typebox';
import type { ChangesSchema, ClockSchema, ControlBillingKeysSchema, ControlMerchantSchema, ControlPaymentsSchema, FaultSchema, OutcomeSchema } from '../../contract/control.js';
import type { ScheduleResultSchema } from '../../contract/schedule.js';
import type { Snapshot } from '../../core/state/snapshot.js';
import type { WebhookDelivery } from '../../contract/webhook.js';
import type { Envelope } from '../envelope.js';

// What the dashboard reads from the control API, typed by the contract's schemas (types only: nothing of them
// reaches the browser bundle).

export type ControlPayment = Static<typeof ControlPaymentsSchema>[number];
export type ControlBillingKey = Static<typeof ControlBillingKeysSchema>[number];
export type ControlMerchant = Static<typeof ControlMerchantSchema>;
export type Schedule = Static<typeof ScheduleResultSchema>;
export type Clock = Static<typeof ClockSchema>;
export type Changes = Static<typeof ChangesSchema>;
export type Outcome = Static<typeof OutcomeSchema>;
export type Fault = Static<typeof FaultSchema>;
export type Delivery = WebhookDelivery;

/** The whole state (GET /sandbox/state): the records no list operation of their own shows (tokens, prepared amounts, cash receipts). */
export const readState = () => api<Snapshot>('GET', '/sandbox/state');

/** A control operation's response; a refusal (any code but 0) is thrown with its message. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: {} };
  if (method !== 'GET' && method !== 'DELETE') {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body || {});
  }
  const envelope = (await (await fetch(path, init)).json()) as Envelope<T>;
  if (envelope.code !== 0) throw new Error(envelope.message || `오류 (code ${envelope.code})`);
  return envelope.response as T;
}

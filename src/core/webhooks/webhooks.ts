import type { WebhookDeliveryRecord } from '../../contract/records.js';
import type { WebhookAttempt, WebhookStatus } from '../../contract/webhook.js';
import type { Core, WebhookOptions, WebhookSubject } from '../context.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';
import type { Merchant } from '../merchants/merchants.js';
import { WAITING, merchantKey, type TableOf } from '../state/collections.js';
import { toUnixSeconds } from '../time/clock.js';
import type { TimedTask } from '../time/timeline.js';
import type { WebhookTargets } from './targets.js';
import { FIRST_DELIVERY_TIMEOUT_MS, REDELIVERY_TIMEOUT_MS, encodeWebhook, type WebhookTransport } from './transport.js';

/** Reference §7: with the merchant's retry setting, up to 5 retries one minute apart after a network error or 5xx. */
const MAX_RETRIES = 5;
const RETRY_INTERVAL_MS = 60_000;

const NOT_ALLOWED = { status: null, error: 'not sent: the URL is not an allowed webhook target (--webhook-allow)' };

const keyOf = (record: WebhookDeliveryRecord) => merchantKey(record.merchant, record.id);

/** One attempt of a delivery, as the sandbox reports it (the CLI logs the failed ones with their cause). */
export interface WebhookAttemptReport {
  url: string;
  imp_uid: string;
  trigger: WebhookAttempt['trigger'];
  /** The receiver's HTTP status, or null when none came back. */
  status: number | null;
  /** Why it failed (`ECONNREFUSED`, `timed out after 40000 ms`, `receiver answered HTTP 500`, `not sent: …`); null: delivered. */
  error: string | null;
  /** Whether a retry is due a minute of sandbox time later. */
  retrying: boolean;
}

/** Where attempts are reported: the core has no log of its own (it runs in a browser too). */
export type WebhookAttemptListener = (report: WebhookAttemptReport) => void;

/**
 * Webhooks (reference §7). `notify` returns at once: delivery happens in the background, is logged attempt by
 * attempt in the state, and can never fail or delay the request that caused it. Retries are driven by sandbox
 * time (this is a timed task), so advancing the clock by a minute fires the retries due in that minute.
 */
export class Webhooks implements TimedTask {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly core: Core,
    private readonly transport: WebhookTransport,
    private readonly allowed: WebhookTargets,
    private readonly deliveries: TableOf<'webhook_deliveries'>,
    private readonly report: WebhookAttemptListener = () => undefined,
  ) {}

  /**
   * Sends `{imp_uid, merchant_uid, status}` (+ `cancellation_id`) to the notice URL, else the merchant's
   * Notification URL; does nothing when neither is set. Deciding *whether* an event is notified is the caller's job.
   */
  notify(merchant: Merchant, payment: WebhookSubject, status: WebhookStatus, options: WebhookOptions = {}): void {
    const url = options.noticeUrl || merchant.webhook?.url;
    if (!url) return;
    const body = { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status };
    this.track(async () => {
      const seq = this.core.nextSeq();
      const record: WebhookDeliveryRecord = {
        id: `whd_${seq}`,
        merchant: merchant.code,
        seq,
        url,
        content_type: merchant.webhook?.content_type ?? 'json',
        body: options.cancellationId === undefined ? body : { ...body, cancellation_id: options.cancellationId },
        retry: merchant.webhook?.retry ?? false,
        state: 'pending',
        next_attempt_at: null,
        attempts: [],
      };
      await this.core.write(() => this.deliveries.put(record));
      await this.attempt(record, 'event');
    });
  }

  /** Every delivery (of one merchant, or all), oldest first, with its attempts. */
  list(merchant?: string): WebhookDeliveryRecord[] {
    if (merchant !== undefined) this.core.merchants.require(merchant);
    const records = merchant === undefined ? [...this.deliveries.values()] : this.deliveries.lookup('merchant', merchant);
    return records.sort((a, b) => a.seq - b.seq).map(copy);
  }

  /** Sends a logged delivery once more, now, and answers with it after the attempt. */
  async resend(id: string): Promise<WebhookDeliveryRecord> {
    const record = this.deliveries.lookup('id', id)[0];
    if (!record) throw errors.webhookDeliveryNotFound(id);
    await this.track(() => this.attempt(record, 'resend'));
    return copy(this.deliveries.get(keyOf(record))!);
  }

  /** Resolves when no delivery is in flight, including deliveries started while waiting. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** Cancels what is in flight (each attempt is logged as cancelled) and waits for it to wind down. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.settle();
  }

  nextDue(): number | null {
    let next: number | null = null;
    for (const record of this.deliveries.lookup('retrying', WAITING)) {
      const due = record.next_attempt_at === null ? null : record.next_attempt_at * 1000;
      if (due !== null && (next === null || due < next)) next = due;
    }
    return next;
  }

  async runDue(now: number): Promise<void> {
    const due: WebhookDeliveryRecord[] = [];
    for (const record of this.deliveries.lookup('retrying', WAITING)) {
      if (record.next_attempt_at !== null && record.next_attempt_at * 1000 <= now) due.push(record);
    }
    due.sort((a, b) => a.next_attempt_at! - b.next_attempt_at! || a.seq - b.seq);
    await Promise.all(due.map((record) => this.track(() => this.attempt(record, 'retry'))));
  }

  private async attempt(delivery: WebhookDeliveryRecord, trigger: WebhookAttempt['trigger']): Promise<void> {
    const key = keyOf(delivery);
    // Claimed before the request goes out, so a tick during a slow receiver does not send the retry twice.
    const claimed = await this.core.write(() =>
      this.deliveries.update(key, (draft) => {
        draft.next_attempt_at = null;
      }),
    );
    const at = toUnixSeconds(this.core.clock.now());
    const { type, text } = encodeWebhook(claimed.body, claimed.content_type);
    const timeoutMs = trigger === 'event' ? FIRST_DELIVERY_TIMEOUT_MS : REDELIVERY_TIMEOUT_MS;
    const permitted = this.allowed(claimed.url);
    const result = permitted
      ? await this.transport({ url: claimed.url, contentType: type, body: text, timeoutMs, signal: this.closing.signal })
      : NOT_ALLOWED;
    const delivered = result.error === null;
    // A target outside the allow-list stays outside it: no retry.
    const retryable = permitted && (result.status === null || result.status >= 500);
    const nextAt = toUnixSeconds(this.core.clock.now() + RETRY_INTERVAL_MS);
    const logged = await this.core.write(() =>
      this.deliveries.update(key, (draft) => {
        const retriesUsed = draft.attempts.filter((a) => a.trigger === 'retry').length + (trigger === 'retry' ? 1 : 0);
        const retryAgain = !delivered && retryable && draft.retry && retriesUsed < MAX_RETRIES && !this.closing.signal.aborted;
        draft.attempts.push({ at, url: draft.url, trigger, status: result.status, error: result.error });
        draft.state = delivered ? 'delivered' : retryAgain ? 'pending' : draft.state === 'delivered' ? 'delivered' : 'failed';
        draft.next_attempt_at = retryAgain ? nextAt : null;
      }),
    );
    const retrying = logged.next_attempt_at !== null;
    this.report({ url: claimed.url, imp_uid: claimed.body.imp_uid, trigger, status: result.status, error: result.error, retrying });
  }

  /** Runs a delivery in the background; whatever goes wrong (even the store) is swallowed, never thrown at a caller. */
  private track(work: () => Promise<void>): Promise<void> {
    const running: Promise<void> = work()
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
    return running;
  }
}

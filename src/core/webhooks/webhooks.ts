import { toUnixSeconds } from '../time/clock.js';
import type { Core } from '../context.js';
import { errors } from '../errors.js';
import type { Merchant } from '../merchants/merchants.js';
import { copy, type WebhookAttempt, type WebhookDeliveryRecord, type WebhookStatus } from '../records.js';
import type { TimedTask } from '../time/timeline.js';
import { FIRST_DELIVERY_TIMEOUT_MS, REDELIVERY_TIMEOUT_MS, postWebhook } from './webhook-transport.js';

/** Reference §7: with the merchant's retry setting, up to 5 retries one minute apart after a network error or 5xx. */
export const MAX_RETRIES = 5;
export const RETRY_INTERVAL_MS = 60_000;

export interface WebhookOptions {
  /** The request's `notice_url`: it replaces the merchant's Notification URL for this event. */
  noticeUrl?: string | null | undefined;
  /** Cancel events carry the id of the cancellation. */
  cancellationId?: string | undefined;
}

/** The payment an event is about: only its ids are sent. */
export interface WebhookSubject {
  imp_uid: string;
  merchant_uid: string;
}

/**
 * Webhooks (reference §7). `notify` returns at once: delivery happens in the background, is logged attempt by
 * attempt in the state, and can never fail or delay the request that caused it. Retries are driven by sandbox
 * time (this is a timed task), so advancing the clock by a minute fires the retries due in that minute.
 */
export class Webhooks implements TimedTask {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(private readonly core: Core) {}

  /**
   * Sends `{imp_uid, merchant_uid, status}` (+ `cancellation_id`) to the notice URL, else the merchant's
   * Notification URL; does nothing when neither is set. Deciding *whether* an event is notified is the caller's job.
   */
  notify(merchant: Merchant, payment: WebhookSubject, status: WebhookStatus, options: WebhookOptions = {}): void {
    const url = options.noticeUrl || merchant.webhook?.url;
    if (!url) return;
    const body = { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status };
    this.track(async () => {
      const seq = ++this.core.state.seq;
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
      await this.core.write((undo) => undo(this.core.state.addWebhookDelivery(record)));
      await this.attempt(record, 'event');
    });
  }

  /** Every delivery (of one merchant, or all), oldest first, with its attempts. */
  list(merchant?: string): WebhookDeliveryRecord[] {
    const books = merchant === undefined ? [...this.core.state.books.values()] : [this.core.state.books.get(merchant)];
    return books
      .flatMap((book) => (book ? [...book.webhookDeliveries.values()] : []))
      .sort((a, b) => a.seq - b.seq)
      .map(copy);
  }

  /** Sends a logged delivery once more, now, and answers with it after the attempt. */
  async resend(id: string): Promise<WebhookDeliveryRecord> {
    const record = this.find(id);
    if (!record) throw errors.webhookDeliveryNotFound(id);
    await this.track(() => this.attempt(record, 'resend'));
    return copy(record);
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
    for (const book of this.core.state.books.values()) {
      for (const record of book.webhookDeliveries.values()) {
        const due = record.next_attempt_at === null ? null : record.next_attempt_at * 1000;
        if (due !== null && (next === null || due < next)) next = due;
      }
    }
    return next;
  }

  async runDue(now: number): Promise<void> {
    const due: WebhookDeliveryRecord[] = [];
    for (const book of this.core.state.books.values()) {
      for (const record of book.webhookDeliveries.values()) {
        if (record.next_attempt_at !== null && record.next_attempt_at * 1000 <= now) due.push(record);
      }
    }
    due.sort((a, b) => a.next_attempt_at! - b.next_attempt_at! || a.seq - b.seq);
    await Promise.all(due.map((record) => this.track(() => this.attempt(record, 'retry'))));
  }

  private find(id: string): WebhookDeliveryRecord | undefined {
    for (const book of this.core.state.books.values()) {
      const record = book.webhookDeliveries.get(id);
      if (record) return record;
    }
    return undefined;
  }

  private async attempt(record: WebhookDeliveryRecord, trigger: WebhookAttempt['trigger']): Promise<void> {
    // Claimed before the request goes out, so a tick during a slow receiver does not send the retry twice.
    record.next_attempt_at = null;
    const at = toUnixSeconds(this.core.clock.now());
    const timeout = trigger === 'event' ? FIRST_DELIVERY_TIMEOUT_MS : REDELIVERY_TIMEOUT_MS;
    const result = await postWebhook(record.url, record.body, record.content_type, timeout, this.closing.signal);
    const delivered = result.error === null;
    const retryable = result.status === null || result.status >= 500;
    const retriesUsed = record.attempts.filter((a) => a.trigger === 'retry').length + (trigger === 'retry' ? 1 : 0);
    const retryAgain = !delivered && retryable && record.retry && retriesUsed < MAX_RETRIES && !this.closing.signal.aborted;
    await this.core.write((undo) => {
      const before = { state: record.state, next: record.next_attempt_at, attempts: record.attempts.length };
      undo(() => {
        record.state = before.state;
        record.next_attempt_at = before.next;
        record.attempts.length = before.attempts;
      });
      record.attempts.push({ at, url: record.url, trigger, status: result.status, error: result.error });
      record.state = delivered ? 'delivered' : retryAgain ? 'pending' : record.state === 'delivered' ? 'delivered' : 'failed';
      record.next_attempt_at = retryAgain ? toUnixSeconds(this.core.clock.now() + RETRY_INTERVAL_MS) : null;
      this.core.state.touch('webhook_deliveries', record);
    });
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

import type { WebhookBody, WebhookContentType } from '../../contract/webhook.js';

/**
 * Reference §7: a first delivery may take 10 s to connect and 30 s to read; a re-delivery has 15 s in total.
 * A transport that cannot tell connecting from waiting for the answer (fetch cannot) gives the first delivery one
 * deadline of 10 + 30 s for both.
 */
export const FIRST_DELIVERY_TIMEOUT_MS = 40_000;
export const REDELIVERY_TIMEOUT_MS = 15_000;

/** One webhook POST as the transport sends it. */
export interface WebhookPost {
  url: string;
  /** The Content-Type header and the body text, already encoded. */
  contentType: string;
  body: string;
  timeoutMs: number;
  /** Aborted when the sandbox closes. */
  signal: AbortSignal;
}

export interface AttemptResult {
  /** The receiver's HTTP status, or null when none came back. */
  status: number | null;
  /** Why the attempt failed (network error, timeout, non-2xx), or null when it was delivered. */
  error: string | null;
}

/**
 * How webhooks leave the sandbox: a port the sandbox is given (fetch by default, see src/outbound), so tests and
 * embedders can swap it. It never throws: every failure comes back as a result.
 */
export type WebhookTransport = (post: WebhookPost) => Promise<AttemptResult>;

/** The body as the merchant's setting asks: JSON or form-encoded. */
export function encodeWebhook(body: WebhookBody, contentType: WebhookContentType): { type: string; text: string } {
  if (contentType === 'json') return { type: 'application/json', text: JSON.stringify(body) };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) form.append(key, String(value));
  return { type: 'application/x-www-form-urlencoded', text: form.toString() };
}

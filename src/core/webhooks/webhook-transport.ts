import type { WebhookBody } from '../records.js';

/**
 * Reference §7: a first delivery may take 10 s to connect and 30 s to read; a re-delivery has 15 s in total.
 * The platform `fetch` (the only HTTP client that exists in both Node and a browser) cannot tell connecting from
 * waiting for the answer, so the first delivery gets one deadline of 10 + 30 s for both.
 */
export const FIRST_DELIVERY_TIMEOUT_MS = 40_000;
export const REDELIVERY_TIMEOUT_MS = 15_000;

export interface AttemptResult {
  status: number | null;
  error: string | null;
}

export function encodeWebhook(body: WebhookBody, contentType: 'json' | 'form'): { type: string; text: string } {
  if (contentType === 'json') return { type: 'application/json', text: JSON.stringify(body) };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) form.append(key, String(value));
  return { type: 'application/x-www-form-urlencoded', text: form.toString() };
}

/** One POST. Never throws: every failure (bad URL, refused, timeout, non-2xx) comes back as a result. */
export async function postWebhook(
  url: string,
  body: WebhookBody,
  contentType: 'json' | 'form',
  timeoutMs: number,
  cancel: AbortSignal,
): Promise<AttemptResult> {
  const { type, text } = encodeWebhook(body, contentType);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': type },
      body: text,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel]),
    });
    // The answer is read (and dropped) within the same deadline, so the connection is released.
    await response.arrayBuffer();
    const ok = response.status >= 200 && response.status < 300;
    return { status: response.status, error: ok ? null : `receiver answered HTTP ${response.status}` };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError') return { status: null, error: `timed out after ${timeoutMs} ms` };
    if (e.name === 'AbortError') return { status: null, error: 'cancelled: the sandbox was closed' };
    return { status: null, error: e.cause?.code ?? e.cause?.message ?? e.message ?? String(error) };
  }
}

import type { AttemptResult, WebhookPost, WebhookTransport } from '../core/webhooks/transport.js';

/**
 * The default webhook transport: the platform `fetch`, the one HTTP client that exists in both Node and a browser
 * (so the msw door sends real webhooks too). Never throws: every failure comes back as a result.
 */
export const fetchWebhookTransport: WebhookTransport = async ({ url, contentType, body, timeoutMs, signal }: WebhookPost): Promise<AttemptResult> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]),
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
};

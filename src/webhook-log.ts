import type { FastifyBaseLogger } from 'fastify';
import type { WebhookAttemptReport } from './core/webhooks/webhooks.js';

// A webhook that did not arrive is the first thing a developer looks for when their handler saw nothing: each
// failed attempt is one line with the URL, the imp_uid and the cause (ECONNREFUSED, a timeout, HTTP 500, a target
// outside --webhook-allow). The state keeps every attempt too (GET /sandbox/webhooks), but nobody reads it unasked.

/** The line of one attempt: a warning when it failed, at debug when it was delivered. */
export function logWebhookAttempt(log: FastifyBaseLogger, report: WebhookAttemptReport): void {
  const { url, imp_uid, trigger, status, error, retrying } = report;
  if (error === null) {
    log.debug({ webhook: { url, imp_uid, trigger, status } }, `webhook to ${url} for ${imp_uid} delivered (HTTP ${status})`);
    return;
  }
  const then = retrying ? '; retried in a minute of sandbox time' : '';
  log.warn({ webhook: { url, imp_uid, trigger, status, cause: error, retrying } }, `webhook to ${url} for ${imp_uid} failed: ${error}${then}`);
}

import type { ApiAnswer, ApiRequest, Snapshot } from './exchange.js';
import { normalise } from './normalise.js';
import { operationOf } from './operations.js';
import type { Redactor } from './redact.js';

/** One exchange as written to disk and compared: redacted first (nothing secret is ever kept), then normalised. */
export function snapshotOf(id: string, title: string, request: ApiRequest, answer: ApiAnswer, redactor: Redactor, runId: string): Snapshot {
  const path = redactor.text(request.path.replace(/([?&]_token=)[^&]*/, `$1[redacted]`));
  return {
    id,
    operation: operationOf(request.method, request.path),
    title,
    request: { method: request.method, path: String(normalise(path, runId)), ...(request.body ? { body: normalise(redactor.json(request.body), runId) } : {}) },
    answer: { status: answer.status, body: normalise(redactor.json(answer.body), runId) },
  };
}

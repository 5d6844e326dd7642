import type { ApiAnswer, ApiRequest, Json, JsonObject } from './exchange.js';

// The kit's one HTTP client (global fetch), for the conformance run, its clean-up and the replay.

const formOf = (body: JsonObject): string =>
  new URLSearchParams(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();

function parse(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** Sends `request` to `base`; a transport failure (refused connection, aborted) rejects. */
export async function send(base: string, request: ApiRequest, signal?: AbortSignal): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['content-type'] = request.form ? 'application/x-www-form-urlencoded' : 'application/json';
    body = request.form ? formOf(request.body) : JSON.stringify(request.body);
  }
  const res = await fetch(base.replace(/\/$/, '') + request.path, { method: request.method, headers, ...(body === undefined ? {} : { body }), ...(signal ? { signal } : {}) });
  return { status: res.status, body: parse(await res.text()) };
}

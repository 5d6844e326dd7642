// The shapes every part of the kit passes around: a request as sent, an answer as received, both as plain JSON.

/** A JSON value as the V1 API speaks it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ApiRequest {
  method: string;
  /** Path and query, e.g. /payments/imps_1?include_sandbox=true */
  path: string;
  /** The body, sent as JSON unless `form` is set. */
  body?: JsonObject;
  /** Send the body form-encoded (getToken accepts it; a recorded client may have used it). */
  form?: boolean;
  /** The access token to send in Authorization, if any. */
  token?: string;
}

export interface ApiAnswer {
  status: number;
  /** The parsed body; a body that is not JSON is kept as its text. */
  body: Json;
}

/** One step of a run or one recorded exchange, as written to disk: redacted, and normalised for the diff. */
export interface Snapshot {
  /** The step's id (conformance) or `#seq` (replay). */
  id: string;
  /** The vendor operation it calls (see operations.ts), which the known differences are keyed by. */
  operation: string;
  title: string;
  request: { method: string; path: string; body?: Json };
  answer: ApiAnswer;
}

export const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

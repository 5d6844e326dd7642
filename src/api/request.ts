import type { TSchema } from 'typebox';
import { readJsonText, validateInput, type InputOptions } from '../contract/validation.js';
import type { Caller } from '../core/context.js';
import { errors } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';
import { phpName, readForm } from './php-form.js';
import { transportErrors } from './transport-errors.js';

// How both doors read a request: the same body parsing, query parsing, token lookup and validation,
// so a request is understood identically by the server and by the msw handlers.

/** Largest body either door accepts, unless an operation says otherwise (`bodyLimit`). */
export const BODY_LIMIT = 1024 * 1024;

/** Largest state PUT /sandbox/state takes: 1,000 payments are ~1.2 MB, and a string past ~512 MiB cannot exist. */
export const STATE_BODY_LIMIT = 256 * 1024 * 1024;

const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();
// RFC 9110 `type/subtype`: Fastify refuses any other Content-Type before a parser sees it, naming no type.
const validMediaType = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+$/;

/** A request body as read: its data, and whether it arrived as form text (so validation coerces it). */
export interface ParsedBody {
  data: unknown;
  fromForm: boolean;
}

const NO_BODY: ParsedBody = { data: undefined, fromForm: false };
const utf8 = new TextEncoder();

/**
 * Whether a body is over the limit in UTF-8 bytes, as it came over the wire. Most bodies are decided by their
 * length alone (a UTF-16 unit is 1 to 3 bytes); only one in between is encoded to count.
 */
function overLimit(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8.encode(text).byteLength > limit;
}

/**
 * A request body, from its Content-Type and text. JSON and form encoding are what the vendor accepts
 * (every operation `consumes` both).
 */
export function parseBody(contentType: string | undefined, text: string | undefined, limit = BODY_LIMIT): ParsedBody {
  if (text === undefined) return NO_BODY;
  if (overLimit(text, limit)) throw transportErrors.bodyTooLarge(limit);
  const type = mediaType(contentType);
  if (contentType !== undefined && !validMediaType.test(type)) throw transportErrors.unsupportedMediaType('(none)');
  if (type === 'application/x-www-form-urlencoded') return { data: readForm(text), fromForm: true };
  if (type === 'application/json' || type.endsWith('+json')) {
    if (text.trim() === '') return NO_BODY;
    const read = readJsonText(text);
    if (!read.ok) throw errors.refusedInput(read.message);
    return { data: read.value, fromForm: false };
  }
  if (text === '' && type === '') return NO_BODY;
  throw transportErrors.unsupportedMediaType(type || '(none)');
}

/** The query parameter that carries a token, as its key reads once decoded (`%5Ftoken` is `_token` too). */
const TOKEN_QUERY_KEY = '_token';

/** The variable a query pair fills, decoded and named exactly as `readForm` reads it. */
const variableOf = (pair: string): string | undefined => {
  const key: string | undefined = new URLSearchParams(pair).keys().next().value;
  return key === undefined ? undefined : phpName(key)?.variable;
};

/**
 * The query string with the value of every pair that `readForm` would file under the token replaced by `mask`,
 * whatever the spelling of its key (`_token`, `%5Ftoken`, ` _token`, `_token[]`…): what a log may show.
 */
export function maskQueryToken(query: string, mask: string): string {
  return query
    .split('&')
    .map((pair) => (variableOf(pair) === TOKEN_QUERY_KEY ? `${pair.split('=')[0]}=${mask}` : pair))
    .join('&');
}

/** Header lookup that both doors can provide (Fastify's object, the Fetch API's Headers). */
export type HeaderLookup = (name: string) => string | undefined;

/**
 * The access token, from (in the vendor's order of precedence) `Authorization` (raw or `Bearer`),
 * `X-ImpTokenHeader`, or the `_token` query parameter.
 */
function tokenFrom(header: HeaderLookup, query: Record<string, unknown>): string | null {
  const authorization = header('authorization')?.trim();
  if (authorization) return authorization.replace(/^bearer\s+/i, '').trim() || null;
  const legacy = header('x-imptokenheader')?.trim();
  if (legacy) return legacy;
  const fromQuery = query[TOKEN_QUERY_KEY];
  const value = Array.isArray(fromQuery) ? fromQuery[0] : fromQuery;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Who calls an operation that needs a token: the token's merchant (or the vendor's 401), and the user agent. */
export function callerOf(sandbox: Sandbox, header: HeaderLookup, query: Record<string, unknown>): Caller {
  return { merchant: sandbox.tokens.verify(tokenFrom(header, query)), userAgent: header('user-agent') ?? null };
}

/** One part of a request as its schema reads it (src/contract/validation.ts), or the vendor's envelope refusing it. */
export function validatePart(schema: TSchema | undefined, data: unknown, options: InputOptions): unknown {
  const checked = validateInput(schema, data, options);
  if (!checked.ok) throw errors.refusedInput(checked.message);
  return checked.value;
}

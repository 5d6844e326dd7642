import type { TSchema } from 'typebox';
import { check, type RequestPart } from '../contract/validator.js';
import { nestIndexedFields } from './form-lists.js';
import { parseJsonText } from './json-text.js';
import { nonDecimalField } from './number-text.js';
import type { Caller } from '../core/context.js';
import { errors, fromValidation } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';

// How both doors read a request: the same body parsing, query parsing, token lookup and validation,
// so a request is understood identically by the server and by the msw handlers.

/** Largest body either door accepts. */
export const BODY_LIMIT = 1024 * 1024;

/** Repeated keys become arrays (`customer_uid[]=a&customer_uid[]=b`); everything stays text. */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

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
function overLimit(text: string): boolean {
  if (text.length > BODY_LIMIT) return true;
  if (text.length * 3 <= BODY_LIMIT) return false;
  return utf8.encode(text).byteLength > BODY_LIMIT;
}

/**
 * A request body, from its Content-Type and text. JSON and form encoding are what the vendor accepts
 * (every operation `consumes` both).
 */
export function parseBody(contentType: string | undefined, text: string | undefined): ParsedBody {
  if (text === undefined) return NO_BODY;
  if (overLimit(text)) throw errors.bodyTooLarge(BODY_LIMIT);
  const type = mediaType(contentType);
  if (contentType !== undefined && !validMediaType.test(type)) throw errors.unsupportedMediaType('(none)');
  if (type === 'application/x-www-form-urlencoded') return { data: nestIndexedFields(parseForm(text)), fromForm: true };
  if (type === 'application/json' || type.endsWith('+json')) {
    if (text.trim() === '') return NO_BODY;
    return { data: parseJsonText(text), fromForm: false };
  }
  if (text === '' && type === '') return NO_BODY;
  throw errors.unsupportedMediaType(type || '(none)');
}

/** The query parameter that carries a token, as its key reads once decoded (`%5Ftoken` is `_token` too). */
export const TOKEN_QUERY_KEY = '_token';

/** A query pair's key, decoded exactly as `parseForm` decodes it (the same URLSearchParams rules). */
const keyOf = (pair: string): string | undefined => new URLSearchParams(pair).keys().next().value;

/**
 * The query string with the value of every pair that `parseForm` would read as the token replaced by `mask`,
 * whatever the spelling of its key (`_token`, `%5Ftoken`, `%5ftoken`…): what a log may show.
 */
export function maskQueryToken(query: string, mask: string): string {
  return query
    .split('&')
    .map((pair) => (keyOf(pair) === TOKEN_QUERY_KEY ? `${pair.split('=')[0]}=${mask}` : pair))
    .join('&');
}

/** Header lookup that both doors can provide (Fastify's object, the Fetch API's Headers). */
export type HeaderLookup = (name: string) => string | undefined;

/**
 * The access token, from (in the vendor's order of precedence) `Authorization` (raw or `Bearer`),
 * `X-ImpTokenHeader`, or the `_token` query parameter.
 */
export function tokenFrom(header: HeaderLookup, query: Record<string, unknown>): string | null {
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

/**
 * Validates one part of a request against its schema or throws the vendor envelope. `coerce` converts text
 * (query strings, path parameters, form bodies) to the schema's types in place; JSON is taken as typed.
 */
export function validatePart(schema: TSchema, data: unknown, part: RequestPart, coerce: boolean): unknown {
  const value = part === 'body' && (data === undefined || data === null) ? {} : data;
  const nonDecimal = coerce ? nonDecimalField(schema, value) : null;
  if (nonDecimal !== null) throw errors.invalidParameter(nonDecimal, '10진수 숫자로만 적어야 합니다.');
  const problems = check(schema, value, { coerce });
  if (problems) throw fromValidation(problems, part);
  return value;
}

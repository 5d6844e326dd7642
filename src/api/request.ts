import type { TSchema } from 'typebox';
import { check, textBodies, type RequestPart } from '../contract/validator.js';
import { nestIndexedFields } from './form-lists.js';
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

/**
 * A request body, from its Content-Type and text. JSON and form encoding are what the vendor accepts
 * (every operation `consumes` both); form bodies are marked so validation coerces their text.
 */
export function parseBody(contentType: string | undefined, text: string): unknown {
  if (text.length > BODY_LIMIT) throw errors.bodyTooLarge(BODY_LIMIT);
  const type = mediaType(contentType);
  if (contentType !== undefined && !validMediaType.test(type)) throw errors.unsupportedMediaType('(none)');
  if (type === 'application/x-www-form-urlencoded') {
    const form = nestIndexedFields(parseForm(text));
    textBodies.add(form);
    return form;
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw errors.malformedJson();
    }
  }
  if (text === '' && type === '') return undefined;
  throw errors.unsupportedMediaType(type || '(none)');
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
  const fromQuery = query['_token'];
  const value = Array.isArray(fromQuery) ? fromQuery[0] : fromQuery;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Who calls an operation that needs a token: the token's merchant (or the vendor's 401), and the user agent. */
export function callerOf(sandbox: Sandbox, header: HeaderLookup, query: Record<string, unknown>): Caller {
  return { merchant: sandbox.tokens.verify(tokenFrom(header, query)), userAgent: header('user-agent') ?? null };
}

/** Validates one part of a request against its schema (coercing text in place) or throws the vendor envelope. */
export function validatePart(schema: TSchema, data: unknown, part: RequestPart): unknown {
  const value = part === 'body' && (data === undefined || data === null) ? {} : data;
  const problems = check(schema, value, part);
  if (problems) throw fromValidation(problems, part);
  return value;
}

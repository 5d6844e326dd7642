import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// One pair of Ajv instances serves both doors, so a request is accepted or refused the same way everywhere.
// JSON bodies are typed by the caller and are not coerced (`"amount": true` must not become 1);
// form bodies, query strings and path parameters arrive as text and are coerced from it.
const options = { removeAdditional: true, useDefaults: true, allErrors: false, strict: false } as const;
const typed = new Ajv({ ...options, coerceTypes: false });
const textual = new Ajv({ ...options, coerceTypes: 'array' });

export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';
export interface ValidationFailure {
  part: RequestPart;
  errors: ErrorObject[];
}

const cache = new WeakMap<object, { typed?: ValidateFunction; textual?: ValidateFunction }>();

function compiled(schema: object, fromText: boolean): ValidateFunction {
  const entry = cache.get(schema) ?? {};
  cache.set(schema, entry);
  if (fromText) return (entry.textual ??= textual.compile(schema));
  return (entry.typed ??= typed.compile(schema));
}

/** Form-encoded bodies are registered here by whoever parsed them, so the body validator knows to coerce. */
export const textBodies = new WeakSet<object>();

/** Validates (and, for text input, coerces in place); returns the Ajv errors or null. */
export function check(schema: object, data: unknown, part: RequestPart): ErrorObject[] | null {
  const fromText = part !== 'body' || (typeof data === 'object' && data !== null && textBodies.has(data));
  const validate = compiled(schema, fromText);
  return validate(data) ? null : (validate.errors ?? []);
}

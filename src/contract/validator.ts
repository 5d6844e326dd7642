import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// One pair of Ajv instances serves both doors, so a request is accepted or refused the same way everywhere.
// JSON bodies are typed by the caller and are not coerced (`"amount": true` must not become 1);
// form bodies, query strings and path parameters arrive as text and are coerced from it. Unknown fields are kept
// (the vendor ignores them), except where a schema says `additionalProperties: false`: there they are refused
// (control bodies, where a misspelt field would silently do nothing), never silently dropped.
// `strictNumbers` (which `strict: false` turns off) keeps NaN and ±Infinity out of `number` and `integer`.
// The schemas are the contract's own, so they are not checked against Ajv's meta-schema (tens of milliseconds on
// the first request of each instance).
const options = { useDefaults: true, allErrors: false, strict: false, strictNumbers: true, validateSchema: false } as const;
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

/**
 * Validates (and, with `coerce`, converts text to the schema's types in place); returns the Ajv errors or null.
 * Whoever read the input knows whether it arrived as text (form bodies, query strings, path parameters).
 */
export function check(schema: object, data: unknown, { coerce }: { coerce: boolean }): ErrorObject[] | null {
  const validate = compiled(schema, coerce);
  return validate(data) ? null : (validate.errors ?? []);
}

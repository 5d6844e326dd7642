import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// The one pair of Ajv instances behind src/contract/validation.ts: a request is accepted or refused the same way by
// both doors, and a data file is read by the same compiled code. Two, not one, because Ajv's type coercion is an
// option of the instance (it is compiled into the code of every schema), and the two kinds of input need opposite
// answers: JSON bodies, data files and fixtures are typed by whoever wrote them and are not coerced (`"amount": true`
// must not become 1), while form bodies, query strings and path parameters arrive as text and are coerced from it.
// Everything else is the same for both, and per call: every problem is collected, with the offending data and
// schema (`allErrors`, `verbose`), so a data file is reported whole while a request answers with its first
// problem, the one Ajv would have stopped at.
// Unknown fields are kept (the vendor ignores them), except where a schema says `additionalProperties: false`:
// there they are refused (control bodies, where a misspelt field would silently do nothing), never dropped.
// `strictNumbers` (which `strict: false` turns off) keeps NaN and ±Infinity out of `number` and `integer`.
// The schemas are the contract's own, so they are not checked against Ajv's meta-schema (compiling that meta-schema
// would slow the first request of each instance).
const options = { useDefaults: true, allErrors: true, verbose: true, strict: false, strictNumbers: true, validateSchema: false } as const;
const typed = new Ajv({ ...options, coerceTypes: false });
const textual = new Ajv({ ...options, coerceTypes: 'array' });

const cache = new WeakMap<object, { typed?: ValidateFunction; textual?: ValidateFunction }>();

function compiled(schema: object, fromText: boolean): ValidateFunction {
  const entry = cache.get(schema) ?? {};
  cache.set(schema, entry);
  if (fromText) return (entry.textual ??= textual.compile(schema));
  return (entry.typed ??= typed.compile(schema));
}

/**
 * Every way `data` breaks `schema`, as Ajv reports it, or null when it fits. Fills defaults in place and, with
 * `coerce`, converts text to the schema's types in place.
 */
export function check(schema: object, data: unknown, { coerce }: { coerce: boolean }): ErrorObject[] | null {
  const validate = compiled(schema, coerce);
  return validate(data) ? null : (validate.errors ?? []);
}

// The options of the one Ajv pair (./ajv.ts), shared with scripts/precompile-validators.mjs, which compiles the
// same schemas at build time with them: a generated validator accepts, refuses, coerces and fills defaults exactly
// as one compiled at run time would.
//
// Every problem is collected, with the offending data and schema (`allErrors`, `verbose`), so a data file is reported
// whole while a request answers with its first problem, the one Ajv would have stopped at.
// Unknown fields are kept (the vendor ignores them), except where a schema says `additionalProperties: false`:
// there they are refused (control bodies, where a misspelt field would silently do nothing), never dropped.
// `strictNumbers` (which `strict: false` turns off) keeps NaN and ±Infinity out of `number` and `integer`.
// The schemas are the contract's own, so they are not checked against Ajv's meta-schema (compiling that meta-schema
// would slow the first request of each instance).
export const ajvOptions = { useDefaults: true, allErrors: true, verbose: true, strict: false, strictNumbers: true, validateSchema: false } as const;

/**
 * The coercion of each instance. JSON bodies, data files and fixtures are typed by whoever wrote them and are not
 * coerced (`"amount": true` must not become 1); form bodies, query strings and path parameters arrive as text and
 * are coerced from it.
 */
export const coercion = { typed: false, textual: 'array' } as const;

export type CoerceMode = keyof typeof coercion;

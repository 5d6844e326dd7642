import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ajvOptions, coercion, type CoerceMode } from './ajv-options.js';
import { precompiled } from './precompiled.js';

// The one pair of Ajv instances behind src/contract/validation.ts: a request is accepted or refused the same way by
// both doors, and a data file is read by the same compiled code. Two, not one, because Ajv's type coercion is an
// option of the instance (it is compiled into the code of every schema), and the two kinds of input need opposite
// answers (./ajv-options.ts). A schema's validator is the one generated at build time when there is one
// (./precompiled.ts), else compiled on first use; either way once per schema and mode.
const instances = { typed: new Ajv({ ...ajvOptions, coerceTypes: coercion.typed }), textual: new Ajv({ ...ajvOptions, coerceTypes: coercion.textual }) };

const cache = new WeakMap<object, Partial<Record<CoerceMode, ValidateFunction>>>();

function compiled(schema: object, mode: CoerceMode): ValidateFunction {
  let entry = cache.get(schema);
  if (!entry) cache.set(schema, (entry = {}));
  return (entry[mode] ??= precompiled(schema, mode) ?? instances[mode].compile(schema));
}

/**
 * Every way `data` breaks `schema`, as Ajv reports it, or null when it fits. Fills defaults in place and, with
 * `coerce`, converts text to the schema's types in place.
 */
export function check(schema: object, data: unknown, { coerce }: { coerce: boolean }): ErrorObject[] | null {
  const validate = compiled(schema, coerce ? 'textual' : 'typed');
  return validate(data) ? null : (validate.errors ?? []);
}

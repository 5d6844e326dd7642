import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';

// Most data files and fixtures are valid, and some are large (a data file of 100,000 payments): TypeBox's compiled
// check answers "valid" without building an error for each union branch it tries, so Ajv, whose
// every-problem-at-once reports cost far more, runs only on data that fails. Both read the same JSON Schema.
const checkers = new WeakMap<object, (value: unknown) => boolean>();

/** Whether `value` fits `schema`, and nothing more. */
export function fits(schema: object, value: unknown): boolean {
  let check = checkers.get(schema);
  if (!check) {
    const compiled = Compile(schema as TSchema);
    checkers.set(schema, (check = (data) => compiled.Check(data)));
  }
  return check(value);
}

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// Data brought in whole (a data file, an import) is checked as it is: nothing coerced, defaulted or removed.
const strict = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Null when `value` satisfies `schema`; otherwise the first problem, naming the field by its JSON path. */
export function firstProblem(schema: object, value: unknown): string | null {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = strict.compile(schema)));
  if (validate(value)) return null;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid';
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^[0-9]+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  if (error.keyword === 'required') return `${path ? `${path}.` : ''}${String(error.params['missingProperty'])} is required`;
  return `${path || 'the value'} ${error.message ?? 'is invalid'}`;
}

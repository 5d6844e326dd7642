import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';

// Fixtures and config files are checked by an Ajv of their own: the request validator's options coerce types,
// fill defaults and drop unknown keys, while a fixture must be reported as written, every problem at once.
// The schemas are the contract's own (checked by the tests), so Ajv does not check them against its meta-schema:
// compiling that meta-schema first cost ~50 ms of every start.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false });
const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

// Most data checked here is valid, and some is large (a data file of 100,000 payments): TypeBox's compiled check
// answers "valid" without building an error for each union branch it tries, ~40 times faster than the Ajv above,
// whose every-problem-at-once reports are then built only for data that fails. Both read the same JSON Schema.
const checkers = new WeakMap<object, (value: unknown) => boolean>();

function passes(schema: object, value: unknown): boolean {
  let check = checkers.get(schema);
  if (!check) {
    const compiled = Compile(schema as TSchema);
    checkers.set(schema, (check = (data) => compiled.Check(data)));
  }
  return check(value);
}

/** `/merchants/0/settle/mids/1/kind` as a reader writes it: `merchants[0].settle.mids[1].kind`. */
function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => {
      if (/^[0-9]+$/.test(key)) return `${path}[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
      return `${path}[${JSON.stringify(key)}]`;
    }, '');
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
/** The offending value, cut short: a whole merchant in a message would hide the field it is about. */
function got(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}

function sentence(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const subject = path || 'the value';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return path ? `${path}: ${String(p['missingProperty'])} is required` : `${String(p['missingProperty'])} is required`;
    case 'additionalProperties':
      return `${join(path, String(p['additionalProperty']))} is not a known field`;
    case 'enum':
      return `${subject} must be one of ${(p['allowedValues'] as unknown[]).join(', ')}${got(error.data)}`;
    case 'type':
      return `${subject} must be ${String(p['type'])}${got(error.data)}`;
    case 'pattern':
      return `${subject} must match ${String(p['pattern'])}${got(error.data)}`;
    case 'minItems':
      return `${subject} must hold at least ${String(p['limit'])} item(s)`;
    case 'minLength':
      return p['limit'] === 1 ? `${subject} must not be empty` : `${subject} must be at least ${String(p['limit'])} characters long`;
    case 'anyOf':
      return `${subject} must be ${(error.schema as { type?: string }[]).map((branch) => branch.type ?? 'another shape').join(' or ')}${got(error.data)}`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}${got(error.data)}`;
  }
}

/** Every way `value` breaks `schema`, one sentence each naming the field; empty when it fits. */
export function describeProblems(schema: object, value: unknown): string[] {
  if (passes(schema, value)) return [];
  const validate = validator(schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A union reports each branch it tried and then itself; the union's one sentence says it all.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !unions.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
  return [...new Set(kept.map(sentence))];
}

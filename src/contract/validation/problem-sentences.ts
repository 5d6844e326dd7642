import type { ErrorObject } from 'ajv';

// Data files, fixtures and config files are read by people who fix them by hand: every problem at once, in English,
// naming the field as a reader writes it and showing the value it holds. Requests are refused in the vendor's
// Korean wording instead (vendor-wording.ts).

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

/** Ajv's errors as one sentence each; a union reports each branch it tried and then itself, and its one sentence says it all. */
export function problemSentences(errors: readonly ErrorObject[]): string[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !unions.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
  return [...new Set(kept.map(sentence))];
}

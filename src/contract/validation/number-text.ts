import { itemsOf, propertiesOf, typesOf, type Schema } from './text-schema.js';

// Ajv's coercion reads text as JavaScript does (`+text`): `0x10`, `0b11`, `1e3`, ` 5`, `+5`, `5.0` and `''`
// would all become numbers. Form bodies, query strings and path parameters may only write numbers in plain
// decimal, so text in a numeric place is checked here before the validator coerces it. A decimal too long for a
// double (four hundred nines) would become Infinity, which Ajv's coercion lets through and JSON writes as null.

const INTEGER_TEXT = /^-?[0-9]+$/;
const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

/** Whether `text` is written as `pattern` wants and stays a finite number once read. */
const isDecimal = (pattern: RegExp, text: string) => pattern.test(text) && Number.isFinite(Number(text));

/** Whether `text` may stand for a value of `schema` as far as numbers go (text in a string place always may). */
function numberTextFits(schema: Schema, text: string): boolean {
  const accepted = typesOf(schema);
  if (accepted.includes('string')) return true;
  // An empty text is how a form writes null where null is allowed (checksum).
  if (accepted.includes('null') && text === '') return true;
  if (accepted.includes('integer') && isDecimal(INTEGER_TEXT, text)) return true;
  if (accepted.includes('number') && isDecimal(NUMBER_TEXT, text)) return true;
  return !accepted.includes('integer') && !accepted.includes('number');
}

/**
 * The name of the first field whose text is not a plain decimal number where the schema wants one, or null.
 * Follows objects and lists (form bodies nest `schedules[0][amount]`); a list of texts under a scalar is
 * checked entry by entry, as the validator would take its first.
 */
export function nonDecimalField(schema: Schema, data: unknown, name: string | null = null): string | null {
  if (typeof data === 'string') return name !== null && !numberTextFits(schema, data) ? name : null;
  if (Array.isArray(data)) {
    const items = itemsOf(schema);
    for (const entry of data) {
      const found = nonDecimalField(items, entry, name);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const properties = propertiesOf(schema);
  if (!properties) return null;
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    const found = property ? nonDecimalField(property, value, name ?? key) : null;
    if (found !== null) return found;
  }
  return null;
}

import type { TSchema } from 'typebox';

// Ajv's coercion reads text as JavaScript does (`+text`): `0x10`, `0b11`, `1e3`, ` 5`, `+5`, `5.0` and `''`
// would all become numbers. Form bodies, query strings and path parameters may only write numbers in plain
// decimal, so text in a numeric place is checked here before the validator coerces it.

const INTEGER_TEXT = /^-?[0-9]+$/;
const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

type Schema = TSchema & {
  type?: string | string[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
};

const types = (schema: Schema): string[] => {
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return [...own, ...(schema.anyOf ?? []).flatMap(types)];
};

/** Whether `text` may stand for a value of `schema` as far as numbers go (text in a string place always may). */
function numberTextFits(schema: Schema, text: string): boolean {
  const accepted = types(schema);
  if (accepted.includes('string')) return true;
  // An empty text is how a form writes null where null is allowed (checksum).
  if (accepted.includes('null') && text === '') return true;
  if (accepted.includes('integer') && INTEGER_TEXT.test(text)) return true;
  if (accepted.includes('number') && NUMBER_TEXT.test(text)) return true;
  return !accepted.includes('integer') && !accepted.includes('number');
}

/**
 * The name of the first field whose text is not a plain decimal number where the schema wants one, or null.
 * Follows objects and lists (form bodies nest `schedules[0][amount]`); a list of texts under a scalar is
 * checked entry by entry, as the validator would take its first.
 */
export function nonDecimalField(schema: Schema, data: unknown, name: string | null = null): string | null {
  if (typeof data === 'string') return name !== null && !numberTextFits(schema, data) ? name : null;
  const objectSchemas = [schema, ...(schema.anyOf ?? [])];
  if (Array.isArray(data)) {
    const items = objectSchemas.find((s) => s.items)?.items ?? schema;
    for (const entry of data) {
      const found = nonDecimalField(items, entry, name);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const properties = objectSchemas.find((s) => s.properties)?.properties;
  if (!properties) return null;
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    const found = property ? nonDecimalField(property, value, name ?? key) : null;
    if (found !== null) return found;
  }
  return null;
}

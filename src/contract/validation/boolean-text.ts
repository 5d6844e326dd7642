import { itemsOf, propertiesOf, typesOf, type Schema } from './text-schema.js';

// The vendor's server (PHP) reads a boolean parameter from text as PHP does: `1` is true and `0` false, as well as
// `true` and `false` (issue #23, point 9: `include_sandbox=1`). Ajv's coercion takes only `true` and `false` from
// text, so in a place that wants a boolean (and no string) `1` and `0` are read as those first. Any other text
// stays as it is, for the validator to refuse.

const BOOLEAN_TEXT: Record<string, string> = { '1': 'true', '0': 'false' };

/** Whether text in this place is read as a boolean: the schema takes one, and no string or number instead. */
function wantsBoolean(schema: Schema): boolean {
  const accepted = typesOf(schema);
  return accepted.includes('boolean') && !accepted.some((type) => type === 'string' || type === 'integer' || type === 'number');
}

/**
 * `data` with every `1` and `0` written where `schema` wants a boolean replaced by `true` and `false`; objects
 * and lists are followed (form bodies nest) and copied, never changed in place.
 */
export function withBooleanTexts(schema: Schema, data: unknown): unknown {
  if (typeof data === 'string') return wantsBoolean(schema) ? (BOOLEAN_TEXT[data] ?? data) : data;
  if (Array.isArray(data)) return data.map((entry) => withBooleanTexts(itemsOf(schema), entry));
  if (typeof data !== 'object' || data === null) return data;
  const properties = propertiesOf(schema);
  if (!properties) return data;
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(data)) out[key] = properties[key] ? withBooleanTexts(properties[key], value) : value;
  return out;
}

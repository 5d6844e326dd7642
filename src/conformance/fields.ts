import { isObject, type Json } from './exchange.js';
import { REDACTED } from './redact.js';

// A body seen as the diff sees it: every field's path (array items merged under `[]`), its JSON type and its
// value class. The class is coarse on purpose: an enumeration's value (`paid`, `settle`), an amount's value, a
// placeholder's shape, `text` for prose; two runs that behave alike get the same classes.

export interface Field {
  type: 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
  class: string;
}

const WORD = /^[A-Za-z_]{1,24}$/;

function classOf(value: Json): Field {
  if (value === null) return { type: 'null', class: 'null' };
  if (typeof value === 'boolean') return { type: 'boolean', class: String(value) };
  if (typeof value === 'number') return { type: 'number', class: String(value) };
  if (Array.isArray(value)) return { type: 'array', class: value.length === 0 ? 'empty' : 'items' };
  if (typeof value === 'object') return { type: 'object', class: 'object' };
  if (value === '' || value === REDACTED || WORD.test(value) || value.endsWith('<url>')) return { type: 'string', class: value === '' ? 'empty' : value };
  return { type: 'string', class: /\s/.test(value) || !/[0-9*]/.test(value) ? 'text' : `shape ${value.replace(/[0-9]/g, '9')}` };
}

/** Every field of `value` under `prefix`; the first item of an array speaks for the rest of its items' classes. */
export function fieldsOf(value: Json, prefix = '', into = new Map<string, Field>()): Map<string, Field> {
  if (prefix !== '' && !into.has(prefix)) into.set(prefix, classOf(value));
  if (Array.isArray(value)) for (const item of value) fieldsOf(item, `${prefix}[]`, into);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) fieldsOf(item, prefix === '' ? key : `${prefix}.${key}`, into);
  return into;
}

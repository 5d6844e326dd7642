import { accepted, refused, type Checked } from './checked.js';
import { inputWording } from './vendor-wording.js';

/**
 * How deep a JSON body may nest objects and arrays. The deepest shape the API takes is a list of schedules
 * holding `custom_data` (4 levels); 32 leaves room for any reasonable `custom_data` while every later step
 * (validation, copies, JSON.stringify into the store and the answer) stays far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of `text`, counted without recursion so a hostile body cannot overflow the count itself. */
function nestingOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * Whether parsed JSON holds a number too large for a double: JSON.parse reads `1e309` as ±Infinity, which would be
 * stored as null. A walk after parsing costs a fraction of a reviver, which JSON.parse calls for every value.
 * Recursion is safe: the text was refused above MAX_JSON_DEPTH.
 */
function holdsInfinity(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsInfinity(item)) return true;
    return false;
  }
  for (const key in value) if (holdsInfinity((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** A JSON body as data, or the message refusing one too deep, holding a number out of range, or malformed. */
export function readJsonText(text: string): Checked {
  if (nestingOver(text, MAX_JSON_DEPTH)) return refused(inputWording.tooDeep(MAX_JSON_DEPTH));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused(inputWording.malformedJson);
  }
  return holdsInfinity(data) ? refused(inputWording.numberOutOfRange) : accepted(data);
}

import type { CoerceMode } from './ajv-options.js';

// A generated validator is found by its schema's JSON text, never by the schema's place in the code: a schema that
// changed since the build has another key, finds nothing and is compiled as before. The text is hashed here rather
// than with node:crypto because the msw door runs this module in browsers too.

/** Two 32-bit FNV-1a hashes of `text` with different offsets, as 16 hex digits. */
function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The name of the generated validator of `schema` compiled for `mode`. */
export function schemaKey(schema: object, mode: CoerceMode): string {
  return `${mode}-${hashOf(JSON.stringify(schema))}`;
}

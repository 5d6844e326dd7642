import type { ValidateFunction } from 'ajv';
import type { CoerceMode } from './ajv-options.js';
import { schemaKey } from './schema-key.js';

// Validators generated at build time (scripts/precompile-validators.mjs), so that no request pays Ajv's compiling.
// Where they are and how a module is loaded is the Node side's business (src/generated-validators.ts, set by the
// server before it listens): this module stays free of node: imports, as the msw door runs it in browsers, where
// there is no shelf and every schema is compiled on first use as before.

/** The generated validators: the one of a key, loaded on first use, or undefined when the build made none. */
export type ValidatorShelf = (key: string) => ValidateFunction | undefined;

let shelf: ValidatorShelf | null = null;

/** Where generated validators are found from now on. */
export function shelveValidators(found: ValidatorShelf): void {
  shelf = found;
}

/** The validator generated for `schema` in `mode`, or undefined (no shelf, or a schema changed since the build). */
export function precompiled(schema: object, mode: CoerceMode): ValidateFunction | undefined {
  return shelf?.(schemaKey(schema, mode));
}

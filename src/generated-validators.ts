import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { shelveValidators } from './contract/validation/precompiled.js';

// `npm run build` writes a validator module per schema and coercion mode into dist/src/validators/, beside this
// file and the CLI's bundle (scripts/precompile-validators.mjs). They are CommonJS so that one loads synchronously
// when a request first needs it (validation is synchronous), and only the ones asked for are loaded.
const load = createRequire(import.meta.url);

/** Serves requests from the generated validators when the build made them; a checkout without them compiles. */
export function useGeneratedValidators(): void {
  let keys: Set<string>;
  try {
    keys = new Set(load('./validators/index.cjs') as string[]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return;
    throw error;
  }
  shelveValidators((key) => (keys.has(key) ? (load(`./validators/${key}.cjs`) as ValidateFunction) : undefined));
}

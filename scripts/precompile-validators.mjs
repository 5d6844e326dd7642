// Compiles, at build time, every schema a request is validated against, with Ajv's standalone code: one CommonJS
// module per schema and coercion mode in dist/src/validators/, named by src/contract/validation/schema-key.ts, and
// index.cjs listing them. The server loads one when a request first needs it (src/generated-validators.ts), so no
// request pays Ajv's compiling. Run by `npm run build` after tsc, from the package root; it reads the built list of
// operations, so what it compiles is what the server (and the CLI's bundle, made from the same sources) validates.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mountedOperations } from '../dist/src/api/mounted-operations.js';
import { WindowParamsSchema } from '../dist/src/contract/window.js';
import { ajvOptions, coercion } from '../dist/src/contract/validation/ajv-options.js';
import { schemaKey } from '../dist/src/contract/validation/schema-key.js';
import { stale } from './freshness.mjs';

const folder = 'dist/src/validators';
const index = `${folder}/index.cjs`;
const inputs = ['src', 'package-lock.json', 'scripts/precompile-validators.mjs'];
if (stale([index], inputs)) precompile();

/** Every schema of a request part, each once: both coercion modes serve a body (JSON or a form), so all get both. */
function requestSchemas() {
  const parts = mountedOperations(true).flatMap((operation) => [operation.params, operation.querystring, operation.body]);
  return [...new Set([...parts, WindowParamsSchema].filter(Boolean))];
}

function precompile() {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const keys = new Set();
  for (const [mode, coerceTypes] of Object.entries(coercion)) {
    const ajv = new Ajv({ ...ajvOptions, coerceTypes, code: { source: true } });
    for (const schema of requestSchemas()) {
      const key = schemaKey(schema, mode);
      if (keys.has(key)) continue;
      keys.add(key);
      writeFileSync(`${folder}/${key}.cjs`, standaloneCode(ajv, ajv.compile(schema)));
    }
  }
  writeFileSync(index, `"use strict";module.exports = ${JSON.stringify([...keys].sort())};\n`);
}

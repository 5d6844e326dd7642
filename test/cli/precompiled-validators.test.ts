import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import t from 'tap';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import type { Operation } from '../../src/api/operation.js';
import { EXAMPLE_IMP_UID } from '../../src/api/request-examples.js';
import { ajvOptions, coercion, type CoerceMode } from '../../src/contract/validation/ajv-options.js';
import { schemaKey } from '../../src/contract/validation/schema-key.js';
import { requireBuiltCli } from '../helpers/processes.js';
import { tempDir } from '../helpers/temp-dir.js';

// `npm run build` generates a validator per request schema and coercion mode (scripts/precompile-validators.mjs),
// which the server runs instead of compiling on a first request. They must accept, refuse, report, coerce and fill
// defaults exactly as Ajv's compiled ones: compared here on many inputs per operation, then through the HTTP door
// of the built CLI with and without them (a copy of dist whose validators were left out).

const root = new URL('../..', import.meta.url).pathname;
const folder = join(root, 'dist/src/validators');
const load = createRequire(join(folder, 'index.cjs'));
const modes = Object.keys(coercion) as CoerceMode[];
const reference = Object.fromEntries(modes.map((mode) => [mode, new Ajv({ ...ajvOptions, coerceTypes: coercion[mode] })])) as Record<CoerceMode, Ajv>;
const operations = mountedOperations(true);
const partsOf = (operation: Operation) =>
  ([['params', operation.params, operation.example?.params], ['querystring', operation.querystring, operation.example?.query], ['body', operation.body, operation.example?.body]] as const).filter(
    ([, schema]) => schema !== undefined,
  );

const WRONG = [true, false, 0, -1, 1.5, 1e21, '', 'text', '12', '1e3', ' 5', '0x10', 'x'.repeat(300), [], {}, null];

/** The example and its neighbours: each field removed, of another type, too long, as number text, as a list. */
function inputsFrom(example: Record<string, unknown> | undefined): unknown[] {
  const seed = example ?? {};
  const inputs: unknown[] = [seed, {}, undefined, null, 'text', 7, [seed], { ...seed, unknown_field: 1 }];
  for (const [key, value] of Object.entries(seed)) {
    const { [key]: _removed, ...without } = seed;
    inputs.push(without, { ...seed, [key]: [value] }, { ...seed, [key]: [value, value] }, { ...seed, [key]: String(value) });
    for (const wrong of WRONG) inputs.push({ ...seed, [key]: wrong });
  }
  // Form bodies, query strings and path parameters arrive as text.
  return [...inputs, ...inputs.map(asText)];
}

function asText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asText);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]));
  return value === undefined || value === null ? value : String(value);
}

/** What validating a copy of `input` gives: accepted or not, the errors, and the data as coercion and defaults left it. */
function outcome(validate: ValidateFunction, input: unknown): unknown {
  const data = structuredClone(input);
  const valid = validate(data);
  return JSON.parse(JSON.stringify({ valid, errors: valid ? null : validate.errors, data }));
}

t.test('every request schema of every operation has a generated validator, in both coercion modes', async (t) => {
  if (!requireBuiltCli(t)) return;
  const index = new Set(load('./index.cjs') as string[]);
  const missing = operations.flatMap((operation) =>
    partsOf(operation).flatMap(([part, schema]) => modes.filter((mode) => !index.has(schemaKey(schema, mode))).map((mode) => `${operation.operationId} ${part} ${mode}`)),
  );
  t.same(missing, [], 'none missing');
  t.ok(index.size > 50, `${index.size} validators generated`);
});

t.test('a generated validator answers every input as the one Ajv compiles', async (t) => {
  if (!requireBuiltCli(t)) return;
  let compared = 0;
  let refusedCount = 0;
  const differences: string[] = [];
  for (const operation of operations) {
    for (const [part, schema, example] of partsOf(operation)) {
      for (const mode of modes) {
        const generated = load(`./${schemaKey(schema, mode)}.cjs`) as ValidateFunction;
        const compiled = reference[mode].compile(schema);
        for (const input of inputsFrom(example as Record<string, unknown> | undefined)) {
          const want = outcome(compiled, input);
          compared++;
          if (!(want as { valid: boolean }).valid) refusedCount++;
          if (JSON.stringify(outcome(generated, input)) !== JSON.stringify(want)) differences.push(`${operation.operationId} ${part} ${mode}: ${JSON.stringify(input)}`);
        }
      }
    }
  }
  t.same(differences.slice(0, 20), [], 'no input answered differently');
  t.ok(compared > 5000, `${compared} inputs compared`);
  t.ok(refusedCount > 1000 && refusedCount < compared - 1000, `${refusedCount} of them refused: both answers are exercised`);
});

import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import t from 'tap';
import type { TSchema } from 'typebox';
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
/** An operation's request parts that have a schema: their name, schema and documented example. */
const partsOf = (operation: Operation): [string, TSchema, unknown][] =>
  (
    [
      ['params', operation.params, operation.example?.params],
      ['querystring', operation.querystring, operation.example?.query],
      ['body', operation.body, operation.example?.body],
    ] as const
  ).flatMap(([part, schema, example]) => (schema ? [[part, schema, example] as [string, TSchema, unknown]] : []));

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

/** `node DIST/src/cli.js` on port 0 with the seed fixed; its URL, and a stop. */
async function startBuilt(dist: string): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, [join(dist, 'src/cli.js'), '--port', '0', '--seed', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.teardown(() => void proc.kill('SIGKILL'));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`${dist} exited with ${code} before listening`)));
  });
  return { url, stop: () => void proc.kill('SIGKILL') };
}

/** A copy of the package (dist and what it reads) in a temp folder, where `change` may move things. */
function packageCopy(change: (dist: string) => void): string {
  const copy = tempDir('iamport-validators-');
  cpSync(join(root, 'dist/src'), join(copy, 'dist/src'), { recursive: true });
  for (const file of ['package.json', 'fixtures']) cpSync(join(root, file), join(copy, file), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  change(join(copy, 'dist'));
  return join(copy, 'dist');
}

interface Call {
  method: string;
  path: string;
  query: string;
  body: string | undefined;
  type: string;
}

/** The vendor operations' examples and their neighbours, as JSON and as form bodies; path and query as written. */
function calls(): Call[] {
  const list: Call[] = [];
  for (const operation of operations.filter((o) => o.kind === 'vendor' && o.example)) {
    const { params = {}, query = {}, body } = operation.example!;
    const path = operation.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String((params as Record<string, unknown>)[name] ?? EXAMPLE_IMP_UID)));
    const search = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [`${key}[]`, String(v)]) : [[key, String(value)]])));
    const call = { method: operation.method, path, query: search.toString(), body: undefined, type: 'application/json' };
    list.push(call, { ...call, query: `${search}&${Object.keys(query)[0] ?? 'x'}=abc` });
    if (!body) continue;
    for (const input of inputsFrom(body).slice(0, 60)) {
      list.push({ ...call, body: JSON.stringify(input ?? null) });
      if (input && typeof input === 'object' && !Array.isArray(input)) {
        const form = new URLSearchParams(Object.entries(input).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]));
        list.push({ ...call, body: form.toString(), type: 'application/x-www-form-urlencoded' });
      }
    }
  }
  return list;
}

const merchant = JSON.parse(readFileSync(join(root, 'fixtures/merchants.json'), 'utf8')).merchants[0];
const credentials = { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret };
const post = (url: string, path: string, body: unknown) =>
  fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Every call's status and body, sent in order with a token of the first merchant, on a frozen clock. */
async function answers(url: string): Promise<string[]> {
  await post(url, '/sandbox/clock/freeze', { at: 1_780_000_000 });
  const token = ((await (await post(url, '/users/getToken', credentials)).json()) as { response: { access_token: string } }).response.access_token;
  const out: string[] = [];
  for (const call of calls()) {
    const init: RequestInit = { method: call.method, headers: { 'content-type': call.type, authorization: token } };
    if (call.body !== undefined && call.method !== 'GET') init.body = call.body;
    const response = await fetch(`${url}${call.path}${call.query ? `?${call.query}` : ''}`, init);
    // Access tokens are random in every process, and links name the server's port; nothing else in an answer differs.
    const text = (await response.text()).replaceAll(url, 'http://sandbox').replace(/"access_token":"\w+"/g, '"access_token":"…"');
    out.push(`${call.method} ${call.path} ${response.status} ${text}`);
  }
  return out;
}

t.test('the HTTP door answers byte for byte the same with and without the generated validators', async (t) => {
  if (!requireBuiltCli(t)) return;
  const without = packageCopy((dist) => renameSync(join(dist, 'src/validators'), join(dist, 'validators-aside')));
  t.notOk(existsSync(join(without, 'src/validators')), 'the copy has no generated validators');
  const withThem = await startBuilt(join(root, 'dist'));
  const withoutThem = await startBuilt(without);
  const [expected, actual] = await Promise.all([answers(withoutThem.url), answers(withThem.url)]);
  t.ok(expected.length > 500, `${expected.length} requests`);
  t.ok(expected.filter((line) => / 400 /.test(line)).length > 200, 'many of them refused');
  t.same(actual, expected);
});

t.test('the server runs the generated validators: one replaced in dist changes the answer', async (t) => {
  if (!requireBuiltCli(t)) return;
  const getToken = operations.find((operation) => operation.operationId === 'getToken')!;
  const refusing = `module.exports = function validate() {
    validate.errors = [{ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'imp_key' }, message: 'must have required property' }];
    return false;
  };`;
  const replaced = packageCopy((dist) => writeFileSync(join(dist, `src/validators/${schemaKey(getToken.body!, 'typed')}.cjs`), refusing));
  const server = await startBuilt(replaced);
  const answer = await post(server.url, '/users/getToken', credentials);
  t.equal(answer.status, 400, 'the valid credentials are refused by the replaced validator');
  t.match(await answer.text(), /imp_key/);
  const form = await fetch(`${server.url}/users/getToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(credentials).toString() });
  t.equal(form.status, 200, 'a form body goes through the textual validator, which was not replaced');
});

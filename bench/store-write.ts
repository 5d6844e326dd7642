// node dist/bench/store-write.js [--charges N] [--callers C] [--rounds R]
//
// What the file store adds to a charge, without HTTP: the pipeline serves `again` charges from C concurrent callers,
// once with the memory store and once with the file store, each run in a child process of its own, the two taking
// turns for R rounds. Reported: the process's CPU time (user + system) per charge, the median round counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, defaultMerchants } from '../src/index.js';
import { createPipeline, type Pipeline } from '../src/api/pipeline.js';
import { LowdbStore } from '../src/storage/lowdb-store.js';

const option = (flag: string, fallback: number) => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback);
const CHARGES = option('--charges', 6000);
const CALLERS = option('--callers', 10);
const ROUNDS = option('--rounds', 5);
/** Charges before the measured ones, so the code is compiled and the store has a journal. */
const WARMUP = 2000;

const merchant = defaultMerchants[0]!;
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

async function post(pipeline: Pipeline, path: string, body: object, token?: string): Promise<{ response: Record<string, string> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const outcome = await pipeline({ method: 'POST', path, query: '', header: (name) => headers[name.toLowerCase()], body: JSON.stringify(body), contentType: 'application/json' });
  if (outcome.action !== 'answer') throw new Error(`${path}: ${outcome.action}`);
  const text = typeof outcome.answer.body === 'string' ? outcome.answer.body : JSON.stringify(outcome.answer.body);
  return JSON.parse(text) as { response: Record<string, string> };
}

/** One child: CPU µs per charge with the given store. */
async function child(store: 'memory' | 'file'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-store-write-'));
  const sandbox = await createSandbox(store === 'file' ? { store: new LowdbStore(join(dir, 'data.json')) } : {});
  const pipeline = createPipeline(sandbox, { control: false });
  const token = (await post(pipeline, '/users/getToken', { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret })).response.access_token!;
  await post(pipeline, '/subscribe/payments/onetime', { ...card, merchant_uid: 'issue', customer_uid: 'bench-customer', amount: 1000 }, token);
  let n = 0;
  const caller = async (count: number) => {
    for (let i = 0; i < count; i++) await post(pipeline, '/subscribe/payments/again', { customer_uid: 'bench-customer', merchant_uid: `a-${++n}`, amount: 1000 }, token);
  };
  const charges = (total: number) => Promise.all(Array.from({ length: CALLERS }, () => caller(Math.ceil(total / CALLERS))));
  await charges(WARMUP);
  const before = process.cpuUsage();
  await charges(CHARGES);
  const used = process.cpuUsage(before);
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  return (used.user + used.system) / CHARGES;
}

function parent(): void {
  const self = fileURLToPath(import.meta.url);
  const runs = { memory: [] as number[], file: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const store of round % 2 ? (['file', 'memory'] as const) : (['memory', 'file'] as const)) {
      const args = [self, '--child', store, '--charges', String(CHARGES), '--callers', String(CALLERS)];
      const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (run.status !== 0) throw new Error(`${store} child exited with ${run.status}`);
      runs[store].push(Number(run.stdout.trim()));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const show = (xs: number[]) => `${median(xs).toFixed(0)} µs (${xs.map((x) => x.toFixed(0)).join(' ')})`;
  console.log(`CPU per again charge in-process, ${CHARGES} charges from ${CALLERS} callers, median of ${ROUNDS}, node ${process.version}`);
  console.log(`memory store: ${show(runs.memory)}`);
  console.log(`file store:   ${show(runs.file)}: +${(median(runs.file) - median(runs.memory)).toFixed(0)} µs a charge`);
}

if (process.argv.includes('--child')) process.stdout.write(`${await child(process.argv[process.argv.indexOf('--child') + 1] as 'memory' | 'file')}\n`);
else parent();

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LowdbStore } from '../../src/storage/lowdb-store.js';
import { card, getToken, requireBuiltCli, runCli, startCli, type Child } from './helpers.js';

// The CLI with a file store, killed for real. An answer with code 0 promises the change is on disk.

// Child processes start slowly on a loaded machine; the file-level default of 30 s is too tight for several restarts.
t.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), 'iamport-durability-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

interface Acked {
  imp_uid: string;
  merchant_uid: string;
}

/**
 * Charges from several concurrent loops until `stop` is set; returns every charge answered 200 + code 0.
 * Requests cut off by the kill fail on the client side and are simply not acknowledged.
 */
async function writeLoad(child: Child, loops: number, tag: string, stop: { now: boolean }, acked: Acked[]): Promise<void> {
  const token = await getToken(child.url);
  let n = 0;
  const loop = async () => {
    while (!stop.now) {
      const merchantUid = `${tag}-${n++}`;
      try {
        const res = await fetch(`${child.url}/subscribe/payments/onetime`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ ...card, merchant_uid: merchantUid, amount: 1000 }),
        });
        const body = (await res.json()) as any;
        if (res.status === 200 && body.code === 0) acked.push({ imp_uid: body.response.imp_uid, merchant_uid: merchantUid });
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

t.test('SIGKILL in the middle of a write load loses nothing that was acknowledged', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(dir, 'killed.json');
  const all: Acked[] = [];
  for (let round = 0; round < 3; round++) {
    const child = await startCli(['--data', file, '--log-level', 'warn']);
    const stop = { now: false };
    const acked: Acked[] = [];
    const load = writeLoad(child, 16, `r${round}`, stop, acked);
    // Kill once writes are going through, at a moment that varies from round to round.
    await waitFor(() => acked.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50 + round * 40));
    child.process.kill('SIGKILL');
    await child.exited;
    stop.now = true;
    await load;
    t.ok(acked.length > 0, `round ${round}: ${acked.length} charges acknowledged before the kill`);
    all.push(...acked);

    // The data file and its journal, read the way the store reads them at start-up.
    let parsed: any;
    await t.resolves(async () => (parsed = await new LowdbStore(file).load()), `round ${round}: the file parses`);
    const onDisk = new Set<string>((parsed?.payments ?? []).map((p: any) => p.payment.imp_uid));
    const lost = all.filter((a) => !onDisk.has(a.imp_uid));
    t.same(lost, [], `round ${round}: every acknowledged payment is in the file`);
  }

  // And the restarted server serves them.
  const child = await startCli(['--data', file, '--log-level', 'warn']);
  const token = await getToken(child.url);
  const sample = all.filter((_, i) => i % Math.ceil(all.length / 50) === 0);
  for (const a of sample) {
    const res = await fetch(`${child.url}/payments/${a.imp_uid}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as any;
    t.equal(body.response?.merchant_uid, a.merchant_uid, `${a.imp_uid} is served after the restart`);
  }
  child.process.kill('SIGTERM');
  t.equal(await child.exited, 0);
});

t.test('SIGTERM under load flushes, exits 0, and keeps every acknowledged write', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(dir, 'term.json');
  const child = await startCli(['--data', file, '--log-level', 'warn']);
  const stop = { now: false };
  const acked: Acked[] = [];
  const load = writeLoad(child, 8, 'term', stop, acked);
  await waitFor(() => acked.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  child.process.kill('SIGTERM');
  t.equal(await child.exited, 0, 'exit code 0');
  stop.now = true;
  await load;
  const onDisk = new Set(((await new LowdbStore(file).load())?.payments ?? []).map((p) => p.payment.imp_uid));
  t.ok(acked.length > 0);
  t.same(acked.filter((a) => !onDisk.has(a.imp_uid)), [], 'every acknowledged payment is on disk');
});

t.test('an unreadable data file stops start-up with a clear message and is left untouched', async (t) => {
  if (!requireBuiltCli(t)) return;
  for (const [name, content] of [
    ['broken JSON', '{"version":1,"payments":[{"trunc'],
    ['not a sandbox file', '{"hello":"world"}'],
  ] as const) {
    const file = join(dir, `${name.replace(/\W/g, '-')}.json`);
    writeFileSync(file, content);
    const run = await runCli(['--data', file]);
    t.equal(run.code, 1, `${name}: exit code 1`);
    t.match(run.stderr, /cannot use data file .*left untouched/, `${name}: says why`);
    t.notMatch(run.stdout, /listening on/, `${name}: never listened`);
    t.equal(readFileSync(file, 'utf8'), content, `${name}: file untouched`);
  }
});

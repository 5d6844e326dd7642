import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { seededSnapshot } from '../../bench/seed.js';
import { LowdbStore } from '../../src/storage/lowdb-store.js';
import { merchantA, merchantB } from '../helpers/doors.js';
import { card, getToken, requireBuiltCli, startCli, type Child } from '../helpers/processes.js';

// The CLI with a file store, killed for real. An answer with code 0 promises the change is on disk.

// Child processes start slowly on a loaded machine; the file-level default of 30 s is too tight for several restarts.
t.setTimeout(300_000);
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

/** A small PRNG (mulberry32), so a failing round can be replayed from the printed seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

t.test('SIGKILL during a compaction or right after its rename loses nothing acknowledged (charges, billing keys, cancels)', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(dir, 'compacting.json');
  const temp = join(dir, '.compacting.json.tmp');
  // 20,000 stored payments make each full rewrite of the base file take a while, so kills can land inside one.
  writeFileSync(file, JSON.stringify(seededSnapshot(20_000, merchantA.code, merchantA.settle.default_mid)));
  const seed = Number(process.env['DURABILITY_SEED'] ?? Date.now() % 1_000_000);
  t.comment(`seed ${seed} (DURABILITY_SEED=${seed} replays the kill timings)`);
  const next = random(seed);
  const charges: Acked[] = [];
  const billingKeys: string[] = [];
  const cancelled = new Map<string, number>();
  const modes = ['during a compaction', 'right after the rename', 'during a compaction', 'right after the rename', 'at random'] as const;
  for (const [round, mode] of modes.entries()) {
    const child = await startCli(['--data', file, '--log-level', 'warn']);
    const token = await getToken(child.url);
    const stop = { now: false };
    const post = async (path: string, body: unknown, auth = true) => {
      const res = await fetch(`${child.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const loop = (step: (i: number) => Promise<void>) => async () => {
      for (let i = 0; !stop.now; i++) {
        try {
          await step(i);
        } catch {
          return; // the server is gone
        }
      }
    };
    const mine: Acked[] = [];
    const load = Promise.all([
      ...Array.from({ length: 4 }, (_, l) =>
        loop(async (i) => {
          const merchantUid = `c${round}-${l}-${i}`;
          const customerUid = i % 3 === 0 ? `k${round}-${l}-${i}` : undefined;
          const res = await post('/subscribe/payments/onetime', { ...card, merchant_uid: merchantUid, customer_uid: customerUid, amount: 1000 });
          if (res.status !== 200 || res.body.code !== 0) return;
          mine.push({ imp_uid: res.body.response.imp_uid, merchant_uid: merchantUid });
          if (customerUid) billingKeys.push(customerUid);
        })(),
      ),
      loop(async (i) => {
        const target = mine[i % Math.max(mine.length, 1)];
        if (!target) return void (await new Promise((resolve) => setTimeout(resolve, 2)));
        const res = await post('/payments/cancel', { imp_uid: target.imp_uid, amount: 10 });
        if (res.status === 200 && res.body.code === 0) cancelled.set(target.imp_uid, (cancelled.get(target.imp_uid) ?? 0) + 10);
      })(),
      // Every reset is a full rewrite of the base file: the same path as a compaction (temp file, rename, new journal).
      loop(async () => void (await post('/sandbox/reset', { merchant: merchantB.code }, false)))(),
    ]);
    await waitFor(() => mine.length > 0);
    const deadline = Date.now() + 5_000;
    const before = () => Date.now() > deadline;
    if (mode === 'during a compaction') {
      await waitFor(() => existsSync(temp) || before());
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 5)));
    } else if (mode === 'right after the rename') {
      await waitFor(() => existsSync(temp) || before());
      await waitFor(() => !existsSync(temp) || before());
    } else {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 300)));
    }
    child.process.kill('SIGKILL');
    await child.exited;
    stop.now = true;
    await load;
    charges.push(...mine);
    t.ok(mine.length > 0, `round ${round} (${mode}${before() ? ', timed out waiting: killed anyway' : ''}): ${mine.length} charges acknowledged`);

    const onDisk = (await new LowdbStore(file).load())!;
    t.equal(onDisk.payments.filter((p) => p.merchant === merchantA.code).length >= 20_000 + charges.length, true, `round ${round}: the seeded payments are all there`);
    const payments = new Map(onDisk.payments.map((p) => [p.payment.imp_uid, p.payment]));
    t.same(charges.filter((a) => payments.get(a.imp_uid)?.merchant_uid !== a.merchant_uid), [], `round ${round}: every acknowledged charge is on disk`);
    const keys = new Set(onDisk.billing_keys.map((k) => k.customer.customer_uid));
    t.same(billingKeys.filter((k) => !keys.has(k)), [], `round ${round}: every acknowledged billing key is on disk`);
    const short = [...cancelled].filter(([impUid, amount]) => (payments.get(impUid)?.cancel_amount ?? 0) < amount);
    t.same(short, [], `round ${round}: every acknowledged cancel is on disk`);
  }
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

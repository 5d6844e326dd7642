// node --expose-gc dist/bench/store-scale.js [payments…]   (default: 100000 1000000; add --max-old-space-size=16384 for 1M)
//
// The file store at scale, in-process (no HTTP: this measures the store, not the door). For each size: import a
// seeded snapshot into a fresh file store (a full rewrite), restart from the files and count, force a compaction
// with a reset of another merchant while small writes keep arriving, restart again and count. During both full
// rewrites an event-loop delay histogram (perf_hooks.monitorEventLoopDelay, 1 ms resolution) records the
// longest stall; it starts once the synchronous part of the change (checks, copy, clearing) has returned, so it
// measures the flush: the snapshot it takes and the sliced write of the base file. Last, the RSS of each store
// holding the same payments, each alone in a child process of this script. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSandbox, defaultMerchants, type Sandbox } from '../src/index.js';
import { MemoryStore } from '../src/core/state/store.js';
import { LowdbStore } from '../src/storage/lowdb-store.js';
import { seededSnapshot } from './seed.js';

const sizes = process.argv[2] === 'rss' ? [] : process.argv.slice(2).map(Number);
if (process.argv[2] !== 'rss' && sizes.length === 0) sizes.push(100_000, 1_000_000);
const [merchantA, merchantB] = defaultMerchants as [(typeof defaultMerchants)[0], (typeof defaultMerchants)[0]];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;

/**
 * Awaits `flush` (a change already applied in memory, now being saved) while a small write arrives every 5 ms:
 * each is applied at once and answered after the flush that follows, so their number shows the loop kept running.
 */
async function underLoad(sandbox: Sandbox, flush: Promise<unknown>, tag: string) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const began = performance.now();
  const caller = { merchant: merchantB, userAgent: null };
  const writes: Promise<unknown>[] = [];
  const timer = setInterval(() => writes.push(sandbox.prepares.prepare(caller, { merchant_uid: `${tag}-${writes.length}`, amount: 1000 })), 5);
  await flush;
  const took = performance.now() - began;
  clearInterval(timer);
  histogram.disable();
  await Promise.all(writes);
  return { took, stall: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6, accepted: writes.length };
}

async function restart(file: string, expected: number, label: string) {
  const began = performance.now();
  const sandbox = await createSandbox({ store: new LowdbStore(file), seed: 1 });
  const loaded = ms(began);
  const count = sandbox.listPayments(merchantA.code).length;
  if (count !== expected) throw new Error(`${label}: ${count} payments after the restart, expected ${expected}`);
  console.log(`  ${label}: restart ${loaded}, ${count} payments of ${merchantA.code} back`);
  return sandbox;
}

/** Heap in use after a full garbage collection (with --expose-gc; without it, whatever is in use). */
function settledHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Run as a child (`rss STORE N DIR`): RSS of a process holding N payments in one store and nothing else, after a
 * forced GC: `memory` and `file` import them (the file store with one full write), `restart` opens the file the
 * `file` child wrote. Prints JSON.
 */
async function rssChild(store: string, payments: number, dir: string): Promise<Record<string, number>> {
  const file = join(dir, 'rss.json');
  const sandbox = await createSandbox({ store: store === 'memory' ? new MemoryStore() : new LowdbStore(file), seed: 1 });
  if (store !== 'restart') await sandbox.import(seededSnapshot(payments, merchantA.code, merchantA.settle.default_mid));
  (globalThis as { gc?: () => void }).gc?.();
  const rss = process.memoryUsage().rss;
  await sandbox.close();
  return { [store]: rss };
}

if (process.argv[2] === 'rss') {
  const [, , , store, count, dir] = process.argv;
  console.log(JSON.stringify(await rssChild(store!, Number(count), dir!)));
  process.exit(0);
}

/** RSS of each store holding `payments`, each in a process of its own (RSS of one process never shrinks much). */
function rssOfStores(payments: number, dir: string) {
  // The figures are the child's last line (flags such as --trace-gc print before it).
  const child = (store: string) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, 'rss', store, String(payments), dir], { encoding: 'utf8' }).trim().split('\n').at(-1)!,
    ) as Record<string, number>;
  return { ...child('memory'), ...child('file'), ...child('restart') };
}

for (const payments of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-store-scale-'));
  const file = join(dir, 'db.json');
  console.log(`${payments} payments in one merchant`);
  let began = performance.now();
  const seeded = seededSnapshot(payments, merchantA.code, merchantA.settle.default_mid);
  console.log(`  seeded in ${ms(began)}`);

  const first = await createSandbox({ store: new LowdbStore(file), seed: 1 });
  began = performance.now();
  const importing = first.import(seeded);
  console.log(`  import: checks, copy and restore in memory ${ms(began)}`);
  const imported = await underLoad(first, importing, 'during-import');
  console.log(`  import: full write ${imported.took.toFixed(0)} ms, longest stall ${imported.stall.toFixed(1)} ms ` +
    `(p99 ${imported.p99.toFixed(1)} ms), ${imported.accepted} writes accepted meanwhile; base file ${mb(statSync(file).size)}`);
  const exported = first.export().payments.length;
  if (exported !== payments) throw new Error(`export holds ${exported} payments`);
  await first.close();

  const second = await restart(file, payments, 'after import');
  began = performance.now();
  const resetting = second.reset(merchantB.code);
  console.log(`  compaction (reset of ${merchantB.code}): clearing in memory ${ms(began)}`);
  const compacted = await underLoad(second, resetting, 'during-compaction');
  console.log(`  compaction: full write ${compacted.took.toFixed(0)} ms, longest stall ${compacted.stall.toFixed(1)} ms ` +
    `(p99 ${compacted.p99.toFixed(1)} ms), ${compacted.accepted} writes accepted meanwhile; base file ${mb(statSync(file).size)}`);
  await second.close();

  // Each store is measured in a scope of its own, so the closed one is garbage when the other is measured; the
  // stores closed earlier (first, second) and `seeded` stay alive throughout, in every figure alike.
  const emptyHeap = settledHeap();
  const emptyRss = process.memoryUsage().rss;
  const { fileHeap, fileRss } = await (async () => {
    const third = await restart(file, payments, 'after compaction');
    const heap = settledHeap() - emptyHeap;
    const rss = process.memoryUsage().rss;
    began = performance.now();
    console.log(`  export: ${third.export().payments.length} payments in ${ms(began)}`);
    await third.close();
    return { fileHeap: heap, fileRss: rss };
  })();
  settledHeap();
  const memory = await createSandbox({ store: new MemoryStore(), seed: 1 });
  // A snapshot of its own (garbage once imported): the records then hold their own strings, as read from a file.
  await memory.import(seededSnapshot(payments, merchantA.code, merchantA.settle.default_mid));
  const memoryHeap = settledHeap() - emptyHeap;
  const memoryRss = process.memoryUsage().rss;
  console.log(`  heap per stored payment: file store ${(fileHeap / payments).toFixed(0)} B, memory store ${(memoryHeap / payments).toFixed(0)} B ` +
    `(target <= 1024 B); RSS ${mb(fileRss)} file store, ${mb(memoryRss)} after the memory store too (empty ${mb(emptyRss)}; ` +
    `RSS rarely shrinks, so the second figure is an upper bound)`);
  const rss = rssOfStores(payments, dir);
  console.log(`  RSS, each store alone in a process: memory store ${mb(rss.memory!)}, file store ${mb(rss.file!)} after the import ` +
    `(${(rss.file! / rss.memory!).toFixed(2)}×), ${mb(rss.restart!)} after a restart from its file ` +
    `(${(rss.restart! / rss.memory!).toFixed(2)}×; target <= 1.2×)`);
  console.log(`  longest event-loop stall while writing: ${Math.max(imported.stall, compacted.stall).toFixed(0)} ms (target <= 50 ms)`);
  await memory.close();
  rmSync(dir, { recursive: true, force: true });
}

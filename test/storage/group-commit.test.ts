import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { emptySnapshot } from '../../src/core/state/snapshot.js';
import type { Change } from '../../src/core/state/state.js';
import type { StoreSource } from '../../src/core/state/store.js';
import { LowdbStore } from '../../src/storage/lowdb-store.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A source whose changes the test decides: one record per `change()`, nothing checked (nothing is read back). */
function fakeSource() {
  let pending: Change[] = [];
  let n = 0;
  const source: StoreSource & { change(): void } = {
    seq: 0,
    snapshot: () => emptySnapshot(n),
    takeChanges: () => {
      const taken = pending;
      pending = [];
      return taken;
    },
    needRewrite: () => undefined,
    trackChanges: () => undefined,
    change: () => void pending.push({ collection: 'payments', key: `k${++n}`, record: { n } }),
  };
  return source;
}

async function openStore() {
  const file = join(tempDir('iamport-group-commit-'), 'db.json');
  const store = new LowdbStore(file);
  const source = fakeSource();
  store.attach(source);
  await store.load();
  const lines = () => readFileSync(`${file}.journal`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { changes: unknown[] });
  return { store, source, lines };
}

t.test('commits of one turn share one journal line; commits of later turns get their own', async (t) => {
  const { store, source, lines } = await openStore();
  await store.commit(); // the first write makes the base file
  const flushes = store.flushes;
  const batch = Array.from({ length: 20 }, () => {
    source.change();
    return store.commit();
  });
  await Promise.all(batch);
  t.equal(store.flushes, flushes + 1, 'twenty commits, one flush');
  t.same(lines().map((l) => l.changes.length), [20], 'as one line');
  for (let i = 0; i < 3; i++) {
    source.change();
    await store.commit();
  }
  t.equal(store.flushes, flushes + 4, 'one flush per turn after that');
  t.same(lines().map((l) => l.changes.length), [20, 1, 1, 1]);
  await store.close();
});

t.test('commits made while the base file is rewritten gather for one flush after it', async (t) => {
  const { store, source, lines } = await openStore();
  const rewrite = store.commit();
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const during: Promise<void>[] = [];
  // The rewrite starts at the end of this turn and takes several trips to the threadpool (open, write, close,
  // rename, truncate): the commits of the next two turns arrive while it is in flight.
  for (let turn = 0; turn < 2; turn++) {
    await nextTurn();
    for (let i = 0; i < 3; i++) {
      source.change();
      during.push(store.commit());
    }
  }
  await Promise.all([rewrite, ...during]);
  t.equal(store.rewrites, 1);
  t.equal(store.flushes, 2, 'the rewrite, then one flush for the six');
  t.same(lines().map((l) => l.changes.length), [6]);
  await store.close();
});

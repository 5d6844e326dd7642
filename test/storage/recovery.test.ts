import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { SandboxError } from '../../src/core/errors.js';
import { DataFileWriteError, LowdbStore } from '../../src/storage/lowdb-store.js';
import { merchantB, startApp } from '../helpers/doors.js';

// A disk that fails and comes back. Tests run as root in CI, where permissions are ignored, so the failures are
// provoked by taking paths away (the data directory, the journal replaced by a directory) and putting them back.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

async function brokenThenRepaired(t: Test, breakIt: (dir: string, file: string) => void, repair: (dir: string, file: string) => void) {
  const dir = join(mkdtempSync(join(tmpdir(), 'iamport-recovery-')), 'data');
  mkdirSync(dir);
  const file = join(dir, 'db.json');
  const store = new LowdbStore(file);
  const door = await startApp(t, { store });
  const charge = (uid: string) => door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: uid, ...card, amount: 1000 } });
  t.equal((await charge('before-1')).status, 200);
  t.equal((await charge('before-2')).status, 200);
  const before = door.sandbox.export();

  breakIt(dir, file);
  for (const uid of ['broken-append', 'broken-rewrite']) {
    const res = await charge(uid);
    t.equal(res.status, 503, `${uid}: answered 503`);
    t.match(res.body, { code: -1, response: null });
  }
  const failed = await door.sandbox.reset(merchantB.code).then(
    () => null,
    (e: unknown) => e,
  );
  t.type(failed, SandboxError, 'a failed save is a SandboxError');
  t.equal((failed as SandboxError).status, 503);
  const cause = (failed as Error).cause;
  t.type(cause, DataFileWriteError, 'its cause is the store\'s error');
  t.match((cause as Error).message, file, 'which names the data file');
  t.ok(((cause as Error).cause as NodeJS.ErrnoException).code, `and keeps the system error (${((cause as Error).cause as Error).message})`);
  // The id sequence is never taken back (gaps are harmless); everything else is as it was.
  t.same({ ...door.sandbox.export(), seq: before.seq }, before, 'nothing changed in memory');

  repair(dir, file);
  const rewritesBefore = store.rewrites;
  t.equal((await charge('repaired-1')).status, 200, 'the first write after the repair succeeds');
  t.equal(store.rewrites, rewritesBefore + 1, 'as one full rewrite');
  const baseBytes = statSync(file).size;
  t.equal((await charge('repaired-2')).status, 200);
  t.equal(store.rewrites, rewritesBefore + 1, 'then appends resume');
  t.equal(statSync(file).size, baseBytes, 'the base file is left alone');
  t.match(readFileSync(`${file}.journal`, 'utf8'), /repaired-2/);
  const expected = door.sandbox.export();
  t.same(
    expected.payments.map((p) => p.payment.merchant_uid),
    ['before-1', 'before-2', 'repaired-1', 'repaired-2'],
  );
  await door.sandbox.close();
  t.same(await new LowdbStore(file).load(), expected, 'a restart brings back exactly what was acknowledged');
}

t.test('the data directory removed, then made again', (t) =>
  brokenThenRepaired(
    t,
    (dir) => rmSync(dir, { recursive: true }),
    (dir) => mkdirSync(dir),
  ),
);

t.test('the journal replaced by a directory, then put back', (t) =>
  brokenThenRepaired(
    t,
    (_, file) => {
      rmSync(`${file}.journal`);
      mkdirSync(`${file}.journal`);
    },
    (_, file) => {
      rmSync(`${file}.journal`, { recursive: true });
      writeFileSync(`${file}.journal`, '');
    },
  ),
);

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { blankPayment } from '../../src/core/payments/blank-payment.js';
import { emptySnapshot } from '../../src/core/state/snapshot.js';
import { LowdbStore, UnreadableDataFileError } from '../../src/storage/lowdb-store.js';
import { tempDir } from '../helpers/temp-dir.js';

// The journal replayed alone: a base file and journal lines written by hand, loaded by a fresh store.

const record = (impUid: string, amount: number) => ({
  merchant: 'imp10000001',
  seq: 1,
  payment: blankPayment({ imp_uid: impUid, merchant_uid: `o-${impUid}`, amount, status: 'paid' }),
});
const token = { token: 'a'.repeat(40), merchant: 'imp10000001', issued_at: 0, expires_at: 1 };

function files(base: unknown, lines: unknown[], torn = '') {
  const file = join(tempDir('iamport-replay-'), 'db.json');
  writeFileSync(file, JSON.stringify(base));
  writeFileSync(`${file}.journal`, lines.map((line) => JSON.stringify(line) + '\n').join('') + torn);
  return file;
}

t.test('lines of the base file\'s generation apply in order: put, replace, delete', async (t) => {
  const base = { ...emptySnapshot(1), payments: [record('imps_1', 100)], tokens: [token], journal_generation: 'g1' };
  const file = files(base, [
    { generation: 'g1', seq: 2, changes: [['payments', 'imps_2', record('imps_2', 200)]] },
    { generation: 'g1', seq: 3, changes: [['payments', 'imps_1', record('imps_1', 150)], ['tokens', token.token, null]] },
  ]);
  const snapshot = (await new LowdbStore(file).load())!;
  t.equal(snapshot.seq, 3);
  t.same(
    snapshot.payments.map((p) => [p.payment.imp_uid, p.payment.amount]),
    [
      ['imps_1', 150],
      ['imps_2', 200],
    ],
  );
  t.same(snapshot.tokens, []);
  t.same(snapshot.schedules, [], 'collections the file lacks come back empty');
});

t.test('another generation\'s lines are ignored; a torn last line is dropped', async (t) => {
  const base = { ...emptySnapshot(1), payments: [record('imps_1', 100)], journal_generation: 'g2' };
  const file = files(base, [{ generation: 'g1', seq: 2, changes: [['payments', 'imps_1', null]] }], '{"generation":"g2","seq":3,"chan');
  const snapshot = (await new LowdbStore(file).load())!;
  t.same(snapshot.payments.map((p) => p.payment.imp_uid), ['imps_1']);
  t.equal(snapshot.seq, 1);
});

t.test('a journal that does not fit its records refuses to load, naming the field', async (t) => {
  const base = { ...emptySnapshot(1), journal_generation: 'g1' };
  const bad = { ...record('imps_1', 100), payment: { ...record('imps_1', 100).payment, amount: 'x' } };
  const file = files(base, [{ generation: 'g1', seq: 2, changes: [['payments', 'imps_1', bad]] }]);
  await t.rejects(new LowdbStore(file).load(), UnreadableDataFileError);
  await t.rejects(new LowdbStore(file).load(), { message: /line 1: payments imps_1: payment\.amount must be/ });
  const unknown = files(base, [{ generation: 'g1', seq: 2, changes: [['refunds', 'x', {}]] }]);
  await t.rejects(new LowdbStore(unknown).load(), { message: /unknown collection refunds/ });
  const broken = files(base, [{ generation: 'g1', seq: 2, changes: [] }], '{broken\n{"generation":"g1","seq":3,"changes":[]}\n');
  await t.rejects(new LowdbStore(broken).load(), { message: /line 2 is not valid JSON/ });
});

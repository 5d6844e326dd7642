import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { blankPayment } from '../../src/core/payments/blank-payment.js';
import { emptySnapshot } from '../../src/core/state/snapshot.js';
import { LowdbStore, UnreadableDataFileError } from '../../src/storage/lowdb-store.js';
import { tempDir } from '../helpers/temp-dir.js';

// Every malformed combination of base file and journal refuses start-up with the same clear message, and a
// store that refused never writes: both files keep their bytes. Only "no base file, no journal" is a fresh start.

const merchant = 'imp10000001';
const payment = (impUid: string, extra: Record<string, unknown> = {}) => ({
  merchant,
  seq: 1,
  payment: { ...blankPayment({ imp_uid: impUid, merchant_uid: `o-${impUid}`, amount: 100, status: 'paid' }), ...extra },
});
const token = { token: 'a'.repeat(40), merchant, issued_at: 0, expires_at: 1 };
const base = (extra: Record<string, unknown> = {}) => JSON.stringify({ ...emptySnapshot(1), journal_generation: 'g1', ...extra });
const line = (value: unknown) => JSON.stringify(value) + '\n';
const entry = (seq: number, changes: unknown[], generation = 'g1') => line({ generation, seq, changes });

/** Writes the files (undefined: no such file) and checks the store refuses them, naming `reason`, touching nothing. */
async function refuses(t: Test, name: string, baseText: string | undefined, journalText: string | undefined, reason: RegExp) {
  const file = join(tempDir('iamport-edges-'), 'db.json');
  if (baseText !== undefined) writeFileSync(file, baseText);
  if (journalText !== undefined) writeFileSync(`${file}.journal`, journalText);
  const store = new LowdbStore(file);
  const error = await store.load().then(
    () => null,
    (e: unknown) => e,
  );
  t.type(error, UnreadableDataFileError, `${name}: refused`);
  t.match((error as Error)?.message, /^cannot use data file .* left untouched/, `${name}: the clear message`);
  t.match((error as Error)?.message, reason, `${name}: says why`);
  t.notMatch((error as Error)?.message, /TypeError|Cannot read properties|undefined/, `${name}: no raw JavaScript error`);
  await t.rejects(store.commit(), /not loaded/, `${name}: a store that refused does not write`);
  await store.close();
  t.equal(existsSync(file) ? readFileSync(file, 'utf8') : undefined, baseText, `${name}: base file untouched`);
  t.equal(existsSync(`${file}.journal`) ? readFileSync(`${file}.journal`, 'utf8') : undefined, journalText, `${name}: journal untouched`);
}

t.test('a base file that is not a sandbox snapshot', async (t) => {
  for (const text of ['null', '0', '"text"', 'true', '[]', '[{"version":1}]', ' ', '{"version":1,']) {
    await refuses(t, `base ${JSON.stringify(text)}`, text, undefined, /not a sandbox snapshot|not valid JSON|holds/);
    await refuses(t, `base ${JSON.stringify(text)} beside a journal`, text, entry(2, []), /not a sandbox snapshot|not valid JSON|holds/);
  }
  await refuses(t, 'journal_generation not a string', base({ journal_generation: 5 }), undefined, /journal_generation must be a string/);
});

t.test('structurally invalid records refuse, naming the field', async (t) => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a null payment', { payments: [null] }, /payments\[0\] must be object/],
    ['an empty payment', { payments: [{}] }, /payments\[0\]: merchant is required/],
    ['a payment without its payment', { payments: [{ merchant, seq: 1 }] }, /payments\[0\]: payment is required/],
    ['amount "x"', { payments: [payment('imps_1', { amount: 'x' })] }, /payments\[0\]\.payment\.amount must be/],
    ['tokens [{}]', { tokens: [{}] }, /tokens\[0\]: (token|merchant) is required/],
    ['a collection that is not a list', { tokens: {} }, /tokens must be array/],
    ['a record twice', { payments: [payment('imps_1'), payment('imps_1')] }, /payments holds imps_1 twice/],
    // Numbers no request could have stored: refused like any other broken field, not loaded to misbehave later.
    ['an amount past 2^53', { payments: [payment('imps_1', { amount: 2 ** 60 })] }, /payments\[0\]\.payment\.amount must be <= 9999999999/],
    ['a fractional amount', { payments: [payment('imps_1', { amount: 1000.5 })] }, /payments\[0\]\.payment\.amount must be integer/],
    ['a negative cancel_amount', { payments: [payment('imps_1', { cancel_amount: -1 })] }, /payments\[0\]\.payment\.cancel_amount must be >= 0/],
    ['a time no Date can show', { payments: [payment('imps_1', { paid_at: 1e13 })] }, /payments\[0\]\.payment\.paid_at must be <=/],
    ['a token expiring in year 300,000', { tokens: [{ ...token, expires_at: 1e16 }] }, /tokens\[0\]\.expires_at must be <=/],
    ['a sequence past 2^50', { seq: 2 ** 60 }, /seq must be <=/],
  ];
  for (const [name, extra, reason] of cases) {
    await refuses(t, name, base(extra), undefined, reason);
    await refuses(t, `${name} (with a journal)`, base(extra), entry(2, []), reason);
  }
});

t.test('a journal without its base file refuses; with no journal or an empty one it is a fresh sandbox', async (t) => {
  await refuses(t, 'journal only', undefined, entry(2, [['tokens', token.token, token]]), /base file .* is missing or empty while its journal holds/);
  await refuses(t, 'journal with a torn line only', undefined, '{"generation":"g1","se', /is missing/);
  for (const journal of [undefined, '', '\n']) {
    const file = join(tempDir('iamport-edges-'), 'db.json');
    if (journal !== undefined) writeFileSync(`${file}.journal`, journal);
    t.equal(await new LowdbStore(file).load(), null, `no base file, journal ${JSON.stringify(journal)}: a fresh sandbox`);
  }
  // An empty base file is no file yet (`touch db.json`); beside a journal that holds something, it still refuses.
  await refuses(t, 'an empty base file beside a journal', '', entry(2, [['tokens', token.token, token]]), /is missing or empty/);
  const empty = join(tempDir('iamport-edges-'), 'db.json');
  writeFileSync(empty, '');
  t.equal(await new LowdbStore(empty).load(), null, 'an empty base file: a fresh sandbox');
  const inMissingDirectory = join(tempDir('iamport-edges-'), 'missing-dir', 'db.json');
  t.equal(await new LowdbStore(inMissingDirectory).load(), null, 'a file in a directory not made yet: a fresh sandbox');
});

t.test('journal lines that are valid JSON but no journal entry of this base file refuse', async (t) => {
  const good = entry(2, [['tokens', token.token, token]]);
  const cases: [string, string, RegExp][] = [
    ['a list', line([]), /line \d: not a journal entry/],
    ['null', line(null), /line \d: not a journal entry/],
    ['a number', line(5), /line \d: not a journal entry/],
    ['no seq or changes', line({ generation: 'g1' }), /seq is required/],
    ['changes not a list', line({ generation: 'g1', seq: 2, changes: {} }), /changes must be array/],
    ['a change of two items', entry(2, [['tokens', token.token]]), /not a journal entry/],
    ['a key that is not a string', entry(2, [['tokens', 5, token]]), /not a journal entry/],
    ['a wrong shape of another generation', line({ generation: 'old', seq: 'x', changes: [] }), /seq must be integer/],
    ['an unknown collection', entry(2, [['refunds', 'r', {}]]), /unknown collection refunds/],
    ['a key that is not its record\'s', entry(2, [['tokens', 'b'.repeat(40), token]]), /holds the record of a{40}/],
    ['a payment keyed by another imp_uid', entry(2, [['payments', 'imps_2', payment('imps_1')]]), /payments imps_2 holds the record of imps_1/],
    ['amount "x"', entry(2, [['payments', 'imps_1', payment('imps_1', { amount: 'x' })]]), /payments imps_1: payment\.amount must be/],
    ['tokens [{}]', entry(2, [['tokens', 'x', {}]]), /tokens x: (token|merchant) is required/],
    ['an amount past 2^53', entry(2, [['payments', 'imps_1', payment('imps_1', { amount: 2 ** 60 })]]), /payments imps_1: payment\.amount must be <=/],
    ['a seq past 2^50', entry(2 ** 60, []), /seq must be <=/],
    ['seq going back', entry(3, []) + entry(2, []), /line 3: seq 2 goes back \(3 before it\)/],
  ];
  for (const [name, bad, reason] of cases) {
    await refuses(t, `${name}, as the last line`, base(), good + bad, reason);
    await refuses(t, `${name}, in the middle`, base(), good + bad + entry(9, []), reason);
  }
  await refuses(t, 'seq below the base file\'s', base({ seq: 5 }), entry(4, []), /line 1: seq 4 goes back \(5 before it\)/);
});

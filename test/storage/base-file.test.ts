import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { collectionNames } from '../../src/core/state/collections.js';
import { blankPayment } from '../../src/core/payments/blank-payment.js';
import { emptySnapshot, type Snapshot } from '../../src/core/state/snapshot.js';
import { createSandbox } from '../../src/index.js';
import { readBaseFile, writeBaseFile } from '../../src/storage/base-file.js';
import { LowdbStore, UnreadableDataFileError } from '../../src/storage/lowdb-store.js';
import { lineLayout } from '../helpers/line-layout.js';
import { tempDir } from '../helpers/temp-dir.js';

// The base file written in slices and read back a line at a time, in the column layout or the one-record-per-line
// layout of earlier versions; a file of another layout is read whole by lowdb (up to 256 MiB: one JavaScript
// string). Tests see the line reader's own refusals with a limit of 0 bytes.

const merchant = 'imp10000001';
const tempFile = () => join(tempDir('iamport-base-'), 'db.json');
const tokens = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ token: i.toString(16).padStart(40, '0'), merchant, issued_at: i, expires_at: i + 1 }));

t.test('what writeBaseFile writes reads back the same, key order included, and is one JSON document', async (t) => {
  const awkward = blankPayment({ imp_uid: 'imps_1', merchant_uid: 'o-1', amount: 1, status: 'paid', name: '정기결제\n"두 줄",\\ ]}' });
  const snapshot: Snapshot = { ...emptySnapshot(7), payments: [{ merchant, seq: 1, payment: awkward }], tokens: tokens(3) };
  const file = tempFile();
  const bytes = await writeBaseFile(file, snapshot, 'g1');
  t.equal(bytes, readFileSync(file).length, 'answers its size');
  const expected = { ...snapshot, journal_generation: 'g1' };
  t.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), 'one JSON document');
  const records = (read: unknown) => JSON.stringify(collectionNames.map((name) => (read as Snapshot)[name]));
  const read = await readBaseFile(file);
  t.same(read, expected, 'read line by line');
  t.equal(records(read), records(snapshot), 'records byte for byte, key order included');
  writeFileSync(file, lineLayout(snapshot, 'g1'));
  const old = await readBaseFile(file, 0);
  t.same(old, expected, 'the one-record-per-line layout of earlier versions');
  t.equal(records(old), records(snapshot), 'byte for byte');
  writeFileSync(file, JSON.stringify(expected));
  t.same(await readBaseFile(file), expected, 'another layout (one line) read whole');
  t.equal(await readBaseFile(`${file}.missing`), undefined, 'no file');
});

t.test('a file too big for one string must keep a line layout: anything else refuses, naming the line', async (t) => {
  const file = tempFile();
  const layout = lineLayout({ ...emptySnapshot(1), tokens: tokens(2) }, 'g1');
  const cases: [string, string, RegExp][] = [
    ['one line', JSON.stringify({ ...emptySnapshot(1), tokens: tokens(2) }), /line 1: not the snapshot's first line/],
    ['cut short', layout.slice(0, layout.indexOf('\n', layout.indexOf('"tokens"')) + 1), /line \d+: the file ends before the snapshot does/],
    ['text after the end', `${layout}{}\n`, /line \d+: text after the end/],
    ['a broken record', layout.replace('"issued_at":0', '"issued_at":'), /line \d+: not valid JSON/],
    ['no collection start', layout.replace('"payments":[', '"payments":{'), /line \d+: not the start of a collection/],
  ];
  for (const [name, text, reason] of cases) {
    writeFileSync(file, text);
    const error = await readBaseFile(file, 0).then(
      () => null,
      (e: unknown) => e,
    );
    t.type(error, UnreadableDataFileError, name);
    t.match((error as Error).message, reason, `${name}: says why`);
    t.match((error as Error).message, /one-record-per-line layout/, `${name}: says which layout`);
  }
});

t.test('lines longer than a read chunk, and CRLF line breaks, read back', async (t) => {
  const file = tempFile();
  const long = { ...tokens(1)[0]!, token: '가'.repeat(3_000_000) };
  const snapshot: Snapshot = { ...emptySnapshot(1), tokens: [...tokens(2), long, ...tokens(2)] };
  await writeBaseFile(file, snapshot, 'g1');
  t.same(await readBaseFile(file, 0), { ...snapshot, journal_generation: 'g1' }, 'a 9 MB line');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
  t.same(await readBaseFile(file, 0), { ...snapshot, journal_generation: 'g1' }, 'CRLF');
  writeFileSync(file, lineLayout(snapshot, 'g1'));
  t.same(await readBaseFile(file, 0), { ...snapshot, journal_generation: 'g1' }, 'a 9 MB line of the one-record-per-line layout');
});

// The old snapshot code spread each collection into push(...), which overflowed the stack at ~125,000 records.
// Tokens are small, so 150,000 of them go through import, the sliced write, a restart and export in seconds.
t.test('150,000 records import, write, restart and export', async (t) => {
  const file = tempFile();
  const first = await createSandbox({ store: new LowdbStore(file), seed: 1 });
  await first.import({ ...emptySnapshot(1), tokens: tokens(150_000) });
  await first.close();
  const lines = (await readBaseFile(file, 0)) as Snapshot;
  t.equal(lines.tokens.length, 150_000, 'read line by line');
  const second = await createSandbox({ store: new LowdbStore(file), seed: 1 });
  const exported = second.export();
  t.equal(exported.tokens.length, 150_000, 'restarted and exported');
  t.same(exported.tokens.at(-1), tokens(150_000).at(-1));
  writeFileSync(file, lineLayout(exported, 'g2'));
  t.equal(((await readBaseFile(file, 0)) as Snapshot).tokens.length, 150_000, 'the same in the one-record-per-line layout');
  await second.close();
});

// Shapes come from the records themselves: keys that differ between records, keys holding undefined (left out, as
// JSON.stringify leaves them out), an object in one record where another holds null, objects nested deeper (kept
// whole as values), and an own "__proto__" key (JSON.parse makes one; an object literal would set the prototype).
t.test('records of differing shapes come back as JSON.parse would give them', async (t) => {
  const records = JSON.parse(
    '[{"a":1,"b":{"c":"가","d":[1,{"e":2}]}},{"a":2,"b":null},{"b":{"d":[],"c":"x"},"a":3},{"a":4,"b":{"c":"y","d":{"__proto__":{"z":1},"k":2}}},' +
      '{"__proto__":5,"a":6},{"a":1,"b":{"c":"z","d":[]}}]',
  ) as Record<string, unknown>[];
  const withUndefined = { a: 7, gone: undefined, b: { c: 'w', gone: undefined, d: [] } };
  const snapshot = { ...emptySnapshot(1), tokens: [...records, withUndefined] } as unknown as Snapshot;
  const file = tempFile();
  await writeBaseFile(file, snapshot, 'g1');
  const read = ((await readBaseFile(file)) as Snapshot).tokens as unknown as Record<string, unknown>[];
  t.equal(JSON.stringify(read), JSON.stringify(snapshot.tokens), 'the same text, key order included');
  t.ok(Object.hasOwn(read[4]!, '__proto__') && Object.getPrototypeOf(read[4]) === Object.prototype, 'an own __proto__ key, the prototype untouched');
  const deep = (read[3]!.b as { d: object }).d;
  t.ok(Object.hasOwn(deep, '__proto__') && Object.getPrototypeOf(deep) === Object.prototype, 'the same deeper down');
  t.notOk('gone' in read[6]!, 'a key holding undefined is left out');
  const shapes = readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('{"shape"'));
  t.equal(shapes.length, 4, 'one shape line per distinct shape: a deeper object, whatever its keys, is a value');
});

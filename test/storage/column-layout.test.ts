import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { collectionNames } from '../../src/core/state/collections.js';
import { LowdbStore } from '../../src/server.js';
import { merchantA, START, startApp } from '../helpers/doors.js';
import { writeLineLayout } from '../helpers/line-layout.js';
import { tempDir } from '../helpers/temp-dir.js';

// The base file's column layout (each collection's keys once, each record a list of values) through the doors:
// files of the earlier one-record-per-line layout are still read, every collection comes back the same, a broken
// file is refused and left alone, and an export stays plain JSON.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const tempFile = () => join(tempDir('iamport-columns-'), 'db.json');
type App = Awaited<ReturnType<typeof startApp>>;

/** Fills every collection: payments, billing keys, schedules, webhook deliveries, prepared, receipts, tokens, tenants. */
async function everyCollection(door: App) {
  const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-1', customer_uid: 'k-1', ...card, amount: 1000, name: '정기결제 "1"' } });
  await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.body.response.imp_uid, amount: 100 } });
  await door.call('POST', '/subscribe/payments/schedule', {
    json: { customer_uid: 'k-1', schedules: [{ merchant_uid: 's-1', schedule_at: START / 1000 + 3600, amount: 300, name: 'a' }] },
  });
  door.sandbox.control.setWebhook(merchantA.code, { url: 'http://127.0.0.1:9/unreachable', content_type: 'json', retry: false });
  await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'w-1', amount: 2000 } });
  await door.call('POST', '/receipts/external/r-1', { json: { identifier: '01012345678', identifier_type: 'phone', pg: 'settle', name: '현장', amount: 22000 } });
  await door.send('POST', '/sandbox/tenants');
  await door.sandbox.advance(2 * 3600 * 1000);
  await door.sandbox.webhooks.settle();
  return paid.body.response.imp_uid as string;
}

/** What the doors answer about the state: the export and a payment, as text. */
async function answers(door: App, impUid: string) {
  const token = await door.tokenOf();
  const payment = await door.app.inject({ method: 'GET', url: `/payments/${impUid}`, headers: { authorization: token } });
  return { state: JSON.stringify(door.sandbox.export()), payment: payment.body };
}

async function restart(t: Test, door: App, file: string) {
  await door.app.close();
  await door.sandbox.close();
  return startApp(t, { store: new LowdbStore(file) });
}

t.test('every collection round-trips through the column layout and a restart answers the same', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  const impUid = await everyCollection(first);
  const exported = first.sandbox.export();
  for (const name of collectionNames) t.ok((exported[name] as unknown[]).length > 0, `${name} holds records`);
  // An import rewrites the base file: the whole state is then in the column layout, none of it in the journal.
  await first.sandbox.import(exported);
  const before = await answers(first, impUid);
  const text = readFileSync(file, 'utf8');
  t.match(text.split('\n')[0], /"layout":"columns",$/, 'the header names the layout');
  t.ok(/^[\x20-\x7e\n]*$/.test(text), 'ASCII only');
  t.doesNotThrow(() => JSON.parse(text), 'still one JSON document');
  const second = await restart(t, first, file);
  const after = await answers(second, impUid);
  t.equal(after.payment, before.payment, 'the payment answers byte for byte');
  t.equal(after.state, before.state, 'the export is the same, key order included');
});

t.test('a file of the one-record-per-line layout is still read and answers the same', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  const impUid = await everyCollection(first);
  const before = await answers(first, impUid);
  await first.app.close();
  await first.sandbox.close();
  const old = tempFile();
  writeLineLayout(old, first.sandbox.export(), 'old-generation');
  const second = await startApp(t, { store: new LowdbStore(old) });
  const after = await answers(second, impUid);
  t.equal(after.payment, before.payment, 'the payment answers byte for byte');
  t.equal(after.state, before.state, 'the export is the same, key order included');
  // Its next full write moves it to the column layout.
  await second.sandbox.import(second.sandbox.export());
  t.match(readFileSync(old, 'utf8').split('\n')[0], /"layout":"columns"/);
});

t.test('the export stays plain JSON equal to what was imported', async (t) => {
  const source = await startApp(t);
  await everyCollection(source);
  const state = (await source.send('GET', '/sandbox/state')).body;
  const file = tempFile();
  const door = await startApp(t, { store: new LowdbStore(file) });
  t.equal((await door.send('PUT', '/sandbox/state', { json: state })).status, 200);
  const second = await restart(t, door, file);
  const again = await second.send('GET', '/sandbox/state');
  t.same(again.body.response, state.response, 'the same records, as objects');
  t.notOk(JSON.stringify(again.body).includes('"shape"'), 'no trace of the layout');
});

t.test('a broken column-layout file is refused, naming the line, and left untouched', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  await everyCollection(first);
  await first.sandbox.import(first.sandbox.export());
  await first.app.close();
  await first.sandbox.close();
  const good = readFileSync(file, 'utf8');
  const record = good.split('\n').findIndex((line) => line.startsWith('[0,')) + 1;
  const cases: [string, string, RegExp][] = [
    ['a broken record', good.replace(/\n\[0,/, '\n[0,,'), new RegExp(`line ${record}: not valid JSON`)],
    ['a shape never declared', good.replace(/\n\[0,/, '\n[7,'), new RegExp(`line ${record}: a record of a shape not declared`)],
    ['a value missing', good.replace(/\n\[0,[^,]*,/, '\n[0,'), new RegExp(`line ${record}: a record of \\d+ values where its shape has`)],
    ['a broken shape', good.replace('{"shape":[', '{"shape":[1,'), /line \d+: neither a record/],
    ['an unknown layout', good.replace('"layout":"columns"', '"layout":"rows"'), /line 1: a layout this version does not know .*"rows"/],
    ['cut short', good.slice(0, good.indexOf('\n', good.length / 2) + 1), /the file ends before the snapshot does/],
  ];
  for (const [name, text, reason] of cases) {
    writeFileSync(file, text);
    await t.rejects(startApp(t, { store: new LowdbStore(file) }), { name: 'UnreadableDataFileError', message: reason }, name);
    t.equal(readFileSync(file, 'utf8'), text, `${name}: left untouched`);
  }
});

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { emptySnapshot } from '../../src/core/state/snapshot.js';
import { LowdbStore } from '../../src/server.js';
import { merchantA, merchantB, START, startApp } from '../helpers/doors.js';
import { tempDir } from '../helpers/temp-dir.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const tempFile = () => join(tempDir('iamport-journal-'), 'db.json');

/** Exercises every kind of stored change: the file store must bring back exactly what the sandbox holds. */
async function everyKindOfChange(door: Awaited<ReturnType<typeof startApp>>) {
  const { sandbox } = door;
  const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-1', customer_uid: 'k-1', ...card, amount: 1000 } });
  await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.body.response.imp_uid, amount: 100 } });
  await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-2', customer_uid: 'k-2', ...card, amount: 10 } });
  await door.call('DELETE', '/subscribe/customers/k-2');
  await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-3', card_number: '4000000000000051', expiry: '2030-01', amount: 5 } });
  const at = START / 1000 + 3600;
  await door.call('POST', '/subscribe/payments/schedule', {
    json: { customer_uid: 'k-1', schedules: [{ merchant_uid: 's-1', schedule_at: at, amount: 300, name: 'a' }, { merchant_uid: 's-2', schedule_at: at + 60, amount: 300, name: 'b' }] },
  });
  await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'k-1', merchant_uid: ['s-2'] } });
  sandbox.control.setWebhook(merchantA.code, { url: 'http://127.0.0.1:9/unreachable', content_type: 'json', retry: false });
  await sandbox.advance(2 * 3600 * 1000);
  await sandbox.webhooks.settle();
  await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'w-1', amount: 2000 } });
  await door.call('PUT', '/payments/prepare', { json: { merchant_uid: 'w-1', amount: 2500 } });
  const opened = await sandbox.window.open({
    merchant_code: merchantA.code,
    params: { pg: 'settle', pay_method: 'vbank', merchant_uid: 'w-1', amount: 2500, name: '주문', buyer_tel: '010', company: '회사' },
    user_agent: null,
  });
  const impUid = opened.body.response.imp_uid!;
  await sandbox.window.approve(impUid);
  await sandbox.window.deposit(impUid);
  await sandbox.advance(29 * 60 * 1000 + 30 * 1000);
  await door.tokenOf(merchantA);
  await door.tokenOf(merchantB);
}

t.test('the journal brings back every kind of change after a restart', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  await everyKindOfChange(first);
  const expected = first.sandbox.export();
  t.ok(expected.schedules!.length === 2 && expected.webhook_deliveries!.length > 0 && expected.prepared!.length === 1, 'the scenario touched every collection');
  t.ok(readFileSync(`${file}.journal`, 'utf8').length > 0, 'changes went to the journal');
  await first.app.close();
  await first.sandbox.close();

  const second = await startApp(t, { store: new LowdbStore(file) });
  t.same(second.sandbox.export(), expected);
});

t.test('a reset rewrites the base file; a torn last line is dropped; older generations are ignored', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'before-reset', ...card, amount: 1 } }, merchantB);
  const stale = readFileSync(`${file}.journal`, 'utf8');
  await first.sandbox.reset(merchantB.code);
  t.equal(readFileSync(`${file}.journal`, 'utf8'), '', 'a reset starts a new journal');
  await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'after-reset', ...card, amount: 2 } });
  const expected = first.sandbox.export();
  await first.app.close();
  await first.sandbox.close();

  // What a crash can leave behind: a line of the previous generation, and a line cut short.
  appendFileSync(`${file}.journal`, stale);
  appendFileSync(`${file}.journal`, '{"generation":"g","seq":99,"changes":[["payments","imps_1",');
  const restored = await new LowdbStore(file).load();
  t.same(restored, expected);

  appendFileSync(`${file}.journal`, '\n{"generation":"g","seq":1,"changes":[]}\n');
  await t.rejects(new LowdbStore(file).load(), /line \d+ is not valid JSON/, 'a broken line in the middle is not silently skipped');
});

t.test('a journal left beside a replaced base file is not applied to it', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'j-1', ...card, amount: 1 } });
  await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'j-2', ...card, amount: 1 } });
  await first.app.close();
  await first.sandbox.close();
  t.ok(readFileSync(`${file}.journal`, 'utf8').includes('j-2'));
  const fresh = { version: 1, seq: 0, tokens: [], payments: [], billing_keys: [] };
  writeFileSync(file, JSON.stringify(fresh));
  t.same(await new LowdbStore(file).load(), emptySnapshot(), 'the fresh base file, with the collections it predates empty');
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { LowdbStore } from '../../src/storage/lowdb-store.js';
import { START, merchantA, startApp } from '../helpers/doors.js';
import { card, isEnvelope } from '../helpers/processes.js';

// Races the other concurrency tests leave out: schedules on one merchant_uid, reset and import while charges are
// being written, and many getToken calls in a token's last minute. The file store is used throughout: its commits
// are asynchronous, so requests interleave between a change and its answer.

const N = 50;

function dataFile(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-races-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'data.json');
}

t.test(`${N} concurrent schedules of one merchant_uid: exactly one is scheduled`, async (t) => {
  const door = await startApp(t, { store: new LowdbStore(dataFile(t)) });
  await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: 'issue', customer_uid: 'key', amount: 1000 } });
  const auth = { authorization: `Bearer ${await door.tokenOf()}` };
  const answers = await Promise.all(
    Array.from({ length: N }, () =>
      door.send('POST', '/subscribe/payments/schedule', {
        headers: auth,
        json: { customer_uid: 'key', schedules: [{ merchant_uid: 'monthly', schedule_at: START / 1000 + 60, amount: 500, name: 'x' }] },
      }),
    ),
  );
  t.equal(answers.filter((a) => a.body.code === 0).length, 1, 'one request scheduled it');
  t.ok(answers.every((a) => a.status === 200 && (a.body.code === 0 || a.body.code === 1)), 'the others are refused with code 1');
  t.equal(door.sandbox.schedules.list().length, 1);
});

t.test('a schedule whose merchant_uid is paid by `again` just before it is due pays nothing twice', async (t) => {
  const door = await startApp(t, { store: new LowdbStore(dataFile(t)) });
  await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: 'issue', customer_uid: 'key', amount: 1000 } });
  await door.call('POST', '/subscribe/payments/schedule', {
    json: { customer_uid: 'key', schedules: [{ merchant_uid: 'renewal', schedule_at: START / 1000 + 60, amount: 500, name: 'x' }] },
  });
  const auth = { authorization: `Bearer ${await door.tokenOf()}` };
  const [charged] = await Promise.all([
    door.send('POST', '/subscribe/payments/again', { headers: auth, json: { customer_uid: 'key', merchant_uid: 'renewal', amount: 500 } }),
    door.sandbox.advance(60_000),
  ]);
  t.equal(charged!.body.code === 0 || charged!.body.code === 1, true, 'again answers as charge or refusal');
  const paid = door.sandbox.export().payments.filter((p) => p.payment.merchant_uid === 'renewal' && p.payment.status === 'paid');
  t.equal(paid.length, 1, 'exactly one paid payment for the merchant_uid');
  t.equal(door.sandbox.schedules.list()[0]!.schedule_status, 'executed');
});

t.test('reset and import while charges are being written: every answer an envelope, memory and disk agree', async (t) => {
  const file = dataFile(t);
  const door = await startApp(t, { store: new LowdbStore(file) });
  const auth = { authorization: `Bearer ${await door.tokenOf()}` };
  await door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { ...card, merchant_uid: 'before', amount: 1000 } });
  const earlier = (await door.send('GET', '/sandbox/state')).body.response;
  const charge = (i: number) =>
    door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { ...card, merchant_uid: `race-${i}`, amount: 1000 + i } });
  const answers = await Promise.all([
    ...Array.from({ length: N }, (_, i) => charge(i)),
    door.send('POST', '/sandbox/reset', { json: { merchant: merchantA.code, keep_clock: true } }),
    ...Array.from({ length: N }, (_, i) => charge(N + i)),
    door.send('PUT', '/sandbox/state', { json: earlier }),
    ...Array.from({ length: N }, (_, i) => charge(2 * N + i)),
  ]);
  t.ok(answers.every((a) => isEnvelope(a.body) && a.status < 500), 'no 5xx, every answer an envelope');
  const inMemory = door.sandbox.export();
  await door.app.close();
  await door.sandbox.close();
  const reopened = await startApp(t, { store: new LowdbStore(file) });
  t.same(reopened.sandbox.export(), inMemory, 'a restart brings back exactly what memory held');
});

t.test(`${N} getToken calls in the token's last minute extend it once`, async (t) => {
  const door = await startApp(t, { store: new LowdbStore(dataFile(t)) });
  const credentials = { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };
  const first = (await door.send('POST', '/users/getToken', { json: credentials })).body.response;
  await door.sandbox.advance((29 * 60 + 30) * 1000);
  const answers = await Promise.all(Array.from({ length: N }, () => door.send('POST', '/users/getToken', { json: credentials })));
  const tokens = new Set(answers.map((a) => a.body.response.access_token));
  const expiries = new Set(answers.map((a) => a.body.response.expired_at));
  t.same([...tokens], [first.access_token], 'the same token for everyone');
  t.same([...expiries], [first.expired_at + 5 * 60], 'extended by 5 minutes once, not once per call');
});

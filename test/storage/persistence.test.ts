import { join } from 'node:path';
import t from 'tap';
import { LowdbStore } from '../../src/server.js';
import { startApp } from '../helpers/doors.js';
import { tempDir } from '../helpers/temp-dir.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const tempFile = () => join(tempDir('iamport-sandbox-'), 'db.json');

t.test('with a data file, a restart restores payments, billing keys and tokens', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  const token = await first.tokenOf();
  const paid = await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'p-1', customer_uid: 'k-1', ...card, amount: 1000 } });
  await first.call('POST', '/payments/cancel', { json: { imp_uid: paid.body.response.imp_uid, amount: 100 } });
  const onDisk = (await new LowdbStore(file).load())!;
  t.equal(onDisk.payments.length, 1, 'the answer was sent after the write reached the file');
  t.equal(onDisk.payments[0]!.payment.cancel_amount, 100);
  await first.app.close();
  await first.sandbox.close();

  const second = await startApp(t, { store: new LowdbStore(file) });
  const auth = { authorization: token };
  const restored = await second.send('GET', `/payments/${paid.body.response.imp_uid}`, { headers: auth });
  t.equal(restored.status, 200, 'the old token still works');
  t.equal(restored.body.response.cancel_amount, 100);
  t.equal((await second.send('GET', '/subscribe/customers/k-1', { headers: auth })).status, 200);
  const dup = await second.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { merchant_uid: 'p-1', ...card, amount: 1 } });
  t.equal(dup.body.code, 1, 'uniqueness survives the restart');
  const next = await second.send('POST', '/subscribe/payments/again', { headers: auth, json: { merchant_uid: 'p-2', customer_uid: 'k-1', amount: 5 } });
  t.equal(next.body.code, 0);
  t.not(next.body.response.imp_uid, paid.body.response.imp_uid);
});

t.test('writes arriving together share one flush, and every one is durable when answered', async (t) => {
  const file = tempFile();
  const store = new LowdbStore(file);
  const door = await startApp(t, { store });
  const token = await door.tokenOf();
  const flushesBefore = store.flushes;
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      door.send('POST', '/subscribe/payments/onetime', { headers: { authorization: token }, json: { merchant_uid: `burst-${i}`, ...card, amount: 100 } }),
    ),
  );
  t.ok(answers.every((a) => a.body.code === 0));
  const flushes = store.flushes - flushesBefore;
  t.ok(flushes < 50, `50 writes took ${flushes} flushes`);
  t.equal((await new LowdbStore(file).load())!.payments.length, 50);
});

t.test('a failed write is answered 503 and leaves no half-written record', async (t) => {
  const store = new LowdbStore(join(tempFile(), 'no-such-dir', 'db.json'));
  const door = await startApp(t, { store });
  const res = await door.send('POST', '/users/getToken', { json: { imp_key: '7486213512445823', imp_secret: 'sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL' } });
  t.equal(res.status, 503);
  t.match(res.body, { code: -1, response: null });
  t.same(door.sandbox.export().tokens, [], 'the token that could not be stored was taken back');
});

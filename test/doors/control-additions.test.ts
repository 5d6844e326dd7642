import t from 'tap';
import { forEachDoor, merchantA, merchantB } from '../helpers/doors.js';

// The control operations the dashboard stands on: merchants without secrets, a change counter, a cancel without a token.

forEachDoor(t, async (t, start) => {
  t.test('merchants are listed with their MIDs and without credentials', async (t) => {
    const door = await start();
    const listed = (await door.send('GET', '/sandbox/merchants')).body.response;
    t.match(listed, [
      { code: merchantA.code, name: merchantA.name, default_mid: merchantA.settle.default_mid, mids: merchantA.settle.mids },
      { code: merchantB.code, billing_key_api: true },
    ]);
    const text = JSON.stringify(listed);
    t.notOk(text.includes(merchantA.imp_secret) || text.includes(merchantA.imp_key), 'no key or secret');
  });

  t.test('the change counter grows with a charge; a control cancel uses the vendor rule', async (t) => {
    const door = await start();
    const before = (await door.send('GET', '/sandbox/changes')).body.response;
    t.match(before, { version: Number, clock: { frozen: Boolean } });
    const paid = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'dash-1', amount: 5000, card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' },
    });
    const after = (await door.send('GET', '/sandbox/changes')).body.response;
    t.ok(after.version > before.version, 'a charge moves the counter');
    const impUid = paid.body.response.imp_uid;
    const partial = await door.send('POST', `/sandbox/payments/${impUid}/cancel`, { json: { amount: 2000, reason: '부분취소' } });
    t.match(partial.body.response, { status: 'cancelled', cancel_amount: 2000, cancel_history: [{ amount: 2000, reason: '부분취소' }] });
    const over = await door.send('POST', `/sandbox/payments/${impUid}/cancel`, { json: { amount: 9000 } });
    t.match(over, { status: 200, body: { code: 1, response: null } });
    const rest = await door.send('POST', `/sandbox/payments/${impUid}/cancel`, { json: {} });
    t.equal(rest.body.response.cancel_amount, 5000);
    const unknown = await door.send('POST', '/sandbox/payments/imp_000000000000/cancel', { json: {} });
    t.equal(unknown.status, 404);
  });
});

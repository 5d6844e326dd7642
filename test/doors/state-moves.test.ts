import t, { type Test } from 'tap';
import type { Snapshot } from '../../src/index.js';
import { doorNames, forEachDoor, merchantA, startDoor, type Door, type DoorName } from '../helpers/doors.js';

// A state moves as users move it: what GET /sandbox/state answers, saved as it is, goes back with PUT.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const MiB = 1024 * 1024;

/** A state of `count` payments cloned from one real one: quicker than charging each. */
async function bigState(door: Door, count: number): Promise<Snapshot> {
  await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'seed', amount: 1000, ...card } });
  const state = door.sandbox.export();
  const [record] = state.payments;
  state.payments = Array.from({ length: count }, (_, i) => {
    const uid = `${record!.payment.imp_uid.slice(0, -6)}${String(i).padStart(6, '0')}`;
    return { ...record!, payment: { ...record!.payment, imp_uid: uid, merchant_uid: `order-${i}` } };
  });
  return state;
}

forEachDoor(t, async (t, start) => {
  t.test("PUT /sandbox/state takes GET's answer as it is, envelope included", async (t) => {
    const door = await start();
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'kept', amount: 1000, ...card } });
    const tenant = (await door.send('POST', '/sandbox/tenants')).body.response;
    const saved = (await door.send('GET', '/sandbox/state')).body;
    t.match(saved, { code: 0, message: null, response: { version: 1 } });
    await door.send('POST', '/sandbox/reset');
    await door.send('DELETE', `/sandbox/tenants/${tenant.code}`);

    const imported = await door.send('PUT', '/sandbox/state', { json: saved });
    t.equal(imported.status, 200);
    t.same(imported.body.response, { payments: 1, billing_keys: 0, schedules: 0 });
    t.equal((await door.call('GET', `/payments/${paid.body.response.imp_uid}`)).body.response.merchant_uid, 'kept');
    const token = await door.send('POST', '/users/getToken', { json: { imp_key: tenant.imp_key, imp_secret: tenant.imp_secret } });
    t.equal(token.status, 200, 'the tenant came back with the state, its secret still opening it');
    t.same((await door.send('GET', '/sandbox/state')).body, { ...saved, response: { ...saved.response, tokens: door.sandbox.export().tokens } });

    const before = JSON.stringify(door.sandbox.export());
    for (const junk of [{ ...saved, code: 1 }, { ...saved, response: { version: 2 } }, { code: 0, message: null }]) {
      const refused = await door.send('PUT', '/sandbox/state', { json: junk });
      t.equal(refused.status, 400, `refused: ${JSON.stringify(junk).slice(0, 40)}`);
      t.equal(refused.body.code, -1);
    }
    t.equal(JSON.stringify(door.sandbox.export()), before, 'a refused import changes nothing');
  });
});

for (const name of doorNames) {
  t.test(`a state over 1 MiB goes in through the ${name} door; other bodies keep the 1 MiB limit`, (t) => bigImport(t, name));
}

async function bigImport(t: Test, name: DoorName): Promise<void> {
  const door = await startDoor(t, name);
  const state = await bigState(door, 1500);
  const text = JSON.stringify({ code: 0, message: null, response: state });
  t.ok(text.length > MiB, `${(text.length / MiB).toFixed(1)} MiB`);
  const imported = await door.send('PUT', '/sandbox/state', { payload: text, headers: { 'content-type': 'application/json' } });
  t.equal(imported.status, 200);
  t.equal(imported.body.response.payments, 1500);
  t.equal((await door.call('GET', '/payments/find/order-1499')).body.response.amount, 1000);

  const elsewhere = await door.send('POST', '/sandbox/reset', { payload: text, headers: { 'content-type': 'application/json' } });
  t.equal(elsewhere.status, 413, 'another control route still stops at 1 MiB');
  const vendor = await door.send('POST', '/users/getToken', { payload: text, headers: { 'content-type': 'application/json' } });
  t.equal(vendor.status, 413);
  t.equal(door.sandbox.listPayments(merchantA.code).length, 1500);
}

t.test('the 256 MiB allowance is only for a caller the control guard lets through', async (t) => {
  const { buildApp } = await import('../../src/http/app.js');
  const { createSandbox } = await import('../../src/index.js');
  const sandbox = await createSandbox({ seed: 3 });
  const app = await buildApp({ sandbox, controlAccess: { key: 'k-state' } });
  t.teardown(() => app.close());
  const payload = JSON.stringify({ ...sandbox.export(), padding: 'x'.repeat(2 * MiB) });
  const headers = { 'content-type': 'application/json' };
  const withoutKey = await app.inject({ method: 'PUT', url: '/sandbox/state', headers, payload });
  t.equal(withoutKey.statusCode, 401, 'refused by the guard: a large body is no way past it');
  const withKey = await app.inject({ method: 'PUT', url: '/sandbox/state', headers: { ...headers, 'x-sandbox-control-key': 'k-state' }, payload });
  t.equal(withKey.statusCode, 200);
});

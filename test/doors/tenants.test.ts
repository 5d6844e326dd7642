import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';
import { forEachDoor, merchantA, merchantB, type Door } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

type Credentials = typeof merchantA;

/** A tenant made through the control API, shaped as the doors' helpers take a merchant. */
async function tenantOf(door: Door, template?: string): Promise<Credentials & { template: string }> {
  const made = await door.send('POST', '/sandbox/tenants', { json: template ? { template } : {} });
  if (made.status !== 200) throw new Error(`POST /sandbox/tenants answered ${made.status}: ${JSON.stringify(made.body)}`);
  const { code, imp_key, imp_secret, template: from } = made.body.response;
  return { ...merchantA, code, imp_key, imp_secret, template: from };
}

const onetime = (door: Door, merchant: Credentials, merchantUid = 'order-1', customerUid = 'customer-1') =>
  door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: merchantUid, customer_uid: customerUid, amount: 1000, ...card } }, merchant);

forEachDoor(t, async (t, start) => {
  t.test('a tenant is a copy of the first merchant with its own code and credentials, shown once', async (t) => {
    const door = await start();
    const made = await door.send('POST', '/sandbox/tenants');
    t.equal(made.status, 200);
    t.equal(made.body.code, 0);
    const tenant = made.body.response;
    t.match(tenant, { code: /^imp[0-9]{8}$/, template: merchantA.code, name: merchantA.name, imp_key: /^[0-9]{16}$/, imp_secret: /^[0-9a-f]{80}$/ });
    t.not(tenant.code, merchantA.code);
    const other = (await door.send('POST', '/sandbox/tenants', { json: { template: merchantB.code } })).body.response;
    t.equal(other.template, merchantB.code);
    t.not(other.imp_secret, tenant.imp_secret);
    t.not(other.code, tenant.code);

    const listed = await door.send('GET', '/sandbox/tenants');
    t.same(listed.body.response.map((x: { code: string }) => x.code), [tenant.code, other.code]);
    const exported = JSON.stringify((await door.send('GET', '/sandbox/state')).body);
    for (const text of [JSON.stringify(listed.body), exported]) {
      t.notOk(text.includes(tenant.imp_secret), 'the secret is answered only once, and not stored');
    }
    t.notOk(JSON.stringify(listed.body).includes(tenant.imp_key), 'the list shows no imp_key (as GET /sandbox/merchants)');
  });

  t.test("a tenant's token and the template's never read each other's records, with the same uids", async (t) => {
    const door = await start();
    const tenant = await tenantOf(door);
    const ofA = await onetime(door, merchantA);
    const ofT = await onetime(door, tenant);
    t.equal(ofA.body.code, 0);
    t.equal(ofT.body.code, 0, 'the same merchant_uid and customer_uid are free in the tenant');
    t.not(ofA.body.response.imp_uid, ofT.body.response.imp_uid);
    for (const [merchant, own, foreign] of [
      [tenant, ofT, ofA],
      [merchantA, ofA, ofT],
    ] as const) {
      t.equal((await door.call('GET', `/payments/${foreign.body.response.imp_uid}`, {}, merchant)).status, 404, "another's imp_uid is not found");
      const byUid = await door.call('GET', '/payments/find/order-1', {}, merchant);
      t.equal(byUid.body.response.imp_uid, own.body.response.imp_uid, 'a merchant_uid finds only its own payment');
      t.equal((await door.call('GET', '/subscribe/customers/customer-1', {}, merchant)).body.code, 0, 'each has its own billing key');
      const cancelForeign = await door.call('POST', '/payments/cancel', { json: { imp_uid: foreign.body.response.imp_uid } }, merchant);
      t.not(cancelForeign.body.code, 0, "another's payment cannot be cancelled");
    }
    await onetime(door, tenant, 'order-2', 'only-tenant');
    t.equal((await door.call('GET', '/subscribe/customers/only-tenant', {}, merchantA)).status, 404, "the template cannot see the tenant's key");
    t.equal((await door.call('GET', '/payments/find/order-2', {}, merchantA)).status, 404);
    t.equal(door.sandbox.listPayments(merchantA.code)[0]!.status, 'paid');
    t.equal(door.sandbox.listPayments(tenant.code)[0]!.status, 'paid');
  });

  t.test('reset of one tenant leaves the others; a full reset keeps every tenant; delete drops one', async (t) => {
    const door = await start();
    const one = await tenantOf(door);
    const two = await tenantOf(door);
    await onetime(door, one);
    await onetime(door, two);
    await onetime(door, merchantA);
    t.same((await door.send('POST', '/sandbox/reset', { json: { merchant: one.code } })).body.response, { reset: one.code });
    t.same(door.sandbox.listPayments(one.code), []);
    t.equal(door.sandbox.listPayments(two.code).length, 1);
    t.equal(door.sandbox.listPayments(merchantA.code).length, 1);

    await door.send('POST', '/sandbox/reset');
    t.same(door.sandbox.listPayments(), []);
    t.equal((await door.send('GET', '/sandbox/tenants')).body.response.length, 2, 'tenants outlive a full reset');
    t.equal((await onetime(door, two, 'after-reset')).body.code, 0, 'and their credentials still open them');

    const token = await door.tokenOf(two);
    t.same((await door.send('DELETE', `/sandbox/tenants/${two.code}`)).body.response, { deleted: two.code });
    t.same(door.sandbox.listPayments(), [], "the tenant's records went with it");
    t.equal((await door.send('GET', '/payments/find/after-reset', { headers: { authorization: token } })).status, 401, 'its token is gone');
    const again = await door.send('POST', '/users/getToken', { json: { imp_key: two.imp_key, imp_secret: two.imp_secret } });
    t.equal(again.status, 401, 'its credentials open nothing');
    t.same((await door.send('GET', '/sandbox/tenants')).body.response.map((x: { code: string }) => x.code), [one.code]);
    t.equal((await door.send('POST', '/sandbox/reset', { json: { merchant: two.code } })).status, 404, 'a dropped tenant is unknown');
  });

  t.test('refusals change nothing', async (t) => {
    const door = await start();
    const tenant = await tenantOf(door);
    const before = JSON.stringify(door.sandbox.export());
    const wrongSecret = await door.send('POST', '/users/getToken', { json: { imp_key: tenant.imp_key, imp_secret: merchantA.imp_secret } });
    t.equal(wrongSecret.status, 401);
    const baseDelete = await door.send('DELETE', `/sandbox/tenants/${merchantA.code}`);
    t.equal(baseDelete.status, 404, 'a merchant of the file is no tenant');
    t.equal(baseDelete.body.code, -1);
    t.equal((await door.send('DELETE', '/sandbox/tenants/imp99999999')).status, 404);
    t.equal((await door.send('DELETE', '/sandbox/tenants/nope')).status, 400);
    t.equal((await door.send('POST', '/sandbox/tenants', { json: { template: 'imp99999999' } })).status, 404);
    t.equal((await door.send('POST', '/sandbox/tenants', { json: { template: tenant.code } })).status, 404, 'a tenant is no template');
    t.equal((await door.send('POST', '/sandbox/tenants', { json: { templat: merchantA.code } })).status, 400, 'a misspelt field');
    t.equal(JSON.stringify(door.sandbox.export()), before);

    const state = door.sandbox.export();
    const shadow = { ...state, tenants: [{ ...state.tenants[0]!, code: merchantB.code }] };
    const refused = await door.send('PUT', '/sandbox/state', { json: shadow });
    t.equal(refused.status, 400, 'an import cannot bring a tenant that shadows a merchant of the file');
    const sameKey = { ...state, tenants: [{ ...state.tenants[0]!, imp_key: merchantB.imp_key }] };
    t.equal((await door.send('PUT', '/sandbox/state', { json: sameKey })).status, 400, 'nor one with a taken imp_key');
    t.equal(JSON.stringify(door.sandbox.export()), before);
  });

  t.test("a tenant's webhook setting is its own and stays in the state", async (t) => {
    const door = await start();
    const tenant = await tenantOf(door);
    const set = await door.send('PUT', `/sandbox/merchants/${tenant.code}/webhook`, { json: { url: 'https://hooks.test/t' } });
    t.equal(set.status, 200);
    t.same(door.sandbox.export().tenants[0]!.webhook, { url: 'https://hooks.test/t', content_type: 'json', retry: false });
    t.same((await door.send('GET', '/sandbox/merchants')).body.response[0].webhook, null, "the template's stays as it was");
  });

  t.test('the Sandbox object makes and drops tenants too', async (t) => {
    const door = await start();
    const tenant = await door.sandbox.control.createTenant(merchantB.code);
    const token = await door.tokenOf({ ...merchantB, ...tenant });
    t.match(token, /^[0-9a-f]{40}$/);
    t.same(door.sandbox.control.listTenants().map((x) => x.code), [tenant.code]);
    await door.sandbox.control.deleteTenant(tenant.code);
    t.same(door.sandbox.control.listTenants(), []);
  });
});

t.test('tenant routes are behind the control guard: no key, no tenant', async (t) => {
  const sandbox = await createSandbox({ seed: 1 });
  const app = await buildApp({ sandbox, controlAccess: { key: 'k-tenants' } });
  t.teardown(() => app.close());
  const refused = await app.inject({ method: 'POST', url: '/sandbox/tenants' });
  t.equal(refused.statusCode, 401);
  t.equal((await app.inject({ method: 'POST', url: '/sandbox/tenants', headers: { host: 'example.test' } })).statusCode, 403);
  t.same(sandbox.control.listTenants(), []);
  const made = await app.inject({ method: 'POST', url: '/sandbox/tenants', headers: { 'x-sandbox-control-key': 'k-tenants' } });
  t.equal(made.statusCode, 200);
  t.equal(sandbox.control.listTenants().length, 1);
});

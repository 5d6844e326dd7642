import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LowdbStore } from '../../src/server.js';
import { merchantA, startApp } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'iamport-sandbox-')), 'db.json');

t.test("a data file may be GET /sandbox/state's answer, saved as it is", async (t) => {
  const source = await startApp(t);
  const paid = await source.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'from-file', amount: 1000, ...card } });
  const file = tempFile();
  writeFileSync(file, JSON.stringify((await source.send('GET', '/sandbox/state')).body, null, 2));

  const restored = await startApp(t, { store: new LowdbStore(file) });
  const found = await restored.call('GET', `/payments/${paid.body.response.imp_uid}`);
  t.equal(found.body.response.merchant_uid, 'from-file');
  t.same(restored.sandbox.export().payments, source.sandbox.export().payments);
});

t.test('tenants outlive a restart with a data file; the file holds no imp_secret', async (t) => {
  const file = tempFile();
  const first = await startApp(t, { store: new LowdbStore(file) });
  const tenant = (await first.send('POST', '/sandbox/tenants')).body.response;
  const credentials = { ...merchantA, ...tenant };
  await first.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'tenant-order', amount: 1000, ...card } }, credentials);
  await first.app.close();
  await first.sandbox.close();
  const text = readFileSync(file, 'utf8');
  t.ok(text.includes(tenant.code), 'the tenant is in the file');
  t.notOk(text.includes(tenant.imp_secret), 'its secret is not: only the digest');

  const second = await startApp(t, { store: new LowdbStore(file) });
  const found = await second.call('GET', '/payments/find/tenant-order', {}, credentials);
  t.equal(found.status, 200, 'the secret shown once still opens the tenant after the restart');
  t.equal((await second.call('GET', '/payments/find/tenant-order')).status, 404, 'and the template still sees none of it');
});

t.test("a data file whose tenant takes a merchant's code is refused at start-up", async (t) => {
  const source = await startApp(t);
  await source.send('POST', '/sandbox/tenants');
  const state = source.sandbox.export();
  state.tenants[0]!.code = merchantA.code;
  const file = tempFile();
  writeFileSync(file, JSON.stringify(state));
  await t.rejects(startApp(t, { store: new LowdbStore(file) }), /does not fit the merchants file/);
  t.equal(readFileSync(file, 'utf8'), JSON.stringify(state), 'the file is left as it was');
});

import { readFileSync } from 'node:fs';
import t from 'tap';
import { startApp } from '../helpers/doors.js';

const committed = JSON.parse(readFileSync(new URL('../../openapi/sandbox.json', import.meta.url), 'utf8'));

t.test('the committed OpenAPI document matches the one the server builds (run `npm run openapi` after changing a schema)', async (t) => {
  const { app } = await startApp(t);
  await app.ready();
  t.same(JSON.parse(JSON.stringify(await app.openapi())), committed);
});

t.test('the document is served as JSON and as a browsable page', async (t) => {
  const { send } = await startApp(t);
  const json = await send('GET', '/docs/json');
  t.equal(json.status, 200);
  t.equal(json.body.openapi, '3.0.3');
  const page = await send('GET', '/docs/');
  t.equal(page.status, 200);
  t.match(page.headers['content-type'], /text\/html/);
});

t.test('operation ids and parameter names are the vendor\'s', async (t) => {
  const ids = new Map<string, string>();
  for (const [path, ops] of Object.entries<Record<string, { operationId: string; parameters?: { name: string }[] }>>(committed.paths)) {
    for (const [method, op] of Object.entries(ops)) ids.set(op.operationId, `${method.toUpperCase()} ${path}`);
  }
  t.equal(ids.get('getToken'), 'POST /users/getToken');
  t.equal(ids.get('onetime'), 'POST /subscribe/payments/onetime');
  t.equal(ids.get('again'), 'POST /subscribe/payments/again');
  t.equal(ids.get('customer_save'), 'POST /subscribe/customers/{customer_uid}');
  t.equal(ids.get('customer_view_multiple'), 'GET /subscribe/customers');
  t.equal(ids.get('getPaymentByMerchantUid'), 'GET /payments/find/{merchant_uid}/{payment_status}');
  t.equal(ids.get('getPaymentListByImpUid'), 'GET /payments');
  t.equal(ids.get('cancelPayment'), 'POST /payments/cancel');
  const multi = committed.paths['/subscribe/customers'].get.parameters.map((p: { name: string }) => p.name);
  t.same(multi, ['customer_uid[]']);
});

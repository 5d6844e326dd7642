import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { merchantA, START } from '../helpers/doors.js';

// The vendor's official Node client (npm `iamport-rest-client-nodejs`, github.com/iamport/rest-client-nodejs),
// unmodified but for its base URL, against a running sandbox: every method it has for an operation served here.
// It is a devDependency; IAMPORT_CLIENT_DIR may point at another install (a folder holding its node_modules).

const PACKAGE = 'iamport-rest-client-nodejs';
const from = process.env['IAMPORT_CLIENT_DIR'] ? join(process.env['IAMPORT_CLIENT_DIR'], 'package.json') : import.meta.url;
let client: any = null;
try {
  client = createRequire(from)(PACKAGE);
} catch {
  if (process.env['CI'] === 'true') t.fail(`${PACKAGE} is not installed`);
  else t.comment(`skipped: ${PACKAGE} is not installed (set IAMPORT_CLIENT_DIR or add the devDependency)`);
}

// axios uses Node's global agent, which keeps connections alive since Node 19: the server could not close
// until they idle out. The client itself is left as it is.
http.globalAgent = new http.Agent({ keepAlive: false });
// One server and ~20 calls through axios; slow on a loaded machine.
t.setTimeout(120_000);

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

if (client) {
  t.test('every served method of the official client works against the sandbox', async (t) => {
    const server = await startServer(loadConfig(['--port', '0', '--seed', '42'], {}));
    t.teardown(() => server.close());
    await server.sandbox.freeze(START);
    const { Iamport, Request } = client;
    const iamport = new Iamport({ apiKey: merchantA.imp_key, apiSecret: merchantA.imp_secret, baseUrl: server.url });
    const call = (request: any) => request.request(iamport).then((res: any) => res.data);
    const refused = (request: any) => request.request(iamport).then(
      () => ({ code: 0 }),
      (error: any) => error.response.data,
    );

    const token = await call(Request.Authenticate.getToken({ imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret }));
    t.match(token.response, { access_token: /^[0-9a-f]{40}$/ }, 'Authenticate.getToken');
    const paid = await call(Request.Subscribe.onetime({ ...card, merchant_uid: 'c-1', customer_uid: 'cu-1', amount: 1000, name: '첫 결제' }));
    t.match(paid.response, { status: 'paid', customer_uid: 'cu-1' }, 'Subscribe.onetime');
    const again = await call(Request.Subscribe.again({ customer_uid: 'cu-1', merchant_uid: 'c-2', amount: 2000, name: '재결제' }));
    t.match(again.response, { status: 'paid', amount: 2000 }, 'Subscribe.again');
    const at = START / 1000 + 3600;
    const scheduled = await call(Request.Subscribe.schedule({ customer_uid: 'cu-1', schedules: [{ merchant_uid: 'c-3', schedule_at: at, amount: 500 }, { merchant_uid: 'c-4', schedule_at: at, amount: 500 }] }));
    t.equal(scheduled.response.length, 2, 'Subscribe.schedule');
    t.match((await call(Request.Subscribe.getScheduled({ merchant_uid: 'c-3' }))).response, { schedule_status: 'scheduled' }, 'Subscribe.getScheduled');
    const byCustomer = await call(Request.Subscribe.getScheduleds({ customer_uid: 'cu-1', from: at - 1, to: at + 1, 'schedule-status': 'scheduled' }));
    t.equal(byCustomer.response.list.length, 2, 'Subscribe.getScheduleds');
    t.match((await call(Request.Subscribe.unschedule({ customer_uid: 'cu-1', merchant_uid: 'c-4' }))).response, [{ merchant_uid: 'c-4', schedule_status: 'revoked' }], 'Subscribe.unschedule');

    t.match((await call(Request.Customers.getBillingKey({ customer_uid: 'cu-1' }))).response, { customer_uid: 'cu-1' }, 'Customers.getBillingKey');
    t.equal((await call(Request.Customers.getBillingKeys({ customer_uid: ['cu-1'] }))).response.length, 1, 'Customers.getBillingKeys');
    t.equal((await call(Request.Customers.getPayments({ customer_uid: 'cu-1' }))).response.list.length, 2, 'Customers.getPayments');
    t.match(await refused(Request.Customers.postBillingKey({ customer_uid: 'cu-2', ...card, customer_name: 'a', customer_tel: '010', customer_email: 'a@b.c', customer_addr: 'x', customer_postcode: '1' })), { code: 1 }, 'Customers.postBillingKey is refused for Settle');

    t.match((await call(Request.Payments.getByImpUid({ imp_uid: paid.response.imp_uid }))).response, { merchant_uid: 'c-1' }, 'Payments.getByImpUid');
    t.equal((await call(Request.Payments.getByImpUids({ imp_uid: [paid.response.imp_uid] }))).response.length, 1, 'Payments.getByImpUids');
    t.match((await call(Request.Payments.getByMerchantUid({ merchant_uid: 'c-2', status: 'paid' }))).response, { amount: 2000 }, 'Payments.getByMerchantUid');
    t.match((await call(Request.Payments.cancel({ imp_uid: paid.response.imp_uid, amount: 300, reason: '부분취소' }))).response, { status: 'cancelled', cancel_amount: 300 }, 'Payments.cancel');

    t.match((await call(Request.Prepare.postAmount({ merchant_uid: 'w-1', amount: 1004 }))).response, { merchant_uid: 'w-1', amount: 1004 }, 'Prepare.postAmount');
    t.match((await call(Request.Prepare.getAmount({ merchant_uid: 'w-1' }))).response, { amount: 1004 }, 'Prepare.getAmount');

    t.match((await call(Request.Customers.deleteBillingKey({ customer_uid: 'cu-1' }))).response, { customer_uid: 'cu-1' }, 'Customers.deleteBillingKey');
  });
}

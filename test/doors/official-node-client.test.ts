import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { merchantA, merchantB, START } from '../helpers/doors.js';

// The vendor's official Node client (npm `iamport-rest-client-nodejs`, github.com/iamport/rest-client-nodejs),
// unmodified but for its base URL, against a running sandbox: every method it has for an operation served here (and
// the ones for operations the vendor refuses a Settle merchant, which must be refused as it does). It converts the
// API's unix seconds into Dates.
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
    const scheduled = await call(Request.Subscribe.schedule({ customer_uid: 'cu-1', schedules: [{ merchant_uid: 'c-3', schedule_at: at, amount: 500, name: 'x' }, { merchant_uid: 'c-4', schedule_at: at, amount: 500, name: 'x' }] }));
    t.equal(scheduled.response.length, 2, 'Subscribe.schedule');
    t.match((await call(Request.Subscribe.getScheduled({ merchant_uid: 'c-3' }))).response, { schedule_status: 'scheduled' }, 'Subscribe.getScheduled');
    const byCustomer = await call(Request.Subscribe.getScheduleds({ customer_uid: 'cu-1', from: at - 1, to: at + 1, 'schedule-status': 'scheduled' }));
    t.equal(byCustomer.response.list.length, 2, 'Subscribe.getScheduleds');
    t.match((await call(Request.Subscribe.unschedule({ customer_uid: 'cu-1', merchant_uid: 'c-4' }))).response, [{ merchant_uid: 'c-4', schedule_status: 'revoked' }], 'Subscribe.unschedule');

    t.match((await call(Request.Customers.getBillingKey({ customer_uid: 'cu-1' }))).response, { customer_uid: 'cu-1' }, 'Customers.getBillingKey');
    t.equal((await call(Request.Customers.getBillingKeys({ customer_uid: ['cu-1'] }))).response.length, 1, 'Customers.getBillingKeys');
    t.equal((await call(Request.Customers.getPayments({ customer_uid: 'cu-1' }))).response.list.length, 2, 'Customers.getPayments');
    t.match(await refused(Request.Customers.postBillingKey({ customer_uid: 'cu-2', pg: 'settle', ...card, customer_name: 'a', customer_tel: '010', customer_email: 'a@b.c', customer_addr: 'x', customer_postcode: '1' })), { code: 1 }, 'Customers.postBillingKey is refused for Settle');

    t.match((await call(Request.Payments.getByImpUid({ imp_uid: paid.response.imp_uid }))).response, { merchant_uid: 'c-1' }, 'Payments.getByImpUid');
    t.equal((await call(Request.Payments.getByImpUids({ imp_uid: [paid.response.imp_uid] }))).response.length, 1, 'Payments.getByImpUids');
    t.match((await call(Request.Payments.getByMerchantUid({ merchant_uid: 'c-2', status: 'paid' }))).response, { amount: 2000 }, 'Payments.getByMerchantUid');
    t.match((await call(Request.Payments.cancel({ imp_uid: paid.response.imp_uid, amount: 300, reason: '부분취소' }))).response, { status: 'cancelled', cancel_amount: 300 }, 'Payments.cancel');

    t.match((await call(Request.Prepare.postAmount({ merchant_uid: 'w-1', amount: 1004 }))).response, { merchant_uid: 'w-1', amount: 1004 }, 'Prepare.postAmount');
    t.match((await call(Request.Prepare.getAmount({ merchant_uid: 'w-1' }))).response, { amount: 1004 }, 'Prepare.getAmount');

    const customerSchedules = await call(Request.Customers.getScheduleds({ customer_uid: 'cu-1', page: 1, from: at - 1, to: at + 1, 'schedule-status': 'scheduled' }));
    t.same(customerSchedules.response.list.map((s: any) => s.merchant_uid), ['c-3'], 'Customers.getScheduleds');
    t.match((await call(Request.Customers.deleteBillingKey({ customer_uid: 'cu-1' }))).response, { customer_uid: 'cu-1' }, 'Customers.deleteBillingKey');

    const attempts = await call(Request.Payments.getByMerchantUids({ merchant_uid: 'c-2', status: 'paid', page: 1, sorting: '-started' }));
    t.match(attempts.response, { total: 1, list: [{ merchant_uid: 'c-2', amount: 2000 }] }, 'Payments.getByMerchantUids');
    const byStatus = await call(Request.Payments.getByStatus({ status: 'paid', page: 1, limit: 20, from: START / 1000 - 60, to: START / 1000 + 60, sorting: '-started' }));
    t.same(byStatus.response.list.map((p: any) => p.merchant_uid), ['c-2'], 'Payments.getByStatus (c-1 is cancelled now)');
    t.match(await refused(Request.Payments.getAmountByImpUid({ imp_uid: paid.response.imp_uid })), { code: 1, message: '현재 지원되지 않는 PG사입니다.' }, 'Payments.getAmountByImpUid: not for a Settle payment');

    t.same((await call(Request.Banks.getBanks())).response.find((bank: any) => bank.code === '004'), { code: '004', name: 'KB국민은행' }, 'Banks.getBanks');
    t.same((await call(Request.Banks.getBank({ code: '088' }))).response, { code: '088', name: '신한은행' }, 'Banks.getBank');
    t.ok((await call(Request.Cards.getCards())).response.length > 10, 'Cards.getCards');
    t.match((await call(Request.Cards.getCard({ code: '361' }))).response, { code: '361' }, 'Cards.getCard');

    const person = { identifier: '01012345678', identifier_type: 'phone' };
    const external = await call(Request.External.postReceipt({ merchant_uid: 'cash-1', pg: 'settle', name: '현장 현금결제', amount: 22000, ...person }));
    t.match(external.response, { merchant_uid: 'cash-1', amount: 22000 }, 'External.postReceipt');
    t.same((await call(Request.External.getReceipt({ merchant_uid: 'cash-1' }))).response, external.response, 'External.getReceipt');
    t.match((await call(Request.External.deleteReceipt({ merchant_uid: 'cash-1' }))).response, { merchant_uid: 'cash-1', cancelled_at: new Date(START) }, 'External.deleteReceipt');

    // Virtual accounts through the API need their own contract: merchant B has it, merchant A does not.
    // The client predates channel_key: it names the PG with `pg`, which the sandbox takes in its place.
    const account = { pg: 'settle', merchant_uid: 'v-1', amount: 11000, vbank_code: '088', vbank_due: START / 1000 + 86400, vbank_holder: '상점' };
    t.match(await refused(Request.Vbanks.post(account)), { code: 1 }, 'Vbanks.post without the contract');
    const shopB = new Iamport({ apiKey: merchantB.imp_key, apiSecret: merchantB.imp_secret, baseUrl: server.url });
    const callB = (request: any) => request.request(shopB).then((res: any) => res.data);
    const issued = await callB(Request.Vbanks.post(account));
    t.match(issued.response, { status: 'ready', pay_method: 'vbank', vbank_code: '088', amount: 11000 }, 'Vbanks.post');
    const impUid: string = issued.response.imp_uid;
    t.match((await callB(Request.Vbanks.put({ imp_uid: impUid, amount: 12000 }))).response, { amount: 12000 }, 'Vbanks.put');
    await server.sandbox.window.deposit(impUid);
    const receipt = await callB(Request.Receipts.postReceipt({ imp_uid: impUid, ...person }));
    t.match(receipt.response, { imp_uid: impUid, amount: 12000 }, 'Receipts.postReceipt');
    t.match((await callB(Request.Payments.getByImpUid({ imp_uid: impUid }))).response, { status: 'paid', cash_receipt_issued: true });
    t.match((await callB(Request.Receipts.deleteReceipt({ imp_uid: impUid }))).response, { imp_uid: impUid, cancelled_at: new Date(START) }, 'Receipts.deleteReceipt');
    const shopBRefused = (request: any) => request.request(shopB).then(() => ({ code: 0 }), (error: any) => ({ status: error.response.status, ...error.response.data }));
    t.match(await shopBRefused(Request.Receipts.getReceipt({ imp_uid: impUid })), { status: 501, code: 1 }, 'Receipts.getReceipt: the vendor does not list Settle');
    const other = await callB(Request.Vbanks.post({ ...account, merchant_uid: 'v-2' }));
    t.match((await callB(Request.Vbanks.delete({ imp_uid: other.response.imp_uid }))).response, { status: 'cancelled' }, 'Vbanks.delete');
  });
}

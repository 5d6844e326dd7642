import t from 'tap';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { createRouter } from '../../src/api/router.js';
import { Envelope, ErrorEnvelopeSchema } from '../../src/contract/common.js';
import { check } from '../../src/contract/validation.js';
import { defaultMerchants } from '../../src/index.js';
import { START, doorNames, merchantA, merchantB, merchantC, startDoor, type Door, type Reply, type SendInit } from '../helpers/doors.js';

// One scripted conversation, played through each door on the same seed and frozen clock. Nothing is
// normalised: the same seed yields the same ids and times, so every answer must be identical. Access tokens
// come from the cryptographic generator, not the seed; here each door gets the same counter instead.

interface Step {
  label: string;
  method: string;
  url: string;
  /** What the script means to provoke, checked so the script cannot quietly stop exercising it. */
  expected: number;
  reply: Reply;
}

// light-my-request adds a user agent of its own and fetch adds none; stating one makes the requests identical
// (the user agent is stored on every payment).
const client = { 'user-agent': 'parity-test/1.0' };
const credentials = { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

async function play(door: Door): Promise<Step[]> {
  const steps: Step[] = [];
  const send = async (label: string, expected: number, method: string, url: string, init: SendInit = {}) => {
    const reply = await door.send(method, url, { ...init, headers: { ...client, ...init.headers } });
    steps.push({ label, method, url, expected, reply });
    return reply;
  };

  // getToken, and every way of carrying the token.
  const token = (await send('getToken (JSON)', 200, 'POST', '/users/getToken', { json: credentials })).body.response.access_token;
  await send('getToken (form)', 200, 'POST', '/users/getToken', { form: credentials });
  await send('getToken with a wrong secret', 401, 'POST', '/users/getToken', { json: { ...credentials, imp_secret: 'nope' } });
  await send('getToken without a secret', 400, 'POST', '/users/getToken', { form: { imp_key: merchantA.imp_key } });
  await send('getToken without a body', 400, 'POST', '/users/getToken');
  const auth = { authorization: `Bearer ${token}` };
  const carriers: [string, string, Record<string, string>][] = [
    ['raw Authorization', '', { authorization: token }],
    ['Authorization: Bearer', '', auth],
    ['lower-case bearer', '', { authorization: `bearer ${token}` }],
    ['X-ImpTokenHeader', '', { 'x-imptokenheader': token }],
    ['?_token=', `?_token=${token}`, {}],
  ];
  for (const [carrier, query, headers] of carriers) {
    await send(`token as ${carrier}`, 404, 'GET', `/payments/imps_000000000000${query}`, { headers });
  }
  await send('no token', 401, 'GET', '/payments/imps_000000000000');
  await send('an unknown token', 401, 'GET', '/payments/imps_000000000000', { headers: { authorization: 'f'.repeat(40) } });
  await send('the token is checked before the body', 401, 'POST', '/subscribe/payments/onetime', { json: {} });

  // Charges: onetime (issuing a billing key), its decline and its duplicate, then again.
  const issued = await send('onetime issuing a billing key', 200, 'POST', '/subscribe/payments/onetime', {
    headers: auth,
    json: { merchant_uid: 'order-1', customer_uid: 'cu-1', ...card, amount: 10000, name: '정기구독', buyer_name: '홍길동' },
  });
  await send('onetime (form)', 200, 'POST', '/subscribe/payments/onetime', {
    headers: auth,
    form: { merchant_uid: 'order-2', card_number: '5327000011112222', expiry: '203001', amount: '5000' },
  });
  await send('onetime declined', 200, 'POST', '/subscribe/payments/onetime', {
    headers: auth,
    json: { merchant_uid: 'order-3', card_number: '4000000000000051', expiry: '2030-01', amount: 1000 },
  });
  await send('onetime duplicate merchant_uid', 200, 'POST', '/subscribe/payments/onetime', {
    headers: auth,
    json: { merchant_uid: 'order-1', ...card, amount: 10000 },
  });
  const again = await send('again', 200, 'POST', '/subscribe/payments/again', {
    headers: auth,
    json: { customer_uid: 'cu-1', merchant_uid: 'order-4', amount: 3000, name: '2회차' },
  });
  await send('again (form) with an unknown customer', 200, 'POST', '/subscribe/payments/again', {
    headers: auth,
    form: { customer_uid: 'cu-none', merchant_uid: 'order-5', amount: '3000' },
  });
  await send('control: script a decline', 200, 'POST', '/sandbox/outcomes', { json: { customer_uid: 'cu-1', result: 'decline', reason: 'insufficient_balance' } });
  await send('again, declined as scripted', 200, 'POST', '/subscribe/payments/again', {
    headers: auth,
    json: { customer_uid: 'cu-1', merchant_uid: 'order-6', amount: 3000 },
  });
  await send('control: a fault on one operation', 200, 'PUT', '/sandbox/faults/customer_view', { json: { error_rate: 1, error_status: 502 } });
  await send('the fault strikes before the token check', 502, 'GET', '/subscribe/customers/cu-1');
  await send('control: clear the fault', 200, 'DELETE', '/sandbox/faults/customer_view');
  await send('control: the clock', 200, 'GET', '/sandbox/clock');
  await send('control: an invalid outcome', 400, 'POST', '/sandbox/outcomes', { form: { result: 'maybe' } });
  await send('customer_save without the contract', 200, 'POST', '/subscribe/customers/cu-2', { headers: auth, json: { ...card, channel_key: 'channel-key-1' } });
  await send('an operation of another PG (naverpay)', 200, 'POST', '/payments/imps_000000000000/naver/confirm', { headers: auth, json: {} });
  await send('an operation of another PG with its documented status (escrow)', 400, 'GET', '/escrows/logis/imps_000000000000', { headers: auth });

  // Billing keys.
  await send('customers, all found', 200, 'GET', '/subscribe/customers?customer_uid[]=cu-1', { headers: auth });
  await send('customers, some found', 207, 'GET', '/subscribe/customers?customer_uid[]=cu-1&customer_uid[]=cu-none', { headers: auth });
  await send('customers, none found', 404, 'GET', '/subscribe/customers?customer_uid%5B%5D=cu-x&customer_uid%5B%5D=cu-y', { headers: auth });
  await send('customers without customer_uid[]', 400, 'GET', '/subscribe/customers', { headers: auth });
  await send('customer', 200, 'GET', '/subscribe/customers/cu-1', { headers: auth });
  await send('unknown customer', 404, 'GET', '/subscribe/customers/cu-none', { headers: auth });
  await send("customer's payments", 200, 'GET', '/subscribe/customers/cu-1/payments?page=1', { headers: auth });
  await send("customer's payments, page as text", 400, 'GET', '/subscribe/customers/cu-1/payments?page=first', { headers: auth });

  // Payment lookups.
  const impUid = issued.body.response.imp_uid as string;
  const againUid = again.body.response.imp_uid as string;
  await send('payment by imp_uid', 200, 'GET', `/payments/${impUid}`, { headers: auth });
  await send('payment by imp_uid, HEAD', 200, 'HEAD', `/payments/${impUid}`, { headers: auth });
  await send('payment by merchant_uid', 200, 'GET', '/payments/find/order-3', { headers: auth });
  await send('payment by merchant_uid and status', 200, 'GET', '/payments/find/order-1/paid?sorting=-paid', { headers: auth });
  await send('payment by merchant_uid, wrong status', 404, 'GET', '/payments/find/order-3/paid', { headers: auth });
  await send('payment by merchant_uid, unknown status', 400, 'GET', '/payments/find/order-3/lost', { headers: auth });
  await send('payments, all found', 200, 'GET', `/payments?imp_uid[]=${impUid}&merchant_uid[]=order-2`, { headers: auth });
  await send('payments, some found', 207, 'GET', `/payments?imp_uid[]=${impUid}&imp_uid[]=imps_000000000000`, { headers: auth });
  await send('payments, no ids', 400, 'GET', '/payments', { headers: auth });
  await send('imp_uid longer than the schema allows', 400, 'GET', `/payments/${'x'.repeat(200)}`, { headers: auth });

  // Cancels: partial, the rest, too much, twice, nothing to cancel.
  await send('partial cancel', 200, 'POST', '/payments/cancel', { headers: auth, json: { imp_uid: impUid, amount: 4000, reason: '부분취소' } });
  await send('over-cancel', 200, 'POST', '/payments/cancel', { headers: auth, form: { imp_uid: impUid, amount: '7000' } });
  await send('cancel the rest', 200, 'POST', '/payments/cancel', { headers: auth, json: { merchant_uid: 'order-1', checksum: 6000 } });
  await send('cancel again', 200, 'POST', '/payments/cancel', { headers: auth, json: { imp_uid: impUid } });
  await send('full cancel of again', 200, 'POST', '/payments/cancel', { headers: auth, json: { imp_uid: againUid, reason: '환불' } });
  await send('cancel without an id', 200, 'POST', '/payments/cancel', { headers: auth, json: {} });
  await send('cancel of nothing', 200, 'POST', '/payments/cancel', { headers: auth, json: { imp_uid: 'imps_000000000000' } });
  await send('delete the billing key', 200, 'DELETE', '/subscribe/customers/cu-1?reason=탈퇴&extra[requester]=customer', { headers: auth });
  await send('delete it twice', 404, 'DELETE', '/subscribe/customers/cu-1', { headers: auth });
  await send('control: stored payments', 200, 'GET', '/sandbox/payments');
  await send('control: the whole state', 200, 'GET', '/sandbox/state');

  // Transport and input errors.
  await send('unknown route', 404, 'GET', '/nope?x=1', { headers: auth });
  await send('unknown route, HEAD', 404, 'HEAD', '/nope');
  await send('route with a trailing slash', 200, 'POST', '/users/getToken/', { json: credentials });
  await send('route in another case', 404, 'POST', '/Users/GetToken', { json: credentials });
  await send('route under another method', 404, 'PUT', '/users/getToken', { json: credentials });
  await send('malformed JSON', 400, 'POST', '/users/getToken', { headers: { 'content-type': 'application/json' }, payload: '{"imp_key":' });
  await send('malformed JSON on an unknown route', 400, 'POST', '/nope', { headers: { 'content-type': 'application/json' }, payload: '{' });
  await send('text/plain body', 415, 'POST', '/users/getToken', { headers: { 'content-type': 'text/plain' }, payload: 'x' });
  await send('a Content-Type that is no media type', 415, 'POST', '/users/getToken', { headers: { 'content-type': 'json' }, payload: '{}' });
  await send('a body over the limit', 413, 'POST', '/users/getToken', { headers: { 'content-type': 'application/json' }, payload: `"${'가'.repeat(400_000)}"` });
  await send('a path that does not percent-decode', 400, 'GET', '/payments/50%off', { headers: auth });
  await send('amount as a JSON string', 400, 'POST', '/subscribe/payments/onetime', { headers: auth, json: { merchant_uid: 'o-6', ...card, amount: '5000' } });
  await send('amount as words in a form', 400, 'POST', '/subscribe/payments/onetime', { headers: auth, form: { merchant_uid: 'o-7', ...card, amount: 'lots' } });
  await send('card_number missing', 400, 'POST', '/subscribe/payments/onetime', { headers: auth, json: { merchant_uid: 'o-8', expiry: '2030-01', amount: 100 } });
  await send('customer_uid missing from again', 400, 'POST', '/subscribe/payments/again', { headers: auth, json: { merchant_uid: 'o-9', amount: 100 } });

  // The payment window's JSON API, as the SDK and the checkout page call it, and the vbank deposit (control API).
  const order = { pg: 'settle.nxca_jt_il', pay_method: 'card', name: '주문명', amount: 1004, buyer_tel: '010-1234-5678', company: '포트원' };
  const windowRequest = (merchant_uid: string, fields: Record<string, unknown> = {}) => ({
    json: { merchant_code: merchantA.code, params: { ...order, merchant_uid, ...fields } },
  });
  const opened = async (label: string, merchantUid: string, fields: Record<string, unknown> = {}) =>
    (await send(label, 200, 'POST', '/sandbox/window/requests', windowRequest(merchantUid, fields))).body.response.imp_uid as string;
  const windowAct = (label: string, expected: number, impUid: string, action: string, json: unknown = {}) =>
    send(label, expected, 'POST', `/sandbox/window/requests/${impUid}/${action}`, { json });
  await send('window: a request refused', 200, 'POST', '/sandbox/window/requests', windowRequest('w-0', { buyer_tel: '' }));
  await send('window: a request that is no request_pay', 400, 'POST', '/sandbox/window/requests', { json: { merchant_code: null, params: 'x' } });
  await send('window: the preflight', 204, 'OPTIONS', '/sandbox/window/requests');
  const cardWindow = await opened('window: a request opened', 'w-1');
  await send('window: the checkout', 200, 'GET', `/sandbox/window/requests/${cardWindow}`);
  await send('window: an unknown checkout', 404, 'GET', '/sandbox/window/requests/imp_000000000000');
  await windowAct('window: approve', 200, cardWindow, 'approve', { card_number: '5327-1234-5678-9012', card_quota: 3 });
  await windowAct('window: approve a finished window', 200, cardWindow, 'approve');
  await windowAct('window: cancel', 200, await opened('window: opened to cancel', 'w-2'), 'cancel');
  await windowAct('window: decline', 200, await opened('window: opened to decline', 'w-3'), 'decline', { reason: 'limit_exceeded' });
  await windowAct('window: decline with an unknown reason', 400, await opened('window: opened for a bad reason', 'w-4'), 'decline', { reason: 'bored' });
  await windowAct('window: close', 200, await opened('window: opened to close', 'w-5'), 'close');
  const vbank = await opened('window: a vbank opened', 'w-6', { pay_method: 'vbank' });
  await windowAct('window: the account issued', 200, vbank, 'approve', { bank_code: '004' });
  await send('control: deposit into the account', 200, 'POST', `/sandbox/vbanks/${vbank}/deposit`);
  await send('control: deposit twice', 200, 'POST', `/sandbox/vbanks/${vbank}/deposit`);

  // Listings, schedule changes, virtual accounts, cash receipts, codes and settings (issue 11).
  await send('payments by status', 200, 'GET', '/payments/status/all?limit=5&sorting=started', { headers: auth });
  await send('payments by status, too long a range', 400, 'GET', '/payments/status/paid?from=0', { headers: auth });
  await send('every attempt of a merchant_uid', 200, 'GET', '/payments/findAll/order-3/failed', { headers: auth });
  await send('balance of a Settle payment', 200, 'GET', `/payments/${impUid}/balance`, { headers: auth });
  await send('onetime issuing a key to schedule', 200, 'POST', '/subscribe/payments/onetime', {
    headers: auth,
    json: { merchant_uid: 'order-7', customer_uid: 'cu-3', ...card, amount: 1000 },
  });
  const at = START / 1000 + 3600;
  await send('schedule', 200, 'POST', '/subscribe/payments/schedule', {
    headers: auth,
    json: { customer_uid: 'cu-3', schedules: [{ merchant_uid: 'sch-1', schedule_at: at, amount: 1000, name: 'x' }, { merchant_uid: 'sch-2', schedule_at: at, amount: 1000, name: 'x' }] },
  });
  await send('move a schedule', 200, 'PUT', '/subscribe/payments/schedule/sch-1', { headers: auth, json: { schedule_at: at + 60 } });
  await send('revoke a schedule', 200, 'POST', '/subscribe/payments/unschedule', { headers: auth, json: { merchant_uid: 'sch-2' } });
  await send('reschedule it', 200, 'POST', '/subscribe/payments/schedule/sch-2/reschedule', { headers: auth, json: { schedule_at: at + 120 } });
  await send('retry a pending one', 400, 'POST', '/subscribe/payments/schedule/sch-1/retry', { headers: auth });
  await send("a customer's schedules", 200, 'GET', `/subscribe/customers/cu-3/schedules?from=${at - 3600}&to=${at + 3600}`, { headers: auth });
  await send('schedules by range, oldest first', 200, 'GET', `/subscribe/payments/schedule?schedule_from=${at - 3600}&schedule_to=${at + 3600}&sorting=scheduled`, { headers: auth });
  await send('revoke it again', 200, 'POST', '/subscribe/payments/unschedule', { headers: auth, json: { merchant_uid: 'sch-2' } });
  await send('retry a revoked schedule', 200, 'POST', '/subscribe/payments/schedule/sch-2/retry', { headers: auth });
  const vbankB = { channel_key: 'channel-key-1', merchant_uid: 'vb-1', amount: 5000, vbank_code: '004', vbank_due: START / 1000 + 86400, vbank_holder: '상점' };
  await send('a virtual account without the contract', 200, 'POST', '/vbanks', { headers: auth, json: vbankB });
  const authB = { authorization: `Bearer ${(await send('getToken of B', 200, 'POST', '/users/getToken', { json: { imp_key: merchantB.imp_key, imp_secret: merchantB.imp_secret } })).body.response.access_token}` };
  const issuedVbank = (await send('a virtual account issued', 200, 'POST', '/vbanks', { headers: authB, json: vbankB })).body.response.imp_uid as string;
  await send('its amount changed', 200, 'PUT', `/vbanks/${issuedVbank}`, { headers: authB, json: { amount: 6000 } });
  await send('it is revoked', 200, 'DELETE', `/vbanks/${issuedVbank}`, { headers: authB });
  await send('a cash receipt of the deposited window account', 200, 'POST', `/receipts/${vbank}`, { headers: auth, json: { identifier: '01012345678', identifier_type: 'phone' } });
  await send('the cash receipt revoked', 200, 'DELETE', `/receipts/${vbank}`, { headers: auth });
  await send('an external cash receipt', 200, 'POST', '/receipts/external/cash-1', { headers: auth, json: { channel_key: 'channel-key-1', identifier: '01012345678', identifier_type: 'phone', name: '현금', amount: 1100 } });
  await send('the external receipt', 200, 'GET', '/receipts/external/cash-1', { headers: auth });
  await send('the external receipt revoked', 200, 'DELETE', '/receipts/external/cash-1', { headers: auth });
  await send('bank codes', 200, 'GET', '/banks', { headers: auth });
  await send('one bank', 200, 'GET', '/banks/088', { headers: auth });
  await send('card company codes', 200, 'GET', '/cards', { headers: auth });
  await send('one card company', 404, 'GET', '/cards/000', { headers: auth });
  await send('PG settings', 200, 'GET', '/users/pg', { headers: auth });
  await send('a tier', 404, 'GET', '/tiers/ABC', { headers: auth });

  // More of the control API.
  await send('health', 200, 'GET', '/sandbox/health');
  await send('control: outcomes queued', 200, 'GET', '/sandbox/outcomes');
  await send('control: forget the outcomes', 200, 'DELETE', '/sandbox/outcomes');
  await send('control: faults', 200, 'GET', '/sandbox/faults');
  await send('control: webhooks', 200, 'GET', '/sandbox/webhooks');
  await send('control: webhooks of an unknown merchant', 404, 'GET', '/sandbox/webhooks?merchant=imp99999999');
  await send('control: freeze the clock', 200, 'POST', '/sandbox/clock/freeze', { json: {} });
  await send('control: advance the clock', 200, 'POST', '/sandbox/clock/advance', { json: { minutes: 5 } });
  await send('control: resume the clock', 200, 'POST', '/sandbox/clock/resume');
  await send('control: reset of one merchant', 200, 'POST', '/sandbox/reset', { json: { merchant: merchantB.code } });
  await send('control: the state after it', 200, 'GET', '/sandbox/state');

  // A test channel (merchant C, opted in to Hecto's nightly cancel): hidden from one lookup, refused after 23:00 KST.
  const tokenOfC = async (label: string) =>
    (await send(label, 200, 'POST', '/users/getToken', { json: { imp_key: merchantC.imp_key, imp_secret: merchantC.imp_secret } })).body.response.access_token as string;
  const authC = { authorization: `Bearer ${await tokenOfC('getToken of the test-channel merchant')}` };
  await send('PG settings of test channels', 200, 'GET', '/users/pg', { headers: authC });
  const testPayment = (
    await send('onetime on a test channel', 200, 'POST', '/subscribe/payments/onetime', { headers: authC, json: { merchant_uid: 'tc-1', customer_uid: 'tc-cu', ...card, amount: 1000 } })
  ).body.response.imp_uid as string;
  await send('a test payment by imp_uid, hidden', 404, 'GET', `/payments/${testPayment}`, { headers: authC });
  await send('a test payment by imp_uid, include_sandbox=true', 200, 'GET', `/payments/${testPayment}?include_sandbox=true`, { headers: authC });
  await send('include_sandbox that is no boolean', 400, 'GET', `/payments/${testPayment}?include_sandbox=maybe`, { headers: authC });
  await send('a test payment by merchant_uid', 200, 'GET', '/payments/find/tc-1', { headers: authC });
  await send('a test billing key', 200, 'GET', '/subscribe/customers/tc-cu', { headers: authC });
  await send('control: the clock at 23:00 KST', 200, 'POST', '/sandbox/clock/set', { json: { at: START / 1000 + 11 * 3600 } });
  const lateC = { authorization: `Bearer ${await tokenOfC('getToken of the test-channel merchant, later')}` };
  await send('cancel of a test payment the PG cancelled', 200, 'POST', '/payments/cancel', { headers: lateC, json: { imp_uid: testPayment } });
  return steps;
}

/** The shipped merchants, the test-channel one opted in to the nightly PG-side cancel. */
const merchants = defaultMerchants.map((m) => (m.code === merchantC.code ? { ...m, settle: { ...m.settle, test_auto_cancel: true } } : m));

// A time source that stands still: the clock runs (so the script can freeze, advance and resume it) yet every
// door reads the same times.
const stillClock = { now: () => START };

/** The schema an answer must follow: its operation's envelope for 200 and 207, the error envelope otherwise. */
const router = createRouter(mountedOperations(true));
function documented(step: Step): object {
  const route = router.find(step.method, step.url.split('?')[0]!);
  const ok = step.reply.status === 200 || step.reply.status === 207;
  return route.kind === 'operation' && ok ? Envelope(route.operation.response) : ErrorEnvelopeSchema;
}

/** The same token sequence for each door, so the getToken answers and the exported state can be compared. */
function countingTokens(): () => string {
  let issued = 0;
  return () => (++issued).toString(16).padStart(40, '0');
}

t.test('every answer is the same through both doors', async (t) => {
  const [http, msw] = await Promise.all(
    doorNames.map(async (name) => play(await startDoor(t, name, { clock: stillClock, tokenSource: countingTokens(), merchants }))),
  );
  t.equal(msw!.length, http!.length, 'both doors played the whole script');
  http!.forEach((step, i) => {
    const other = msw![i]!;
    t.test(step.label, async (t) => {
      t.equal(step.reply.status, step.expected, 'the server answers as the script means');
      t.equal(other.reply.status, step.reply.status, 'status');
      t.equal(other.reply.headers['content-type'], step.reply.headers['content-type'], 'content type');
      t.strictSame(other.reply.body, step.reply.body, 'every field of the envelope');
      // HEAD and preflight answers carry no body.
      if (step.method === 'HEAD' || step.method === 'OPTIONS') return;
      const problems = check(documented(step), structuredClone(step.reply.body), { coerce: false });
      t.same(problems, null, 'the answer is what the OpenAPI document says');
    });
  });
});

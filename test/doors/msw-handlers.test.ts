import { setupServer } from 'msw/node';
import t, { type Test } from 'tap';
import { defaultMerchants } from '../../src/index.js';
import { createHandlers, type SandboxHandlers } from '../../src/msw/index.js';
import { onUnhandled } from '../helpers/unhandled.js';

// The handler set as an application's test suite uses it: the default hosts, `setupServer`, the global fetch.
// Each test listens with its own server and closes it before the next one starts.

const merchant = defaultMerchants[0]!;
const credentials = { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret };
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const START = Date.UTC(2026, 2, 1, 3, 0, 0);

/** Listens with the handlers; requests no handler takes are recorded, then refused by msw's 'error' policy. */
function listen(t: Test, { handlers }: SandboxHandlers) {
  const unhandled: string[] = [];
  const server = setupServer(...handlers);
  server.listen(
    onUnhandled((request, print) => {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    }),
  );
  t.teardown(() => server.close());
  return { server, unhandled };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function tokenAt(base: string): Promise<string> {
  return (await (await post(`${base}/users/getToken`, credentials)).json()).response.access_token;
}

t.test('both vendor hosts are served by default, from one sandbox', async (t) => {
  const set = await createHandlers({ seed: 7 });
  listen(t, set);
  const token = await tokenAt('https://api.iamport.kr');
  t.match(token, /^[0-9a-f]{40}$/);
  t.equal(await tokenAt('https://static-api.iamport.kr'), token, 'the same merchant gets the same token on either host');
  const res = await fetch('https://static-api.iamport.kr/payments/imps_000000000000', { headers: { authorization: token } });
  t.equal(res.status, 404);
  t.equal(res.headers.get('content-type'), 'application/json; charset=UTF-8');
  t.same(await res.json(), { code: -1, message: '존재하지 않는 결제정보입니다.', response: null });
  t.equal(set.sandbox.seed, 7);
});

t.test('an unknown path under a base URL is the server 404; anything else is left to msw', async (t) => {
  const { unhandled } = listen(t, await createHandlers());
  const missing = await fetch('https://api.iamport.kr/payments/find', { method: 'DELETE' });
  t.equal(missing.status, 404);
  t.same(await missing.json(), { code: -1, message: '요청하신 API를 찾을 수 없습니다: DELETE /payments/find', response: null });

  const elsewhere = [
    'https://example.com/users/getToken',
    'http://api.iamport.kr/users/getToken',
    'https://api.iamport.kr:8443/users/getToken',
    'https://iamport.kr/users/getToken',
  ];
  for (const url of elsewhere) await t.rejects(post(url, credentials), `${url} is not answered`);
  t.same(unhandled, elsewhere.map((url) => `POST ${url}`), 'each went to the unhandled-request policy');
});

t.test('a base URL may carry a path prefix', async (t) => {
  const { unhandled } = listen(t, await createHandlers({ baseUrl: 'http://localhost:8080/iamport/' }));
  t.match(await tokenAt('http://localhost:8080/iamport'), /^[0-9a-f]{40}$/);
  const unknown = await fetch('http://localhost:8080/iamport/nope');
  t.equal(unknown.status, 404);
  t.equal((await unknown.json()).message, '요청하신 API를 찾을 수 없습니다: GET /nope');
  await t.rejects(fetch('http://localhost:8080/users/getToken'));
  await t.rejects(fetch('http://localhost:8080/iamport'));
  t.same(unhandled, ['GET http://localhost:8080/users/getToken', 'GET http://localhost:8080/iamport']);
});

t.test('each call makes a fresh sandbox unless one is shared', async (t) => {
  const first = await createHandlers({ seed: 1 });
  const second = await createHandlers({ seed: 1 });
  const shared = await createHandlers({ sandbox: first.sandbox, baseUrl: 'https://shared.iamport.test' });
  t.not(second.sandbox, first.sandbox);
  t.equal(shared.sandbox, first.sandbox);
  const server = setupServer(...first.handlers, ...shared.handlers);
  server.listen(onUnhandled((_request, print) => print.error()));
  t.teardown(() => server.close());
  t.equal(await tokenAt('https://shared.iamport.test'), await tokenAt('https://api.iamport.kr'), 'one sandbox behind two base URLs');
});

t.test("the test drives the sandbox: clock, stored state, scripted outcomes, faults, reset", async (t) => {
  const { sandbox, handlers } = await createHandlers({ seed: 3 });
  listen(t, { sandbox, handlers });
  sandbox.freeze(START);
  const base = 'https://api.iamport.kr';
  const issued = await (await post(`${base}/users/getToken`, credentials)).json();
  t.equal(issued.response.now, START / 1000, 'the frozen clock answers');
  const auth = { authorization: `Bearer ${issued.response.access_token}` };

  const once = await (await post(`${base}/subscribe/payments/onetime`, { merchant_uid: 'm-1', customer_uid: 'c-1', amount: 1000, ...card }, auth)).json();
  t.equal(once.response.status, 'paid');
  t.same(sandbox.listPayments().map((p) => p.merchant_uid), ['m-1'], 'stored payments are visible');
  t.same(sandbox.listBillingKeys().map((k) => k.customer_uid), ['c-1'], 'and billing keys');

  sandbox.outcomes.add({ customer_uid: 'c-1', result: 'decline', reason: 'insufficient_balance' });
  const declined = await (await post(`${base}/subscribe/payments/again`, { customer_uid: 'c-1', merchant_uid: 'm-2', amount: 1000 }, auth)).json();
  t.equal(declined.response.status, 'failed', 'a queued outcome decides the next charge');
  const approved = await (await post(`${base}/subscribe/payments/again`, { customer_uid: 'c-1', merchant_uid: 'm-3', amount: 1000 }, auth)).json();
  t.equal(approved.response.status, 'paid', 'and only that one');

  sandbox.faults.set('getToken', { error_rate: 1, error_status: 503 });
  const faulted = await post(`${base}/users/getToken`, credentials);
  t.equal(faulted.status, 503, 'an injected fault answers in the envelope');
  t.equal((await faulted.json()).response, null);
  sandbox.faults.set('getToken', { drop_rate: 1 });
  await t.rejects(post(`${base}/users/getToken`, credentials), 'a dropped request is a network error');
  sandbox.faults.clear();

  t.equal(sandbox.export().payments.length, 3, 'the state exports');
  await sandbox.reset();
  t.same(sandbox.listPayments(), [], 'reset forgets everything');
  const after = await fetch(`${base}/payments/find/m-1`, { headers: auth });
  t.equal(after.status, 401, 'tokens included');
});

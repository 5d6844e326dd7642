import t from 'tap';
import { createPipeline, type Outcome, type PlainRequest } from '../../src/api/pipeline.js';
import { createSandbox, defaultMerchants } from '../../src/index.js';

// The pipeline with no door: a plain request in, an answer (or a drop) out.

const merchant = defaultMerchants[0]!;
const JSON_TYPE = 'application/json; charset=UTF-8';

function plain(method: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}): PlainRequest {
  const [path = '', query = ''] = url.split('?');
  // Every HTTP/1.1 request names its host; the control API checks it.
  const headers = Object.fromEntries(Object.entries({ host: 'localhost:8080', ...init.headers }).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, path, query, header: (name) => headers[name], body: init.body, contentType: headers['content-type'] };
}
const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function answerOf(outcome: Outcome) {
  if (outcome.action !== 'answer') throw new Error('dropped');
  const { status, headers, body } = outcome.answer;
  return { status, headers, body: body === null ? null : JSON.parse(body) };
}

async function setup(control = true) {
  const sandbox = await createSandbox({ seed: 1 });
  const errors: unknown[] = [];
  const serve = createPipeline(sandbox, { control, logError: (error) => errors.push(error) });
  const call = async (method: string, url: string, init?: { headers?: Record<string, string>; body?: string }) => answerOf(await serve(plain(method, url, init)));
  return { sandbox, serve, call, errors };
}

t.test('a request in, the envelope out', async (t) => {
  const { call } = await setup();
  const token = await call('POST', '/users/getToken', json({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret }));
  t.equal(token.status, 200);
  t.same(token.headers, { 'content-type': JSON_TYPE });
  t.match(token.body, { code: 0, message: null, response: { access_token: /^[0-9a-f]{40}$/ } });
  const form = await call('POST', '/users/getToken', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret }).toString(),
  });
  t.equal(form.body.response.access_token, token.body.response.access_token, 'a form body reads the same');

  const auth = { authorization: `Bearer ${token.body.response.access_token}` };
  const missing = await call('GET', '/payments/imps_000000000000', { headers: auth });
  t.same([missing.status, missing.body], [404, { code: -1, message: '존재하지 않는 결제정보입니다.', response: null }]);
  const head = await call('HEAD', '/payments/imps_000000000000', { headers: auth });
  t.same([head.status, head.headers, head.body], [404, { 'content-type': JSON_TYPE }, null], 'HEAD: status and headers, no body');
  const viaQuery = await call('GET', `/payments/imps_000000000000?_token=${token.body.response.access_token}`);
  t.equal(viaQuery.status, 404, 'the token may come in the query string');
});

t.test('in order: route, fault, body, token, validation', async (t) => {
  const { call, sandbox } = await setup();
  t.equal((await call('GET', '/payments/50%off')).status, 400, 'a path that does not decode');
  t.match((await call('POST', '/nope', { headers: { 'content-type': 'application/json' }, body: '{' })).body.message, /JSON/, 'an unknown route still has its body read');
  t.equal((await call('POST', '/nope', json({}))).status, 404);
  sandbox.faults.set('onetime', { error_rate: 1, error_status: 503 });
  t.equal((await call('POST', '/subscribe/payments/onetime', { headers: { 'content-type': 'text/plain' }, body: 'x' })).status, 503, 'the fault strikes first');
  sandbox.faults.clear();
  t.equal((await call('POST', '/subscribe/payments/onetime', { headers: { 'content-type': 'text/plain' }, body: 'x' })).status, 415, 'then the body');
  t.equal((await call('POST', '/subscribe/payments/onetime', json({}))).status, 401, 'then the token, before validation');
  t.equal((await call('POST', '/sandbox/outcomes', json({ result: 'maybe' }))).status, 400, 'open operations validate');
  t.equal((await call('POST', '/users/getToken', { headers: { 'content-type': 'application/json' }, body: `"${'가'.repeat(400_000)}"` })).status, 413, 'the limit counts UTF-8 bytes');
});

t.test('a drop is a decision, not an answer; control operations are never faulted', async (t) => {
  const { serve, call, sandbox } = await setup();
  sandbox.faults.set('*', { drop_rate: 1 });
  t.same(await serve(plain('POST', '/users/getToken', json({}))), { action: 'drop' });
  t.equal((await call('GET', '/sandbox/faults')).status, 200);
  t.equal((await call('GET', '/sandbox/health')).status, 200);
});

t.test('CORS is a property of the operation', async (t) => {
  const { call } = await setup();
  const preflight = await call('OPTIONS', '/sandbox/window/requests');
  t.equal(preflight.status, 204);
  t.match(preflight.headers, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' });
  t.equal(preflight.body, null);
  const refused = await call('POST', '/sandbox/window/requests', json({ merchant_code: null, params: {} }));
  t.equal(refused.headers['access-control-allow-origin'], '*');
  t.equal(refused.body.response.rsp.error_code, 'SANDBOX_MERCHANT');
  const invalid = await call('POST', '/sandbox/window/requests', json({ merchant_code: null, params: 'x' }));
  t.same([invalid.status, invalid.headers['access-control-allow-origin']], [400, '*'], 'its refusals too');
  t.equal((await call('GET', '/sandbox/health')).headers['access-control-allow-origin'], undefined, 'other operations: none');
});

t.test('without control the control API is unknown; anything but a SandboxError is logged and a 500', async (t) => {
  const { call } = await setup(false);
  t.equal((await call('POST', '/sandbox/reset', json({}))).status, 404);
  t.equal((await call('GET', '/sandbox/health')).status, 200);

  const broken = await setup();
  broken.sandbox.tokens.issue = () => {
    throw new Error('bug');
  };
  const failed = await broken.call('POST', '/users/getToken', json({ imp_key: 'a', imp_secret: 'b' }));
  t.same([failed.status, failed.body], [500, { code: -1, message: '샌드박스 내부 오류가 발생했습니다.', response: null }]);
  t.match(broken.errors, [{ message: 'bug' }], 'the bug was reported');
});

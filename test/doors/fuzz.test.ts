import fc from 'fast-check';
import t from 'tap';
import type { Operation } from '../../src/api/operation.js';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { createRouter } from '../../src/api/router.js';
import { check } from '../../src/contract/validation.js';
import type { Snapshot } from '../../src/index.js';
import { forEachDoor, merchantA, merchantB, type Door } from '../helpers/doors.js';
import { card, isEnvelope } from '../helpers/processes.js';

// Generated malformed and adversarial requests, per endpoint (vendor, sandbox, window and control alike) and
// through every door. Budget: RUNS requests per endpoint and door (FUZZ_RUNS overrides), each property also
// stopped after TIME_LIMIT ms. Every property prints its seed; a failure also prints the shrunk counterexample;
// FUZZ_SEED replays one.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
const TIME_LIMIT = 1000;
// The budget above, for every endpoint through every door, with room for a slow machine.
t.setTimeout(300_000);
const seed = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

const huge = fc.constantFrom('x'.repeat(70_000), '9'.repeat(400), '1e400', '-0', 'NaN', String(2 ** 53 + 1), '１２３');
const weirdText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\r\n', '\u202e', '😀', '%00', '%', '../../etc/passwd', '..%2f..%2f', '%2e%2e', '<script>', "' OR 1=1 --"),
  huge,
);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  weirdText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const idText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%2F', '%00', '%', 'a%2Fb', '%E0%A4%A', encodeURIComponent('x'.repeat(300))),
);
/** Raw JSON values JSON.stringify never writes: Infinity once parsed, negative zero, underflow, lone surrogates, huge. */
const rawJsonValue = fc.oneof(
  fc.constantFrom('1e309', '-1e309', '1E+999', '-0', '-0.0', '1e-400', '123456789012345678901234567890', '"\\ud800"', '"\\udfff x"', '9007199254740993'),
  fc.integer({ min: 33, max: 6000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 33, max: 6000 }).map((depth) => '{"a":'.repeat(depth) + '0' + '}'.repeat(depth)),
);

/** Printable Latin-1 only: what an HTTP client can put in a header at all. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

interface Context {
  door: Door;
  tokenA: string;
  tokenB: string;
  impUid: string;
}

/** A plausible body for an operation, the base the mutations start from, so some requests get deep. */
function baseBody(operationId: string, impUid: string): Record<string, unknown> {
  switch (operationId) {
    case 'getToken':
      return { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };
    case 'onetime':
      return { ...card, merchant_uid: 'fuzz-order', amount: 1000 };
    case 'again':
      return { customer_uid: 'fuzz-customer', merchant_uid: 'fuzz-again', amount: 1000 };
    case 'cancelPayment':
      return { imp_uid: impUid, amount: 10 };
    default:
      return { ...card, customer_name: 'x' };
  }
}

const mutatedBody = (base: Record<string, unknown>) =>
  fc
    .record({
      drop: fc.subarray(Object.keys(base)),
      set: fc.dictionary(fc.constantFrom(...Object.keys(base), '__proto__', 'constructor', 'extra', ''), weirdValue, { maxKeys: 3 }),
    })
    .map(({ drop, set }) => {
      const body: Record<string, unknown> = { ...base };
      for (const k of drop) delete body[k];
      for (const [k, v] of Object.entries(set)) Object.defineProperty(body, k, { value: v, enumerable: true, configurable: true, writable: true });
      return body;
    });

/** The raw body and its content type: JSON, form, broken JSON, or text under a wrong type. */
const payload = (base: Record<string, unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: mutatedBody(base).map((b) => ({ type: 'application/json', text: JSON.stringify(b) })) },
    {
      weight: 2,
      arbitrary: mutatedBody(base).map((b) => ({
        type: 'application/x-www-form-urlencoded',
        text: new URLSearchParams(Object.entries(b).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString(),
      })),
    },
    fc.tuple(mutatedBody(base), fc.nat()).map(([b, cut]) => {
      const json = JSON.stringify(b);
      return { type: 'application/json', text: json.slice(0, cut % Math.max(json.length, 1)) };
    }),
    fc.record({
      type: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16', 'application/*', 'json'),
      text: fc.oneof(weirdText, fc.json()),
    }),
    fc.constant({ type: 'application/json', text: `{"pad":"${'y'.repeat(1024 * 1024 + 10)}"}` }),
    fc.jsonValue().map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })),
    // One raw value appended under a key the body may already have: a duplicate key, the later one winning.
    {
      weight: 3,
      arbitrary: fc.tuple(mutatedBody(base), fc.constantFrom(...Object.keys(base), 'custom_data', 'amount', 'extra'), rawJsonValue).map(([b, key, value]) => {
        const json = JSON.stringify(b);
        return { type: 'application/json', text: `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"${key}":${value}}` };
      }),
    },
  );

/** Every token carrier, alone, repeated, or conflicting with another merchant's or a forged token. */
function tokenHeaders(ctx: Context) {
  const token = fc.oneof(fc.constantFrom(ctx.tokenA, ctx.tokenB, `${ctx.tokenA} ${ctx.tokenB}`, 'f'.repeat(40), ''), headerText);
  return fc.record(
    {
      authorization: fc.oneof(token, token.map((x) => `Bearer ${x}`), token.map((x) => `bearer  ${x} `), fc.constant('Basic Zm9vOmJhcg==')),
      'x-imptokenheader': token,
    },
    { requiredKeys: [] },
  );
}

function queryString(ctx: Context, names: string[]) {
  const key = fc.constantFrom('_token', 'page', 'sorting', 'include_sandbox', 'reason', '_token', ...names);
  const value = fc.oneof(idText, fc.constantFrom(ctx.tokenA, ctx.tokenB, '1', '-1', '0', 'true', '9'.repeat(30)));
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

/**
 * Requests that were refused leave the state as it was. Two answers may change it: success (code 0), and a
 * declined charge (HTTP 200, code -1), which stores at most one failed payment (a declined key issue stores none).
 */
function checkState(before: Snapshot, after: Snapshot, status: number, code: number): string | null {
  if (code === 0 && status < 300) return null;
  if (status === 200 && code === -1) {
    const added = after.payments.filter((p) => !before.payments.some((q) => q.payment.imp_uid === p.payment.imp_uid));
    if (added.length > 1 || (added[0] && added[0].payment.status !== 'failed')) return `a code -1 answer stored ${added.length} payments`;
    if (added[0]) after = { ...after, seq: before.seq, payments: after.payments.filter((p) => p !== added[0]) };
  }
  return JSON.stringify(after) === JSON.stringify(before) ? null : 'a refused request changed the state';
}

/** Why a successful answer does not match its operation's documented response, or null. */
function responseProblem(op: Operation, body: { response: unknown }): string | null {
  const problems = check(op.response, structuredClone(body.response), { coerce: false });
  return problems ? `response not as documented: ${JSON.stringify(problems[0])}` : null;
}

/** Control requests that would outlive their own answer (injected faults, forced outcomes) are undone after each. */
async function undoControl(door: Door): Promise<void> {
  await door.send('DELETE', '/sandbox/faults');
  await door.send('DELETE', '/sandbox/outcomes');
}

const figures = { tried: 0, serverErrors: 0, nonEnvelopes: 0, stateChangesAfterRefusal: 0, undocumented: 0 };

// Vendor operations first: the control API's reset, import and clock come last, so they do not empty the
// state the others are fuzzed against.
const order = (op: Operation) => ['vendor', 'sandbox', 'control'].indexOf(op.kind);
const everyOperation = mountedOperations(true).sort((a, b) => order(a) - order(b));
const router = createRouter(everyOperation);

/**
 * The operation a request really reached: clients resolve dot segments (`/payments/findAll/../x` is `/payments/x`),
 * so a generated `..` parameter leads to another operation, whose documented response is the one to check.
 */
function reached(op: Operation, path: string): Operation {
  const route = router.find(op.method, new URL(path, 'http://sandbox.test').pathname);
  return route.kind === 'operation' ? route.operation : op;
}

forEachDoor(t, async (t, start) => {
  const door = await start();
  const tokenA = await door.tokenOf(merchantA);
  const tokenB = await door.tokenOf(merchantB);
  // Something to find, charge and cancel, so generated requests also reach the rules past validation.
  const paid = await door.call('POST', '/subscribe/payments/onetime', {
    json: { ...card, merchant_uid: 'fuzz-paid', customer_uid: 'fuzz-customer', amount: 1_000_000 },
  });
  const ctx: Context = { door, tokenA, tokenB, impUid: paid.body.response.imp_uid };

  for (const op of everyOperation) {
    t.test(`${op.method} ${op.path}`, async (t) => {
      const names = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const request = fc.record({
        params: fc.tuple(...names.map(() => fc.oneof(idText, fc.constantFrom(ctx.impUid, 'fuzz-paid', 'fuzz-customer', 'paid')))),
        query: queryString(ctx, names.flatMap((n) => [n, `${n}[]`])),
        headers: tokenHeaders(ctx),
        body: op.method === 'GET' || op.method === 'DELETE' ? fc.option(payload({}), { freq: 5 }) : payload(baseBody(op.operationId, ctx.impUid)),
      });
      // The first request an operation ever gets compiles its validators (seconds for the state import's schema on
      // a loaded machine); that one-time cost is not the generated requests' time budget, so it is paid first.
      for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
        const headers = { authorization: ctx.tokenA, 'content-type': type };
        await door.send(op.method, op.path.replace(/:(\w+)/g, 'warm-up'), { headers, payload: type === 'application/json' ? '{}' : '' });
      }
      if (op.kind === 'control') await undoControl(door);
      let i = 0;
      const result = await fc.check(
        fc.asyncProperty(request, async ({ params, query, headers, body }) => {
          const path = op.path.replace(/:(\w+)/g, () => params[i++ % Math.max(names.length, 1)] ?? 'x') + query;
          i = 0;
          const before = door.sandbox.export();
          figures.tried++;
          const reply = await door.send(op.method, path, {
            headers: { ...headers, ...(body?.type ? { 'content-type': body.type } : {}) },
            ...(body ? { payload: body.text } : {}),
          });
          if (op.kind === 'control') await undoControl(door);
          const shown = `${reply.status} ${String(JSON.stringify(reply.body)).slice(0, 300)}`;
          // 501 with code 1 is the vendor's refusal of an operation for other PGs (src/api/unsupported-operations.ts).
          if (reply.status >= 500 && !(reply.status === 501 && reply.body?.code === 1)) {
            figures.serverErrors++;
            throw new Error(`HTTP ${shown}`);
          }
          if (!isEnvelope(reply.body)) {
            figures.nonEnvelopes++;
            throw new Error(`not an envelope: ${shown}`);
          }
          const problem = checkState(before, door.sandbox.export(), reply.status, reply.body.code);
          if (problem) {
            figures.stateChangesAfterRefusal++;
            throw new Error(`${problem}: ${shown}`);
          }
          const undocumented = reply.body.code === 0 && reply.status < 300 ? responseProblem(reached(op, path), reply.body) : null;
          if (undocumented) {
            figures.undocumented++;
            throw new Error(`${undocumented}: ${shown}`);
          }
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, ...(seed === undefined ? {} : { seed }) },
      );
      if (result.failed) t.fail(`${fc.defaultReportMessage(result) ?? 'property failed'}\n${String(result.errorInstance)}`);
      else t.pass(`${result.numRuns} generated requests (seed ${result.seed}) answered with envelopes, as documented, state kept on refusals`);
      const alive = await door.send('POST', '/users/getToken', { json: { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret } });
      t.equal(alive.body.code, 0, 'the server still serves');
    });
  }
});

// Runs after every door's subtests: the figures over all of them.
t.test('figures', async (t) => {
  t.comment(`fuzz figures: ${JSON.stringify(figures)}`);
  t.ok(figures.tried > 0, 'requests were tried');
});

import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { merchantA } from '../helpers/doors.js';
import { card } from '../helpers/processes.js';

// Eight test workers share one server on a real port, as parallel Jest or Vitest workers would: each makes its own
// tenant and runs the same scenario with the same customer_uid and merchant_uids. Every step must see only its own.

const WORKERS = 8;
const PORT = 47663;

interface Envelope {
  code: number;
  message: string | null;
  response: any;
}

t.test(`${WORKERS} concurrent workers, one tenant each, the same uids: no collision`, async (t) => {
  const server = await startServer(loadConfig(['--port', String(PORT), '--host', '127.0.0.1', '--seed', '7', '--log-level', 'silent'], {}));
  t.teardown(() => server.close());
  const send = async (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Envelope }> => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const res = await fetch(server.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Envelope };
  };

  const worker = async (n: number) => {
    const tenant = (await send('POST', '/sandbox/tenants')).body.response;
    const steps: [string, number, number][] = [];
    const step = (name: string, reply: { status: number; body: Envelope }) => {
      steps.push([name, reply.status, reply.body.code]);
      return reply.body.response;
    };
    const token = step('getToken', await send('POST', '/users/getToken', { imp_key: tenant.imp_key, imp_secret: tenant.imp_secret })).access_token;
    const first = step(
      'onetime',
      await send('POST', '/subscribe/payments/onetime', { merchant_uid: 'order-1', customer_uid: 'worker', amount: 1000 + n, ...card }, token),
    );
    const second = step('again', await send('POST', '/subscribe/payments/again', { merchant_uid: 'order-2', customer_uid: 'worker', amount: 2000 + n, name: 'x' }, token));
    const found = step('lookup', await send('GET', `/payments/${first.imp_uid}`, undefined, token));
    const cancelled = step('cancel', await send('POST', '/payments/cancel', { merchant_uid: 'order-2' }, token));
    return { n, tenant, steps, first, second, found, cancelled };
  };
  const results = await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));

  const codes = new Set(results.map((r) => r.tenant.code));
  t.equal(codes.size, WORKERS, 'each worker has a tenant of its own');
  for (const { n, tenant, steps, second, found, cancelled } of results) {
    t.same(steps, ['getToken', 'onetime', 'again', 'lookup', 'cancel'].map((name) => [name, 200, 0]), `worker ${n}: every step answered code 0`);
    t.equal(found.amount, 1000 + n, `worker ${n} reads its own first payment`);
    t.equal(second.amount, 2000 + n, `worker ${n} charged its own billing key`);
    t.match(cancelled, { imp_uid: second.imp_uid, status: 'cancelled', cancel_amount: 2000 + n }, `worker ${n} cancelled its own order-2`);
    const stored = server.sandbox.listPayments(tenant.code).map((p) => [p.merchant_uid, p.amount, p.status]);
    t.same(stored, [
      ['order-1', 1000 + n, 'paid'],
      ['order-2', 2000 + n, 'cancelled'],
    ]);
  }
  t.same(server.sandbox.listPayments(merchantA.code), [], 'the template merchant saw nothing');
});

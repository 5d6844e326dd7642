import t from 'tap';
import { merchantA } from '../helpers/doors.js';

// `iamport-sandbox/server` as another project imports it (the package's own name resolves to its exports, the
// built dist): startServer needs no option, each one having the CLI's default.
t.setTimeout(120_000);
const { startServer } = (await import('iamport-sandbox/server')) as typeof import('../../src/server.js');

t.test('startServer({ port: 0 }): the shipped merchants, in memory, on loopback, control API on', async (t) => {
  const server = await startServer({ port: 0 });
  t.teardown(() => server.close());
  t.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const token = await fetch(`${server.url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret }),
  }).then((res) => res.json() as Promise<{ code: number }>);
  t.equal(token.code, 0, 'the default merchant gets a token');
  t.equal((await fetch(`${server.url}/sandbox/state`)).status, 200, 'the control API is on');
});

t.test('startServer on every interface without a key keeps the control API off, as the CLI does', async (t) => {
  const server = await startServer({ host: '0.0.0.0', port: 0, seed: 5 });
  t.teardown(() => server.close());
  const port = new URL(server.url).port;
  t.equal((await fetch(`http://127.0.0.1:${port}/sandbox/state`)).status, 404);
  const health = await fetch(`http://127.0.0.1:${port}/sandbox/health`).then((res) => res.json() as Promise<{ response: { seed: number } }>);
  t.equal(health.response.seed, 5, 'the seed given');
});

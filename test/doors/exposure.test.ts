import t, { type Test } from 'tap';
import { merchantA } from '../helpers/doors.js';
import { getToken, requireBuiltCli, startCli, type Child } from '../helpers/processes.js';

// The CLI as a container runs it: bound beyond loopback, logging at info. Bounded in time: each child is
// stopped at the end of its test, and every wait has a timeout.
t.setTimeout(60_000);

async function cli(t: Test, args: string[]): Promise<Child> {
  const child = await startCli(args);
  t.teardown(async () => {
    child.process.kill('SIGTERM');
    await child.exited;
  });
  return child;
}

const state = (url: string, headers: Record<string, string> = {}) => fetch(`${url}/sandbox/state`, { headers });

t.test('on 0.0.0.0 without a key the control API is off, and the banner says so', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--host', '0.0.0.0']);
  t.match(child.stdout(), /control API off: --host 0\.0\.0\.0 is not loopback and no --control-key/);
  t.equal((await state(child.url)).status, 404);
  t.equal((await fetch(`${child.url}/sandbox/health`)).status, 200, 'the health check stays');
  t.match(await getToken(child.url), /^[0-9a-f]{40}$/, 'the vendor API stays');
});

t.test('on 0.0.0.0 with a key the control API answers only with the key', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--host', '0.0.0.0', '--control-key', 'sandbox-key-1']);
  t.notMatch(child.stdout(), /control API off/);
  t.notMatch(child.stdout(), /sandbox-key-1/, 'the key is not printed');
  t.equal((await state(child.url)).status, 401);
  t.equal((await state(child.url, { 'x-sandbox-control-key': 'wrong' })).status, 401);
  t.equal((await state(child.url, { 'x-sandbox-control-key': 'sandbox-key-1' })).status, 200);
});

t.test('no secret reaches the log under any carrier spelling', async (t) => {
  if (!requireBuiltCli(t)) return;
  const secret = 'flagSecret-ShouldNeverBePrinted-0123456789';
  const child = await cli(t, ['--log-level', 'info', '--imp-secret', secret]);
  const token = await getToken(child.url, { ...merchantA, imp_secret: secret });
  const path = `${child.url}/payments/imps_000000000000`;
  const carriers: [string, string, Record<string, string>][] = [
    ['?_token=', `?_token=${token}`, {}],
    ['?%5Ftoken=', `?%5Ftoken=${token}`, {}],
    ['?%5ftoken=', `?a=1&%5ftoken=${token}&b=2`, {}],
    ['Authorization', '', { authorization: `Bearer ${token}` }],
    ['X-ImpTokenHeader', '', { 'x-imptokenheader': token }],
  ];
  for (const [carrier, query, headers] of carriers) {
    const res = await fetch(path + query, { headers });
    t.equal(res.status, 404, `${carrier}: accepted as the token`);
  }
  // pino writes each line when the request is answered; the last one is in once its URL shows.
  const deadline = Date.now() + 5_000;
  while (!child.stdout().includes('b=2') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const out = child.stdout();
  t.match(out, /%5ftoken=\[redacted\]&b=2/, 'the log was written');
  t.notOk(out.includes(token), 'the token is in no log line');
  t.notOk(out.includes(secret), 'a secret given by flag is not in the banner');
  t.match(out, /imp_secret=\(hidden/);
});

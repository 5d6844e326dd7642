import t from 'tap';
import { createSandbox } from '../../src/index.js';
import { buildApp } from '../../src/http/app.js';
import { forEachDoor, type Door } from '../helpers/doors.js';

// The control API refuses what a browser on a foreign site could send (a cross-site form, DNS rebinding), through
// both doors alike; the vendor API answers as the real one does, whatever the Origin.

/** The headers a page the sandbox serves sends: the HTTP door on its port, the msw door at its base URL. */
const ownOf = (door: Door): Record<string, string> =>
  door.name === 'http' ? { host: 'localhost:8080', origin: 'http://localhost:8080' } : { origin: door.origin };

forEachDoor(t, async (t, start) => {
  t.test('no Origin and the own origin are served', async (t) => {
    const door = await start();
    const own = ownOf(door);
    t.equal((await door.send('GET', '/sandbox/state')).status, 200, 'no Origin (a test or curl)');
    t.equal((await door.send('GET', '/sandbox/state', { headers: own })).status, 200, 'the sandbox’s own page');
    t.equal((await door.send('POST', '/sandbox/clock/advance', { headers: own, json: { seconds: 1 } })).status, 200);
  });

  t.test('a foreign Origin is refused before anything changes', async (t) => {
    const door = await start();
    const own = ownOf(door);
    const token = await door.tokenOf();
    const before = door.sandbox.export();
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'null']) {
      const reset = await door.send('POST', '/sandbox/reset', { headers: { ...own, origin }, form: {} });
      t.same([reset.status, reset.body.code], [403, -1], `${origin}: reset refused`);
      t.match(reset.body.message, /Origin/);
      t.equal((await door.send('GET', '/sandbox/state', { headers: { ...own, origin } })).status, 403, `${origin}: state refused`);
    }
    t.same(door.sandbox.export(), before, 'nothing was reset');
    t.equal(door.sandbox.tokens.verify(token).code, 'imp10000001');
  });

  t.test('an unknown Host is refused (DNS rebinding)', async (t) => {
    const door = await start();
    for (const host of ['rebind.evil.example', 'rebind.evil.example:8080', 'user@localhost']) {
      const state = await door.send('GET', '/sandbox/state', { headers: { host } });
      if (door.name === 'msw') {
        // In-process there is no DNS to rebind: the msw door serves the URL's host, whatever Host a caller writes.
        t.equal(state.status, 200, `${host}: the URL's host is the one checked`);
        continue;
      }
      t.same([state.status, state.body.code, state.body.response], [403, -1, null], host);
      t.match(state.body.message, /Host/);
    }
    t.equal((await door.send('GET', '/sandbox/state', { headers: { host: '127.0.0.1:9' } })).status, 200, 'loopback names are known');
    t.equal((await door.send('GET', '/sandbox/state', { headers: { host: '[::1]:8080' } })).status, 200);
  });

  t.test('vendor routes are left as the real API behaves: a foreign Origin with ?_token= is served', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const found = await door.send('GET', `/payments/imps_000000000000?_token=${token}`, { headers: { origin: 'https://evil.example' } });
    t.same([found.status, found.body.message], [404, '존재하지 않는 결제정보입니다.']);
  });

  t.test('the window API still answers any origin', async (t) => {
    const door = await start();
    const health = await door.send('GET', '/sandbox/health', { headers: { origin: 'https://shop.example', host: 'shop-proxy.example' } });
    t.equal(health.status, 200);
  });
});

t.test('with a key, every control request carries it; other routes need none', async (t) => {
  const sandbox = await createSandbox({ seed: 1 });
  const app = await buildApp({ sandbox, controlAccess: { key: 'k-123', allowedHosts: ['sandbox'], allowedOrigins: ['https://sandbox.example'] } });
  t.teardown(() => app.close().then(() => sandbox.close()));
  const state = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/sandbox/state', headers });
  const missing = await state({});
  t.equal(missing.statusCode, 401);
  t.match(missing.json().message, /X-Sandbox-Control-Key/);
  t.equal((await state({ 'x-sandbox-control-key': 'k-12' })).statusCode, 401, 'a prefix of the key is wrong');
  t.equal((await state({ 'x-sandbox-control-key': 'k-1234' })).statusCode, 401, 'a longer text too');
  t.equal((await state({ 'x-sandbox-control-key': 'k-123' })).statusCode, 200);
  t.equal((await state({ 'x-sandbox-control-key': 'k-123', host: 'sandbox:8080' })).statusCode, 200, 'an allowed host (compose service)');
  t.equal((await state({ 'x-sandbox-control-key': 'k-123', origin: 'https://sandbox.example' })).statusCode, 200, 'an allowed origin (public URL)');
  t.equal((await app.inject({ method: 'GET', url: '/sandbox/health' })).statusCode, 200);
});

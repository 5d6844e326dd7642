import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';

// The dashboard answers at `/sandbox` and at `/sandbox/` alike (the slash is how it is often typed); without the
// control API neither is served.

t.test('/sandbox/ serves the dashboard, as /sandbox does', async (t) => {
  const app = await buildApp({ sandbox: await createSandbox({ seed: 1 }) });
  t.teardown(() => app.close());
  const bare = await app.inject({ method: 'GET', url: '/sandbox' });
  const slash = await app.inject({ method: 'GET', url: '/sandbox/' });
  t.equal(bare.statusCode, 200);
  t.equal(slash.statusCode, 200);
  t.match(slash.headers['content-type'], /^text\/html/);
  t.equal(slash.body, bare.body, 'the same page');
});

t.test('with the control API off, neither is served', async (t) => {
  const app = await buildApp({ sandbox: await createSandbox({ seed: 1 }), control: false });
  t.teardown(() => app.close());
  for (const url of ['/sandbox', '/sandbox/']) t.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
});

import t from 'tap';
import { loadConfig } from '../../src/config.js';

t.test('off loopback the control API is served only with a key', async (t) => {
  t.same([loadConfig([], {}).control, loadConfig([], {}).controlNotice], [true, null], 'loopback: open');
  t.equal(loadConfig(['--host', 'localhost'], {}).control, true);
  t.equal(loadConfig(['--host', '::1'], {}).control, true);
  const exposed = loadConfig(['--host', '0.0.0.0'], {});
  t.equal(exposed.control, false);
  t.match(exposed.controlNotice, /control API off: --host 0\.0\.0\.0 .*--control-key \(IAMPORT_SANDBOX_CONTROL_KEY\)/);
  const keyed = loadConfig(['--host', '0.0.0.0'], { IAMPORT_SANDBOX_CONTROL_KEY: 'k' });
  t.same([keyed.control, keyed.controlKey, keyed.controlNotice], [true, 'k', null]);
  t.same([loadConfig(['--host', '0.0.0.0', '--no-control'], {}).controlNotice], [null], 'turned off on purpose: nothing to say');
  // A key that is empty would be matched by a request that sends none: refused, not taken.
  t.throws(() => loadConfig(['--host', '0.0.0.0', '--control-key', ''], {}), /control-key must not be empty/);
  t.throws(() => loadConfig(['--control-key', ' '], {}), /control-key must not be empty/);
  t.throws(() => loadConfig(['--host', '0.0.0.0'], { IAMPORT_SANDBOX_CONTROL_KEY: '  ' }), /control-key must not be empty/);
  t.same([loadConfig(['--host', '0.0.0.0'], { IAMPORT_SANDBOX_CONTROL_KEY: '' }).control], [false], 'an empty variable is no key: off');
});

t.test('allowed hosts and webhook targets are comma-separated lists', async (t) => {
  const config = loadConfig(['--allowed-hosts', 'sandbox, sandbox.internal', '--webhook-allow', 'app,https://hooks.test/in/'], {});
  t.same(config.allowedHosts, ['sandbox', 'sandbox.internal']);
  t.same(config.webhookAllow, ['app', 'https://hooks.test/in/']);
  t.equal(loadConfig([], {}).webhookAllow, null, 'no list: anywhere');
  t.same(loadConfig([], { IAMPORT_SANDBOX_ALLOWED_HOSTS: 'a,b' }).allowedHosts, ['a', 'b']);
  t.throws(() => loadConfig(['--webhook-allow', 'http://[bad'], {}), /webhook-allow/);
  t.throws(() => loadConfig(['--public-url', 'not a url'], {}), /public URL/);
});

import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import t, { type Test } from 'tap';
import { ConfigError, loadConfig } from '../../src/config.js';
import { defaultMerchants } from '../../src/fixtures.js';
import { loggerOptions, startServer } from '../../src/server.js';
import { requireBuiltCli, runCli } from '../helpers/processes.js';

t.test('defaults: 127.0.0.1:8080, memory, the shipped merchants', async (t) => {
  const config = loadConfig([], {});
  t.match(config, { host: '127.0.0.1', port: 8080, dataFile: null, seed: null, logLevel: 'info', publicUrl: 'http://127.0.0.1:8080', command: 'serve' });
  t.same(config.merchants.map((m) => m.code), ['imp10000001', 'imp20000002', 'imp30000003']);
});

t.test('flags win over environment variables', async (t) => {
  const env = { IAMPORT_SANDBOX_PORT: '9000', PORT: '7000', IAMPORT_SANDBOX_SEED: '5', IAMPORT_SANDBOX_IMP_KEY: 'env-key', HOST: '0.0.0.0' };
  const config = loadConfig(['--port', '9100', '--imp-secret', 'flag-secret', '--billing-key-api', '--data', '/tmp/x.json'], env);
  t.match(config, { port: 9100, seed: 5, host: '0.0.0.0', dataFile: '/tmp/x.json', publicUrl: 'http://127.0.0.1:9100' });
  t.match(config.merchants[0], { imp_key: 'env-key', imp_secret: 'flag-secret', settle: { billing_key_api: true } });
  t.equal(loadConfig([], { PORT: '7000' }).port, 7000);
  t.equal(loadConfig(['openapi'], {}).command, 'openapi');
});

t.test('the HTTPS listener is off unless a port is given; the TLS directory follows --data', async (t) => {
  const home = homedir();
  t.match(loadConfig([], {}), { httpsPort: null, tlsDir: join(home, '.iamport-sandbox', 'tls') });
  t.match(loadConfig(['--https-port', '8443', '--data', '/srv/sandbox/db.json'], {}), { httpsPort: 8443, tlsDir: '/srv/sandbox/tls' });
  t.match(loadConfig([], { IAMPORT_SANDBOX_HTTPS_PORT: '9443', IAMPORT_SANDBOX_TLS_DIR: '/data/tls' }), { httpsPort: 9443, tlsDir: '/data/tls' });
  t.equal(loadConfig(['--tls-dir', '/flag/tls'], { IAMPORT_SANDBOX_TLS_DIR: '/data/tls' }).tlsDir, '/flag/tls');
  t.match(loadConfig(['ca', '--out', 'ca.pem'], {}), { command: 'ca', out: 'ca.pem' });
  t.throws(() => loadConfig(['--https-port', '99999'], {}), /https-port must be an integer from 0 to 65535/);
  t.throws(() => loadConfig(['openapi', '--out', 'x'], {}), /--out belongs to the ca command/);
});

t.test('bad values fail with one readable line', async (t) => {
  t.throws(() => loadConfig(['--port', 'eighty'], {}), ConfigError);
  t.throws(() => loadConfig(['--seed=-1'], {}), /seed must be an integer/);
  t.throws(() => loadConfig(['--bogus'], {}), ConfigError);
  t.throws(() => loadConfig(['serve-please'], {}), /unknown command/);
  t.throws(() => loadConfig(['--merchants', '/no/such/file.json'], {}), /cannot read merchants file/);
  t.throws(() => loadConfig(['--request-timeout', '0'], {}), /request-timeout must be an integer/);
  t.throws(() => loadConfig(['--headers-timeout', '20000', '--request-timeout', '10000'], {}), /must not exceed request-timeout/);
});

t.test('request, header and keep-alive time are bounded by default and configurable', async (t) => {
  t.same(loadConfig([], {}).timeouts, { request: 30_000, headers: 10_000, keepAlive: 5_000 });
  const env = { IAMPORT_SANDBOX_REQUEST_TIMEOUT: '2000', IAMPORT_SANDBOX_KEEP_ALIVE_TIMEOUT: '700' };
  t.same(loadConfig(['--headers-timeout', '1500'], env).timeouts, { request: 2000, headers: 1500, keepAlive: 700 });
});

/** A merchants file: the shipped merchants, broken by `breakIt`. */
function brokenMerchantsFile(t: Test, breakIt: (merchants: any[]) => void): string {
  const merchants = structuredClone([...defaultMerchants]) as any[];
  breakIt(merchants);
  const file = `${t.testdir()}/merchants.json`;
  writeFileSync(file, JSON.stringify({ merchants }));
  return file;
}

t.test('a broken merchants file is refused before any flag touches it, naming the field', async (t) => {
  const withoutSettle = brokenMerchantsFile(t, (m) => delete m[0].settle);
  t.throws(() => loadConfig(['--merchants', withoutSettle, '--billing-key-api'], {}), {
    name: 'ConfigError',
    message: `merchants file ${withoutSettle}: merchants[0]: settle is required`,
  });
  const duplicateKey = brokenMerchantsFile(t, (m) => (m[1].imp_key = m[0].imp_key));
  t.throws(() => loadConfig(['--merchants', duplicateKey], {}), { name: 'ConfigError', message: /merchants\[1\]\.imp_key \S+ appears twice/ });
});

t.test('the CLI exits 1 on a broken merchants file with one line naming the field, no stack', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = brokenMerchantsFile(t, (m) => (m[0].settle.mids[1].kind = 'apii'));
  const run = await runCli(['--merchants', file]);
  t.equal(run.code, 1);
  t.equal(run.stderr, `iamport-sandbox: merchants file ${file}: merchants[0].settle.mids[1].kind must be one of api, window (got "apii")\n`);
});

t.test('a real server on an ephemeral port: logs carry no card numbers, secrets or tokens', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = { ...loadConfig(['--port', '0', '--seed', '3'], {}) };
  const server = await startServer(config, { ...(loggerOptions('trace', false) as object), stream });
  t.teardown(() => server.close());
  t.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const merchant = config.merchants[0]!;
  const token = await fetch(`${server.url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret }),
  }).then(async (r) => (await r.json()).response.access_token);
  const paid = await fetch(`${server.url}/subscribe/payments/onetime?_token=${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ merchant_uid: 'log-1', card_number: '9410-1234-5678-9012', expiry: '2035-01', birth: '123456', amount: 100 }),
  }).then((r) => r.json());
  t.equal(paid.code, 0);
  t.equal(paid.response.card_number, '941012******9012');
  t.equal(paid.response.receipt_url, `${server.url}/sandbox/receipts/${paid.response.imp_uid}`, 'receipt links carry the port chosen');
  const log = lines.join('');
  t.match(log, /\/subscribe\/payments\/onetime/, 'requests are logged');
  t.notMatch(log, /9410123456789012|9410-1234-5678-9012/, 'no full card number');
  t.notOk(log.includes(merchant.imp_secret), 'no secret');
  t.notOk(log.includes(token), 'no token');
});


t.test('why the control API is off is named as it was given', async (t) => {
  t.equal(loadConfig(['--no-control'], {}).controlOff, '--no-control was given');
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: 'off' }).controlOff, 'IAMPORT_SANDBOX_CONTROL=off is set');
  t.equal(loadConfig(['--host', '0.0.0.0', '--no-control'], {}).controlOff, '--no-control was given', 'turned off on purpose: the flag, not the host');
  t.equal(
    loadConfig([], { HOST: '0.0.0.0' }).controlOff,
    'HOST=0.0.0.0 is not loopback and no --control-key (IAMPORT_SANDBOX_CONTROL_KEY) was given',
    'a host from the environment is named by its variable',
  );
  t.match(loadConfig([], { IAMPORT_SANDBOX_HOST: '10.0.0.5' }).controlOff, /^IAMPORT_SANDBOX_HOST=10\.0\.0\.5 is not loopback/);
});

t.test('the control API is on by default, off with --no-control or IAMPORT_SANDBOX_CONTROL=0', async (t) => {
  t.equal(loadConfig([], {}).control, true);
  t.equal(loadConfig(['--no-control'], {}).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: '0' }).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: 'false' }).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: '1' }).control, true);
});


t.test('off loopback the control API is served only with a key', async (t) => {
  t.same([loadConfig([], {}).control, loadConfig([], {}).controlOff], [true, null], 'loopback: open');
  t.equal(loadConfig(['--host', 'localhost'], {}).control, true);
  t.equal(loadConfig(['--host', '::1'], {}).control, true);
  const exposed = loadConfig(['--host', '0.0.0.0'], {});
  t.equal(exposed.control, false);
  t.equal(exposed.controlOff, '--host 0.0.0.0 is not loopback and no --control-key (IAMPORT_SANDBOX_CONTROL_KEY) was given');
  const keyed = loadConfig(['--host', '0.0.0.0'], { IAMPORT_SANDBOX_CONTROL_KEY: 'k' });
  t.same([keyed.control, keyed.controlKey, keyed.controlOff], [true, 'k', null]);
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

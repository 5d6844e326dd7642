import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { startServer } from '../../src/server.js';
import { merchantA } from '../helpers/doors.js';
import { cliPath, requireBuiltCli, runCli, startCli, type Child } from '../helpers/processes.js';

// The HTTPS listener (--https-port) for clients whose address is fixed to https://api.iamport.kr: a certificate for
// that name signed by a local CA kept in the TLS directory, the same answers as the plain listener.
t.setTimeout(180_000);

interface Answer {
  status: number;
  body: any;
}

/**
 * One request over TLS that trusts only `ca`: to 127.0.0.1, under the name `as` (the TLS server name and the Host
 * header), so the certificate is checked for the name a fixed client would use; `host` sends another Host.
 */
function overTls(url: string, ca: string, method: string, path: string, json?: unknown, as = 'localhost', host?: string): Promise<Answer> {
  const { port } = new URL(url);
  const body = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        ca,
        servername: as,
        headers: { host: host ?? `${as}:${port}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function overHttp(url: string, method: string, path: string, json?: unknown): Promise<Answer> {
  const res = await fetch(url + path, { method, ...(json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }) });
  return { status: res.status, body: await res.json() };
}

const httpsUrlOf = (child: Child) => /\bhttps (https:\/\/\S+)/.exec(child.stdout())![1]!;

async function stop(child: Child): Promise<number | null> {
  child.process.kill('SIGTERM');
  return child.exited;
}

const mode = (file: string) => statSync(file).mode & 0o777;

const credentials = { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };

t.test('the HTTPS listener answers like the HTTP one, under the names its certificate holds', async (t) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'tls');
  const child = await startCli(['--https-port', '0', '--tls-dir', tlsDir, '--log-level', 'silent']);
  t.teardown(() => child.process.kill('SIGKILL'));
  const httpsUrl = httpsUrlOf(child);
  t.match(child.stdout(), new RegExp(`CA ${join(tlsDir, 'ca.pem')}`), 'the banner names the CA file');
  const ca = readFileSync(join(tlsDir, 'ca.pem'), 'utf8');

  const wrong = { ...credentials, imp_secret: 'wrong' };
  t.same(await overTls(httpsUrl, ca, 'POST', '/users/getToken', wrong), await overHttp(child.url, 'POST', '/users/getToken', wrong), 'a refusal is the same');
  const viaTls = await overTls(httpsUrl, ca, 'POST', '/users/getToken', credentials);
  t.equal(viaTls.body.code, 0);
  const token = viaTls.body.response.access_token as string;
  const lookup = (bearer: string) => fetch(`${child.url}/payments/imp_000000000000`, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => r.status);
  t.equal(await lookup('not-a-token'), 401);
  t.equal(await lookup(token), 404, 'a token from the HTTPS listener works on the HTTP one (an unknown payment, not an unknown token)');

  const asVendor = await overTls(httpsUrl, ca, 'POST', '/users/getToken', credentials, 'api.iamport.kr');
  t.equal(asVendor.body.code, 0, 'the certificate holds api.iamport.kr');
  t.equal((await overTls(httpsUrl, ca, 'GET', '/sandbox/state', undefined, 'api.iamport.kr')).status, 200, 'the control API answers to api.iamport.kr');
  // The certificate names no foreign host, so the foreign Host travels under a name it holds (a rebinding page would).
  const foreign = await overTls(httpsUrl, ca, 'GET', '/sandbox/state', undefined, 'localhost', 'rebound.example');
  t.equal(foreign.status, 403, 'a foreign Host is still refused the control API');
  t.match(foreign.body.message, /rebound\.example/);

  await t.rejects(overTls(httpsUrl, anotherCa(), 'GET', '/sandbox/health'), 'a client trusting another CA refuses the certificate');
  t.equal(await stop(child), 0);
});

/** A CA the sandbox never saw (made by another TLS directory), to show the trust is in the CA and nothing else. */
function anotherCa(): string {
  return execFileSync(process.execPath, [cliPath, 'ca', '--tls-dir', join(t.testdirName, 'elsewhere')], { encoding: 'utf8' });
}

t.test('the TLS directory: made 0700 with keys 0600 at first start, the same CA after a restart', async (t) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'tls');
  const first = await startCli(['--https-port', '0', '--log-level', 'silent'], { IAMPORT_SANDBOX_TLS_DIR: tlsDir });
  t.equal(await stop(first), 0);
  t.equal(mode(tlsDir), 0o700);
  t.equal(mode(join(tlsDir, 'ca-key.pem')), 0o600);
  t.equal(mode(join(tlsDir, 'key.pem')), 0o600);
  const ca = readFileSync(join(tlsDir, 'ca.pem'), 'utf8');
  const cert = readFileSync(join(tlsDir, 'cert.pem'), 'utf8');

  const again = await startCli(['--https-port', '0', '--tls-dir', tlsDir, '--log-level', 'silent']);
  t.teardown(() => again.process.kill('SIGKILL'));
  t.equal(readFileSync(join(tlsDir, 'ca.pem'), 'utf8'), ca, 'the CA stays, so a truststore that holds it keeps working');
  t.equal(readFileSync(join(tlsDir, 'cert.pem'), 'utf8'), cert, 'a certificate far from its end is kept');
  t.equal((await overTls(httpsUrlOf(again), ca, 'POST', '/users/getToken', credentials)).body.code, 0);
  t.equal(await stop(again), 0);
});

t.test('a server certificate near its end is made again at start, by the same CA', async (t) => {
  if (!requireBuiltCli(t)) return;
  t.ok(hasOpenssl(), 'openssl is needed to make the old certificate');
  const tlsDir = join(t.testdir(), 'tls');
  t.equal((await runCli(['ca', '--tls-dir', tlsDir])).code, 0);
  const ca = readFileSync(join(tlsDir, 'ca.pem'), 'utf8');
  const file = (name: string) => join(tlsDir, name);
  // Ten days left, signed by the kept CA: still valid, but due for renewal.
  execFileSync('sh', ['-c', `openssl req -new -key "$1" -subj /CN=api.iamport.kr | openssl x509 -req -days 10 -CA "$2" -CAkey "$3" -out "$4" 2>/dev/null`, 'sh', file('key.pem'), file('ca.pem'), file('ca-key.pem'), file('cert.pem')]);
  const old = readFileSync(file('cert.pem'), 'utf8');
  const child = await startCli(['--https-port', '0', '--tls-dir', tlsDir, '--log-level', 'silent']);
  t.teardown(() => child.process.kill('SIGKILL'));
  t.not(readFileSync(file('cert.pem'), 'utf8'), old, 'renewed');
  t.equal(readFileSync(file('ca.pem'), 'utf8'), ca, 'by the same CA');
  t.equal(mode(file('key.pem')), 0o600);
  t.equal((await overTls(httpsUrlOf(child), ca, 'POST', '/users/getToken', credentials, 'api.iamport.kr')).body.code, 0);
  t.equal(await stop(child), 0);
});

t.test('the certificates pass openssl verify -x509_strict', async (t) => {
  if (!requireBuiltCli(t)) return;
  t.ok(hasOpenssl(), 'openssl is needed for this check');
  const tlsDir = join(t.testdir(), 'tls');
  t.equal((await runCli(['ca', '--tls-dir', tlsDir])).code, 0);
  const verify = execFileSync('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', join(tlsDir, 'ca.pem'), join(tlsDir, 'cert.pem')], { encoding: 'utf8' });
  t.match(verify, /cert\.pem: OK/);
  const text = execFileSync('openssl', ['x509', '-in', join(tlsDir, 'cert.pem'), '-noout', '-text'], { encoding: 'utf8' });
  t.match(text, /DNS:api\.iamport\.kr, DNS:localhost, IP Address:127\.0\.0\.1/);
  t.match(text, /ASN1 OID: prime256v1/);
  const dates = execFileSync('openssl', ['x509', '-in', join(tlsDir, 'cert.pem'), '-noout', '-startdate', '-enddate'], { encoding: 'utf8' });
  const [start, end] = [...dates.matchAll(/=(.+)/g)].map((m) => Date.parse(m[1]!));
  t.ok(end! - start! <= 398 * 86_400_000, 'the server certificate lives at most 398 days');
  t.ok(start! < Date.now() - 3_600_000, 'valid from before now, so a clock a little behind accepts it');
  const caText = execFileSync('openssl', ['x509', '-in', join(tlsDir, 'ca.pem'), '-noout', '-text'], { encoding: 'utf8' });
  t.match(caText, /Basic Constraints: critical\s+CA:TRUE/);
  t.match(caText, /Key Usage: critical\s+Certificate Sign, CRL Sign/);
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}

t.test('iamport-sandbox ca prints the CA certificate, or writes it with --out; never a key', async (t) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'made', 'by', 'ca');
  const printed = await runCli(['ca', '--tls-dir', tlsDir]);
  t.equal(printed.code, 0);
  t.equal(printed.stdout, readFileSync(join(tlsDir, 'ca.pem'), 'utf8'), 'the TLS directory is made, and its CA printed');
  t.match(printed.stdout, /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
  t.notMatch(printed.stdout + printed.stderr, /PRIVATE KEY/);

  const out = join(t.testdirName, 'ca-copy.pem');
  const written = await runCli(['ca', '--out', out, '--tls-dir', tlsDir]);
  t.equal(written.code, 0);
  t.equal(readFileSync(out, 'utf8'), printed.stdout, 'the same PEM as the directory holds');
  t.notMatch(written.stdout, /PRIVATE KEY/);

  const misplaced = await runCli(['--out', out]);
  t.equal(misplaced.code, 1);
  t.match(misplaced.stderr, /--out belongs to the ca command/);
});

t.test('the TLS directory defaults to tls/ beside the --data file', async (t) => {
  if (!requireBuiltCli(t)) return;
  const dir = t.testdir();
  const child = await startCli(['--https-port', '0', '--data', join(dir, 'db.json'), '--log-level', 'silent']);
  t.teardown(() => child.process.kill('SIGKILL'));
  t.ok(existsSync(join(dir, 'tls', 'ca.pem')));
  t.match(child.stdout(), new RegExp(`CA ${join(dir, 'tls', 'ca.pem')}`));
  t.equal(await stop(child), 0);
});

t.test('an HTTPS port in use, or a TLS directory that cannot be made, stops start-up with one line', async (t) => {
  if (!requireBuiltCli(t)) return;
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  t.teardown(() => taken.close());
  const port = String((taken.address() as AddressInfo).port);
  const inUse = await runCli(['--https-port', port, '--tls-dir', join(t.testdir(), 'tls')]);
  t.equal(inUse.code, 1);
  t.match(inUse.stderr, new RegExp(`^iamport-sandbox: port ${port} on 127\\.0\\.0\\.1 is in use: .* pick another --https-port`));
  t.equal(inUse.stderr.split('\n').length, 2, 'one line');

  const notADirectory = join(t.testdirName, 'file');
  writeFileSync(notADirectory, '');
  const blocked = await runCli(['--https-port', '0', '--tls-dir', join(notADirectory, 'tls')]);
  t.equal(blocked.code, 1);
  t.match(blocked.stderr, /^iamport-sandbox: TLS directory .*file\/tls: .*ENOTDIR.* \(pick another with --tls-dir\)\n$/);
  t.notMatch(blocked.stdout, /listening/);
});

t.test('a CA of one\'s own with an RSA key is refused by name, and the TLS directory is left as it was', async (t) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'tls');
  mkdirSync(tlsDir);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const caText = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  writeFileSync(join(tlsDir, 'ca.pem'), caText);
  writeFileSync(join(tlsDir, 'ca-key.pem'), rsa);
  const started = await runCli(['--https-port', '0', '--tls-dir', tlsDir]);
  t.equal(started.code, 1);
  t.match(started.stderr, /^iamport-sandbox: .*ca-key\.pem holds an RSA key; the sandbox signs with ECDSA on P-256 only: .*remove ca\.pem and ca-key\.pem/);
  t.equal(started.stderr.split('\n').length, 2, 'one line');
  t.notMatch(started.stdout, /listening/);
  t.equal(readFileSync(join(tlsDir, 'ca.pem'), 'utf8'), caText, 'the CA is kept');
  t.equal(readFileSync(join(tlsDir, 'ca-key.pem'), 'utf8'), rsa, 'its key is kept');
  t.notOk(existsSync(join(tlsDir, 'cert.pem')), 'nothing was signed with it');
});

/** Writes `text` over TLS and reads until the server closes the connection (or `waitMs` passes). */
function rawTls(port: number, ca: string, text: string, waitMs: number): Promise<{ answer: string; closedAfter: number | null }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => socket.write(text));
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closedAfter: null });
    }, waitMs);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, closedAfter: Date.now() - started });
    });
  });
}

t.test('the HTTPS listener keeps the plain one\'s bounds and refusals: 408 for slow headers, 400 envelope for junk', async (t) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'tls');
  const child = await startCli(['--https-port', '0', '--tls-dir', tlsDir, '--request-timeout', '1000', '--headers-timeout', '500', '--log-level', 'silent']);
  t.teardown(() => child.process.kill('SIGKILL'));
  const port = Number(new URL(httpsUrlOf(child)).port);
  const ca = readFileSync(join(tlsDir, 'ca.pem'), 'utf8');
  const slow = await rawTls(port, ca, 'POST /users/getToken HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 10_000);
  t.match(slow.answer, /^HTTP\/1\.1 408 /, 'headers that never end: 408');
  t.ok(slow.closedAfter !== null && slow.closedAfter < 3500, `closed soon after the bound (${slow.closedAfter} ms)`);
  const junk = await rawTls(port, ca, 'HELLO\r\n\r\n', 10_000);
  t.match(junk.answer, /^HTTP\/1\.1 400 [\s\S]*\r\n\r\n\{"code":-1,/, 'a request line that is not HTTP: the 400 envelope');
  t.equal(await stop(child), 0);
});

t.test('startServer({ httpsPort }) serves HTTPS too, and names its URL and CA', async (t) => {
  const tlsDir = join(t.testdir(), 'tls');
  const server = await startServer({ port: 0, httpsPort: 0, tlsDir });
  t.teardown(() => server.close());
  t.match(server.https, { url: /^https:\/\/127\.0\.0\.1:\d+$/, caFile: join(tlsDir, 'ca.pem') });
  t.equal((await overTls(server.https!.url, readFileSync(server.https!.caFile, 'utf8'), 'GET', '/sandbox/health')).status, 200);
  const plain = await startServer({ port: 0 });
  t.teardown(() => plain.close());
  t.equal(plain.https, null, 'no HTTPS unless asked');
});

t.test('SIGTERM closes both listeners, an idle keep-alive connection open', async (t: Test) => {
  if (!requireBuiltCli(t)) return;
  const tlsDir = join(t.testdir(), 'tls');
  // Idle connections would stay open for ten minutes: an exit that waited for them would outlast the test's timeout.
  const child = await startCli(['--https-port', '0', '--tls-dir', tlsDir, '--log-level', 'silent', '--keep-alive-timeout', '600000']);
  t.teardown(() => child.process.kill('SIGKILL'));
  const httpsUrl = httpsUrlOf(child);
  const ca = readFileSync(join(tlsDir, 'ca.pem'), 'utf8');
  t.equal((await overTls(httpsUrl, ca, 'GET', '/sandbox/health')).status, 200);
  t.equal(await stop(child), 0);
  await t.rejects(overTls(httpsUrl, ca, 'GET', '/sandbox/health'), { code: 'ECONNREFUSED' });
  await t.rejects(fetch(`${child.url}/sandbox/health`));
});

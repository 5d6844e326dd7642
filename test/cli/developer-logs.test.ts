import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import t, { type Test } from 'tap';
import { card, getToken, requireBuiltCli, startCli, cliPath, type Child } from '../helpers/processes.js';

// Issue 24 point 6, the logs a developer reads: on a terminal one line per request with the envelope's code beside
// the status; piped, JSON lines with `code`; a failed webhook with its cause; nothing before the banner; the banner
// naming why the control API is off. Every server here listens on a port of its own in 47520-47539.
t.setTimeout(120_000);

const BANNER = /^iamport-sandbox listening on http:\/\/\S+ /;
// pino-pretty's colours, when it finds the terminal takes them.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const NOTHING_LISTENS = 'http://127.0.0.1:47539/gone';

async function cli(t: Test, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = await startCli(args, env);
  t.teardown(async () => {
    child.process.kill('SIGTERM');
    await child.exited;
  });
  return child;
}

/** Resolves once `ready()` holds, polling (log lines are written in batches, up to 20 ms late). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 15_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The requests every test makes: an envelope with code 0, refusals (-1 with 400 and with 200), and a script file. */
async function requests(url: string): Promise<void> {
  await (await fetch(`${url}/sandbox/health`)).arrayBuffer();
  const bad = await fetch(`${url}/users/getToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await bad.arrayBuffer();
  const token = await getToken(url);
  const declined = await fetch(`${url}/subscribe/payments/onetime`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ merchant_uid: 'declined-1', amount: 1000, ...card, card_number: '4000-0000-0000-0051' }),
  });
  t.equal(((await declined.json()) as { code: number }).code, -1, 'the charge is declined');
  await (await fetch(`${url}/sandbox/assets/checkout.js`)).arrayBuffer();
}

/** The request lines a pretty log shows after the banner, without colours and times. */
const prettyRequestLines = (stdout: string) =>
  stdout
    .replace(ANSI, '')
    .split(/\r?\n/)
    .filter((line) => / INFO: (GET|POST) /.test(line))
    .map((line) => line.replace(/^\[\d\d:\d\d:\d\d\] INFO: /, '').replace(/ \d+\.\dms$/, ' _ms'));

const EXPECTED_PRETTY = [
  'GET /sandbox/health 200 code 0 _ms',
  'POST /users/getToken 400 code -1 _ms',
  'POST /users/getToken 200 code 0 _ms',
  'POST /subscribe/payments/onetime 200 code -1 _ms',
  'GET /sandbox/assets/checkout.js 200 _ms',
];

t.test('pretty (--log-format pretty): one line per request, the envelope code beside the status', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--port', '47520', '--log-format', 'pretty']);
  await requests(child.url);
  await until(() => prettyRequestLines(child.stdout()).length === EXPECTED_PRETTY.length, 'five request lines');
  t.same(prettyRequestLines(child.stdout()), EXPECTED_PRETTY);
  const afterBanner = child.stdout().replace(ANSI, '').split('\n').filter((line) => line.startsWith('['));
  t.same(afterBanner.filter((line) => !/ INFO: (GET|POST) /.test(line)).map((line) => line.replace(/^\[\S+\] /, '')), [
    'INFO: Server listening at http://127.0.0.1:47520',
  ], 'nothing else but the listening line');
  t.notMatch(child.stdout(), /^\s+(req|res|reqId|responseTime)/m, 'no field on a line of its own');
});

t.test('on a pseudo terminal the pretty lines are chosen by themselves', async (t) => {
  if (!requireBuiltCli(t)) return;
  // util-linux `script` gives the child a terminal; elsewhere (macOS's BSD script) the flag test above covers it.
  if (spawnSync('script', ['-V']).status !== 0) {
    t.comment('skipped: no util-linux script here');
    return;
  }
  const proc = spawn('script', ['-qfec', `${process.execPath} ${cliPath} --port 47521`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  t.teardown(async () => {
    // SIGTERM to the server (its PID is in the banner), not to `script`, whose terminal would hang it up first.
    const pid = /\bpid (\d+)\b/.exec(out)?.[1];
    if (pid) process.kill(Number(pid), 'SIGTERM');
    else proc.kill('SIGKILL');
    await exited;
  });
  await until(() => BANNER.test(out.replace(ANSI, '')), 'the banner');
  await requests('http://127.0.0.1:47521');
  await until(() => prettyRequestLines(out).length === EXPECTED_PRETTY.length, 'five request lines');
  t.same(prettyRequestLines(out), EXPECTED_PRETTY);
  t.match(out.replace(ANSI, ''), BANNER, 'the banner comes first');
});

interface JsonLine {
  msg: string;
  level: number;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  code?: number;
  webhook?: { url: string; imp_uid: string; cause: string; trigger: string; retrying: boolean };
}

const jsonLines = (stdout: string): JsonLine[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as JsonLine);

t.test('piped: the banner first, then one JSON line per request, with the envelope code', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--port', '47522']);
  t.match(child.stdout(), BANNER, 'no JSON line before the banner');
  await requests(child.url);
  const requestLines = () => jsonLines(child.stdout()).filter((line) => line.msg === 'request completed');
  await until(() => requestLines().length === 5, 'five request lines');
  t.same(
    requestLines().map((line) => [line.req?.method, line.req?.url, line.res?.statusCode, line.code]),
    [
      ['GET', '/sandbox/health', 200, 0],
      ['POST', '/users/getToken', 400, -1],
      ['POST', '/users/getToken', 200, 0],
      ['POST', '/subscribe/payments/onetime', 200, -1],
      ['GET', '/sandbox/assets/checkout.js', 200, undefined],
    ],
  );
  t.notOk(child.stdout().includes('"code":null'), 'a script file has no code at all');
});

/** A merchant's webhook endpoint on a fixed port that answers 500. */
async function failingReceiver(t: Test, port: number): Promise<string> {
  const server = createServer((request, response) => request.resume().on('end', () => response.writeHead(500).end()));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${port}/hook`;
}

async function charge(url: string, merchantUid: string, noticeUrl: string): Promise<string> {
  const answer = await fetch(`${url}/subscribe/payments/onetime`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await getToken(url)}` },
    body: JSON.stringify({ merchant_uid: merchantUid, amount: 1000, ...card, notice_url: noticeUrl }),
  });
  return ((await answer.json()) as { response: { imp_uid: string } }).response.imp_uid;
}

t.test('a failed webhook is logged with its URL, imp_uid and cause', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--port', '47523']);
  const receiver = await failingReceiver(t, 47538);
  const refused = await charge(child.url, 'hook-1', NOTHING_LISTENS);
  const answered500 = await charge(child.url, 'hook-2', receiver);
  const failures = () => jsonLines(child.stdout()).filter((line) => line.webhook !== undefined);
  await until(() => failures().length === 2, 'two webhook lines');
  const byUid = new Map(failures().map((line) => [line.webhook!.imp_uid, line]));
  t.match(byUid.get(refused), {
    level: 40,
    msg: `webhook to ${NOTHING_LISTENS} for ${refused} failed: ECONNREFUSED`,
    webhook: { url: NOTHING_LISTENS, cause: 'ECONNREFUSED', trigger: 'event', retrying: false },
  });
  t.match(byUid.get(answered500), {
    level: 40,
    msg: `webhook to ${receiver} for ${answered500} failed: receiver answered HTTP 500`,
    webhook: { url: receiver, cause: 'receiver answered HTTP 500' },
  });
});

t.test('on a terminal a failed webhook is one line too; a target outside --webhook-allow names why', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await cli(t, ['--port', '47524', '--log-format', 'pretty', '--webhook-allow', 'hooks.test']);
  const impUid = await charge(child.url, 'hook-3', NOTHING_LISTENS);
  const warning = () => child.stdout().replace(ANSI, '').split('\n').filter((line) => line.includes(' WARN: '));
  await until(() => warning().length === 1, 'the webhook line');
  t.match(warning()[0], new RegExp(`WARN: webhook to ${NOTHING_LISTENS} for ${impUid} failed: not sent: the URL is not an allowed webhook target`));
  t.notMatch(child.stdout(), /^\s+webhook/m, 'its fields are in the line, not below it');
});

t.test('the banner names why the control API is off', async (t) => {
  if (!requireBuiltCli(t)) return;
  const causes: Array<[string, string[], Record<string, string>, string]> = [
    ['the flag', ['--no-control'], {}, '--no-control was given'],
    ['the variable', [], { IAMPORT_SANDBOX_CONTROL: '0' }, 'IAMPORT_SANDBOX_CONTROL=0 is set'],
    ['--host beyond loopback, no key', ['--host', '0.0.0.0'], {}, '--host 0.0.0.0 is not loopback and no --control-key (IAMPORT_SANDBOX_CONTROL_KEY) was given'],
    ['HOST beyond loopback, no key', [], { HOST: '0.0.0.0' }, 'HOST=0.0.0.0 is not loopback and no --control-key (IAMPORT_SANDBOX_CONTROL_KEY) was given'],
  ];
  let port = 47525;
  for (const [name, args, env, reason] of causes) {
    const child = await startCli(['--port', String(port++), '--log-level', 'silent', ...args], env);
    const banner = child.stdout().split('\n');
    t.ok(banner.includes(`  control API off: ${reason}; /sandbox/... answers 404`), name);
    t.notOk(banner.some((line) => line.includes('--no-control') && !args.includes('--no-control')), `${name}: no word of --no-control`);
    child.process.kill('SIGTERM');
    await child.exited;
  }
});

import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { bannerPid, card, getToken, goneWithin, requireBuiltCli, running, startCli } from '../helpers/processes.js';

// How the process stops under CI: a `kill` of the PID a script holds ($! of `npm start &` or `npx iamport-sandbox &`)
// stops the server, and SIGTERM or SIGINT flush the store and exit 0 within 2 s (the limit issue #24 names).
t.setTimeout(180_000);
const root = new URL('../..', import.meta.url).pathname;

/** Whether anything answers at `url` (a stopped server refuses the connection). */
const answers = (url: string) =>
  fetch(`${url}/sandbox/health`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );

/**
 * The environment of a user's shell: without the `npm_*` variables of an npm that runs this test (under
 * `npx -p node@22`, `npm_config_package=node@22` would make the inner `npm exec` look for the bin in that package).
 */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/**
 * A project that depends on the sandbox, as a user's does after `npm install -D iamport-sandbox`: the package and
 * its bin linked into node_modules, so `npx iamport-sandbox` there runs the local bin without asking the registry.
 */
function consumerProject(t: Test): string {
  const dir = t.testdir();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, devDependencies: { 'iamport-sandbox': `file:${root}` } }));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'iamport-sandbox'), 'dir');
  symlinkSync(join(root, 'dist', 'src', 'cli.js'), join(dir, 'node_modules', '.bin', 'iamport-sandbox'));
  return dir;
}

/** Runs an npm command in `cwd` and waits for the banner; answers npm's PID, the server's PID and URL. */
async function underNpm(t: Test, cwd: string, args: string[]) {
  const npm = spawn('npm', [...args, '--port', '0', '--log-level', 'silent'], { cwd, env: shellEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  npm.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = () => (bannerPid(out) !== null ? resolve() : undefined);
    npm.stdout.on('data', check);
    void exited.then(() => reject(new Error(`npm exited before the banner: ${out}\n${err}`)));
  });
  const server = bannerPid(out)!;
  t.teardown(() => {
    if (running(server)) process.kill(server, 'SIGKILL');
  });
  return { npm: npm.pid!, server, url: /listening on (http:\/\/\S+)/.exec(out)![1]!, exited };
}

for (const [name, project, args] of [
  ['npm start', () => root, ['start', '--silent', '--']],
  ['npx iamport-sandbox', consumerProject, ['exec', '--offline', '--', 'iamport-sandbox']],
] as const) {
  t.test(`kill of the PID ${name} runs as stops the server`, async (t) => {
    if (!requireBuiltCli(t)) return;
    const started = await underNpm(t, project(t), [...args]);
    t.not(started.server, started.npm, 'npm is not the server: the banner names the one that is');
    t.ok(await answers(started.url), 'it answers');
    process.kill(started.npm, 'SIGTERM');
    await started.exited;
    t.ok(await goneWithin(started.server, 20_000), 'the server process is gone');
    t.notOk(await answers(started.url), 'nothing answers at its URL');
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  t.test(`${signal} flushes pending writes and exits 0 at once, an idle keep-alive connection open`, async (t) => {
    if (!requireBuiltCli(t)) return;
    const file = join(t.testdir(), 'db.json');
    // Idle connections would stay open for ten minutes: an exit that waited for them would outlast the test's timeout.
    const first = await startCli(['--data', file, '--seed', '1', '--log-level', 'silent', '--keep-alive-timeout', '600000']);
    const token = await getToken(first.url);
    const charge = fetch(`${first.url}/subscribe/payments/onetime`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ merchant_uid: `m-${signal}`, amount: 1000, ...card }),
    }).then((res) => res.json() as Promise<{ code: number }>);
    t.equal((await charge).code, 0, 'the charge was acknowledged');
    // fetch keeps its connection open: closing must not wait for it to idle out.
    first.process.kill(signal);
    t.equal(await first.exited, 0, 'exit code 0');

    const second = await startCli(['--data', file, '--log-level', 'silent']);
    const found = (await (await fetch(`${second.url}/payments/find/m-${signal}`, { headers: { authorization: await getToken(second.url) } })).json()) as {
      response: { status: string } | null;
    };
    t.equal(found.response?.status, 'paid', 'the acknowledged charge is there after a restart');
    second.process.kill('SIGTERM');
    await second.exited;
  });
}

t.test('a server whose log reader goes away (iamport-sandbox | head) closes and exits 0', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(t.testdir(), 'db.json');
  const child = await startCli(['--data', file]);
  child.process.stdout.destroy();
  // The next log line (this request's) meets the closed pipe.
  await getToken(child.url).catch(() => undefined);
  t.equal(await child.exited, 0);
  t.equal(child.stderr(), '', 'no EPIPE stack');
  t.notOk(await answers(child.url), 'nothing answers at its URL');
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { bannerPid, getToken, requireBuiltCli, runCli, startCli } from '../helpers/processes.js';

// One --data file, one process: a second one would acknowledge writes from its own state, and a restart would keep
// only one side's. The lock beside the file names its holder; one left by a process that died is taken over.
t.setTimeout(180_000);

t.test('a second process on the same data file refuses with one line naming the file and the holder', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(t.testdir(), 'db.json');
  const first = await startCli(['--data', file, '--log-level', 'silent']);
  t.teardown(() => first.process.kill('SIGKILL'));
  const holder = bannerPid(first.stdout());
  t.equal(holder, first.process.pid, 'the banner prints the server\'s pid');

  const second = await runCli(['--data', file]);
  t.equal(second.code, 1);
  t.equal(second.stderr.split('\n').length, 2, 'one line');
  t.match(second.stderr, `iamport-sandbox: data file ${file} is in use by another iamport-sandbox (pid ${holder}`);
  t.notMatch(second.stdout, /listening on/, 'it never listened');
  t.ok((await fetch(`${first.url}/sandbox/health`)).ok, 'the first one still serves');
});

t.test('a lock left by kill -9 does not block the next start, nor does one naming no live process', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(t.testdir(), 'db.json');
  const killed = await startCli(['--data', file, '--log-level', 'silent']);
  await getToken(killed.url); // a write: the file exists beside its lock
  killed.process.kill('SIGKILL');
  await killed.exited;
  t.equal(readFileSync(`${file}.lock`, 'utf8').trim(), String(killed.process.pid), 'the lock was left behind');

  const next = await startCli(['--data', file, '--log-level', 'silent']);
  t.equal(readFileSync(`${file}.lock`, 'utf8').trim(), String(next.process.pid), 'the next start took it over');
  next.process.kill('SIGTERM');
  t.equal(await next.exited, 0);

  // A PID far above any the kernel hands out (pid_max is at most 2^22).
  writeFileSync(`${file}.lock`, '2147483646\n');
  const again = await startCli(['--data', file, '--log-level', 'silent']);
  again.process.kill('SIGTERM');
  t.equal(await again.exited, 0, 'started and stopped');
  t.throws(() => readFileSync(`${file}.lock`), { code: 'ENOENT' }, 'a clean exit removes the lock');
});

t.test('an empty data file (0 bytes) starts an empty sandbox', async (t) => {
  if (!requireBuiltCli(t)) return;
  const file = join(t.testdir(), 'db.json');
  writeFileSync(file, '');
  const child = await startCli(['--data', file, '--log-level', 'silent']);
  const state = await fetch(`${child.url}/sandbox/state`).then((res) => res.json() as Promise<{ response: { payments: unknown[] } }>);
  t.same(state.response.payments, [], 'no payments');
  await getToken(child.url);
  child.process.kill('SIGTERM');
  t.equal(await child.exited, 0);
  t.match(JSON.parse(readFileSync(file, 'utf8')), { tokens: [{}] }, 'the first write made it a sandbox file');
});

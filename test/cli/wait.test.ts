import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:net';
import t from 'tap';
import { cliPath, requireBuiltCli, startCli } from '../helpers/processes.js';

// `iamport-sandbox wait` for scripts that must not talk to the sandbox before it is ready.
t.setTimeout(120_000);

function wait(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [cliPath, 'wait', ...args]);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

t.test('wait URL: exits 0 and prints the URL once /sandbox/health answers', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await startCli(['--log-level', 'silent', '--no-control']);
  t.teardown(() => child.process.kill('SIGKILL'));
  const run = await wait([child.url, '--timeout', '20s']);
  t.same(run, { code: 0, stdout: `${child.url}\n`, stderr: '' }, 'the health check answers even with --no-control');
});

t.test('wait --ready-file: waits for a server started after it, on a port only the file names', async (t) => {
  if (!requireBuiltCli(t)) return;
  const readyFile = join(t.testdir(), 'ready');
  const waiting = wait(['--ready-file', readyFile, '--timeout', '60s']);
  const child = await startCli(['--log-level', 'silent', '--ready-file', readyFile]);
  const run = await waiting;
  t.same(run, { code: 0, stdout: `${child.url}\n`, stderr: '' });
  child.process.kill('SIGTERM');
  t.equal(await child.exited, 0);
  t.equal((await wait(['--ready-file', readyFile, '--timeout', '300ms'])).code, 1, 'the file is removed on exit');
});

t.test('wait times out with one line naming what it waited for', async (t) => {
  if (!requireBuiltCli(t)) return;
  // A port that is free: taken, then let go.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const run = await wait([`http://127.0.0.1:${port}`, '--timeout', '500ms']);
  t.equal(run.code, 1);
  t.equal(run.stdout, '');
  t.equal(
    run.stderr,
    `iamport-sandbox: wait: the sandbox was not ready within 0.5s (last: http://127.0.0.1:${port}/sandbox/health: ECONNREFUSED)\n`,
  );
  const bad = await wait(['--timeout', 'soon']);
  t.equal(bad.code, 1);
  t.equal(bad.stderr, 'iamport-sandbox: --timeout must be a duration such as 30s, 500ms or 2m, got "soon"\n');
});

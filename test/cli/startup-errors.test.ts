import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import t, { type Test } from 'tap';
import { requireBuiltCli, runCli, startCli } from '../helpers/processes.js';

// What the CLI says when it cannot start: one line naming the problem and what to do, exit 1, no stack.
// Each case is a child process; on a loaded machine they need more than tap's default 30 s.
t.setTimeout(120_000);

const oneLine = (t: Test, stderr: string, pattern: RegExp) => {
  t.match(stderr, pattern);
  t.equal(stderr.split('\n').length, 2, 'one line');
  t.notMatch(stderr, /\n\s+at /, 'no stack');
};

t.test('a --data location that cannot be written stops start-up with the path and the OS error', async (t) => {
  if (!requireBuiltCli(t)) return;
  const missing = `${t.testdir()}/no/such/dir/db.json`;
  const run = await runCli(['--data', missing]);
  t.equal(run.code, 1);
  oneLine(t, run.stderr, new RegExp(`cannot write the data file ${missing}: ENOENT`));
  t.notMatch(run.stdout, /listening/);

  const notADirectory = `${t.testdir()}/file`;
  writeFileSync(notADirectory, '');
  const under = await runCli(['--data', `${notADirectory}/db.json`]);
  t.equal(under.code, 1);
  oneLine(t, under.stderr, /ENOTDIR/);
});

t.test('a new data file: start-up probes its directory and leaves nothing behind', async (t) => {
  if (!requireBuiltCli(t)) return;
  const dir = t.testdir();
  const child = await startCli(['--data', `${dir}/db.json`]);
  t.same(readdirSync(dir), ['db.json.lock'], 'no probe file, no data before the first change: only the lock');
  child.process.kill('SIGTERM');
  await child.exited;
  t.same(readdirSync(dir), [], 'the lock goes with the process');
});

t.test('a port in use, an unknown option, a bad log level: one line that says what to do', async (t) => {
  if (!requireBuiltCli(t)) return;
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => blocker.close());
  const port = (blocker.address() as { port: number }).port;
  const busy = await runCli(['--port', String(port)]);
  t.equal(busy.code, 1);
  oneLine(t, busy.stderr, new RegExp(`^iamport-sandbox: port ${port} on 127\\.0\\.0\\.1 is in use: .*--port`));

  const unknown = await runCli(['--bogus']);
  t.equal(unknown.code, 1);
  t.equal(unknown.stderr, 'iamport-sandbox: unknown option --bogus (iamport-sandbox --help lists them)\n');

  const level = await runCli(['--log-level', 'verbose']);
  t.equal(level.code, 1);
  t.equal(level.stderr, 'iamport-sandbox: log level must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"\n');
});

t.test('the banner says whether the control API is on', async (t) => {
  if (!requireBuiltCli(t)) return;
  const off = await startCli(['--no-control', '--log-level', 'silent']);
  t.match(off.stdout(), /control API off: --no-control was given; \/sandbox\/\.\.\. answers 404/);
  off.process.kill('SIGTERM');
  await off.exited;
  const on = await startCli(['--log-level', 'silent']);
  t.match(on.stdout(), /control API http:\/\/127\.0\.0\.1:\d+\/sandbox\//);
  on.process.kill('SIGTERM');
  await on.exited;
});

t.test('an unreadable data file stops start-up with a clear message and is left untouched', async (t) => {
  if (!requireBuiltCli(t)) return;
  for (const [name, content] of [
    ['broken JSON', '{"version":1,"payments":[{"trunc'],
    ['not a sandbox file', '{"hello":"world"}'],
  ] as const) {
    const file = `${t.testdir()}/${name.replace(/\W/g, '-')}.json`;
    writeFileSync(file, content);
    const run = await runCli(['--data', file]);
    t.equal(run.code, 1, `${name}: exit code 1`);
    t.match(run.stderr, /cannot use data file .*left untouched/, `${name}: says why`);
    t.notMatch(run.stdout, /listening on/, `${name}: never listened`);
    t.equal(readFileSync(file, 'utf8'), content, `${name}: file untouched`);
  }
});

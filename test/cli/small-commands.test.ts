import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { cliPath, requireBuiltCli } from '../helpers/processes.js';

t.setTimeout(120_000);
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

t.test('--version prints the package version', async (t) => {
  if (!requireBuiltCli(t)) return;
  const proc = spawn(process.execPath, [cliPath, '--version']);
  let stdout = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise((resolve) => proc.once('exit', resolve));
  t.equal(code, 0);
  t.equal(stdout, `${manifest.version}\n`);
});

t.test('openapi | head: a reader that goes away early is no error', async (t) => {
  if (!requireBuiltCli(t)) return;
  const proc = spawn(process.execPath, [cliPath, 'openapi']);
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  // As `head -1` does: read the first chunk, then close the pipe.
  await new Promise((resolve) => proc.stdout.once('data', resolve));
  proc.stdout.destroy();
  const code = await new Promise((resolve) => proc.once('exit', resolve));
  t.equal(stderr, '', 'no EPIPE stack');
  t.equal(code, 0);
});

// Bakes V8's code cache of the bundled CLI (see src/cli.ts) into dist/.v8-cache the way a first start leaves it:
// started, one getToken answered, stopped. The Dockerfile runs it, so a container's first start and first answer
// skip compiling as a later start does. Run from the package root after `npm run build`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { setTimeout } from 'node:timers/promises';

const merchant = JSON.parse(readFileSync('fixtures/merchants.json', 'utf8')).merchants[0];
const cli = spawn(process.execPath, ['dist/src/cli.js', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => cli.once('exit', resolve));
const url = await new Promise((resolve, reject) => {
  let out = '';
  cli.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  void exited.then((code) => reject(new Error(`the sandbox exited (${code}) before it listened`)));
});
const answer = await globalThis.fetch(`${url}/users/getToken`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret }),
}).then((response) => response.json());
if (answer.code !== 0) throw new Error(`getToken answered ${JSON.stringify(answer)}`);
// The CLI saves the cache again right after its first answer (a setImmediate later); then it may stop.
await setTimeout(500);
cli.kill('SIGTERM');
const code = await exited;
if (code !== 0) throw new Error(`the sandbox exited with ${code}`);

// Bakes V8's code cache of the bundled CLI (see src/cli.ts) into dist/.v8-cache the way a first start leaves it:
// started, a getToken, a onetime charge and an again charge answered, stopped. The Dockerfile runs it, so a container's first start and first answer
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
const post = async (path, body, token) => {
  const answer = await globalThis.fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((response) => response.json());
  if (answer.code !== 0) throw new Error(`${path} answered ${JSON.stringify(answer)}`);
  return answer.response;
};
const { access_token: token } = await post('/users/getToken', { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret });
// A card the shipped fixtures approve.
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
await post('/subscribe/payments/onetime', { ...card, merchant_uid: 'bake-1', customer_uid: 'bake', amount: 1000 }, token);
await post('/subscribe/payments/again', { customer_uid: 'bake', merchant_uid: 'bake-2', amount: 1000 }, token);
// The CLI saves the cache again once requests pause (300 ms after the last answer); then it may stop.
await setTimeout(1000);
cli.kill('SIGTERM');
const code = await exited;
if (code !== 0) throw new Error(`the sandbox exited with ${code}`);

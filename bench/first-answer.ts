// npm run bench builds it; then: node dist/bench/first-answer.js [--starts N]
//
// How long the first request of each kind waits once a server reports ready: the CLI is started STARTS times
// (`--ready-file`), and as soon as the file appears getToken, onetime and again are sent one after another, each
// timed from sending to its whole answer read; the bare Fastify server (bench/bare.ts) is started and asked the same
// way, taking turns with the CLI so load from elsewhere falls on both alike. See bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { defaultMerchants } from '../src/index.js';

const argv = process.argv;
const STARTS = argv.includes('--starts') ? Number(argv[argv.indexOf('--starts') + 1]) : 15;
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/src/cli.js');
const bare = join(root, 'dist/bench/bare.js');
const work = mkdtempSync(join(tmpdir(), 'iamport-first-answer-'));
const merchant = defaultMerchants[0]!;
// Approves: any card number but the scripted declines of fixtures/cards.json.
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

type Call = 'getToken' | 'onetime' | 'again';
const calls: Call[] = ['getToken', 'onetime', 'again'];

async function timed(url: string, path: string, body: object, token?: string): Promise<{ ms: number; answer: { code: number; response: { access_token?: string } } }> {
  const began = performance.now();
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  const ms = performance.now() - began;
  if (answer.code !== 0) throw new Error(`${path} answered ${JSON.stringify(answer)}`);
  return { ms, answer };
}

/** Starts `entry`, waits for its ready file, and times the first getToken, onetime and again; then kills it. */
async function firstAnswers(entry: string, linger = 0): Promise<Record<Call, number>> {
  const ready = join(work, 'ready');
  rmSync(ready, { force: true });
  const proc = spawn(process.execPath, [entry, '--port', '0', '--ready-file', ready], { stdio: 'ignore' });
  try {
    while (!existsSync(ready)) {
      if (proc.exitCode !== null) throw new Error(`${entry} exited with ${proc.exitCode}`);
      await sleep(1);
    }
    const url = readFileSync(ready, 'utf8').trim();
    const token = await timed(url, '/users/getToken', { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret });
    const access = token.answer.response.access_token!;
    const onetime = await timed(url, '/subscribe/payments/onetime', { ...card, merchant_uid: 'first-o', customer_uid: 'first-c', amount: 1000 }, access);
    const again = await timed(url, '/subscribe/payments/again', { customer_uid: 'first-c', merchant_uid: 'first-a', amount: 1000 }, access);
    await sleep(linger);
    return { getToken: token.ms, onetime: onetime.ms, again: again.ms };
  } finally {
    proc.kill('SIGKILL');
    await new Promise((resolve) => (proc.exitCode === null ? proc.once('exit', resolve) : resolve(null)));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Not counted: a bare start warms this process's own fetch, and a CLI start that runs on for a moment leaves the
// CLI's code cache of a start and a first answer (src/cli.ts), as a developer's first `npm start` does.
await firstAnswers(bare);
await firstAnswers(cli, 1500);
const times = { sandbox: [] as Record<Call, number>[], bare: [] as Record<Call, number>[] };
for (let i = 0; i < STARTS; i++) {
  times.bare.push(await firstAnswers(bare));
  times.sandbox.push(await firstAnswers(cli));
  process.stderr.write(`  start ${i + 1}/${STARTS}\n`);
}
rmSync(work, { recursive: true, force: true });

const of = (server: keyof typeof times, call: Call) => median(times[server].map((t) => t[call]));
const range = (server: keyof typeof times, call: Call) => {
  const xs = times[server].map((t) => t[call]);
  return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
};
console.log(`first answer after ready, median of ${STARTS} starts (ms), node ${process.version}`);
console.log('| call | sandbox | range | bare Fastify | range | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const call of calls) {
  const ratio = of('sandbox', call) / of('bare', call);
  console.log(`| ${call} | ${of('sandbox', call).toFixed(1)} | ${range('sandbox', call)} | ${of('bare', call).toFixed(1)} | ${range('bare', call)} | ${ratio.toFixed(1)}x |`);
}

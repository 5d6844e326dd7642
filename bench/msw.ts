// npm run bench:msw [-- --quick]
//
// What the msw handlers cost on top of msw itself: sequential fetches through `setupServer`, answered once by a
// trivial handler returning a fixed envelope of the same size and once by the sandbox's handlers, for getToken
// and `again`. Rounds alternate between the two so drift hits both; the median round counts.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { defaultMerchants } from '../src/index.js';
import { createHandlers } from '../src/msw/index.js';

const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 300 : 2000;
const ROUNDS = quick ? 3 : 7;
/** The issue's budget: ours may add at most this share to msw's own per-request time. */
const BUDGET = 0.3;

const base = 'https://api.iamport.kr';
const merchant = defaultMerchants[0]!;
const json = { 'content-type': 'application/json' };
const credentials = JSON.stringify({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret });

interface Case {
  name: 'getToken' | 'again';
  path: string;
  /** The request body of the i-th call (`again` needs a new merchant_uid each time, or it is a duplicate). */
  body(i: number): string;
}

const cases: Case[] = [
  { name: 'getToken', path: '/users/getToken', body: () => credentials },
  {
    name: 'again',
    path: '/subscribe/payments/again',
    body: (i) => JSON.stringify({ customer_uid: 'bench-customer', merchant_uid: `bench-${i}`, amount: 1000 }),
  },
];

/** Microseconds per request over `REQUESTS` sequential fetches. */
async function measure(handlers: RequestHandler[], item: Case, headers: Record<string, string>, offset: number): Promise<number> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const res = await fetch(`${base}${item.path}`, { method: 'POST', headers, body: item.body(offset + i) });
      if (res.status !== 200) throw new Error(`${item.name} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
    return ((performance.now() - started) * 1000) / REQUESTS;
  } finally {
    server.close();
  }
}

/** A sandbox with a token and a billing key, the way a test suite would have one. */
async function sandboxHandlers() {
  const { handlers } = await createHandlers({ seed: 1 });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const token = (await (await fetch(`${base}/users/getToken`, { method: 'POST', headers: json, body: credentials })).json()).response.access_token;
  const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
  const issue = JSON.stringify({ customer_uid: 'bench-customer', merchant_uid: 'bench-first', amount: 1000, ...card });
  const headers = { ...json, authorization: `Bearer ${token}` };
  const first = await (await fetch(`${base}/subscribe/payments/onetime`, { method: 'POST', headers, body: issue })).json();
  if (first.code !== 0) throw new Error(`could not issue the billing key: ${first.message}`);
  server.close();
  return { handlers, headers };
}

/** A trivial handler answering what ours answers, byte for byte, without doing anything. */
async function trivialHandler(item: Case, handlers: RequestHandler[], headers: Record<string, string>): Promise<RequestHandler> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const sample = await (await fetch(`${base}${item.path}`, { method: 'POST', headers, body: item.body(-1) })).text();
  server.close();
  return http.post(`${base}${item.path}`, () => new Response(sample, { headers: { 'content-type': 'application/json; charset=UTF-8' } }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * What the msw entry adds to a browser bundle (msw itself left out, as the application already has it): built as the
 * README tells browser bundles to (the `node:assert` shim), minified, and gzipped.
 */
async function browserBundleSize(): Promise<string> {
  const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const result = await build({
    entryPoints: [source('../../src/msw/index.ts')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    external: ['msw'],
    alias: { 'node:assert': source('../../src/msw/assert.cts') },
  });
  const bytes = result.outputFiles[0]!.contents;
  return `browser bundle of the msw entry (minified, msw external): ${(bytes.length / 1024).toFixed(0)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzipped`;
}

const { handlers, headers } = await sandboxHandlers();
let over = false;
console.log(`msw ${REQUESTS} sequential fetches per round, ${ROUNDS} rounds, median round (µs per request)\n`);
console.log('endpoint   trivial msw   sandbox   overhead');
for (const item of cases) {
  const trivial = [await trivialHandler(item, handlers, headers)];
  await measure(trivial, item, headers, 0);
  await measure(handlers, item, headers, 1e6);
  const times = { trivial: [] as number[], ours: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.trivial.push(await measure(trivial, item, headers, 0));
    times.ours.push(await measure(handlers, item, headers, (round + 2) * 1e6));
  }
  const [a, b] = [median(times.trivial), median(times.ours)];
  const overhead = b / a - 1;
  over ||= overhead > BUDGET;
  console.log(`${item.name.padEnd(10)} ${a.toFixed(1).padStart(11)} ${b.toFixed(1).padStart(9)} ${`${(overhead * 100).toFixed(1)}%`.padStart(10)}`);
}
console.log(`\nbudget: at most ${BUDGET * 100}% over msw's own time: ${over ? 'EXCEEDED' : 'met'}`);
console.log(await browserBundleSize());
if (over) process.exitCode = 1;

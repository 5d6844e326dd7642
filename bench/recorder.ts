// What the recorder adds to a request: the same requests sent straight to a sandbox and through
// `iamport-sandbox record` in front of it, in alternating rounds, median per request of each.
//
//   npm run build && npx esbuild bench/recorder.ts --outdir=dist/bench --platform=node --format=esm --log-level=warning \
//     && node dist/bench/recorder.js
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecorder } from '../src/conformance/recorder.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';

const ROUNDS = 20;
const PER_ROUND = 200;
const merchant = { imp_key: '7486213512445823', imp_secret: 'sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL' };

const server = await startServer(loadConfig(['--port', '0', '--log-level', 'silent'], {}));
const dir = mkdtempSync(join(tmpdir(), 'bench-recorder-'));
const recorder = createRecorder(server.url, dir);
recorder.server.listen(0, '127.0.0.1');
await once(recorder.server, 'listening');
const proxied = `http://127.0.0.1:${(recorder.server.address() as AddressInfo).port}`;

const post = (base: string, path: string, body: object, token?: string) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<any>);

const token = (await post(server.url, '/users/getToken', merchant)).response.access_token as string;
const paid = await post(server.url, '/subscribe/payments/onetime', { merchant_uid: 'bench-1', amount: 1000, card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' }, token);
const lookup = `/payments/${paid.response.imp_uid}`;

/** Milliseconds of each of `n` sequential lookups through `base`. */
async function times(base: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fetch(base + lookup, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer());
    out.push(performance.now() - started);
  }
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
await times(server.url, PER_ROUND); // warm-up of both paths
await times(proxied, PER_ROUND);
const direct: number[] = [];
const recorded: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const t of await times(server.url, PER_ROUND)) direct.push(t);
  for (const t of await times(proxied, PER_ROUND)) recorded.push(t);
}
await recorder.flushed();
const d = median(direct);
const r = median(recorded);
console.log(`GET /payments/{imp_uid}, ${ROUNDS * PER_ROUND} requests each, sequential, median:`);
console.log(`  direct ${d.toFixed(3)} ms, through the recorder ${r.toFixed(3)} ms: the recorder adds ${(r - d).toFixed(3)} ms`);
recorder.server.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

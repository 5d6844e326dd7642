// npm run bench [-- --quick]
//
// Measures the sandbox against a bare Fastify server answering fixed envelopes of the same size (the ceiling) and
// against bare Fastify doing the least a stateful sandbox must (the stateful ceiling), with autocannon over loopback. Every server is a child process, as users run it; see bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defaultMerchants } from '../src/index.js';
import type { CeilingBodies } from './server.js';
import { writeBaseFile } from '../src/storage/base-file.js';
import { seededSnapshot } from './seed.js';

const quick = process.argv.includes('--quick');
/** Seconds of measurement per cell, after a warm-up that is thrown away. */
const DURATION = quick ? 1 : 4;
const WARMUP = quick ? 0.5 : 1;
/** Each cell runs at each of these numbers of connections. */
const CONNECTIONS = [10, 32];
const STARTS = 10;

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/src/cli.js');
const child = join(root, 'dist/bench/server.js');
const bare = join(root, 'dist/bench/bare.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm run bench does it)`);

const merchant = defaultMerchants[0]!;
const credentials = JSON.stringify({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret });
// Approves: any card number but the scripted declines of fixtures/cards.json.
const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const work = mkdtempSync(join(tmpdir(), 'iamport-bench-'));

/** `--only again,onetime` and `--variants "memory 0,file 0"`: only those cells (and the ceilings' rows they compare with). */
const pick = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1]!.split(',') : null);
const onlyEndpoints = pick('--only');
const onlyVariants = pick('--variants');

type Endpoint = 'getToken' | 'onetime' | 'again' | 'payment';
const endpoints = (['getToken', 'onetime', 'again', 'payment'] as Endpoint[]).filter((e) => !onlyEndpoints || onlyEndpoints.includes(e));
interface Variant {
  name: string;
  store: 'memory' | 'file';
  payments: number;
}
const variants: Variant[] = [0, 10_000, 100_000]
  .flatMap((payments) => (['memory', 'file'] as const).map((store) => ({ name: `${store} ${payments}`, store, payments })))
  .filter((v) => !onlyVariants || onlyVariants.includes(v.name));

interface Row {
  endpoint: Endpoint;
  server: string;
  connections: number;
  rps: number;
  /** The server's CPU time (user + system) per answered request, in microseconds. */
  cpu: number;
  p50: number;
  p99: number;
  problems: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Running {
  url: string;
  process: ChildProcess;
}

/** Starts a child whose stdout (the pino log, as in CI) goes to a file, and waits for its "listening on" line. */
async function startChild(args: string[], name: string): Promise<Running> {
  const log = join(work, `${name.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  const proc = spawn(process.execPath, args, { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}`);
    const match = /listening on (http:\/\/\S+)/.exec(readFileSync(log, 'utf8'));
    if (match) return { url: match[1]!, process: proc };
    await sleep(20);
  }
  proc.kill('SIGKILL');
  throw new Error(`${name} did not start`);
}

async function stop(running: Running): Promise<void> {
  if (running.process.exitCode !== null) return;
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  running.process.kill('SIGKILL'); // the state of a cell is thrown away; no need to wait for a flush
  await exited;
}

async function post(url: string, path: string, body: string, token?: string): Promise<any> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return res.json();
}

/** What a cell needs on a fresh server: a token, a billing key and a payment to look up. */
async function prepare(url: string) {
  const token = (await post(url, '/users/getToken', credentials)).response.access_token as string;
  const issued = await post(
    url,
    '/subscribe/payments/onetime',
    JSON.stringify({ ...card, merchant_uid: 'bench-issue', customer_uid: 'bench-customer', amount: 1000 }),
    token,
  );
  if (issued.code !== 0) throw new Error(`cannot prepare: ${JSON.stringify(issued)}`);
  return { token, impUid: issued.response.imp_uid as string };
}

let unique = 0;
/** One autocannon request definition per endpoint; charges get a new merchant_uid on every request. */
function request(endpoint: Endpoint, token: string, impUid: string): autocannon.Request {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  switch (endpoint) {
    case 'getToken':
      return { method: 'POST', path: '/users/getToken', headers: { 'content-type': 'application/json' }, body: credentials };
    case 'onetime':
      return {
        method: 'POST',
        path: '/subscribe/payments/onetime',
        headers,
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ ...card, merchant_uid: `bench-o-${++unique}`, amount: 1000 }) }),
      };
    case 'again':
      return {
        method: 'POST',
        path: '/subscribe/payments/again',
        headers,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ customer_uid: 'bench-customer', merchant_uid: `bench-a-${++unique}`, amount: 1000 }),
        }),
      };
    case 'payment':
      return { method: 'GET', path: `/payments/${impUid}`, headers };
  }
}

/** A process's CPU time so far (user + system), in microseconds, from /proc (Linux; clock ticks of 10 ms). */
function cpuTime(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function load(url: string, req: autocannon.Request, seconds: number, connections: number, pid: number) {
  let refused = 0;
  const cpuBefore = cpuTime(pid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // A whole-file flush of 100,000 payments takes seconds; a request may wait for two of them.
    timeout: 60,
    requests: [{ ...req, onResponse: (_status: number, body: string) => void (body.startsWith('{"code":0,') || refused++) }],
  });
  const problems = [
    result.non2xx ? `${result.non2xx} non-2xx` : '',
    result.errors ? `${result.errors} errors` : '',
    result.timeouts ? `${result.timeouts} timeouts` : '',
    refused ? `${refused} answers without code 0` : '',
  ].filter(Boolean);
  const cpu = (cpuTime(pid) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, cpu, p50: result.latency.p50, p99: result.latency.p99, problems: problems.join(', ') };
}

async function measure(running: Running, endpoint: Endpoint, token: string, impUid: string, server: string, connections: number): Promise<Row> {
  const pid = running.process.pid!;
  await load(running.url, request(endpoint, token, impUid), WARMUP, connections, pid);
  const r = await load(running.url, request(endpoint, token, impUid), DURATION, connections, pid);
  const row = { endpoint, server, connections, ...r };
  process.stderr.write(`  ${endpoint.padEnd(8)} ${server.padEnd(14)} ${String(connections).padStart(2)} conn ${Math.round(r.rps)} req/s ${r.cpu.toFixed(0)} µs CPU ${r.problems}\n`);
  return row;
}

/** Data files in the core's snapshot format, written once; each file-store cell starts from a fresh copy. */
/**
 * A data file holding `payments` payments, laid out as the sandbox writes its own (one record a line, with the
 * journal generation), so the first write appends to the journal as it would on a data file the sandbox wrote.
 */
async function seedFile(payments: number): Promise<string> {
  const file = join(work, `seed-${payments}.json`);
  if (!existsSync(file)) await writeBaseFile(file, seededSnapshot(payments, merchant.code, merchant.settle.default_mid), `bench-${payments}`);
  return file;
}

async function startSandbox(variant: Variant, cell: string): Promise<Running> {
  const flags = ['--port', '0', '--seed', '1'];
  if (variant.store === 'memory') {
    return startChild([child, 'sandbox', '--payments', String(variant.payments), '--', ...flags], cell);
  }
  const data = join(work, 'data.json');
  rmSync(data, { force: true });
  rmSync(`${data}.journal`, { force: true });
  if (variant.payments > 0) copyFileSync(await seedFile(variant.payments), data);
  return startChild([child, 'sandbox', '--', ...flags, '--data', data], cell);
}

/**
 * Milliseconds from spawning `node ENTRY --port N …` to its first successful getToken; the server is then killed,
 * after `linger` milliseconds.
 */
async function startupTime(entry: string, extra: string[], linger = 0): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const proc = spawn(process.execPath, [entry, '--port', String(port), ...extra], { stdio: 'ignore' });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`cli exited with ${proc.exitCode}`);
      try {
        const body = await post(`http://127.0.0.1:${port}`, '/users/getToken', credentials);
        if (body.code === 0) {
          const took = performance.now() - began;
          await sleep(linger);
          return took;
        }
      } catch {
        // not listening yet
      }
      await sleep(2);
    }
  } finally {
    proc.kill('SIGKILL');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Start-up, each figure a median of STARTS spawns, the servers taking turns so that load from elsewhere on the
 * machine falls on both alike: the bare one-route Fastify server, the CLI with the memory store, and the CLI with
 * an empty data file and with a 100,000-payment one.
 */
async function startup(): Promise<string[]> {
  const big = join(work, 'startup.json');
  copyFileSync(await seedFile(100_000), big);
  const empty = join(work, 'startup-empty.json');
  const times = { bare: [] as number[], memory: [] as number[], empty: [] as number[], big: [] as number[] };
  // Not counted: a first start that answers and runs on for a moment, as a developer's first `npm start` does, so
  // the CLI's code cache of a start and a first answer is there (it is saved once the first answer is sent).
  await startupTime(cli, [], 1500);
  for (let i = 0; i < STARTS; i++) {
    times.bare.push(await startupTime(bare, []));
    times.memory.push(await startupTime(cli, []));
    rmSync(empty, { force: true });
    times.empty.push(await startupTime(cli, ['--data', empty]));
    rmSync(`${big}.journal`, { force: true });
    if (i < (quick ? 3 : STARTS)) times.big.push(await startupTime(cli, ['--data', big]));
    process.stderr.write(`  start-up ${i + 1}/${STARTS}\n`);
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n ${xs.length})`;
  const b = median(times.bare);
  return [
    `start-up to first getToken, bare one-route Fastify: ${ms(times.bare)}`,
    `start-up to first getToken, sandbox (memory store): ${ms(times.memory)}: ${(median(times.memory) / b).toFixed(2)}x bare (target <= 0.8x)`,
    `start-up to first getToken, sandbox (empty data file): ${ms(times.empty)}: ${(median(times.empty) / b).toFixed(2)}x bare`,
    `start-up to first getToken, sandbox (100,000-payment data file): ${ms(times.big)}: ` +
      `+${(median(times.big) - median(times.empty)).toFixed(0)} ms over the empty file (target <= 500 ms)`,
  ];
}

async function main() {
  const began = Date.now();
  if (process.argv.includes('--startup')) {
    for (const line of await startup()) console.log(line);
    rmSync(work, { recursive: true, force: true });
    return;
  }
  process.stderr.write(`bench: ${DURATION}s per cell after ${WARMUP}s warm-up, ${CONNECTIONS.join(' and ')} connections, node ${process.version}\n`);

  // The ceiling answers exactly what the sandbox answers, byte for byte in size.
  const sample = await startSandbox({ name: 'memory 0', store: 'memory', payments: 0 }, 'sample');
  const { token, impUid } = await prepare(sample.url);
  const text = async (path: string, init: RequestInit) => (await fetch(sample.url + path, init)).text();
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const bodies: CeilingBodies = {
    getToken: await text('/users/getToken', { method: 'POST', headers: { 'content-type': 'application/json' }, body: credentials }),
    onetime: await text('/subscribe/payments/onetime', {
      method: 'POST', headers: auth, body: JSON.stringify({ ...card, merchant_uid: 'sample-o', amount: 1000 }),
    }),
    again: await text('/subscribe/payments/again', {
      method: 'POST', headers: auth, body: JSON.stringify({ customer_uid: 'bench-customer', merchant_uid: 'sample-a', amount: 1000 }),
    }),
    payment: await text(`/payments/${impUid}`, { headers: auth }),
  };
  await stop(sample);
  const bodiesFile = join(work, 'ceiling.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const setupFile = join(work, 'stateful.json');
  const payment = (JSON.parse(bodies.onetime) as { response: Record<string, unknown> }).response;
  writeFileSync(setupFile, JSON.stringify({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret, payment }));

  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    const ceiling = await startChild([child, 'ceiling', bodiesFile], 'ceiling');
    for (const endpoint of endpoints) rows.push(await measure(ceiling, endpoint, token, impUid, 'ceiling', connections));
    await stop(ceiling);
    // A fresh stateful ceiling per cell, as for the sandbox: its maps grow with every charge.
    for (const endpoint of endpoints) {
      const stateful = await startChild([child, 'stateful', setupFile], `stateful ${endpoint} ${connections}`);
      const prepared = await prepare(stateful.url);
      rows.push(await measure(stateful, endpoint, prepared.token, prepared.impUid, 'stateful', connections));
      await stop(stateful);
    }
  }

  for (const variant of variants) {
    for (const endpoint of endpoints) {
      for (const connections of CONNECTIONS) {
        // A fresh server per cell: charges add payments, so a shared one would drift away from the variant's size.
        const server = await startSandbox(variant, `${variant.name} ${endpoint} ${connections}`);
        const prepared = await prepare(server.url);
        rows.push(await measure(server, endpoint, prepared.token, prepared.impUid, variant.name, connections));
        await stop(server);
      }
    }
  }

  printTable(rows);
  console.log();
  if (!onlyEndpoints && !onlyVariants) for (const line of await startup()) console.log(line);
  console.log(`\n${DURATION}s per cell, ${CONNECTIONS.join(' and ')} connections, node ${process.version}, total ${Math.round((Date.now() - began) / 1000)} s`);
  rmSync(work, { recursive: true, force: true });
}

function printTable(rows: Row[]) {
  const find = (endpoint: Endpoint, server: string, connections: number) =>
    rows.find((r) => r.endpoint === endpoint && r.server === server && r.connections === connections);
  const lines = [
    ['endpoint', 'server', 'conn', 'req/s', 'CPU µs/req', 'p50 ms', 'p99 ms', 'of ceiling', 'of stateful', 'of empty store', 'problems'],
    ...rows.map((r) => {
      const ceiling = find(r.endpoint, 'ceiling', r.connections)!;
      const stateful = find(r.endpoint, 'stateful', r.connections)!;
      const ceilingRow = r.server === 'ceiling' || r.server === 'stateful';
      const empty = find(r.endpoint, r.server.replace(/\d+$/, '0'), r.connections);
      const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
      return [
        r.endpoint,
        r.server,
        r.connections.toString(),
        Math.round(r.rps).toString(),
        r.cpu.toFixed(0),
        r.p50.toString(),
        r.p99.toString(),
        r.server === 'ceiling' ? '' : pct(r.rps / ceiling.rps),
        ceilingRow ? '' : pct(r.rps / stateful.rps),
        ceilingRow || !empty || empty === r ? '' : pct(r.rps / empty.rps),
        r.problems,
      ];
    }),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const format = (l: string[]) => `| ${l.map((c, i) => (i >= 2 && i <= 9 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(format(lines[0]!));
  console.log(`| ${widths.map((w, i) => (i >= 2 && i <= 9 ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`);
  for (const l of lines.slice(1)) console.log(format(l));
}

await main();

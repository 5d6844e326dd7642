import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { encode, merchantA, parseReply, type Door, type SendInit } from './doors.js';

export const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

/** True when `body` is the vendor's envelope: `{ code: number, message: string | null, response }`. */
export function isEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return typeof b['code'] === 'number' && (b['message'] === null || typeof b['message'] === 'string') && 'response' in b;
}

/**
 * The server as the CLI runs it (startServer), listening on loopback and spoken to with fetch, so requests
 * really overlap on sockets. Shaped like a Door so the same scenarios run against it.
 */
export async function startLoopback(t: Test, dataFile: string | null): Promise<Door> {
  const config = loadConfig(['--port', '0', '--seed', '42', ...(dataFile ? ['--data', dataFile] : [])], {});
  const server = await startServer(config);
  t.teardown(() => server.close());
  const send: Door['send'] = async (method: string, url: string, init?: SendInit) => {
    const { headers, body } = encode(init);
    const res = await fetch(server.url + url, { method, headers, ...(body !== undefined ? { body } : {}) });
    return parseReply(res.status, Object.fromEntries(res.headers), await res.text());
  };
  const tokenOf = async (merchant = merchantA) => {
    const res = await send('POST', '/users/getToken', { json: { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret } });
    return res.body.response.access_token as string;
  };
  const call: Door['call'] = async (method, url, init = {}, merchant = merchantA) =>
    send(method, url, { ...init, headers: { authorization: `Bearer ${await tokenOf(merchant)}`, ...init.headers } });
  // The name is only used in subtest titles here.
  return { name: 'http', origin: server.url, sandbox: server.sandbox, send, tokenOf, call };
}

/** The built CLI; child-process tests need `npm run build` first (`npm test` does, in its pretest). */
export const cliPath = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

export function requireBuiltCli(t: Test): boolean {
  if (existsSync(cliPath)) return true;
  t.fail(`${cliPath} is missing: run "npm run build" before these tests ("npm test" does)`);
  return false;
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything the process wrote to stdout so far (its pino log and banner). */
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs `node dist/src/cli.js` on port 0 (unless `args` name one), with `env` added, and waits for its "listening on http://…" line. */
export async function startCli(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [cliPath, '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        proc.stdout.off('data', check);
        resolve(match[1]!);
      }
    };
    proc.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`cli exited with ${code} before listening: ${err}`)));
  });
  return { process: proc, url, stdout: () => out, stderr: () => err, exited };
}

/** Runs the CLI to completion (for start-up failures) and returns its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [cliPath, '--port', '0', ...args]);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function getToken(url: string, merchant = merchantA): Promise<string> {
  const res = await fetch(`${url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: merchant.imp_key, imp_secret: merchant.imp_secret }),
  });
  return ((await res.json()) as any).response.access_token;
}

/** The PID the CLI's banner prints (the process that owns the server), or null before the banner. */
export function bannerPid(stdout: string): number | null {
  const match = /\bpid (\d+)\b/.exec(stdout);
  return match ? Number(match[1]) : null;
}

/** Whether process `pid` still runs: a zombie (exited, not yet reaped by whoever adopted it) does not. */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state follows the command name in parentheses, which may itself hold spaces.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    // Gone since, or no /proc (macOS): then kill(pid, 0) had the last word.
    return !((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self'));
  }
}

/** Resolves true once process `pid` is gone, false if it still runs after `ms` (checked every 50 ms). */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (running(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

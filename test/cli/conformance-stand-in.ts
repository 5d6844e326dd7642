import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';

// Local stand-ins for the vendor: a sandbox, and a node:http proxy in front of it that can change, hold or drop
// any answer, so the conformance kit is proved against an upstream that differs on purpose, with no internet.

export const merchant = { impKey: '7486213512445823', impSecret: 'sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL' };
export const cardArgs = ['--card-number', '1234-1234-1234-1234', '--expiry', '2030-01'];

export async function sandbox(t: Test): Promise<RunningServer> {
  const server = await startServer(loadConfig(['--port', '0', '--log-level', 'silent'], {}));
  t.teardown(() => server.close());
  return server;
}

interface Seen {
  method: string;
  path: string;
  body: any;
}

/** What the stand-in does with one exchange: pass it on (undefined), change the answer, hold it, or drop the connection. */
export type Rule = (seen: Seen, answer: { status: number; body: any }) => { status: number; body: any } | 'hold' | 'drop' | undefined;

export interface StandIn {
  url: string;
  /** Every request it received, in order. */
  seen: Seen[];
  /** Settles when the first request is held. */
  held: Promise<void>;
}

async function read(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function standIn(t: Test, upstream: string, rule: Rule = () => undefined): Promise<StandIn> {
  const seen: Seen[] = [];
  let heldOne: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (heldOne = resolve));
  const server = createServer(async (request, response) => {
    const text = await read(request);
    const entry = { method: request.method ?? 'GET', path: request.url ?? '/', body: text ? JSON.parse(text) : undefined };
    seen.push(entry);
    const headers = { ...(request.headers['authorization'] ? { authorization: request.headers['authorization'] } : {}), ...(text ? { 'content-type': 'application/json' } : {}) };
    const res = await fetch(upstream + entry.path, { method: entry.method, headers, ...(text ? { body: text } : {}) });
    const answer = { status: res.status, body: JSON.parse(await res.text()) };
    const changed = rule(entry, answer);
    if (changed === 'hold') return heldOne();
    if (changed === 'drop') return void request.socket.destroy();
    const out = changed ?? answer;
    response.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(out.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, held };
}

/** The io of a kit command, captured. */
export function capture(): { io: { out: (s: string) => void; err: (s: string) => void; env: Record<string, string | undefined> }; text: () => string } {
  let text = '';
  return { io: { out: (s) => (text += s), err: (s) => (text += s), env: {} }, text: () => text };
}

/** Paid payments still charged on a sandbox (none, once a run cleaned up after itself). */
export async function stillCharged(server: RunningServer): Promise<unknown[]> {
  const token = await fetch(`${server.url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: merchant.impKey, imp_secret: merchant.impSecret }),
  }).then(async (r) => ((await r.json()) as any).response.access_token);
  const list = (await fetch(`${server.url}/payments/status/all?limit=100`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as any;
  return list.response.list.filter((p: any) => p.status === 'paid' || (p.status === 'cancelled' && p.cancel_amount < p.amount)).map((p: any) => p.imp_uid);
}

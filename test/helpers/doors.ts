import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { Test } from 'tap';
import { createSandbox, defaultMerchants, type Sandbox, type SandboxOptions } from '../../src/index.js';
import { buildApp } from '../../src/http/app.js';
import { createHandlers } from '../../src/msw/index.js';
import { onUnhandled } from './unhandled.js';

export const merchantA = defaultMerchants[0]!;
export const merchantB = defaultMerchants[1]!;
/** The test-channel merchant: the vendor's shared Settle test MIDs, each marked `sandbox: true`. */
export const merchantC = defaultMerchants[2]!;

/** 2026-03-01 12:00:00 KST: the instant every test starts from (the clock is frozen there). */
export const START = Date.UTC(2026, 2, 1, 3, 0, 0);

export interface SendInit {
  json?: unknown;
  form?: Record<string, string | string[]>;
  /** A raw body, sent as is (with whatever content-type the headers say). */
  payload?: string;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/** One way into the sandbox. Every scenario test runs through each door and must see the same answers. */
export interface Door {
  name: DoorName;
  sandbox: Sandbox;
  /** The origin the door is reached at: a page the sandbox serves sends it as its Origin. */
  origin: string;
  /** A request with exactly the given headers and body. `url` is a path with its query string. */
  send(method: string, url: string, init?: SendInit): Promise<Reply>;
  /** getToken for a merchant (merchant A by default). */
  tokenOf(merchant?: typeof merchantA): Promise<string>;
  /** A request carrying a fresh token of the merchant as `Authorization: Bearer`. */
  call(method: string, url: string, init?: SendInit, merchant?: typeof merchantA): Promise<Reply>;
}

export type DoorName = 'http' | 'msw';
export const doorNames: DoorName[] = ['http', 'msw'];

function formBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

/** Headers and raw body of a SendInit, as both doors put them on the wire. */
export function encode(init: SendInit = {}): { headers: Record<string, string>; body: string | undefined } {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.payload;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    body = formBody(init.form);
  }
  return { headers, body };
}

export function parseReply(status: number, headers: Record<string, string>, text: string): Reply {
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test sees the text
  }
  return { status, headers, body };
}

function withHelpers(name: DoorName, origin: string, sandbox: Sandbox, send: Door['send']): Door {
  const tokenOf = async (merchant = merchantA) => {
    const res = await send('POST', '/users/getToken', { json: { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret } });
    return res.body.response.access_token as string;
  };
  const call: Door['call'] = async (method, url, init = {}, merchant = merchantA) =>
    send(method, url, { ...init, headers: { authorization: `Bearer ${await tokenOf(merchant)}`, ...init.headers } });
  return { name, origin, sandbox, send, tokenOf, call };
}

/** A sandbox on a frozen clock with a fixed seed. */
async function testSandbox(options: Partial<SandboxOptions>): Promise<Sandbox> {
  const sandbox = await createSandbox({ seed: 42, ...options });
  if (!options.clock) await sandbox.freeze(START);
  return sandbox;
}

/** The Fastify server, driven in-process with `inject`, closed when the test ends. */
export async function startApp(t: Test, options: Partial<SandboxOptions> = {}) {
  const sandbox = await testSandbox(options);
  const app = await buildApp({ sandbox });
  t.teardown(() => app.close());
  const send: Door['send'] = async (method, url, init) => {
    const { headers, body } = encode(init);
    const res = await app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body } : {}) });
    return parseReply(res.statusCode, res.headers as Record<string, string>, res.body);
  };
  // inject's requests carry `Host: localhost:80`.
  return { app, ...withHelpers('http', 'http://localhost', sandbox, send) };
}

// msw patches globals, so one process has one msw server, listening only while an msw door is open (a
// test of another door may fetch a real port). Each door answers on its own origin, so two doors open in
// one test never answer for each other.
let mswServer: SetupServer | null = null;
const openMswDoors = new Set<RequestHandler[]>();
let mswDoorCount = 0;

/** The msw handlers behind `setupServer`, reached with the global `fetch`, as an application's unit test would. */
async function startMsw(t: Test, options: Partial<SandboxOptions> = {}) {
  const sandbox = await testSandbox(options);
  const baseUrl = `https://door-${++mswDoorCount}.iamport.test`;
  const { handlers } = await createHandlers({ sandbox, baseUrl });
  openMswDoors.add(handlers);
  if (!mswServer) {
    mswServer = setupServer();
    // Only the sandbox's own hosts must be handled; webhooks the sandbox sends to a test's receiver pass through.
    mswServer.listen(onUnhandled((request, print) => (new URL(request.url).hostname.endsWith('.iamport.test') ? print.error() : undefined)));
  }
  const server = mswServer;
  server.resetHandlers(...[...openMswDoors].flat());
  t.teardown(() => {
    openMswDoors.delete(handlers);
    server.resetHandlers(...[...openMswDoors].flat());
    if (openMswDoors.size > 0) return;
    server.close();
    mswServer = null;
  });
  const send: Door['send'] = async (method, url, init) => {
    const { headers, body } = encode(init);
    const res = await fetch(`${baseUrl}${url}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    return parseReply(res.status, Object.fromEntries(res.headers), await res.text());
  };
  return { baseUrl, ...withHelpers('msw', baseUrl, sandbox, send) };
}

export async function startDoor(t: Test, name: DoorName, options: Partial<SandboxOptions> = {}): Promise<Door> {
  switch (name) {
    case 'http':
      return startApp(t, options);
    case 'msw':
      return startMsw(t, options);
  }
}

/** Runs the same scenarios through every door, each in its own subtest with its own fresh sandbox. */
export function forEachDoor(t: Test, scenarios: (t: Test, start: (options?: Partial<SandboxOptions>) => Promise<Door>) => Promise<void>): void {
  for (const name of doorNames) {
    t.test(`through the ${name} door`, (t) => scenarios(t, (options = {}) => startDoor(t, name, options)));
  }
}

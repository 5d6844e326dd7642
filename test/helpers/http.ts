import type { Test } from 'tap';
import { createSandbox, defaultMerchants, type SandboxOptions } from '../../src/index.js';
import { buildApp } from '../../src/http/app.js';

export const merchantA = defaultMerchants[0]!;
export const merchantB = defaultMerchants[1]!;

/** 2026-03-01 12:00:00 KST: a fixed instant every test starts from. */
export const START = Date.UTC(2026, 2, 1, 3, 0, 0);

/** A sandbox server on a frozen clock with a fixed seed, closed when the test ends. */
export async function startApp(t: Test, options: Partial<SandboxOptions> = {}) {
  const sandbox = await createSandbox({ seed: 42, ...options });
  if (!options.clock) sandbox.clock.freeze(START);
  const app = await buildApp({ sandbox });
  t.teardown(() => app.close());

  async function send(method: string, url: string, init: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; payload?: string } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    let payload: string | undefined = init.payload;
    if (init.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(init.form).toString();
    }
    const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
    let body: any;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, headers: res.headers, body };
  }

  async function tokenOf(merchant = merchantA): Promise<string> {
    const res = await send('POST', '/users/getToken', { json: { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret } });
    return res.body.response.access_token;
  }

  /** Sends with a fresh token of the merchant in the Authorization header. */
  async function call(method: string, url: string, init: Parameters<typeof send>[2] = {}, merchant = merchantA) {
    const token = await tokenOf(merchant);
    return send(method, url, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  }

  return { app, sandbox, send, call, tokenOf };
}

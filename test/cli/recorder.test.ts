import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import t from 'tap';
import { createRecorder } from '../../src/conformance/recorder.js';
import { recordingFile } from '../../src/conformance/recording.js';
import { replayCommand } from '../../src/conformance/replay-command.js';
import { capture, merchant, sandbox } from './conformance-stand-in.js';
import { tempDir } from '../helpers/temp-dir.js';

// The recorder proved against a sandbox upstream: the client gets the upstream's answers byte for byte, the
// recording holds no secret, and its replay against a fresh sandbox finds no difference.

async function listening(server: ReturnType<typeof createServer>): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A tap in front of the sandbox that keeps the exact bytes of every answer it relays. */
async function tapped(t: any, upstream: string): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization']) if (request.headers[name]) headers[name] = String(request.headers[name]);
    const res = await fetch(upstream + request.url, { method: request.method!, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const text = await res.text();
    bodies.push(text);
    response.writeHead(res.status, { 'content-type': res.headers.get('content-type') ?? 'application/json' });
    response.end(text);
  });
  const url = await listening(server);
  t.teardown(() => server.close());
  return { url, bodies };
}

const card = { card_number: '9410-1234-5678-1231', expiry: '2030-01', birth: '880101' };
const buyer = { buyer_name: '김테스트', buyer_tel: '010-9876-5432', buyer_email: 'private@example.com' };

/** A merchant's backend: the calls a Settle billing integration makes, through `base`. */
async function client(base: string): Promise<{ bodies: string[]; tokens: string[] }> {
  const bodies: string[] = [];
  const call = async (method: string, path: string, body?: object, token?: string, form = false) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body) headers['content-type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
    const res = await fetch(base + path, { method, headers, ...(body ? { body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body) } : {}) });
    const text = await res.text();
    bodies.push(text);
    return JSON.parse(text);
  };
  const token = (await call('POST', '/users/getToken', { imp_key: merchant.impKey, imp_secret: merchant.impSecret }, undefined, true)).response.access_token;
  const first = await call('POST', '/subscribe/payments/onetime', { customer_uid: 'shop-customer-7', merchant_uid: 'order-1', amount: 1000, ...card, ...buyer }, token);
  const second = await call('POST', '/subscribe/payments/again', { customer_uid: 'shop-customer-7', merchant_uid: 'order-2', amount: 1000 }, token);
  await call('GET', `/payments/${first.response.imp_uid}?_token=${token}`);
  await call('POST', '/payments/cancel', { imp_uid: second.response.imp_uid, amount: 400, checksum: 1000 }, token);
  await call('POST', '/subscribe/payments/again', { customer_uid: 'nobody', merchant_uid: 'order-3', amount: 1000 }, token);
  await call('POST', '/subscribe/payments/onetime', { merchant_uid: 'order-4', amount: 1000, ...card, card_number: '4000-0000-0000-0101' }, token);
  await call('GET', '/subscribe/customers/shop-customer-7', undefined, token);
  await call('POST', '/users/getToken', { imp_key: merchant.impKey, imp_secret: 'wrong' });
  return { bodies, tokens: [token] };
}

t.test('through the recorder a client gets the upstream\'s answers byte for byte; the recording holds no secret; its replay finds no difference', async (t) => {
  const upstream = await sandbox(t);
  const tap = await tapped(t, upstream.url);
  const dir = tempDir('recording-');
  const recorder = createRecorder(tap.url, dir);
  const url = await listening(recorder.server);
  t.teardown(() => recorder.server.close());

  const { bodies, tokens } = await client(url);
  t.same(bodies, tap.bodies, 'every answer is the upstream\'s, byte for byte');
  await recorder.flushed();
  const recording = readFileSync(recordingFile(dir), 'utf8');
  t.equal(recording.trim().split('\n').length, 9, 'one line per exchange');
  for (const secret of [merchant.impSecret, merchant.impKey, ...tokens, '9410-1234-5678-1231', '9410123456781231', '4000000000000101', '4000-0000-0000-0101', '880101', '김테스트', '010-9876-5432', 'private@example.com']) {
    t.notOk(recording.includes(secret), `the recording does not hold ${secret}`);
  }

  const { io, text } = capture();
  t.equal(await replayCommand([dir], io), 0, text());
  t.match(text(), /replayed 9 exchanges .*\n0 differences, 0 unexplained/);

  const other = await sandbox(t);
  const against = capture();
  t.equal(await replayCommand([dir, '--against', other.url, '--out', join(dir, 'replay')], against.io), 0, against.text());
  t.match(readFileSync(join(dir, 'replay', 'report.md'), 'utf8'), /differences: 0, unexplained: 0/);
});

t.test('a replay that meets another answer reports it in the same form as the conformance diff', async (t) => {
  const upstream = await sandbox(t);
  const dir = tempDir('recording-');
  const recorder = createRecorder(upstream.url, dir);
  const url = await listening(recorder.server);
  t.teardown(() => recorder.server.close());
  await client(url);
  await recorder.flushed();
  // Replayed with another merchant's keys, whose default MID requires a real birth date: the first charge fails.
  const { io, text } = capture();
  const b = { impKey: '3921785046217390', impSecret: 'sandboxSecretB0002mW4nX8cV2bZ6aQ1sD5fG9hJ3kL7pO0iU4yT8rE2wQ6eR1tY5uI9oP' };
  t.equal(await replayCommand([dir, '--imp-key', b.impKey, '--imp-secret', b.impSecret], io), 1);
  t.match(text(), /DIFF #2 refusal-added code: expected 0, got -1\n\s+DIFF #2 message message: expected null, got "카드정보 인증에 실패하였습니다. \[ST55\]생년월일 불일치"\n\s+DIFF #2 type response: expected object, got null\n/);
});

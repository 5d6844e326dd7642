import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isObject, type Json } from './exchange.js';
import { Redactor } from './redact.js';
import { RecordingWriter, type RecordedExchange } from './recording.js';

// The recorder: a forwarding proxy a merchant's backend points at instead of api.iamport.kr. Each request goes to
// the upstream unchanged (method, path, headers but the hop-by-hop ones, body bytes), the upstream's answer goes
// back unchanged, and only then is the exchange redacted and appended, so recording costs the client nothing it
// waits for. The redactor learns each secret as it passes (the imp_secret of a getToken, the token it answers,
// every card number and Authorization value), so none is written even where an API echoes it.

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);
// fetch hands over the body decoded, so its encoding and length no longer describe what is relayed.
const NOT_RELAYED = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parsed(bytes: Buffer, contentType: string): Json | undefined {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** Teaches the redactor what in this exchange is secret: the token sent, and the card, keys and token in the bodies. */
function learnSecrets(redactor: Redactor, authorization: string | undefined, body: Json | undefined, answer: Json): void {
  redactor.learn(authorization?.replace(/^Bearer\s+/i, ''));
  for (const value of [body, isObject(answer) ? answer['response'] : null]) {
    if (!isObject(value)) continue;
    for (const key of ['imp_key', 'imp_secret', 'card_number', 'access_token']) redactor.learn(typeof value[key] === 'string' ? value[key] : undefined);
  }
}

export interface Recorder {
  server: Server;
  /** Settles when every exchange answered so far is written. */
  flushed(): Promise<void>;
}

export function createRecorder(upstream: string, dir: string): Recorder {
  const writer = new RecordingWriter(dir);
  const redactor = new Redactor();
  const base = upstream.replace(/\/$/, '');
  let seq = 0;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const bytes = await bodyOf(request);
    const method = request.method ?? 'GET';
    let upstreamAnswer: Response;
    try {
      upstreamAnswer = await fetch(base + (request.url ?? '/'), { method, headers: forwardedHeaders(request.headers), redirect: 'manual', ...(bytes.length > 0 ? { body: new Uint8Array(bytes) } : {}) });
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ code: -1, message: `iamport-sandbox record: upstream unreachable (${(error as Error).message})`, response: null }));
      return;
    }
    const answer = Buffer.from(await upstreamAnswer.arrayBuffer());
    const headers: Record<string, string> = {};
    upstreamAnswer.headers.forEach((value, name) => void (NOT_RELAYED.has(name) ? undefined : (headers[name] = value)));
    response.writeHead(upstreamAnswer.status, headers);
    response.end(answer);
    const contentType = request.headers['content-type'] ?? '';
    const body = parsed(bytes, contentType);
    const answerBody = parsed(answer, upstreamAnswer.headers.get('content-type') ?? '') ?? '';
    learnSecrets(redactor, request.headers['authorization'] ?? request.headers['x-imptokenheader']?.toString(), body, answerBody);
    const exchange: RecordedExchange = {
      seq: ++seq,
      method,
      path: redactor.text((request.url ?? '/').replace(/([?&]_token=)[^&]*/, '$1[redacted]')),
      ...(body === undefined ? {} : { body: redactor.json(body) }),
      form: contentType.includes('application/x-www-form-urlencoded'),
      authorized: request.headers['authorization'] !== undefined || request.headers['x-imptokenheader'] !== undefined || /[?&]_token=/.test(request.url ?? ''),
      answer: { status: upstreamAnswer.status, body: redactor.json(answerBody) },
    };
    void writer.append(exchange);
  };
  const server = createServer((request, response) => void handle(request, response));
  return { server, flushed: () => writer.flushed() };
}

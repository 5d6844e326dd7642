import type { FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import { maskQueryToken } from '../api/request.js';
import { isWarmUp } from './warm-up.js';

/**
 * A URL as a log may show it: never a token from the query string, under any spelling the token parser accepts.
 * Headers and bodies (card numbers, secrets, the control key) are never logged at all.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at + 1) + maskQueryToken(url.slice(at + 1), '[redacted]');
}

/** What the request line needs of pino: its level check, and the request's bindings and destination. */
type PinoInternals = pino.Logger & { [key: symbol]: unknown };
const { chindingsSym, streamSym, needsMetadataGsym } = pino.symbols;
const INFO = 30;

// The envelope's code of each answer the API sent, as the pipeline gave it (never parsed back out of the body), kept
// on the reply itself: a WeakMap entry per request cost more than the rest of the line's bookkeeping.
const CODE = Symbol('envelope code');
type CodedReply = FastifyReply & { [CODE]?: number };

/** Keeps the envelope's code of the answer `reply` sends, for its log line; pages and static files have none. */
export function noteEnvelopeCode(reply: FastifyReply, code: number | null): void {
  if (code !== null) (reply as CodedReply)[CODE] = code;
}

/**
 * The one line logged per request, when it is answered: byte for byte the line
 * `request.log.info({ req, res: { statusCode }, code, responseTime }, 'request completed')` writes with the `req`
 * serializer of the CLI's logger (method, redacted URL, ip), written as a template into pino's destination with the
 * request logger's own bindings (pid, hostname, reqId). A quarter of what pino's generic serialisation and
 * redaction of the same object cost, on every request. `code` is the envelope's, absent when the answer has none.
 */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  if (isWarmUp(request.raw)) return;
  const log = request.log as unknown as PinoInternals;
  // Without a logger (Fastify's silent stand-in, which has no levels) there is nothing to write.
  if (typeof log.isLevelEnabled !== 'function' || !log.isLevelEnabled('info')) return;
  const stream = log[streamSym] as { write(line: string): unknown; [needsMetadataGsym]?: boolean } | undefined;
  const bindings = log[chindingsSym];
  const code = (reply as CodedReply)[CODE];
  if (!stream || typeof bindings !== 'string' || stream[needsMetadataGsym]) {
    // A destination that wants pino's metadata with each line (a multistream): pino writes the line itself.
    const res = { statusCode: reply.statusCode };
    log.info({ req: request, res, ...(code === undefined ? {} : { code }), responseTime: reply.elapsedTime }, 'request completed');
    return;
  }
  const req = JSON.stringify({ method: request.method, url: redactUrl(request.url), ip: request.ip });
  const codeField = code === undefined ? '' : `,"code":${code}`;
  stream.write(
    `{"level":${INFO},"time":${Date.now()}${bindings},"req":${req},"res":{"statusCode":${reply.statusCode}}${codeField},"responseTime":${reply.elapsedTime},"msg":"request completed"}\n`,
  );
}

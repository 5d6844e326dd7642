import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE } from '../api/reply.js';
import { SandboxError } from '../core/errors.js';
import { noteEnvelopeCode } from './request-log.js';

// Answers Node's HTTP layer gives before any route runs (a request line it cannot parse, headers too large,
// a request too slow, an expectation it does not meet, HTTP/1.1 without Host) carry the vendor's envelope
// too, so a client never has to read a second error shape. Each closes the connection: after a broken
// request nothing later on the socket can be trusted.

const refuse = (status: number, message: string) => new SandboxError(status, -1, message);
// The sandbox's own wording: the vendor's answers to these are unrecorded.
const refusals = {
  malformedRequest: () => refuse(400, 'HTTP 요청 형식이 올바르지 않습니다.'),
  missingHost: () => refuse(400, 'HTTP/1.1 요청에는 Host 헤더가 필요합니다.'),
  headersTooLarge: () => refuse(431, '요청 헤더가 너무 큽니다.'),
  requestTimeout: () => refuse(408, '요청을 제시간에 받지 못했습니다. 연결을 닫습니다.'),
  expectationFailed: (expectation: string) => refuse(417, `지원하지 않는 Expect 헤더입니다: ${expectation}`),
};

const envelopeText = (failure: SandboxError) => JSON.stringify(failure.toEnvelope());

/** What Node's parser or timers reported, as the envelope to answer with. */
function failureOf(error: NodeJS.ErrnoException): SandboxError {
  if (error.code === 'HPE_HEADER_OVERFLOW') return refusals.headersTooLarge();
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return refusals.requestTimeout();
  return refusals.malformedRequest();
}

/** Fastify's `clientErrorHandler`: a raw response on the socket where one can still be written, then close. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already under way on this socket (a pipelined request) cannot be followed by another.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (!socket.writable || started) {
    socket.destroy();
    return;
  }
  const failure = failureOf(error);
  const body = envelopeText(failure);
  socket.end(
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\n` +
      `Content-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/** `Expect:` other than `100-continue` (which Node answers itself): 417 with the envelope. */
export function answerExpectation(request: IncomingMessage, response: ServerResponse): void {
  const body = envelopeText(refusals.expectationFailed((request.headers.expect ?? '').slice(0, 100)));
  response.writeHead(417, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(body);
}

/** HTTP/1.1 requires Host (RFC 9112 §3.2); Node's own refusal is an empty 400, so the check is made here instead. */
export async function requireHost(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return;
  const refusal = refusals.missingHost();
  noteEnvelopeCode(reply, refusal.code);
  await reply.code(400).headers({ 'content-type': JSON_TYPE, connection: 'close' }).send(envelopeText(refusal));
}

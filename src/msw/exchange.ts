import { BODY_LIMIT, parseBody } from '../api/request.js';
import { JSON_TYPE } from '../api/reply.js';
import { SandboxError, errors } from '../core/errors.js';

// How a Fetch API request is read and answered so that it matches, byte for byte, what the Fastify door does.

const decoder = new TextDecoder();
const urls = new WeakMap<Request, URL>();

/** The request's URL, parsed once although every handler's predicate looks at it. */
export function urlOf(request: Request): URL {
  let url = urls.get(request);
  if (!url) urls.set(request, (url = new URL(request.url)));
  return url;
}

/**
 * The body, read when and as Fastify reads it: never for GET and HEAD, otherwise (on known and unknown
 * routes alike) through the shared parser, counting bytes against the shared limit.
 */
export async function bodyOf(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > BODY_LIMIT) throw errors.bodyTooLarge(BODY_LIMIT);
  return parseBody(request.headers.get('content-type') ?? undefined, decoder.decode(bytes));
}

/** An envelope as the server sends it; a HEAD answer keeps the status and headers, without the body. */
export function reply(request: Request, status: number, envelope: unknown): Response {
  const body = request.method === 'HEAD' ? null : JSON.stringify(envelope);
  return new Response(body, { status, headers: { 'content-type': JSON_TYPE } });
}

/** A failure as the server answers it. */
export function replyFailure(request: Request, error: unknown): Response {
  const failure = error instanceof SandboxError ? error : unexpected(error);
  return reply(request, failure.status, failure.toEnvelope());
}

/** Anything but a SandboxError is a bug: reported as the server logs it, answered as the server answers it. */
function unexpected(error: unknown): SandboxError {
  console.error('iamport-sandbox: request failed', error);
  return errors.internal();
}

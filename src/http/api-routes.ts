import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Operation } from '../api/operation.js';
import { documentedResponses } from '../api/operation-docs.js';
import type { Outcome, Pipeline, PlainRequest } from '../api/pipeline.js';
import { documentedRequest } from '../api/request-docs.js';
import { noteEnvelopeCode } from './request-log.js';

// The API through Fastify: translation only. A request becomes the pipeline's plain request, and its outcome
// becomes the reply; routing, faults, parsing, tokens, validation and error envelopes are all the pipeline's.

/** The pipeline's request from Fastify's: the raw path and query string, and the body as read from the wire. */
function plainOf(request: FastifyRequest, body: string | undefined): PlainRequest {
  const at = request.url.indexOf('?');
  return {
    method: request.method,
    path: at === -1 ? request.url : request.url.slice(0, at),
    query: at === -1 ? '' : request.url.slice(at + 1),
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    },
    body,
    contentType: request.headers['content-type'],
  };
}

/** Writes the pipeline's outcome: its answer, or a destroyed connection. */
function sendOutcome(reply: FastifyReply, outcome: Outcome): FastifyReply {
  if (outcome.action === 'drop') {
    // Destroying the response destroys its socket on a real server, and fails an in-process `inject` alike.
    reply.hijack();
    reply.raw.destroy();
    return reply;
  }
  const { status, headers, body, code } = outcome.answer;
  noteEnvelopeCode(reply, code);
  return reply.code(status).headers(headers).send(body ?? undefined);
}

/**
 * The body as text, never for GET and HEAD (as the msw door reads it). Past the limit the rest is drained unread:
 * what was kept is already too large for the pipeline, which answers the 413. Read with the stream's events rather
 * than its async iterator, which costs several promises and listeners per request.
 */
function readText(request: FastifyRequest, limit: number): Promise<string | undefined> | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const raw = request.raw;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    raw.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      chunks.push(chunk);
      size += chunk.length;
    });
    let ended = false;
    raw.once('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    raw.once('error', reject);
    // A client gone (or cut off by a timeout) before the end: nothing to answer, as with the stream's own error.
    // Every request closes; only one that closes first is an error (and only then is one built: a stack costs).
    raw.once('close', () => {
      if (!ended) reject(new Error('the request closed before its body ended'));
    });
  });
}

/** Serves one request through the pipeline; also the answer to Fastify's own refusals (a path that does not decode). */
export async function serveApi(pipeline: Pipeline, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const plain = plainOf(request, undefined);
  const body = await readText(request, pipeline.bodyLimit(plain.method, plain.path, plain.header));
  return sendOutcome(reply, await pipeline({ ...plain, body }));
}

/** What the OpenAPI document says of an operation; Fastify validates nothing of it (the pipeline does). */
function documentation(operation: Operation): FastifySchema {
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: operation.tags,
    ...documentedRequest(operation),
    ...(operation.body ? { consumes: ['application/json', 'application/x-www-form-urlencoded'] } : {}),
    ...(operation.auth ? { security: [{ bearer: [] }, { raw: [] }, { legacy: [] }, { query: [] }] } : {}),
    response: documentedResponses(operation),
  };
}

/**
 * Mounts the API: a catch-all for every method and path that hands the request to the pipeline, which routes it
 * with the router the msw door uses, so the two doors cannot route differently. Where the OpenAPI document is
 * built, each operation is also mounted as a documented route (answered alike); the serving instance skips them:
 * adding ~120 routes to a second router cost start-up time and routed nothing the pipeline does not.
 */
export function registerApi(app: FastifyInstance, pipeline: Pipeline, operations: readonly Operation[]): void {
  // Served from onRequest, before Fastify reads the body: Fastify would refuse a Content-Type that is no media
  // type, or a body over its limit, with answers of its own. Answering there ends the request: no handler runs.
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => serveApi(pipeline, request, reply);
  const handler = () => {
    throw new Error('the API is answered in onRequest');
  };
  for (const operation of operations) {
    app.route({ method: operation.method, url: operation.path, schema: documentation(operation), onRequest, handler });
  }
  app.all('*', { schema: { hide: true }, onRequest }, handler);
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE } from '../api/reply.js';
import { SandboxError, errors } from '../core/errors.js';
import { noteEnvelopeCode } from './request-log.js';

/**
 * The API's failures are the pipeline's envelopes; a page (receipt, checkout, landing, dashboard) that throws
 * answers the same envelope, logged with its cause, rather than Fastify's unlogged `{"statusCode":500,…}`.
 */
export function answerRouteError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = (error as { statusCode?: number }).statusCode;
  const failure =
    error instanceof SandboxError ? error : status !== undefined && status >= 400 && status < 500 ? new SandboxError(status, -1, (error as Error).message) : errors.internal();
  if (failure.status >= 500) request.log.error({ err: error }, 'request failed');
  noteEnvelopeCode(reply, failure.code);
  return reply.code(failure.status).header('content-type', JSON_TYPE).send(JSON.stringify(failure.toEnvelope()));
}

import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Envelope, ErrorEnvelopeSchema } from '../contract/common.js';
import type { RequestPart } from '../contract/validator.js';
import type { Operation } from '../api/operation.js';
import { faultFor } from '../api/faults.js';
import { callerOf, validatePart } from '../api/request.js';
import { JSON_TYPE } from '../api/reply.js';
import type { Caller } from '../core/context.js';
import type { Sandbox } from '../core/sandbox.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export { JSON_TYPE };

/** Fastify validates with the validator the msw door uses, so both refuse the same requests the same way. */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => (data) => {
  try {
    return { value: validatePart(schema, data, (httpPart ?? 'body') as RequestPart) };
  } catch (error) {
    return { error: error as Error };
  }
};

function documentedResponses(operation: Operation): Record<number, TSchema> {
  const responses: Record<number, TSchema> = { 200: Envelope(operation.response) };
  for (const status of operation.statuses) {
    responses[status] = status === 207 ? Envelope(operation.response) : ErrorEnvelopeSchema;
  }
  return responses;
}

/** Mounts one shared operation: the token is checked before validation, as the vendor does. */
export function registerOperation(app: FastifyInstance, sandbox: Sandbox, operation: Operation): void {
  app.route({
    method: operation.method,
    url: operation.path,
    schema: {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: operation.tags,
      ...(operation.params ? { params: operation.params } : {}),
      ...(operation.querystring ? { querystring: operation.querystring } : {}),
      ...(operation.body ? { body: operation.body, consumes: ['application/json', 'application/x-www-form-urlencoded'] } : {}),
      ...(operation.auth ? { security: [{ bearer: [] }, { raw: [] }, { legacy: [] }, { query: [] }] } : {}),
      response: documentedResponses(operation),
    },
    // Injected faults (control API) strike first, as a network or gateway fault would.
    onRequest: async (request, reply) => {
      const fault = await faultFor(sandbox, operation);
      if (fault.action === 'answer') {
        return reply.code(fault.answer.status).header('content-type', JSON_TYPE).send(JSON.stringify(fault.answer.body));
      }
      if (fault.action === 'drop') {
        // Destroying the response destroys its socket on a real server, and fails an in-process `inject` alike.
        reply.hijack();
        reply.raw.destroy();
      }
      return undefined;
    },
    preValidation: async (request) => {
      if (!operation.auth) return;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      request.caller = callerOf(sandbox, header, request.query as Record<string, unknown>);
    },
    handler: async (request, reply) => {
      const answer = await operation.run(
        sandbox,
        { params: request.params, query: request.query, body: request.body },
        request.caller,
      );
      return reply.code(answer.status).header('content-type', JSON_TYPE).send(JSON.stringify(answer.body));
    },
  });
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { BODY_LIMIT, parseBody, parseForm } from '../api/request.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { toSandboxError } from './answer-error.js';
import { JSON_TYPE, registerOperation, validatorCompiler } from './routes.js';
import { operations } from '../api/operations.js';
import { controlOperations } from '../api/control-operations.js';
import { registerSandboxRoutes } from './sandbox-routes.js';
import { windowRoutes } from './window-routes.js';
import { openapiInfo } from './openapi-info.js';

export interface AppOptions {
  sandbox: Sandbox;
  /** Fastify's logger option: false in tests, pino options in the CLI. */
  logger?: FastifyServerOptions['logger'];
  /** Mount the control API (`/sandbox/...`: reset, state, clock, outcomes, faults…); on unless false. */
  control?: boolean;
}

/** The sandbox served over HTTP: the vendor's routes, the sandbox's own routes and the OpenAPI document. */
export async function buildApp({ sandbox, logger = false, control = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // One log line per request (written when it is answered) instead of Fastify's two: it halves the cost of logging.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Path parameters are as long as their schemas allow, not cut off by the router with a 414.
    routerOptions: { querystringParser: (query: string) => parseForm(query), maxParamLength: BODY_LIMIT },
    // A path that does not percent-decode is answered in the envelope, as the msw door answers it.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const failure = toSandboxError(error);
      return reply.code(failure.status).header('content-type', JSON_TYPE).send(JSON.stringify(failure.toEnvelope()));
    },
    // Bodies and query strings are parsed by the functions both doors share.
    forceCloseConnections: true,
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document; answers are serialised as plain JSON, exactly as the msw door does.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, parseBody(request.headers['content-type'], body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const failure = toSandboxError(error);
    if (failure.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(failure.status).header('content-type', JSON_TYPE).send(JSON.stringify(failure.toEnvelope()));
  });
  app.setNotFoundHandler((request, reply) => {
    const failure = errors.routeNotFound(request.method, request.url.split('?')[0] ?? '');
    return reply.code(failure.status).header('content-type', JSON_TYPE).send(JSON.stringify(failure.toEnvelope()));
  });

  await app.register(swagger, { openapi: openapiInfo });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.decorateRequest('caller', null);
  for (const operation of operations) registerOperation(app, sandbox, operation);
  if (control) for (const operation of controlOperations) registerOperation(app, sandbox, operation);
  registerSandboxRoutes(app, sandbox);
  await app.register(windowRoutes(sandbox, control));
  return app;
}

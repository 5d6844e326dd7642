import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { BODY_LIMIT, parseBody, parseForm } from '../api/request.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { toSandboxError } from './answer-error.js';
import { JSON_TYPE, registerOperation, validatorCompiler } from './routes.js';
import { vendorOperations } from '../api/vendor-operations.js';
import { registerSandboxRoutes } from './sandbox-routes.js';
import { openapiInfo } from './openapi-info.js';

export interface AppOptions {
  sandbox: Sandbox;
  /** Fastify's logger option: false in tests, pino options in the CLI. */
  logger?: FastifyServerOptions['logger'];
}

/** The sandbox served over HTTP: the vendor's routes, the sandbox's own routes and the OpenAPI document. */
export async function buildApp({ sandbox, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { querystringParser: (query: string) => parseForm(query) },
    // Bodies and query strings are parsed by the functions both doors share.
    forceCloseConnections: true,
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
  for (const operation of vendorOperations) registerOperation(app, sandbox, operation);
  registerSandboxRoutes(app, sandbox);
  return app;
}

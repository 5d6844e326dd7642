import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { ControlAccess } from '../api/control-access.js';
import { mountedOperations } from '../api/mounted-operations.js';
import { createPipeline } from '../api/pipeline.js';
import { JSON_TYPE } from '../api/reply.js';
import { BODY_LIMIT } from '../api/request.js';
import { SandboxError, errors } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';
import { registerApi, serveApi } from './api-routes.js';
import { registerDashboard } from './dashboard/dashboard-route.js';
import { registerLandingPage } from './landing-route.js';
import { openapiInfo } from './openapi-info.js';
import { registerReceiptRoute } from './receipt-route.js';
import { logRequest } from './request-log.js';
import { answerClientError, answerExpectation, requireHost } from './transport-errors.js';
import { windowPages } from './window-pages.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document the server serves at /docs/json (built on first use, as /docs is). */
    openapi(): Promise<Record<string, unknown>>;
  }
}

export interface AppOptions {
  sandbox: Sandbox;
  /** Fastify's logger option: false in tests, pino options in the CLI. */
  logger?: FastifyServerOptions['logger'];
  /** Mount the control API (`/sandbox/...`: reset, state, clock, outcomes, faults…); on unless false. */
  control?: boolean;
  /** How long a request may take to arrive, in milliseconds; the defaults unless given. */
  timeouts?: HttpTimeouts;
  /** Who may call the control API (allowed hosts and origins, key); loopback and same-origin only by default. */
  controlAccess?: ControlAccess;
}

/** Bounds on a connection's time, so slow or silent clients cannot hold sockets open. Milliseconds. */
export interface HttpTimeouts {
  /** The whole request, headers and body, from its first byte (answered 408). */
  request: number;
  /** The headers alone (answered 408); at most `request`, as Node requires. */
  headers: number;
  /** An idle keep-alive connection between requests (closed). */
  keepAlive: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { request: 30_000, headers: 10_000, keepAlive: 5_000 };

// Route schemas only document (the pipeline validates, and answers are its text), so the server needs neither of
// Fastify's compilers: giving both here keeps Fastify from loading its Ajv and fast-json-stringify at all.
const schemaController = {
  compilersFactory: {
    buildValidator: () => () => (value: unknown) => ({ value }),
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
} as unknown as FastifyServerOptions['schemaController'];

/** The sandbox served over HTTP: the API (through the shared pipeline), the HTML and script pages, the OpenAPI document. */
export async function buildApp({ sandbox, logger = false, control = true, timeouts = DEFAULT_TIMEOUTS, controlAccess = {} }: AppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    logger,
    // One log line per request (written when it is answered) instead of Fastify's two: it halves the cost of logging.
    logController: new LogController({ disableRequestLogging: true }),
    // Path parameters are as long as their schemas allow, not cut off by the router with a 414.
    routerOptions: { maxParamLength: BODY_LIMIT },
    // A path Fastify's router refuses (one that does not percent-decode) is the pipeline's to answer.
    frameworkErrors: (_error, request, reply) => serveApi(pipeline, request, reply),
    forceCloseConnections: true,
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    http: {
      headersTimeout: timeouts.headers,
      requestTimeout: timeouts.request,
      // Node looks for expired requests this often (30 s by default), so a timeout fires soon after its bound.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headers),
      // Checked by requireHost instead, so the refusal is an envelope rather than Node's empty 400.
      requireHostHeader: false,
    },
    clientErrorHandler: answerClientError,
    schemaController,
  });
  app.server.on('checkExpectation', answerExpectation);
  const pipeline = createPipeline(sandbox, { control, controlAccess, logError: (error) => app.log.error({ err: error }, 'request failed') });
  app.addHook('onResponse', (request, reply, done) => {
    logRequest(request, reply);
    done();
  });
  // `documented`: the /docs instance mounts each operation as a route of its own, for swagger to collect.
  const routes = async (target: FastifyInstance, documented: boolean) => {
    // The API's failures are the pipeline's envelopes; a page (receipt, checkout, landing, dashboard) that throws
    // answers the same envelope, logged with its cause, rather than Fastify's unlogged `{"statusCode":500,…}`.
    target.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      const failure =
        error instanceof SandboxError ? error : status !== undefined && status >= 400 && status < 500 ? new SandboxError(status, -1, (error as Error).message) : errors.internal();
      if (failure.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.code(failure.status).header('content-type', JSON_TYPE).send(JSON.stringify(failure.toEnvelope()));
    });
    target.addHook('onRequest', requireHost);
    registerApi(target, pipeline, documented ? mountedOperations(control) : []);
    registerReceiptRoute(target, sandbox);
    if (control) registerDashboard(target);
    registerLandingPage(target, sandbox, pipeline, control);
    await target.register(windowPages(sandbox, pipeline));
  };

  // /docs (swagger and swagger-ui, ~100 ms to load and build) is rarely opened, so it is built on first use: a
  // second Fastify instance with the same routes under the two plugins, which collect the routes into the document
  // and serve it. /docs and everything under it is handed to that instance whole, so it answers exactly as a server
  // with the plugins registered up front would (including the pipeline's 404 for what swagger-ui does not serve).
  // The request is logged once, by this server's onResponse, which runs for the handed-over reply too.
  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = () =>
    (docs ??= (async () => {
      // Required rather than imported: the CLI runs as one bundled script, where import() has no loader behind it.
      const require = createRequire(import.meta.url);
      const swagger = (require('@fastify/swagger') as typeof import('@fastify/swagger')).default;
      const swaggerUi = (require('@fastify/swagger-ui') as typeof import('@fastify/swagger-ui')).default;
      const instance = Fastify({ loggerInstance: app.log, logController: new LogController({ disableRequestLogging: true }), schemaController });
      await instance.register(swagger, { openapi: openapiInfo });
      await instance.register(swaggerUi, { routePrefix: '/docs' });
      await routes(instance, true);
      await instance.ready();
      return instance;
    })());
  const serveDocs = async (request: FastifyRequest, reply: FastifyReply) => {
    const instance = await docsApp();
    reply.hijack();
    instance.routing(request.raw, reply.raw);
  };
  app.decorate('openapi', async () => (await docsApp()).swagger() as unknown as Record<string, unknown>);
  app.addHook('onClose', async () => {
    if (docs) await (await docs).close();
  });

  await routes(app, false);
  app.route({ method: ['GET', 'HEAD'], url: '/docs', handler: serveDocs });
  app.route({ method: ['GET', 'HEAD'], url: '/docs/*', handler: serveDocs });
  return app;
}

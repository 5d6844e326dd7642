import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ControlAccess } from '../api/control-access.js';
import { mountedOperations } from '../api/operations.js';
import { createPipeline } from '../api/pipeline.js';
import { BODY_LIMIT } from '../api/request.js';
import type { Sandbox } from '../core/sandbox.js';
import { registerApi, serveApi } from './api-routes.js';
import { registerDashboard } from './dashboard/dashboard-route.js';
import { registerLandingPage } from './landing-route.js';
import { openapiInfo } from './openapi-info.js';
import { registerReceiptRoute } from './receipt-route.js';
import { answerClientError, answerExpectation, requireHost } from './transport-errors.js';
import { windowPages } from './window-pages.js';

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
  });
  app.server.on('checkExpectation', answerExpectation);
  app.addHook('onRequest', requireHost);
  const pipeline = createPipeline(sandbox, { control, controlAccess, logError: (error) => app.log.error({ err: error }, 'request failed') });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
  });
  // Response schemas document; answers are the pipeline's text.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(swagger, { openapi: openapiInfo });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerApi(app, pipeline, mountedOperations(control));
  registerReceiptRoute(app, sandbox);
  if (control) registerDashboard(app);
  registerLandingPage(app, sandbox, pipeline, control);
  await app.register(windowPages(sandbox, pipeline));
  return app;
}

import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyHttpOptions, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ControlAccess } from '../api/control-access.js';
import { mountedOperations } from '../api/mounted-operations.js';
import { createPipeline, type Pipeline } from '../api/pipeline.js';
import { BODY_LIMIT } from '../api/request.js';
import type { Sandbox } from '../core/sandbox.js';
import { registerApi, serveApi } from './api-routes.js';
import { registerPageScripts } from './browser-scripts.js';
import { registerDashboard } from './dashboard/dashboard-route.js';
import { mountDocs } from './docs-server.js';
import { registerLandingPage } from './landing-route.js';
import { registerReceiptRoute } from './receipt-route.js';
import { logRequest } from './request-log.js';
import { answerRouteError } from './route-errors.js';
import { documentingOnly } from './schema-controller.js';
import { DEFAULT_TIMEOUTS, type HttpTimeouts } from './timeouts.js';
import { answerClientError, answerExpectation, requireHost } from './transport-errors.js';
import { windowPages } from './window-pages.js';

// The HTTP door. Fastify carries bytes and serves the pages; it decides nothing about the API. Every API request
// goes to one catch-all route whose onRequest hook hands it to the pipeline (src/api/pipeline.ts), the same one
// the msw door calls: routing, faults, body parsing, tokens, validation and error envelopes happen there, so the
// two doors cannot answer differently. The hook runs before Fastify reads the body, because Fastify would refuse
// a Content-Type that is no media type, or a body over its limit, with answers of its own. For the same reason
// Fastify's schema compilers are stubbed out (src/http/schema-controller.ts): route schemas only document.
//
// /docs is served by a second Fastify instance, built on the first request for it (src/http/docs-server.ts): the
// swagger plugins cost start-up time that a sandbox serving a test run never needs.

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

/** Fastify's options: timeouts, logging, and every refusal of its own answered in the vendor's envelope. */
function serverOptions(logger: AppOptions['logger'], timeouts: HttpTimeouts, pipeline: Pipeline): FastifyHttpOptions<Server> {
  return {
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
    schemaController: documentingOnly,
  };
}

/** The sandbox served over HTTP: the API (through the shared pipeline), the HTML and script pages, the OpenAPI document. */
export async function buildApp({ sandbox, logger = false, control = true, timeouts = DEFAULT_TIMEOUTS, controlAccess = {} }: AppOptions): Promise<FastifyInstance> {
  const pipeline = createPipeline(sandbox, { control, controlAccess, logError: (error) => app.log.error({ err: error }, 'request failed') });
  const app: FastifyInstance = Fastify(serverOptions(logger, timeouts, pipeline));
  app.server.on('checkExpectation', answerExpectation);
  app.addHook('onResponse', (request, reply, done) => {
    logRequest(request, reply);
    done();
  });
  const routes = async (target: FastifyInstance, documented: boolean) => {
    target.setErrorHandler(answerRouteError);
    target.addHook('onRequest', requireHost);
    registerApi(target, pipeline, documented ? mountedOperations(control) : []);
    registerReceiptRoute(target, sandbox);
    if (control) registerDashboard(target);
    registerLandingPage(target, sandbox, pipeline, control);
    registerPageScripts(target);
    await target.register(windowPages(sandbox));
  };
  mountDocs(app, routes);
  await routes(app, false);
  return app;
}

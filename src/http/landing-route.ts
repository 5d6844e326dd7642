import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hostnameOf, isLoopback } from '../api/control-access.js';
import type { Pipeline } from '../api/pipeline.js';
import type { Sandbox } from '../core/sandbox.js';
import { serveApi } from './api-routes.js';
import { landingPage } from './landing-page.js';

/** A browser asks for HTML first; an API client sends no Accept, `*\/*` or JSON and keeps getting the envelope. */
const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

/**
 * Whether only this machine can be reading the page: the request names a loopback host and the server listens on
 * a loopback address (or on none: a request injected in-process). A server bound to 0.0.0.0 answers other machines
 * too, whatever Host they send.
 */
function seenFromThisMachineOnly(app: FastifyInstance, request: FastifyRequest): boolean {
  const hostname = hostnameOf(request.host);
  if (hostname === null || !isLoopback(hostname)) return false;
  const bound = app.server.address();
  return bound === null || typeof bound === 'string' || isLoopback(bound.address);
}

/**
 * `GET /`: the landing page for a browser, the pipeline's answer (the 404 envelope, as for any unknown path)
 * for everyone else. The base URL is where this request arrived, so it is right behind a proxy or in a container.
 */
export function registerLandingPage(app: FastifyInstance, sandbox: Sandbox, pipeline: Pipeline, control: boolean): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    if (!wantsHtml(request)) return serveApi(pipeline, request, reply);
    const base = `${request.protocol}://${request.host}`;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('vary', 'Accept')
      .send(landingPage({ base, merchants: sandbox.merchants.all(), control, secrets: seenFromThisMachineOnly(app, request) }));
  });
}

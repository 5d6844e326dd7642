import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Pipeline } from '../api/pipeline.js';
import type { Sandbox } from '../core/sandbox.js';
import { sendOutcome } from './api-routes.js';
import { checkoutPage, missingCheckoutPage, type CheckoutData } from './checkout-page.js';
import { examplePage } from './example-page.js';
import { IAMPORT_SCRIPT } from './iamport-script.js';
import { windowPageDocs } from './page-docs.js';

/**
 * The browser side of the payment window, served by this door only: the SDK stand-in, the checkout page and the
 * example merchant page. Their JSON API is the pipeline's (`/sandbox/window/...` operations). The SDK loads on
 * the merchant's origin, so these answer cross-origin requests too.
 */
export function windowPages(sandbox: Sandbox, pipeline: Pipeline): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });

    app.get('/v1/iamport.js', { schema: windowPageDocs.script }, async (_request, reply) =>
      reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(IAMPORT_SCRIPT),
    );
    app.get('/sandbox/example', { schema: windowPageDocs.example }, async (_request, reply) =>
      // It is also the m_redirect_url of a mobile payment: never restored from a cache.
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(examplePage(sandbox.merchants.all())),
    );
    app.get(
      '/sandbox/window/checkout/:imp_uid',
      { schema: windowPageDocs.checkout },
      async (request, reply) => {
        // The page shows what the window's own operation answers; a refusal (unknown, malformed) is answered as is.
        const impUid = (request.params as { imp_uid: string }).imp_uid;
        const path = `/sandbox/window/requests/${encodeURIComponent(impUid)}`;
        const outcome = await pipeline({ method: 'GET', path, query: '', header: () => undefined, body: undefined, contentType: undefined });
        if (outcome.action !== 'answer') return sendOutcome(reply, outcome);
        // A checkout is live state: never served from a cache, nor restored by the back button as if still open.
        reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
        if (outcome.answer.status !== 200 || outcome.answer.body === null) return reply.code(outcome.answer.status).send(missingCheckoutPage());
        const checkout = (JSON.parse(outcome.answer.body) as { response: CheckoutData }).response;
        return reply.send(checkoutPage(checkout));
      },
    );
  };
}

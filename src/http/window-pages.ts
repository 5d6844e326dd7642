import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { WindowParamsSchema } from '../contract/window.js';
import { check } from '../contract/validation.js';
import { SandboxError } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';
import { sendScript } from './browser-scripts.js';
import { checkoutPage, missingCheckoutPage } from './checkout-page.js';
import { examplePage } from './example-page.js';
import { windowPageDocs } from './page-docs.js';

/**
 * The browser side of the payment window, served by this door only: the SDK stand-in, the checkout page and the
 * example merchant page. Their JSON API is the pipeline's (`/sandbox/window/...` operations). The SDK loads on
 * the merchant's origin, so these answer cross-origin requests too.
 */
export function windowPages(sandbox: Sandbox): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });

    app.get('/v1/iamport.js', { schema: windowPageDocs.script }, async (_request, reply) => sendScript(reply, 'iamport'));
    app.get('/sandbox/example', { schema: windowPageDocs.example }, async (_request, reply) =>
      // It is also the m_redirect_url of a mobile payment: never restored from a cache.
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(examplePage(sandbox.merchants.all())),
    );
    app.get('/sandbox/window/checkout/:imp_uid', { schema: windowPageDocs.checkout }, async (request, reply) => {
      // A checkout is live state: never served from a cache, nor restored by the back button as if still open.
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
      // The page shows what the window's own operation (sandboxWindowCheckout) answers, and refuses as it does:
      // an address that is no imp_uid with its 400, an unknown checkout with its 404.
      const params = { ...(request.params as object) };
      if (check(WindowParamsSchema, params, { coerce: true })) return reply.code(400).send(missingCheckoutPage());
      try {
        return reply.send(checkoutPage(sandbox.window.checkout((params as { imp_uid: string }).imp_uid)));
      } catch (error) {
        if (error instanceof SandboxError) return reply.code(error.status).send(missingCheckoutPage());
        throw error;
      }
    });
  };
}

import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Envelope } from '../contract/common.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { JSON_TYPE } from './routes.js';
import { receiptPage } from './receipt-page.js';

/** Routes of the sandbox itself: the health check and the receipt page `receipt_url` points at. */
export function registerSandboxRoutes(app: FastifyInstance, sandbox: Sandbox): void {
  app.get(
    '/sandbox/health',
    {
      schema: {
        operationId: 'sandboxHealth',
        summary: 'Liveness check of the sandbox',
        tags: ['sandbox'],
        response: { 200: Envelope(Type.Object({ status: Type.Literal('ok'), seed: Type.Integer() })) },
      },
    },
    async (_request, reply) =>
      reply.header('content-type', JSON_TYPE).send(JSON.stringify({ code: 0, message: null, response: { status: 'ok', seed: sandbox.seed } })),
  );

  app.get(
    '/sandbox/receipts/:imp_uid',
    {
      schema: {
        operationId: 'sandboxReceipt',
        summary: 'The card receipt page of a payment (HTML)',
        tags: ['sandbox'],
        params: Type.Object({ imp_uid: Type.String({ maxLength: 32 }) }),
      },
    },
    async (request, reply) => {
      const payment = sandbox.payments.receipt((request.params as { imp_uid: string }).imp_uid);
      if (!payment) throw errors.paymentNotFound();
      return reply.header('content-type', 'text/html; charset=utf-8').send(receiptPage(payment));
    },
  );
}

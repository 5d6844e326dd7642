import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { RECEIPT_ROUTE } from '../api/page-paths.js';
import { JSON_TYPE } from '../api/reply.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { ErrorEnvelopeSchema } from '../contract/common.js';
import { pageResponse } from './page-docs.js';
import { receiptPage } from './receipt-page.js';

const ReceiptParams = Type.Object({ imp_uid: Type.String({ maxLength: 32 }) });

/** The receipt page `receipt_url` points at (HTML). */
export function registerReceiptRoute(app: FastifyInstance, sandbox: Sandbox): void {
  app.get(
    RECEIPT_ROUTE,
    {
      schema: {
        operationId: 'sandboxReceipt',
        summary: 'The card receipt page of a payment (HTML)',
        description: "The page a payment's receipt_url points at: status, pay method, order, amounts (and cancels) and what it was paid with, in Korean.",
        tags: ['sandbox'],
        params: ReceiptParams,
        response: {
          ...pageResponse('text/html', 'The receipt page'),
          404: { ...ErrorEnvelopeSchema, 'x-response-description': 'No payment with this imp_uid (the envelope, code -1)' },
        },
      },
    },
    async (request, reply) => {
      const payment = sandbox.payments.receipt((request.params as { imp_uid: string }).imp_uid);
      if (payment) return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(receiptPage(payment));
      const missing = errors.paymentNotFound();
      return reply.code(missing.status).header('content-type', JSON_TYPE).send(JSON.stringify(missing.toEnvelope()));
    },
  );
}

import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { RECEIPT_ROUTE } from '../api/page-paths.js';
import { JSON_TYPE } from '../api/reply.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { receiptPage } from './receipt-page.js';

const ReceiptParams = Type.Object({ imp_uid: Type.String({ maxLength: 32 }) });

/** The receipt page `receipt_url` points at (HTML). */
export function registerReceiptRoute(app: FastifyInstance, sandbox: Sandbox): void {
  app.get(
    RECEIPT_ROUTE,
    { schema: { operationId: 'sandboxReceipt', summary: 'The card receipt page of a payment (HTML)', tags: ['sandbox'], params: ReceiptParams } },
    async (request, reply) => {
      const payment = sandbox.payments.receipt((request.params as { imp_uid: string }).imp_uid);
      if (payment) return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(receiptPage(payment));
      const missing = errors.paymentNotFound();
      return reply.code(missing.status).header('content-type', JSON_TYPE).send(JSON.stringify(missing.toEnvelope()));
    },
  );
}

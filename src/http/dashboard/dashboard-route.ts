import type { FastifyInstance } from 'fastify';
import { mountedOperations } from '../../api/operations.js';
import { pageResponse } from '../page-docs.js';
import { dashboardPage } from './dashboard-page.js';

/** Serves the dashboard at `/sandbox`; mounted only with the control API, the only thing it talks to. */
export function registerDashboard(app: FastifyInstance): void {
  // Fault injection strikes vendor operations only, so only their ids are suggested.
  const vendorIds = mountedOperations(false)
    .filter((operation) => operation.kind === 'vendor')
    .map((operation) => operation.operationId);
  const page = dashboardPage(vendorIds);
  const schema = {
    summary: 'The sandbox dashboard (HTML): payments, keys, schedules, webhooks, clock, scripts',
    description: 'A page over the control API: browse payments, billing keys, schedules and webhook deliveries, cancel a payment, move the clock, script outcomes and inject faults. Mounted with the control API only.',
    tags: ['sandbox-control'],
    response: pageResponse('text/html', 'The dashboard page'),
  };
  app.get('/sandbox', { schema }, async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(page),
  );
}

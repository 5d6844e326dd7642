import type { FastifyInstance } from 'fastify';
import { faultTargets } from '../../api/operations.js';
import { pageResponse } from '../page-docs.js';
import { dashboardPage } from './dashboard-page.js';

/** Serves the dashboard at `/sandbox`; mounted only with the control API, the only thing it talks to. */
export function registerDashboard(app: FastifyInstance): void {
  const page = dashboardPage(faultTargets);
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

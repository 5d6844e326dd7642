import type { FastifyInstance, FastifyReply } from 'fastify';
import { faultTargets } from '../../api/operations.js';
import { pageResponse } from '../page-docs.js';
import { dashboardPage } from './dashboard-page.js';

/** Serves the dashboard at `/sandbox` (and `/sandbox/`); mounted only with the control API, the only thing it talks to. */
export function registerDashboard(app: FastifyInstance): void {
  const page = dashboardPage(faultTargets);
  const schema = {
    summary: 'The sandbox dashboard (HTML): payments, keys, schedules, webhooks, clock, scripts',
    description: 'A page over the control API: browse payments, billing keys, schedules and webhook deliveries, cancel a payment, move the clock, script outcomes and inject faults. Mounted with the control API only.',
    tags: ['sandbox-control'],
    response: pageResponse('text/html', 'The dashboard page'),
  };
  const send = async (_request: unknown, reply: FastifyReply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  app.get('/sandbox', { schema }, send);
  // Typed with the slash as often as without (a browser completes it from `/sandbox/...`); documented once.
  app.get('/sandbox/', { schema: { hide: true } }, send);
}

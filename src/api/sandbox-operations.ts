import { HealthSchema } from '../contract/control.js';
import { ok } from '../core/answer.js';
import { open, type Operation } from './operation.js';

/** The sandbox's own endpoints that stay mounted without the control API. */
export const sandboxOperations: Operation[] = [
  open({
    kind: 'sandbox',
    method: 'GET',
    path: '/sandbox/health',
    operationId: 'sandboxHealth',
    summary: 'Liveness check of the sandbox',
    description:
      'Answers while the sandbox runs, with the seed its ids and test data come from. Needs no token, is never faulted, and stays mounted without the control API: a readiness probe for containers and test set-ups.',
    tags: ['sandbox'],
    response: HealthSchema,
    statuses: [],
    responses: { 200: 'Running: status ok and the seed' },
    run: (sandbox) => ok({ status: 'ok' as const, seed: sandbox.seed }),
  }),
];

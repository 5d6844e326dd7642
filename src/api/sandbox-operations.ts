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
    tags: ['sandbox'],
    response: HealthSchema,
    statuses: [],
    run: (sandbox) => ok({ status: 'ok' as const, seed: sandbox.seed }),
  }),
];

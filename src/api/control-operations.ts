import Type from 'typebox';
import {
  AdvanceBodySchema,
  ChangesSchema,
  ClockSchema,
  ControlCancelBodySchema,
  ControlMerchantSchema,
  ControlBillingKeysSchema,
  ControlPaymentsSchema,
  DeliveryParamsSchema,
  DoneSchema,
  FaultBodySchema,
  FaultParamsSchema,
  FaultSchema,
  FreezeBodySchema,
  ImportResultSchema,
  MerchantBillingKeyParamsSchema,
  MerchantCodeParamsSchema,
  MerchantFilterQuerySchema,
  OutcomeBodySchema,
  OutcomeSchema,
  ResetBodySchema,
  ResetResultSchema,
  SetClockBodySchema,
  WebhookConfigBodySchema,
  WebhookConfigSchema,
  WebhookDeliverySchema,
} from '../contract/control.js';
import { SnapshotSchema, StateDocumentSchema } from '../core/state/snapshot.js';
import { CreateTenantBodySchema, CreatedTenantSchema, TenantDeletedSchema, TenantParamsSchema, TenantSchema } from '../contract/tenants.js';
import { ScheduleResultSchema } from '../contract/schedule.js';
import { CustomerSchema } from '../contract/customer.js';
import { PaymentSchema } from '../contract/payment.js';
import { ImpUidParamsSchema } from '../contract/requests.js';
import { ok } from '../core/answer.js';
import { toUnixSeconds } from '../core/time/clock.js';
import type { Sandbox } from '../core/sandbox.js';
import { errors } from '../core/errors.js';
import { open, type Operation } from './operation.js';
import { faultTargets } from './operations.js';
import { STATE_BODY_LIMIT } from './request.js';

// The sandbox control API: everything a test needs to steer the sandbox, under /sandbox/... and its own tag.
// Each operation is a thin call of a Sandbox method, so code holding the sandbox (the msw handlers) can do the
// same without HTTP. Mounted unless the server runs with --no-control (IAMPORT_SANDBOX_CONTROL=0).

const tags = ['sandbox-control'];
const SECOND = 1000;

/** What a fault can target: every vendor operation (src/api/operations.ts), or `*` for all of them. */
const faultable = new Set(['*', ...faultTargets]);

function clockOf(sandbox: Sandbox) {
  const now = sandbox.clock.now();
  return ok({ now, now_unix: toUnixSeconds(now), iso: new Date(now).toISOString(), frozen: sandbox.clock.frozen });
}

export const controlOperations: Operation[] = [
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/reset',
    operationId: 'sandboxReset',
    summary: 'Forget everything, or everything of one merchant (scripted outcomes too; faults only with everything)',
    description:
      'Forgets every stored record (payments, billing keys, schedules, webhook deliveries, tokens) and scripted outcome, or only those of one merchant or tenant. Forgetting everything also clears the faults and puts the clock back to real time, running, unless keep_clock is true. Tenants themselves stay (DELETE /sandbox/tenants/{code} drops one): a parallel worker resets its own tenant with `merchant`, never everything.',
    tags,
    body: ResetBodySchema,
    response: ResetResultSchema,
    statuses: [400, 404],
    responses: { 200: 'Reset: `all` or the merchant code', 404: 'Unknown merchant code' },
    run: async (sandbox, { body }) => {
      await sandbox.reset(body.merchant, { keepClock: body.keep_clock ?? false });
      return ok({ reset: body.merchant ?? 'all' });
    },
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/state',
    operationId: 'sandboxExport',
    summary: 'The whole state as JSON (the format PUT /sandbox/state and the --data file take)',
    description:
      'The whole stored state as one JSON document, in the format PUT /sandbox/state and the --data file take: save it after a set-up and load it before each test.',
    tags,
    response: SnapshotSchema,
    statuses: [],
    run: (sandbox) => ok(sandbox.export()),
  }),
  open({
    kind: 'control',
    method: 'PUT',
    path: '/sandbox/state',
    operationId: 'sandboxImport',
    summary: 'Replace the whole state with an exported one (the answer of GET /sandbox/state as it is, or its response)',
    description:
      'Replaces the whole state with an exported one: the answer of GET /sandbox/state as it was saved, envelope included, or only its `response` (a --data file may be either too). The document is checked first; a document that does not fit changes nothing. Tenants are state: those the document lacks are gone after it. Bodies up to 256 MiB.',
    tags,
    body: StateDocumentSchema,
    bodyLimit: STATE_BODY_LIMIT,
    response: ImportResultSchema,
    statuses: [400],
    responses: { 200: 'Imported: how many payments, billing keys and schedules', 413: 'The body is larger than 256 MiB' },
    run: async (sandbox, { body }) => {
      await sandbox.import(body);
      const snapshot = sandbox.export();
      return ok({ payments: snapshot.payments.length, billing_keys: snapshot.billing_keys.length, schedules: snapshot.schedules?.length ?? 0 });
    },
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/payments',
    operationId: 'sandboxListPayments',
    summary: 'Every payment (of one merchant or all), oldest first',
    description:
      'Every payment the sandbox holds, with its merchant code, oldest first; `merchant` keeps one merchant\'s.',
    tags,
    querystring: MerchantFilterQuerySchema,
    response: ControlPaymentsSchema,
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { query }) => ok(sandbox.listPayments(query.merchant)),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/payments/:imp_uid/cancel',
    operationId: 'sandboxCancelPayment',
    summary: "Cancel all or part of a paid payment as its merchant's POST /payments/cancel would, without a token",
    description:
      'Cancels all or part of a paid payment as its merchant\'s POST /payments/cancel would (same rules, same webhook), without a token: for tests that play the merchant\'s back office.',
    tags,
    params: ImpUidParamsSchema,
    body: ControlCancelBodySchema,
    response: PaymentSchema,
    statuses: [400, 404],
    responses: { 200: 'Cancelled: the payment after the cancel; refusals (nothing left to cancel, over-cancel) are HTTP 200, code 1', 404: 'No payment with this imp_uid' },
    run: (sandbox, { params, body }) => sandbox.control.cancelPayment(params.imp_uid, body),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/merchants',
    operationId: 'sandboxListMerchants',
    summary: 'The merchants and their Settle MIDs, without API keys or secrets',
    description:
      'The merchants the sandbox knows, with their codes, names and Settle MIDs. API keys and secrets are left out: the start-up banner and the merchants file hold those.',
    tags,
    response: Type.Array(ControlMerchantSchema),
    statuses: [],
    run: (sandbox) => ok(sandbox.listMerchants()),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/tenants',
    operationId: 'sandboxCreateTenant',
    summary: 'Make a fresh, isolated merchant (a tenant) for one test worker: its code, imp_key and imp_secret',
    description:
      "Makes a tenant: a copy of a merchant of the merchants file (`template`, the first one by default) with its own merchant code, imp_key and imp_secret. Its token reads only its own records, so N parallel workers with N tenants share one sandbox without colliding. The imp_secret is answered here only: the sandbox keeps its digest. Reset one tenant with POST /sandbox/reset {merchant}; a reset never drops tenants.",
    tags,
    body: CreateTenantBodySchema,
    response: CreatedTenantSchema,
    statuses: [400, 404],
    responses: { 200: 'Made: the tenant and its credentials', 404: 'The template is not a merchant of the merchants file' },
    run: async (sandbox, { body }) => ok(await sandbox.control.createTenant(body.template)),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/tenants',
    operationId: 'sandboxListTenants',
    summary: 'The tenants, oldest first, without API keys or secrets',
    description: 'The tenants made with POST /sandbox/tenants, oldest first: code, template and time, never the imp_key or imp_secret.',
    tags,
    response: Type.Array(TenantSchema),
    statuses: [],
    run: (sandbox) => ok(sandbox.control.listTenants()),
  }),
  open({
    kind: 'control',
    method: 'DELETE',
    path: '/sandbox/tenants/:code',
    operationId: 'sandboxDeleteTenant',
    summary: 'Drop a tenant and every record of it; other tenants and merchants are left alone',
    description: 'Drops a tenant, its tokens, payments, billing keys, schedules, webhook deliveries and scripted outcomes. Nothing of another merchant changes.',
    tags,
    params: TenantParamsSchema,
    response: TenantDeletedSchema,
    statuses: [400, 404],
    responses: { 404: 'No tenant with this code (a merchant of the merchants file is no tenant)' },
    run: async (sandbox, { params }) => {
      await sandbox.control.deleteTenant(params.code);
      return ok({ deleted: params.code });
    },
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/changes',
    operationId: 'sandboxChanges',
    summary: 'A counter that grows with every stored change, and the clock: cheap to poll',
    description:
      'A counter that grows with every stored change, and the clock. Cheap to poll: the dashboard refreshes only when it moved.',
    tags,
    response: ChangesSchema,
    statuses: [],
    run: (sandbox) => ok({ version: sandbox.version, clock: clockOf(sandbox).body.response }),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/billing-keys',
    operationId: 'sandboxListBillingKeys',
    summary: 'Every billing key (of one merchant or all)',
    description:
      'Every billing key the sandbox holds, with its merchant code; `merchant` keeps one merchant\'s.',
    tags,
    querystring: MerchantFilterQuerySchema,
    response: ControlBillingKeysSchema,
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { query }) => ok(sandbox.listBillingKeys(query.merchant)),
  }),
  open({
    kind: 'control',
    method: 'DELETE',
    path: '/sandbox/merchants/:code/billing-keys/:customer_uid',
    operationId: 'sandboxDeleteBillingKey',
    summary: "Delete a merchant's billing key as its DELETE /subscribe/customers/{customer_uid} would, without a token",
    description:
      "Deletes one merchant's billing key as its DELETE /subscribe/customers/{customer_uid} would (same rule: the key is gone, its payments and schedules stay), without a token: for tests that play the merchant's back office, and the dashboard.",
    tags,
    params: MerchantBillingKeyParamsSchema,
    response: CustomerSchema,
    statuses: [400, 404],
    responses: { 200: 'Deleted: the billing key as it was', 404: 'Unknown merchant code, or no billing key with this customer_uid' },
    run: (sandbox, { params }) => sandbox.control.deleteBillingKey(params.code, params.customer_uid),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/schedules',
    operationId: 'sandboxListSchedules',
    summary: 'Every scheduled payment (of one merchant or all), by schedule_at',
    description:
      'Every scheduled payment, in order of schedule_at; `merchant` keeps one merchant\'s.',
    tags,
    querystring: MerchantFilterQuerySchema,
    response: Type.Array(ScheduleResultSchema),
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { query }) => ok(sandbox.schedules.list(query.merchant)),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/webhooks',
    operationId: 'sandboxListWebhooks',
    summary: 'Every webhook delivery with each attempt (URL, body, status, error, time), oldest first',
    description:
      'Every webhook delivery, oldest first, with each attempt: URL, body, HTTP status or error, and time.',
    tags,
    querystring: MerchantFilterQuerySchema,
    response: Type.Array(WebhookDeliverySchema),
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { query }) => ok(sandbox.webhooks.list(query.merchant)),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/webhooks/:id/resend',
    operationId: 'sandboxResendWebhook',
    summary: 'Send a logged delivery once more, now; answers after the attempt',
    description:
      'Sends a logged webhook delivery once more, now, and answers after the attempt, with the attempt added.',
    tags,
    params: DeliveryParamsSchema,
    response: WebhookDeliverySchema,
    statuses: [404],
    responses: { 404: 'No webhook delivery with this id' },
    run: async (sandbox, { params }) => ok(await sandbox.webhooks.resend(params.id)),
  }),
  open({
    kind: 'control',
    method: 'PUT',
    path: '/sandbox/merchants/:code/webhook',
    operationId: 'sandboxSetWebhook',
    summary: "Set a merchant's Notification URL, content type and retry setting (until the process ends)",
    description:
      'Sets where a merchant\'s webhooks go (its Notification URL), their content type and whether failed deliveries are retried, until the process ends.',
    tags,
    params: MerchantCodeParamsSchema,
    body: WebhookConfigBodySchema,
    response: WebhookConfigSchema,
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: async (sandbox, { params, body }) =>
      ok(await sandbox.control.setWebhook(params.code, { url: body.url, content_type: body.content_type ?? 'json', retry: body.retry ?? false })),
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/clock',
    operationId: 'sandboxClock',
    summary: 'Sandbox time and whether it is frozen',
    description:
      'The sandbox time (milliseconds, UNIX seconds and ISO text) and whether it is frozen.',
    tags,
    response: ClockSchema,
    statuses: [],
    run: (sandbox) => clockOf(sandbox),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/clock/freeze',
    operationId: 'sandboxFreezeClock',
    summary: 'Stop time (at `at`, or now): it then moves only through this API',
    description:
      'Stops the sandbox time, at `at` or at the current time; it then moves only through POST /sandbox/clock/set and /advance.',
    tags,
    body: FreezeBodySchema,
    response: ClockSchema,
    statuses: [400],
    run: async (sandbox, { body }) => {
      await sandbox.freeze(body.at === undefined ? undefined : body.at * SECOND);
      return clockOf(sandbox);
    },
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/clock/resume',
    operationId: 'sandboxResumeClock',
    summary: 'Let time run again from the current sandbox time',
    description:
      'Lets the sandbox time run again from where it stands.',
    tags,
    response: ClockSchema,
    statuses: [],
    run: (sandbox) => {
      sandbox.resume();
      return clockOf(sandbox);
    },
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/clock/set',
    operationId: 'sandboxSetClock',
    summary: 'Set the time; a jump forward runs every schedule and webhook retry due on the way',
    description:
      'Sets the sandbox time. A jump forward runs, in order, every scheduled payment and webhook retry that falls due on the way.',
    tags,
    body: SetClockBodySchema,
    response: ClockSchema,
    statuses: [400],
    run: async (sandbox, { body }) => {
      await sandbox.setTime(body.at * SECOND);
      return clockOf(sandbox);
    },
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/clock/advance',
    operationId: 'sandboxAdvanceClock',
    summary: 'Move time forward, running every schedule and webhook retry due on the way, in order',
    description:
      'Moves the sandbox time forward by the given amount, running, in order, every scheduled payment and webhook retry that falls due on the way.',
    tags,
    body: AdvanceBodySchema,
    response: ClockSchema,
    statuses: [400],
    run: async (sandbox, { body }) => {
      const { seconds = 0, minutes = 0, hours = 0, days = 0 } = body;
      await sandbox.advance((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * SECOND);
      return clockOf(sandbox);
    },
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/outcomes',
    operationId: 'sandboxListOutcomes',
    summary: 'Scripted charge outcomes still queued',
    description:
      'The scripted charge outcomes still waiting for their charges.',
    tags,
    response: Type.Array(OutcomeSchema),
    statuses: [],
    run: (sandbox) => ok(sandbox.outcomes.list()),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/outcomes',
    operationId: 'sandboxScriptOutcome',
    summary: 'Script the next N charges of a customer_uid or card: approve, decline (with a reason code) or PG unreachable',
    description:
      'Scripts the next N charges of a customer_uid or card number: approve, decline with a reason code of fixtures/cards.json, or PG unreachable, whatever the card table would say.',
    tags,
    body: OutcomeBodySchema,
    response: OutcomeSchema,
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { body }) => ok(sandbox.outcomes.add(body)),
  }),
  open({
    kind: 'control',
    method: 'DELETE',
    path: '/sandbox/outcomes',
    operationId: 'sandboxClearOutcomes',
    summary: 'Forget scripted outcomes (of one merchant, or all)',
    description:
      'Forgets the scripted outcomes, of one merchant or of all.',
    tags,
    querystring: MerchantFilterQuerySchema,
    response: DoneSchema,
    statuses: [400, 404],
    responses: { 404: 'Unknown merchant code' },
    run: (sandbox, { query }) => {
      sandbox.outcomes.clear(query.merchant);
      return ok({ done: true as const });
    },
  }),
  open({
    kind: 'control',
    method: 'GET',
    path: '/sandbox/faults',
    operationId: 'sandboxListFaults',
    summary: 'Injected faults per operation',
    description:
      'The faults injected into vendor operations, per operationId (or `*` for all).',
    tags,
    response: Type.Array(FaultSchema),
    statuses: [],
    run: (sandbox) => ok(sandbox.faults.list()),
  }),
  open({
    kind: 'control',
    method: 'PUT',
    path: '/sandbox/faults/:operation',
    operationId: 'sandboxSetFault',
    summary: 'Inject faults into one vendor operation (or `*`): added latency, a seeded rate of 5xx or dropped connections',
    description:
      'Injects faults into one vendor operation, or into all with `*`: added latency, and a seeded rate of 5xx answers or dropped connections. Only vendor operations are faulted; the sandbox\'s own never are.',
    tags,
    params: FaultParamsSchema,
    body: FaultBodySchema,
    response: FaultSchema,
    statuses: [400],
    responses: { 400: 'A malformed body, or an operation that is not a vendor operationId nor `*`' },
    run: (sandbox, { params, body }) => {
      if (!faultable.has(params.operation)) {
        throw errors.invalidParameter('operation', `${params.operation}: vendor operationId(getToken, again, …) 또는 * 이어야 합니다.`);
      }
      return ok(sandbox.faults.set(params.operation, body));
    },
  }),
  open({
    kind: 'control',
    method: 'DELETE',
    path: '/sandbox/faults/:operation',
    operationId: 'sandboxClearFault',
    summary: 'Remove the faults of one operation',
    description:
      'Removes the faults of one operation.',
    tags,
    params: FaultParamsSchema,
    response: DoneSchema,
    statuses: [400],
    responses: { 400: 'An operation that is not a vendor operationId nor `*`' },
    run: (sandbox, { params }) => {
      sandbox.faults.clear(params.operation);
      return ok({ done: true as const });
    },
  }),
  open({
    kind: 'control',
    method: 'DELETE',
    path: '/sandbox/faults',
    operationId: 'sandboxClearFaults',
    summary: 'Remove every injected fault',
    description:
      'Removes every injected fault.',
    tags,
    response: DoneSchema,
    statuses: [],
    run: (sandbox) => {
      sandbox.faults.clear();
      return ok({ done: true as const });
    },
  }),
];

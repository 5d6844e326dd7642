import { Nullable } from '../contract/common.js';
import { PaymentSchema } from '../contract/payment.js';
import {
  ApproveBodySchema,
  DeclineBodySchema,
  WindowCheckoutSchema,
  WindowOpeningSchema,
  WindowParamsSchema,
  WindowRequestBodySchema,
  WindowResultSchema,
} from '../contract/window.js';
import { ok } from '../core/answer.js';
import { open, type Operation } from './operation.js';

// The payment window's JSON API, called by the stand-in SDK (/v1/iamport.js) from the merchant's origin and by
// the checkout page: every decision is the core's (`sandbox.window`). It answers cross-origin requests. A window
// that is no longer open refuses with HTTP 200, `code 1` and no response, hence the nullable answers.

const tags = ['sandbox.window'];

export const windowOperations: Operation[] = [
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests',
    operationId: 'sandboxWindowRequest',
    summary: 'IMP.request_pay: checks the Settle rules; opens a checkout (PC or mobile, by the user agent) or answers the refusal',
    tags,
    body: WindowRequestBodySchema,
    response: WindowOpeningSchema,
    statuses: [400],
    run: (sandbox, { body, userAgent }) =>
      sandbox.window.open({ merchant_code: body.merchant_code ?? '', params: body.params as Record<string, unknown>, user_agent: userAgent }),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'GET',
    path: '/sandbox/window/requests/:imp_uid',
    operationId: 'sandboxWindowCheckout',
    summary: 'A window payment as its checkout shows it, with the decline reasons and banks the checkout offers',
    tags,
    params: WindowParamsSchema,
    response: WindowCheckoutSchema,
    statuses: [400, 404],
    run: (sandbox, { params }) => ok(sandbox.window.checkout(params.imp_uid)),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/approve',
    operationId: 'sandboxWindowApprove',
    summary: 'Checkout: the user approves (card, trans, phone → paid; vbank → issued)',
    tags,
    params: WindowParamsSchema,
    body: ApproveBodySchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    run: (sandbox, { params, body }) => sandbox.window.approve(params.imp_uid, body),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/cancel',
    operationId: 'sandboxWindowCancel',
    summary: 'Checkout: the user cancels',
    tags,
    params: WindowParamsSchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    run: (sandbox, { params }) => sandbox.window.cancel(params.imp_uid),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/decline',
    operationId: 'sandboxWindowDecline',
    summary: "Checkout: the PG declines with the chosen reason, one of the pay method's",
    tags,
    params: WindowParamsSchema,
    body: DeclineBodySchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    run: (sandbox, { params, body }) => sandbox.window.decline(params.imp_uid, body.reason),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/close',
    operationId: 'sandboxWindowClose',
    summary: "Checkout: the user closes the window (its close button); a window still open counts as cancelled; answers the result",
    tags,
    params: WindowParamsSchema,
    response: WindowResultSchema,
    statuses: [400, 404],
    run: (sandbox, { params }) => sandbox.window.close(params.imp_uid),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/vbanks/:imp_uid/deposit',
    operationId: 'sandboxVbankDeposit',
    summary: 'Control: the buyer deposits into an issued virtual account (→ paid, webhook)',
    tags,
    params: WindowParamsSchema,
    response: Nullable(PaymentSchema),
    statuses: [400, 404],
    run: (sandbox, { params }) => sandbox.window.deposit(params.imp_uid),
  }),
];

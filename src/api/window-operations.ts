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
    description:
      'What the stand-in SDK (/v1/iamport.js) sends for IMP.request_pay. The sandbox checks the request by the Settle rules (merchant code, pg and MID, pay_method, amounts, a prepared amount) and opens a window payment whose checkout the SDK shows (on a PC as a layer over the page, on a mobile browser by redirecting to it, decided from the User-Agent), or answers the refusal the SDK hands to the callback.',
    tags,
    body: WindowRequestBodySchema,
    response: WindowOpeningSchema,
    statuses: [400],
    responses: { 200: 'Checked: imp_uid of the opened checkout, or rsp with the refusal (imp_uid null)' },
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
    description:
      'A window payment as its checkout page shows it: the payment, the merchant, the mode, whether it is still open, and the decline reasons and banks the page offers.',
    tags,
    params: WindowParamsSchema,
    response: WindowCheckoutSchema,
    statuses: [400, 404],
    responses: { 404: 'No window payment with this imp_uid' },
    run: (sandbox, { params }) => ok(sandbox.window.checkout(params.imp_uid)),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/approve',
    operationId: 'sandboxWindowApprove',
    summary: 'Checkout: the user approves (card, trans, phone → paid; vbank → issued)',
    description:
      'The checkout page sends this when the user pays: a card (with card_number, which decides the outcome by the test card table), a transfer or a phone payment becomes paid, a virtual account is issued and waits for its deposit. Answers the callback\'s rsp (and, on a mobile browser, the m_redirect_url to go to).',
    tags,
    params: WindowParamsSchema,
    body: ApproveBodySchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    responses: { 200: 'Done: rsp as the callback gets it; HTTP 200, code 1, response null when the window is no longer open', 404: 'No window payment with this imp_uid' },
    run: (sandbox, { params, body }) => sandbox.window.approve(params.imp_uid, body),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/cancel',
    operationId: 'sandboxWindowCancel',
    summary: 'Checkout: the user cancels',
    description:
      'The checkout page sends this when the user cancels: the payment stays unpaid and the callback gets the cancel rsp.',
    tags,
    params: WindowParamsSchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    responses: { 200: 'Done: rsp as the callback gets it; HTTP 200, code 1, response null when the window is no longer open', 404: 'No window payment with this imp_uid' },
    run: (sandbox, { params }) => sandbox.window.cancel(params.imp_uid),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/decline',
    operationId: 'sandboxWindowDecline',
    summary: "Checkout: the PG declines with the chosen reason, one of the pay method's",
    description:
      "Makes the PG decline the window payment with one of the reasons the checkout offers for its pay method (card reasons from fixtures/cards.json; transfer, virtual account and phone reasons of their own): the payment fails and the callback gets the PG's error.",
    tags,
    params: WindowParamsSchema,
    body: DeclineBodySchema,
    response: Nullable(WindowResultSchema),
    statuses: [400, 404],
    responses: { 200: 'Done: rsp as the callback gets it; HTTP 200, code 1, response null when the window is no longer open', 404: 'No window payment with this imp_uid' },
    run: (sandbox, { params, body }) => sandbox.window.decline(params.imp_uid, body.reason),
  }),
  open({
    kind: 'sandbox',
    cors: true,
    method: 'POST',
    path: '/sandbox/window/requests/:imp_uid/close',
    operationId: 'sandboxWindowClose',
    summary: 'Checkout: the user closes the window (its close button); a window still open counts as cancelled; answers the result',
    description:
      'The checkout sends this when the buyer closes it (its × button or Escape); a window still open counts as cancelled. Answers the result the callback gets.',
    tags,
    params: WindowParamsSchema,
    response: WindowResultSchema,
    statuses: [400, 404],
    responses: { 200: 'Done: rsp as the callback gets it', 404: 'No window payment with this imp_uid' },
    run: (sandbox, { params }) => sandbox.window.close(params.imp_uid),
  }),
  open({
    kind: 'control',
    method: 'POST',
    path: '/sandbox/vbanks/:imp_uid/deposit',
    operationId: 'sandboxVbankDeposit',
    summary: 'Control: the buyer deposits into an issued virtual account (→ paid, webhook)',
    description:
      'Plays the buyer depositing into an issued virtual account: the payment becomes paid and the merchant\'s webhook goes out, as when the bank reports a deposit.',
    tags,
    params: WindowParamsSchema,
    response: Nullable(PaymentSchema),
    statuses: [400, 404],
    responses: { 200: 'Deposited: the paid payment; HTTP 200, code 1, response null when the account is not waiting for a deposit', 404: 'No virtual account payment with this imp_uid' },
    run: (sandbox, { params }) => sandbox.window.deposit(params.imp_uid),
  }),
];

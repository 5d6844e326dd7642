import type { FastifyInstance, FastifyReply, FastifyPluginAsync } from 'fastify';
import Type from 'typebox';
import { CardNumber } from '../contract/requests.js';
import type { Answer } from '../core/answer.js';
import type { Sandbox } from '../core/sandbox.js';
import { checkoutPage } from './checkout-page.js';
import { examplePage } from './example-page.js';
import { IAMPORT_SCRIPT } from './iamport-script.js';
import { JSON_TYPE } from './routes.js';

const tags = ['sandbox.window'];
const ImpUidParams = Type.Object({ imp_uid: Type.String({ minLength: 1, maxLength: 32 }) });
type ImpUid = { imp_uid: string };

const RequestBody = Type.Object({
  merchant_code: Type.Union([Type.String({ maxLength: 32 }), Type.Null()], { description: 'the code given to IMP.init; null when init was not called' }),
  params: Type.Object({}, { additionalProperties: true, description: "request_pay's first argument, as the page passed it" }),
});
const ApproveBody = Type.Object({
  card_number: Type.Optional(CardNumber),
  card_quota: Type.Optional(Type.Integer({ minimum: 0, maximum: 36 })),
  bank_code: Type.Optional(Type.String({ maxLength: 8 })),
});
const DeclineBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 64, description: 'a decline reason code of fixtures/cards.json' }) });

const send = (reply: FastifyReply, answer: Answer) =>
  reply.code(answer.status).header('content-type', JSON_TYPE).send(JSON.stringify(answer.body));

/**
 * The browser side of the payment window, served by this door only: the SDK stand-in, the checkout page, the
 * example merchant page, and the small JSON API they call. Every decision is the core's (`sandbox.window`).
 * The SDK runs on the merchant's origin, so the JSON API answers cross-origin requests. The deposit call belongs
 * to the control API and is mounted with it.
 */
export function windowRoutes(sandbox: Sandbox, control: boolean): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    app.options('/sandbox/window/*', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'POST, GET, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600')
        .send(),
    );

    app.get('/v1/iamport.js', { schema: { summary: 'Stand-in for the vendor SDK (global IMP); load it instead of cdn.iamport.kr', tags } }, async (_request, reply) =>
      reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(IAMPORT_SCRIPT),
    );
    app.get('/sandbox/example', { schema: { summary: 'Example merchant page exercising every pay method (HTML)', tags } }, async (_request, reply) =>
      reply.header('content-type', 'text/html; charset=utf-8').send(examplePage(sandbox.merchants.all())),
    );
    app.get('/sandbox/window/checkout/:imp_uid', { schema: { summary: 'The checkout page of a window request (HTML)', tags, params: ImpUidParams } }, async (request, reply) =>
      reply.header('content-type', 'text/html; charset=utf-8').send(checkoutPage(sandbox.window.checkout((request.params as ImpUid).imp_uid))),
    );

    app.post(
      '/sandbox/window/requests',
      { schema: { summary: 'IMP.request_pay: checks the Settle rules; opens a checkout or answers the refusal', tags, body: RequestBody } },
      async (request, reply) => {
        const body = request.body as { merchant_code: string | null; params: Record<string, unknown> };
        const userAgent = request.headers['user-agent'] ?? null;
        return send(reply, await sandbox.window.open({ merchant_code: body.merchant_code ?? '', params: body.params, user_agent: userAgent }));
      },
    );
    app.post(
      '/sandbox/window/requests/:imp_uid/approve',
      { schema: { summary: 'Checkout: the user approves (card, trans, phone → paid; vbank → issued)', tags, params: ImpUidParams, body: ApproveBody } },
      async (request, reply) => send(reply, await sandbox.window.approve((request.params as ImpUid).imp_uid, request.body as object)),
    );
    app.post(
      '/sandbox/window/requests/:imp_uid/cancel',
      { schema: { summary: 'Checkout: the user cancels', tags, params: ImpUidParams } },
      async (request, reply) => send(reply, await sandbox.window.cancel((request.params as ImpUid).imp_uid)),
    );
    app.post(
      '/sandbox/window/requests/:imp_uid/decline',
      { schema: { summary: 'Checkout: the PG declines with the chosen reason', tags, params: ImpUidParams, body: DeclineBody } },
      async (request, reply) => send(reply, await sandbox.window.decline((request.params as ImpUid).imp_uid, (request.body as { reason: string }).reason)),
    );
    app.post(
      '/sandbox/window/requests/:imp_uid/close',
      { schema: { summary: 'SDK: the popup closed; a window still open counts as cancelled; answers the result', tags, params: ImpUidParams } },
      async (request, reply) => send(reply, await sandbox.window.close((request.params as ImpUid).imp_uid)),
    );
    if (!control) return;
    app.post(
      '/sandbox/vbanks/:imp_uid/deposit',
      { schema: { summary: 'Control: the buyer deposits into an issued virtual account (→ paid, webhook)', tags, params: ImpUidParams } },
      async (request, reply) => send(reply, await sandbox.window.deposit((request.params as ImpUid).imp_uid)),
    );
  };
}

// The stateful ceiling: the least any sandbox of these operations must do, on bare Fastify. It checks the
// credentials and then a token header, builds a payment from the body (the sandbox's own answer as the template,
// so the answers are the same size), keeps it in two maps, refuses a paid merchant_uid, and answers it. No
// validation beyond what the maps need, no log, no store: what is left of the sandbox's per-request work above
// this line is what a faster sandbox could still remove.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

/** What the stateful ceiling is started with: one merchant's credentials and a payment to copy. */
export interface StatefulCeilingSetup {
  imp_key: string;
  imp_secret: string;
  /** The `response` of the sandbox's onetime answer. */
  payment: Record<string, unknown>;
}

const JSON_TYPE = 'application/json; charset=UTF-8';
type Body = Record<string, unknown>;

export async function statefulCeiling(setup: StatefulCeilingSetup): Promise<string> {
  const tokens = new Set<string>();
  const byImpUid = new Map<string, Body>();
  const byMerchantUid = new Map<string, Body>();
  const billingKeys = new Set<string>();
  let seq = 0;
  const app = Fastify({ logger: false });
  const envelope = (reply: FastifyReply, code: number, message: string | null, response: unknown) =>
    reply.header('content-type', JSON_TYPE).send(JSON.stringify({ code, message, response }));
  const authorized = (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    return tokens.has(header.startsWith('Bearer ') ? header.slice(7) : header);
  };

  app.post('/users/getToken', async (request, reply) => {
    const { imp_key, imp_secret } = request.body as Body;
    if (imp_key !== setup.imp_key || imp_secret !== setup.imp_secret) return envelope(reply.code(401), -1, 'Unauthorized', null);
    const token = randomBytes(20).toString('hex');
    tokens.add(token);
    const now = Math.floor(Date.now() / 1000);
    return envelope(reply, 0, null, { access_token: token, now, expired_at: now + 1800 });
  });

  const charge = (request: FastifyRequest, reply: FastifyReply, needsKey: boolean) => {
    if (!authorized(request)) return envelope(reply.code(401), -1, 'Unauthorized', null);
    const body = request.body as Body;
    const merchantUid = String(body['merchant_uid']);
    const customerUid = typeof body['customer_uid'] === 'string' ? body['customer_uid'] : null;
    if (needsKey && (customerUid === null || !billingKeys.has(customerUid))) return envelope(reply, 1, '등록되지 않은 구매자입니다.', null);
    if (byMerchantUid.get(merchantUid)?.['status'] === 'paid') return envelope(reply, 1, '이미 결제된 주문번호입니다.', null);
    if (customerUid !== null) billingKeys.add(customerUid);
    const impUid = `imps_${String(++seq).padStart(12, '0')}`;
    const payment = { ...setup.payment, imp_uid: impUid, merchant_uid: merchantUid, amount: body['amount'], customer_uid: customerUid, paid_at: Math.floor(Date.now() / 1000) };
    byImpUid.set(impUid, payment);
    byMerchantUid.set(merchantUid, payment);
    return envelope(reply, 0, null, payment);
  };
  app.post('/subscribe/payments/onetime', async (request, reply) => charge(request, reply, false));
  app.post('/subscribe/payments/again', async (request, reply) => charge(request, reply, true));

  app.get('/payments/:imp_uid', async (request, reply) => {
    if (!authorized(request)) return envelope(reply.code(401), -1, 'Unauthorized', null);
    const payment = byImpUid.get((request.params as { imp_uid: string }).imp_uid);
    return payment ? envelope(reply, 0, null, payment) : envelope(reply.code(404), 1, '존재하지 않는 결제정보입니다.', null);
  });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

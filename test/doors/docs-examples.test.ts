import t from 'tap';
import { operations } from '../../src/api/operations.js';
import { EXAMPLE_IMP_UID } from '../../src/api/request-examples.js';
import { startApp, type Reply } from '../helpers/doors.js';

// The requests /docs shows for "Try it out", sent as shown through the HTTP door to a fresh sandbox, one vendor
// operation after another: each answers code 0, except the few listed below with the reason and the answer they
// get. The examples chain (src/api/request-examples.ts): getToken's credentials are the first merchant's, the
// onetime charge issues the billing key the later ones use, and every record an example reads was made before it.

interface DocParameter {
  in: string;
  name: string;
  required?: boolean;
  example?: unknown;
}
interface DocOperation {
  tags?: string[];
  parameters?: DocParameter[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, DocOperation>> };

/** The order the examples are sent in: each makes what a later one reaches (`METHOD /path` as the document writes it). */
const ORDER = [
  'POST /users/getToken',
  'GET /users/pg',
  'GET /banks',
  'GET /banks/{bank_standard_code}',
  'GET /cards',
  'GET /cards/{card_standard_code}',
  'GET /tiers/{tier_code}',
  'POST /subscribe/payments/onetime',
  'POST /subscribe/payments/again',
  'GET /subscribe/customers',
  'GET /subscribe/customers/{customer_uid}',
  'POST /subscribe/customers/{customer_uid}',
  'GET /subscribe/customers/{customer_uid}/payments',
  'POST /subscribe/payments/schedule',
  'GET /subscribe/payments/schedule',
  'GET /subscribe/payments/schedule/customers/{customer_uid}',
  'GET /subscribe/customers/{customer_uid}/schedules',
  'GET /subscribe/payments/schedule/{merchant_uid}',
  'PUT /subscribe/payments/schedule/{merchant_uid}',
  'POST /subscribe/payments/unschedule',
  'POST /subscribe/payments/schedule/{merchant_uid}/reschedule',
  'POST /subscribe/payments/schedule/{merchant_uid}/retry',
  'GET /payments/{imp_uid}',
  'GET /payments/find/{merchant_uid}/{payment_status}',
  'GET /payments/find/{merchant_uid}',
  'GET /payments/findAll/{merchant_uid}/{payment_status}',
  'GET /payments/findAll/{merchant_uid}',
  'GET /payments',
  'GET /payments/status/{payment_status}',
  'GET /payments/{imp_uid}/balance',
  'POST /payments/prepare',
  'PUT /payments/prepare',
  'GET /payments/prepare/{merchant_uid}',
  'POST /receipts/external/{merchant_uid}',
  'GET /receipts/external/{merchant_uid}',
  'DELETE /receipts/external/{merchant_uid}',
  'POST /receipts/{imp_uid}',
  'DELETE /receipts/{imp_uid}',
  'POST /vbanks',
  'PUT /vbanks/{imp_uid}',
  'DELETE /vbanks/{imp_uid}',
  'POST /payments/cancel',
  'DELETE /subscribe/customers/{customer_uid}',
];

/**
 * The examples that cannot succeed as the shipped first merchant, and what they answer instead. The operations
 * the vendor documents for other PGs only (tag `unsupported`) are not listed: each answers its refusal.
 */
const REFUSED: Record<string, { reason: string; status: number; code: number }> = {
  'GET /tiers/{tier_code}': { reason: 'the sandbox has no sub-merchants, so no tier code is registered (vendor: 404)', status: 404, code: 1 },
  'POST /subscribe/customers/{customer_uid}': { reason: 'Settle issues a billing key alone only under a separate contract, which the first merchant has not', status: 200, code: 1 },
  'GET /payments/{imp_uid}/balance': { reason: 'the vendor splits amounts for PAYCO payments only; a Settle payment gets 현재 지원되지 않는 PG사입니다.', status: 200, code: 1 },
  'POST /receipts/{imp_uid}': { reason: 'a cash receipt is for a paid bank transfer or virtual account, which only the payment window makes', status: 400, code: 1 },
  'DELETE /receipts/{imp_uid}': { reason: 'no receipt was issued for the card payment (the issue above is refused)', status: 400, code: 1 },
  'POST /vbanks': { reason: 'Settle issues a virtual account through the API only under a separate contract, which the first merchant has not', status: 200, code: 1 },
  'PUT /vbanks/{imp_uid}': { reason: 'only a virtual account the API issued can be changed (the issue above is refused)', status: 400, code: 1 },
  'DELETE /vbanks/{imp_uid}': { reason: 'only a virtual account the API issued can be revoked (the issue above is refused)', status: 400, code: 1 },
};

const UNSUPPORTED = '현재 지원되지 않는 PG사입니다.';

/** The path with each parameter's example put in (the imp_uid the sandbox issued for the example's form). */
function urlOf(path: string, doc: DocOperation, impUid: string): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const example = doc.parameters?.find((p) => p.in === 'path' && p.name === name)?.example;
    // An unsupported operation refuses before it reads anything, so its parameters need no example.
    const value = example === EXAMPLE_IMP_UID ? impUid : (example ?? 'x');
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const parameter of doc.parameters ?? []) {
    if (parameter.in !== 'query' || parameter.example === undefined) continue;
    for (const value of [parameter.example].flat()) query.append(parameter.name, String(value));
  }
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

/** Every value in an example that a made-up one would be: "string", or an amount no small charge has. */
function madeUp(value: unknown, key = ''): string[] {
  if (value === 'string') return [`${key}: "string"`];
  if (typeof value === 'number' && /amount|tax_free|vat|checksum/.test(key) && value >= 1e9) return [`${key}: ${value}`];
  if (key.endsWith('notice_url')) return [`${key}: a webhook target`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([inner, v]) => madeUp(v, key ? `${key}.${inner}` : inner));
  return [];
}

async function documentOf() {
  const { app, send } = await startApp(t);
  await app.ready();
  const document = JSON.parse(JSON.stringify(await app.openapi())) as Document;
  const vendorKeys = new Set(operations.map((operation) => `${operation.method} ${operation.path.replace(/:(\w+)/g, '{$1}')}`));
  const entries = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, doc]) => ({ key: `${method.toUpperCase()} ${path}`, path, method: method.toUpperCase(), doc })),
  );
  return { send, vendor: entries.filter((entry) => vendorKeys.has(entry.key)) };
}

t.test('every vendor operation with a body or a required parameter has an example, and none is made up', async (t) => {
  const { vendor } = await documentOf();
  t.ok(vendor.length > 80, `${vendor.length} vendor operations`);
  for (const { key, doc } of vendor) {
    for (const [type, media] of Object.entries(doc.requestBody?.content ?? {})) {
      t.not(media.example, undefined, `${key}: a ${type} example`);
      t.same(madeUp(media.example), [], `${key}: the ${type} example is no made-up value`);
    }
    if (doc.tags?.includes('unsupported')) continue;
    for (const parameter of doc.parameters ?? []) {
      if (parameter.required) t.not(parameter.example, undefined, `${key}: ${parameter.in} ${parameter.name} has an example`);
      t.same(madeUp(parameter.example, parameter.name), [], `${key}: ${parameter.name} is no made-up value`);
    }
  }
});

t.test('every example /docs shows runs as written, in order, on a fresh sandbox', async (t) => {
  const { send, vendor } = await documentOf();
  const supported = vendor.filter((entry) => !entry.doc.tags?.includes('unsupported'));
  t.same(supported.map((entry) => entry.key).filter((key) => !ORDER.includes(key)), [], 'every supported operation is in the order');
  t.same(ORDER.filter((key) => !supported.some((entry) => entry.key === key)), [], 'the order names only documented operations');
  const byKey = new Map(vendor.map((entry) => [entry.key, entry]));
  let authorization = '';
  let impUid = EXAMPLE_IMP_UID;
  const sendExample = async (key: string): Promise<Reply> => {
    const { path, method, doc } = byKey.get(key)!;
    const body = doc.requestBody?.content['application/json']?.example;
    const headers: Record<string, string> = authorization ? { authorization } : {};
    return send(method, urlOf(path, doc, impUid), body === undefined ? { headers } : { json: body, headers });
  };
  for (const key of ORDER) {
    const reply = await sendExample(key);
    const refused = REFUSED[key];
    const expected = refused ? { status: refused.status, code: refused.code } : { status: 200, code: 0 };
    t.same({ status: reply.status, code: reply.body?.code }, expected, `${key}${refused ? `: ${refused.reason}` : ''} (${JSON.stringify(reply.body?.message)})`);
    if (key === 'POST /users/getToken') authorization = `Bearer ${String(reply.body.response.access_token)}`;
    if (key === 'POST /subscribe/payments/onetime') impUid = String(reply.body.response.imp_uid);
  }
  for (const { key, doc } of vendor.filter((entry) => entry.doc.tags?.includes('unsupported'))) {
    const reply = await sendExample(key);
    // The status of the refusal: the one the operation lists besides the token's 401, else 200.
    const status = Number(Object.keys(doc.responses).find((s) => !['200', '401'].includes(s)) ?? 200);
    t.same({ status: reply.status, code: reply.body?.code, message: reply.body?.message }, { status, code: 1, message: UNSUPPORTED }, `${key}: not for Settle`);
  }
});

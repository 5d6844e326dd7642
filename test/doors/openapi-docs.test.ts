import t from 'tap';
import { documentedStatuses } from '../../src/api/operation-docs.js';
import type { Operation } from '../../src/api/operation.js';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { readForm } from '../../src/api/php-form.js';
import { check } from '../../src/contract/validation.js';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';
import { encode, merchantA, parseReply, startApp, type Reply, type SendInit } from '../helpers/doors.js';

// What /docs shows a developer, walked operation by operation: every operation says what it does, every status it
// can answer is documented with its envelope, every tag is described, and every request the page fills in for
// "Try it out" (the examples, or what swagger-ui makes up from the schemas) passes the operation's own validation.

type Schema = Record<string, any>;
interface DocOperation {
  operationId?: string;
  description?: string;
  tags?: string[];
  parameters?: { in: string; name: string; required?: boolean; schema: Schema; example?: unknown }[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

/**
 * The value swagger-ui fills in for a schema, as its sample generator picks it: the example, else the default,
 * the first enum value or the first branch of a union (merged into an object it qualifies); else a value of the type ("string", 0 raised to the
 * minimum, true). swagger-ui invents a string matching `pattern` (or of a `format`) where no example is given:
 * those invented values are what failed validation before, so here a bare "string" stands for them and fails
 * the same patterns, and such a field needs an example.
 */
function sample(schema: Schema): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (schema['const'] !== undefined) return schema['const'];
  if (schema['default'] !== undefined) return schema['default'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  for (const union of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(schema[union])) continue;
    // An object whose alternatives only name required fields (`channel_key` or `pg`): swagger-ui merges the first
    // alternative into the object around it rather than sampling the alternative alone.
    const { [union]: alternatives, ...around } = schema;
    return sample(around['properties'] ? { ...around, ...alternatives[0], properties: around['properties'] } : alternatives[0]);
  }
  if (Array.isArray(schema['allOf'])) return Object.assign({}, ...schema['allOf'].map((part: Schema) => sample(part)));
  switch (schema['type']) {
    case 'object':
      return Object.fromEntries(Object.entries<Schema>(schema['properties'] ?? {}).map(([key, value]) => [key, sample(value)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema['minItems'] ?? 1) }, () => sample(schema['items'] ?? {}));
    case 'integer':
    case 'number':
      return Math.max(0, schema['minimum'] ?? 0);
    case 'boolean':
      return true;
    case 'string':
      return 'string'.padEnd(schema['minLength'] ?? 0, 'x');
    default:
      return null;
  }
}

/** Validates a copy (the validator fills defaults and coerces in place); one line per problem, empty when valid. */
function problems(schema: object | undefined, value: unknown, coerce: boolean): string[] {
  if (!schema) return [];
  const errors = check(schema, structuredClone(value), { coerce });
  return (errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} (got ${JSON.stringify(value)})`);
}

/** What "Try it out" sends for the parameters of one place: the examples given, and a made-up value where one is required. */
function filledIn(doc: DocOperation, place: 'path' | 'query'): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const parameter of doc.parameters ?? []) {
    if (parameter.in !== place) continue;
    const given = parameter.example ?? parameter.schema['example'] ?? parameter.schema['default'];
    if (given !== undefined) filled[parameter.name] = given;
    else if (parameter.required) filled[parameter.name] = sample(parameter.schema);
  }
  return filled;
}

/** Query parameters under their wire names (`customer_uid[]`), as the pipeline reads them (`customer_uid`). */
function asRead(filled: Record<string, unknown>): Record<string, unknown> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filled)) for (const one of [value].flat()) query.append(name, String(one));
  return readForm(query.toString());
}

/** Everything wrong with how the document shows one operation. */
function docProblems(operation: Operation | undefined, doc: DocOperation, used: Set<string>): string[] {
  const found: string[] = [];
  if (!doc.description?.trim()) found.push('no description');
  for (const tag of doc.tags ?? []) used.add(tag);
  for (const [status, response] of Object.entries(doc.responses)) {
    if (!response.description || response.description === 'Default Response') found.push(`HTTP ${status}: no description`);
  }
  if (!operation) return found;
  const statuses = new Set([...operation.statuses, ...documentedStatuses(operation)]);
  for (const status of statuses) {
    const schema = doc.responses[status]?.content?.['application/json']?.schema;
    if (!schema) {
      found.push(`HTTP ${status}: not documented`);
      continue;
    }
    const fields = Object.keys(schema['properties'] ?? {}).sort();
    if (fields.join() !== 'code,message,response') found.push(`HTTP ${status}: not the {code, message, response} envelope`);
    if (status >= 300 && schema['properties']?.['response']?.['enum']?.[0] !== null) found.push(`HTTP ${status}: response is not null`);
  }
  for (const [type, media] of Object.entries(doc.requestBody?.content ?? {})) {
    const body = media.example ?? sample(media.schema);
    found.push(...problems(operation.body, body, type !== 'application/json').map((line) => `${type} body: ${line}`));
  }
  found.push(...problems(operation.params, filledIn(doc, 'path'), true).map((line) => `path: ${line}`));
  found.push(...problems(operation.querystring, asRead(filledIn(doc, 'query')), true).map((line) => `query: ${line}`));
  return found;
}

/** `/payments/{imp_uid}` → `/payments/:imp_uid`, the operation tables' syntax. */
const routeOf = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

async function documentAndOperations() {
  const sandbox = await createSandbox({ seed: 1 });
  const app = await buildApp({ sandbox });
  await app.ready();
  const document = JSON.parse(JSON.stringify(await app.openapi())) as { paths: Record<string, Record<string, DocOperation>>; tags: { name: string; description?: string }[] };
  await app.close();
  return { document, operations: mountedOperations(true) };
}

/** Every problem of the document, keyed by `METHOD /path`. */
function audit(document: Awaited<ReturnType<typeof documentAndOperations>>['document'], operations: readonly Operation[]): Record<string, string[]> {
  const byRoute = new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const report: Record<string, string[]> = {};
  const used = new Set<string>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, doc] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      const found = docProblems(byRoute.get(`${method.toUpperCase()} ${routeOf(path)}`), doc, used);
      if (found.length > 0) report[key] = found;
    }
  }
  const described = new Set(document.tags.filter((tag) => tag.description?.trim()).map((tag) => tag.name));
  const undescribed = [...used].filter((tag) => !described.has(tag));
  if (undescribed.length > 0) report['tags'] = undescribed.map((tag) => `tag ${tag} has no description`);
  return report;
}

t.test('/docs: every operation is described, answers documented per status, tags described, examples valid', async (t) => {
  const { document, operations } = await documentAndOperations();
  const documented = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${routeOf(path)}`)));
  t.same(operations.filter((operation) => !documented.has(`${operation.method} ${operation.path}`)).map((o) => o.operationId), [], 'every operation is in the document');
  t.same(audit(document, operations), {});
});

t.test('the audit catches what it is there to catch', async (t) => {
  const { document, operations } = await documentAndOperations();
  const onetime = document.paths['/subscribe/payments/onetime']!['post']!;
  const clean = structuredClone(document);

  const undescribed = structuredClone(clean);
  delete undescribed.paths['/subscribe/payments/onetime']!['post']!.description;
  t.same(audit(undescribed, operations)['POST /subscribe/payments/onetime'], ['no description']);

  const missingStatus = structuredClone(clean);
  delete missingStatus.paths['/subscribe/payments/onetime']!['post']!.responses['401'];
  t.same(audit(missingStatus, operations)['POST /subscribe/payments/onetime'], ['HTTP 401: not documented']);

  const defaultText = structuredClone(clean);
  defaultText.paths['/subscribe/payments/onetime']!['post']!.responses['400']!.description = 'Default Response';
  t.same(audit(defaultText, operations)['POST /subscribe/payments/onetime'], ['HTTP 400: no description']);

  const untagged = structuredClone(clean);
  untagged.tags = untagged.tags.map((tag) => (tag.name === 'subscribe' ? { name: tag.name } : tag));
  t.same(audit(untagged, operations)['tags'], ['tag subscribe has no description']);

  // A pattern with no example: swagger-ui would make a value up; the audit's stand-in fails the pattern.
  const madeUp = structuredClone(clean);
  delete madeUp.paths['/subscribe/payments/onetime']!['post']!.requestBody!.content['application/json']!.example;
  delete madeUp.paths['/subscribe/payments/onetime']!['post']!.requestBody!.content['application/json']!.schema['properties'].expiry.example;
  t.match(audit(madeUp, operations)['POST /subscribe/payments/onetime'], [/^application\/json body: \/expiry must match pattern/]);

  // An example the operation refuses.
  const wrong = structuredClone(clean);
  const json = wrong.paths['/subscribe/payments/onetime']!['post']!.requestBody!.content['application/json']!;
  json.example = { ...(sample(onetime.requestBody!.content['application/json']!.schema) as object), amount: 0 };
  t.match(audit(wrong, operations)['POST /subscribe/payments/onetime'], [/^application\/json body: \/amount must be >= 1/]);

  const patternOnly = structuredClone(clean);
  delete patternOnly.paths['/tiers/{tier_code}']!['get']!.parameters![0]!.schema['example'];
  delete patternOnly.paths['/tiers/{tier_code}']!['get']!.parameters![0]!.example;
  t.match(audit(patternOnly, operations)['GET /tiers/{tier_code}'], [/^path: \/tier_code must match pattern/]);
});

t.test('the documented requests of getToken, onetime and again go through: a token, a paid payment, a paid repeat', async (t) => {
  const { app, send } = await startApp(t);
  await app.ready();
  const document = JSON.parse(JSON.stringify(await app.openapi())) as { paths: Record<string, Record<string, DocOperation>> };
  const example = (path: string) => {
    const media = document.paths[path]!['post']!.requestBody!.content['application/json']!;
    return media.example ?? sample(media.schema);
  };
  const token = await send('POST', '/users/getToken', { json: example('/users/getToken') });
  t.match(token.body, { code: 0, response: { access_token: /^[0-9a-f]{40}$/ } });
  const authorization = `Bearer ${token.body.response.access_token as string}`;
  const paid = await send('POST', '/subscribe/payments/onetime', { json: example('/subscribe/payments/onetime'), headers: { authorization } });
  t.match(paid.body, { code: 0, response: { status: 'paid' } }, 'onetime: paid');
  const again = await send('POST', '/subscribe/payments/again', { json: { ...(example('/subscribe/payments/again') as object), merchant_uid: 'order_id_again' }, headers: { authorization } });
  t.match(again.body, { code: 0, response: { status: 'paid' } }, 'again: paid');
});

t.test('/docs is a Korean page a phone lays out at its own width, titled for the sandbox', async (t) => {
  const app = await buildApp({ sandbox: await createSandbox() });
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/html/);
  t.match(response.body, '<html lang="ko">');
  t.match(response.body, '<meta name="viewport" content="width=device-width, initial-scale=1">');
  t.match(response.body, '<title>iamport-sandbox API 문서 (PortOne V1 · 헥토파이낸셜)</title>');
  t.notMatch(response.body, 'Swagger UI</title>');
});

t.test('every refusal /docs shows is the envelope the operation answers', async (t) => {
  // With a control key, so that the control API's 401 can be met too.
  const app = await buildApp({ sandbox: await createSandbox({ seed: 1 }), controlAccess: { key: 'control-key' } });
  t.teardown(() => app.close());
  const send = async (method: string, url: string, init: SendInit = {}): Promise<Reply> => {
    const { headers, body } = encode(init);
    const res = await app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body } : {}) });
    return parseReply(res.statusCode, res.headers as Record<string, string>, res.body);
  };
  const document = JSON.parse(JSON.stringify(await app.openapi())) as { paths: Record<string, Record<string, DocOperation>> };
  const token = await send('POST', '/users/getToken', { json: { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret } });
  const authorization = `Bearer ${token.body.response.access_token as string}`;
  const allowed = { authorization, 'x-sandbox-control-key': 'control-key' };
  const malformed = '요청 본문이 올바른 JSON이 아닙니다.';
  // Each refusal as a client meets it: no token (or, for getToken, unknown credentials); a body of another type;
  // one too large; a body left empty, or one that is not JSON where the example says so.
  const provoke: Record<string, (url: string, method: string, example: { message: string }) => Promise<Reply>> = {
    401: (url, method) => send(method, url, { json: { imp_key: 'unknown', imp_secret: 'unknown' } }),
    415: (url, method) => send(method, url, { payload: 'x', headers: { ...allowed, 'content-type': 'text/plain' } }),
    // As large as the limit the example names (1 MiB, or the state import's own), so one byte past it.
    413: (url, method, example) => {
      const limit = Number(/최대 (\d+) bytes/.exec(example.message)?.[1]);
      return send(method, url, { payload: `{"x":"${'x'.repeat(limit)}"}`, headers: { ...allowed, 'content-type': 'application/json' } });
    },
    400: (url, method, example) =>
      example.message === malformed
        ? send(method, url, { payload: '{', headers: { ...allowed, 'content-type': 'application/json' } })
        : send(method, url, { json: {}, headers: allowed }),
  };
  let compared = 0;
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
        return encodeURIComponent(String(parameter ? (parameter.example ?? sample(parameter.schema)) : name));
      });
      for (const [status, answer] of Object.entries(operation.responses)) {
        const example = (answer.content?.['application/json']?.schema as Schema | undefined)?.['example'];
        const request = provoke[status];
        if (example === undefined || !request) continue;
        const reply = await request(url, method.toUpperCase(), example);
        t.same({ status: reply.status, body: reply.body }, { status: Number(status), body: example }, `${method.toUpperCase()} ${path} ${status}`);
        compared++;
      }
    }
  }
  t.ok(compared > 100, `${compared} refusals compared`);
});

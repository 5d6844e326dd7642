import t from 'tap';
import { documentedStatuses } from '../../src/api/operation-docs.js';
import type { Operation } from '../../src/api/operation.js';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { check } from '../../src/contract/validator.js';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';
import { startApp } from '../helpers/doors.js';

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
 * the first enum value or the first branch of a union; else a value of the type ("string", 0 raised to the
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
  for (const union of ['oneOf', 'anyOf'] as const) if (Array.isArray(schema[union])) return sample(schema[union][0]);
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
  found.push(...problems(operation.querystring, filledIn(doc, 'query'), true).map((line) => `query: ${line}`));
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

import type { RequestHandler } from 'msw';
import { controlOperations } from '../api/control-operations.js';
import { faultFor } from '../api/faults.js';
import type { Operation } from '../api/operation.js';
import { operations } from '../api/operations.js';
import { callerOf, parseForm, validatePart } from '../api/request.js';
import type { RequestPart } from '../contract/validator.js';
import { errors } from '../core/errors.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../index.js';
import { defaultBaseUrls, pathUnder } from './base-url.js';
import { bodyOf, reply, replyFailure, urlOf } from './exchange.js';
import { RouteHandler } from './route-handler.js';
import { byPrecedence, decodes, pathMatcher, type Params } from './route.js';

export type HandlerOptions = {
  /**
   * Where the handlers answer: an origin, optionally with a path prefix, or several.
   * Default: `https://api.iamport.kr` and `https://static-api.iamport.kr`.
   */
  baseUrl?: string | readonly string[];
  /** Serve the control API (`/sandbox/...`) too, as the server does unless told not to. Default: true. */
  control?: boolean;
} & (
  | {
      /** A sandbox to share (with another handler set, or a server); its own options stay as they were. */
      sandbox: Sandbox;
    }
  | (Partial<SandboxOptions> & { sandbox?: undefined })
);

export interface SandboxHandlers {
  /** One msw handler per operation of the route tables, then one that answers unknown paths with the 404 envelope. */
  handlers: RequestHandler[];
  /** The sandbox the handlers serve: reset it, export it, move its clock, queue outcomes. */
  sandbox: Sandbox;
}

/**
 * msw handlers that serve the sandbox in-process, through the same route table, parsers and validator as
 * the server. Async because creating a sandbox is; without `sandbox`, every call gets fresh state.
 */
export async function createHandlers(options: HandlerOptions = {}): Promise<SandboxHandlers> {
  const { baseUrl = defaultBaseUrls, control = true, sandbox: shared, ...sandboxOptions } = options;
  const sandbox = shared ?? (await createSandbox(sandboxOptions));
  const under = pathUnder([baseUrl].flat());
  // Each table is ordered on its own: the control API lives apart, under /sandbox/, and msw tries handlers in
  // order, so the vendor routes a test calls most come first.
  const tables = control ? [operations, controlOperations] : [operations];
  const handlers = tables.flatMap((table) => [...table].sort(byPrecedence).map((operation) => operationHandler(sandbox, operation, under)));
  return { handlers: [...handlers, fallbackHandler(under)], sandbox };
}

type PathUnder = ReturnType<typeof pathUnder>;

function operationHandler(sandbox: Sandbox, operation: Operation, under: PathUnder): RouteHandler {
  const match = pathMatcher(operation.path);
  // Like Fastify, every GET route also answers HEAD.
  const answers = (method: string) => method === operation.method || (method === 'HEAD' && operation.method === 'GET');
  return new RouteHandler(
    `${operation.method} ${operation.path} (${operation.operationId})`,
    (request) => {
      if (!answers(request.method)) return null;
      const path = under(urlOf(request));
      return path === null ? null : match(path);
    },
    ({ request, params }) => serve(sandbox, operation, request, params),
  );
}

/** The server's order: injected fault, body, token, then params, body and query string against their schemas. */
async function serve(sandbox: Sandbox, operation: Operation, request: Request, params: Params): Promise<Response> {
  try {
    const fault = await faultFor(sandbox, operation);
    if (fault.action === 'answer') return reply(request, fault.answer.status, fault.answer.body);
    if (fault.action === 'drop') return Response.error();
    const query = parseForm(urlOf(request).search.slice(1));
    const body = await bodyOf(request);
    const header = (name: string) => request.headers.get(name) ?? undefined;
    const caller = operation.auth ? callerOf(sandbox, header, query) : null;
    const input = {
      params: validated(operation.params, params, 'params'),
      body: validated(operation.body, body, 'body'),
      query: validated(operation.querystring, query, 'querystring'),
    };
    const answer = await operation.run(sandbox, input, caller);
    return reply(request, answer.status, answer.body);
  } catch (error) {
    return replyFailure(request, error);
  }
}

const validated = (schema: Operation['body'], data: unknown, part: RequestPart) => (schema ? validatePart(schema, data, part) : data);

/** Any other path under a base URL: refused as the server refuses it, never passed on to the network. */
function fallbackHandler(under: PathUnder): RouteHandler {
  return new RouteHandler(
    'any other path (404)',
    (request) => (under(urlOf(request)) === null ? null : {}),
    async ({ request }) => {
      const path = under(urlOf(request))!;
      try {
        if (!decodes(path)) throw errors.badUrl(path);
        await bodyOf(request);
        throw errors.routeNotFound(request.method, path);
      } catch (error) {
        return replyFailure(request, error);
      }
    },
  );
}

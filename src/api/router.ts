import FindMyWay from 'find-my-way';
import type { Operation } from './operation.js';
import { BODY_LIMIT } from './request.js';

export type Params = Record<string, string>;

/** Where a request leads: an operation, the CORS preflight of one, a path that does not decode, or nowhere. */
export type Route =
  | { kind: 'operation'; operation: Operation; params: Params }
  | { kind: 'preflight'; operation: Operation }
  | { kind: 'bad-url' }
  | { kind: 'not-found' };

export interface Router {
  /** `path` is the raw path as it came over the wire, without its query string. */
  find(method: string, path: string): Route;
}

const NOT_FOUND: Route = { kind: 'not-found' };
const BAD_URL: Route = { kind: 'bad-url' };
// find-my-way calls a handler only through its own `lookup`; the pipeline reads the store instead.
const unused = () => undefined;

/**
 * One router for both doors, built with find-my-way (Fastify's own router): case-sensitive, a static segment beats
 * a parameter, parameters percent-decoded. One trailing slash is dropped before routing (`ignoreTrailingSlash`), as
 * the vendor's server does: the official PHP client calls `POST /payments/cancel/`, a Go client
 * `GET /payments/find/{merchant_uid}/`, which so reads as the operation without its optional last segment, never as
 * an empty one. Parameters may be as long as a body (the schemas, not the router, limit them). Every GET also
 * answers HEAD, as Fastify's routes do.
 */
export function createRouter(operations: readonly Operation[]): Router {
  const router = FindMyWay({ maxParamLength: BODY_LIMIT, ignoreTrailingSlash: true });
  const preflights = new Set<string>();
  for (const operation of operations) {
    const methods = operation.method === 'GET' ? ['GET', 'HEAD'] : [operation.method];
    router.on(methods as FindMyWay.HTTPMethod[], operation.path, unused, { kind: 'operation', operation });
    if (operation.cors && !preflights.has(operation.path)) {
      preflights.add(operation.path);
      router.on('OPTIONS', operation.path, unused, { kind: 'preflight', operation });
    }
  }
  return {
    find(method, path) {
      if (!decodes(path)) return BAD_URL;
      const found = router.find(method as FindMyWay.HTTPMethod, path);
      if (!found) return NOT_FOUND;
      const store = found.store as { kind: 'operation' | 'preflight'; operation: Operation };
      if (store.kind === 'preflight') return { kind: 'preflight', operation: store.operation };
      return { kind: 'operation', operation: store.operation, params: { ...found.params } as Params };
    },
  };
}

/** Whether a path percent-decodes; one that does not is refused before it is routed. */
function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

import type { Answer } from '../core/answer.js';
import { SandboxError, errors } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';
import { controlGuard, type ControlAccess } from './control-access.js';
import { faultFor } from './faults.js';
import type { Operation } from './operation.js';
import { mountedOperations } from './mounted-operations.js';
import { JSON_TYPE } from './reply.js';
import { readForm } from './php-form.js';
import { BODY_LIMIT, callerOf, parseBody, validatePart, type HeaderLookup } from './request.js';
import { createRouter, type Params } from './router.js';
import { transportErrors } from './transport-errors.js';

/** A request as it came over the wire, in the terms both doors can give. */
export interface PlainRequest {
  method: string;
  /** The raw path (still percent-encoded), without the query string. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  header: HeaderLookup;
  /** The body as text; undefined when the request has none (GET, HEAD, or nothing sent). */
  body: string | undefined;
  contentType: string | undefined;
}

interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and for a preflight. */
  body: string | null;
  /**
   * The envelope's `code` (0, -1, 1…), null when the answer is no envelope (a preflight): a door's request log
   * shows it beside the status (a declined charge is `200 code -1`) without parsing the body it sends.
   */
  code: number | null;
}

/** What a door does with a request: send an answer, or drop the connection (an injected fault). */
export type Outcome = { action: 'answer'; answer: PlainAnswer } | { action: 'drop' };

export type Pipeline = ((request: PlainRequest) => Promise<Outcome>) & {
  /**
   * How many body bytes a door should read for a request: its operation's limit, once the control guard lets its
   * headers through (so only an allowed caller can make the server hold a large body), else BODY_LIMIT.
   */
  bodyLimit(method: string, path: string, header: HeaderLookup): number;
};

export interface PipelineOptions {
  /** Serve the control API (`/sandbox/...` reset, state, clock, outcomes, faults, deposit…). */
  control: boolean;
  /** Who may call the control API: loopback hosts and same-origin pages by default (src/api/control-access.ts). */
  controlAccess?: ControlAccess;
  /** Where an error answered with a 5xx (a bug, a failed save) is reported, with its cause, before it is answered. */
  logError?: (error: unknown) => void;
}

const DROP: Outcome = { action: 'drop' };
// The window's API is called from the merchant's page, on another origin.
const CORS_HEADERS = { 'access-control-allow-origin': '*' };
const PREFLIGHT: PlainAnswer = {
  status: 204,
  headers: {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  },
  body: null,
  code: null,
};

const reportToConsole = (error: unknown) => console.error('iamport-sandbox: request failed', error);

/**
 * The one way a request is served, whichever door it came through. In order, once: route, the control API's
 * access check (Host, Origin, key), injected fault (vendor operations), body, token (vendor operations that need one), validation of params, body and query
 * string, the core call; any failure becomes the vendor's envelope here and nowhere else.
 */
export function createPipeline(sandbox: Sandbox, { control, controlAccess = {}, logError = reportToConsole }: PipelineOptions): Pipeline {
  const router = createRouter(mountedOperations(control));
  const guardControl = controlGuard(controlAccess);

  const pipeline = async (request: PlainRequest): Promise<Outcome> => {
    const route = router.find(request.method, request.path);
    const cors = (route.kind === 'operation' || route.kind === 'preflight') && route.operation.cors;
    try {
      switch (route.kind) {
        case 'bad-url':
          throw transportErrors.badUrl(request.path);
        case 'not-found':
          // As Fastify does, the body of an unknown route is read too: malformed JSON answers 400 before the 404.
          parseBody(request.contentType, request.body);
          throw transportErrors.routeNotFound(request.method, request.path);
        case 'preflight':
          return { action: 'answer', answer: PREFLIGHT };
        case 'operation':
          return await serve(route.operation, route.params, request);
      }
    } catch (error) {
      const failure = error instanceof SandboxError ? error : errors.internal();
      // A 5xx is the sandbox's own failure (a bug, a disk that refused a write): reported with its cause.
      if (failure.status >= 500) logError(error);
      return answered(request, cors, failure.status, failure.toEnvelope());
    }
  };
  return Object.assign(pipeline, { bodyLimit: bodyLimitOf(router, guardControl) });

  async function serve(operation: Operation, params: Params, request: PlainRequest): Promise<Outcome> {
    if (operation.kind === 'control') guardControl(request.header);
    const decided = faultFor(sandbox, operation);
    const fault = decided instanceof Promise ? await decided : decided;
    if (fault.action === 'drop') return DROP;
    if (fault.action === 'answer') return answered(request, operation.cors, fault.answer.status, fault.answer.body);
    const query = readForm(request.query);
    const body = parseBody(request.contentType, request.body, operation.bodyLimit);
    const caller = operation.auth ? callerOf(sandbox, request.header, query) : null;
    const input = {
      params: validatePart(operation.params, params, { part: 'params', fromText: true, nullsAbsent: false }),
      // The vendor's operations read a JSON null as absent; the sandbox's own (a state snapshot) keep theirs.
      body: validatePart(operation.body, body.data, { part: 'body', fromText: body.fromForm, nullsAbsent: operation.kind === 'vendor' }),
      query: validatePart(operation.querystring, query, { part: 'querystring', fromText: true, nullsAbsent: false }),
      userAgent: request.header('user-agent') ?? null,
    };
    const answer: Answer = await operation.run(sandbox, input, caller);
    return answered(request, operation.cors, answer.status, answer.body);
  }
}

/**
 * How many bytes a door may read of a request's body: 1 MiB, or an operation's own `bodyLimit` once the control
 * guard accepts the headers (so no one else can make the sandbox read a large body).
 */
function bodyLimitOf(router: ReturnType<typeof createRouter>, guardControl: (header: HeaderLookup) => void) {
  return (method: string, path: string, header: HeaderLookup): number => {
    const route = router.find(method, path);
    if (route.kind !== 'operation' || route.operation.bodyLimit === undefined) return BODY_LIMIT;
    try {
      if (route.operation.kind === 'control') guardControl(header);
    } catch {
      return BODY_LIMIT;
    }
    return route.operation.bodyLimit;
  };
}

/** An envelope as both doors send it; a HEAD answer keeps the status and headers, without the body. */
function answered(request: PlainRequest, cors: boolean, status: number, envelope: unknown): Outcome {
  const headers: Record<string, string> = cors ? { 'content-type': JSON_TYPE, ...CORS_HEADERS } : { 'content-type': JSON_TYPE };
  const body = request.method === 'HEAD' ? null : JSON.stringify(envelope);
  return { action: 'answer', answer: { status, headers, body, code: codeOf(envelope) } };
}

/** The envelope's `code`; null for a body that is no envelope. */
function codeOf(envelope: unknown): number | null {
  const code = typeof envelope === 'object' && envelope !== null ? (envelope as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : null;
}

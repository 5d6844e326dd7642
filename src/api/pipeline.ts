import type { RequestPart } from '../contract/validator.js';
import type { Answer } from '../core/answer.js';
import { SandboxError, errors } from '../core/errors.js';
import type { Sandbox } from '../core/sandbox.js';
import { controlGuard, type ControlAccess } from './control-access.js';
import { withoutNulls } from './absent-nulls.js';
import { faultFor } from './faults.js';
import type { Operation } from './operation.js';
import { mountedOperations } from './mounted-operations.js';
import { JSON_TYPE } from './reply.js';
import { callerOf, parseBody, parseForm, validatePart, type HeaderLookup } from './request.js';
import { createRouter, type Params } from './router.js';

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

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and for a preflight. */
  body: string | null;
}

/** What a door does with a request: send an answer, or drop the connection (an injected fault). */
export type Outcome = { action: 'answer'; answer: PlainAnswer } | { action: 'drop' };

export type Pipeline = (request: PlainRequest) => Promise<Outcome>;

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

  return async (request) => {
    const route = router.find(request.method, request.path);
    const cors = (route.kind === 'operation' || route.kind === 'preflight') && route.operation.cors;
    try {
      switch (route.kind) {
        case 'bad-url':
          throw errors.badUrl(request.path);
        case 'not-found':
          // As Fastify does, the body of an unknown route is read too: malformed JSON answers 400 before the 404.
          parseBody(request.contentType, request.body);
          throw errors.routeNotFound(request.method, request.path);
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

  async function serve(operation: Operation, params: Params, request: PlainRequest): Promise<Outcome> {
    if (operation.kind === 'control') guardControl(request.header);
    const fault = await faultFor(sandbox, operation);
    if (fault.action === 'drop') return DROP;
    if (fault.action === 'answer') return answered(request, operation.cors, fault.answer.status, fault.answer.body);
    const query = parseForm(request.query);
    const body = parseBody(request.contentType, request.body);
    const caller = operation.auth ? callerOf(sandbox, request.header, query) : null;
    const input = {
      params: validated(operation.params, params, 'params', true),
      // The vendor's operations read a JSON null as absent; the sandbox's own (a state snapshot) keep theirs.
      body: validated(operation.body, operation.kind === 'vendor' ? withoutNulls(body.data) : body.data, 'body', body.fromForm),
      query: validated(operation.querystring, query, 'querystring', true),
      userAgent: request.header('user-agent') ?? null,
    };
    const answer: Answer = await operation.run(sandbox, input, caller);
    return answered(request, operation.cors, answer.status, answer.body);
  }
}

const validated = (schema: Operation['body'], data: unknown, part: RequestPart, coerce: boolean) =>
  schema ? validatePart(schema, data, part, coerce) : data;

/** An envelope as both doors send it; a HEAD answer keeps the status and headers, without the body. */
function answered(request: PlainRequest, cors: boolean, status: number, envelope: unknown): Outcome {
  const headers: Record<string, string> = cors ? { 'content-type': JSON_TYPE, ...CORS_HEADERS } : { 'content-type': JSON_TYPE };
  const body = request.method === 'HEAD' ? null : JSON.stringify(envelope);
  return { action: 'answer', answer: { status, headers, body } };
}

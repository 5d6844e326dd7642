import type { Static, TSchema } from 'typebox';
import type { Answer } from '../core/answer.js';
import type { Caller } from '../core/context.js';
import type { Sandbox } from '../core/sandbox.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who an operation is for, which decides how the pipeline treats it:
 * - `vendor`: the PortOne V1 API; injected faults strike it, and it takes an access token unless `auth` is false;
 * - `sandbox`: the sandbox's own endpoints (health, the payment window's JSON API); always mounted, never faulted;
 * - `control`: the control API that steers the sandbox from a test; mounted only with `control`, never faulted.
 */
type OperationKind = 'vendor' | 'sandbox' | 'control';

/** One endpoint as both doors serve it: where it lives, what it accepts, and which core call answers it. */
export interface Operation {
  kind: OperationKind;
  method: Method;
  /** find-my-way path (`/payments/:imp_uid`), the syntax Fastify documents. */
  path: string;
  /** The vendor's operationId, so the two OpenAPI documents line up. */
  operationId: string;
  summary: string;
  /**
   * What it does, shown under the summary in `/docs`: for a vendor operation the vendor's own description (Korean),
   * shortened, with what differs in the sandbox; for the sandbox's own, a sentence or two.
   */
  description: string;
  tags: string[];
  /** False only for getToken and the sandbox's own open routes. */
  auth: boolean;
  /** Answers cross-origin requests (the SDK calls from the merchant's origin): `access-control-allow-origin: *` and a preflight. */
  cors: boolean;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  /** Largest body it takes, in bytes, when more than the common BODY_LIMIT (a whole state brought in). */
  bodyLimit?: number;
  /** Schema of `response` in a successful envelope, and other statuses that can answer (documentation). */
  response: TSchema;
  statuses: number[];
  /**
   * What a status means for this operation, where the common wording (`src/api/operation-docs.ts`) says too little:
   * the vendor's per-status text, or the refusals a 200 can carry.
   */
  responses?: Partial<Record<number, string>>;
  /** The request `/docs` shows for it (src/api/request-examples.ts): sent as is, it succeeds. */
  example?: RequestExample;
  run(sandbox: Sandbox, input: { params: unknown; query: unknown; body: unknown; userAgent: string | null }, caller: Caller | null): Answer | Promise<Answer>;
}

/** An operation's documented request, part by part: each property's value, under the schema's own names. */
interface RequestExample<P = Record<string, unknown>, Q = Record<string, unknown>, B = Record<string, unknown>> {
  params?: P;
  query?: Q;
  body?: B;
}

type Input<P extends TSchema, Q extends TSchema, B extends TSchema> = {
  params: Static<P>;
  query: Static<Q>;
  body: Static<B>;
  /** The caller's `User-Agent`, stored on the payments it starts. */
  userAgent: string | null;
};

/** What an operation's `run` must produce: an answer whose `response` is what the response schema documents. */
type Produces<R extends TSchema> = Answer<Static<R>> | Promise<Answer<Static<R>>>;

type Definition<P extends TSchema, Q extends TSchema, B extends TSchema, R extends TSchema, C> = Omit<
  Operation,
  'run' | 'auth' | 'cors' | 'params' | 'querystring' | 'body' | 'response' | 'example'
> & {
  cors?: boolean;
  params?: P;
  querystring?: Q;
  body?: B;
  response: R;
  /** Typed by the schemas, so an example that no longer fits its operation is a compile error. */
  example?: RequestExample<Static<P>, Partial<Static<Q>>, Static<B>>;
  run(sandbox: Sandbox, input: Input<P, Q, B>, caller: C): Produces<R>;
};

/** A vendor endpoint that needs an access token; `run` receives the token's merchant. */
export function authenticated<P extends TSchema, Q extends TSchema, B extends TSchema, R extends TSchema>(
  definition: Omit<Definition<P, Q, B, R, Caller>, 'kind'>,
): Operation {
  return {
    ...definition,
    kind: 'vendor',
    auth: true,
    cors: definition.cors ?? false,
    run: (sandbox, input, caller) => {
      if (!caller) throw new Error(`${definition.operationId} needs a caller`);
      return definition.run(sandbox, input as Input<P, Q, B>, caller);
    },
  };
}

/** An endpoint anyone may call. */
export function open<P extends TSchema, Q extends TSchema, B extends TSchema, R extends TSchema>(
  definition: Definition<P, Q, B, R, null>,
): Operation {
  return {
    ...definition,
    auth: false,
    cors: definition.cors ?? false,
    run: (sandbox, input) => definition.run(sandbox, input as Input<P, Q, B>, null),
  };
}

import type { Static, TSchema } from 'typebox';
import type { Answer } from '../core/answer.js';
import type { Caller } from '../core/context.js';
import type { Sandbox } from '../core/sandbox.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One endpoint as both doors serve it: where it lives, what it accepts, and which core call answers it. */
export interface Operation {
  method: Method;
  /** Fastify-style path (`/payments/:imp_uid`); the msw door converts it to its own pattern. */
  path: string;
  /** The vendor's operationId, so the two OpenAPI documents line up. */
  operationId: string;
  summary: string;
  tags: string[];
  /** False only for getToken and the sandbox's own open routes. */
  auth: boolean;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  /** Schema of `response` in a successful envelope, and other statuses that can answer (documentation). */
  response: TSchema;
  statuses: number[];
  run(sandbox: Sandbox, input: { params: unknown; query: unknown; body: unknown }, caller: Caller | null): Answer | Promise<Answer>;
}

type Input<P extends TSchema, Q extends TSchema, B extends TSchema> = {
  params: Static<P>;
  query: Static<Q>;
  body: Static<B>;
};

type Definition<P extends TSchema, Q extends TSchema, B extends TSchema, C> = Omit<
  Operation,
  'run' | 'auth' | 'params' | 'querystring' | 'body'
> & {
  params?: P;
  querystring?: Q;
  body?: B;
  run(sandbox: Sandbox, input: Input<P, Q, B>, caller: C): Answer | Promise<Answer>;
};

/** An endpoint that needs an access token; `run` receives the token's merchant. */
export function authenticated<P extends TSchema, Q extends TSchema, B extends TSchema>(
  definition: Definition<P, Q, B, Caller>,
): Operation {
  return {
    ...definition,
    auth: true,
    run: (sandbox, input, caller) => {
      if (!caller) throw new Error(`${definition.operationId} needs a caller`);
      return definition.run(sandbox, input as Input<P, Q, B>, caller);
    },
  };
}

/** An endpoint anyone may call. */
export function open<P extends TSchema, Q extends TSchema, B extends TSchema>(definition: Definition<P, Q, B, null>): Operation {
  return { ...definition, auth: false, run: (sandbox, input) => definition.run(sandbox, input as Input<P, Q, B>, null) };
}

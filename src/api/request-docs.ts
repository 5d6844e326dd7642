import type { TSchema } from 'typebox';
import type { Operation } from './operation.js';
import { wireNamed } from './query-wire-names.js';

// What the OpenAPI document says of an operation's request: its schemas, carrying the operation's example
// (src/api/request-examples.ts) where swagger-ui's "Try it out" reads one. Without it swagger-ui makes each value
// up from the schema ("string", the largest amount allowed), and the request it shows does not run.

interface ObjectSchema {
  properties?: Record<string, object>;
}

/**
 * `schema` with each given value as its property's one example: @fastify/swagger makes a property's
 * `examples: [value]` the example of the parameter it documents.
 */
function withPropertyExamples(schema: TSchema, values: Record<string, unknown> | undefined): TSchema {
  if (!values) return schema;
  const properties = { ...(schema as ObjectSchema).properties };
  for (const [name, value] of Object.entries(values)) {
    const property = properties[name];
    if (!property) throw new Error(`an example names ${name}, which the schema has not`);
    properties[name] = { ...property, examples: [value] };
  }
  return { ...schema, properties } as TSchema;
}

/** The body schema with the example as its one `examples` entry, which @fastify/swagger makes the media type's `example`. */
function withBodyExample(schema: TSchema, value: Record<string, unknown> | undefined): TSchema {
  return value ? ({ ...schema, examples: [value] } as TSchema) : schema;
}

/** The schemas of the request's parts, as Fastify's route schema names them, each with its example. */
export function documentedRequest(operation: Operation): { params?: TSchema; querystring?: TSchema; body?: TSchema } {
  const { params, querystring, body, example = {} } = operation;
  return {
    ...(params ? { params: withPropertyExamples(params, example.params) } : {}),
    // The example is given under the schema's names, so it goes in before the lists are renamed (`customer_uid[]`).
    ...(querystring ? { querystring: wireNamed(withPropertyExamples(querystring, example.query)) } : {}),
    ...(body ? { body: withBodyExample(body, example.body) } : {}),
  };
}

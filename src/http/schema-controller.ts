import type { FastifyServerOptions } from 'fastify';

// Route schemas only document (the pipeline validates, and answers are its text), so the server needs neither of
// Fastify's compilers: giving both here keeps Fastify from loading its Ajv and fast-json-stringify at all.
export const documentingOnly = {
  compilersFactory: {
    buildValidator: () => () => (value: unknown) => ({ value }),
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
} as unknown as FastifyServerOptions['schemaController'];

// Child process of the benchmark: the bare Fastify "ceiling", the stateful ceiling, or the sandbox.
//
//   node dist/bench/server.js ceiling BODIES_FILE
//   node dist/bench/server.js stateful SETUP_FILE
//   node dist/bench/server.js sandbox [--payments N] -- <CLI flags>
//
// Each prints `listening on http://…` once it accepts requests. The servers run in their own process so that
// they do not share an event loop (or a core) with the load generator.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { loggerOptions, startServer } from '../src/server.js';
import { seededSnapshot } from './seed.js';
import { statefulCeiling, type StatefulCeilingSetup } from './stateful-ceiling.js';

/** The fixed answers the ceiling serves, captured from the sandbox so they are the same size. */
export interface CeilingBodies {
  getToken: string;
  onetime: string;
  again: string;
  payment: string;
}

const JSON_TYPE = 'application/json; charset=UTF-8';

async function ceiling(file: string): Promise<string> {
  const bodies = JSON.parse(readFileSync(file, 'utf8')) as CeilingBodies;
  const app = Fastify({ logger: false });
  // The same routes and the same work Fastify itself does (JSON body parsing, routing with a param), nothing else.
  const answer = (body: string) => async (_request: unknown, reply: { header(k: string, v: string): { send(b: string): unknown } }) =>
    reply.header('content-type', JSON_TYPE).send(body);
  app.post('/users/getToken', answer(bodies.getToken));
  app.post('/subscribe/payments/onetime', answer(bodies.onetime));
  app.post('/subscribe/payments/again', answer(bodies.again));
  app.get('/payments/:imp_uid', answer(bodies.payment));
  return app.listen({ host: '127.0.0.1', port: 0 });
}

async function sandbox(args: string[]): Promise<string> {
  const split = args.indexOf('--');
  const own = split < 0 ? args : args.slice(0, split);
  const config = loadConfig(split < 0 ? [] : args.slice(split + 1), {});
  const server = await startServer(config, loggerOptions(config.logLevel, false));
  const count = Number(own[own.indexOf('--payments') + 1] ?? 0);
  if (own.includes('--payments') && count > 0) {
    const merchant = config.merchants[0]!;
    await server.sandbox.import(seededSnapshot(count, merchant.code, merchant.settle.default_mid));
  }
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  return server.url;
}

const [mode, ...rest] = process.argv.slice(2);
const setup = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StatefulCeilingSetup;
const url = mode === 'ceiling' ? await ceiling(rest[0]!) : mode === 'stateful' ? await statefulCeiling(setup(rest[0]!)) : await sandbox(rest);
process.stdout.write(`listening on ${url}\n`);

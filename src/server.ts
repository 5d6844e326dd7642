import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createSandbox } from './index.js';
import type { Sandbox } from './core/sandbox.js';
import { buildApp } from './http/app.js';
import { redactUrl } from './http/request-log.js';
import { LowdbStore } from './storage/lowdb-store.js';
import type { Config } from './config.js';
import { MemoryStore } from './core/state/store.js';
import { displayHost } from './display-host.js';
import { explainListenError } from './startup-error.js';
import { assertWritableDataFile } from './storage/writable.js';
import { stdoutLog } from './log-output.js';

export { buildApp, type AppOptions } from './http/app.js';
export { LowdbStore, UnreadableDataFileError } from './storage/lowdb-store.js';
export { UnwritableDataFileError } from './storage/writable.js';
export { StartupError } from './startup-error.js';

export interface RunningServer {
  app: FastifyInstance;
  sandbox: Sandbox;
  /** The address it listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  /** Stops accepting requests, lets the ones in flight finish, and flushes pending writes. */
  close(): Promise<void>;
}

/**
 * pino's options for the CLI: JSON lines on stdout, gathered and written in batches (see LogOutput); on a
 * terminal, pino-pretty's lines instead, formatted in this thread (it is loaded only then).
 */
export function loggerOptions(level: string, pretty: boolean): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
    },
    redact: ['req.headers.authorization', 'req.headers["x-imptokenheader"]'],
    stream: pretty ? prettyStream() : stdoutLog(),
  };
}

function prettyStream(): NodeJS.WritableStream {
  const pinoPretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => NodeJS.WritableStream;
  return pinoPretty({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
}

/** Starts the sandbox server as the CLI and the container run it. */
export async function startServer(config: Config, logger: FastifyServerOptions['logger'] = false): Promise<RunningServer> {
  if (config.dataFile) await assertWritableDataFile(config.dataFile);
  const store = config.dataFile ? new LowdbStore(config.dataFile) : new MemoryStore();
  // With --port 0 the port is known only once listening: receipt links read the address then.
  let linkBase = config.publicUrl;
  const sandbox = await createSandbox({
    merchants: config.merchants,
    store,
    publicUrl: () => linkBase,
    ...(config.seed === null ? {} : { seed: config.seed }),
    ...(config.webhookAllow === null ? {} : { webhookAllow: config.webhookAllow }),
  });
  const publicUrl = new URL(config.publicUrl);
  const controlAccess = { key: config.controlKey, allowedHosts: [...config.allowedHosts, publicUrl.host], allowedOrigins: [publicUrl.origin] };
  const app = await buildApp({ sandbox, logger, control: config.control, timeouts: config.timeouts, controlAccess });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    await sandbox.close();
    throw explainListenError(error, config.host, config.port);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${displayHost(config.host)}:${port}`;
  if (publicUrl.port === '0') linkBase = url;
  return {
    app,
    sandbox,
    url,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}

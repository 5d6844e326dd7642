import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { createSandbox } from './index.js';
import type { Sandbox } from './core/sandbox.js';
import { buildApp } from './http/app.js';
import { redactUrl } from './http/request-log.js';
import { LowdbStore } from './storage/lowdb-store.js';
import { serverConfig, type ServerConfig, type ServerOptions } from './config.js';
import { MemoryStore } from './core/state/store.js';
import { displayHost } from './display-host.js';
import { explainListenError } from './startup-error.js';
import { assertWritableDataFile } from './storage/writable.js';
import { lockDataFile, type DataFileLock } from './storage/data-file-lock.js';
import { stdoutLog } from './log-output.js';
import { prettyOutput } from './pretty-log.js';
import { logWebhookAttempt } from './webhook-log.js';
import { useGeneratedValidators } from './generated-validators.js';
import { listenHttps, type HttpsListener } from './http/https-listener.js';
import { warmUp } from './http/warm-up.js';
import { SERVER_NAMES } from './tls/certificate.js';
import { tlsMaterial, type TlsMaterial } from './tls/tls-dir.js';

export { buildApp, type AppOptions } from './http/app.js';
export { LowdbStore, UnreadableDataFileError } from './storage/lowdb-store.js';
export { UnwritableDataFileError } from './storage/writable.js';
export { StartupError } from './startup-error.js';
export { DataFileLockedError } from './storage/data-file-lock.js';
export type { ServerOptions } from './config.js';

export interface RunningServer {
  app: FastifyInstance;
  sandbox: Sandbox;
  /** The address it listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The HTTPS listener's address (https://127.0.0.1:8443), and the CA file its certificate chains to; null without one. */
  https: { url: string; caFile: string } | null;
  /** Stops accepting requests, lets the ones in flight finish, and flushes pending writes. */
  close(): Promise<void>;
}

/**
 * pino's options for the CLI: JSON lines on stdout, gathered and written in batches (see LogOutput); on a
 * terminal, one pretty line per event instead (src/pretty-log.ts), through the same batches.
 */
export function loggerOptions(level: string, pretty: boolean): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
    },
    redact: ['req.headers.authorization', 'req.headers["x-imptokenheader"]'],
    stream: pretty ? prettyOutput() : stdoutLog(),
  };
}

/**
 * What the first request would otherwise pay for, done while starting: the generated validators' index is read
 * (each validator is still loaded when first needed), and Node loads Web Crypto's random source (access tokens,
 * ids) on its first use.
 */
function warmBeforeListening(): void {
  useGeneratedValidators();
  globalThis.crypto.getRandomValues(new Uint8Array(1));
}

/**
 * Starts the sandbox server as the CLI and the container run it. Every option has the CLI's default:
 * `startServer()` listens on 127.0.0.1:8080 in memory, `startServer({ port: 0 })` on a free port (see `url`).
 * A data file is locked while the server runs (`FILE.lock`): a second server on it refuses to start.
 */
export async function startServer(options: ServerOptions = {}, logger: FastifyServerOptions['logger'] = false): Promise<RunningServer> {
  const config = serverConfig(options);
  warmBeforeListening();
  let lock: DataFileLock | null = null;
  if (config.dataFile) {
    await assertWritableDataFile(config.dataFile);
    lock = await lockDataFile(config.dataFile);
  }
  try {
    // Made before anything listens, so an unusable TLS directory stops the start before a port is taken.
    const tls = config.httpsPort === null ? null : await tlsMaterial(config.tlsDir);
    return await listening(config, logger, lock, tls);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function listening(config: ServerConfig, logger: FastifyServerOptions['logger'], lock: DataFileLock | null, tls: TlsMaterial | null): Promise<RunningServer> {
  const store = config.dataFile ? new LowdbStore(config.dataFile) : new MemoryStore();
  // With --port 0 the port is known only once listening: receipt links read the address then.
  let linkBase = config.publicUrl;
  // The app's logger exists once the app is built; a retry that falls due while the sandbox loads goes unlogged.
  let log: FastifyBaseLogger | null = null;
  const sandbox = await createSandbox({
    merchants: config.merchants,
    store,
    publicUrl: () => linkBase,
    ...(config.seed === null ? {} : { seed: config.seed }),
    ...(config.webhookAllow === null ? {} : { webhookAllow: config.webhookAllow }),
    onWebhookAttempt: (report) => {
      if (log) logWebhookAttempt(log, report);
    },
  });
  const publicUrl = new URL(config.publicUrl);
  // With the HTTPS listener on, a client fixed to https://api.iamport.kr sends that Host: then it names this sandbox.
  const httpsNames = config.httpsPort === null ? [] : [SERVER_NAMES.dns[0]];
  const controlAccess = { key: config.controlKey, allowedHosts: [...config.allowedHosts, publicUrl.host, ...httpsNames], allowedOrigins: [publicUrl.origin] };
  const app = await buildApp({ sandbox, logger, control: config.control, timeouts: config.timeouts, controlAccess });
  log = app.log;
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    await sandbox.close();
    throw explainListenError(error, config.host, config.port);
  }
  // Before the server is reported listening, so its first client does not wait for a process's first request.
  await warmUp(app);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${displayHost(config.host)}:${port}`;
  if (publicUrl.port === '0') linkBase = url;
  const https = await httpsBeside(app, config, tls).catch(async (error: unknown) => {
    await app.close();
    await sandbox.close();
    throw error;
  });
  return {
    app,
    sandbox,
    url,
    https: https && { url: `https://${displayHost(config.host)}:${https.listener.port}`, caFile: https.caFile },
    close: async () => {
      await https?.listener.close();
      await app.close();
      await sandbox.close();
      await lock?.release();
    },
  };
}

/** The HTTPS listener beside the plain one, with the TLS directory's certificate; null when no --https-port is given. */
async function httpsBeside(app: FastifyInstance, config: ServerConfig, tls: TlsMaterial | null): Promise<{ listener: HttpsListener; caFile: string } | null> {
  if (config.httpsPort === null || tls === null) return null;
  try {
    return { listener: await listenHttps(app, tls, config.timeouts, config.host, config.httpsPort), caFile: tls.caFile };
  } catch (error) {
    throw explainListenError(error, config.host, config.httpsPort, '--https-port');
  }
}

import { ConfigError, loadConfig, usage, type Config } from './config.js';
import type { Merchant } from './core/merchants/merchants.js';
import { createSandbox, defaultMerchants } from './index.js';
import { buildApp } from './http/app.js';
import { loggerOptions, startServer } from './server.js';
import { stdoutLog } from './log-output.js';
import { UnreadableDataFileError } from './storage/lowdb-store.js';
import { UnwritableDataFileError } from './storage/writable.js';
import { StartupError } from './startup-error.js';

/**
 * The banner shows only the shipped fixtures' secrets (public, in the repository); a secret given by a flag, the
 * environment or a merchants file would end up in container logs.
 */
function shownSecret(merchant: Merchant): string {
  const shipped = defaultMerchants.some((d) => d.code === merchant.code && d.imp_key === merchant.imp_key && d.imp_secret === merchant.imp_secret);
  return shipped ? merchant.imp_secret : '(hidden: not a shipped fixture)';
}

/** What the CLI started: its command, and when the start's code has all run (what V8's code cache should hold). */
export interface Started {
  command: Config['command'];
  warm: Promise<void>;
}

const DONE = Promise.resolve();

/**
 * Settles once the first request has been answered, so that its code (the pipeline, an operation, the answer) has
 * been compiled; never, if no request comes.
 */
function firstAnswer(server: { once(event: 'request', listener: (request: unknown, response: NodeJS.EventEmitter) => void): unknown }): Promise<void> {
  return new Promise((resolve) => {
    server.once('request', (_request, response) => response.once('finish', () => setImmediate(resolve)));
  });
}

async function main(): Promise<Started> {
  const config = loadConfig(process.argv.slice(2), process.env);
  if (config.command === 'help') {
    process.stdout.write(usage);
    return { command: config.command, warm: DONE };
  }
  if (config.command === 'openapi') {
    const app = await buildApp({ sandbox: await createSandbox({ seed: 0 }) });
    await app.ready();
    process.stdout.write(JSON.stringify(await app.openapi(), null, 2) + '\n');
    await app.close();
    return { command: config.command, warm: DONE };
  }

  const server = await startServer(config, loggerOptions(config.logLevel, Boolean(process.stdout.isTTY)));
  const lines = [
    `iamport-sandbox listening on ${server.url}  (use it instead of https://api.iamport.kr)`,
    `  seed ${server.sandbox.seed}   store ${config.dataFile ?? 'memory'}   docs ${server.url}/docs`,
    config.control ? `  control API ${server.url}/sandbox/... (off with --no-control)` : '  control API off (--no-control): /sandbox/... answers 404',
    ...config.merchants.map(
      (m) => `  merchant ${m.code} (${m.name}): imp_key=${m.imp_key} imp_secret=${shownSecret(m)} default MID settle.${m.settle.default_mid}`,
    ),
    ...(config.controlNotice ? [`  ${config.controlNotice}`] : []),
  ];
  stdoutLog().flush();
  process.stdout.write(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'closing after pending writes are flushed');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return { command: config.command, warm: firstAnswer(server.app.server) };
}

/** The CLI: runs the command, and settles with it once the server listens (or the command is done); exits on a refusal. */
export function run(): Promise<Started> {
  return main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof UnreadableDataFileError || error instanceof UnwritableDataFileError || error instanceof StartupError) {
      process.stderr.write(`iamport-sandbox: ${error.message}\n`);
    } else {
      process.stderr.write(`iamport-sandbox: failed to start: ${(error as Error).stack ?? String(error)}\n`);
    }
    return process.exit(1);
  });
}

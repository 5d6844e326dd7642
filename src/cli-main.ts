import { ConfigError, loadConfig, usage, type Config } from './config.js';
import type { Merchant } from './core/merchants/merchants.js';
import { createSandbox, defaultMerchants } from './index.js';
import { buildApp } from './http/app.js';
import { loggerOptions, startServer, type RunningServer } from './server.js';
import { stdoutLog } from './log-output.js';
import { UnreadableDataFileError } from './storage/lowdb-store.js';
import { UnwritableDataFileError } from './storage/writable.js';
import { StartupError } from './startup-error.js';
import { DataFileLockedError } from './storage/data-file-lock.js';
import { packageVersion } from './package-version.js';
import { removeReadyFile, writeReadyFile } from './ready-file.js';
import { onParentExit } from './parent-watch.js';
import { waitCommand } from './wait.js';
import { runKit } from './conformance/kit.js';
import { readFile, writeFile } from 'node:fs/promises';
import { tlsMaterial } from './tls/tls-dir.js';

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
  command: Config['command'] | 'wait';
  warm: Promise<void>;
}

const DONE = Promise.resolve();

/** How long a server that has answered must go without a request before its start counts as warm. */
const QUIET_MS = 300;

type RequestEvents = {
  on(event: 'request', listener: (request: unknown, response: NodeJS.EventEmitter) => void): unknown;
  off(event: 'request', listener: (request: unknown, response: NodeJS.EventEmitter) => void): unknown;
};

/**
 * Settles once requests pause after the first answer, so that the code of every request sent until then (the
 * pipeline, each operation asked for, the answers) has been compiled: a first session's getToken and the charges
 * that follow it all go into V8's code cache, not only the first request's code. Never, if no request comes.
 */
function answered(server: RequestEvents): Promise<void> {
  return new Promise((resolve) => {
    let quiet: NodeJS.Timeout | undefined;
    const settle = () => {
      server.off('request', onRequest);
      resolve();
    };
    const onRequest = (_request: unknown, response: NodeJS.EventEmitter) => {
      clearTimeout(quiet);
      response.once('finish', () => {
        clearTimeout(quiet);
        quiet = setTimeout(settle, QUIET_MS).unref();
      });
    };
    server.on('request', onRequest);
  });
}

/** `ca`: the CA's certificate, never a key, printed or written to --out; the TLS directory is made if need be. */
async function printCa(config: Config): Promise<void> {
  const pem = await readFile((await tlsMaterial(config.tlsDir)).caFile, 'utf8');
  if (config.out === null) process.stdout.write(pem);
  else {
    await writeFile(config.out, pem);
    process.stdout.write(`wrote the CA certificate of ${config.tlsDir} to ${config.out}\n`);
  }
}

/** The commands that start no server; null for `serve`. */
async function runOnce(config: Config): Promise<Started | null> {
  if (config.command === 'help') process.stdout.write(usage);
  else if (config.command === 'version') process.stdout.write(`${packageVersion()}\n`);
  else if (config.command === 'openapi') {
    const app = await buildApp({ sandbox: await createSandbox({ seed: 0 }) });
    await app.ready();
    process.stdout.write(JSON.stringify(await app.openapi(), null, 2) + '\n');
    await app.close();
  } else if (config.command === 'ca') await printCa(config);
  else return null;
  return { command: config.command, warm: DONE };
}

async function main(): Promise<Started> {
  const argv = process.argv.slice(2);
  // conformance, record, replay: the conformance kit parses its own flags (src/conformance/kit.ts); nothing to cache.
  const kit = runKit(argv);
  if (kit) {
    process.exitCode = await kit;
    return { command: 'help', warm: DONE };
  }
  if (argv[0] === 'wait') {
    process.exitCode = await waitCommand(argv.slice(1), process.env);
    return { command: 'wait', warm: DONE };
  }
  const config = loadConfig(argv, process.env);
  const once = await runOnce(config);
  if (once) return once;

  if (config.readyFile) await removeReadyFile(config.readyFile);
  stdoutLog().hold();
  const pretty = config.logFormat === null ? Boolean(process.stdout.isTTY) : config.logFormat === 'pretty';
  const server = await startServer(config, loggerOptions(config.logLevel, pretty));
  const lines = [
    `iamport-sandbox listening on ${server.url}  (use it instead of https://api.iamport.kr)`,
    `  seed ${server.sandbox.seed}   store ${config.dataFile ?? 'memory'}   docs ${server.url}/docs   pid ${process.pid}`,
    config.controlOff === null
      ? `  control API ${server.url}/sandbox/... (off with --no-control)`
      : `  control API off: ${config.controlOff}; /sandbox/... answers 404`,
    ...(server.https ? [`  https ${server.https.url} (also as https://api.iamport.kr)   CA ${server.https.caFile} (iamport-sandbox ca)`] : []),
    ...config.merchants.map(
      (m) => `  merchant ${m.code} (${m.name}): imp_key=${m.imp_key} imp_secret=${shownSecret(m)} default MID settle.${m.settle.default_mid}`,
    ),
  ];
  stdoutLog().release(lines.join('\n') + '\n');
  if (config.readyFile) await writeReadyFile(config.readyFile, server.https ? [server.url, server.https.url] : [server.url]);
  stopOnSignals(server, config.readyFile);
  return { command: config.command, warm: answered(server.app.server) };
}

/** SIGINT, SIGTERM, and (under npm) the end of the shell npm started it with: flush, close, exit 0. */
function stopOnSignals(server: RunningServer, readyFile: string | null): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, `closing (${signal}) after pending writes are flushed`);
    const closed = server.close().then(() => (readyFile ? removeReadyFile(readyFile) : undefined));
    closed.then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // `iamport-sandbox | head`: the log's reader has gone; writes in flight are still flushed.
  onClosedPipe = () => shutdown('stdout closed');
  // Started directly (a shell's `&`, a container's PID 1), a parent's exit is no reason to stop.
  if (process.env['npm_command'] !== undefined) onParentExit(() => shutdown('parent exited'));
}

/** What a closed stdout does: a server closes as on SIGTERM; another command just ends. */
let onClosedPipe = (): void => process.exit(0);

/** `openapi | head`: the reader has gone, which is no failure (a program killed by SIGPIPE says nothing either). */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    onClosedPipe();
  });
}

/** The CLI: runs the command, and settles with it once the server listens (or the command is done); exits on a refusal. */
export function run(): Promise<Started> {
  quietOnClosedPipe();
  return main().catch((error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof UnreadableDataFileError ||
      error instanceof UnwritableDataFileError ||
      error instanceof StartupError ||
      error instanceof DataFileLockedError
    ) {
      process.stderr.write(`iamport-sandbox: ${error.message}\n`);
    } else {
      process.stderr.write(`iamport-sandbox: failed to start: ${(error as Error).stack ?? String(error)}\n`);
    }
    return process.exit(1);
  });
}

import { createRequire } from 'node:module';
import type { PrettyOptions } from 'pino-pretty';
import { stdoutLog } from './log-output.js';

// What a developer reads on a terminal: one line a request, `POST /subscribe/payments/again 200 code -1 3.2ms`,
// the envelope's code beside the status (a declined charge answers HTTP 200 with code -1). pino-pretty's default
// prints every field of the request line on a line of its own (eleven lines a request), so the fields a line's
// message already shows are left out of it.

/** The fields of a request line, as src/http/request-log.ts writes them. */
interface RequestLine {
  req: { method: string; url: string };
  res: { statusCode: number };
  code?: number;
  responseTime: number;
}

/** Fields shown in a line's message (or of no use on a terminal: pid, hostname, the request id). */
const SHOWN = ['pid', 'hostname', 'reqId', 'req', 'res', 'code', 'responseTime', 'webhook', 'signal'];

const isRequestLine = (log: Record<string, unknown>): boolean =>
  log['msg'] === 'request completed' && typeof log['req'] === 'object' && typeof log['res'] === 'object';

/** `POST /path 200 code -1 3.2ms`; a page or a static file, which have no envelope, without `code`. */
function requestSummary({ req, res, code, responseTime }: RequestLine): string {
  const envelope = code === undefined ? '' : ` code ${code}`;
  return `${req.method} ${req.url} ${res.statusCode}${envelope} ${responseTime.toFixed(1)}ms`;
}

const messageFormat = (log: Record<string, unknown>, messageKey: string): string =>
  isRequestLine(log) ? requestSummary(log as unknown as RequestLine) : String(log[messageKey] ?? '');

/**
 * A pino destination that writes pino-pretty's lines, formatted in this thread, through the batched stdout log
 * (so the CLI can hold them until its banner is out). pino-pretty is loaded only when this is made.
 */
export function prettyOutput(): { write(line: string): boolean } {
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as { prettyFactory(options: PrettyOptions): (line: string) => string };
  const pretty = prettyFactory({ translateTime: 'SYS:HH:MM:ss', ignore: SHOWN.join(','), messageFormat });
  const output = stdoutLog();
  return { write: (line: string) => output.write(pretty(line)) };
}

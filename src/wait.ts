import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { argumentProblem, ConfigError } from './config.js';

/** Time between two looks at the sandbox, in milliseconds. */
const POLL_MS = 100;

const OPTIONS = {
  timeout: { type: 'string' },
  'ready-file': { type: 'string' },
} as const;

/** `30s`, `500ms`, `2m`, or plain seconds (`30`), in milliseconds. */
function parseDuration(text: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new ConfigError(`--timeout must be a duration such as 30s, 500ms or 2m, got "${text}"`);
  const unit = match[2] ?? 's';
  return Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
}

interface WaitFor {
  /** The sandbox's URL, or null while it is to be read from the ready file. */
  url: string | null;
  readyFile: string | null;
  timeoutMs: number;
}

function waitFor(argv: readonly string[], env: Record<string, string | undefined>): WaitFor {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new ConfigError(`wait: ${argumentProblem(error as NodeJS.ErrnoException)}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new ConfigError(`wait takes one URL, got ${positionals.length}`);
  const readyFile = values['ready-file'] ?? null;
  if (positionals[0] !== undefined && readyFile !== null) throw new ConfigError('wait: give a URL or --ready-file, not both');
  const port = env['IAMPORT_SANDBOX_PORT'] || env['PORT'] || '8080';
  const url = positionals[0] ?? (readyFile === null ? `http://127.0.0.1:${port}` : null);
  if (url !== null) checkUrl(url);
  return { url, readyFile, timeoutMs: parseDuration(values.timeout ?? '30s') };
}

function checkUrl(url: string): void {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new ConfigError(`wait: "${url}" is not an http(s) URL`);
}

/** The URL a ready file holds (its first line), or null while there is none. */
async function readUrl(file: string): Promise<string | null> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const url = text.split('\n')[0]!.trim();
  return URL.canParse(url) ? url : null;
}

/** Whether the sandbox at `url` answers its health check; else why not. */
async function healthy(url: string, budgetMs: number): Promise<true | string> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/sandbox/health`, { signal: AbortSignal.timeout(Math.max(1, Math.min(budgetMs, 2000))) });
    await res.body?.cancel();
    return res.status === 200 ? true : `HTTP ${res.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).message;
  }
}

/**
 * `iamport-sandbox wait [URL] [--timeout 30s] [--ready-file FILE]`: polls until the sandbox answers
 * /sandbox/health (200), prints its URL and answers 0; after the timeout, one line on stderr and 1.
 */
export async function waitCommand(argv: readonly string[], env: Record<string, string | undefined>): Promise<number> {
  const want = waitFor(argv, env);
  const deadline = Date.now() + want.timeoutMs;
  let last = want.url === null ? `${want.readyFile} holds no URL yet` : 'no answer yet';
  for (;;) {
    const url = want.url ?? (await readUrl(want.readyFile!));
    if (url !== null) {
      const answer = await healthy(url, deadline - Date.now());
      if (answer === true) {
        process.stdout.write(`${url}\n`);
        return 0;
      }
      last = `${url}/sandbox/health: ${answer}`;
    }
    if (Date.now() + POLL_MS > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  process.stderr.write(`iamport-sandbox: wait: the sandbox was not ready within ${want.timeoutMs / 1000}s (last: ${last})\n`);
  return 1;
}

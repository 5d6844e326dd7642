import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTROL_KEY_HEADER, isLoopback } from './api/control-access.js';
import { describeProblems } from './contract/validation.js';
import { MerchantFileSchema } from './contract/merchant.js';
import { validateMerchants, type Merchant, type MerchantFixture } from './core/merchants/merchants.js';
import { defaultMerchants } from './fixtures.js';
import { displayHost } from './display-host.js';
import { DEFAULT_TIMEOUTS, type HttpTimeouts } from './http/timeouts.js';

/** Everything the CLI can be told; flags win over environment variables, which win over defaults. */
export interface Config {
  host: string;
  port: number;
  /** lowdb JSON file; null keeps everything in memory. */
  dataFile: string | null;
  seed: number | null;
  merchants: Merchant[];
  logLevel: string;
  /** `pretty`: one line per event for a developer; `json`: JSON lines; null: pretty on a terminal, else JSON. */
  logFormat: 'pretty' | 'json' | null;
  publicUrl: string;
  /** Mount the control API under /sandbox/... (off the loopback interface only with a key). */
  control: boolean;
  /** Bounds on how long a request may take to arrive and a connection may idle, in milliseconds. */
  timeouts: HttpTimeouts;
  /**
   * Why the control API is off, for the banner: `--no-control was given`, `IAMPORT_SANDBOX_CONTROL=0 is set`, or
   * `--host 0.0.0.0 is not loopback and no --control-key …`; null when it is on.
   */
  controlOff: string | null;
  /** Required in X-Sandbox-Control-Key on every control request when set. */
  controlKey: string | null;
  /** Host names the control API answers to besides loopback and the public URL's host (containers, compose services). */
  allowedHosts: string[];
  /** Hosts or URL prefixes webhooks may go to; null: anywhere. */
  webhookAllow: string[] | null;
  /** The HTTPS listener's port (for clients fixed to https://api.iamport.kr); null: no HTTPS listener. */
  httpsPort: number | null;
  /** Where the local CA and the HTTPS listener's certificate are kept (made at first use). */
  tlsDir: string;
  /** `ca --out FILE`: where to write the CA certificate; null prints it. */
  out: string | null;
  /** Where to write the URL once listening (removed on a clean exit), for `iamport-sandbox wait --ready-file`. */
  readyFile: string | null;
  /** `openapi`: print the OpenAPI document and exit; `ca`: the CA certificate; `version`: the package's version. */
  command: 'serve' | 'openapi' | 'ca' | 'help' | 'version';
}

export const usage = `Usage: iamport-sandbox [openapi] [options]
       iamport-sandbox ca [--out FILE] [--tls-dir DIR]
       iamport-sandbox wait [URL] [--timeout 30s] [--ready-file FILE]

Options (environment variable in brackets):
  --host HOST             address to listen on (IAMPORT_SANDBOX_HOST, HOST; default 127.0.0.1)
  --port PORT             port to listen on (IAMPORT_SANDBOX_PORT, PORT; default 8080)
  --data FILE             keep state in a lowdb JSON file (IAMPORT_SANDBOX_DATA; default: in memory)
  --seed N                seed of generated ids and numbers (IAMPORT_SANDBOX_SEED; default: random, printed)
  --merchants FILE        merchants JSON, shaped like fixtures/merchants.json (IAMPORT_SANDBOX_MERCHANTS)
  --imp-key KEY           imp_key of the first merchant (IAMPORT_SANDBOX_IMP_KEY)
  --imp-secret SECRET     imp_secret of the first merchant (IAMPORT_SANDBOX_IMP_SECRET)
  --merchant-code CODE    merchant code (imp + 8 digits) of the first merchant (IAMPORT_SANDBOX_MERCHANT_CODE)
  --billing-key-api       give the first merchant Hecto's separate billing-key contract (IAMPORT_SANDBOX_BILLING_KEY_API=1)
  --public-url URL        base URL callers reach the sandbox at, for receipt links (IAMPORT_SANDBOX_PUBLIC_URL)
  --no-control            do not serve the control API under /sandbox/... (IAMPORT_SANDBOX_CONTROL=0)
  --request-timeout MS    time to receive a whole request, else 408 (IAMPORT_SANDBOX_REQUEST_TIMEOUT; default 30000)
  --headers-timeout MS    time to receive the headers, at most the request timeout (IAMPORT_SANDBOX_HEADERS_TIMEOUT; default 10000)
  --keep-alive-timeout MS time an idle keep-alive connection stays open (IAMPORT_SANDBOX_KEEP_ALIVE_TIMEOUT; default 5000)
  --control-key KEY       require KEY in the ${CONTROL_KEY_HEADER} header of control requests; needed for the
                          control API when --host is not a loopback address (IAMPORT_SANDBOX_CONTROL_KEY)
  --allowed-hosts LIST    comma-separated host names the control API answers to, besides loopback names and the
                          public URL's host, e.g. a compose service name (IAMPORT_SANDBOX_ALLOWED_HOSTS)
  --webhook-allow LIST    comma-separated hosts or URL prefixes webhooks may be sent to (IAMPORT_SANDBOX_WEBHOOK_ALLOW;
                          default: anywhere)
  --log-level LEVEL       pino level: fatal error warn info debug trace silent (IAMPORT_SANDBOX_LOG_LEVEL; default info)
  --log-format FORMAT     pretty (one line per request) or json (JSON lines) (IAMPORT_SANDBOX_LOG_FORMAT;
                          default: pretty on a terminal, json otherwise)
  --https-port PORT       also serve HTTPS on PORT with a certificate for api.iamport.kr, localhost and 127.0.0.1,
                          signed by a local CA (IAMPORT_SANDBOX_HTTPS_PORT; default: no HTTPS)
  --tls-dir DIR           where the local CA and the certificate are kept, made at first use (IAMPORT_SANDBOX_TLS_DIR;
                          default: tls/ beside the --data file, else ~/.iamport-sandbox/tls)
  --ready-file FILE       once listening, write the URL to FILE (removed on exit) (IAMPORT_SANDBOX_READY_FILE)
  --version               print the version and exit
  -h, --help              this text

Commands:
  openapi                 print the OpenAPI document and exit
  ca                      print the local CA's certificate (PEM), or write it to --out FILE; makes the CA if
                          the TLS directory holds none
  wait [URL]              wait until the sandbox at URL (default http://127.0.0.1:8080, or the URL in
                          --ready-file FILE) answers /sandbox/health; exit 1 after --timeout (default 30s)
  conformance, record, replay   the conformance kit (e.g. iamport-sandbox conformance --help)
`;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

function readMerchants(file: string): Merchant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read merchants file ${file}: ${(error as Error).message}`);
  }
  // Checked before the flags below touch the first merchant, so a broken file is named, not a TypeError.
  const problems = describeProblems(MerchantFileSchema, parsed);
  if (problems.length > 0) throw new ConfigError(`merchants file ${file}: ${problems.join('; ')}`);
  try {
    return validateMerchants((parsed as MerchantFixture).merchants);
  } catch (error) {
    throw new ConfigError(`merchants file ${file}: ${(error as Error).message}`);
  }
}

/** Node's parseArgs messages suggest `--` for an unknown option; the likely fix is a typo, so say where to look. */
export function argumentProblem(error: NodeJS.ErrnoException): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option} (iamport-sandbox --help lists them)`;
  return `${error.message} (iamport-sandbox --help lists the options)`;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string): string {
  if (!LOG_LEVELS.includes(value)) throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return value;
}

function logFormat(value: string | undefined): Config['logFormat'] {
  if (value === undefined) return null;
  if (value !== 'pretty' && value !== 'json') throw new ConfigError(`log format must be pretty or json, got "${value}"`);
  return value;
}

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  seed: { type: 'string' },
  merchants: { type: 'string' },
  'imp-key': { type: 'string' },
  'imp-secret': { type: 'string' },
  'merchant-code': { type: 'string' },
  'billing-key-api': { type: 'boolean' },
  'public-url': { type: 'string' },
  'log-level': { type: 'string' },
  'log-format': { type: 'string' },
  'request-timeout': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'keep-alive-timeout': { type: 'string' },
  'no-control': { type: 'boolean' },
  'control-key': { type: 'string' },
  'allowed-hosts': { type: 'string' },
  'webhook-allow': { type: 'string' },
  'ready-file': { type: 'string' },
  'https-port': { type: 'string' },
  'tls-dir': { type: 'string' },
  out: { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
type Values = Flags['values'];
type Env = Record<string, string | undefined>;

function parseFlags(argv: readonly string[]): Flags {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new ConfigError(argumentProblem(error as NodeJS.ErrnoException));
  }
}

/** A flag's value, else the first environment variable of `names` that is set and not empty. */
const picker =
  (env: Env) =>
  (flag: string | undefined, ...names: string[]): string | undefined =>
    flag ?? names.map((n) => env[n]).find((v) => v !== undefined && v !== '');

function commandOf(values: Values, positionals: string[]): Config['command'] {
  const command = positionals[0];
  if (command !== undefined && command !== 'openapi' && command !== 'ca') throw new ConfigError(`unknown command "${command}"`);
  if (values.out !== undefined && command !== 'ca') throw new ConfigError('--out belongs to the ca command (iamport-sandbox ca --out FILE)');
  if (values.help) return 'help';
  return values.version ? 'version' : (command ?? 'serve');
}

/** The merchants file's (or the shipped) merchants, the first one changed by the flags that name it. */
function merchantsOf(values: Values, env: Env): Merchant[] {
  const pick = picker(env);
  const merchantsFile = pick(values.merchants, 'IAMPORT_SANDBOX_MERCHANTS');
  const merchants = structuredClone(merchantsFile ? readMerchants(merchantsFile) : [...defaultMerchants]);
  const first = merchants[0];
  if (first) {
    first.imp_key = pick(values['imp-key'], 'IAMPORT_SANDBOX_IMP_KEY') ?? first.imp_key;
    first.imp_secret = pick(values['imp-secret'], 'IAMPORT_SANDBOX_IMP_SECRET') ?? first.imp_secret;
    first.code = pick(values['merchant-code'], 'IAMPORT_SANDBOX_MERCHANT_CODE') ?? first.code;
    if (values['billing-key-api'] || /^(1|true|yes)$/i.test(env['IAMPORT_SANDBOX_BILLING_KEY_API'] ?? '')) {
      first.settle.billing_key_api = true;
    }
  }
  return merchants;
}

function timeoutsOf(values: Values, env: Env): HttpTimeouts {
  const pick = picker(env);
  const timeout = (flag: 'request-timeout' | 'headers-timeout' | 'keep-alive-timeout', name: string, fallback: number) =>
    integer(flag, pick(values[flag], name) ?? String(fallback), 1, 3_600_000);
  const timeouts: HttpTimeouts = {
    request: timeout('request-timeout', 'IAMPORT_SANDBOX_REQUEST_TIMEOUT', DEFAULT_TIMEOUTS.request),
    headers: timeout('headers-timeout', 'IAMPORT_SANDBOX_HEADERS_TIMEOUT', DEFAULT_TIMEOUTS.headers),
    keepAlive: timeout('keep-alive-timeout', 'IAMPORT_SANDBOX_KEEP_ALIVE_TIMEOUT', DEFAULT_TIMEOUTS.keepAlive),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (timeouts.headers > timeouts.request) {
    throw new ConfigError(`headers-timeout (${timeouts.headers}) must not exceed request-timeout (${timeouts.request})`);
  }
  return timeouts;
}

const list = (text: string | undefined) => (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');

/**
 * Whether the control API is mounted, and why not, named for the banner. `turnedOff` is why it was turned off on
 * purpose (null: asked for); `hostGiven` how the host was given (`--host 0.0.0.0`), for the refusal beyond loopback.
 */
function controlState(turnedOff: string | null, controlKey: string | null, host: string, hostGiven: string): Pick<Config, 'control' | 'controlOff' | 'controlKey'> {
  // An empty key (`--control-key "$UNSET"`) would be matched by a request without the header: the door left open.
  if (controlKey !== null && controlKey.trim() === '') throw new ConfigError('control-key must not be empty or blank');
  // Off loopback anyone who reaches the port could reset the sandbox or read every token: not without a key.
  const locked = turnedOff === null && controlKey === null && !isLoopback(host);
  const controlOff = turnedOff ?? (locked ? `${hostGiven} is not loopback and no --control-key (IAMPORT_SANDBOX_CONTROL_KEY) was given` : null);
  return { control: controlOff === null, controlOff, controlKey };
}

/** Why the control API was turned off on purpose, as it was said (flag, or the variable and its value); null if not. */
function controlTurnedOff(values: Values, env: Env): string | null {
  if (values['no-control']) return '--no-control was given';
  const variable = env['IAMPORT_SANDBOX_CONTROL'] ?? '';
  return /^(0|false|no|off)$/i.test(variable) ? `IAMPORT_SANDBOX_CONTROL=${variable} is set` : null;
}

/** Whether the control API is mounted, behind which key, and the hosts it answers to. */
function controlOf(values: Values, env: Env, host: Given): Pick<Config, 'control' | 'controlOff' | 'controlKey' | 'allowedHosts'> {
  const pick = picker(env);
  return {
    ...controlState(controlTurnedOff(values, env), pick(values['control-key'], 'IAMPORT_SANDBOX_CONTROL_KEY') ?? null, host.value, host.given),
    allowedHosts: list(pick(values['allowed-hosts'], 'IAMPORT_SANDBOX_ALLOWED_HOSTS')),
  };
}

/** A value and how it was given, as a message names it: `--host 0.0.0.0`, `HOST=0.0.0.0`. */
interface Given {
  value: string;
  given: string;
}

function hostOf(values: Values, env: Env): Given {
  if (values.host !== undefined) return { value: values.host, given: `--host ${values.host}` };
  const name = ['IAMPORT_SANDBOX_HOST', 'HOST'].find((n) => env[n] !== undefined && env[n] !== '');
  return name ? { value: env[name]!, given: `${name}=${env[name]!}` } : { value: '127.0.0.1', given: 'host 127.0.0.1' };
}

function webhookAllowOf(values: Values, env: Env): string[] | null {
  const text = picker(env)(values['webhook-allow'], 'IAMPORT_SANDBOX_WEBHOOK_ALLOW');
  const webhookAllow = text === undefined ? null : list(text);
  const badPrefix = webhookAllow?.find((entry) => entry.includes('://') && !URL.canParse(entry));
  if (badPrefix !== undefined) throw new ConfigError(`webhook-allow: "${badPrefix}" is neither a host nor an absolute URL`);
  return webhookAllow;
}

function publicUrlOf(publicUrl: string | undefined, host: string, port: number): string {
  if (publicUrl !== undefined && !URL.canParse(publicUrl)) throw new ConfigError(`public URL must be an absolute URL, got "${publicUrl}"`);
  return publicUrl ?? `http://${displayHost(host)}:${port}`;
}

/** The TLS directory: beside the data file when there is one, so a container's volume keeps it; else the user's. */
function defaultTlsDir(dataFile: string | null): string {
  return dataFile === null ? join(homedir(), '.iamport-sandbox', 'tls') : join(dirname(dataFile), 'tls');
}

function tlsOf(values: Values, env: Env, dataFile: string | null): Pick<Config, 'httpsPort' | 'tlsDir' | 'out'> {
  const pick = picker(env);
  const httpsPort = pick(values['https-port'], 'IAMPORT_SANDBOX_HTTPS_PORT');
  return {
    httpsPort: httpsPort === undefined ? null : integer('https-port', httpsPort, 0, 65535),
    tlsDir: pick(values['tls-dir'], 'IAMPORT_SANDBOX_TLS_DIR') ?? defaultTlsDir(dataFile),
    out: values.out ?? null,
  };
}

export function loadConfig(argv: readonly string[], env: Env): Config {
  const { values, positionals } = parseFlags(argv);
  const pick = picker(env);
  const command = commandOf(values, positionals);
  const hostGiven = hostOf(values, env);
  const host = hostGiven.value;
  const port = integer('port', pick(values.port, 'IAMPORT_SANDBOX_PORT', 'PORT') ?? '8080', 0, 65535);
  const seedText = pick(values.seed, 'IAMPORT_SANDBOX_SEED');
  const merchants = merchantsOf(values, env);
  const timeouts = timeoutsOf(values, env);
  const control = controlOf(values, env, hostGiven);
  const webhookAllow = webhookAllowOf(values, env);
  const publicUrl = publicUrlOf(pick(values['public-url'], 'IAMPORT_SANDBOX_PUBLIC_URL'), host, port);
  const dataFile = pick(values.data, 'IAMPORT_SANDBOX_DATA') ?? null;
  return {
    host,
    port,
    dataFile,
    seed: seedText === undefined ? null : integer('seed', seedText, 0, 2 ** 31 - 1),
    merchants,
    logLevel: logLevel(pick(values['log-level'], 'IAMPORT_SANDBOX_LOG_LEVEL') ?? 'info'),
    logFormat: logFormat(pick(values['log-format'], 'IAMPORT_SANDBOX_LOG_FORMAT')),
    publicUrl,
    ...control,
    webhookAllow,
    timeouts,
    ...tlsOf(values, env, dataFile),
    readyFile: pick(values['ready-file'], 'IAMPORT_SANDBOX_READY_FILE') ?? null,
    command,
  };
}

/** What `startServer` runs from: the Config without what only the CLI reads. */
export type ServerConfig = Omit<Config, 'command' | 'logLevel' | 'logFormat' | 'controlOff' | 'readyFile' | 'out'>;

/** `startServer`'s options: any part of a ServerConfig; the rest as the CLI's defaults (port 8080, memory, shipped merchants). */
export type ServerOptions = Partial<Omit<ServerConfig, 'timeouts'>> & { timeouts?: Partial<HttpTimeouts> };

/**
 * The ServerConfig of `options`, the rest filled in as `loadConfig` would with no flag and no environment: the public
 * URL follows host and port, and the control API stays off beyond loopback without a key.
 */
export function serverConfig(options: ServerOptions = {}): ServerConfig {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  const turnedOff = options.control === false ? 'control: false was given' : null;
  const { controlOff: _, ...control } = controlState(turnedOff, options.controlKey ?? null, host, `host ${host}`);
  return {
    host,
    port,
    dataFile: options.dataFile ?? null,
    seed: options.seed ?? null,
    merchants: options.merchants ?? structuredClone([...defaultMerchants]),
    publicUrl: publicUrlOf(options.publicUrl, host, port),
    ...control,
    allowedHosts: options.allowedHosts ?? [],
    webhookAllow: options.webhookAllow ?? null,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    httpsPort: options.httpsPort ?? null,
    tlsDir: options.tlsDir ?? defaultTlsDir(options.dataFile ?? null),
  };
}

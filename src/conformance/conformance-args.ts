import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { defaultMerchants } from '../fixtures.js';
import type { Settings } from './scenario.js';

// `iamport-sandbox conformance` flags. Secrets may come from the environment instead (IMP_KEY, IMP_SECRET,
// CARD_NUMBER), so they stay out of shell history and the process list.

export const conformanceUsage = `Usage: iamport-sandbox conformance [--base URL --imp-key K --imp-secret S --card-number N --expiry YYYY-MM]
                                   [--channel-key CK | --pg settle.MID] [--out DIR] [--compare DIR] [--plan] [--max-total KRW]

Runs the Settle billing lifecycle against a V1 base URL (default: a fresh in-process sandbox) and cancels every
payment it made before it exits.
  --base URL            the API, e.g. https://api.iamport.kr (default: an in-process sandbox, its first merchant)
  --imp-key, --imp-secret   REST API keys (IMP_KEY, IMP_SECRET); default: the sandbox's first merchant
  --channel-key CK      sent as channel_key with every charge; or --pg settle.MID
  --card-number N, --expiry YYYY-MM, --birth YYMMDD, --pwd-2digit NN   the card (CARD_NUMBER); a real card with --base
  --invalid-card N      a number the PG refuses (default 4000-0000-0000-0101, the sandbox's)
  --amount KRW          the amount of each charge (default 1000); --max-total KRW caps the plan's total (default 10000)
  --out DIR             write the redacted, normalised steps (DIR/steps) and DIR/report.md
  --compare DIR         compare each step with the run stored in DIR; exit 1 on an unexplained difference
  --plan                print the requests it would send, send none
`;

export class KitUsageError extends Error {
  override name = 'KitUsageError';
}

export interface ConformanceOptions {
  base: string | null;
  settings: Settings;
  out: string | null;
  compare: string | null;
  plan: boolean;
  maxTotal: number;
  help: boolean;
}

const OPTIONS = {
  base: { type: 'string' },
  'imp-key': { type: 'string' },
  'imp-secret': { type: 'string' },
  'channel-key': { type: 'string' },
  pg: { type: 'string' },
  'card-number': { type: 'string' },
  expiry: { type: 'string' },
  birth: { type: 'string' },
  'pwd-2digit': { type: 'string' },
  'invalid-card': { type: 'string' },
  amount: { type: 'string' },
  'max-total': { type: 'string' },
  out: { type: 'string' },
  compare: { type: 'string' },
  plan: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function krw(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 2) throw new KitUsageError(`${name} must be a whole number of KRW from 2, got "${text}"`);
  return Number(text);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false }).values;
  } catch (error) {
    throw new KitUsageError((error as Error).message);
  }
}

function channelOf(values: ReturnType<typeof parse>): Settings['channel'] {
  if (values['channel-key'] !== undefined && values.pg !== undefined) throw new KitUsageError('give --channel-key or --pg, not both');
  if (values['channel-key'] !== undefined) return { channel_key: values['channel-key'] };
  return values.pg === undefined ? {} : { pg: values.pg };
}

export function conformanceOptions(argv: readonly string[], env: Record<string, string | undefined>): ConformanceOptions {
  const values = parse(argv);
  const base = values.base ?? null;
  if (base !== null && !URL.canParse(base)) throw new KitUsageError(`--base must be an absolute URL, got "${base}"`);
  const local = defaultMerchants[0]!;
  const impKey = values['imp-key'] ?? env['IMP_KEY'] ?? (base === null ? local.imp_key : undefined);
  const impSecret = values['imp-secret'] ?? env['IMP_SECRET'] ?? (base === null ? local.imp_secret : undefined);
  const cardNumber = values['card-number'] ?? env['CARD_NUMBER'] ?? (base === null ? '1234-1234-1234-1234' : undefined);
  const expiry = values.expiry ?? (base === null ? '2030-01' : undefined);
  const planOnly = values.plan === true;
  if (!values.help && !planOnly && (impKey === undefined || impSecret === undefined)) throw new KitUsageError('--base needs --imp-key and --imp-secret (or IMP_KEY, IMP_SECRET)');
  if (!values.help && !planOnly && (cardNumber === undefined || expiry === undefined)) throw new KitUsageError('--base needs a card: --card-number (or CARD_NUMBER) and --expiry');
  const pwd = values['pwd-2digit'];
  return {
    base,
    settings: {
      impKey: impKey ?? '(imp_key)',
      impSecret: impSecret ?? '(imp_secret)',
      amount: krw('--amount', values.amount, 1000),
      card: { card_number: cardNumber ?? '(card number)', expiry: expiry ?? '(expiry)', birth: values.birth ?? '123456', ...(pwd === undefined ? {} : { pwd_2digit: pwd }) },
      invalidCard: values['invalid-card'] ?? '4000-0000-0000-0101',
      channel: channelOf(values),
      runId: randomUUID().replace(/-/g, '').slice(0, 10),
    },
    out: values.out ?? null,
    compare: values.compare ?? null,
    plan: planOnly,
    maxTotal: krw('--max-total', values['max-total'], 10_000),
    help: values.help === true,
  };
}

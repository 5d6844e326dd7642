import { isObject, type Json } from './exchange.js';

// What differs between two runs of the same scenario although nothing is wrong: ids the target issues, times,
// PG transaction ids, receipt links, the run's own order ids. Each is replaced by a placeholder of the same type
// and shape (digits → 9, letters → a/A, a random token's run → x, a non-zero time → 10^(digits-1), a link → its
// scheme and `<url>`), so the diff still sees a changed type, an id of another format or a time in milliseconds.

const TIME_KEY = /(_at|_date|_due|^now|^inserted|^updated|^cancelled|^paid|^failed)$/;
const ID_KEYS = new Set(['imp_uid', 'pg_tid', 'apply_num', 'cancellation_id', 'receipt_tid', 'customer_id', 'promotion_id']);

/**
 * `imps_417022004702` → `aaaa_999999999999`: the format without the value. A run that mixes letters and digits,
 * or capitals and small letters (a random token such as a cancellation_id), becomes x's: where its digits or
 * capitals fall changes from one id to the next.
 */
const mixed = (run: string) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run)) || (/[a-z]/.test(run) && /[A-Z]/.test(run));
const shapeOf = (text: string): string =>
  text.replace(/[A-Za-z0-9]+/g, (run) => (mixed(run) ? 'x'.repeat(run.length) : run.replace(/[0-9]/g, '9').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A')));

const timeOf = (value: number): number => (value === 0 ? 0 : 10 ** (String(Math.trunc(Math.abs(value))).length - 1));

const URL_TEXT = /^https?:\/\//;

function normaliseText(key: string, text: string, runId: string): string {
  if (URL_TEXT.test(text)) return `${text.slice(0, text.indexOf(':'))}://<url>`;
  if (ID_KEYS.has(key)) return shapeOf(text);
  return runId === '' ? text : text.split(runId).join('RUN');
}

/** A copy of `value` with every run-specific value replaced by its placeholder. `runId` is cut out of any text. */
export function normalise(value: Json, runId: string, key = ''): Json {
  if (typeof value === 'string') return normaliseText(key, value, runId);
  if (typeof value === 'number') return TIME_KEY.test(key) && Number.isInteger(value) ? timeOf(value) : value;
  if (Array.isArray(value)) return value.map((item) => normalise(item, runId, key));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, runId, k)]));
  return value;
}

import { isObject, type ApiAnswer, type Snapshot } from './exchange.js';
import { fieldsOf } from './fields.js';

// What differs between the answer a target gave (actual) and the one recorded from another (expected), per step:
// the HTTP status, the envelope's code (a refusal that became a success is named as such), its message, the set
// of fields, each field's type and value class.

type DifferenceKind = 'step' | 'status' | 'code' | 'refusal-missing' | 'refusal-added' | 'message' | 'field-missing' | 'field-added' | 'type' | 'value-class';

export interface Difference {
  step: string;
  operation: string;
  kind: DifferenceKind;
  /** The field's path (`response.status`), or '' for the answer as a whole. */
  path: string;
  expected: string;
  actual: string;
}

const envelope = (answer: ApiAnswer) => (isObject(answer.body) ? answer.body : { code: null, message: null, response: answer.body });
const shown = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

function codeDifference(expected: unknown, actual: unknown): Difference['kind'] | null {
  if (expected === actual) return null;
  if (expected !== 0 && actual === 0) return 'refusal-missing';
  if (expected === 0 && actual !== 0) return 'refusal-added';
  return 'code';
}

function envelopeDifferences(expected: ApiAnswer, actual: ApiAnswer): Omit<Difference, 'step' | 'operation'>[] {
  const found: Omit<Difference, 'step' | 'operation'>[] = [];
  if (expected.status !== actual.status) found.push({ kind: 'status', path: '', expected: String(expected.status), actual: String(actual.status) });
  const e = envelope(expected);
  const a = envelope(actual);
  const code = codeDifference(e['code'], a['code']);
  if (code) found.push({ kind: code, path: 'code', expected: shown(e['code']), actual: shown(a['code']) });
  if (e['message'] !== a['message']) found.push({ kind: 'message', path: 'message', expected: shown(e['message']), actual: shown(a['message']) });
  return found;
}

/** A field whose parent already differs in type or presence says nothing more: its differences are left out. */
const under = (path: string, reported: readonly string[]) => reported.some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[]`));

function fieldDifferences(expected: ApiAnswer, actual: ApiAnswer): Omit<Difference, 'step' | 'operation'>[] {
  const found: Omit<Difference, 'step' | 'operation'>[] = [];
  const reported: string[] = [];
  const e = fieldsOf(expected.body);
  const a = fieldsOf(actual.body);
  const report = (d: Omit<Difference, 'step' | 'operation'>) => {
    if (under(d.path, reported)) return;
    if (d.kind !== 'value-class') reported.push(d.path);
    found.push(d);
  };
  for (const [path, field] of e) {
    if (path === 'code' || path === 'message') continue;
    const other = a.get(path);
    if (!other) report({ kind: 'field-missing', path, expected: field.type, actual: '(absent)' });
    else if (other.type !== field.type) report({ kind: 'type', path, expected: field.type, actual: other.type });
    else if (other.class !== field.class) report({ kind: 'value-class', path, expected: field.class, actual: other.class });
  }
  for (const [path, field] of a) if (!e.has(path)) report({ kind: 'field-added', path, expected: '(absent)', actual: field.type });
  return found;
}

/** Every difference between the steps of two runs, matched by step id, in the expected run's order. */
export function diffRuns(expected: readonly Snapshot[], actual: readonly Snapshot[]): Difference[] {
  const byId = new Map(actual.map((s) => [s.id, s]));
  const found: Difference[] = [];
  for (const step of expected) {
    const other = byId.get(step.id);
    const tag = { step: step.id, operation: step.operation };
    if (!other) {
      found.push({ ...tag, kind: 'step', path: '', expected: 'ran', actual: '(not run)' });
      continue;
    }
    for (const d of [...envelopeDifferences(step.answer, other.answer), ...fieldDifferences(step.answer, other.answer)]) found.push({ ...tag, ...d });
  }
  const known = new Set(expected.map((s) => s.id));
  for (const step of actual) if (!known.has(step.id)) found.push({ step: step.id, operation: step.operation, kind: 'step', path: '', expected: '(not run)', actual: 'ran' });
  return found;
}

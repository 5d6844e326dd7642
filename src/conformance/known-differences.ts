import known from '../../fixtures/known-differences.json' with { type: 'json' };
import type { Difference } from './diff.js';

// The committed list of differences with a known reason (fixtures/known-differences.json): a difference that
// matches an entry is reported with its reason and does not fail the run.

interface KnownDifference {
  operation: string;
  step?: string;
  path: string;
  kind: string;
  reason: string;
}

export interface Judged extends Difference {
  /** Why it differs, when the difference is a known one; null when it is unexplained. */
  reason: string | null;
}

const entries: readonly KnownDifference[] = known.differences;

const matches = (entry: KnownDifference, d: Difference) =>
  (entry.operation === '*' || entry.operation === d.operation) &&
  (entry.step === undefined || entry.step === d.step) &&
  (entry.path === '*' || entry.path === d.path) &&
  entry.kind === d.kind;

export function judge(differences: readonly Difference[]): Judged[] {
  return differences.map((d) => ({ ...d, reason: entries.find((entry) => matches(entry, d))?.reason ?? null }));
}

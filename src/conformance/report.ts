import type { Snapshot } from './exchange.js';
import type { Judged } from './known-differences.js';
import type { Outcome } from './runner.js';

// The report, in Markdown a user can paste into an issue, and the short form printed to the terminal.

export interface ReportInput {
  title: string;
  target: string;
  /** What was compared with, or null for a run that compared with nothing. */
  against: string | null;
  date: string;
  snapshots: readonly Snapshot[];
  outcomes: readonly Outcome[];
  differences: readonly Judged[];
  /** Lines about what the run charged and undid. */
  cleanup: readonly string[];
  stopped: string | null;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const codeOf = (s: Snapshot) => (typeof s.answer.body === 'object' && s.answer.body !== null && !Array.isArray(s.answer.body) ? String(s.answer.body['code']) : '-');

function stepTable(input: ReportInput): string[] {
  const outcome = new Map(input.outcomes.map((o) => [o.id, o]));
  return [
    '| step | operation | HTTP | code | outcome |',
    '| --- | --- | --- | --- | --- |',
    ...input.snapshots.map((s) => {
      const o = outcome.get(s.id);
      const got = o ? (o.got === o.expected ? o.got : `**${o.got}** (expected ${o.expected})`) : '';
      return `| ${cell(s.id)} | ${s.operation} | ${s.answer.status} | ${codeOf(s)} | ${got} |`;
    }),
  ];
}

function differenceTable(differences: readonly Judged[]): string[] {
  if (differences.length === 0) return ['No difference.'];
  return [
    '| step | kind | field | expected | actual | known reason |',
    '| --- | --- | --- | --- | --- | --- |',
    ...differences.map((d) => `| ${cell(d.step)} | ${d.kind} | ${cell(d.path || '-')} | ${cell(d.expected)} | ${cell(d.actual)} | ${d.reason === null ? '**unexplained**' : cell(d.reason)} |`),
  ];
}

export function markdownReport(input: ReportInput): string {
  const unexplained = input.differences.filter((d) => d.reason === null).length;
  const lines = [
    `## ${input.title}`,
    '',
    `- target: ${input.target}`,
    ...(input.against ? [`- compared with: ${input.against}`] : []),
    `- date: ${input.date}`,
    `- steps: ${input.snapshots.length}${input.stopped ? ` (stopped: ${input.stopped})` : ''}`,
    `- differences: ${input.differences.length}, unexplained: ${unexplained}`,
    '',
    ...stepTable(input),
    '',
    ...(input.against ? ['### Differences', '', ...differenceTable(input.differences), ''] : []),
    '### Clean-up',
    '',
    ...input.cleanup.map((line) => `- ${line}`),
    '',
  ];
  return lines.join('\n');
}

/** One line per difference, grouped by step, for the terminal. */
export function terminalDifferences(differences: readonly Judged[]): string[] {
  return differences.map((d) => `  ${d.reason === null ? 'DIFF' : 'known'} ${d.step} ${d.kind}${d.path ? ` ${d.path}` : ''}: expected ${d.expected}, got ${d.actual}${d.reason ? ` (${d.reason})` : ''}`);
}

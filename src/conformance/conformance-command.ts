import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanUp, type CleanupResult } from './cleanup.js';
import { conformanceOptions, conformanceUsage, KitUsageError, type ConformanceOptions } from './conformance-args.js';
import { diffRuns } from './diff.js';
import { judge, type Judged } from './known-differences.js';
import { startLocalSandbox } from './local-sandbox.js';
import { planText } from './plan-text.js';
import { markdownReport, terminalDifferences } from './report.js';
import { runScenario, type Run } from './runner.js';
import { planTotal } from './scenario.js';
import { readSnapshots, writeSnapshots } from './snapshot-files.js';

// `iamport-sandbox conformance`: the scenario against one target, its clean-up whatever happened, the snapshots,
// the comparison with a stored run, the report. Exit code 0 only when every step ran as expected, nothing is left
// charged, and no difference is unexplained.

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

function cleanupLines(run: Run, cleanup: CleanupResult): string[] {
  return [
    `cancelled at the end: ${cleanup.cancelled.length === 0 ? 'none needed' : cleanup.cancelled.join(', ')}`,
    ...cleanup.notCancelled.map((p) => `NOT CANCELLED: ${p.impUid} (${p.reason}): cancel it in the PortOne console`),
    ...cleanup.leftOver.map((line) => `LEFT OVER: ${line}`),
    ...(run.stopped ? [`stopped early: ${run.stopped}`] : []),
  ];
}

/** Runs with Ctrl-C turned into an abort: the run stops after the request in flight, and the clean-up still runs. */
async function runInterruptibly(base: string, options: ConformanceOptions, io: Io): Promise<{ run: Run; cleanup: CleanupResult }> {
  const controller = new AbortController();
  const interrupt = () => {
    io.err('interrupted: cancelling what the run charged…\n');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  try {
    const run = await runScenario(base, options.settings, controller.signal);
    return { run, cleanup: await cleanUp(base, run.token, run.ledger) };
  } finally {
    process.off('SIGINT', interrupt);
  }
}

async function compared(options: ConformanceOptions, run: Run): Promise<Judged[]> {
  if (options.compare === null) return [];
  return judge(diffRuns(await readSnapshots(options.compare), run.snapshots));
}

async function measure(base: string, options: ConformanceOptions, io: Io): Promise<number> {
  const { run, cleanup } = await runInterruptibly(base, options, io);
  const differences = await compared(options, run);
  const unmet = run.outcomes.filter((o) => o.got !== o.expected);
  const lines = cleanupLines(run, cleanup);
  const report = markdownReport({
    title: 'iamport-sandbox conformance',
    target: options.base ?? 'in-process sandbox',
    against: options.compare,
    date: new Date().toISOString(),
    snapshots: run.snapshots,
    outcomes: run.outcomes,
    differences,
    cleanup: lines,
    stopped: run.stopped,
  });
  if (options.out !== null) {
    await writeSnapshots(options.out, run.snapshots);
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'report.md'), report);
  }
  const unexplained = differences.filter((d) => d.reason === null);
  io.out(
    [
      `${run.snapshots.length} steps against ${options.base ?? 'an in-process sandbox'}${options.compare ? `, compared with ${options.compare}` : ''}`,
      ...unmet.map((o) => `  UNEXPECTED ${o.id}: ${o.got} (expected ${o.expected})`),
      ...terminalDifferences(differences),
      ...lines.map((line) => `  ${line}`),
      `${differences.length} differences, ${unexplained.length} unexplained${options.out ? `; report: ${join(options.out, 'report.md')}` : ''}`,
    ].join('\n') + '\n',
  );
  const clean = cleanup.notCancelled.length === 0 && cleanup.leftOver.length === 0;
  return unexplained.length === 0 && unmet.length === 0 && run.stopped === null && clean ? 0 : 1;
}

export async function conformanceCommand(argv: readonly string[], io: Io): Promise<number> {
  const options = conformanceOptions(argv, io.env);
  if (options.help) {
    io.out(conformanceUsage);
    return 0;
  }
  const total = planTotal(options.settings);
  if (total > options.maxTotal) throw new KitUsageError(`the plan charges up to ${total} KRW, over --max-total ${options.maxTotal}: lower --amount or raise --max-total`);
  if (options.plan) {
    io.out(planText(options.settings, options.base ?? 'an in-process sandbox'));
    return 0;
  }
  if (options.base !== null) return measure(options.base, options, io);
  const server = await startLocalSandbox();
  try {
    return await measure(server.url, options, io);
  } finally {
    await server.close();
  }
}

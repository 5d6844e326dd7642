import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMerchants } from '../fixtures.js';
import { KitUsageError } from './conformance-args.js';
import type { Io } from './conformance-command.js';
import { startLocalSandbox } from './local-sandbox.js';
import { readRecording } from './recording.js';
import { replay, type ReplayKeys } from './replay.js';
import { markdownReport, terminalDifferences } from './report.js';
import { writeSnapshots } from './snapshot-files.js';

const replayUsage = `Usage: iamport-sandbox replay DIR [--against URL] [--imp-key K --imp-secret S] [--out DIR]

Replays the requests recorded in DIR (by \`iamport-sandbox record\`), in order, against a fresh in-process sandbox
(or --against URL, with its keys) and reports where its answers differ from the recorded ones.
`;

function options(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { against: { type: 'string' }, 'imp-key': { type: 'string' }, 'imp-secret': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new KitUsageError((error as Error).message);
  }
}

async function replayed(dir: string, against: string | undefined, keys: ReplayKeys) {
  const recording = await readRecording(dir);
  if (against !== undefined) return replay(recording, against, keys);
  const server = await startLocalSandbox();
  try {
    return await replay(recording, server.url, keys);
  } finally {
    await server.close();
  }
}

export async function replayCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = options(argv);
  if (values.help) {
    io.out(replayUsage);
    return 0;
  }
  const dir = positionals[0];
  if (dir === undefined) throw new KitUsageError('replay needs the recording directory: iamport-sandbox replay DIR');
  const local = defaultMerchants[0]!;
  const keys = { impKey: values['imp-key'] ?? io.env['IMP_KEY'] ?? local.imp_key, impSecret: values['imp-secret'] ?? io.env['IMP_SECRET'] ?? local.imp_secret };
  const result = await replayed(dir, values.against, keys);
  const unexplained = result.differences.filter((d) => d.reason === null);
  if (values.out !== undefined) {
    await writeSnapshots(values.out, result.snapshots.actual);
    await mkdir(values.out, { recursive: true });
    const report = markdownReport({
      title: 'iamport-sandbox replay',
      target: values.against ?? 'in-process sandbox',
      against: dir,
      date: new Date().toISOString(),
      snapshots: result.snapshots.actual,
      outcomes: [],
      differences: result.differences,
      cleanup: ['a replay charges only its target: nothing to cancel on the vendor'],
      stopped: null,
    });
    await writeFile(join(values.out, 'report.md'), report);
  }
  io.out([`replayed ${result.snapshots.actual.length} exchanges from ${dir}`, ...terminalDifferences(result.differences), `${result.differences.length} differences, ${unexplained.length} unexplained`].join('\n') + '\n');
  return unexplained.length === 0 ? 0 : 1;
}

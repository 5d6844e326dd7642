import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot } from './exchange.js';

// A run on disk: one file per step, `steps/NN-id.json`, in the order they ran, so `git diff` between two runs
// reads step by step. Only redacted, normalised snapshots ever reach this module.

export async function writeSnapshots(dir: string, snapshots: readonly Snapshot[]): Promise<void> {
  const steps = join(dir, 'steps');
  await rm(steps, { recursive: true, force: true });
  await mkdir(steps, { recursive: true });
  for (const [i, snapshot] of snapshots.entries()) {
    const name = `${String(i + 1).padStart(2, '0')}-${snapshot.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
    await writeFile(join(steps, name), JSON.stringify(snapshot, null, 2) + '\n');
  }
}

export async function readSnapshots(dir: string): Promise<Snapshot[]> {
  const steps = join(dir, 'steps');
  const names = (await readdir(steps)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(steps, name), 'utf8')) as Snapshot));
}

import { writeFileSync } from 'node:fs';
import { collectionNames } from '../../src/core/state/collections.js';
import type { Snapshot } from '../../src/core/state/snapshot.js';

/**
 * `snapshot` in the base-file layout of earlier versions, as their writeBaseFile wrote it: a header line, then for
 * each collection `"name":[` and one JSON object per line. Files of that layout must still be read.
 */
export function lineLayout(snapshot: Snapshot, generation: string): string {
  const header = JSON.stringify({ version: snapshot.version, seq: snapshot.seq, journal_generation: generation });
  let text = `${header.slice(0, -1)},\n`;
  for (const [index, name] of collectionNames.entries()) {
    const records = snapshot[name] as unknown[];
    text += `${JSON.stringify(name)}:[\n`;
    for (let i = 0; i < records.length; i++) text += JSON.stringify(records[i]) + (i < records.length - 1 ? ',\n' : '\n');
    text += index < collectionNames.length - 1 ? '],\n' : ']}\n';
  }
  return text;
}

export const writeLineLayout = (file: string, snapshot: Snapshot, generation: string) => writeFileSync(file, lineLayout(snapshot, generation));

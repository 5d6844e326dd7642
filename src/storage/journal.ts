import { open, type FileHandle } from 'node:fs/promises';
import Type from 'typebox';
import { describeProblems } from '../contract/validation.js';
import { MAX_SEQ } from '../contract/records.js';
import { collectionNames, collections, type CollectionName } from '../core/state/collections.js';
import { emptySnapshot, type Snapshot } from '../core/state/snapshot.js';
import type { Change } from '../core/state/state.js';
import { UnreadableDataFileError } from './errors.js';

/** One journal line: the changes of one flush, each [collection, key, record or null once deleted]. */
const JournalEntrySchema = Type.Object({
  generation: Type.String(),
  seq: Type.Integer({ minimum: 0, maximum: MAX_SEQ }),
  changes: Type.Array(Type.Tuple([Type.String(), Type.String(), Type.Unknown()])),
});

interface JournalEntry {
  generation: string;
  seq: number;
  changes: [string, string, unknown][];
}

/** The journal line of one flush. */
export function journalLine(generation: string, seq: number, changes: Change[]): string {
  const entry: JournalEntry = { generation, seq, changes: changes.map((c) => [c.collection, c.key, c.record]) };
  return JSON.stringify(entry) + '\n';
}

/** What loading the journal found: the state it leads to and its size (which decides when to compact). */
export interface Replayed {
  snapshot: Snapshot | null;
  bytes: number;
}

/**
 * `base` (null when there is no base file) with the journal's lines of `generation` applied in order. Lines of
 * another generation were left by a crash between a compaction's rename and the journal's truncation and are
 * skipped. Every line must be a journal entry: of a known collection, with a record that fits its schema and is
 * keyed by its own key, with a seq that never goes back; only the last line may be torn (it was never
 * acknowledged). A journal without a base file is refused: starting empty would destroy it on the first write.
 */
export async function replayJournal(journal: string, base: Snapshot | null, generation: string | null, file: string): Promise<Replayed> {
  const handle = await openJournal(journal);
  if (!handle) return { snapshot: base, bytes: 0 };
  try {
    const { size } = await handle.stat();
    if (base === null) {
      await refuseOrphan(handle, journal, file, size);
      return { snapshot: null, bytes: size };
    }
    // A base file without a generation (new, seeded or edited by hand) has no journal: one found beside it
    // belongs to another file, and the first write rewrites the base file and empties it.
    if (generation === null) return { snapshot: base, bytes: size };
    const replay = new Replay(journal, base, generation);
    let n = 0;
    for await (const line of handle.readLines()) replay.line(line, ++n);
    return { snapshot: replay.snapshot(), bytes: size };
  } finally {
    await handle.close();
  }
}

/** The journal opened for reading, or null when there is none. */
async function openJournal(journal: string): Promise<FileHandle | null> {
  try {
    return await open(journal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UnreadableDataFileError(journal, (error as Error).message);
  }
}

/** A journal that holds anything while its base file is missing. */
async function refuseOrphan(handle: FileHandle, journal: string, file: string, size: number): Promise<void> {
  for await (const line of handle.readLines()) {
    if (line.trim() === '') continue;
    throw new UnreadableDataFileError(journal, `the base file ${file} is missing or empty while its journal holds ${size} bytes; restore the base file or move the journal away`);
  }
}

/** The base snapshot with journal lines applied one at a time, each checked before it changes anything. */
class Replay {
  /** The collections by key, made from the base once a line of this generation needs them. */
  private readonly tables = new Map<CollectionName, Map<string, unknown>>();
  private seq: number;
  /** The line that was not JSON: allowed only as the last one. */
  private torn = 0;

  constructor(
    private readonly journal: string,
    private readonly base: Snapshot,
    private readonly generation: string,
  ) {
    this.seq = base.seq;
  }

  line(text: string, n: number): void {
    if (text.trim() === '') return;
    if (this.torn) throw new UnreadableDataFileError(this.journal, `line ${this.torn} is not valid JSON`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.torn = n;
      return;
    }
    const problems = describeProblems(JournalEntrySchema, value);
    if (problems.length > 0) throw this.refuse(n, `not a journal entry: ${problems.slice(0, 3).join('; ')}`);
    const entry = value as JournalEntry;
    if (entry.generation !== this.generation) return;
    if (entry.seq < this.seq) throw this.refuse(n, `seq ${entry.seq} goes back (${this.seq} before it)`);
    this.seq = entry.seq;
    this.apply(entry, n);
  }

  /** The state the lines lead to: the base itself when none of them was of this generation. */
  snapshot(): Snapshot {
    if (this.tables.size === 0) return this.base;
    const snapshot = emptySnapshot(this.seq);
    for (const [name, records] of this.tables) {
      const list = snapshot[name] as unknown[];
      for (const record of records.values()) list.push(record);
    }
    return snapshot;
  }

  private apply(entry: JournalEntry, n: number): void {
    if (this.tables.size === 0) for (const name of collectionNames) this.tables.set(name, keyed(this.base, name));
    for (const [name, key, record] of entry.changes) {
      const records = this.tables.get(name as CollectionName);
      if (!records) throw this.refuse(n, `unknown collection ${name}`);
      if (record === null) {
        records.delete(key);
        continue;
      }
      const spec = collections[name as CollectionName] as { schema: object; key(record: unknown): string };
      const wrong = describeProblems(spec.schema, record);
      if (wrong.length > 0) throw this.refuse(n, `${name} ${key}: ${wrong.slice(0, 3).join('; ')}`);
      if (spec.key(record) !== key) throw this.refuse(n, `${name} ${key} holds the record of ${spec.key(record)}`);
      records.set(key, record);
    }
  }

  private refuse(line: number, problem: string): UnreadableDataFileError {
    return new UnreadableDataFileError(this.journal, `line ${line}: ${problem}`);
  }
}

/** A collection of the base snapshot by key, in its order, so journal lines can replace and delete records. */
function keyed(base: Snapshot, name: CollectionName): Map<string, unknown> {
  const key = collections[name].key as (record: unknown) => string;
  const records = new Map<string, unknown>();
  for (const record of base[name] as unknown[]) records.set(key(record), record);
  return records;
}

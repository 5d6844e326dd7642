import { stat } from 'node:fs/promises';
import type { Snapshot } from '../core/state/snapshot.js';
import { parseSnapshot } from '../core/state/state.js';
import type { Store, StoreSource } from '../core/state/store.js';
import { readBaseFile, writeBaseFile } from './base-file.js';
import { DataFileWriteError, UnreadableDataFileError } from './errors.js';
import { journalLine, replayJournal } from './journal.js';
import { JournalFile } from './journal-file.js';

export { DataFileWriteError, UnreadableDataFileError } from './errors.js';

/** The journal is folded into the base file once it outgrows both this and the base file itself. */
const MIN_COMPACT_BYTES = 8 * 1024 * 1024;

/** Taken when the module loads, so fake timers installed by a caller's tests later cannot hold a write back. */
const endOfTurn = setImmediate;

/**
 * The state as a JSON file (`FILE`, a whole snapshot, read with lowdb: base-file.ts) continued by an append-only
 * journal (`FILE.journal`, one JSON line per flush holding the records changed since: journal.ts). A flush appends
 * only what changed, so its cost follows the size of the change, not of the store; when the journal has grown past
 * the base file, the next flush rewrites the base file (temp file renamed over it, written in slices so the event
 * loop keeps running) and starts a new journal generation. Lines of an older generation are ignored on load, so a
 * crash between the two steps loses nothing, and a line torn by a crash is the last one and was never
 * acknowledged, so it is dropped.
 *
 * Group commit: the changes of every commit made in one turn of the event loop are written together, as one
 * journal line appended synchronously once the turn's callbacks have run (journal-file.ts), so concurrent
 * requests share one write. While a rewrite of the base file is in flight (sliced, so the loop keeps running),
 * commits gather for the single flush that follows it, which takes the changes when it starts. A caller's change
 * is on disk when its promise resolves. A failed flush leaves the next one to rewrite everything, so the store
 * recovers as soon as the disk allows.
 */
export class LowdbStore implements Store {
  private readonly journal: string;
  private source: StoreSource | null = null;
  /** The rewrite in progress, if any. */
  private current: Promise<void> | null = null;
  /** The flush not started yet, which every commit until it starts joins. */
  private next: Batch | null = null;
  private loaded = false;
  /** Unique per base file, so a journal never continues a base file it was not written for. */
  private generation: string | null = null;
  private journalBytes = 0;
  /** Kept open between flushes: an append is then one write call, not open + write + close. */
  private readonly journalFile: JournalFile;
  private baseBytes = 0;
  /** How many flushes reached the disk (group commit is visible in tests through this). */
  flushes = 0;
  /** How many of them rewrote the base file (compaction and recovery are visible in tests through this). */
  rewrites = 0;

  constructor(readonly file: string) {
    this.journal = `${file}.journal`;
    this.journalFile = new JournalFile(this.journal);
  }

  attach(source: StoreSource): void {
    this.source = source;
    source.trackChanges();
  }

  async load(): Promise<Snapshot | null> {
    const content = await readBaseFile(this.file);
    let base: Snapshot | null = null;
    if (content !== undefined) {
      // `null` or any other non-object is no sandbox: starting empty would overwrite it on the first write.
      if (typeof content !== 'object' || content === null || Array.isArray(content)) {
        throw new UnreadableDataFileError(this.file, `it holds ${Array.isArray(content) ? 'a list' : JSON.stringify(content)}, not a sandbox snapshot`);
      }
      const generation = (content as { journal_generation?: unknown }).journal_generation;
      if (generation !== undefined && typeof generation !== 'string') {
        throw new UnreadableDataFileError(this.file, 'journal_generation must be a string');
      }
      try {
        base = parseSnapshot(content);
      } catch (error) {
        throw new UnreadableDataFileError(this.file, (error as Error).message);
      }
      this.generation = generation ?? null;
      this.baseBytes = this.generation === null ? 0 : (await stat(this.file)).size;
    }
    const replayed = await replayJournal(this.journal, base, this.generation, this.file);
    this.journalBytes = replayed.bytes;
    this.loaded = true;
    return replayed.snapshot;
  }

  commit(): Promise<void> {
    if (this.next) return this.next.done;
    const batch = new Batch();
    this.next = batch;
    // After the rewrite in flight, or else at the end of this turn, so the turn's other commits join the batch.
    if (this.current) void this.current.finally(() => this.run(batch));
    else endOfTurn(() => this.run(batch));
    return batch.done;
  }

  private run(batch: Batch): void {
    // From here on, new commits need a newer flush than this one.
    this.next = null;
    let rewriting: Promise<void> | undefined;
    try {
      rewriting = this.flush();
    } catch (error) {
      return batch.reject(error);
    }
    if (!rewriting) return batch.resolve();
    const current: Promise<void> = rewriting.then(batch.resolve, batch.reject).finally(() => {
      if (this.current === current) this.current = null;
    });
    this.current = current;
  }

  /** One flush: appended before it returns, or the promise of a rewrite of the base file. */
  private flush(): Promise<void> | undefined {
    // A store whose file could not be read never writes, so an unreadable file is never overwritten.
    if (!this.loaded || !this.source) throw new Error('the data file was not loaded');
    const source = this.source;
    try {
      const changes = source.takeChanges();
      // A new store gets its base file on the first write, so the data file exists from then on.
      const compact = this.generation === null || this.journalBytes > Math.max(MIN_COMPACT_BYTES, this.baseBytes);
      if (changes === null || compact) {
        return this.rewrite(source.snapshot()).then(
          () => void this.flushes++,
          (error: unknown) => Promise.reject(this.failed(error)),
        );
      }
      if (changes.length > 0) this.journalBytes += this.journalFile.append(journalLine(this.generation!, source.seq, changes));
      this.flushes++;
      return undefined;
    } catch (error) {
      throw this.failed(error);
    }
  }

  private failed(error: unknown): DataFileWriteError {
    this.source!.needRewrite();
    // The path may have been replaced (a directory, a new mount): the next flush opens it again.
    this.journalFile.close();
    return new DataFileWriteError(this.file, this.journal, error);
  }

  private async rewrite(snapshot: Snapshot): Promise<void> {
    const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    // The journal first: if it cannot be opened, the base file is left as it was.
    this.journalFile.open();
    this.baseBytes = await writeBaseFile(this.file, snapshot, generation);
    this.generation = generation;
    this.rewrites++;
    // Lines of the old generation are ignored from now on; emptying the journal only reclaims their space.
    await this.journalFile.truncate();
    this.journalBytes = 0;
  }

  async close(): Promise<void> {
    await (this.next?.done ?? this.current)?.catch(() => undefined);
    this.journalFile.close();
  }
}

/** The callers of one flush, waiting for it. */
class Batch {
  resolve!: () => void;
  reject!: (error: unknown) => void;
  readonly done = new Promise<void>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

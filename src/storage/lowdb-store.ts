import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Snapshot } from '../core/state/snapshot.js';
import { parseSnapshot, type Change } from '../core/state/state.js';
import type { Store, StoreSource } from '../core/state/store.js';
import { readBaseFile, writeBaseFile } from './base-file.js';
import { DataFileWriteError, UnreadableDataFileError } from './errors.js';
import { journalLine, replayJournal } from './journal.js';

export { DataFileWriteError, UnreadableDataFileError } from './errors.js';

/** The journal is folded into the base file once it outgrows both this and the base file itself. */
const MIN_COMPACT_BYTES = 8 * 1024 * 1024;

/**
 * The state as a JSON file (`FILE`, a whole snapshot, read with lowdb: base-file.ts) continued by an append-only
 * journal (`FILE.journal`, one JSON line per flush holding the records changed since: journal.ts). A flush appends
 * only what changed, so its cost follows the size of the change, not of the store; when the journal has grown past
 * the base file, the next flush rewrites the base file (temp file renamed over it, written in slices so the event
 * loop keeps running) and starts a new journal generation. Lines of an older generation are ignored on load, so a
 * crash between the two steps loses nothing, and a line torn by a crash is the last one and was never
 * acknowledged, so it is dropped.
 *
 * Group commit: at most one flush is in flight; every commit that arrives meanwhile shares the single flush
 * that follows it, which takes the changes when it starts. A caller's change is on disk when its promise resolves.
 * A failed flush leaves the next one to rewrite everything, so the store recovers as soon as the disk allows.
 */
export class LowdbStore implements Store {
  private readonly journal: string;
  private source: StoreSource | null = null;
  /** The flush in progress, if any. */
  private current: Promise<void> | null = null;
  /** The flush waiting for `current` to finish; late arrivals join it. */
  private next: Promise<void> | null = null;
  private loaded = false;
  /** Unique per base file, so a journal never continues a base file it was not written for. */
  private generation: string | null = null;
  private journalBytes = 0;
  /** Kept open between flushes: an append is then one write call, not open + write + close. */
  private journalHandle: FileHandle | null = null;
  private baseBytes = 0;
  /** How many flushes reached the disk (group commit is visible in tests through this). */
  flushes = 0;
  /** How many of them rewrote the base file (compaction and recovery are visible in tests through this). */
  rewrites = 0;

  constructor(readonly file: string) {
    this.journal = `${file}.journal`;
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
    if (this.next) return this.next;
    const previous = this.current ?? Promise.resolve();
    const flush: Promise<void> = previous
      .catch(() => undefined)
      .then(() => {
        // From here on, new commits need a newer flush than this one.
        this.next = null;
        this.current = flush;
        return this.flush();
      })
      .finally(() => {
        if (this.current === flush) this.current = null;
      });
    this.next = flush;
    return flush;
  }

  private async flush(): Promise<void> {
    // A store whose file could not be read never writes, so an unreadable file is never overwritten.
    if (!this.loaded || !this.source) throw new Error('the data file was not loaded');
    const source = this.source;
    try {
      const changes = source.takeChanges();
      // A new store gets its base file on the first write, so the data file exists from then on.
      const compact = this.generation === null || this.journalBytes > Math.max(MIN_COMPACT_BYTES, this.baseBytes);
      if (changes === null || compact) await this.rewrite(source.snapshot());
      else if (changes.length > 0) await this.append(changes, source.seq);
      this.flushes++;
    } catch (error) {
      source.needRewrite();
      // The path may have been replaced (a directory, a new mount): the next flush opens it again.
      await this.journalHandle?.close().catch(() => undefined);
      this.journalHandle = null;
      throw new DataFileWriteError(this.file, this.journal, error);
    }
  }

  private async append(changes: Change[], seq: number): Promise<void> {
    const line = journalLine(this.generation!, seq, changes);
    const journal = await this.openJournal();
    await journal.appendFile(line);
    // A journal deleted or replaced under the open handle swallows appends into a file no restart reads.
    if ((await journal.stat()).nlink === 0) throw new Error(`${this.journal} was removed or replaced while in use`);
    this.journalBytes += Buffer.byteLength(line);
  }

  private async rewrite(snapshot: Snapshot): Promise<void> {
    const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    // The journal first: if it cannot be opened, the base file is left as it was.
    const journal = await this.openJournal();
    this.baseBytes = await writeBaseFile(this.file, snapshot, generation);
    this.generation = generation;
    this.rewrites++;
    // Lines of the old generation are ignored from now on; emptying the journal only reclaims their space.
    await journal.truncate(0);
    this.journalBytes = 0;
  }

  private async openJournal(): Promise<FileHandle> {
    return (this.journalHandle ??= await open(this.journal, 'a'));
  }

  async close(): Promise<void> {
    await (this.next ?? this.current)?.catch(() => undefined);
    await this.journalHandle?.close();
    this.journalHandle = null;
  }
}

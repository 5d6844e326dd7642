import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { collectionNames, collections, type CollectionName } from '../core/state/collections.js';
import type { Snapshot } from '../core/state/snapshot.js';
import { parseSnapshot, type Change } from '../core/state/state.js';
import type { Store, StoreSource } from '../core/state/store.js';

export class UnreadableDataFileError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot use data file ${file}: ${reason}. It was left untouched; move it away or fix it to start the sandbox.`);
    this.name = 'UnreadableDataFileError';
  }
}

/** The base file: a snapshot plus the generation of the journal that continues it. */
type BaseFile = Snapshot & { journal_generation?: string };

/** One journal line: the changes of one flush. */
interface JournalEntry {
  generation: string;
  seq: number;
  changes: [CollectionName, string, unknown][];
}

/** The journal is folded into the base file once it outgrows both this and the base file itself. */
const MIN_COMPACT_BYTES = 8 * 1024 * 1024;

/**
 * The state as a lowdb JSON file (`FILE`, a whole snapshot) continued by an append-only journal
 * (`FILE.journal`, one JSON line per flush holding the records changed since). A flush appends only what
 * changed, so its cost follows the size of the change, not of the store; when the journal has grown past the
 * base file, the next flush rewrites the base file (lowdb: a temp file renamed over it) and starts a new
 * journal generation. Lines of an older generation are ignored on load, so a crash between the two steps loses
 * nothing, and a line torn by a crash is the last one and was never acknowledged, so it is dropped.
 *
 * Group commit: at most one flush is in flight; every commit that arrives meanwhile shares the single flush
 * that follows it, which takes the changes when it starts. A caller's change is on disk when its promise resolves.
 */
export class LowdbStore implements Store {
  private readonly db: Low<BaseFile | null>;
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

  constructor(readonly file: string) {
    this.db = new Low<BaseFile | null>(new DataFile(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }), null);
    this.journal = `${file}.journal`;
  }

  attach(source: StoreSource): void {
    this.source = source;
    source.trackChanges();
  }

  async load(): Promise<Snapshot | null> {
    let base: BaseFile | null;
    let lines: string[];
    try {
      await this.db.read();
      base = this.db.data;
      lines = await readFile(this.journal, 'utf8').then(
        (text) => text.split('\n'),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
    } catch (error) {
      const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : String((error as Error).message);
      throw new UnreadableDataFileError(this.file, reason);
    }
    // A base file without a generation (new, seeded or edited by hand) has no journal: any journal found beside
    // it belongs to another file, and the first write rewrites the base file.
    this.generation = base?.journal_generation ?? null;
    this.baseBytes = this.generation === null ? 0 : (await stat(this.file)).size;
    this.journalBytes = lines.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
    let snapshot: Snapshot | null;
    try {
      const replayed = this.replay(base, lines);
      snapshot = replayed === null ? null : parseSnapshot(replayed);
    } catch (error) {
      if (error instanceof UnreadableDataFileError) throw error;
      throw new UnreadableDataFileError(this.file, (error as Error).message);
    }
    this.loaded = true;
    return snapshot;
  }

  /** The base snapshot with the current generation's journal lines applied in order. */
  private replay(base: BaseFile | null, lines: string[]): unknown {
    const entries: JournalEntry[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        const last = lines.slice(index + 1).every((rest) => rest.trim() === '');
        if (!last) throw new UnreadableDataFileError(this.journal, `line ${index + 1} is not valid JSON`);
      }
    });
    const current = this.generation === null ? [] : entries.filter((e) => e.generation === this.generation);
    if (current.length === 0) return base;

    if (base !== null && (typeof base !== 'object' || base.version !== 1)) return base;
    const tables = new Map<string, Map<string, unknown>>();
    for (const name of collectionNames) {
      const key = collections[name].key as (record: unknown) => string;
      const records = new Map<string, unknown>();
      const stored = base?.[name];
      if (Array.isArray(stored)) for (const record of stored) records.set(key(record), record);
      tables.set(name, records);
    }
    let seq = base?.seq ?? 0;
    for (const entry of current) {
      seq = entry.seq;
      for (const [name, key, record] of entry.changes) {
        const records = tables.get(name);
        if (!records) throw new UnreadableDataFileError(this.journal, `unknown collection ${name}`);
        if (record === null) records.delete(key);
        else records.set(key, record);
      }
    }
    const snapshot: Record<string, unknown> = { version: 1, seq };
    for (const [name, records] of tables) {
      const list: unknown[] = [];
      for (const record of records.values()) list.push(record);
      snapshot[name] = list;
    }
    return snapshot;
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
      throw error;
    }
  }

  private async append(changes: Change[], seq: number): Promise<void> {
    const entry: JournalEntry = {
      generation: this.generation!,
      seq,
      changes: changes.map((c) => [c.collection, c.key, c.record]),
    };
    const line = JSON.stringify(entry) + '\n';
    this.journalHandle ??= await open(this.journal, 'a');
    await this.journalHandle.appendFile(line);
    this.journalBytes += Buffer.byteLength(line);
  }

  private async rewrite(snapshot: Snapshot): Promise<void> {
    const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.db.data = { ...snapshot, journal_generation: generation };
    await this.db.write();
    this.generation = generation;
    this.baseBytes = (await stat(this.file)).size;
    // Lines of the old generation are ignored from now on; emptying the journal only reclaims their space.
    this.journalHandle ??= await open(this.journal, 'a');
    await this.journalHandle.truncate(0);
    this.journalBytes = 0;
  }

  async close(): Promise<void> {
    await (this.next ?? this.current)?.catch(() => undefined);
    await this.journalHandle?.close();
    this.journalHandle = null;
  }
}

import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { isSnapshot, type Snapshot } from '../core/state.js';
import type { Store } from '../core/store.js';

export class UnreadableDataFileError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot use data file ${file}: ${reason}. It was left untouched; move it away or fix it to start the sandbox.`);
    this.name = 'UnreadableDataFileError';
  }
}

/**
 * The state as one lowdb JSON file. Group commit: at most one write is in flight; every commit that arrives
 * meanwhile shares the single write that follows it, which takes the snapshot when it starts. So a caller's
 * change is on disk when its promise resolves, and a burst of N requests costs about two writes, not N.
 */
export class LowdbStore implements Store {
  private readonly db: Low<Snapshot | null>;
  private snapshot: (() => Snapshot) | null = null;
  /** The write in progress, if any. */
  private current: Promise<void> | null = null;
  /** The write waiting for `current` to finish; late arrivals join it. */
  private next: Promise<void> | null = null;
  private loaded = false;
  /** How many writes reached the disk (group commit is visible in tests through this). */
  flushes = 0;

  constructor(readonly file: string) {
    this.db = new Low<Snapshot | null>(new DataFile(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }), null);
  }

  attach(snapshot: () => Snapshot): void {
    this.snapshot = snapshot;
  }

  async load(): Promise<Snapshot | null> {
    try {
      await this.db.read();
    } catch (error) {
      const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : String((error as Error).message);
      throw new UnreadableDataFileError(this.file, reason);
    }
    const data = this.db.data;
    if (data !== null && !isSnapshot(data)) throw new UnreadableDataFileError(this.file, 'not a sandbox data file');
    this.loaded = true;
    return data;
  }

  commit(): Promise<void> {
    if (this.next) return this.next;
    const previous = this.current ?? Promise.resolve();
    const write: Promise<void> = previous
      .catch(() => undefined)
      .then(() => {
        // From here on, new commits need a newer snapshot than the one taken now.
        this.next = null;
        this.current = write;
        return this.flush();
      })
      .finally(() => {
        if (this.current === write) this.current = null;
      });
    this.next = write;
    return write;
  }

  private async flush(): Promise<void> {
    // A store whose file could not be read never writes, so an unreadable file is never overwritten.
    if (!this.loaded || !this.snapshot) throw new Error('the data file was not loaded');
    this.db.data = this.snapshot();
    await this.db.write();
    this.flushes++;
  }

  async close(): Promise<void> {
    await (this.next ?? this.current)?.catch(() => undefined);
  }
}

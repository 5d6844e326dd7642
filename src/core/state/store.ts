import type { Snapshot } from './snapshot.js';
import type { Change } from './state.js';

/**
 * Where the sandbox's state is made durable. The sandbox keeps its state in memory and calls `commit()`
 * after every change; the answer is sent only when the returned promise resolves.
 */
export interface Store {
  /** The saved state, or null when there is none yet. */
  load(): Promise<Snapshot | null>;
  /** Resolves once the state as it is now (or newer) is durable. Calls that overlap share one write. */
  commit(): Promise<void>;
  /** Writes what is pending and releases the store. */
  close(): Promise<void>;
  /** Gives the store the state to save: whole, or as the records changed since it last asked. */
  attach(source: StoreSource): void;
}

export interface StoreSource {
  /** The id sequence, saved with every write so ids stay unique after a restart. */
  readonly seq: number;
  snapshot(): Snapshot;
  /** Records changed since the last call, or null when only a full rewrite is right. */
  takeChanges(): Change[] | null;
  /** Called after a write failed: the next write must be a full one. */
  needRewrite(): void;
  /** Starts recording changes for takeChanges (a store that only writes whole snapshots never calls it). */
  trackChanges(): void;
}

/** The default: nothing outlives the process. */
export class MemoryStore implements Store {
  async load(): Promise<Snapshot | null> {
    return null;
  }
  async commit(): Promise<void> {}
  async close(): Promise<void> {}
  attach(): void {}
}

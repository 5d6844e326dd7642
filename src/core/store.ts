import type { Snapshot } from './state.js';

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
  /** Gives the store the function that takes a snapshot of the current state. */
  attach(snapshot: () => Snapshot): void;
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

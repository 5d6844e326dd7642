import { errors } from '../errors.js';
import type { SandboxState } from './state.js';
import type { Store } from './store.js';

/** A change applied in memory whose save has not landed yet: the undo that takes it back if the save fails. */
interface Unsaved {
  undo(): void;
  reverted: boolean;
  /** Why it was taken back: the error of the save that failed (this one's or an earlier one it built on). */
  failure?: unknown;
}

/**
 * Every change of the state, all or nothing and durable before it is answered: the state's transaction in memory,
 * then the store's commit, and the whole change taken back when the commit fails.
 */
export class StateWriter {
  /** Changes applied in memory, oldest first, whose save has not landed yet. */
  private readonly unsaved: Unsaved[] = [];
  /** Changes applied so far: what the dashboard polls to know something happened. */
  private changeCount = 0;

  constructor(
    private readonly state: SandboxState,
    private readonly store: Store,
  ) {
    store.attach(state);
  }

  /** Grows with every change (a taken-back one too): cheap to poll for "something happened". */
  get version(): number {
    return this.changeCount;
  }

  /** Restores what the store holds. */
  async load(): Promise<void> {
    const saved = await this.store.load();
    if (saved) this.state.transaction(() => this.state.restore(saved));
    // What was just loaded is already on disk.
    this.state.takeChanges();
  }

  /**
   * One change, all or nothing: applied synchronously as a transaction, answered once it is saved. If the save
   * fails, this change and every later one still unsaved (they may build on it) are taken back, newest first.
   */
  async write<T>(change: () => T): Promise<T> {
    const { result, undo } = this.state.transaction(change);
    this.changeCount++;
    const entry: Unsaved = { undo, reverted: false };
    this.unsaved.push(entry);
    try {
      await this.store.commit();
    } catch (error) {
      this.revertFrom(entry, error);
    } finally {
      this.unsaved.splice(this.unsaved.indexOf(entry), 1);
    }
    if (entry.reverted) throw errors.storageFailed(entry.failure);
    return result;
  }

  /** Writes what is pending and releases the store. */
  close(): Promise<void> {
    return this.store.close();
  }

  private revertFrom(entry: Unsaved, failure: unknown): void {
    for (let i = this.unsaved.length - 1; i >= 0; i--) {
      const unsaved = this.unsaved[i]!;
      if (!unsaved.reverted) {
        unsaved.undo();
        unsaved.reverted = true;
        unsaved.failure = failure;
      }
      if (unsaved === entry) return;
    }
  }
}

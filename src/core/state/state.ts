import { describeProblems } from '../../contract/validation.js';
import { errors } from '../errors.js';
import { collectionNames, collections, type CollectionName, type Collections, type RecordOf, type TableOf } from './collections.js';
import { emptySnapshot, SnapshotSchema, unwrapState, type Snapshot } from './snapshot.js';
import { Table, type TableLog } from './table.js';

/** A record as it is now (null once deleted): what the file store appends instead of rewriting everything. */
export interface Change {
  collection: CollectionName;
  key: string;
  record: unknown;
}

type Tables = { [N in CollectionName]: TableOf<N> };

/** The writes of one change, so it can be taken back whole. */
class Transaction {
  readonly reverts: (() => void)[] = [];
  rewriteAll = false;
}

/**
 * The sandbox's data: one table per collection of the registry (collections.ts) and the id sequence. Every write
 * happens inside `transaction`: a change that throws leaves nothing behind, and a change whose save fails can be
 * taken back whole. Tables report their writes here, so no rule keeps an undo list or marks records for saving.
 */
export class SandboxState {
  private sequence = 0;
  readonly tables: Tables;
  private current: Transaction | null = null;
  /** Records changed since the store last took them (collection + key), when a file store asked to track them. */
  private readonly changed = new Map<string, { collection: CollectionName; key: string }>();
  private rewriteAll = false;
  private tracking = false;

  constructor() {
    const log: TableLog = {
      changing: (table, key, revert) => {
        const tx = this.open();
        tx.reverts.push(revert);
        if (this.tracking) this.changed.set(`${table}\u0000${key}`, { collection: table as CollectionName, key });
      },
      replacing: (_table, revert) => {
        const tx = this.open();
        tx.reverts.push(revert);
        tx.rewriteAll = true;
      },
    };
    this.tables = Object.fromEntries(collectionNames.map((name) => [name, new Table(collections[name] as never, log)])) as unknown as Tables;
  }

  get seq(): number {
    return this.sequence;
  }

  /** The next number of the sandbox-wide sequence (creation order, delivery ids). Never taken back: gaps are harmless. */
  nextSeq(): number {
    return ++this.sequence;
  }

  /**
   * Runs `change` as one transaction. If it throws, every write it made is undone before the error goes on.
   * Otherwise the answer carries `undo`, which takes the whole change back (when it could not be saved).
   */
  transaction<T>(change: () => T): { result: T; undo: () => void } {
    if (this.current) throw new Error('transactions do not nest');
    const tx = (this.current = new Transaction());
    let result: T;
    try {
      result = change();
    } catch (error) {
      this.current = null;
      this.revert(tx);
      throw error;
    } finally {
      this.current = null;
    }
    if (tx.rewriteAll) this.rewriteAll = true;
    return { result, undo: () => this.revert(tx) };
  }

  /** Joins an effect outside the tables (a scripted outcome used up) to the open transaction's undo. */
  undoWith(revert: () => void): void {
    this.open().reverts.push(revert);
  }

  trackChanges(): void {
    this.tracking = true;
  }

  /** What changed since the last call, or null when only a full rewrite is right (after a reset or an import). */
  takeChanges(): Change[] | null {
    const rewrite = this.rewriteAll;
    const changes: Change[] = [];
    if (!rewrite) {
      for (const { collection, key } of this.changed.values()) {
        changes.push({ collection, key, record: this.tables[collection].get(key) ?? null });
      }
    }
    this.changed.clear();
    this.rewriteAll = false;
    return rewrite ? null : changes;
  }

  /** After a write that may not have landed, the next one rewrites everything rather than trust a partial journal. */
  needRewrite(): void {
    this.rewriteAll = true;
  }

  /** Forgets everything of one merchant, or of all merchants (inside a transaction); tenants themselves stay. */
  clear(merchant?: string): void {
    for (const name of collectionNames) {
      const table = this.tables[name];
      if (table.spec.keptByReset) continue;
      if (merchant === undefined) table.replaceAll([]);
      // Every collection a reset clears holds records of one merchant each.
      else table.retain((record: object) => (record as { merchant: string }).merchant !== merchant);
    }
  }

  /** The whole state, each collection in the order its records were first stored. */
  snapshot(): Snapshot {
    const snapshot = emptySnapshot(this.sequence);
    for (const name of collectionNames) {
      const list = snapshot[name] as unknown[];
      // One push per record: a spread or an argument list would overflow the stack at a few hundred thousand.
      for (const record of this.tables[name].values()) list.push(record);
    }
    return snapshot;
  }

  /** Replaces everything with a snapshot already checked by `parseSnapshot` (inside a transaction). */
  restore(snapshot: Snapshot): void {
    const seq = this.sequence;
    this.open().reverts.push(() => (this.sequence = seq));
    this.sequence = snapshot.seq;
    for (const name of collectionNames) this.tables[name].replaceAll((snapshot[name] ?? []) as never[]);
  }

  private open(): Transaction {
    if (!this.current) throw new Error('state changes happen inside a transaction (core.write)');
    return this.current;
  }

  private revert(tx: Transaction): void {
    for (let i = tx.reverts.length - 1; i >= 0; i--) tx.reverts[i]!();
    tx.reverts.length = 0;
  }
}

/**
 * A snapshot from a file or an import (bare, or in GET /sandbox/state's envelope), checked whole before it may
 * replace anything: the outline, every record against its collection's schema, and no key twice. Collections a
 * file predates come back empty.
 */
export function parseSnapshot(document: unknown): Snapshot {
  const value = unwrapState(document);
  const problems = describeProblems(SnapshotSchema, value);
  if (problems.length > 0) throw errors.badRequest(`not a sandbox snapshot: ${problems.slice(0, 3).join('; ')}`);
  const snapshot = value as Partial<Snapshot> & { version: 1; seq: number };
  const whole = emptySnapshot(snapshot.seq);
  for (const name of collectionNames) {
    const records = (snapshot[name] ?? []) as RecordOf<typeof name>[];
    const spec = collections[name] as Collections[CollectionName] as { key(record: unknown): string };
    const seen = new Set<string>();
    for (const record of records) {
      const key = spec.key(record);
      if (seen.has(key)) throw errors.badRequest(`not a sandbox snapshot: ${name} holds ${key} twice`);
      seen.add(key);
    }
    (whole as Record<CollectionName, unknown>)[name] = records;
  }
  return whole;
}

import type { TSchema } from 'typebox';
import { copy } from '../copy.js';

/**
 * One collection of the state, declared once: its name (in snapshots and the journal), the schema every record
 * of it must satisfy, the key that identifies a record, and the secondary keys it is looked up by.
 */
export interface CollectionSpec<R, I extends string = string> {
  name: string;
  schema: TSchema;
  key(record: R): string;
  /** Secondary keys; null leaves the record out of that index. Each index keeps its records oldest first. */
  indexes: Record<I, (record: R) => string | null>;
  /** Kept by a reset: records that define who may call (tenants) rather than what was done. */
  keptByReset?: boolean;
}

/** Where a table reports its writes: the open transaction (to undo them) and the journal (to save them). */
export interface TableLog {
  /** Called before every write; throws when no transaction is open, so no write can escape one. */
  changing(table: string, key: string, revert: () => void): void;
  /** The same for a write that replaces a whole table: only a full rewrite can save it. */
  replacing(table: string, revert: () => void): void;
}

/**
 * The primary keys sharing one secondary key, oldest first. Most buckets hold one key (a merchant_uid, a
 * customer_uid), and a million of them must stay small: a bucket of one key is that key itself, not a list. A
 * replace keeps the key in place; removals (deletes, undos, a record leaving a filtered index) are rare.
 */
type Bucket = string | string[];

const keysOf = (bucket: Bucket | undefined): readonly string[] => (bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket);

/**
 * The one empty list every stored record holds where it holds an empty one (a payment has several), so empty
 * lists cost no heap per record. Frozen, so a rule that edited a stored record in place would fail loudly; none does (`update`
 * edits a copy, and copies get lists of their own).
 */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** Points each empty list of a record about to be stored (its fields and their fields) at EMPTY_LIST. */
function shareEmptyLists(value: Record<string, unknown>): void {
  for (const key in value) {
    const field = value[key];
    if (Array.isArray(field)) {
      if (field.length === 0) value[key] = EMPTY_LIST;
    } else if (field !== null && typeof field === 'object') shareEmptyLists(field as Record<string, unknown>);
  }
}

interface Rows<R, I extends string> {
  byKey: Map<string, R>;
  indexes: Map<I, Map<string, Bucket>>;
}

/**
 * The records of one collection, keyed and indexed, so every lookup is O(1) however much is stored. Records are
 * never edited in place: `update` stores an edited copy, so an undo only has to put the old object back. `I`
 * names the indexes, so looking one up by a name the collection does not declare is a compile error.
 */
export class Table<R, I extends string = string> {
  private rows: Rows<R, I>;

  constructor(
    readonly spec: CollectionSpec<R, I>,
    private readonly log: TableLog,
  ) {
    this.rows = this.emptyRows();
  }

  get name(): string {
    return this.spec.name;
  }

  get size(): number {
    return this.rows.byKey.size;
  }

  get(key: string): R | undefined {
    return this.rows.byKey.get(key);
  }

  /** Every record, in the order first stored. */
  values(): IterableIterator<R> {
    return this.rows.byKey.values();
  }

  /** The records with one secondary key, oldest first. */
  lookup(index: I, key: string): R[] {
    return keysOf(this.index(index).get(key)).map((primary) => this.rows.byKey.get(primary)!);
  }

  /** Stores a record, replacing the one with the same key. */
  put(record: R): R {
    const key = this.spec.key(record);
    const previous = this.rows.byKey.get(key);
    this.log.changing(this.name, key, () => this.set(key, previous));
    shareEmptyLists(record as Record<string, unknown>);
    this.set(key, record);
    return record;
  }

  /** Stores an edited copy of the record under `key` and answers it; the stored object itself is never changed. */
  update(key: string, edit: (draft: R) => void): R {
    const current = this.rows.byKey.get(key);
    if (!current) throw new Error(`${this.name}: no record ${key} to update`);
    const draft = copy(current);
    edit(draft);
    if (this.spec.key(draft) !== key) throw new Error(`${this.name}: an update may not change the key`);
    return this.put(draft);
  }

  delete(key: string): R | undefined {
    const previous = this.rows.byKey.get(key);
    if (!previous) return undefined;
    this.log.changing(this.name, key, () => this.set(key, previous));
    this.set(key, undefined);
    return previous;
  }

  /** Replaces every record at once (restore, import, reset); the undo puts the old set back as it was. */
  replaceAll(records: Iterable<R>): void {
    const before = this.rows;
    this.log.replacing(this.name, () => (this.rows = before));
    this.rows = this.emptyRows();
    for (const record of records) {
      shareEmptyLists(record as Record<string, unknown>);
      this.set(this.spec.key(record), record);
    }
  }

  /** Keeps only the records `keep` accepts (forgetting one merchant), as one replace. */
  retain(keep: (record: R) => boolean): void {
    const kept: R[] = [];
    for (const record of this.values()) if (keep(record)) kept.push(record);
    this.replaceAll(kept);
  }

  private index(name: I): Map<string, Bucket> {
    return this.rows.indexes.get(name)!;
  }

  /** Sets (or, with undefined, removes) the record under `key`, keeping every index in step. */
  private set(key: string, record: R | undefined): void {
    const previous = this.rows.byKey.get(key);
    for (const [name, index] of this.rows.indexes) {
      const of = this.spec.indexes[name];
      const before = previous ? of(previous) : null;
      const after = record ? of(record) : null;
      if (before === after) continue;
      if (before !== null) {
        const bucket = index.get(before)!;
        if (typeof bucket === 'string') index.delete(before);
        else {
          bucket.splice(bucket.lastIndexOf(key), 1);
          if (bucket.length === 1) index.set(before, bucket[0]!);
        }
      }
      if (after !== null) {
        const bucket = index.get(after);
        if (bucket === undefined) index.set(after, key);
        else if (typeof bucket === 'string') index.set(after, [bucket, key]);
        else bucket.push(key);
      }
    }
    if (record) this.rows.byKey.set(key, record);
    else this.rows.byKey.delete(key);
  }

  private emptyRows(): Rows<R, I> {
    const names = Object.keys(this.spec.indexes) as I[];
    return { byKey: new Map(), indexes: new Map(names.map((name) => [name, new Map()])) };
  }
}

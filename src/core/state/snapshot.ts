import Type, { type TSchema } from 'typebox';
import { MAX_SEQ } from '../../contract/records.js';
import { collectionNames, collections, type CollectionName, type RecordOf } from './collections.js';

/** The whole sandbox as plain JSON: what the file store writes and what export/import exchange. */
export type Snapshot = { version: 1; seq: number } & { [N in CollectionName]: RecordOf<N>[] };

/**
 * A snapshot as a file or an import may hold it: every collection is optional (files written before a collection
 * existed lack it) and every record must satisfy its collection's schema.
 */
export const SnapshotSchema = Type.Object(
  {
    version: Type.Literal(1),
    seq: Type.Integer({ minimum: 0, maximum: MAX_SEQ }),
    ...(Object.fromEntries(collectionNames.map((name) => [name, Type.Optional(Type.Array(collections[name].schema))])) as unknown as Record<CollectionName, TSchema>),
  },
  { description: 'The whole state (the format of GET/PUT /sandbox/state and of the --data file)' },
);

/** A snapshot with nothing in it. */
export function emptySnapshot(seq = 0): Snapshot {
  const snapshot = { version: 1, seq } as Snapshot;
  for (const name of collectionNames) (snapshot as Record<CollectionName, unknown[]>)[name] = [];
  return snapshot;
}

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

/**
 * What GET /sandbox/state answers, envelope and all: PUT /sandbox/state and the --data file take it as it is, so
 * a saved answer can be brought back without unwrapping it.
 */
const ExportedStateSchema = Type.Object(
  { code: Type.Literal(0), message: Type.Union([Type.String(), Type.Null()]), response: SnapshotSchema },
  { description: 'The answer of GET /sandbox/state, envelope included' },
);

/** A snapshot, bare or in the envelope GET /sandbox/state answers it in: what an import or a data file may hold. */
export const StateDocumentSchema = Type.Union([SnapshotSchema, ExportedStateSchema]);

/** The snapshot of a state document: the envelope's `response`, or the document itself. */
export function unwrapState(value: unknown): unknown {
  const envelope = value as { code?: unknown; response?: unknown } | null;
  const wrapped = typeof envelope === 'object' && envelope !== null && !('version' in envelope) && envelope.code === 0 && 'response' in envelope;
  return wrapped ? envelope.response : value;
}

/** A snapshot with nothing in it. */
export function emptySnapshot(seq = 0): Snapshot {
  const snapshot = { version: 1, seq } as Snapshot;
  for (const name of collectionNames) (snapshot as Record<CollectionName, unknown[]>)[name] = [];
  return snapshot;
}

import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataFile } from 'lowdb/node';
import { collectionNames } from '../core/state/collections.js';
import type { Snapshot } from '../core/state/snapshot.js';
import { COLUMNS_LAYOUT, readByLine } from './base-file-reader.js';
import { UnreadableDataFileError } from './errors.js';
import { fits, pushValues, shapeOf, type Shape } from './record-shapes.js';
import { SliceWriter } from './slice-writer.js';

/** The biggest file read whole when it is not in the sandbox's own layout (one string: V8's limit is ~512 MiB). */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * The base file's content as parsed JSON, or undefined when there is no file or it is empty. The layouts
 * `writeBaseFile` writes (today's and the one before) are read a line at a time, whatever their size: no string of
 * the whole state is ever built. Any other layout (a file written by hand, an export) is read whole by lowdb, one
 * string and one JSON.parse, up to `wholeFileLimit`: a JavaScript string cannot exceed ~512 MiB (V8).
 * `wholeFileLimit` is only lowered by tests, to see the line reader's refusals.
 */
export async function readBaseFile(file: string, wholeFileLimit = WHOLE_FILE_LIMIT): Promise<unknown> {
  try {
    const { size } = await stat(file);
    // An empty file (`touch db.json`, a fresh mktemp) holds no state yet: it starts an empty sandbox, as no file does.
    if (size === 0) return undefined;
    const layout = { columns: false };
    try {
      return await readByLine(file, wholeFileLimit, layout);
    } catch (error) {
      // A file whose header announced the column layout is the sandbox's own: read whole, it would only be refused less clearly.
      if (!(error instanceof UnreadableDataFileError) || size > wholeFileLimit || layout.columns) throw error;
    }
    return await new DataFile<unknown>(file, { parse: JSON.parse, stringify: JSON.stringify }).read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof UnreadableDataFileError) throw error;
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : String((error as Error).message);
    throw new UnreadableDataFileError(file, reason);
  }
}

/**
 * Writes `snapshot` as the new base file of journal `generation` and answers its size in bytes.
 *
 * Not lowdb's `write`: it stringifies the whole state as one string, which blocks the event loop for as long as
 * that takes and cannot exceed V8's string limit (~440,000 payments). Records are never edited once stored
 * (`Table.update` stores a copy), so the snapshot taken when the flush started stays as it was while later writes
 * go on: it is written in slices, the event loop running between them. Like lowdb, it writes a temp file and
 * renames it over the base file, so a crash leaves the old file or the new one, never half of one.
 *
 * The column layout: still one JSON document, one record per line so that a file too big to be one string is
 * read a line at a time (`readByLine`), but each collection names its records' keys once, in a shape line
 * ({"shape":[...]}), and each record is a list of its values ([shape, ...values]). Start-up then parses no key
 * and far less text. Text is written as ASCII (other characters as \u escapes), which the reader decodes as a
 * copy. The header's "layout" says which layout follows; without it, it is the one-record-per-line layout of
 * earlier versions, each record a JSON object, which is still read.
 */
export async function writeBaseFile(file: string, snapshot: Snapshot, generation: string): Promise<number> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  const out = new SliceWriter(handle);
  try {
    const header = JSON.stringify({ version: snapshot.version, seq: snapshot.seq, journal_generation: generation, layout: COLUMNS_LAYOUT });
    await out.put(`${ascii(header.slice(0, -1))},\n`);
    for (const [index, name] of collectionNames.entries()) {
      await out.put(`${JSON.stringify(name)}:[\n`);
      await writeRecords(out, snapshot[name] as unknown as Record<string, unknown>[]);
      await out.put(index < collectionNames.length - 1 ? '],\n' : ']}\n');
    }
    await out.flush();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await rename(temp, file);
  return out.bytes;
}

/** One collection's records: a shape line whenever a record's keys differ from the previous record's. */
async function writeRecords(out: SliceWriter, records: Record<string, unknown>[]): Promise<void> {
  const known = new Map<string, number>();
  let shape: Shape | null = null;
  let id = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (shape === null || !fits(record, shape)) {
      shape = shapeOf(record);
      const text = ascii(JSON.stringify(shape));
      const seen = known.get(text);
      id = seen ?? known.size;
      if (seen === undefined) {
        known.set(text, id);
        await out.put(`{"shape":${text}},\n`);
      }
    }
    const values: unknown[] = [id];
    pushValues(record, values);
    const written = out.put(ascii(JSON.stringify(values)) + (i < records.length - 1 ? ',\n' : '\n'));
    if (written) await written;
  }
}

const NOT_ASCII = /[\u0080-\uffff]/;
const NOT_ASCII_ALL = /[\u0080-\uffff]/g;

/** `json` with every character outside ASCII as its \u escape (JSON.parse reads it back the same). */
const ascii = (json: string) =>
  NOT_ASCII.test(json) ? json.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;

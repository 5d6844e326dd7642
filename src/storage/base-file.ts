import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataFile } from 'lowdb/node';
import { collectionNames } from '../core/state/collections.js';
import type { Snapshot } from '../core/state/snapshot.js';
import { UnreadableDataFileError } from './errors.js';

/**
 * Files up to this size are read whole by lowdb (one string, one JSON.parse), whatever their layout, so files
 * written by hand or by older versions keep working. A JavaScript string cannot exceed ~512 MiB (V8), so bigger
 * files are read a line at a time, which needs the one-record-per-line layout `writeBaseFile` produces.
 */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

/** How much JSON one slice of `writeBaseFile` builds before it writes it and lets the event loop run. */
const SLICE_CHARS = 1024 * 1024;

/**
 * The base file's content as parsed JSON, or undefined when there is no file. `wholeFileLimit` is only lowered by
 * tests, to read small files the way big ones are read.
 */
export async function readBaseFile(file: string, wholeFileLimit = WHOLE_FILE_LIMIT): Promise<unknown> {
  try {
    const { size } = await stat(file);
    if (size > wholeFileLimit) return await readByLine(file, wholeFileLimit);
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
 * that takes (420 ms at 20,000 payments) and cannot exceed V8's string limit (~440,000 payments). Records are never
 * edited once stored (`Table.update` stores a copy), so the snapshot taken when the flush started stays as it was
 * while later writes go on: it is written in slices, the event loop running between them. Like lowdb, it writes a
 * temp file and renames it over the base file, so a crash leaves the old file or the new one, never half of one.
 *
 * The layout is still plain JSON (hand-editable, readable by lowdb), with one record per line so that a file too
 * big to be one string can be read back a line at a time (`readByLine`).
 */
export async function writeBaseFile(file: string, snapshot: Snapshot, generation: string): Promise<number> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  let bytes = 0;
  let slice = '';
  const flushSlice = async () => {
    await handle.writeFile(slice);
    bytes += Buffer.byteLength(slice);
    slice = '';
  };
  try {
    const header = JSON.stringify({ version: snapshot.version, seq: snapshot.seq, journal_generation: generation });
    slice = `${header.slice(0, -1)},\n`;
    for (const [index, name] of collectionNames.entries()) {
      slice += `${JSON.stringify(name)}:[\n`;
      const records = snapshot[name] as unknown[];
      for (let i = 0; i < records.length; i++) {
        slice += JSON.stringify(records[i]) + (i < records.length - 1 ? ',\n' : '\n');
        if (slice.length >= SLICE_CHARS) await flushSlice();
      }
      slice += index < collectionNames.length - 1 ? '],\n' : ']}\n';
    }
    await flushSlice();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await rename(temp, file);
  return bytes;
}

/** Reads the layout `writeBaseFile` writes, one line at a time; anything else is refused, naming the line. */
async function readByLine(file: string, wholeFileLimit: number): Promise<unknown> {
  const refuse = (line: number, problem: string) =>
    new UnreadableDataFileError(
      file,
      `line ${line}: ${problem} (a file over ${Math.round(wholeFileLimit / 1024 / 1024)} MiB must keep the one-record-per-line layout the sandbox writes)`,
    );
  const parse = (line: number, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw refuse(line, `not valid JSON (${(error as Error).message})`);
    }
  };
  const handle = await open(file);
  try {
    let n = 0;
    let whole: Record<string, unknown> | null = null;
    let records: unknown[] | null = null;
    let ended = false;
    for await (const line of handle.readLines()) {
      n++;
      if (ended) {
        if (line.trim() !== '') throw refuse(n, 'text after the end of the snapshot');
      } else if (whole === null) {
        const header = line.endsWith(',') ? parse(n, `${line.slice(0, -1)}}`) : null;
        if (typeof header !== 'object' || header === null || Array.isArray(header)) throw refuse(n, 'not the snapshot\'s first line');
        whole = header as Record<string, unknown>;
      } else if (records === null) {
        const name = line.endsWith(':[') ? parse(n, line.slice(0, -2)) : null;
        if (typeof name !== 'string') throw refuse(n, 'not the start of a collection ("name":[)');
        whole[name] = records = [];
      } else if (line === '],' || line === ']}') {
        records = null;
        ended = line === ']}';
      } else {
        records.push(parse(n, line.endsWith(',') ? line.slice(0, -1) : line));
      }
    }
    if (!ended) throw refuse(n, 'the file ends before the snapshot does');
    return whole;
  } finally {
    await handle.close();
  }
}

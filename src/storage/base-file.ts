import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataFile } from 'lowdb/node';
import { collectionNames } from '../core/state/collections.js';
import type { Snapshot } from '../core/state/snapshot.js';
import { UnreadableDataFileError } from './errors.js';

/** The biggest file read whole when it is not in the sandbox's own layout (one string: V8's limit is ~512 MiB). */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

/** How much JSON one slice of `writeBaseFile` builds before it writes it and lets the event loop run. */
const SLICE_CHARS = 1024 * 1024;

/**
 * The base file's content as parsed JSON, or undefined when there is no file or it is empty. The layout `writeBaseFile` writes is
 * read a line at a time, whatever its size: no string of the whole state is ever built. Any other layout (a file
 * written by hand) is read whole by lowdb, one string and one JSON.parse, up to `wholeFileLimit`: a JavaScript
 * string cannot exceed ~512 MiB (V8). `wholeFileLimit` is only lowered by tests, to see the line reader's refusals.
 */
export async function readBaseFile(file: string, wholeFileLimit = WHOLE_FILE_LIMIT): Promise<unknown> {
  try {
    const { size } = await stat(file);
    // An empty file (`touch db.json`, a fresh mktemp) holds no state yet: it starts an empty sandbox, as no file does.
    if (size === 0) return undefined;
    try {
      return await readByLine(file, wholeFileLimit);
    } catch (error) {
      if (!(error instanceof UnreadableDataFileError) || size > wholeFileLimit) throw error;
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
  let n = 0;
  let whole: Record<string, unknown> | null = null;
  let records: unknown[] | null = null;
  let ended = false;
  const onLine = (line: string) => {
    n++;
    if (ended) {
      if (line.trim() !== '') throw refuse(n, 'text after the end of the snapshot');
    } else if (whole === null) {
      const header = line.endsWith(',') ? parse(n, `${line.slice(0, -1)}}`) : null;
      if (typeof header !== 'object' || header === null || Array.isArray(header)) throw refuse(n, "not the snapshot's first line");
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
  };
  const handle = await open(file);
  try {
    // The first line is the short header; a file whose first chunk holds no line break is another layout.
    await eachLine(handle, onLine, () => refuse(1, "not the snapshot's first line"));
  } finally {
    await handle.close();
  }
  if (!ended) throw refuse(n, 'the file ends before the snapshot does');
  return whole;
}

/** Bytes read at a time by `eachLine`. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Calls `onLine` with each line of the file (UTF-8, without its line break), read in chunks: several times faster
 * than readline, which costs promises and events per line. `noFirstLine` is thrown when the first chunk has no
 * line break, so a file of another layout is not gathered into one line.
 */
async function eachLine(handle: FileHandle, onLine: (line: string) => void, noFirstLine: () => Error): Promise<void> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The start of a line that runs on past the chunks read so far.
  let pending: Buffer[] = [];
  let first = true;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) break;
    const data = chunk.subarray(0, bytesRead);
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      const line = pending.length === 0 ? data.toString('utf8', start, end) : Buffer.concat([...pending, data.subarray(0, end)]).toString('utf8');
      pending = [];
      onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = end + 1;
    }
    if (first && start === 0) throw noFirstLine();
    first = false;
    // Copied: the chunk is read into again.
    if (start < bytesRead) pending.push(Buffer.from(data.subarray(start)));
  }
  if (pending.length > 0) onLine(Buffer.concat(pending).toString('utf8'));
}

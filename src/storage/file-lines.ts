import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

/** Bytes read at a time by `eachLine`. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Calls `onLine` with each line of the file (UTF-8, without its line break), read in chunks: several times faster
 * than readline, which costs promises and events per line. The whole lines of a chunk are decoded at once, as
 * Latin-1 when they are ASCII (a copy, where UTF-8 decoding inspects every byte: the sandbox writes its files in
 * ASCII). `noFirstLine` is thrown when the first chunk has no line break, so a file of another layout is not
 * gathered into one line.
 */
export async function eachLine(handle: FileHandle, onLine: (line: string) => void, noFirstLine: () => Error): Promise<void> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The start of a line that runs on past the chunks read so far.
  let pending: Buffer[] = [];
  let first = true;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) break;
    const data = chunk.subarray(0, bytesRead);
    const last = data.lastIndexOf(10);
    if (first && last === -1) throw noFirstLine();
    first = false;
    if (last !== -1) {
      // The line begun in earlier chunks ends at the first line break: joined on its own, the rest is not copied.
      const rest = pending.length === 0 ? 0 : data.indexOf(10) + 1;
      if (rest > 0) splitLines(Buffer.concat([...pending, data.subarray(0, rest - 1)]), onLine);
      pending = [];
      if (rest <= last) splitLines(data.subarray(rest, last), onLine);
    }
    // Copied: the chunk is read into again.
    if (last + 1 < bytesRead) pending.push(Buffer.from(data.subarray(last + 1)));
  }
  if (pending.length > 0) splitLines(Buffer.concat(pending), onLine);
}

/**
 * Calls `onLine` with each line of `bytes` (whole lines only). ASCII is decoded at once, as Latin-1; other text a
 * line at a time, so each line is a string of its own (JSON.parse of slices of one big two-byte string is slower).
 */
function splitLines(bytes: Buffer, onLine: (line: string) => void): void {
  const ascii = isAscii(bytes);
  const text = ascii ? bytes.toString('latin1') : '';
  const breakAt = ascii ? (from: number) => text.indexOf('\n', from) : (from: number) => bytes.indexOf(10, from);
  const slice = ascii ? (from: number, to: number) => text.slice(from, to) : (from: number, to: number) => bytes.toString('utf8', from, to);
  for (let start = 0; ; ) {
    const end = breakAt(start);
    const line = slice(start, end === -1 ? bytes.length : end);
    onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (end === -1) return;
    start = end + 1;
  }
}

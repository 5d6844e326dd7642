import { closeSync, fstatSync, ftruncate, openSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const truncateFd = promisify(ftruncate);

/**
 * The journal kept open for appending between flushes. An append is one synchronous `write` on the event loop's
 * thread: a line of a few kilobytes lands in the page cache at once, which is cheaper than handing it to the
 * threadpool and waking the loop again for its promise. Only the truncation after a compaction stays asynchronous,
 * as it may free a large file's blocks.
 */
export class JournalFile {
  private fd: number | null = null;

  constructor(readonly path: string) {}

  /** Opens the journal (creating it) unless it is open: a rewrite checks it can write the journal before anything else. */
  open(): number {
    return (this.fd ??= openSync(this.path, 'a'));
  }

  /** Appends `line` whole and returns its size in bytes; throws if the journal is no longer the one at its path. */
  append(line: string): number {
    const fd = this.open();
    const bytes = Buffer.byteLength(line);
    const written = writeSync(fd, line);
    // A regular file takes a short write only when the disk fills up; the rest is tried, so that error is reported.
    if (written < bytes) writeAll(fd, Buffer.from(line).subarray(written));
    // A journal deleted or replaced under the open descriptor swallows appends into a file no restart reads.
    if (fstatSync(fd).nlink === 0) throw new Error(`${this.path} was removed or replaced while in use`);
    return bytes;
  }

  /** Empties the journal, once its lines belong to an older generation. */
  async truncate(): Promise<void> {
    await truncateFd(this.open(), 0);
  }

  /** Closes the descriptor; the next append opens the path again (it may have been replaced). */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // A descriptor that cannot be closed cleanly is forgotten all the same.
    }
  }
}

function writeAll(fd: number, rest: Buffer): void {
  while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
}

/** A data file or journal the store will not start from; nothing was written to it. */
export class UnreadableDataFileError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot use data file ${file}: ${reason}. It was left untouched; move it away or fix it to start the sandbox.`);
    this.name = 'UnreadableDataFileError';
  }
}

/**
 * A flush that did not reach the disk. It names the files, since a handle's write error (ENOSPC on an append) does
 * not, and keeps the system error as `cause` (code ENOSPC, EACCES, ENOENT…) for the 503's log line.
 */
export class DataFileWriteError extends Error {
  constructor(file: string, journal: string, cause: unknown) {
    super(`cannot save to data file ${file} (journal ${journal}): ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'DataFileWriteError';
  }
}

import { constants } from 'node:fs';
import { access, open, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The --data location cannot take writes: start-up stops here rather than answer 503 to every write later. */
export class UnwritableDataFileError extends Error {
  override name = 'UnwritableDataFileError';
  constructor(file: string, reason: string) {
    super(`cannot write the data file ${file}: ${reason} (create its directory, fix its permissions, or pick another --data path)`);
  }
}

const reasonOf = (error: unknown) => (error as Error).message;

/**
 * Checks that the data file and the journal beside it can be written, before the server starts: an existing file
 * must be writable, and its directory must take a new file (probed with an empty file that is removed at once, so
 * a new store writes no data until its first change).
 */
export async function assertWritableDataFile(file: string): Promise<void> {
  try {
    await access(file, constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UnwritableDataFileError(file, reasonOf(error));
  }
  const probe = join(dirname(file), `.iamport-sandbox-probe-${process.pid}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    throw new UnwritableDataFileError(file, reasonOf(error));
  }
  await unlink(probe);
}

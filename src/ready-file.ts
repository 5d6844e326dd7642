import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `url` and a newline to `file` for `iamport-sandbox wait --ready-file` (and any script) to read: through a
 * temp file renamed over it, so a reader finds the whole URL or no file, never half of one.
 */
export async function writeReadyFile(file: string, url: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${url}\n`);
  await rename(temp, file);
}

/** Removes the ready file: before listening (one left by an earlier run names an address that may be gone), and at exit. */
export async function removeReadyFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes the URLs, a line each, to `file` for `iamport-sandbox wait --ready-file` (and any script) to read: the
 * plain one first (what `wait` reads), then the HTTPS listener's if there is one. Through a temp file renamed over
 * it, so a reader finds every URL or no file, never half of one.
 */
export async function writeReadyFile(file: string, urls: readonly string[]): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, urls.map((url) => `${url}\n`).join(''));
  await rename(temp, file);
}

/** Removes the ready file: before listening (one left by an earlier run names an address that may be gone), and at exit. */
export async function removeReadyFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

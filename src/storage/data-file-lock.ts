import { link, readFile, rm, writeFile } from 'node:fs/promises';

/**
 * Another live sandbox holds the data file. Two processes on one file would each acknowledge writes from their
 * own state, and a restart would keep only one of them: the second refuses to start instead.
 */
export class DataFileLockedError extends Error {
  override name = 'DataFileLockedError';
  constructor(file: string, pid: number, lock: string) {
    super(`data file ${file} is in use by another iamport-sandbox (pid ${pid}; lock ${lock}): stop that one, or pick another --data path`);
  }
}

/** The lock files this process holds: its own PID in a lock it does not hold is a lock left by an earlier life. */
const held = new Set<string>();

/** Whether the process that wrote `pid` into `lock` still runs. */
function holderAlive(pid: number, lock: string): boolean {
  // A container restarted on the same volume gets the same PID (often 1) as the one that left the lock.
  if (pid === process.pid) return held.has(lock);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, only owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(lock: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(lock, 'utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Held by this process until `release`, which removes the lock file (if it is still this process's). */
export interface DataFileLock {
  release(): Promise<void>;
}

/**
 * Takes `FILE.lock`, which holds the PID of the sandbox using FILE. A lock whose process is gone (`kill -9`, a
 * crash, a container restart) is taken over. The PID is written to a temp file that is then linked to the lock's
 * name, so the lock appears whole or not at all: a reader never sees it empty.
 */
export async function lockDataFile(file: string): Promise<DataFileLock> {
  const lock = `${file}.lock`;
  const temp = `${lock}.${process.pid}`;
  await writeFile(temp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, lock);
        held.add(lock);
        return { release: () => release(lock) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(lock);
      if (holder !== null && holderAlive(holder, lock)) throw new DataFileLockedError(file, holder, lock);
      await rm(lock, { force: true });
    }
    throw new Error(`cannot take the lock ${lock}: other processes keep taking it`);
  } finally {
    await rm(temp, { force: true });
  }
}

async function release(lock: string): Promise<void> {
  if (!held.delete(lock)) return;
  if ((await holderOf(lock).catch(() => null)) === process.pid) await rm(lock, { force: true });
}

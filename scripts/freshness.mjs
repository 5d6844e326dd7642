// Whether a build step's outputs are older than what they are made of: the bundle scripts skip their work when
// nothing changed, so `npm start` starts at once the second time.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time of a file, or of anything below a folder. */
const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
};

const modified = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** True when an output is missing or older than the newest input. */
export const stale = (outputs, inputs) => Math.min(...outputs.map(modified)) < Math.max(...inputs.map(newest));

import { readFileSync } from 'node:fs';

/**
 * The version in the package's package.json. Read when asked, from beside `dist/`: the built CLI (dist/src/cli.js,
 * its bundle and dist/src/cli-main.js alike) sits two folders under the package root.
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

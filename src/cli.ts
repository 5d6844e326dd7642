#!/usr/bin/env node
// The command: the package's bin, `npm start` and the container run this file. It runs the CLI (cli-main.ts) from
// the single file `npm run build` bundles it into (scripts/bundle-cli.mjs): importing the ~900 files of Fastify,
// TypeBox, Ajv and the rest one by one took longer than everything else a start does. V8's code cache for that file
// is kept beside it (dist/.v8-cache, or the OS temp directory when dist is read-only), so after the first start
// V8 skips parsing and compiling what the start runs. The cache is V8's own format, checked by V8 (its version and
// flags) and named after Node's version and the bundle's hash, so a stale or foreign cache is never used.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./cli-main.bundle.cjs', import.meta.url));
const source = readFileSync(bundle, 'utf8');
// The bundle's first line is `// <hash of the rest>`, written by the bundler.
const hash = /^\/\/ ([0-9a-f]+)\n/.exec(source)?.[1] ?? 'unhashed';
const sameNode = `cli-main-${process.version}-${process.arch}-`;
const name = `${sameNode}${hash}.v8cache`;
const places = [join(dirname(bundle), '..', '.v8-cache'), join(tmpdir(), 'iamport-sandbox-v8-cache')];

let cachedData: Buffer | undefined;
for (const place of places) {
  try {
    cachedData = readFileSync(join(place, name));
    break;
  } catch {
    // not cached there
  }
}

const script = new Script(`(function (exports, require, module, __filename, __dirname, __importMetaUrl) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
const module = { exports: {} as { run(): Promise<{ command: string; warm: Promise<void> }> } };
(script.runInThisContext() as (...args: unknown[]) => void)(
  module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href,
);
const { command, warm } = await module.exports.run();

// Saved as soon as the server listens, so the cache holds the code of a whole start even for a server stopped at once
// (often by SIGKILL, so never at exit); `openapi` runs most of it too.
// Saved again once requests pause after the first answer, so the next start also skips compiling what the first
// requests ran: a getToken and the charges after it (the Dockerfile bakes the cache into the image that way:
// scripts/bake-code-cache.mjs). Where nothing can be
// written, nothing is. `--help`, `--version` and `wait` run too little to be worth keeping: a cache saved by them (a
// `wait` started beside the server, say) would hold less than the server's.
function saveCache(): void {
  const data = script.createCachedData();
  for (const place of places) {
    try {
      mkdirSync(place, { recursive: true });
      const file = join(place, name);
      writeFileSync(`${file}.${process.pid}`, data);
      renameSync(`${file}.${process.pid}`, file);
      // Caches of earlier bundles for this Node are never read again. Other Nodes' caches stay (one dist may be run
      // by several Node versions), and so does the shared temp directory, where another install's cache may be.
      if (place === places[0]) {
        for (const old of readdirSync(place)) if (old.startsWith(sameNode) && old !== name) rmSync(join(place, old), { force: true });
      }
      return;
    } catch {
      // read-only: try the next place
    }
  }
}

if ((command === 'serve' || command === 'openapi') && (!cachedData || script.cachedDataRejected)) {
  saveCache();
  if (command === 'serve') void warm.then(saveCache);
}

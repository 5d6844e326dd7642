import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';

// `npm start` builds before it runs (a fresh clone has no dist), and that build compiles nothing when no source
// changed: `tsc -b` compares its build info with the sources, and the CLI's bundle and the pages' browser bundles are
// made again only when a source is newer than them, so a second start begins at once.
const root = new URL('../..', import.meta.url).pathname;
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const tsc = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json', ...args], { cwd: root, encoding: 'utf8' });
const node = (script: string) => execFileSync(process.execPath, [join(root, script)], { cwd: root, encoding: 'utf8' });
const bundle = () => {
  node('scripts/bundle-cli.mjs');
  node('scripts/precompile-validators.mjs');
  node('scripts/bundle-browser.mjs');
};

t.test('npm start runs the incremental build, then the built CLI', async (t) => {
  // exec: the shell npm starts becomes the server, so npm's signals reach it (test/cli/signals.test.ts).
  t.equal(scripts.start, 'npm run build --silent && exec node dist/src/cli.js');
  t.equal(
    scripts.build,
    'tsc -b tsconfig.build.json && node scripts/bundle-cli.mjs && node scripts/precompile-validators.mjs && node scripts/bundle-browser.mjs',
  );
});

t.test('the build after a build writes nothing', async (t) => {
  // the state npm start finds after a first start (npm test's pretest built it too)
  tsc();
  bundle();
  const outputs = ['dist/src/cli.js', 'dist/src/cli-main.bundle.cjs', 'dist/src/validators/index.cjs', 'dist/browser/checkout.js', 'dist/browser/iamport.js'].map((path) => join(root, path));
  const before = outputs.map((path) => statSync(path).mtimeMs);
  t.match(tsc('--dry'), /is up to date/, 'tsc -b sees nothing to do');
  tsc();
  bundle();
  t.same(outputs.map((path) => statSync(path).mtimeMs), before, 'neither the CLI nor its bundles were rewritten');
});

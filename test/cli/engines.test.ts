import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import t from 'tap';

// The Node range the package claims holds for every production dependency installed from the lockfile: a claim
// wider than a dependency's (fastify's cookie and content-disposition say >=22, faker ^22.13 on 22) would let
// users install it where those refuse to be supported.
// semver comes with fastify (a production dependency); its types are not installed, so the one call is typed here.
const semver = createRequire(import.meta.url)('semver') as { subset(sub: string, dom: string): boolean };

const root = new URL('../..', import.meta.url).pathname;
const claimed: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;

t.test(`every production dependency supports the claimed Node range (${claimed})`, async (t) => {
  const dirs = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .filter(Boolean);
  t.ok(dirs.length > 50, 'the production tree is listed');
  const narrower = dirs.flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const range: string | undefined = manifest.engines?.node;
    return range && !semver.subset(claimed, range) ? [`${manifest.name}@${manifest.version} needs ${range}`] : [];
  });
  t.same(narrower, []);
});

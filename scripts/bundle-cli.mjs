// Bundles the CLI (src/cli-main.ts and everything it imports) into one file, dist/src/cli-main.bundle.cjs, which
// dist/src/cli.js runs; see src/cli.ts. Run by `npm run build` after tsc.
import { createHash } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { stale } from './freshness.mjs';

const output = 'dist/src/cli-main.bundle.cjs';
// What the bundle is made of; when none of it changed since the bundle was written, `npm start` starts at once.
const inputs = ['src', 'fixtures', 'package-lock.json', 'scripts/bundle-cli.mjs'];
if (stale([output], inputs)) await bundle();
// tsc writes the bin without the execute bit. npm sets it when it installs the package, but a checkout runs the file
// as built: `npx iamport-sandbox` in a project that links it, or `./dist/src/cli.js`.
chmodSync('dist/src/cli.js', 0o755);

/** esbuild: the CLI and everything it imports, as one script. */
async function bundle() {
  const result = await build({
    entryPoints: ['src/cli-main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // Loaded from node_modules when used: /docs (built on first use; swagger-ui serves files from its own folder)
    // and pino-pretty (on a terminal only).
    external: ['@fastify/swagger', '@fastify/swagger-ui', 'pino-pretty'],
    // The bundle runs as a function, not a module: src/cli.ts passes the bundle's URL.
    define: { 'import.meta.url': '__importMetaUrl' },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(output, `// ${hash}\n${code}`);
}

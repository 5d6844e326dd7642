// Bundles the browser modules (src/browser) into one script per page, dist/browser/<name>.js, which the HTTP door
// serves (src/http/browser-scripts.ts). Run by `npm run build` after tsc: the certification refusal the SDK
// stand-in answers is the core's, read from tsc's output. Each bundle stands alone (IIFE), for any page to load.
import { join } from 'node:path';
import { build } from 'esbuild';
import { stale } from './freshness.mjs';

const outdir = 'dist/browser';
/** Bundle name: its entry module. */
const entries = {
  iamport: 'src/browser/iamport.ts',
  dashboard: 'src/browser/dashboard/dashboard.ts',
  checkout: 'src/browser/checkout.ts',
  example: 'src/browser/example.ts',
  'reload-restored': 'src/browser/reload-restored.ts',
  docs: 'src/browser/docs.ts',
};
// What the bundles are made of; when none of it changed since they were written, the build writes nothing.
const inputs = ['src', 'package-lock.json', 'scripts/bundle-browser.mjs'];
const outputs = Object.keys(entries).map((name) => join(outdir, `${name}.js`));
if (stale(outputs, inputs)) await bundle();

/** esbuild: each page's module and what it imports, as one script; a dependency from node_modules is an error. */
async function bundle() {
  const { refusals } = await import('../dist/src/core/window/window-request.js');
  const result = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2020'],
    charset: 'utf8',
    legalComments: 'none',
    metafile: true,
    // JSON text, so the script carries the core's refusal exactly as the vendor's SDK would answer it.
    define: { CERTIFICATION_REFUSAL: JSON.stringify(JSON.stringify(refusals.certification())) },
    logLevel: 'warning',
  });
  const foreign = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('src/'));
  if (foreign.length > 0) throw new Error(`browser bundles take only src/ modules, not ${foreign.join(', ')}`);
}

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import t from 'tap';

// The msw entry must bundle for a browser (a service worker): no Node builtins, no Fastify, no file store. The one
// builtin the router (find-my-way) asks for, `node:assert`, is aliased to the shim the package ships, as the
// README tells browser bundles to do.
const entry = fileURLToPath(new URL('../../src/msw/index.ts', import.meta.url));
const assertShim = fileURLToPath(new URL('../../src/msw/assert.cts', import.meta.url));
const serverOnly = [/(^|\/)node_modules\/(fastify|@fastify|pino|avvio|light-my-request)\//, /(^|\/)node_modules\/lowdb\/lib\/node/, /(^|\/)src\/(http|storage|server)/];

t.test('the msw entry bundles for the browser without server code', async (t) => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { 'node:assert': assertShim },
  });
  t.same(result.errors, [], 'esbuild resolves every import for the browser (a node: builtin would be an error)');
  const inputs = Object.keys(result.metafile.inputs);
  t.ok(inputs.some((input) => input.endsWith('src/msw/handlers.ts')), 'the handlers are in the bundle');
  t.ok(inputs.some((input) => input.endsWith('src/core/sandbox.ts')), 'and the core they serve');
  t.ok(inputs.some((input) => input.endsWith('src/msw/assert.cts')), 'the router gets the assert shim');
  t.same(inputs.filter((input) => input.startsWith('node:') || serverOnly.some((pattern) => pattern.test(input))), [], 'no server-only module');
  const [output] = result.outputFiles;
  t.notMatch(output!.text, /from ["']node:|require\(["']node:/, 'no node: import survives in the output');
});

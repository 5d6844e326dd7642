import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';

// The browser modules (src/browser), as `npm run build` bundles them into dist/browser (scripts/bundle-browser.mjs).
// They are read from the package's root, which the compiled files, the CLI's single-file bundle and the sources
// (run by the tests) all sit under at different depths.

/**
 * The bundles a page of the sandbox loads by name; `iamport` is served at /v1/iamport.js instead, `docs` by
 * swagger-ui as its theme's script (src/http/docs-server.ts).
 */
export type PageScript = 'dashboard' | 'checkout' | 'example' | 'reload-restored';
type Bundle = PageScript | 'iamport' | 'docs';

const PAGE_SCRIPTS: readonly PageScript[] = ['dashboard', 'checkout', 'example', 'reload-restored'];

/** Where a page loads one of its bundles from. */
export const pageScriptPath = (name: PageScript) => `/sandbox/assets/${name}.js`;

function packageRoot(): URL {
  let dir = new URL('.', import.meta.url);
  while (!existsSync(new URL('package.json', dir))) {
    const parent = new URL('..', dir);
    if (parent.href === dir.href) throw new Error(`no package.json above ${import.meta.url}`);
    dir = parent;
  }
  return dir;
}

const cache = new Map<Bundle, string>();

/** A bundle's text, read once; a sandbox run from sources that were never built says so. */
export async function bundleText(name: Bundle): Promise<string> {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const file = new URL(`dist/browser/${name}.js`, packageRoot());
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`the browser bundle ${file.pathname} is missing: run npm run build`, { cause: error });
  });
  cache.set(name, text);
  return text;
}

/** A script's answer: the bundle, which a browser asks for again each time (a restarted sandbox may hold a new build). */
export async function sendScript(reply: FastifyReply, name: Bundle): Promise<FastifyReply> {
  return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(await bundleText(name));
}

/** Serves the pages' bundles, one route each: any other path under /sandbox/assets is the API's 404. */
export function registerPageScripts(app: FastifyInstance): void {
  for (const name of PAGE_SCRIPTS) app.get(pageScriptPath(name), { schema: { hide: true } }, async (_request, reply) => sendScript(reply, name));
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import t from 'tap';
import ts from 'typescript';

// The layering rules live in eslint.config.js and the module graph in the imports themselves; both rot silently
// when nothing exercises them, so this test does.

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

t.test('lint refuses imports that point outward', async (t) => {
  const eslint = new ESLint({ cwd: root });
  const refusedText = async (file: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: join(root, file) });
    return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports');
  };
  const refused = (file: string, specifier: string) => refusedText(file, `import '${specifier}';\n`);
  const outward: [string, string][] = [
    ['src/core/probe.ts', '../server.js'],
    ['src/core/probe.ts', '../config.js'],
    ['src/core/probe.ts', '../cli.js'],
    ['src/core/probe.ts', '../http/app.js'],
    ['src/core/probe.ts', '../msw/index.js'],
    ['src/core/probe.ts', '../storage/lowdb-store.js'],
    ['src/core/probe.ts', '../outbound/fetch-webhook-transport.js'],
    ['src/core/webhooks/probe.ts', '../../index.js'],
    ['src/api/probe.ts', '../index.js'],
    ['src/core/time/probe.ts', '../../config.js'],
    ['src/contract/probe.ts', '../server.js'],
    ['src/api/probe.ts', '../config.js'],
    ['src/msw/probe.ts', '../http/app.js'],
    ['src/msw/probe.ts', '../storage/lowdb-store.js'],
    ['src/msw/probe.ts', '../server.js'],
    ['src/msw/probe.ts', '../config.js'],
    ['src/browser/probe.ts', '../http/html.js'],
    ['src/browser/dashboard/probe.ts', '../../api/operations.js'],
    ['src/browser/probe.ts', 'node:fs'],
    ['src/browser/probe.ts', 'fastify'],
    ['src/browser/probe.ts', 'msw'],
    ['src/browser/probe.ts', 'lowdb'],
    ['src/browser/probe.ts', '../storage/lowdb-store.js'],
    ['src/browser/probe.ts', '../contract/window.js'],
    ['src/browser/dashboard/probe.ts', '../../core/window/window-request.js'],
  ];
  for (const [file, specifier] of outward) t.ok(await refused(file, specifier), `${file} may not import ${specifier}`);
  const inward: [string, string][] = [
    ['src/core/probe.ts', './errors.js'],
    ['src/core/time/probe.ts', '../../contract/merchant.js'],
    ['src/msw/probe.ts', '../core/sandbox.js'],
    ['src/msw/probe.ts', '../index.js'],
    ['src/core/probe.ts', './webhooks/transport.js'],
    ['src/http/probe.ts', '../config.js'],
    ['src/browser/dashboard/probe.ts', '../korean-labels.js'],
    ['src/http/probe.ts', '../browser/korean-labels.js'],
  ];
  for (const [file, specifier] of inward) t.notOk(await refused(file, specifier), `${file} may import ${specifier}`);
  const typeOnly = "import type { WindowCheckoutSchema } from '../contract/window.js';\nexport type Probe = typeof WindowCheckoutSchema;\n";
  t.notOk(await refusedText('src/browser/probe.ts', typeOnly), 'src/browser may import types of the contract');
});

/** Every .ts file under `dir`, as absolute paths. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

/** The files a module imports or re-exports from by a relative path, type-only ones included. */
function relativeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements
    .flatMap((s) => ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier ? [s.moduleSpecifier] : []))
    .filter(ts.isStringLiteral)
    .map((specifier) => specifier.text)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

/** Strongly connected components of more than one file (Tarjan): each is a knot of mutually importing modules. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

t.test('no import cycles in src', async (t) => {
  const graph = new Map(sources(src).map((file) => [file, relativeImports(file)]));
  const knots = cycles(graph);
  for (const files of knots) t.fail(`import cycle among ${files.map((f) => relative(src, f)).join(', ')}`);
  if (knots.length === 0) t.pass('no import cycles');
});

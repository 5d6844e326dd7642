import { readFileSync } from 'node:fs';
import t from 'tap';
import { COVERAGE_END, COVERAGE_START, coverageTable } from '../../src/api/coverage-table.js';
import { operations } from '../../src/api/operations.js';
import { vendorCatalogue } from '../../src/api/vendor-catalogue.js';

// Every one of the vendor's 80 operations is either served by an operation table or deliberately refused.

const routeOf = (method: string, path: string) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
const mounted = new Map(operations.map((operation) => [routeOf(operation.method, operation.path), operation]));

t.test('the catalogue holds the vendor\'s 80 operations, each route once', async (t) => {
  t.equal(vendorCatalogue.length, 80);
  t.equal(new Set(vendorCatalogue.map((entry) => routeOf(entry.method, entry.path))).size, 80);
});

t.test('each vendor operation is served or refused, under the vendor\'s operationId', async (t) => {
  const missing = vendorCatalogue.filter((entry) => mounted.get(routeOf(entry.method, entry.path))?.operationId !== entry.operationId);
  const list = missing.map((entry) => `  ${entry.method} ${entry.path} (${entry.operationId})`).join('\n');
  t.equal(missing.length, 0, `neither served nor refused:\n${list}`);
});

t.test('a refused operation is refused because the vendor documents it for other PGs only', async (t) => {
  for (const entry of vendorCatalogue.filter((entry) => entry.refused)) {
    t.notOk(entry.refused!.pgs.includes('settle'), `${entry.operationId} is not documented for settle`);
    t.same(mounted.get(routeOf(entry.method, entry.path))?.tags, ['unsupported'], `${entry.operationId} is mounted as a refusal`);
  }
});

t.test('the README\'s coverage table is the one the catalogue gives (run `npm run coverage` after a change)', async (t) => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf(COVERAGE_START) + COVERAGE_START.length, readme.indexOf(COVERAGE_END)).trim();
  t.equal(section, coverageTable(operations));
});

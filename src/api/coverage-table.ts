import type { Operation } from './operation.js';
import { vendorCatalogue, type VendorOperation } from './vendor-catalogue.js';

// The README's coverage table, generated from the catalogue of the vendor's operations and the mounted tables
// (`npm run coverage` writes it between its markers; test/doors/coverage.test.ts fails while it is stale).

export const COVERAGE_START = '<!-- coverage:start (npm run coverage) -->';
export const COVERAGE_END = '<!-- coverage:end -->';

const routeOf = (method: string, path: string) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

function behaviour(entry: VendorOperation, served: Operation | undefined): string {
  if (!served || served.operationId !== entry.operationId) return '**not served yet**';
  if (!entry.refused) return 'served';
  return `refused: HTTP ${entry.refused.status ?? 200}, \`code 1\`, \`현재 지원되지 않는 PG사입니다.\` (documented for ${entry.refused.pgs.join(', ')})`;
}

function source(entry: VendorOperation): string {
  if (!entry.refused) return entry.source;
  const status = entry.refused.status === undefined ? 'status: sandbox choice' : 'status: OpenAPI (S1) responses';
  return `${entry.source}; wording: reference §5.2 (R3); ${status}`;
}

/** One markdown row per vendor operation, in the vendor's order. */
export function coverageTable(operations: readonly Operation[]): string {
  const mounted = new Map(operations.map((operation) => [routeOf(operation.method, operation.path), operation]));
  const rows = vendorCatalogue.map(
    (entry) =>
      `| \`${entry.method} ${entry.path}\` | \`${entry.operationId}\` | ${behaviour(entry, mounted.get(routeOf(entry.method, entry.path)))} | ${source(entry)} |`,
  );
  return ['| vendor operation | operationId | sandbox | source |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

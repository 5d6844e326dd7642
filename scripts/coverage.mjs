// Writes the README's coverage table (all of the vendor's operations → served or refused) from the built
// catalogue and operation tables: `npm run coverage`.
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { COVERAGE_END, COVERAGE_START, coverageTable } from '../dist/src/api/coverage-table.js';
import { operations } from '../dist/src/api/operations.js';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(COVERAGE_START);
const end = text.indexOf(COVERAGE_END);
if (start === -1 || end < start) throw new Error(`README.md has no ${COVERAGE_START} … ${COVERAGE_END} section`);
writeFileSync(readme, `${text.slice(0, start + COVERAGE_START.length)}\n${coverageTable(operations)}\n${text.slice(end)}`);

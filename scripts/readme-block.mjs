// Prints the README's fenced code block marked `<!-- file: NAME -->` on the line before it, so the recipes
// scripts/package-check.sh runs are the README's own text, not copies that could drift from it.
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [readme, name] = process.argv.slice(2);
const lines = readFileSync(readme, 'utf8').split('\n');
const marker = lines.indexOf(`<!-- file: ${name} -->`);
if (marker < 0 || !lines[marker + 1]?.startsWith('```')) {
  process.stderr.write(`${readme}: no code block marked <!-- file: ${name} -->\n`);
  process.exit(1);
}
const end = lines.indexOf('```', marker + 2);
process.stdout.write(lines.slice(marker + 2, end).join('\n') + '\n');

#!/usr/bin/env node
/**
 * The mutation score per file from Stryker's JSON report (`npm run test:mutation` writes reports/mutation/mutation.json),
 * as a table: killed (incl. timeouts), survived, no coverage, score. Exits 1 when a file scores below MUTATION_MIN
 * (default 90; `MUTATION_MIN=0` only reports). Ignored mutants (string literals, static code) do not count, as in
 * Stryker's own "mutation score".
 *
 *   node scripts/mutation-score.mjs [reports/mutation/mutation.json]
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
const min = Number(process.env.MUTATION_MIN ?? 90);
const report = JSON.parse(readFileSync(file, 'utf8'));

const rows = Object.entries(report.files)
  .map(([name, f]) => {
    const n = (...statuses) => f.mutants.filter((m) => statuses.includes(m.status)).length;
    const killed = n('Killed', 'Timeout');
    const survived = n('Survived');
    const noCoverage = n('NoCoverage');
    const valid = killed + survived + noCoverage;
    return { name, killed, survived, noCoverage, score: valid ? (100 * killed) / valid : 100 };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const width = Math.max(4, ...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  killed  survived  no cov.  score`);
for (const r of rows) {
  const flag = r.score < min ? `  < ${min}` : '';
  console.log(`${r.name.padEnd(width)}  ${String(r.killed).padStart(6)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(7)}  ${r.score.toFixed(2).padStart(6)}${flag}`);
}
const below = rows.filter((r) => r.score < min);
if (below.length) {
  console.error(`${below.length} file(s) score below ${min} %: ${below.map((r) => r.name).join(', ')}`);
  process.exit(1);
}

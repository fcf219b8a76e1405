#!/usr/bin/env node
/**
 * Mutation testing of the rules, one file at a time against its own specs (issue #17; docs/testing.md).
 *
 * Every source file under workflows/ is mutated by Stryker (stryker.config.mjs) and each mutant runs only the specs
 * that pin that file down: `x.ts` → `x.spec.ts` (and `x.property.spec.ts`); a file without a spec of its own → the
 * specs beside it (`SPECS_OF` below names the exceptions). A file's own table must catch a wrong rule; that another
 * spec somewhere happens to notice does not count. It is also twenty times faster than Stryker's "related tests":
 * the jest runner loads every spec file it runs, for every mutant.
 *
 * reports/mutation/summary.json, kept in git, holds per file its counts, its score, and a key: the SHA-256 of the
 * file and of its specs. A run re-tests only the files whose key changed (Stryker's incremental mode, per file);
 * `--all` re-tests every file. Exits 1 when a file scores below MUTATION_MIN (default 90) %.
 *
 *   node scripts/mutation.mjs [--all] [--check] [file ...]
 *
 *   --all     re-test every file, whatever the summary says (the full run)
 *   --check   re-test what changed but do not write the summary (CI)
 *   file ...  re-test these files only
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const SUMMARY = join(ROOT, 'reports/mutation/summary.json');
const MIN = Number(process.env.MUTATION_MIN ?? 90);

/** Files whose behaviour is pinned by specs other than the ones beside them. */
const SPECS_OF = {
  'workflows/drenthe-verbindend-besturen/2025/requirements/index.ts': ['workflows/drenthe-verbindend-besturen/2025/workflow.spec.ts'],
  'workflows/drenthe-verbindend-besturen/requirements/index.ts': ['workflows/drenthe-verbindend-besturen/requirements/catalogue.spec.ts'],
  'workflows/drenthe-verbindend-besturen/instruments.ts': ['workflows/drenthe-verbindend-besturen/requirements/catalogue.spec.ts', 'workflows/drenthe-verbindend-besturen/seed.spec.ts'],
  'workflows/drenthe-verbindend-besturen/phases.ts': ['workflows/drenthe-verbindend-besturen/requirements/catalogue.spec.ts', 'workflows/drenthe-verbindend-besturen/seed.spec.ts'],
  'workflows/drenthe-verbindend-besturen/workflow.ts': ['workflows/machine.spec.ts', 'workflows/registry.spec.ts', 'workflows/drenthe-verbindend-besturen/seed.spec.ts'],
};

const args = process.argv.slice(2);
const all = args.includes('--all');
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--')).map((f) => relative(ROOT, join(process.cwd(), f)));

function walk(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sources = walk('workflows')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith('workflows/testing/'))
  .sort();

function specsOf(file) {
  if (SPECS_OF[file]) return SPECS_OF[file];
  const own = [file.replace(/\.ts$/, '.spec.ts'), file.replace(/\.ts$/, '.property.spec.ts')].filter((s) => existsSync(join(ROOT, s)));
  if (own.length) return own;
  const dir = dirname(file);
  return readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.spec.ts')).map((f) => join(dir, f)).sort();
}

function keyOf(file, specs) {
  const hash = createHash('sha256');
  for (const f of [file, ...specs]) hash.update(f).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
  return hash.digest('hex');
}

function counts(report, file) {
  const mutants = report.files[file]?.mutants ?? [];
  const n = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const killed = n('Killed');
  const timeout = n('Timeout');
  const survived = n('Survived');
  const noCoverage = n('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  return {
    killed,
    timeout,
    survived,
    noCoverage,
    errors: n('RuntimeError', 'CompileError'),
    ignored: n('Ignored'),
    score: valid ? Math.round((10000 * (killed + timeout)) / valid) / 100 : null,
    survivors: mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => `${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}` : ''}`),
  };
}

function run(file, specs) {
  const tag = file.replace(/^workflows\//, '').replace(/\.ts$/, '').replace(/[/.]/g, '-');
  const json = join(ROOT, 'reports/mutation/files', `${tag}.json`);
  const started = Date.now();
  const result = spawnSync(
    'npx',
    ['stryker', 'run', '--mutate', file, '--reporters', 'progress,html,json'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, TZ: 'UTC', KW_MUTATION_SPECS: specs.join(','), KW_MUTATION_TAG: tag } },
  );
  if (result.status !== 0) throw new Error(`stryker failed on ${file} (exit ${result.status})`);
  return { ...counts(JSON.parse(readFileSync(json, 'utf8')), file), seconds: Math.round((Date.now() - started) / 1000) };
}

const summary = existsSync(SUMMARY) ? JSON.parse(readFileSync(SUMMARY, 'utf8')) : { files: {} };
const next = { minimum: MIN, files: {} };
const retested = [];
for (const file of sources) {
  const specs = specsOf(file);
  const key = keyOf(file, specs);
  const recorded = summary.files[file];
  const due = only.length ? only.includes(file) : all || !recorded || recorded.key !== key;
  if (!due) {
    if (recorded) next.files[file] = recorded;
    continue;
  }
  console.log(`\n=== ${file}  (specs: ${specs.map((s) => basename(s)).join(', ') || 'none'})`);
  next.files[file] = { key, specs, ...(specs.length ? run(file, specs) : { score: null, note: 'no spec' }) };
  retested.push(file);
}

const width = Math.max(...sources.map((f) => f.length)) - 'workflows/'.length;
console.log(`\n${'file'.padEnd(width)}  killed  timeout  survived  no cov.   score`);
for (const [file, r] of Object.entries(next.files)) {
  const score = r.score === null ? '   n/a' : r.score.toFixed(2).padStart(6);
  const flag = (r.score ?? 100) < MIN ? `  < ${MIN}` : retested.includes(file) ? '  (re-tested)' : '';
  console.log(
    `${file.slice('workflows/'.length).padEnd(width)}  ${String(r.killed ?? 0).padStart(6)}  ${String(r.timeout ?? 0).padStart(7)}  ${String(r.survived ?? 0).padStart(8)}  ${String(r.noCoverage ?? 0).padStart(7)}  ${score}${flag}`,
  );
}
for (const file of retested) {
  const survivors = next.files[file].survivors ?? [];
  if (survivors.length) console.log(`\nsurvivors in ${file} (line:column mutator → replacement):\n  ${survivors.join('\n  ')}`);
}
const stale = Object.keys(summary.files).filter((f) => !next.files[f]);
if (stale.length) console.log(`no longer under workflows/: ${stale.join(', ')}`);

if (!check) {
  mkdirSync(dirname(SUMMARY), { recursive: true });
  writeFileSync(SUMMARY, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`\n${retested.length} file(s) re-tested; ${relative(ROOT, SUMMARY)} written`);
} else {
  console.log(`\n${retested.length} file(s) re-tested (--check: summary not written)`);
}

const below = Object.entries(next.files).filter(([, r]) => (r.score ?? 100) < MIN);
if (below.length) {
  console.error(`${below.length} file(s) score below ${MIN} %: ${below.map(([f]) => f).join(', ')}`);
  process.exit(1);
}

/**
 * npm run bench:migrate — the dry run of moving a whole portfolio from drenthe-verbindend-besturen@2021 to @2025
 * (issue #16: "a dry run over 10,000 dossiers finishes in under a minute"). For 1,000 and 10,000 dossiers (generated
 * as bench:compliance does: about 30 evidence records each, in every phase and final state, straight into a temp
 * SQLite file) it times `MigrationsService.bulk` with `dryRun` — what `workflow:migrate --dry-run` runs: read every
 * running dossier page by page, project its facts, evaluate every event its phase accepts under both versions and
 * compare — plus the CSV report, checks that nothing was written, and prints the 10k/1k ratio.
 *
 * Target: 10,000 dossiers under 60 s. Env: BENCH_SIZES (default "1000,10000"), BENCH_WARMUP (300).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';
import { migrationCsv } from '../src/workflow-migrations';
import { MigrationsService } from '../src/workflow-migrations';
import { UsersService } from '../src/users/users.service';
import { generate, NOW, OWNERS } from './compliance.bench';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ID = 'drenthe-verbindend-besturen';

async function run(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-migrate-'));
  try {
    const config = {
      ...loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` }),
      timerJobIntervalSeconds: 0,
      workflows: { versions: [{ id: ID, version: '2021', status: 'active' as const }, { id: ID, version: '2025', status: 'active' as const }] },
    };
    const db = await Db.open(config.database);
    const app = await createApp({ config, db, clock: new FixedClock(NOW), logger: false });
    const users = app.get(UsersService);
    const owners: string[] = [];
    for (let i = 0; i < OWNERS; i++) owners.push((await users.createUser(SYSTEM_ACTOR, { name: `Beleid ${i}`, roles: ['beleidsmedewerker'] })).user.id);
    const conn = db.sqliteConnection!;
    const gen = generate(conn, count, owners, '2021');
    const written = () => conn.prepare("SELECT (SELECT COUNT(*) FROM audit_event) AS audit, (SELECT COUNT(*) FROM dossier WHERE workflow_version = '2021') AS pinned").get();
    const before = written();
    const t0 = performance.now();
    const rows = await app.get(MigrationsService).bulk(SYSTEM_ACTOR, { from: { id: ID, version: '2021' }, to: { id: ID, version: '2025' }, reason: 'bench', dryRun: true });
    const dryMs = performance.now() - t0;
    const t1 = performance.now();
    const csv = migrationCsv(rows);
    const csvMs = performance.now() - t1;
    const after = written();
    if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error(`the dry run wrote something: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    const changed = rows.filter((r) => r.report?.summary.changed).length;
    const blocked = rows.filter((r) => (r.report?.newlyBlocking.length ?? 0) > 0).length;
    const refused = rows.filter((r) => r.outcome !== 'would-move').length;
    await app.close();
    await db.close();
    return { count, running: rows.length, evidence: gen.evidence, dryMs, csvMs, csvBytes: Buffer.byteLength(csv), changed, blocked, refused };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  await run(Number(process.env.BENCH_WARMUP ?? 300)); // warm the process up (not reported)
  const results = [];
  for (const n of SIZES) results.push(await run(n));
  console.log('\nbench:migrate  dry run 2021 → 2025 (MigrationsService.bulk, as workflow:migrate --dry-run), SQLite file (WAL)');
  console.log('  dossiers | running | evidence | dry run s | ms/dossier | CSV ms (MB) | with changes | newly blocked | refused');
  for (const r of results) {
    console.log(
      `  ${r.count.toLocaleString('en').padStart(8)} | ${r.running.toLocaleString('en').padStart(7)} | ${r.evidence.toLocaleString('en').padStart(8)} | ${(r.dryMs / 1000).toFixed(2).padStart(9)} | ${(r.dryMs / r.running).toFixed(3).padStart(10)} | ${r.csvMs.toFixed(0).padStart(6)} (${(r.csvBytes / 1e6).toFixed(1)}) | ${String(r.changed).padStart(12)} | ${String(r.blocked).padStart(13)} | ${r.refused}`,
    );
  }
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    console.log(`  ratio ${b.count.toLocaleString('en')}/${a.count.toLocaleString('en')}: time ${(b.dryMs / a.dryMs).toFixed(2)} for ${(b.count / a.count).toFixed(0)}× the dossiers (per dossier ${(b.dryMs / b.running / (a.dryMs / a.running)).toFixed(2)})`);
  }
  const largest = results[results.length - 1];
  const perTenThousand = (largest.dryMs / largest.count) * 10_000;
  console.log(`  target: 10,000 dossiers under 60 s → ${perTenThousand < 60_000 ? 'OK' : 'MISSED'} (${(perTenThousand / 1000).toFixed(1)} s for 10,000 at this rate)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

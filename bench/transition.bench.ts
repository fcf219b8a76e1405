/**
 * npm run bench:transition — persisted transitions per second, in-process, against the same SQL done
 * directly with better-sqlite3 on the same schema and durability settings (WAL, synchronous=NORMAL),
 * measured in the same run. Prints both figures and their ratio (target: engine ≥ 0.33 × raw).
 *
 * Each iteration is one full transition: ADVANCE voorbereiding-beleid → ontwikkeling-voorstel (with
 * explanations for the unmet advisories), then RETURN back, alternating over a pool of dossiers that each
 * hold a realistic set of evidence records.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { ActorContext, SYSTEM_ACTOR } from '../src/common/actor';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';
import { DossiersService } from '../src/dossiers/dossiers.service';
import { EvidenceService } from '../src/evidence/evidence.service';
import { TransitionsService } from '../src/transitions/transitions.service';
import { UsersService } from '../src/users/users.service';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

async function setupEngine(path: string) {
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}` });
  const db = await Db.open(config.database);
  const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, db, clock }), { logger: ['error'] });
  const { user } = await app.get(UsersService).createUser(SYSTEM_ACTOR, { name: 'bench', roles: ['beleidsmedewerker'] });
  const actor: ActorContext = { id: user.id, name: user.name, roles: user.roles };
  const dossiers = app.get(DossiersService);
  const evidence = app.get(EvidenceService);
  const transitions = app.get(TransitionsService);
  const ids: string[] = [];
  for (let i = 0; i < DOSSIERS; i++) {
    const d = await dossiers.create(actor, {
      title: `Dossier ${i}`, strategisch: false, strategischMotivatie: 'uitvoerend', besluitvormer: 'GS',
      besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'gs-initiatief',
    });
    const rec = (kind: string, data: object) => evidence.record(actor, d.id, { kind, occurredOn: '2026-03-01', supersedes: null, data } as never);
    await rec('checkvraag', { vraag: 'inwonersinitiatief', antwoord: false, toelichting: 'geen ruimte' });
    await rec('checkvraag', { vraag: 'beginspraak', antwoord: false, toelichting: 'niet nodig' });
    await rec('procedure', { stap: 'inspraakbesluit', inspraak: false, awb34VanToepassing: false, motivering: 'uitvoerend' });
    await rec('publicatie', { onderwerp: 'aankondiging-initiatief', kanaal: 'website-provincie', publishedOn: '2026-02-01', url: 'https://www.provincie.drenthe.nl/x' });
    await rec('document', { documentType: 'stakeholderinventarisatie', titel: 'Stakeholders' });
    await rec('terugkoppeling', { aan: 'griffie', onderwerp: 'signaal' });
    const v = await dossiers.get(actor, d.id);
    const explanations = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, 'bewust afgewogen']));
    await transitions.fire(actor, d.id, { event: 'ADVANCE', expectedVersion: v.version, explanations });
    ids.push(d.id);
  }
  const v = await dossiers.get(actor, ids[0]);
  const explanationsT2 = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, 'bewust afgewogen']));
  const versions = new Map(ids.map((id) => [id, 2]));
  return { app, db, actor, ids, transitions, explanationsT2, versions };
}

async function runEngine(e: Awaited<ReturnType<typeof setupEngine>>) {
  const versions = e.versions;
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (const id of e.ids) {
      const version = versions.get(id)!;
      const advance = version % 2 === 0; // even versions are in voorbereiding-beleid
      await e.transitions.fire(e.actor, id, advance
        ? { event: 'ADVANCE', expectedVersion: version, explanations: e.explanationsT2 }
        : { event: 'RETURN', expectedVersion: version, reason: 'bench' });
      versions.set(id, version + 1);
      n++;
    }
  }
  return n / ((performance.now() - started) / 1000);
}

/** The same statements, straight on better-sqlite3: read dossier, evidence, waivers, stream head; update; insert event. */
function runRaw(path: string, ids: string[]) {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  const selDossier = conn.prepare('SELECT * FROM dossier WHERE id = ?');
  const selEvidence = conn.prepare('SELECT * FROM evidence WHERE dossier_id = ? ORDER BY position');
  const selWaivers = conn.prepare('SELECT * FROM waiver WHERE dossier_id = ? ORDER BY requested_at, id');
  const selHead = conn.prepare('SELECT stream_seq, hash FROM audit_event WHERE stream = ? ORDER BY stream_seq DESC LIMIT 1');
  const update = conn.prepare('UPDATE dossier SET state = ?, version = version + 1, entered_phase_on = ?, entered_phase_at = ?, updated_at = ? WHERE id = ? AND version = ?');
  const insert = conn.prepare(`INSERT INTO audit_event (stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id,
    workflow_id, workflow_version, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`);
  const begin = conn.prepare('BEGIN IMMEDIATE');
  const commit = conn.prepare('COMMIT');
  const payload = '{"event":"ADVANCE","evaluation":[]}';
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (const id of ids) {
      begin.run();
      const d = selDossier.get(id) as { state: string; version: number };
      selEvidence.all(id);
      selWaivers.all(id);
      const head = selHead.get(id) as { stream_seq: number; hash: string };
      const to = d.state === 'voorbereiding-beleid' ? 'ontwikkeling-voorstel' : 'voorbereiding-beleid';
      const now = new Date().toISOString();
      update.run(to, now.slice(0, 10), now, now, id, d.version);
      insert.get(id, head.stream_seq + 1, randomUUID(), now, 'bench', '["beleidsmedewerker"]', 'transition.done', id, 'w', '2021', payload, head.hash, head.hash);
      commit.run();
      n++;
    }
  }
  const rate = n / ((performance.now() - started) / 1000);
  conn.close();
  return rate;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-'));
  try {
    const enginePath = join(dir, 'engine.sqlite');
    const e = await setupEngine(enginePath);
    // Copy of the same data for the raw run, taken through SQLite's own backup.
    const rawPath = join(dir, 'raw.sqlite');
    await ((e.db.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection).backup(rawPath);
    await runEngine(e); // warm-up (JIT, statement caches)
    const engine = await runEngine(e);
    await e.app.close();
    await e.db.close();
    runRaw(rawPath, e.ids); // warm-up
    const raw = runRaw(rawPath, e.ids);
    const ratio = engine / raw;
    console.log(`bench:transition  SQLite file, WAL, synchronous=NORMAL, ${DOSSIERS} dossiers × ~8 evidence records, ${SECONDS}s per run`);
    console.log(`  engine (TransitionsService.fire, full evaluation + audit hash chain): ${engine.toFixed(0)} transitions/s`);
    console.log(`  raw better-sqlite3, same SQL in one transaction:                   ${raw.toFixed(0)} transactions/s`);
    console.log(`  ratio engine/raw: ${ratio.toFixed(3)} (target ≥ 0.33) ${ratio >= 0.33 ? 'OK' : 'BELOW TARGET'}`);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

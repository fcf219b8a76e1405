/**
 * npm run bench:transition — persisted transitions per second.
 *
 * 1. In-process on SQLite: TransitionsService.fire against the same SQL done directly with better-sqlite3 on
 *    the same schema and durability settings (WAL, synchronous=NORMAL), measured in the same run; prints both
 *    and their ratio (target: engine ≥ 0.5 × raw).
 * 2. In-process on PostgreSQL (when one answers at BENCH_PG_ADMIN_URL, default postgres://postgres@127.0.0.1/postgres).
 * 3. Concurrent HTTP on loopback: BENCH_CLIENTS clients POSTing transitions to a listening app, on each
 *    store; prints throughput and p50/p95 latency.
 *
 * Each transition is a full one: ADVANCE voorbereiding-beleid → ontwikkeling-voorstel (with explanations for
 * the unmet advisories), then RETURN back, alternating over a pool of dossiers that each hold a realistic set
 * of evidence records.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { AppModule } from '../src/app.module';
import { canonicalPayload } from '../src/audit/canonical-event';
import { ActorContext, SYSTEM_ACTOR } from '../src/common/actor';
import { FixedClock } from '../src/common/clock';
import { AppConfig, loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';
import { DossiersService } from '../src/dossiers/dossiers.service';
import { EvidenceService } from '../src/dossiers/evidence/evidence.service';
import { TransitionsService } from '../src/dossiers/transitions/transitions.service';
import { UsersService } from '../src/users/users.service';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Fixture {
  config: AppConfig;
  db: Db;
  app: INestApplicationContext;
  actor: ActorContext;
  token: string;
  ids: string[];
  versions: Map<string, number>;
  explanationsT2: Record<string, string>;
}

/** A store with DOSSIERS dossiers in voorbereiding-beleid, each with ~8 evidence records. */
async function setup(databaseUrl: string): Promise<Fixture> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: '1000000' });
  const db = await Db.open(config.database);
  const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, db, clock }), { logger: ['error'] });
  const { user, token } = await app.get(UsersService).createUser(SYSTEM_ACTOR, { name: 'bench', roles: ['beleidsmedewerker'] });
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
    const explanations = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, 'Bewust afgewogen in de benchmark.']));
    await transitions.fire(actor, d.id, { event: 'ADVANCE', expectedVersion: v.version, explanations });
    ids.push(d.id);
  }
  const v = await dossiers.get(actor, ids[0]);
  const explanationsT2 = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, 'Bewust afgewogen in de benchmark.']));
  return { config, db, app, actor, token, ids, versions: new Map(ids.map((id) => [id, 2])), explanationsT2 };
}

/** The next command for a dossier: ADVANCE at even versions (voorbereiding-beleid), RETURN at odd ones. */
function nextCommand(f: Fixture, id: string) {
  const version = f.versions.get(id)!;
  return version % 2 === 0
    ? { event: 'ADVANCE' as const, expectedVersion: version, explanations: f.explanationsT2 }
    : { event: 'RETURN' as const, expectedVersion: version, reason: 'bench' };
}

async function inProcess(f: Fixture): Promise<number> {
  const transitions = f.app.get(TransitionsService);
  let n = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (const id of f.ids) {
      await transitions.fire(f.actor, id, nextCommand(f, id));
      f.versions.set(id, f.versions.get(id)! + 1);
      n++;
    }
  }
  return n / ((performance.now() - started) / 1000);
}

/** CLIENTS concurrent HTTP clients on loopback, each on its own share of the dossiers. */
async function overHttp(f: Fixture): Promise<{ rate: number; p50: number; p95: number; errors: number }> {
  const app = await createApp({ config: f.config, db: f.db, clock: new FixedClock(new Date('2026-03-02T09:00:00.000Z')), logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const mine = f.ids.filter((_id, i) => i % CLIENTS === c);
      while (performance.now() < deadline) {
        for (const id of mine) {
          const t0 = performance.now();
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers/${id}/transitions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${f.token}` },
            body: JSON.stringify(nextCommand(f, id)),
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (res.status === 201) f.versions.set(id, f.versions.get(id)! + 1);
          else errors++;
          if (performance.now() >= deadline) break;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rate: (latencies.length - errors) / seconds, p50: q(0.5), p95: q(0.95), errors };
}

/** The same statements, straight on better-sqlite3: read dossier, evidence, waivers, stream head; update; insert event; rewrite the projection row. */
function rawSqlite(path: string, ids: string[], payload: string): number {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  const selDossier = conn.prepare('SELECT * FROM dossier WHERE id = ?');
  const selEvidence = conn.prepare('SELECT * FROM evidence WHERE dossier_id = ? ORDER BY position');
  const selWaivers = conn.prepare('SELECT * FROM waiver WHERE dossier_id = ? ORDER BY requested_at, id');
  const selHead = conn.prepare('SELECT stream_seq, hash FROM audit_event WHERE stream = ? ORDER BY stream_seq DESC LIMIT 1');
  const update = conn.prepare('UPDATE dossier SET state = ?, version = version + 1, entered_phase_on = ?, entered_phase_at = ?, updated_at = ? WHERE id = ? AND version = ?');
  const insert = conn.prepare('INSERT INTO audit_event (content, hash) VALUES (?, ?) RETURNING seq');
  // The compliance projection's row, rewritten in the same transaction as the engine does (its non-indexed columns).
  const selProjection = conn.prepare('SELECT * FROM dossier_compliance WHERE dossier_id = ?');
  const indexed = new Set(['dossier_id', 'next_deadline', 'title', 'besluitvormer', 'strategisch', 'owner_id']);
  const projectionColumns = Object.keys(selProjection.get(ids[0]) as object).filter((c) => !indexed.has(c));
  const updProjection = conn.prepare(`UPDATE dossier_compliance SET ${projectionColumns.map((c) => `${c} = ?`).join(', ')} WHERE dossier_id = ?`);
  const begin = conn.prepare('BEGIN IMMEDIATE');
  const commit = conn.prepare('COMMIT');
  let n = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
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
      const content =
        `{"action":"transition.done","actorId":"bench","actorRoles":["beleidsmedewerker"],"dossierId":"${id}","id":"${randomUUID()}",` +
        `"occurredAt":"${now}","payload":${payload},"prevHash":"${head.hash}","stream":"${id}","streamSeq":${head.stream_seq + 1},"workflowId":"w","workflowVersion":"2021"}`;
      insert.get(content, head.hash); // the same SQL as the engine's; the engine also hashes the text
      const projection = selProjection.get(id) as Record<string, string | number | null>;
      updProjection.run(...projectionColumns.map((c) => (c === 'phase' ? to : projection[c])), id);
      commit.run();
      n++;
    }
  }
  conn.close();
  return n / ((performance.now() - started) / 1000);
}

async function pgAvailable(): Promise<boolean> {
  const c = new Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function pgAdmin(sql: string) {
  const c = new Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const fmt = (n: number) => n.toFixed(0).padStart(6);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-'));
  const lines: string[] = [];
  try {
    // 1. SQLite in-process vs raw.
    const sqlite = await setup(`sqlite:${join(dir, 'engine.sqlite')}`);
    const rawPath = join(dir, 'raw.sqlite');
    await ((await sqlite.db.dataSource.createQueryRunner().connect()) as Database.Database).backup(rawPath);
    await inProcess(sqlite); // warm-up (JIT, statement caches)
    const engine = await inProcess(sqlite);
    // The raw side writes an audit payload of the same size as the engine's: the last transition the engine stored.
    const last = await sqlite.db.read((tx) => tx.get<{ content: string }>("SELECT content FROM audit_event WHERE action = 'transition.done' ORDER BY seq DESC LIMIT 1"));
    const payload = canonicalPayload((JSON.parse(last!.content) as { payload: unknown }).payload);
    rawSqlite(rawPath, sqlite.ids, payload); // warm-up
    const raw = rawSqlite(rawPath, sqlite.ids, payload);
    const ratio = engine / raw;
    lines.push(`SQLite file (WAL, synchronous=NORMAL), ${DOSSIERS} dossiers × ~8 evidence records, ${SECONDS}s per run`);
    lines.push(`  in-process engine (full evaluation + audit hash chain): ${fmt(engine)} transitions/s`);
    lines.push(`  raw better-sqlite3, same SQL in one transaction:        ${fmt(raw)} transactions/s`);
    lines.push(`  ratio engine/raw: ${ratio.toFixed(3)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
    const httpSqlite = await overHttp(sqlite);
    lines.push(`  HTTP, ${CLIENTS} clients on loopback: ${fmt(httpSqlite.rate)} transitions/s, p50 ${httpSqlite.p50.toFixed(1)} ms, p95 ${httpSqlite.p95.toFixed(1)} ms, ${httpSqlite.errors} errors`);
    await sqlite.app.close();
    await sqlite.db.close();

    // 2 + 3. PostgreSQL.
    if (await pgAvailable()) {
      const name = `kw_bench_${randomBytes(4).toString('hex')}`;
      await pgAdmin(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(PG_ADMIN);
        url.pathname = `/${name}`;
        const pg = await setup(url.toString());
        await inProcess(pg);
        const pgEngine = await inProcess(pg);
        lines.push(`PostgreSQL (${url.host}), same data`);
        lines.push(`  in-process engine: ${fmt(pgEngine)} transitions/s (${(pgEngine / engine).toFixed(2)} × SQLite in-process)`);
        const httpPg = await overHttp(pg);
        lines.push(`  HTTP, ${CLIENTS} clients on loopback: ${fmt(httpPg.rate)} transitions/s, p50 ${httpPg.p50.toFixed(1)} ms, p95 ${httpPg.p95.toFixed(1)} ms, ${httpPg.errors} errors`);
        await pg.app.close();
        await pg.db.close();
      } finally {
        await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    } else {
      lines.push(`PostgreSQL: not reachable at ${PG_ADMIN.replace(/:[^:@/]*@/, ':***@')}; skipped`);
    }
    console.log(['bench:transition', ...lines].join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

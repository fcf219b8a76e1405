/**
 * npm run bench:web — the web application at scale (issue #15). For 1,000 and 10,000 dossiers (the portfolio of
 * bench:compliance, generated with the real projector code) it measures, through the real HTTP app with a signed-in
 * session cookie, the time to serve
 * - the dossier page `GET /dossiers/{id}` (the owner's view: stepper, requirements, evidence, waivers), over 50
 *   different dossiers in turn, and
 * - the griffie's overview `GET /griffie` (first page, and a filtered page),
 * as p50/p95 over BENCH_REQUESTS requests each after a warm-up, on localhost (the round trip is the server's time plus
 * well under a millisecond). Targets: p95 ≤ 50 ms, and no growth from 1,000 to 10,000.
 * Env: BENCH_SIZES (default "1000,10000"), BENCH_REQUESTS (200).
 */
import 'reflect-metadata';
import type { Response } from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';
import { UsersService } from '../src/users/users.service';
import { SESSION_COOKIE, SessionService } from '../src/web/session/session.service';
import { generate, NOW, OWNERS } from './compliance.bench';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 50;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function time(urls: string[], cookie: string, n: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n + WARMUP; i++) {
    const url = urls[i % urls.length];
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString().slice(0, 500)}`);
    if (i >= WARMUP) times.push(ms);
    bytes = Math.max(bytes, body.byteLength);
  }
  return { p50: pct(times, 50), p95: pct(times, 95), bytes };
}

/** A session cookie for a user, started by the real SessionService. */
async function sessionCookie(sessions: SessionService, userId: string): Promise<string> {
  let id = '';
  const res = { req: undefined, cookie: (_name: string, value: string) => (id = value) } as unknown as Response;
  await sessions.start(res, userId, { method: 'token' });
  return `${SESSION_COOKIE}=${id}`;
}

async function run(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-web-'));
  try {
    // Sessions of the bench live longer than the default 8 hours: the clock is fixed anyway.
    const config = { ...loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, RATE_LIMIT_PER_MINUTE: '1000000' }), timerJobIntervalSeconds: 0 };
    const db = await Db.open(config.database);
    const app = await createApp({ config, db, clock: new FixedClock(NOW), logger: false });
    const users = app.get(UsersService);
    const owners: string[] = [];
    for (let i = 0; i < OWNERS; i++) owners.push((await users.createUser(SYSTEM_ACTOR, { name: `Beleid ${i}`, roles: ['beleidsmedewerker'] })).user.id);
    const griffie = (await users.createUser(SYSTEM_ACTOR, { name: 'Griffie', roles: ['griffie'] })).user.id;
    const conn = db.sqliteConnection!;
    const gen = generate(conn, count, owners);
    // The owner's 50 dossiers with the most evidence (the heaviest pages).
    const ids = conn
      .prepare(
        `SELECT d.id FROM dossier d JOIN evidence e ON e.dossier_id = d.id WHERE d.assignee_id = ? AND d.state NOT IN ('afgesloten', 'ingetrokken')
          GROUP BY d.id ORDER BY COUNT(*) DESC, d.id LIMIT 50`,
      )
      .all(owners[0]) as Array<{ id: string }>;
    const sessions = app.get(SessionService);
    const ownerCookie = await sessionCookie(sessions, owners[0]);
    const griffieCookie = await sessionCookie(sessions, griffie);
    const server = app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dossier = await time(
      ids.map((r) => `${base}/dossiers/${r.id}`),
      ownerCookie,
      REQUESTS,
    );
    const overview = await time([`${base}/griffie`], griffieCookie, REQUESTS);
    const filtered = await time([`${base}/griffie?phase=ontwikkeling-voorstel&hasOpenHard=true`], griffieCookie, REQUESTS);
    await app.close();
    await db.close();
    return { count, evidence: gen.evidence, dossier, overview, filtered };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  await run(Number(process.env.BENCH_WARMUP ?? 300)); // warm the process up (not reported)
  const results = [];
  for (const n of SIZES) results.push(await run(n));
  const f = (x: number) => x.toFixed(1).padStart(6);
  console.log(`\nbench:web  SQLite file (WAL), HTTP on localhost with a session cookie, ${REQUESTS} requests per page after ${WARMUP} warm-up`);
  console.log('  dossier page: GET /dossiers/{id} (50 of the owner\'s dossiers in turn); overview: GET /griffie; filtered: ?phase=ontwikkeling-voorstel&hasOpenHard=true');
  console.log('  dossiers | evidence | dossier page p50 / p95 ms (KB) | overview p50 / p95 ms (KB) | filtered p50 / p95 ms');
  for (const r of results)
    console.log(
      `  ${r.count.toLocaleString('en').padStart(8)} | ${r.evidence.toLocaleString('en').padStart(8)} | ${f(r.dossier.p50)} / ${f(r.dossier.p95)} (${(r.dossier.bytes / 1024).toFixed(0)})    | ${f(r.overview.p50)} / ${f(r.overview.p95)} (${(r.overview.bytes / 1024).toFixed(0)})   | ${f(r.filtered.p50)} / ${f(r.filtered.p95)}`,
    );
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    console.log(
      `  ratio ${b.count.toLocaleString('en')}/${a.count.toLocaleString('en')} p95: dossier page ${(b.dossier.p95 / a.dossier.p95).toFixed(2)}, overview ${(b.overview.p95 / a.overview.p95).toFixed(2)}, filtered ${(b.filtered.p95 / a.filtered.p95).toFixed(2)}`,
    );
  }
  const worst = Math.max(...results.map((r) => Math.max(r.dossier.p95, r.overview.p95, r.filtered.p95)));
  console.log(`  target: p95 ≤ 50 ms → ${worst <= 50 ? 'OK' : 'MISSED'} (${worst.toFixed(1)})`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { Db, MIGRATIONS } from '../../src/database/db';
import { freshDatabaseUrl, onPostgres } from '../support/harness';

/**
 * Instances started at the same moment on one empty database (several app replicas after a deploy): each runs the
 * migrations at start, and every migration runs exactly once — the others wait and find nothing left to do.
 */
describe(`migrations on concurrent start (${onPostgres() ? 'PostgreSQL' : 'SQLite file'})`, () => {
  const INSTANCES = 4;
  let dir: string;
  let fresh: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kw-migrate-'));
    fresh = await freshDatabaseUrl(dir);
  });
  afterAll(async () => {
    await fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${INSTANCES} instances migrate one database at once; each migration runs once`, async () => {
    const config = loadConfig({ NODE_CONFIG_ENV: 'test', DATABASE_URL: fresh.url }).database;
    const opened = await Promise.allSettled(Array.from({ length: INSTANCES }, () => Db.open(config, { migrate: false })));
    const dbs = opened.map((o) => (o.status === 'fulfilled' ? o.value : null)).filter((d): d is Db => d !== null);
    expect(dbs).toHaveLength(INSTANCES);
    try {
      const runs = await Promise.allSettled(dbs.map((db) => db.migrate()));
      expect(runs.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual(Array(INSTANCES).fill('fulfilled'));
      const ran = runs.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      // Every migration by exactly one instance, and TypeORM's table lists each once.
      expect([...ran].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      const recorded = await dbs[0].dataSource.query('SELECT name FROM migrations ORDER BY name');
      expect((recorded as { name: string }[]).map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name).sort());
      // And the schema works: a second start finds nothing to run.
      expect(await dbs[1].migrate()).toEqual([]);
    } finally {
      for (const db of dbs) await db.close();
    }
  });
});

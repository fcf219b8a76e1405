import { copyStore } from '../../src/cli/db-copy';
import { Db } from '../../src/database/db';
import { parseDatabaseUrl } from '../../src/config/config';
import { freshDatabaseUrl, Harness, onPostgres, startHarness } from '../support/harness';

/** db:copy moves a SQLite store into an empty store (PostgreSQL in `npm run test:pg`) and verifies the chains. */
describe(`db:copy SQLite → ${onPostgres() ? 'PostgreSQL' : 'SQLite'}`, () => {
  let h: Harness;
  let target: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    h = await startHarness({}, { sqlite: true });
    target = await freshDatabaseUrl(h.dir + '/copy');
    if (!onPostgres()) target.url = `sqlite:${h.dir}/copy.sqlite`;
  });
  afterAll(async () => {
    await target.drop();
    await h.close();
  });

  it('copies every row, keeps the chains and heads, and refuses a non-empty target', async () => {
    const bm = h.as(h.users.bm);
    const first = await bm.post('/api/v1/dossiers', { title: 'Te kopiëren', strategisch: true, besluitvormer: 'PS' }).expect(201);
    await bm.post(`/api/v1/dossiers/${first.body.id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', data: { vraag: 'beginspraak', antwoord: true, toelichting: 'ja' } }).expect(201);
    await bm.post(`/api/v1/dossiers/${first.body.id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    await bm.post(`/api/v1/dossiers/${first.body.id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt later.' }).expect(201);

    const progress: string[] = [];
    const report = await copyStore(h.config.database, parseDatabaseUrl(target.url, []), (t) => progress.push(t));
    expect(report.verified.ok).toBe(true);
    expect(report.headsMatch).toBe(true);
    const counts = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    for (const table of ['app_user', 'api_token', 'dossier', 'evidence', 'waiver', 'audit_event']) {
      const n = await h.db.read(async (tx) => Number((await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n));
      expect(counts[table]).toBe(n);
    }
    expect(progress).toContain('audit_event');

    // The copy is a working store: the same dossier, same strategisch flag, and it takes new events.
    const copy = await Db.open(parseDatabaseUrl(target.url, []));
    try {
      const row = await copy.read((tx) => tx.get<{ strategisch: boolean | number; version: number }>('SELECT strategisch, version FROM dossier WHERE id = ?', [first.body.id]));
      expect(Boolean(row!.strategisch)).toBe(true);
    } finally {
      await copy.close();
    }
    await expect(copyStore(h.config.database, parseDatabaseUrl(target.url, []))).rejects.toThrow(/already holds data/);
  });
});

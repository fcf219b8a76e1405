import { ObjectLiteral } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { copyStore } from '../../src/cli/db-copy';
import { Db } from '../../src/database/db';
import { AuditEventEntity, COPY_PLAN, DossierEntity } from '../../src/database';
import { parseDatabaseUrl } from '../../src/config/config';
import { freshDatabaseUrl, Harness, onPostgres, startHarness } from '../support/harness';

/** Every row of every entity (generated columns included), in one order whatever the database's collation. */
async function dump(db: Db): Promise<Record<string, ObjectLiteral[]>> {
  const out: Record<string, ObjectLiteral[]> = {};
  for (const { entity } of COPY_PLAN) {
    const meta = db.dataSource.getMetadata(entity);
    const rows = await db.read((tx) => tx.em.find<ObjectLiteral>(entity));
    const key = (r: ObjectLiteral) => String(r[meta.primaryColumns[0].propertyName]).padStart(20, '0');
    out[meta.tableName] = rows
      .map((r) => (entity === AuditEventEntity ? { ...r, seq: Number(r.seq) } : { ...r }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}

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
    // A correction (evidence that supersedes evidence) and two dossiers that refer to each other.
    const ev = await bm.post(`/api/v1/dossiers/${first.body.id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', data: { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'ja' } }).expect(201);
    await bm.post(`/api/v1/dossiers/${first.body.id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', supersedes: ev.body.id, data: { vraag: 'inwonersinitiatief', antwoord: false, toelichting: 'Gecorrigeerd.' } }).expect(201);
    const second = await bm.post('/api/v1/dossiers', { title: 'Vervolg', strategisch: false, besluitvormer: 'GS' }).expect(201);
    await h.db.transaction(async (tx) => {
      await tx.em.update(DossierEntity, { id: first.body.id }, { followUpDossierId: second.body.id });
      await tx.em.update(DossierEntity, { id: second.body.id }, { previousDossierId: first.body.id });
    });

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
      // Every row the same, to the byte of every text (the generated columns computed alike on both).
      expect(await dump(copy)).toEqual(await dump(h.db));
      // The copy takes new events after the copied ones (PostgreSQL: the sequence was moved past them).
      const last = Math.max(...(await dump(copy)).audit_event.map((e) => Number(e.seq)));
      const actor = { id: h.users.bm.id, name: 'Bea', roles: ['beleidsmedewerker' as const] };
      const appended = await copy.transaction((tx) => new AuditService(copy).append(tx, { actor, action: 'dossier.viewed', occurredAt: '2026-03-03T09:00:00.000Z', dossierId: first.body.id, workflow: { id: 'drenthe-verbindend-besturen', version: '2021' }, payload: {} }));
      expect(Number(appended.seq)).toBe(last + 1);
      expect((await new AuditService(copy).verify()).ok).toBe(true);
    } finally {
      await copy.close();
    }
    await expect(copyStore(h.config.database, parseDatabaseUrl(target.url, []))).rejects.toThrow(/already holds data/);
  });

  it('copies the copy back (PostgreSQL → SQLite in the PostgreSQL suite) a row per page, to the same rows', async () => {
    const back = `sqlite:${h.dir}/back.sqlite`;
    const report = await copyStore(parseDatabaseUrl(target.url, []), parseDatabaseUrl(back, []), undefined, 1);
    expect(report.verified.ok).toBe(true);
    expect(report.headsMatch).toBe(true);
    const [a, b] = [await Db.open(parseDatabaseUrl(target.url, [])), await Db.open(parseDatabaseUrl(back, []))];
    try {
      expect(await dump(b)).toEqual(await dump(a));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

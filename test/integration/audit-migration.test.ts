/**
 * The AuditContent migration (src/database/migrations/1764500000000-audit-content.ts) on a store written by the
 * previous schema: every event is carried over with its seq and hash, the chain still verifies, the rows read back
 * as they were written, the table is append-only again, and new events continue the chains. Then AuditVerifyColumns
 * (1764800000000-audit-verify-columns.ts): `prev_hash` generated from the stored text, which stays byte for byte what
 * was hashed. On SQLite and (test:pg) on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { AuditEventContent, canonicalEventContent, canonicalPayload, sealEvent, SYSTEM_STREAM } from '../../src/audit/canonical-event';
import { loadConfig } from '../../src/config/config';
import { dataSourceOptions, Db } from '../../src/database/db';
import { InitialSchema1764300000000 } from '../../src/database/migrations/1764300000000-initial-schema';
import { ComplianceProjection1764400000000 } from '../../src/database/migrations/1764400000000-compliance-projection';
import { freshDatabaseUrl } from '../support/harness';

const DOSSIER = '0190a1b2-0000-7000-8000-00000000d051';
const OTHER = '0190a1b2-0000-7000-8000-00000000d052';

type Sealed = AuditEventContent & { hash: string };

/** Events as the previous version wrote them: two dossier streams and the system stream, interleaved. */
function history(): Sealed[] {
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  const out: Sealed[] = [];
  const plan: [string, string, Record<string, unknown>][] = [
    [SYSTEM_STREAM, 'user.created', { after: { id: 'u1', name: 'Inge Beleid', roles: ['beleidsmedewerker'] } }],
    [DOSSIER, 'dossier.created', { after: { title: 'RES 2.0 — “energie” in Drenthe', strategisch: true } }],
    [OTHER, 'dossier.created', { after: { title: 'Wegen: onderhoud N381' } }],
    [DOSSIER, 'evidence.recorded', { evidence: { kind: 'document', data: { titel: 'Startnotitie met participatieparagraaf', noot: 'tekst met "aanhalingstekens" en \\ en 🌍' } } }],
    [DOSSIER, 'transition.done', { from: 'voorfase-agendasetting', to: 'voorbereiding-beleid', explanations: {} }],
    [OTHER, 'transition.refused', { refusal: 'requirements-unmet', evaluation: [{ id: 'G2-01', status: 'unsatisfied' }] }],
  ];
  plan.forEach(([stream, action, payload], i) => {
    const sealed = sealEvent(
      {
        stream,
        id: `0190a1b2-0000-7000-8000-0000000e${String(i).padStart(4, '0')}`,
        occurredAt: new Date(Date.UTC(2026, 2, 2, 9, i)).toISOString(),
        actorId: 'u1',
        actorRoles: ['beleidsmedewerker'],
        action,
        dossierId: stream === SYSTEM_STREAM ? null : stream,
        workflowId: stream === SYSTEM_STREAM ? null : 'drenthe-verbindend-besturen',
        workflowVersion: stream === SYSTEM_STREAM ? null : '2021',
        payload,
      },
      heads.get(stream) ?? null,
    );
    heads.set(stream, { streamSeq: sealed.streamSeq, hash: sealed.hash });
    out.push(sealed);
  });
  return out;
}

describe('migration AuditContent: the audit trail keeps the hashed text', () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  const events = history();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kw-audit-migration-'));
    ({ url, drop } = await freshDatabaseUrl(dir));
    const config = loadConfig({ DATABASE_URL: url }).database;
    // The store as the previous version left it: only the first two migrations, events in the old columns.
    const old = new DataSource({ ...dataSourceOptions(config), migrations: [InitialSchema1764300000000, ComplianceProjection1764400000000] });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const pg = config.type === 'postgres';
    const p = (n: number) => Array.from({ length: n }, (_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
    for (const e of events) {
      await old.query(
        `INSERT INTO audit_event (stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id, workflow_id, workflow_version, payload, prev_hash, hash) VALUES (${p(13)})`,
        [e.stream, e.streamSeq, e.id, e.occurredAt, e.actorId, JSON.stringify(e.actorRoles), e.action, e.dossierId, e.workflowId, e.workflowVersion, canonicalPayload(e.payload), e.prevHash, e.hash],
      );
    }
    await old.destroy();
  });

  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries every event over with its seq and hash, and the chains still verify', async () => {
    const db = await Db.open(loadConfig({ DATABASE_URL: url }).database); // runs the new migration
    try {
      const audit = new AuditService(db);
      const rows = [];
      for await (const r of audit.iterate()) rows.push(r);
      expect(rows.map((r) => r.seq)).toEqual(events.map((_, i) => i + 1));
      expect(rows.map(({ seq: _seq, ...rest }) => rest)).toEqual(events);

      const result = await audit.verify();
      expect(result).toMatchObject({ ok: true, checked: events.length, streams: 3 });
      expect(await audit.verify({ dossierId: DOSSIER })).toMatchObject({ ok: true, checked: 3 });

      // The generated columns answer queries as the old columns did.
      const byDossier = await db.read((tx) => tx.all<{ seq: number | string; action: string; stream_seq: number | string }>(
        'SELECT seq, action, stream_seq FROM audit_event WHERE dossier_id = ? ORDER BY seq', [DOSSIER]));
      expect(byDossier.map((r) => [Number(r.seq), r.action, Number(r.stream_seq)])).toEqual([
        [2, 'dossier.created', 1],
        [4, 'evidence.recorded', 2],
        [5, 'transition.done', 3],
      ]);

      // What verification links by is generated from the stored text, which is still exactly what was hashed.
      const stored = await db.read((tx) =>
        tx.all<{ content: string; hash: string; stream: string; stream_seq: number | string; prev_hash: string }>(
          'SELECT content, hash, stream, stream_seq, prev_hash FROM audit_event ORDER BY seq',
        ),
      );
      expect(stored.map((r) => [r.content, r.hash, r.stream, Number(r.stream_seq), r.prev_hash])).toEqual(
        events.map((e) => [canonicalEventContent(e), e.hash, e.stream, e.streamSeq, e.prevHash]),
      );
    } finally {
      await db.close();
    }
  });

  it('leaves the table append-only, and new events continue the chains after the carried-over ones', async () => {
    const db = await Db.open(loadConfig({ DATABASE_URL: url }).database);
    try {
      await expect(db.transaction((tx) => tx.run("UPDATE audit_event SET hash = 'x' WHERE seq = 1"))).rejects.toThrow(/append-only/);
      await expect(db.transaction((tx) => tx.run('DELETE FROM audit_event WHERE seq = 1'))).rejects.toThrow(/append-only/);
      const audit = new AuditService(db);
      const appended = await db.transaction((tx) =>
        audit.append(tx, {
          actor: { id: 'u1', name: 'Inge Beleid', roles: ['beleidsmedewerker'] },
          action: 'evidence.recorded',
          occurredAt: '2026-03-03T10:00:00.000Z',
          dossierId: DOSSIER,
          workflow: { id: 'drenthe-verbindend-besturen', version: '2021' },
          payload: { evidence: { kind: 'activiteit' } },
        }),
      );
      expect(appended).toMatchObject({ seq: events.length + 1, streamSeq: 4, prevHash: events[4].hash });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: events.length + 1 });
    } finally {
      await db.close();
    }
  });

  it('stores an event whose payload holds U+0000 (a refused request for such a path), which PostgreSQL JSON cannot hold', async () => {
    const db = await Db.open(loadConfig({ DATABASE_URL: url }).database);
    try {
      const audit = new AuditService(db);
      const appended = await db.transaction((tx) =>
        audit.append(tx, {
          actor: { id: 'u1', name: 'Inge Beleid', roles: ['beheerder'] },
          action: 'access.denied',
          occurredAt: '2026-03-03T11:00:00.000Z',
          payload: { method: 'POST', path: '/api/v1/dossiers/\u0000/transitions', raw: 'a\u0000b' },
        }),
      );
      const rows = [];
      for await (const r of audit.iterate()) rows.push(r);
      expect(rows[rows.length - 1]).toEqual(appended);
      expect(rows[rows.length - 1].payload.raw).toBe('a\u0000b');
      const result = await audit.verify();
      expect(result).toMatchObject({ ok: true, checked: rows.length });
      const stored = await db.read((tx) => tx.get<{ action: string; stream: string }>('SELECT action, stream FROM audit_event WHERE seq = ?', [appended.seq]));
      expect(stored).toEqual({ action: 'access.denied', stream: SYSTEM_STREAM });
      // A text without a prevHash is no audit event: the database refuses it (last: on PostgreSQL it uses up a seq).
      await expect(
        db.transaction((tx) => tx.run('INSERT INTO audit_event (content, hash) VALUES (?, ?)', [canonicalEventContent(events[0]).replace(/,"prevHash":"[0-9a-f]{64}"/, ''), events[0].hash])),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});

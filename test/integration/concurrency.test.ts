import { createApp } from '../../src/app';
import { FixedClock } from '../../src/common/clock';
import { Db } from '../../src/database/db';
import { Harness, onPostgres, START, startHarness } from '../support/harness';

/** Concurrency on both databases: optimistic versions, one event per transition, chains intact. */
describe(`concurrency (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const base = '/api/v1/dossiers';
  const ready = {
    strategisch: false,
    strategischMotivatie: 'uitvoerend',
    besluitvormer: 'GS',
    besluittype: 'beleidsregel',
    instrumentType: 'none',
    herkomst: 'gs-initiatief',
  };

  async function explanations(id: string) {
    const v = (await h.as(h.users.bm).get(`${base}/${id}`).expect(200)).body;
    return { version: v.version as number, explanations: Object.fromEntries(v.next.explanationsRequired.map((r: string) => [r, `Bewust afgewogen bij ${r} (test).`])) };
  }

  const count = async (sql: string, params: string[] = []) => h.db.read(async (tx) => Number((await tx.get<{ n: number }>(sql, params))!.n));

  it('lets exactly one of 50 simultaneous ADVANCEs with the same expectedVersion through', async () => {
    const d = await h.as(h.users.bm).post(base, { title: 'Race', ...ready }).expect(201);
    const { version, explanations: ex } = await explanations(d.body.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.as(h.users.bm).post(`${base}/${d.body.id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations: ex })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/\/version-conflict$/);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ? AND action LIKE 'transition.%'", [d.body.id])).toBe(1);
    const verify = await h.as(h.users.auditor).get(`/api/v1/audit/verify?dossierId=${d.body.id}`).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('keeps every chain intact with many writers on different dossiers at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await h.as(h.users.bm).post(base, { title: `Parallel ${i}`, ...ready }).expect(201)).body.id);
    const before = await count('SELECT COUNT(*) AS n FROM audit_event');
    // Each dossier: 5 evidence records and an ADVANCE, all dossiers at the same time.
    const work = ids.map(async (id) => {
      for (let j = 0; j < 5; j++) {
        await h
          .as(h.users.bm)
          .post(`${base}/${id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', data: { vraag: 'beginspraak', antwoord: j % 2 === 0, toelichting: `ronde ${j}` } })
          .expect(201);
      }
      const { version, explanations: ex } = await explanations(id);
      await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations: ex }).expect(201);
    });
    await Promise.all(work);
    // 12 × (5 evidence + 1 transition) events, no more, no fewer.
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(before + 12 * 6);
    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('does not let two racing transitions use one waiver twice', async () => {
    const d = await h
      .as(h.users.bm)
      .post(base, { title: 'Waiver race', strategisch: true, besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'gs-initiatief' })
      .expect(201);
    const id = d.body.id;
    const w = await h.as(h.users.bm).post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt later.' }).expect(201);
    await h.as(h.users.tl).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(200);
    const { version, explanations: ex } = await explanations(id);
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations: ex })),
    );
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    const waivers = await h.as(h.users.auditor).get(`${base}/${id}/waivers`).expect(200);
    expect(waivers.body).toHaveLength(1);
    expect(waivers.body[0].status).toBe('used');
    // Back to agendasetting: the used waiver does not count again; G1-03 blocks again (evidence, or a new waiver).
    const now = (await h.as(h.users.bm).get(`${base}/${id}`).expect(200)).body;
    await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'RETURN', expectedVersion: now.version, reason: 'opnieuw' }).expect(201);
    const again = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: now.version + 1, explanations: ex }).expect(409);
    expect(again.body.unmetRequirements.find((u: { id: string }) => u.id === 'G1-03').blockReason).toBe('evidence-or-waiver'); // was 'waiver-required': evidence alone still satisfies it (issue #11)
  });

  it('keeps two app instances on one database consistent: no lost or duplicated events, no deadlock', async () => {
    // A second, independent instance on the same database (own connection pool, own in-process state).
    const db2 = await Db.open(h.config.database);
    const app2 = await createApp({ config: h.config, db: db2, clock: new FixedClock(new Date(START)), logger: false });
    try {
      const request = (await import('supertest')).default;
      const server2 = app2.getHttpServer();
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await h.as(h.users.bm).post(base, { title: `Twee instanties ${i}`, ...ready }).expect(201)).body.id);
      const before = await count('SELECT COUNT(*) AS n FROM audit_event');
      const viaSecond = (id: string, body: object) =>
        request(server2).post(`${base}/${id}/evidence`).set('Authorization', `Bearer ${h.users.bm.token}`).send(body);
      // Both instances write to the same dossiers at once.
      const results = await Promise.all(
        ids.flatMap((id) =>
          Array.from({ length: 4 }, (_, j) => {
            const body = { kind: 'terugkoppeling', occurredOn: '2026-03-01', data: { aan: 'griffie', onderwerp: 'signaal', samenvatting: `melding ${j}` } };
            return j % 2 === 0 ? h.as(h.users.bm).post(`${base}/${id}/evidence`, body) : viaSecond(id, body);
          }),
        ),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(before + 8 * 4);
      for (const id of ids) {
        expect(await count('SELECT COUNT(*) AS n FROM evidence WHERE dossier_id = ?', [id])).toBe(1 + 4);
        const streamSeqs = await h.db.read((tx) => tx.all<{ stream_seq: number }>('SELECT stream_seq FROM audit_event WHERE stream = ? ORDER BY stream_seq', [id]));
        expect(streamSeqs.map((r) => Number(r.stream_seq))).toEqual(Array.from({ length: streamSeqs.length }, (_, k) => k + 1));
      }
      const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
      expect(verify.body.ok).toBe(true);
    } finally {
      await app2.close();
      await db2.close();
    }
  });
});

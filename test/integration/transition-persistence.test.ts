import { TransitionsService } from '../../src/dossiers/transitions/transitions.service';
import { Harness, onPostgres, startHarness } from '../support/harness';

/** Integration on a real SQLite file: one transaction per transition, refused attempts audited, append-only tables. */
describe(`transition persistence (${onPostgres() ? 'PostgreSQL' : 'SQLite file'})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const base = '/api/v1/dossiers';
  const count = (sql: string, params: (string | number)[] = []) =>
    h.db.read(async (tx) => Number((await tx.get<{ n: number }>(sql, params))!.n));

  async function readyDossier(): Promise<{ id: string; version: number }> {
    const res = await h
      .as(h.users.bm)
      .post(base, {
        title: 'Fietsstrategie',
        strategisch: false,
        strategischMotivatie: 'Uitwerking van bestaand beleid',
        besluitvormer: 'GS',
        besluittype: 'beleidsregel',
        instrumentType: 'none',
        herkomst: 'gs-initiatief',
      })
      .expect(201);
    return { id: res.body.id, version: res.body.version };
  }

  const explainAll = async (id: string) => {
    const v = (await h.as(h.users.bm).get(`${base}/${id}`).expect(200)).body;
    return { version: v.version as number, explanations: Object.fromEntries(v.next.explanationsRequired.map((r: string) => [r, `Bewust niet gedaan: ${r} (test).`])) };
  };

  it('commits the state change and exactly one audit event together', async () => {
    const { id } = await readyDossier();
    const before = await count('SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ?', [id]);
    const { version, explanations } = await explainAll(id);
    await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations }).expect(201);
    const row = await h.db.read((tx) => tx.get<{ state: string; version: number }>('SELECT state, version FROM dossier WHERE id = ?', [id]));
    expect(row).toMatchObject({ state: 'voorbereiding-beleid', version: version + 1 });
    expect(await count('SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ?', [id])).toBe(before + 1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ? AND action = 'transition.done'", [id])).toBe(1);
  });

  it('rolls everything back when the audit insert fails', async () => {
    const { id } = await readyDossier();
    const { version, explanations } = await explainAll(id);
    const events = await count('SELECT COUNT(*) AS n FROM audit_event');
    if (onPostgres()) {
      await h.exec(`CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.content::jsonb ->> 'action' = 'transition.done' THEN RAISE EXCEPTION 'simulated audit failure'; END IF; RETURN NEW; END $$`);
      // (PostgreSQL computes generated columns after BEFORE triggers, so the trigger reads the action from the content.)
      await h.exec('CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_fail_audit()');
    } else {
      await h.exec(`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_event WHEN NEW.action = 'transition.done'
                    BEGIN SELECT RAISE(ABORT, 'simulated audit failure'); END`);
    }
    try {
      await expect(
        h.app.get(TransitionsService).fire({ id: h.users.bm.id, name: 'bm', roles: ['beleidsmedewerker'] }, id, { event: 'ADVANCE', expectedVersion: version, explanations }),
      ).rejects.toThrow(/simulated audit failure/);
      // Over HTTP the same fault is a 500 problem+json without internals.
      const res = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations }).expect(500);
      expect(res.body.type).toMatch(/\/internal$/);
      expect(JSON.stringify(res.body)).not.toMatch(/simulated|SQLITE|stack/i);
    } finally {
      await h.exec(onPostgres() ? 'DROP TRIGGER test_fail_audit ON audit_event' : 'DROP TRIGGER test_fail_audit');
    }
    const row = await h.db.read((tx) => tx.get<{ state: string; version: number }>('SELECT state, version FROM dossier WHERE id = ?', [id]));
    expect(row).toMatchObject({ state: 'voorfase-agendasetting', version });
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(events);
    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('answers a stale expectedVersion with 409 version-conflict and writes nothing', async () => {
    const { id } = await readyDossier();
    const { version, explanations } = await explainAll(id);
    await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations }).expect(201);
    const events = await count('SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ?', [id]);
    const res = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations }).expect(409);
    expect(res.body.type).toMatch(/\/version-conflict$/);
    expect(res.body).toMatchObject({ expectedVersion: version, currentVersion: version + 1 });
    expect(await count('SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ?', [id])).toBe(events);
  });

  it('commits the audit event of a refused attempt and nothing else', async () => {
    const created = await h.as(h.users.bm).post(base, { title: 'Leeg dossier', strategisch: true, besluitvormer: 'PS' }).expect(201);
    const id = created.body.id;
    const res = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    const refused = await h.db.read((tx) =>
      tx.get<{ content: string; actor_id: string }>("SELECT content, actor_id FROM audit_event WHERE dossier_id = ? AND action = 'transition.refused'", [id]),
    );
    expect(refused).toBeDefined();
    expect(refused!.actor_id).toBe(h.users.bm.id);
    const payload = (JSON.parse(refused!.content) as { payload: { evaluation: { id: string; blockReason?: string }[] } }).payload;
    expect(payload.evaluation.filter((e: { blockReason?: string }) => e.blockReason).map((e: { id: string }) => e.id).sort()).toEqual(
      res.body.unmetRequirements.map((u: { id: string }) => u.id).sort(),
    );
    const row = await h.db.read((tx) => tx.get<{ state: string; version: number }>('SELECT state, version FROM dossier WHERE id = ?', [id]));
    expect(row).toMatchObject({ state: 'voorfase-agendasetting', version: 1 });
  });

  it.each(['audit_event', 'evidence'])('refuses UPDATE and DELETE on %s at the database level', async (table) => {
    await readyDossier();
    const column = table === 'audit_event' ? 'hash' : 'kind'; // (audit_event's other columns are generated from content)
    await expect(h.exec(`UPDATE ${table} SET ${column} = 'x'`)).rejects.toThrow(/append-only/);
    await expect(h.exec(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    if (onPostgres()) await expect(h.exec(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    expect(await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = 'x'`)).toBe(0);
  });

  describe('waivers (X-04)', () => {
    it('refuses a waiver of a law-derived requirement', async () => {
      const { id } = await readyDossier();
      const res = await h
        .as(h.users.bm)
        .post(`${base}/${id}/waivers`, { requirementId: 'G1-04', reasonCode: 'spoed', motivation: 'Geen tijd voor classificatie.' })
        .expect(422);
      expect(res.body.type).toMatch(/\/waiver-not-allowed$/);
    });

    it('lets a waiver through once, approved by another teamleider than the requester', async () => {
      const created = await h
        .as(h.users.bm)
        .post(base, { title: 'Spoedverordening', strategisch: true, besluitvormer: 'GS', besluittype: 'besluit-algemene-strekking', instrumentType: 'none', herkomst: 'wettelijke-verplichting' })
        .expect(201);
      const id = created.body.id;
      // G1-03 (strategisch without motivation) is hard and waivable.
      const w = await h
        .as(h.users.bm)
        .post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Wettelijke termijn verstrijkt; motivering volgt.', approverId: h.users.tl.id })
        .expect(201);
      expect(w.body.status).toBe('requested');
      // Not approved yet: G1-03 still blocks; recording the evidence or an approved waiver would let it pass.
      const blocked = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
      expect(blocked.body.unmetRequirements.find((u: { id: string }) => u.id === 'G1-03').blockReason).toBe('evidence-or-waiver'); // was 'waiver-required': evidence alone still satisfies it (issue #11)
      // The named approver is someone else; another teamleider may not decide it.
      await h.as(h.users.tl2).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(403);
      const ok = await h.as(h.users.tl).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve', note: 'Akkoord.' }).expect(200);
      expect(ok.body).toMatchObject({ status: 'approved', decidedBy: h.users.tl.id, requestedBy: h.users.bm.id });
      const { version, explanations } = await explainAll(id);
      const t = await h.as(h.users.bm).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version, explanations }).expect(201);
      expect(t.body.waived).toEqual({ 'G1-03': w.body.id });
      const list = await h.as(h.users.auditor).get(`${base}/${id}/waivers`).expect(200);
      expect(list.body[0]).toMatchObject({ status: 'used', usedByEvent: expect.any(String) });
      // Used up: deciding it again is a conflict.
      const again = await h.as(h.users.tl).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(409);
      expect(again.body).toMatchObject({ status: 409, waiverStatus: 'used' });
    });
  });
});

import type { Response } from 'supertest';
import { MAX_EVIDENCE_PER_DOSSIER, MAX_WAIVERS_PER_DOSSIER } from '../../src/dossiers/limits';
import { Harness, startHarness } from '../support/harness';
import { OpenApiDoc, OpenApiValidator } from '../support/openapi-validator';

/**
 * The bounds the published document declares are enforced (issue #14): a dossier refuses evidence and waiver
 * requests past its maximum with a 409 limit-reached, and the lists that grow without bound come in pages of at
 * most `limit` — each answer checked against the document.
 */
jest.setTimeout(120_000);

describe('the limits the OpenAPI document declares', () => {
  let h: Harness;
  let v: OpenApiValidator;
  const mismatches: string[] = [];
  const check = async (pending: PromiseLike<Response>): Promise<Response> => {
    const res = await pending;
    mismatches.push(...v.problems(res));
    return res;
  };
  const base = '/api/v1/dossiers';
  const bm = () => h.as(h.users.bm);

  beforeAll(async () => {
    h = await startHarness();
    v = new OpenApiValidator((await h.http().get('/api/docs-json').expect(200)).body as OpenApiDoc);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(mismatches.splice(0)).toEqual([]);
  });

  const newDossier = async (title: string): Promise<string> => {
    const created = await bm().post(base, { title, strategisch: true, besluitvormer: 'PS' }).expect(201);
    return created.body.id as string;
  };
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  /** Rows in one INSERT of many VALUES (SQLite and PostgreSQL alike). */
  const insertMany = async (table: string, columns: string[], rows: string[][]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((r) => `(${r.map((x) => `'${x}'`).join(', ')})`);
      await h.exec(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);
    }
  };

  it(`a dossier holding ${MAX_EVIDENCE_PER_DOSSIER} evidence records refuses another with 409 limit-reached`, async () => {
    const id = await newDossier('Vol dossier');
    const body = { kind: 'document', occurredOn: '2026-02-20', data: { documentType: 'overig', titel: 'Nog een notitie' } };
    const one = await check(bm().post(`${base}/${id}/evidence`, body));
    expect(one.status).toBe(201);
    // Creating the dossier recorded its classification already: fill it up to exactly the maximum.
    const held = ((await bm().get(`${base}/${id}/evidence`).expect(200)).body as unknown[]).length;
    const rows = Array.from({ length: MAX_EVIDENCE_PER_DOSSIER - held }, (_, i) => [
      uuid(i + 1),
      id,
      'document',
      '2026-02-20',
      '2026-03-02T09:00:00.000Z',
      h.users.bm.id,
      String(held + 1 + i),
      JSON.stringify({ documentType: 'overig', titel: `Notitie ${i}` }),
    ]);
    await insertMany('evidence', ['id', 'dossier_id', 'kind', 'occurred_on', 'recorded_at', 'recorded_by', 'position', 'data'], rows);
    const refused = await check(bm().post(`${base}/${id}/evidence`, body));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/limit-reached$/), resource: 'evidence', limit: MAX_EVIDENCE_PER_DOSSIER });
    expect(refused.body.detail).toMatch(/vastleggingen/);
    const listed = await check(bm().get(`${base}/${id}/evidence`));
    expect(listed.body).toHaveLength(MAX_EVIDENCE_PER_DOSSIER);
  });

  it(`a dossier holding ${MAX_WAIVERS_PER_DOSSIER} waiver requests refuses another with 409 limit-reached`, async () => {
    const id = await newDossier('Veel vrijstellingen');
    const view = await bm().get(`${base}/${id}`).expect(200);
    const waivable = (view.body.next.requirements as Array<{ id: string; waivable: boolean; status: string }>).find((r) => r.waivable && r.status === 'unsatisfied');
    expect(waivable).toBeDefined();
    const rows = Array.from({ length: MAX_WAIVERS_PER_DOSSIER }, (_, i) => [
      uuid(100_000 + i),
      id,
      waivable!.id,
      'spoed',
      'Eerder afgewezen verzoek.',
      h.users.bm.id,
      '2026-03-01T09:00:00.000Z',
      'rejected',
    ]);
    await insertMany('waiver', ['id', 'dossier_id', 'requirement_id', 'reason_code', 'motivation', 'requested_by', 'requested_at', 'status'], rows);
    const refused = await check(bm().post(`${base}/${id}/waivers`, { requirementId: waivable!.id, reasonCode: 'spoed', motivation: 'Spoed: de termijn van het Rijk loopt af.' }));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ resource: 'waivers', limit: MAX_WAIVERS_PER_DOSSIER });
  });

  it('users and tokens come in pages of at most limit, with total; a limit past 200 is a 400', async () => {
    const b = () => h.as(h.users.beheerder);
    const all = await check(b().get('/api/v1/users'));
    expect(all.body).toMatchObject({ limit: 200, offset: 0 });
    expect(all.body.items).toHaveLength(all.body.total);
    const first = await check(b().get('/api/v1/users?limit=2'));
    const second = await check(b().get('/api/v1/users?limit=2&offset=2'));
    expect(first.body.items).toHaveLength(2);
    expect([...first.body.items, ...second.body.items].map((u: { id: string }) => u.id)).toEqual(all.body.items.slice(0, 4).map((u: { id: string }) => u.id));
    expect((await check(b().get('/api/v1/users?limit=201'))).status).toBe(400);
    expect((await check(b().get('/api/v1/users?offset=-1'))).status).toBe(400);
    const tokens = await check(b().get('/api/v1/tokens?limit=1'));
    expect(tokens.body.items).toHaveLength(1);
    expect(tokens.body.total).toBeGreaterThan(1);
    const own = await check(bm().get('/api/v1/me/tokens'));
    expect(own.body.items.every((t: { userId: string }) => t.userId === h.users.bm.id)).toBe(true);
    const leiders = await check(bm().get('/api/v1/users/teamleiders?limit=1'));
    expect(leiders.body.items).toHaveLength(1);
    expect(leiders.body.total).toBe(2);
  });

  it('the transition history and a dossier’s flags come in pages (limit, afterSeq)', async () => {
    const id = await newDossier('Geschiedenis in pagina’s');
    for (let i = 0; i < 3; i++) expect((await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 })).status).toBe(409);
    const all = await check(bm().get(`${base}/${id}/transitions`));
    expect(all.body.items).toHaveLength(3);
    expect(all.body.nextAfterSeq).toBeNull();
    const first = await check(bm().get(`${base}/${id}/transitions?limit=2`));
    expect(first.body.items).toHaveLength(2);
    const rest = await check(bm().get(`${base}/${id}/transitions?limit=2&afterSeq=${first.body.nextAfterSeq}`));
    expect([...first.body.items, ...rest.body.items].map((t: { seq: number }) => t.seq)).toEqual(all.body.items.map((t: { seq: number }) => t.seq));
    expect(rest.body.nextAfterSeq).toBeNull();
    expect((await check(bm().get(`${base}/${id}/transitions?limit=1001`))).status).toBe(400);
    const flags = await check(h.as(h.users.auditor).get(`${base}/${id}/flags?limit=5`));
    expect(flags.body).toMatchObject({ dossierId: id, nextAfterSeq: null });
  });

  it('the heads of GET /audit/verify come in pages (headsLimit, headsAfter)', async () => {
    const a = () => h.as(h.users.auditor);
    const all = await check(a().get('/api/v1/audit/verify'));
    expect(all.body.heads.length).toBeGreaterThan(2);
    expect(all.body.nextHeadsAfter).toBeNull();
    const first = await check(a().get('/api/v1/audit/verify?headsLimit=2'));
    expect(first.body.heads).toEqual(all.body.heads.slice(0, 2));
    expect(first.body.nextHeadsAfter).toBe(all.body.heads[1].stream);
    const next = await check(a().get(`/api/v1/audit/verify?headsLimit=2&headsAfter=${first.body.nextHeadsAfter}`));
    expect(next.body.heads).toEqual(all.body.heads.slice(2, 4));
    expect((await check(a().get('/api/v1/audit/verify?headsAfter=nope'))).status).toBe(400);
    expect((await check(a().get('/api/v1/audit/verify?headsLimit=0'))).status).toBe(400);
  });
});

import type { Response } from 'supertest';
import { DRENTHE_2021 } from '../../workflows/drenthe-verbindend-besturen/workflow';
import { WorkflowRegistry } from '../../workflows/registry';
import { nextVersionOf } from '../../workflows/testing/next-version';
import { Harness, startHarness } from '../support/harness';
import { OpenApiDoc, OpenApiValidator } from '../support/openapi-validator';

/**
 * Every answer the service gives matches the published document: the main journeys (dossier, refused
 * ADVANCE, evidence, explanations, waiver request and decision, transitions, compliance views, audit) and
 * the problems (400, 401, 403, 404, 409, 413, 415, 422, 429), each checked — status, content type, body and
 * required headers — against /api/docs-json by ajv.
 */
// Journeys of several requests each: on a busy machine one takes longer than jest's default 5 s.
jest.setTimeout(60_000);

describe('answers match the published OpenAPI document', () => {
  let h: Harness;
  let v: OpenApiValidator;
  let doc: OpenApiDoc;
  const mismatches: string[] = [];
  /** Check one answer and hand it back, so a journey reads as it would without the check. */
  const check = async (pending: PromiseLike<Response>): Promise<Response> => {
    const res = await pending;
    mismatches.push(...v.problems(res));
    return res;
  };

  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
    v = new OpenApiValidator(doc);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    const found = mismatches.splice(0);
    expect(found).toEqual([]);
  });

  const bm = () => h.as(h.users.bm);
  const tl = () => h.as(h.users.tl);
  const base = '/api/v1/dossiers';
  const plan = {
    doel: 'Inwoners en bedrijven denken mee over de energiestrategie.',
    doelgroepen: ['inwoners'],
    niveaus: [{ doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' }],
    ruimteVoorInvloed: 'De verdeling van zoekgebieden is open.',
    planning: 'Voorjaar 2026 bijeenkomsten.',
    instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel', doelgroep: 'inwoners' }],
    terugkoppeling: 'Een reactienota.',
    informatievindplaats: 'https://www.provincie.drenthe.nl/energie',
  };
  let id = '';
  let version = 0;

  it('checks a real mismatch: an undocumented status and a body that breaks its schema are reported', async () => {
    const res = await h.as(h.users.bm).get('/api/v1/me');
    const bad = { ...res, status: 418 } as unknown as Response;
    expect(v.problems(bad).join('\n')).toMatch(/status not documented/);
    const broken = { ...res, text: JSON.stringify({ ...res.body, id: 42 }) } as unknown as Response;
    expect(v.problems(broken).join('\n')).toMatch(/body\/id/);
  });

  it('create a dossier, read it, list it; health and me', async () => {
    await check(h.http().get('/health'));
    await check(bm().get('/api/v1/me'));
    const created = await check(bm().post(base, { title: 'Regionale Energiestrategie 2.0', strategisch: true, besluitvormer: 'PS' }));
    expect(created.status).toBe(201);
    id = created.body.id;
    const read = await check(bm().get(`${base}/${id}`));
    expect(read.status).toBe(200);
    version = read.body.version;
    expect((await check(bm().get(`${base}?limit=5`))).status).toBe(200);
    expect((await check(h.as(h.users.griffie).get(`${base}/${id}`))).status).toBe(200);
    expect((await check(bm().get('/api/v1/workflows'))).status).toBe(200);
    expect((await check(bm().get('/api/v1/workflows/drenthe-verbindend-besturen/2021'))).status).toBe(200);
  });

  it('a refused ADVANCE is a 409 requirements-unmet; a stale version a 409 version-conflict', async () => {
    const refused = await check(bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version }));
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/requirements-unmet$/);
    const stale = await check(bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: version + 7 }));
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/version-conflict$/);
  });

  it('evidence, explanations and the transition that follows, with its history', async () => {
    const rec = await check(
      bm().post(`${base}/${id}/evidence`, {
        kind: 'classificatie',
        occurredOn: '2026-03-02',
        data: {
          strategischMotivatie: 'Raakt alle Drentse gemeenten.',
          besluittype: 'verordening',
          instrumentType: 'none',
          herkomst: 'gs-initiatief',
          herkomstBron: 'Coalitieakkoord 2023',
          reden: 'Classificatie aangevuld na intake',
        },
      }),
    );
    expect(rec.status).toBe(201);
    await check(bm().post(`${base}/${id}/evidence`, { kind: 'document', occurredOn: '2026-02-20', data: { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: plan, vastgesteldDoorGsOn: '2026-02-24', verzondenAanPsOn: '2026-02-25' } }));
    expect((await check(bm().get(`${base}/${id}/evidence`))).status).toBe(200);
    const view = await check(bm().get(`${base}/${id}`));
    const explanations = Object.fromEntries((view.body.next.explanationsRequired as string[]).map((r) => [r, `Toelichting bij ${r}: bewust afgewogen.`]));
    const moved = await check(bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: view.body.version, explanations }));
    expect(moved.status).toBe(201);
    expect((await check(bm().get(`${base}/${id}/transitions`))).status).toBe(200);
  });

  it('waiver requested, refused as not waivable (422), approved, listed', async () => {
    const view = await check(bm().get(`${base}/${id}`));
    const requirements = view.body.next.requirements as Array<{ id: string; waivable: boolean; status: string }>;
    const waivable = requirements.find((r) => r.waivable && r.status === 'unsatisfied');
    const notWaivable = requirements.find((r) => !r.waivable);
    if (notWaivable) {
      const refused = await check(bm().post(`${base}/${id}/waivers`, { requirementId: notWaivable.id, reasonCode: 'anders', motivation: 'Hiervoor geldt een uitzondering.' }));
      expect([409, 422]).toContain(refused.status);
    }
    expect(waivable).toBeDefined();
    const requested = await check(bm().post(`${base}/${id}/waivers`, { requirementId: waivable!.id, reasonCode: 'spoed', motivation: 'Spoed: de termijn van het Rijk loopt af.' }));
    expect(requested.status).toBe(201);
    const decided = await check(tl().post(`${base}/${id}/waivers/${requested.body.id}/decision`, { decision: 'approve', note: 'Akkoord.' }));
    expect(decided.status).toBe(200);
    const again = await check(tl().post(`${base}/${id}/waivers/${requested.body.id}/decision`, { decision: 'approve' }));
    expect(again.status).toBe(409);
    expect((await check(bm().get(`${base}/${id}/waivers`))).status).toBe(200);
  });

  it('compliance views as JSON', async () => {
    // A terinzagelegging starts the zienswijzentermijn (TM-01), so the timer views have a row.
    const tm = await check(bm().post(`${base}/${id}/evidence`, { kind: 'procedure', occurredOn: '2026-03-02', data: { stap: 'terinzagelegging', startOn: '2026-03-02' } }));
    expect(tm.status).toBe(201);
    const g = () => h.as(h.users.griffie);
    for (const path of ['', '/waivers', '/timers', '/startnotitie', '/participation', '/summary?from=2026-01-01&to=2026-12-31']) {
      const res = await check(g().get(`/api/v1/compliance${path}`));
      expect([path, res.status, res.status === 200 ? '' : res.text]).toEqual([path, 200, '']);
    }
    const timers = await check(g().get('/api/v1/compliance/timers?status=all'));
    expect((timers.body.items as Array<{ timerId: string }>).map((t) => t.timerId)).toContain('TM-01');
  });

  it('audit: verify, history, state, flags, export', async () => {
    const a = () => h.as(h.users.auditor);
    expect((await check(a().get('/api/v1/audit/verify'))).status).toBe(200);
    expect((await check(a().get(`/api/v1/audit/verify?dossierId=${id}`))).status).toBe(200);
    expect((await check(a().get(`${base}/${id}/history`))).status).toBe(200);
    expect((await check(a().get(`${base}/${id}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`))).status).toBe(200);
    expect((await check(a().get(`${base}/${id}/flags`))).status).toBe(200);
    expect((await check(a().get('/api/v1/audit/flags'))).status).toBe(200);
    expect((await check(a().get(`/api/v1/audit/export?dossierId=${id}`))).status).toBe(200);
  });

  it('users and tokens: a beheerder creates a user, who makes and revokes a token of their own', async () => {
    const b = () => h.as(h.users.beheerder);
    const user = await check(b().post('/api/v1/users', { name: 'Wim Werk', roles: ['beleidsmedewerker'] }));
    expect(user.status).toBe(201);
    expect((await check(b().get('/api/v1/users'))).status).toBe(200);
    expect((await check(b().get('/api/v1/tokens'))).status).toBe(200);
    expect((await check(bm().get('/api/v1/users/teamleiders'))).status).toBe(200);
    const wim = () => h.as({ id: user.body.user.id, token: user.body.token, name: 'Wim Werk' });
    const token = await check(wim().post(`/api/v1/users/${user.body.user.id}/tokens`, { label: 'laptop' }));
    expect(token.status).toBe(201);
    const own = () => h.as({ id: user.body.user.id, token: token.body.token, name: 'Wim Werk' });
    expect((await check(own().get('/api/v1/me/tokens'))).status).toBe(200);
    expect((await check(own().post(`/api/v1/tokens/${token.body.tokenId}/revoke`))).status).toBe(200);
  });

  it('a legal deadline (termijn)', async () => {
    expect((await check(bm().get('/api/v1/termijnen?duur=P6W&aanvang=2026-03-02'))).status).toBe(200);
  });

  it('assignment by the teamleider', async () => {
    const read = await check(tl().get(`${base}/${id}`));
    const assigned = await check(tl().post(`${base}/${id}/assignment`, { assigneeId: h.users.bm.id, expectedVersion: read.body.version }));
    expect(assigned.status).toBe(200);
  });

  it('problems: 400, 401, 403, 404, 413, 415', async () => {
    expect((await check(bm().post(base, { title: '', strategisch: 'ja' }))).status).toBe(400);
    expect((await check(bm().get(`${base}/not-a-uuid`))).status).toBe(400);
    expect((await check(bm().get(`${base}?limit=0`))).status).toBe(400);
    expect((await check(bm().post(base).set('Content-Type', 'application/json').send('{"title": '))).status).toBe(400);
    expect((await check(h.http().get(base))).status).toBe(401);
    expect((await check(h.http().get(base).set('Authorization', 'Bearer kw_0000000000000000.nope'))).status).toBe(401);
    // A public route needs no token, but one that is sent must be valid.
    expect((await check(h.http().get('/health').set('Authorization', 'Bearer kw_0000000000000000.nope'))).status).toBe(401);
    expect((await check(h.as(h.users.auditor).post(base, { title: 'Mag niet', strategisch: false, besluitvormer: 'GS' }))).status).toBe(403);
    expect((await check(h.as(h.users.bm2).post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }))).status).toBe(403);
    expect((await check(bm().get(`${base}/00000000-0000-4000-8000-000000000000`))).status).toBe(404);
    const big = 'x'.repeat(h.config.bodyLimitBytes + 10);
    expect((await check(bm().post(base, { title: big, strategisch: true, besluitvormer: 'PS' }))).status).toBe(413);
    expect((await check(bm().post(base).set('Content-Type', 'text/plain').send('titel'))).status).toBe(415);
  });

  it('moving a dossier to a newer workflow version: the dry run, the refusals, the move (issue #16)', async () => {
    h.app.get(WorkflowRegistry).register(nextVersionOf(DRENTHE_2021, '2099'), 'active');
    expect((await check(tl().get('/api/v1/workflows'))).status).toBe(200);
    const read = await check(tl().get(`${base}/${id}`));
    const body = { targetVersion: '2099', expectedVersion: read.body.version, reason: 'Nieuwe versie van het kader', dryRun: true };
    expect((await check(tl().post(`${base}/${id}/migrations`, body))).status).toBe(200);
    expect((await check(tl().post(`${base}/${id}/migrations`, { ...body, targetVersion: '2030' }))).status).toBe(400);
    expect((await check(tl().post(`${base}/${id}/migrations`, { ...body, targetVersion: '2021' }))).status).toBe(409);
    expect((await check(tl().post(`${base}/${id}/migrations`, { ...body, expectedVersion: read.body.version + 1 }))).status).toBe(409);
    expect((await check(bm().post(`${base}/${id}/migrations`, body))).status).toBe(403);
    expect((await check(tl().post(`${base}/${id}/migrations`, { ...body, dryRun: false }))).status).toBe(201);
  });

  it('the journeys reached every operation with a success, and every problem status', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId!));
    const succeeded = new Set([...v.seen].filter((s) => / 2\d\d$/.test(s)).map((s) => s.split(' ')[0]));
    expect(operations.filter((op) => !succeeded.has(op))).toEqual([]);
    const statuses = new Set([...v.seen].map((s) => s.split(' ')[1]));
    expect(['400', '401', '403', '404', '409', '413', '415', '422'].filter((s) => !statuses.has(s))).toEqual([]);
  });
});

describe('the rate limit answer matches the published OpenAPI document', () => {
  it('429 with Retry-After and the RateLimit headers, and the headers on the answers before it', async () => {
    const h = await startHarness({ rateLimitPerMinute: 3 });
    try {
      const v = new OpenApiValidator((await h.http().get('/api/docs-json').expect(200)).body as OpenApiDoc);
      const answers: Response[] = [];
      for (let i = 0; i < 4; i++) answers.push(await h.as(h.users.bm).get('/api/v1/me'));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
      expect(Number(answers[3].headers['retry-after'])).toBeGreaterThan(0);
      expect(answers.flatMap((r) => v.problems(r))).toEqual([]);
      // The library's own per-throttler headers are not sent: the document declares the RateLimit-* ones.
      expect(Object.keys(answers[0].headers).filter((k) => k.startsWith('x-ratelimit'))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

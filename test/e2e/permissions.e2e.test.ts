import { DRENTHE_2021 } from '../../workflows/drenthe-verbindend-besturen/workflow';
import { WorkflowRegistry } from '../../workflows/registry';
import { nextVersionOf } from '../../workflows/testing/next-version';
import { Harness, startHarness, TestUser } from '../support/harness';

type RoleKey = 'bm' | 'bm2' | 'tl' | 'griffie' | 'auditor' | 'beheerder';
const ROLES: RoleKey[] = ['bm', 'bm2', 'tl', 'griffie', 'auditor', 'beheerder'];

/**
 * The permission table of src/auth/permissions.ts, cell by cell, on real HTTP with real tokens.
 * `bm` is the beleidsmedewerker the fixture dossier is assigned to; `bm2` is another beleidsmedewerker.
 */
describe('permissions: every (role × action) cell over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // A newer version to move dossiers to (issue #16); the fixture dossiers stay under 2021.
    h.app.get(WorkflowRegistry).register(nextVersionOf(DRENTHE_2021, '2099'), 'active');
  });
  afterAll(async () => {
    await h.close();
  });

  const base = '/api/v1/dossiers';

  /** A fresh dossier assigned to bm, strategic without motivation (so G1-03 can be waived), with a requested waiver. */
  async function fixture() {
    const d = await h.as(h.users.bm).post(base, { title: 'Matrix', strategisch: true, besluitvormer: 'PS', workflow: { id: DRENTHE_2021.id, version: '2021' } }).expect(201);
    const w = await h
      .as(h.users.bm)
      .post(`${base}/${d.body.id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na overleg.' })
      .expect(201);
    const besluit = (u: TestUser, orgaan: string) =>
      h.as(u).post(`${base}/${d.body.id}/evidence`, { kind: 'besluit', occurredOn: '2026-02-20', data: { orgaan, onderwerp: 'overig', kenmerk: `${orgaan} 2026-1`, besluitdatum: '2026-02-20' } }).expect(201);
    const gsBesluit = await besluit(h.users.bm, 'GS');
    const psBesluit = await besluit(h.users.griffie, 'PS');
    return { id: d.body.id as string, version: d.body.version as number, waiverId: w.body.id as string, gsBesluitId: gsBesluit.body.id as string, psBesluitId: psBesluit.body.id as string };
  }

  /** A correction of a decision record: who may supersede depends on the record superseded (issue #12). */
  const supersede = (u: TestUser, dossierId: string, supersedes: string, orgaan: string) =>
    h.as(u).post(`${base}/${dossierId}/evidence`, { kind: 'besluit', occurredOn: '2026-02-20', supersedes, data: { orgaan, onderwerp: 'overig', kenmerk: `${orgaan} 2026-1a`, besluitdatum: '2026-02-20' } });

  interface Cell {
    action: string;
    allowed: RoleKey[];
    ok: number;
    send: (u: TestUser, f: Awaited<ReturnType<typeof fixture>>) => Promise<{ status: number; body: { type?: string } }>;
  }

  const cells: Cell[] = [
    { action: 'create a dossier', allowed: ['bm', 'bm2'], ok: 201, send: (u) => h.as(u).post(base, { title: 'X', strategisch: false, besluitvormer: 'GS' }) },
    { action: 'list dossiers', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u) => h.as(u).get(base) },
    { action: 'read a dossier', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}`) },
    { action: 'read evidence', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/evidence`) },
    { action: 'read transitions', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/transitions`) },
    { action: 'read waivers', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/waivers`) },
    {
      action: 'assign a dossier',
      allowed: ['tl'],
      ok: 200,
      send: (u, f) => h.as(u).post(`${base}/${f.id}/assignment`, { assigneeId: h.users.bm2.id, expectedVersion: f.version }),
    },
    {
      action: 'record evidence on the dossier',
      allowed: ['bm'],
      ok: 201,
      send: (u, f) =>
        h.as(u).post(`${base}/${f.id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', data: { vraag: 'beginspraak', antwoord: false, toelichting: 'nee' } }),
    },
    {
      action: 'record PS-side evidence (committee handling)',
      allowed: ['bm', 'griffie'],
      ok: 201,
      send: (u, f) =>
        h.as(u).post(`${base}/${f.id}/evidence`, {
          kind: 'procedure',
          occurredOn: '2026-03-01',
          data: { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Ruimte, Infrastructuur en Mobiliteit', vergaderdatum: '2026-03-01', aantalInsprekers: 2 },
        }),
    },
    {
      action: 'fire a transition',
      allowed: ['bm'],
      ok: 201,
      send: (u, f) => h.as(u).post(`${base}/${f.id}/transitions`, { event: 'WITHDRAW', expectedVersion: f.version, reason: 'Matrix-test' }),
    },
    {
      action: 'request a waiver',
      allowed: ['bm'],
      ok: 201,
      send: (u, f) =>
        h.as(u).post(`${base}/${f.id}/waivers`, { requirementId: 'G1-01', reasonCode: 'anders', motivation: 'Herkomst wordt nog uitgezocht.' }),
    },
    {
      action: 'move a dossier to a newer workflow version (dry run)',
      allowed: ['tl'],
      ok: 200,
      send: (u, f) => h.as(u).post(`${base}/${f.id}/migrations`, { targetVersion: '2099', expectedVersion: f.version, reason: 'Matrix-test', dryRun: true }),
    },
    {
      action: 'move a dossier to a newer workflow version',
      allowed: ['tl'],
      ok: 201,
      send: (u, f) => h.as(u).post(`${base}/${f.id}/migrations`, { targetVersion: '2099', expectedVersion: f.version, reason: 'Matrix-test', dryRun: false }),
    },
    { action: 'decide a waiver', allowed: ['tl'], ok: 200, send: (u, f) => h.as(u).post(`${base}/${f.id}/waivers/${f.waiverId}/decision`, { decision: 'reject', note: 'Eerst motiveren.' }) },
    { action: 'verify the audit chain', allowed: ROLES, ok: 200, send: (u) => h.as(u).get('/api/v1/audit/verify') },
    { action: 'read workflows', allowed: ROLES, ok: 200, send: (u) => h.as(u).get('/api/v1/workflows/drenthe-verbindend-besturen/2021') },
    { action: 'read a dossier history', allowed: ['griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/history`) },
    { action: 'read a dossier state on a date', allowed: ['griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/state?at=2026-03-02T09:00:00.000Z`) },
    { action: 'read audit flags', allowed: ['griffie', 'auditor'], ok: 200, send: (u, f) => h.as(u).get(`${base}/${f.id}/flags`) },
    { action: 'export the audit trail', allowed: ['auditor'], ok: 200, send: (u, f) => h.as(u).get(`/api/v1/audit/export?format=jsonl&dossierId=${f.id}`) },
    { action: 'compute a termijn', allowed: ROLES, ok: 200, send: (u) => h.as(u).get('/api/v1/termijnen?aanvang=2025-04-18&duur=P6W') },
    { action: 'read compliance', allowed: ['bm', 'bm2', 'tl', 'griffie', 'auditor'], ok: 200, send: (u) => h.as(u).get('/api/v1/compliance') },
    { action: 'create a user', allowed: ['beheerder'], ok: 201, send: (u) => h.as(u).post('/api/v1/users', { name: 'Nieuw', roles: ['auditor'] }) },
    { action: 'list users', allowed: ['beheerder'], ok: 200, send: (u) => h.as(u).get('/api/v1/users') },
    { action: 'list tokens', allowed: ['beheerder'], ok: 200, send: (u) => h.as(u).get('/api/v1/tokens') },
    // Issue #12: tokens are created by their own user; a beheerder hands out only a user's first token.
    { action: 'create a token for yourself', allowed: ROLES, ok: 201, send: (u) => h.as(u).post(`/api/v1/users/${u.id}/tokens`, { label: 'eigen' }) },
    { action: 'create a token for a user who has one', allowed: [], ok: 201, send: (u) => h.as(u).post(`/api/v1/users/${h.users.tl2.id}/tokens`, { label: 'overname' }) },
    { action: 'list your own tokens', allowed: ROLES, ok: 200, send: (u) => h.as(u).get('/api/v1/me/tokens') },
    {
      action: 'revoke your own token',
      allowed: ROLES,
      ok: 200,
      send: async (u) => h.as(u).post(`/api/v1/tokens/${(await h.as(u).post(`/api/v1/users/${u.id}/tokens`, {}).expect(201)).body.tokenId as string}/revoke`),
    },
    { action: "revoke someone else's token", allowed: ['beheerder'], ok: 200, send: async (u) => h.as(u).post(`/api/v1/tokens/${(await h.as(h.users.tl2).post(`/api/v1/users/${h.users.tl2.id}/tokens`, {}).expect(201)).body.tokenId as string}/revoke`) },
    // Issue #11: whom to ask for a waiver.
    { action: 'list the teamleiders (ids and names)', allowed: ['bm', 'bm2', 'tl'], ok: 200, send: (u) => h.as(u).get('/api/v1/users/teamleiders') },
    // Issue #12: superseding is decided by the record superseded as well as by the new one.
    { action: 'supersede a GS decision (with a PS decision)', allowed: ['bm'], ok: 201, send: (u, f) => supersede(u, f.id, f.gsBesluitId, 'PS') },
    { action: 'supersede a GS decision (with a GS decision)', allowed: ['bm'], ok: 201, send: (u, f) => supersede(u, f.id, f.gsBesluitId, 'GS') },
    { action: 'supersede a PS decision', allowed: ['bm', 'griffie'], ok: 201, send: (u, f) => supersede(u, f.id, f.psBesluitId, 'PS') },
  ];

  const table = cells.flatMap((c) => ROLES.map((role) => [c.action, role, c.allowed.includes(role) ? c.ok : 403, c] as const));

  it.each(table)('%s as %s → %d', async (_action, role, expected, cell) => {
    const f = await fixture();
    const deniedBefore = await h.db.read(async (tx) => Number((await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'access.denied'"))!.n));
    const res = await cell.send(h.users[role], f);
    expect(res.status).toBe(expected);
    const deniedAfter = await h.db.read(async (tx) => Number((await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'access.denied'"))!.n));
    if (expected === 403) {
      expect(res.body.type).toMatch(/\/forbidden$/);
      expect(deniedAfter).toBe(deniedBefore + 1);
    } else {
      expect(deniedAfter).toBe(deniedBefore);
    }
  });

  it('names actor and roles on every audit event, and requester and approver on a decided waiver', async () => {
    const f = await fixture();
    await h.as(h.users.tl).post(`${base}/${f.id}/waivers/${f.waiverId}/decision`, { decision: 'approve' }).expect(200);
    type Event = { actorId: string; actorRoles: string[]; action: string; payload: Record<string, unknown> };
    const rows = (await h.db.read((tx) => tx.all<{ content: string }>('SELECT content FROM audit_event WHERE dossier_id = ?', [f.id]))).map(
      (r) => JSON.parse(r.content) as Event,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.actorId).toBeTruthy();
      expect(r.actorRoles.length).toBeGreaterThan(0);
    }
    const approved = rows.find((r) => r.action === 'waiver.approved')!;
    expect(approved.payload).toMatchObject({ requester: h.users.bm.id, approver: h.users.tl.id });
    expect(approved.actorRoles).toEqual(['teamleider']);
  });
});

/**
 * Issue #12: the role combinations one user may hold (ALLOWED_ROLE_SETS in src/auth/permissions.ts, README "Users, roles
 * and tokens"). Every non-empty subset of the five roles is tried; the expected list is written out here, not imported.
 */
describe('permissions: every role combination', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const ALL = ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'];
  const ALLOWED = ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder', 'beleidsmedewerker+teamleider'];
  const subsets = Array.from({ length: 31 }, (_, i) => ALL.filter((_r, bit) => ((i + 1) >> bit) & 1));
  const table = subsets.map((roles) => [roles.join('+'), ALLOWED.includes(roles.join('+')) ? 201 : 400, roles] as const);

  it.each(table)('a user with %s → %d', async (_name, expected, roles) => {
    const res = await h.as(h.users.beheerder).post('/api/v1/users', { name: `Combinatie ${roles.join(' ')}`, roles });
    expect(res.status).toBe(expected);
    if (expected === 400) expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['roles']);
  });
});

describe('tokens and segregation of duties', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a revoked token from the next request on', async () => {
    const created = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Tijdelijk', roles: ['auditor'] }).expect(201);
    const token = created.body.token as string;
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await h.as(h.users.beheerder).post(`/api/v1/tokens/${created.body.tokenId}/revoke`).expect(200);
    const res = await h.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body.type).toMatch(/\/unauthenticated$/);
    const listed = await h.as(h.users.beheerder).get('/api/v1/tokens').expect(200);
    const entry = listed.body.items.find((t: { id: string }) => t.id === created.body.tokenId);
    expect(entry).toMatchObject({ status: 'revoked' });
    expect(JSON.stringify(listed.body)).not.toContain(token.split('.')[1]);
  });

  it('refuses an expired token', async () => {
    const created = await h
      .as(h.users.beheerder)
      .post('/api/v1/users', { name: 'Kort', roles: ['auditor'], tokenExpiresAt: '2026-03-03T09:00:00.000Z' })
      .expect(201);
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(200);
    h.clock.set('2026-03-04T09:00:00.000Z');
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(401);
  });

  it('refuses a missing, malformed or forged token with 401', async () => {
    await h.http().get('/api/v1/dossiers').expect(401);
    await h.http().get('/api/v1/dossiers').set('Authorization', 'Basic abc').expect(401);
    const forged = h.users.bm.token.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    await h.http().get('/api/v1/dossiers').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('does not let a teamleider approve a waiver they requested themselves', async () => {
    const dual = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Dubbel', roles: ['beleidsmedewerker', 'teamleider'] }).expect(201);
    const u = { id: dual.body.user.id, token: dual.body.token, name: 'Dubbel' };
    const d = await h.as(u).post('/api/v1/dossiers', { title: 'Eigen waiver', strategisch: true, besluitvormer: 'GS' }).expect(201);
    const w = await h.as(u).post(`/api/v1/dossiers/${d.body.id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Volgt later, wettelijke termijn.' }).expect(201);
    const res = await h.as(u).post(`/api/v1/dossiers/${d.body.id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(403);
    expect(res.body.detail).toMatch(/functiescheiding/); // Dutch by default (issue #11)
    const en = await h.as(u).post(`/api/v1/dossiers/${d.body.id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).set('Accept-Language', 'en').expect(403);
    expect(en.body.detail).toMatch(/segregation of duties/);
    expect(en.headers['content-language']).toBe('en');
    await h.as(h.users.tl).post(`/api/v1/dossiers/${d.body.id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(200);
  });

  it('does not let the griffie advance, nor the auditor write anything', async () => {
    const d = await h.as(h.users.bm).post('/api/v1/dossiers', { title: 'Alleen lezen', strategisch: false, besluitvormer: 'GS' }).expect(201);
    await h.as(h.users.griffie).post(`/api/v1/dossiers/${d.body.id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(403);
    for (const [url, body] of [
      ['/api/v1/dossiers', { title: 'x', strategisch: false, besluitvormer: 'GS' }],
      [`/api/v1/dossiers/${d.body.id}/evidence`, { kind: 'leerpunten', occurredOn: '2026-03-01', data: { leerpunten: 'x' } }],
      [`/api/v1/dossiers/${d.body.id}/transitions`, { event: 'WITHDRAW', expectedVersion: 1, reason: 'x' }],
      [`/api/v1/dossiers/${d.body.id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'motivering van tien' }],
      ['/api/v1/users', { name: 'x', roles: ['auditor'] }],
    ] as const) {
      await h.as(h.users.auditor).post(url, body).expect(403);
    }
    const after = await h.as(h.users.auditor).get(`/api/v1/dossiers/${d.body.id}`).expect(200);
    expect(after.body).toMatchObject({ phase: 'voorfase-agendasetting', version: 1 });
  });
});

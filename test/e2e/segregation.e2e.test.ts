import { AddressInfo, connect } from 'node:net';
import type { Request } from 'express';
import { runCli } from '../../src/cli/run';
import { SessionService } from '../../src/web/session/session.service';
import { Harness, startHarness, TestUser } from '../support/harness';

/**
 * Issue #12, "Segregation of duties": each finding seen on a running service, replayed over HTTP. Every test here
 * failed before the fix (a beheerder could issue a token for an existing teamleider, `["auditor","beheerder"]` was
 * 201, the griffie could supersede a GS decision, wrong secrets locked a token's owner out, a refused request wrote
 * its whole path to the trail, a beleidsmedewerker could assign a new dossier to someone else).
 */
type Event = { action: string; actorId: string; dossierId: string | null; payload: Record<string, unknown> };

async function events(h: Harness, where = '1 = 1', params: string[] = []): Promise<(Event & { size: number })[]> {
  const rows = await h.db.read((tx) => tx.all<{ content: string }>(`SELECT content FROM audit_event WHERE ${where} ORDER BY seq`, params));
  return rows.map((r) => ({ ...(JSON.parse(r.content) as Event), size: Buffer.byteLength(r.content) }));
}

const base = '/api/v1/dossiers';

describe('segregation of duties: tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function dossierWithWaiver() {
    const d = await h.as(h.users.bm).post(base, { title: 'Ontheffing', strategisch: true, besluitvormer: 'PS' }).expect(201);
    const w = await h
      .as(h.users.bm)
      .post(`${base}/${d.body.id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na overleg.' })
      .expect(201);
    return { id: d.body.id as string, waiverId: w.body.id as string };
  }

  it('refuses a beheerder a token for an existing teamleider, and records the refusal', async () => {
    const res = await h.as(h.users.beheerder).post(`/api/v1/users/${h.users.tl.id}/tokens`, { label: 'overname' }).expect(403);
    expect(res.body.type).toMatch(/\/forbidden$/);
    expect(res.body.reason).toBe('not-first-token');
    const denied = (await events(h, "action = 'access.denied'")).at(-1)!;
    expect(denied).toMatchObject({ actorId: h.users.beheerder.id, payload: { reason: 'not-first-token' } });
    const tokens = await h.as(h.users.beheerder).get('/api/v1/tokens').expect(200);
    expect(tokens.body.items.filter((t: { userId: string }) => t.userId === h.users.tl.id)).toHaveLength(1);
  });

  it('lets a beheerder hand the first token only to a user who never had one', async () => {
    await h.exec(
      `INSERT INTO app_user (id, name, roles, created_at, created_by) VALUES ('0b6f7c1e-2d7a-4c55-9a0e-3f1d2b4c5a6e', 'Zonder Token', '["griffie"]', '2026-03-01T09:00:00.000Z', 'system')`,
    );
    const first = await h.as(h.users.beheerder).post('/api/v1/users/0b6f7c1e-2d7a-4c55-9a0e-3f1d2b4c5a6e/tokens', {}).expect(201);
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${first.body.token}`).expect(200);
    await h.as(h.users.beheerder).post('/api/v1/users/0b6f7c1e-2d7a-4c55-9a0e-3f1d2b4c5a6e/tokens', {}).expect(403);
  });

  it('lets no one but a beheerder create a token for someone else', async () => {
    for (const u of [h.users.bm, h.users.tl, h.users.griffie, h.users.auditor]) {
      const res = await h.as(u).post(`/api/v1/users/${h.users.bm2.id}/tokens`, {}).expect(403);
      expect(res.body.reason).toBe('not-own-account');
    }
  });

  it('records who issued a handed-over token on every action taken with it, and the auditor sees those actions as flags', async () => {
    const f = await dossierWithWaiver();
    const created = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Nieke Nieuw', roles: ['teamleider'] }).expect(201);
    const handedOver: TestUser = { id: created.body.user.id, token: created.body.token, name: 'Nieke Nieuw' };
    await h.as(handedOver).post(`${base}/${f.id}/waivers/${f.waiverId}/decision`, { decision: 'approve' }).expect(200);

    const approved = (await events(h, "action = 'waiver.approved' AND dossier_id = ?", [f.id]))[0];
    expect(approved.actorId).toBe(handedOver.id);
    expect(approved.payload.tokenIssuedBy).toEqual({ id: h.users.beheerder.id, name: 'Bert Beheer', tokenId: created.body.tokenId });

    const flags = await h.as(h.users.auditor).get(`${base}/${f.id}/flags?kind=token-issued-by-another`).expect(200);
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0]).toMatchObject({ kind: 'token-issued-by-another', details: { action: 'waiver.approved', issuedBy: h.users.beheerder.id } });
    // The harness users' tokens were issued by the service itself at set-up: their actions raise no such flag.
    expect((await h.as(h.users.auditor).get('/api/v1/audit/flags?kind=token-issued-by-another').expect(200)).body.items).toHaveLength(1);
  });

  it('replaces a handed-over token when its user creates their own, and their own token raises no flag', async () => {
    const created = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Eigen Token', roles: ['teamleider'] }).expect(201);
    const handedOver = created.body.token as string;
    const own = await h.http().post(`/api/v1/users/${created.body.user.id}/tokens`).set('Authorization', `Bearer ${handedOver}`).send({ label: 'eigen' }).expect(201);
    expect(own.body.revokedTokenId).toBe(created.body.tokenId);
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${handedOver}`).expect(401);
    const me = await h.http().get('/api/v1/me').set('Authorization', `Bearer ${own.body.token}`).expect(200);
    expect(me.body.tokenIssuedBy).toBeUndefined();
    const mine = await h.http().get('/api/v1/me/tokens').set('Authorization', `Bearer ${own.body.token}`).expect(200);
    const listed = (mine.body.items as { id: string; status: string; issuedBy: string }[]).map((t) => [t.id, t.status, t.issuedBy]);
    expect(listed.sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      [own.body.tokenId, 'active', created.body.user.id],
      [created.body.tokenId, 'revoked', h.users.beheerder.id],
    ]);

    const f = await dossierWithWaiver();
    await h.http().post(`${base}/${f.id}/waivers/${f.waiverId}/decision`).set('Authorization', `Bearer ${own.body.token}`).send({ decision: 'reject', note: 'Nee.' }).expect(200);
    const rejected = (await events(h, "action = 'waiver.rejected' AND dossier_id = ?", [f.id]))[0];
    expect(rejected.payload.tokenIssuedBy).toBeUndefined();
  });

  it('carries the issuer into a web session started with a handed-over token', async () => {
    const created = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Web Gebruiker', roles: ['teamleider'] }).expect(201);
    const form = await h.http().get('/inloggen').expect(200);
    const csrfCookie = form.headers['set-cookie'] as unknown as string[];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const signedIn = await h
      .http()
      .post('/inloggen')
      .set('Cookie', csrfCookie.map((c) => c.split(';')[0]).join('; '))
      .type('form')
      .send({ _csrf: csrf, token: created.body.token as string, terug: '/' })
      .expect(303);
    const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('kw_sessie='))!.split(';')[0];
    const current = await h.app.get(SessionService).current({ headers: { cookie: session } } as unknown as Request);
    expect(current!.actor.tokenIssuedBy).toEqual({ id: h.users.beheerder.id, name: 'Bert Beheer', tokenId: created.body.tokenId });
  });

  it('lets a user revoke their own token but not someone else\'s; a beheerder revokes any', async () => {
    const own = await h.as(h.users.griffie).post(`/api/v1/users/${h.users.griffie.id}/tokens`, { label: 'tweede' }).expect(201);
    const other = await h.as(h.users.auditor).post(`/api/v1/tokens/${own.body.tokenId}/revoke`).expect(403);
    expect(other.body.reason).toBe('not-own-token');
    const denied = (await events(h, "action = 'access.denied'")).at(-1)!;
    expect(denied).toMatchObject({ actorId: h.users.auditor.id, payload: { method: 'POST', path: `/api/v1/tokens/${own.body.tokenId}/revoke`, reason: 'not-own-token' } });
    await h.as(h.users.griffie).post(`/api/v1/tokens/${own.body.tokenId}/revoke`).expect(200);
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${own.body.token}`).expect(401);
    const again = await h.as(h.users.griffie).post(`/api/v1/users/${h.users.griffie.id}/tokens`, {}).expect(201);
    await h.as(h.users.beheerder).post(`/api/v1/tokens/${again.body.tokenId}/revoke`).expect(200);
  });

  it('keeps lastUsedAt, to the minute', async () => {
    const own = await h.as(h.users.auditor).post(`/api/v1/users/${h.users.auditor.id}/tokens`, { label: 'gebruikt' }).expect(201);
    const lastUsed = async () =>
      ((await h.as(h.users.beheerder).get('/api/v1/tokens').expect(200)).body.items as { id: string; lastUsedAt: string | null }[]).find((t) => t.id === own.body.tokenId)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${own.body.token}`).expect(200);
    expect(await lastUsed()).toBe(h.clock.now().toISOString());
    const first = h.clock.now().toISOString();
    h.clock.set(new Date(Date.parse(first) + 30_000).toISOString());
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${own.body.token}`).expect(200);
    expect(await lastUsed()).toBe(first);
    h.clock.set(new Date(Date.parse(first) + 61_000).toISOString());
    await h.http().get('/api/v1/me').set('Authorization', `Bearer ${own.body.token}`).expect(200);
    expect(await lastUsed()).toBe(h.clock.now().toISOString());
  });
});

/** Every combination is walked in permissions.e2e.test.ts; here the paths around it. */
describe('segregation of duties: role combinations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a three-role combination, naming why, and creates nothing', async () => {
    const three = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Drie', roles: ['beleidsmedewerker', 'teamleider', 'griffie'] }).expect(400);
    expect(three.body.errors).toEqual([{ field: 'roles', message: expect.stringMatching(/griffie .*kan niet worden gecombineerd/) }]);
    const before = (await h.as(h.users.beheerder).get('/api/v1/users').expect(200)).body.total;
    await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Auditor en beheerder', roles: ['auditor', 'beheerder'] }).expect(400);
    expect((await h.as(h.users.beheerder).get('/api/v1/users').expect(200)).body.total).toBe(before);
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')) }, { DATABASE_URL: h.config.database.url });
    return { code, out, err };
  }

  it('refuses a user whose stored roles break the table (left from an earlier version) until a beheerder changes them', async () => {
    const u = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Oud Account', roles: ['auditor'] }).expect(201);
    const id = u.body.user.id as string;
    await h.exec(`UPDATE app_user SET roles = '["auditor","beheerder"]' WHERE id = '${id}'`);
    await h.http().get('/api/v1/audit/export?format=jsonl').set('Authorization', `Bearer ${u.body.token}`).expect(401);
    const bad = await cli('users:roles', '--id', id, '--role', 'auditor', '--role', 'beheerder');
    expect(bad.code).not.toBe(0);
    expect(bad.err.join('\n')).toMatch(/beheerder/);
    const fixed = await cli('users:roles', '--id', id, '--role', 'auditor');
    expect(fixed.code).toBe(0);
    await h.http().get('/api/v1/audit/export?format=jsonl').set('Authorization', `Bearer ${u.body.token}`).expect(200);
    const changed = (await events(h, "action = 'user.roles-changed'")).at(-1)!;
    expect(changed.payload).toMatchObject({ userId: id, before: ['auditor', 'beheerder'], after: ['auditor'] });
  });

  it('keeps the command line to the same token rule, with --recover for a user whose tokens all stopped working', async () => {
    const u = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Kwijt', roles: ['teamleider'] }).expect(201);
    const id = u.body.user.id as string;
    expect((await cli('tokens:create', '--user', id)).code).not.toBe(0);
    // Refused on the command line as over the API: an access.denied event, the command standing for the path.
    const denied = (await events(h, "action = 'access.denied'")).at(-1)!;
    expect(denied).toMatchObject({ actorId: expect.stringMatching(/^cli:/), payload: { method: 'CLI', path: 'cli tokens:create', actions: ['token.issue-first'], reason: 'not-first-token' } });
    expect((await cli('tokens:create', '--user', id, '--recover')).code).not.toBe(0); // the first token still works
    await h.as(h.users.beheerder).post(`/api/v1/tokens/${u.body.tokenId as string}/revoke`).expect(200);
    const recovered = await cli('tokens:create', '--user', id, '--recover');
    expect(recovered.code).toBe(0);
    const token = recovered.out.filter(Boolean).at(-1)!;
    const me = await h.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.tokenIssuedBy).toMatchObject({ id: expect.stringMatching(/^cli:/) });
  });
});

describe('segregation of duties: superseding, assignment at creation, teamleiders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const besluit = (orgaan: string, kenmerk: string) => ({ kind: 'besluit', occurredOn: '2026-02-20', data: { orgaan, onderwerp: 'overig', kenmerk, besluitdatum: '2026-02-20' } });

  it('does not let the griffie take a GS decision or a GS activity out of force with a PS-side record', async () => {
    const d = await h.as(h.users.bm).post(base, { title: 'Supersede', strategisch: false, besluitvormer: 'GS' }).expect(201);
    const gs = await h.as(h.users.bm).post(`${base}/${d.body.id}/evidence`, besluit('GS', 'GS 2026-07')).expect(201);
    const res = await h.as(h.users.griffie).post(`${base}/${d.body.id}/evidence`, { ...besluit('PS', 'PS 2026-3'), supersedes: gs.body.id }).expect(403);
    expect(res.body.reason).toBe('supersede-not-ps-side');
    const activiteit = (instrumentId: string, organisator: string) => ({
      kind: 'activiteit',
      occurredOn: '2026-02-20',
      data: { instrumentId, organisator, fase: 'voorfase-agendasetting', inwonersGericht: false, doelgroepen: ['ketenpartners'], startOn: '2026-02-20', status: 'uitgevoerd' },
    });
    const activity = await h.as(h.users.bm).post(`${base}/${d.body.id}/evidence`, activiteit('atelier', 'GS')).expect(201);
    const refused = await h.as(h.users.griffie).post(`${base}/${d.body.id}/evidence`, { ...activiteit('drents-panel', 'PS'), supersedes: activity.body.id }).expect(403);
    expect(refused.body.reason).toBe('supersede-not-ps-side');
    const inForce = await h.as(h.users.auditor).get(`${base}/${d.body.id}/evidence?kind=besluit`).expect(200);
    expect(inForce.body.map((r: { id: string }) => r.id)).toEqual([gs.body.id]);
  });

  it('lets the griffie correct a PS-side record, and the beleidsmedewerker correct any record of their dossier', async () => {
    const d = await h.as(h.users.bm).post(base, { title: 'Correcties', strategisch: false, besluitvormer: 'PS' }).expect(201);
    const ps = await h.as(h.users.griffie).post(`${base}/${d.body.id}/evidence`, besluit('PS', 'PS 2026-1')).expect(201);
    await h.as(h.users.griffie).post(`${base}/${d.body.id}/evidence`, { ...besluit('PS', 'PS 2026-1a'), supersedes: ps.body.id }).expect(201);
    const gs = await h.as(h.users.bm).post(`${base}/${d.body.id}/evidence`, besluit('GS', 'GS 2026-2')).expect(201);
    await h.as(h.users.bm).post(`${base}/${d.body.id}/evidence`, { ...besluit('GS', 'GS 2026-2a'), supersedes: gs.body.id }).expect(201);
  });

  it('does not let a beleidsmedewerker assign a new dossier to someone else (the teamleider assigns)', async () => {
    const res = await h.as(h.users.bm).post(base, { title: 'Voor een ander', strategisch: false, besluitvormer: 'GS', assigneeId: h.users.bm2.id }).expect(403);
    expect(res.body.type).toMatch(/\/forbidden$/);
    const mine = await h.as(h.users.bm).post(base, { title: 'Voor mij', strategisch: false, besluitvormer: 'GS', assigneeId: h.users.bm.id }).expect(201);
    expect(mine.body.assigneeId).toBe(h.users.bm.id);
    const list = await h.as(h.users.tl).get(`${base}?q=Voor%20een%20ander`).expect(200);
    expect(list.body.items).toHaveLength(0);
  });

  it('checks at creation that the assignee is active, as assignment does', async () => {
    const dual = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Beleid en Team', roles: ['beleidsmedewerker', 'teamleider'] }).expect(201);
    const u: TestUser = { id: dual.body.user.id, token: dual.body.token, name: 'Beleid en Team' };
    const other = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Vertrokken', roles: ['beleidsmedewerker'] }).expect(201);
    await h.as(u).post(base, { title: 'Toegewezen', strategisch: false, besluitvormer: 'GS', assigneeId: other.body.user.id }).expect(201);
    await h.exec(`UPDATE app_user SET disabled_at = '2026-03-01T09:00:00.000Z' WHERE id = '${other.body.user.id as string}'`);
    const res = await h.as(u).post(base, { title: 'Aan vertrokken', strategisch: false, besluitvormer: 'GS', assigneeId: other.body.user.id }).expect(400);
    expect(res.body.errors[0].field).toBe('assigneeId');
  });

  it('lets a beleidsmedewerker find the teamleiders to ask for a waiver: ids and names only', async () => {
    const res = await h.as(h.users.bm).get('/api/v1/users/teamleiders').expect(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { id: h.users.tl.id, name: h.users.tl.name },
        { id: h.users.tl2.id, name: h.users.tl2.name },
      ]),
    );
    for (const t of res.body.items as Record<string, unknown>[]) expect(Object.keys(t).sort()).toEqual(['id', 'name']);
    expect((res.body.items as { id: string }[]).some((t) => t.id === h.users.bm.id)).toBe(false);
  });
});

describe('hardening of issue #12', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimitPerMinute: 5 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('counts wrong secrets against the client address, never against the token they name', async () => {
    const id = /^kw_([0-9a-f]{16})\./.exec(h.users.tl.token)![1];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await h.http().get('/api/v1/me').set('Authorization', `Bearer kw_${id}.${'A'.repeat(43)}`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // The token's owner is not locked out.
    await h.as(h.users.tl).get('/api/v1/me').expect(200);
  });

  it('stores a bounded form of a refused request: route pattern and a hash of the path, not a 15,000-character path', async () => {
    const long = `/api/v1/dossiers/${'a'.repeat(15_000)}/history`;
    const res = await h.as(h.users.bm2).get(long).expect(403);
    expect(res.body.type).toMatch(/\/forbidden$/);
    const denied = (await events(h, "action = 'access.denied'")).at(-1)!;
    expect(denied.size).toBeLessThan(1_000);
    expect(denied.payload).toMatchObject({ route: '/api/v1/dossiers/:id/history', path: null, pathLength: long.length, dossierId: null });
    expect(denied.payload.pathSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a request with two Authorization headers with 400 (Node would silently keep the first)', async () => {
    const server = h.app.getHttpServer();
    if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const raw = await new Promise<string>((ok, fail) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${h.users.auditor.token}\r\n` +
            `Authorization: Bearer ${h.users.beheerder.token}\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('"field":"headers.authorization"');
    expect(raw).toMatch(/cache-control: no-store/i);
  });

  it('marks responses that carry tokens or dossier data Cache-Control: no-store', async () => {
    const d = await h.as(h.users.bm).post(base, { title: 'Niet bewaren', strategisch: false, besluitvormer: 'GS' }).expect(201);
    expect(d.headers['cache-control']).toBe('no-store');
    expect((await h.as(h.users.bm).get(`${base}/${d.body.id}`)).headers['cache-control']).toBe('no-store');
    const own = await h.as(h.users.griffie).post(`/api/v1/users/${h.users.griffie.id}/tokens`, {}).expect(201);
    expect(own.headers['cache-control']).toBe('no-store');
  });
});

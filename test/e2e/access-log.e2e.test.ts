/**
 * The access log (issue #13): every refusal — by a guard, or by a dossier command after it read the dossier — is one
 * `access.denied` event in the system stream, with the same payload whether it came through the API or a web page.
 * The commands throw the refusal; the exception filter (or the web page that shows it) writes it with the path.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { Harness, startHarness, TestUser } from '../support/harness';

type Event = { action: string; actorId: string; dossierId: string | null; payload: Record<string, unknown> };

const base = '/api/v1/dossiers';
let h: Harness;
let dual: TestUser;
beforeAll(async () => {
  h = await startHarness();
  const u = await h.as(h.users.beheerder).post('/api/v1/users', { name: 'Beleid en Team', roles: ['beleidsmedewerker', 'teamleider'] }).expect(201);
  dual = { id: u.body.user.id, token: u.body.token, name: 'Beleid en Team' };
});
afterAll(() => h.close());

async function denials(): Promise<Event[]> {
  const rows = await h.db.read((tx) => tx.all<{ content: string }>("SELECT content FROM audit_event WHERE action = 'access.denied' ORDER BY seq"));
  return rows.map((r) => JSON.parse(r.content) as Event);
}

/** The one access.denied event that `send` writes. */
async function deniedBy(send: () => Promise<{ status: number }>, status = 403): Promise<Event> {
  const before = (await denials()).length;
  expect((await send()).status).toBe(status);
  const after = await denials();
  expect(after).toHaveLength(before + 1);
  return after.at(-1)!;
}

/** The payload of a refused POST to `path` by a command (no route pattern: the command, not the router, refused). */
const payload = (path: string, action: string, dossierId: string | null, reason: string, route: string | null = null) => ({
  method: 'POST',
  path,
  route,
  pathSha256: createHash('sha256').update(path).digest('hex'),
  pathLength: path.length,
  actions: [action],
  dossierId,
  reason,
});

const besluit = (orgaan: string, kenmerk: string) => ({ kind: 'besluit', occurredOn: '2026-02-20', data: { orgaan, onderwerp: 'overig', kenmerk, besluitdatum: '2026-02-20' } });

async function dossier(owner: TestUser = h.users.bm): Promise<string> {
  return (await h.as(owner).post(base, { title: 'Toegang', strategisch: true, besluitvormer: 'PS' }).expect(201)).body.id as string;
}

async function waiver(id: string, by: TestUser, approverId?: string): Promise<string> {
  const body = { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na overleg.', ...(approverId ? { approverId } : {}) };
  return (await h.as(by).post(`${base}/${id}/waivers`, body).expect(201)).body.id as string;
}

const signIn = (user: TestUser) => h.signIn(user);

describe('refusals of the API', () => {
  it('a transition on a dossier of someone else (X-01)', async () => {
    const id = await dossier();
    const path = `${base}/${id}/transitions`;
    let res: request.Response | undefined;
    const e = await deniedBy(async () => (res = await h.as(h.users.bm2).post(path, { event: 'ADVANCE', expectedVersion: 1 })));
    expect(e).toMatchObject({ actorId: h.users.bm2.id, dossierId: null, payload: payload(path, 'transition.fire', id, 'not-assigned') });
    expect(res!.body).toMatchObject({ type: expect.stringMatching(/\/forbidden$/), requirementId: 'X-01', detail: expect.stringContaining('(X-01)') });
  });

  it('evidence on a dossier of someone else, GS-side evidence by the griffie, and a griffie correction of a GS record', async () => {
    const id = await dossier();
    const path = `${base}/${id}/evidence`;
    const gs = await h.as(h.users.bm).post(path, besluit('GS', 'GS 2026-7')).expect(201);
    const cases: [TestUser, object, string][] = [
      [h.users.bm2, besluit('GS', 'GS 2026-8'), 'not-assigned'],
      [h.users.griffie, besluit('GS', 'GS 2026-9'), 'not-ps-side'],
      [h.users.griffie, { ...besluit('PS', 'PS 2026-1'), supersedes: gs.body.id }, 'supersede-not-ps-side'],
    ];
    for (const [user, body, reason] of cases) {
      let res: request.Response | undefined;
      const e = await deniedBy(async () => (res = await h.as(user).post(path, body)));
      expect(e).toMatchObject({ actorId: user.id, payload: payload(path, 'evidence.record', id, reason) });
      expect(res!.body.reason).toBe(reason);
    }
  });

  it('a waiver requested on a dossier of someone else, and decided by its requester or by a teamleider it does not name', async () => {
    const id = await dossier();
    let path = `${base}/${id}/waivers`;
    const e = await deniedBy(() => h.as(h.users.bm2).post(path, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na overleg.' }));
    expect(e).toMatchObject({ actorId: h.users.bm2.id, payload: payload(path, 'waiver.request', id, 'not-assigned') });

    const own = await dossier(dual);
    const ownWaiver = await waiver(own, dual);
    path = `${base}/${own}/waivers/${ownWaiver}/decision`;
    const o = await deniedBy(() => h.as(dual).post(path, { decision: 'approve' }));
    expect(o).toMatchObject({ actorId: dual.id, payload: payload(path, 'waiver.decide', own, 'own-request') });

    const named = await waiver(id, h.users.bm, h.users.tl.id);
    path = `${base}/${id}/waivers/${named}/decision`;
    const n = await deniedBy(() => h.as(h.users.tl2).post(path, { decision: 'reject' }));
    expect(n).toMatchObject({ actorId: h.users.tl2.id, payload: payload(path, 'waiver.decide', id, 'not-named-approver') });
  });

  it('a dossier assigned to someone else at creation, by a beleidsmedewerker', async () => {
    const e = await deniedBy(() => h.as(h.users.bm).post(base, { title: 'Voor een ander', strategisch: false, besluitvormer: 'GS', assigneeId: h.users.bm2.id }));
    expect(e).toMatchObject({ actorId: h.users.bm.id, payload: payload(base, 'dossier.assign', null, 'assign-at-creation') });
  });

  it('a role without the action (the guard: with the route pattern)', async () => {
    const id = await dossier();
    const path = `${base}/${id}/transitions`;
    const e = await deniedBy(() => h.as(h.users.griffie).post(path, { event: 'ADVANCE', expectedVersion: 1 }));
    expect(e).toMatchObject({ actorId: h.users.griffie.id, payload: payload(path, 'transition.fire', id, 'role', `${base}/:id/transitions`) });
  });

  it('writes nothing for a dossier that does not exist (404)', async () => {
    const before = (await denials()).length;
    await h.as(h.users.bm2).post(`${base}/00000000-0000-4000-8000-00000000dead/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(404);
    expect(await denials()).toHaveLength(before);
  });
});

describe('refusals of the web pages: the same events', () => {
  it('a transition, a waiver and evidence on a dossier of someone else, each shown on its own page', async () => {
    const id = await dossier();
    const { agent, csrf } = await signIn(h.users.bm2);
    const cases: [string, object, string][] = [
      [`/dossiers/${id}/overgang`, { event: 'ADVANCE', expectedVersion: '1' }, 'transition.fire'],
      [`/dossiers/${id}/ontheffing`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na overleg.' }, 'waiver.request'],
    ];
    for (const [path, form, action] of cases) {
      let res: request.Response | undefined;
      const e = await deniedBy(async () => (res = await agent.post(path).type('form').send({ _csrf: csrf, ...form })));
      expect(e).toMatchObject({ actorId: h.users.bm2.id, payload: payload(path, action, id, 'not-assigned') });
      expect(res!.text).toContain('niet aan u toegewezen');
    }
    const path = `/dossiers/${id}/vastleggen`;
    const e = await deniedBy(() =>
      agent.post(`${path}?soort=checkvraag`).type('form').send({ _csrf: csrf, occurredOn: '2026-03-02', 'data.vraag': 'beginspraak', 'data.antwoord': 'ja', 'data.toelichting': 'x' }),
    );
    expect(e).toMatchObject({ actorId: h.users.bm2.id, payload: payload(path, 'evidence.record', id, 'not-assigned') });
  });

  it('a waiver decided by a teamleider it does not name', async () => {
    const id = await dossier();
    const w = await waiver(id, h.users.bm, h.users.tl.id);
    const { agent, csrf } = await signIn(h.users.tl2);
    const path = `/teamleider/ontheffingen/${id}/${w}`;
    let res: request.Response | undefined;
    const e = await deniedBy(async () => (res = await agent.post(path).type('form').send({ _csrf: csrf, decision: 'approve', [`note-${w}`]: 'Akkoord.' })));
    expect(e).toMatchObject({ actorId: h.users.tl2.id, payload: payload(path, 'waiver.decide', id, 'not-named-approver') });
    expect(res!.text).toContain('<h1 class="utrecht-heading-1">Ontheffingen en toewijzing</h1>');
  });

  it('a role without the action (the guard: no route pattern)', async () => {
    const id = await dossier();
    const { agent, csrf } = await signIn(h.users.griffie);
    const path = `/dossiers/${id}/overgang`;
    const e = await deniedBy(() => agent.post(path).type('form').send({ _csrf: csrf, event: 'ADVANCE', expectedVersion: '1' }));
    expect(e).toMatchObject({ actorId: h.users.griffie.id, payload: payload(path, 'transition.fire', id, 'role') });
  });
});

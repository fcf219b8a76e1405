/**
 * The web session (issue #15, step 1): sign-in with a token, the cookie, server-side sign-out, idle and absolute
 * expiry, CSRF (synchronizer token + Origin check), and revoked tokens.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/actor';
import { UsersService } from '../../src/users/users.service';
import { SESSION_COOKIE, SessionService } from '../../src/web/session/session.service';
import { Harness, startHarness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
const cookieOf = (res: request.Response, name: string) => {
  const all = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return all.find((c) => c.startsWith(`${name}=`));
};

/** Sign in through the form; returns the session cookie and the agent that holds it. */
async function signIn(token: string) {
  const agent = request.agent(h.app.getHttpServer());
  const form = await agent.get('/inloggen').expect(200);
  const res = await agent.post('/inloggen').type('form').send({ token, _csrf: csrfOf(form.text), terug: '/' });
  return { agent, res };
}

it('GET / without a session goes to /inloggen; the sign-in page has a field labelled Token', async () => {
  const r = await h.http().get('/').expect(303);
  expect(r.headers.location).toBe('/inloggen');
  const page = await h.http().get('/inloggen').expect(200);
  expect(page.text).toContain('<html lang="nl"');
  expect(page.text).toMatch(/<label class="utrecht-form-label" for="veld-token">\s*Token\s*<\/label>/);
  expect(page.text).toContain('<title>Inloggen — Kaderwijzer</title>');
});

it('a valid token starts a session: HttpOnly SameSite=Lax cookie, only its hash stored, not Secure over plain http', async () => {
  const { res } = await signIn(h.users.bm.token);
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/dossiers');
  const cookie = cookieOf(res, SESSION_COOKIE)!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/);
  const id = /^kw_sessie=([^;]+)/.exec(cookie)![1];
  const rows = await h.db.read((tx) => tx.all<{ id_hash: string; user_id: string; method: string }>('SELECT id_hash, user_id, method FROM web_session'));
  expect(rows.map((r) => r.id_hash)).toContain(createHash('sha256').update(id).digest('hex'));
  expect(JSON.stringify(rows)).not.toContain(id);
  expect(rows.find((r) => r.user_id === h.users.bm.id)?.method).toBe('token');
});

it('the cookie is Secure when the request came over TLS through a trusted proxy', async () => {
  h.app.set('trust proxy', 'loopback');
  try {
    const form = await h.http().get('/inloggen').set('X-Forwarded-Proto', 'https').expect(200);
    const loginCookie = cookieOf(form, 'kw_inlog_csrf')!;
    expect(loginCookie).toMatch(/Secure/);
    const res = await h
      .http()
      .post('/inloggen')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', loginCookie.split(';')[0])
      .type('form')
      .send({ token: h.users.tl.token, _csrf: csrfOf(form.text) });
    expect(res.status).toBe(303);
    expect(cookieOf(res, SESSION_COOKIE)).toMatch(/Secure/);
  } finally {
    h.app.set('trust proxy', false);
  }
});

it('a wrong, revoked or expired token is refused with a Dutch message and no session', async () => {
  const { res } = await signIn('kw_0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  expect(res.status).toBe(400);
  expect(res.text).toContain('Dit token is onjuist, verlopen of ingetrokken');
  expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  const users = h.app.get(UsersService);
  const t = await users.createToken(SYSTEM_ACTOR, h.users.griffie.id, { label: 'weg' });
  await users.revokeToken(SYSTEM_ACTOR, t.tokenId);
  expect((await signIn(t.token)).res.status).toBe(400);
});

it('revoking the token a session was started with ends the session', async () => {
  const users = h.app.get(UsersService);
  const t = await users.createToken(SYSTEM_ACTOR, h.users.griffie.id, { label: 'web' });
  const { agent } = await signIn(t.token);
  await agent.get('/uitloggen').expect(200);
  await users.revokeToken(SYSTEM_ACTOR, t.tokenId);
  const r = await agent.get('/uitloggen').expect(303);
  expect(r.headers.location).toMatch(/^\/inloggen/);
});

it('signing out (POST with the CSRF token) ends the session on the server: the old cookie no longer works', async () => {
  const { agent, res } = await signIn(h.users.bm.token);
  const cookie = cookieOf(res, SESSION_COOKIE)!.split(';')[0];
  const page = await agent.get('/uitloggen').expect(200);
  const out = await agent.post('/uitloggen').type('form').send({ _csrf: csrfOf(page.text) });
  expect(out.status).toBe(303);
  expect(out.headers.location).toBe('/inloggen?uitgelogd=1');
  const again = await h.http().get('/uitloggen').set('Cookie', cookie);
  expect(again.status).toBe(303);
  const ended = await h.db.read((tx) => tx.all<{ end_reason: string }>("SELECT end_reason FROM web_session WHERE end_reason = 'signed-out'"));
  expect(ended.length).toBeGreaterThan(0);
});

it('a form without the CSRF token, or posted from another origin, is refused and changes nothing', async () => {
  const { agent } = await signIn(h.users.bm.token);
  const page = await agent.get('/uitloggen').expect(200);
  const csrf = csrfOf(page.text);
  const noToken = await agent.post('/uitloggen').type('form').send({});
  expect(noToken.status).toBe(403);
  expect(noToken.text).toContain('Formulier geweigerd');
  const otherOrigin = await agent.post('/uitloggen').set('Origin', 'https://evil.example').type('form').send({ _csrf: csrf });
  expect(otherOrigin.status).toBe(403);
  const otherReferer = await agent.post('/uitloggen').set('Referer', 'https://evil.example/x').type('form').send({ _csrf: csrf });
  expect(otherReferer.status).toBe(403);
  await agent.get('/uitloggen').expect(200); // still signed in
  const loginFromElsewhere = await request(h.app.getHttpServer())
    .post('/inloggen')
    .set('Origin', 'https://evil.example')
    .type('form')
    .send({ token: h.users.bm.token, _csrf: 'x' });
  expect(loginFromElsewhere.status).toBe(403);
  expect(cookieOf(loginFromElsewhere, SESSION_COOKIE)).toBeUndefined();
});

it('a session ends after 30 minutes idle, and after 8 hours however busy', async () => {
  const { agent } = await signIn(h.users.bm.token);
  h.clock.set(new Date(h.clock.now().getTime() + 29 * 60_000));
  await agent.get('/uitloggen').expect(200); // activity: idle expiry moves on
  h.clock.set(new Date(h.clock.now().getTime() + 29 * 60_000));
  await agent.get('/uitloggen').expect(200);
  h.clock.set(new Date(h.clock.now().getTime() + 31 * 60_000));
  expect((await agent.get('/uitloggen')).status).toBe(303);

  const busy = await signIn(h.users.bm.token);
  for (let i = 0; i < 16; i++) {
    h.clock.set(new Date(h.clock.now().getTime() + 29 * 60_000));
    await busy.agent.get('/uitloggen').expect(200);
  }
  h.clock.set(new Date(h.clock.now().getTime() + 29 * 60_000)); // 8 h 13 min after sign-in, 29 min after the last request
  expect((await busy.agent.get('/uitloggen')).status).toBe(303);
});

it('SessionService.end returns the ended session with its id token (for RP-initiated logout)', async () => {
  const sessions = h.app.get(SessionService);
  const fakeRes = { req: undefined, cookie: jest.fn(), clearCookie: jest.fn() } as never;
  const started = await sessions.start(fakeRes, h.users.auditor.id, { method: 'oidc', idToken: 'eyJ.id.token' });
  const id = (fakeRes as { cookie: jest.Mock }).cookie.mock.calls[0][1] as string;
  const req = { headers: { cookie: `${SESSION_COOKIE}=${id}` }, secure: false } as never;
  const cur = await sessions.current(req);
  expect(cur?.actor.id).toBe(h.users.auditor.id);
  expect(cur?.csrfToken).toBe(started.csrfToken);
  const ended = await sessions.end(req, fakeRes);
  expect(ended).toMatchObject({ method: 'oidc', idToken: 'eyJ.id.token' });
  expect(await sessions.current(req)).toBeNull();
});

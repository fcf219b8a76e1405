import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseDatabaseUrl } from '../../src/config/config';
import { Db } from '../../src/database/db';
import { freshDatabaseUrl } from '../support/harness';

/**
 * Issue #12, sign-in with OpenID Connect against a real provider (oidc-provider) on loopback. The provider and the
 * service run as child processes (both load ES-module-only libraries that Jest's module system cannot run); the test
 * is the browser: it follows redirects by hand and keeps the cookies. A signed-in browser gets a web session
 * (src/web/session): `GET /` sends it to the start page of its role, a browser without one to /inloggen.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, '../..');
const SECRET = 'test-secret-of-kaderwijzer-0123456789';
const MAPPING = { 'KW-Beleid': ['beleidsmedewerker'], 'KW-Team': ['teamleider'], 'KW-Audit': ['auditor'], 'KW-Griffie': ['griffie'] };

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Start a child process and wait for its first JSON line on stdout. */
async function child(args: string[], env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; first: Record<string, unknown>; output: () => string }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const lines = createInterface({ input: proc.stdout });
  const first = await new Promise<Record<string, unknown>>((ok, fail) => {
    lines.once('line', (l) => ok(JSON.parse(l) as Record<string, unknown>));
    proc.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${String(code)}: ${err}`)));
  });
  return { proc, first, output: () => err };
}

/** A browser: one cookie jar for loopback (cookies do not separate ports), redirects followed by hand. */
class Browser {
  readonly jar = new Map<string, string>();
  async get(url: string, extraCookies: Record<string, string> = {}, form?: Record<string, string>): Promise<Response> {
    const cookies = new Map([...this.jar, ...Object.entries(extraCookies)]);
    const headers: Record<string, string> = cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
    const init: RequestInit = { redirect: 'manual', headers };
    if (form) {
      init.method = 'POST';
      init.body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = new URL(url).origin;
    }
    const res = await fetch(url, init);
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
  /** Follow redirects from `url` until `stop` matches the next location (not requested) or a non-redirect answer. */
  async follow(url: string, stop: (location: string) => boolean = () => false): Promise<{ res: Response | null; location: string }> {
    let next = url;
    for (let i = 0; i < 15; i++) {
      const res = await this.get(next);
      if (res.status < 300 || res.status >= 400) return { res, location: next };
      const location = new URL(res.headers.get('location')!, next).href;
      if (stop(location)) return { res: null, location };
      next = location;
    }
    throw new Error('too many redirects');
  }
}

describe('sign-in with OpenID Connect (real provider on loopback)', () => {
  let dir: string;
  let drop: () => Promise<void>;
  let provider: Awaited<ReturnType<typeof child>>;
  let app: Awaited<ReturnType<typeof child>>;
  let issuer: string;
  let base: string;
  let db: Db;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kw-oidc-'));
    const fresh = await freshDatabaseUrl(dir);
    drop = fresh.drop;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await child([join(ROOT, 'test/support/oidc-provider.mjs'), base], {});
    issuer = String(provider.first.issuer);
    app = await child(['-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'test/support/oidc-app.ts')], {
      DATABASE_URL: fresh.url,
      PORT: String(port),
      PUBLIC_URL: base,
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: 'kaderwijzer',
      OIDC_CLIENT_SECRET: SECRET,
      KW_TEST_ROLE_MAPPING: JSON.stringify(MAPPING),
      TIMER_JOB_INTERVAL_SECONDS: '0',
    });
    db = await Db.open(parseDatabaseUrl(fresh.url, []), { migrate: false });
  });
  afterAll(async () => {
    await db?.close();
    for (const c of [app, provider]) {
      if (c && c.proc.exitCode === null) {
        c.proc.kill('SIGTERM');
        await new Promise((ok) => c.proc.once('exit', ok));
      }
    }
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const account = (sub: string, roles: string[], name = sub) =>
    fetch(`${issuer}/test/account?sub=${sub}&name=${encodeURIComponent(name)}&roles=${roles.join(',')}`, { method: 'POST' });
  const mode = (value: 'none' | 'forge' | 'expire') => fetch(`${issuer}/test/mode?value=${value}`, { method: 'POST' });

  /** Start at /inloggen/oidc as `sub`, and stop where the provider sends the browser back to the service. */
  async function toCallback(b: Browser, sub: string, start = '/inloggen/oidc'): Promise<string> {
    const started = await b.get(`${base}${start}`);
    expect(started.status).toBe(302);
    const authorize = new URL(started.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    authorize.searchParams.set('login_hint', sub);
    const { location } = await b.follow(authorize.href, (l) => l.startsWith(`${base}/inloggen/callback`));
    expect(location.startsWith(`${base}/inloggen/callback?`)).toBe(true);
    return location;
  }

  async function signIn(b: Browser, sub: string): Promise<Response> {
    return b.get(await toCallback(b, sub));
  }

  /** Where `GET /` sends this browser: the start page of its role when signed in, /inloggen otherwise. */
  const startPageOf = async (b: Browser) => {
    const res = await b.get(`${base}/`);
    expect(res.status).toBe(303);
    return res.headers.get('location')!.replace(/\?.*$/, '');
  };
  const userOf = (sub: string) =>
    db.read((tx) => tx.get<{ id: string; name: string; roles: string }>('SELECT id, name, roles FROM app_user WHERE oidc_subject = ?', [sub]));
  const rolesOf = async (sub: string) => JSON.parse((await userOf(sub))?.roles ?? 'null') as string[] | null;

  it('signs a person in with the authorization-code flow and PKCE, and makes them a user with the mapped roles', async () => {
    await account('anne', ['KW-Beleid', 'Iets-Anders'], 'Anne de Vries');
    const b = new Browser();
    expect(await startPageOf(b)).toBe('/inloggen');
    const res = await signIn(b, 'anne');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dossiers');
    expect(await startPageOf(b)).toBe('/dossiers');
    expect(await userOf('anne')).toMatchObject({ name: 'Anne de Vries', roles: '["beleidsmedewerker"]' });
    const anne = (await userOf('anne'))!;
    const session = await db.read((tx) => tx.get<{ method: string; id_token: string | null }>('SELECT method, id_token FROM web_session WHERE user_id = ?', [anne.id]));
    expect(session).toMatchObject({ method: 'oidc', id_token: expect.stringMatching(/^ey/) });
  });

  it('offers "Inloggen via de provincie" on /inloggen, and returns to the page asked for (a local one only)', async () => {
    const page = await (await new Browser().get(`${base}/inloggen?terug=%2Fdossiers%3Ffase%3Duitvoering`)).text();
    expect(page).toContain('href="/inloggen/oidc?terug=%2Fdossiers%3Ffase%3Duitvoering"');
    expect(page).toContain('Inloggen via de provincie');
    await account('mark', ['KW-Beleid']);
    const b = new Browser();
    const back = await b.get(await toCallback(b, 'mark', '/inloggen/oidc?terug=%2Fdossiers%3Ffase%3Duitvoering'));
    expect(back.headers.get('location')).toBe('/dossiers?fase=uitvoering');
    const elsewhere = new Browser();
    const offsite = await elsewhere.get(await toCallback(elsewhere, 'mark', '/inloggen/oidc?terug=%2F%2Fevil.example%2F'));
    expect(offsite.headers.get('location')).toBe('/dossiers');
  });

  it('gives the roles the claim carries at each sign-in: a changed role replaces the old one', async () => {
    await account('tom', ['KW-Beleid']);
    const b = new Browser();
    await signIn(b, 'tom');
    const first = await userOf('tom');
    expect(await rolesOf('tom')).toEqual(['beleidsmedewerker']);
    await account('tom', ['KW-Team']);
    const again = new Browser();
    expect((await signIn(again, 'tom')).status).toBe(303);
    expect((await userOf('tom'))!.id).toBe(first!.id);
    expect(await rolesOf('tom')).toEqual(['teamleider']);
    expect(await startPageOf(again)).toBe('/teamleider');
    // The first browser's session now acts with the new role as well.
    expect(await startPageOf(b)).toBe('/teamleider');
  });

  it('refuses a person without a mapped role, and one whose claim no longer carries a role loses it', async () => {
    await account('piet', ['Iets-Anders']);
    const b = new Browser();
    const refused = await signIn(b, 'piet');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('geen rol in Kaderwijzer');
    expect(await startPageOf(b)).toBe('/inloggen');
    expect(await userOf('piet')).toBeUndefined();

    await account('greet', ['KW-Griffie']);
    const g = new Browser();
    expect((await signIn(g, 'greet')).status).toBe(303);
    expect(await startPageOf(g)).toBe('/griffie');
    await account('greet', []);
    const later = new Browser();
    expect((await signIn(later, 'greet')).status).toBe(403);
    expect(await startPageOf(later)).toBe('/inloggen');
    expect(await rolesOf('greet')).toEqual([]);
    // Her session in the other browser ended with the role.
    expect(await startPageOf(g)).toBe('/inloggen');
  });

  it('refuses a combination the role table forbids, even when the provider grants both groups', async () => {
    await account('rik', ['KW-Audit', 'KW-Beleid']);
    const b = new Browser();
    expect((await signIn(b, 'rik')).status).toBe(403);
    expect(await userOf('rik')).toBeUndefined();
  });

  it('refuses a forged ID token and an expired one', async () => {
    await account('fenna', ['KW-Beleid']);
    try {
      for (const m of ['forge', 'expire'] as const) {
        await mode(m);
        const b = new Browser();
        const res = await signIn(b, 'fenna');
        expect(res.status).toBe(401);
        expect(await res.text()).toContain('Inloggen mislukt');
        expect(await startPageOf(b)).toBe('/inloggen');
      }
    } finally {
      await mode('none');
    }
    expect(await userOf('fenna')).toBeUndefined();
    expect((await signIn(new Browser(), 'fenna')).status).toBe(303);
  });

  it('refuses a replayed authorization code, even with the login cookie of the first use', async () => {
    await account('joost', ['KW-Beleid']);
    const b = new Browser();
    const callback = await toCallback(b, 'joost');
    const loginCookie = b.jar.get('kw_oidc_login')!;
    expect((await b.get(callback)).status).toBe(303);
    const replay = new Browser();
    const res = await replay.get(callback, { kw_oidc_login: loginCookie });
    expect(res.status).toBe(401);
    expect(await startPageOf(replay)).toBe('/inloggen');
  });

  it('refuses a wrong state, and a callback without a sign-in in progress', async () => {
    await account('lies', ['KW-Beleid']);
    const b = new Browser();
    const callback = new URL(await toCallback(b, 'lies'));
    callback.searchParams.set('state', 'niet-de-goede-state');
    expect((await b.get(callback.href)).status).toBe(401);
    expect(await startPageOf(b)).toBe('/inloggen');
    const stranger = new Browser();
    expect((await stranger.get(`${base}/inloggen/callback?code=abc&state=def`)).status).toBe(401);
    expect(await userOf('lies')).toBeUndefined();
  });

  it('signs out: ends the session here and sends the browser to the provider\'s end-session endpoint with the ID token', async () => {
    await account('sanne', ['KW-Audit']);
    const b = new Browser();
    await signIn(b, 'sanne');
    expect(await startPageOf(b)).toBe('/dossiers');
    const form = await (await b.get(`${base}/uitloggen`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
    const out = await b.get(`${base}/uitloggen`, {}, { _csrf: csrf });
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.origin).toBe(issuer);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/inloggen`);
    expect(await startPageOf(b)).toBe('/inloggen');
    // The provider accepts the request (it asks the person to confirm signing out there).
    expect((await b.get(endSession.href)).status).toBe(200);
  });

  it('keeps kw_ tokens working beside it: the API still answers 401 without one', async () => {
    expect((await fetch(`${base}/api/v1/me`)).status).toBe(401);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

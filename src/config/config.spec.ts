import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPLIANCE_SETTINGS } from './compliance-settings';
import { ConfigError, configDir, loadConfig } from './config';

/** The problems loadConfig reports, or [] when it accepts. */
function problems(env: NodeJS.ProcessEnv, dir?: string): string[] {
  try {
    loadConfig(env, { dir });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('config/ (loadConfig)', () => {
  let dir: string;
  /** A copy of the repository's config/ with `local.json` set to `local`. */
  const withLocal = (local: unknown) => {
    writeFileSync(join(dir, 'local.json'), typeof local === 'string' ? local : JSON.stringify(local));
    return dir;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kw-config-'));
    cpSync(configDir({}), dir, { recursive: true });
    rmSync(join(dir, 'local.json'), { force: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the repository config/ with its defaults; the compliance windows default to the code constant', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', bodyLimitBytes: 262144, corsOrigins: [], rateLimitPerMinute: 600, logLevel: 'log' });
    expect(c.database).toEqual({ type: 'sqlite', path: './data/kaderwijzer.sqlite', url: 'sqlite:./data/kaderwijzer.sqlite' });
    expect(c.timerJobIntervalSeconds).toBe(3600);
    expect(c.compliance).toEqual(COMPLIANCE_SETTINGS);
    expect(c.calendar).toEqual({ extraDecreedDays: [] });
    expect(c.oidc).toBeNull();
  });

  it('lets the environment variables override the files, typed like the setting', () => {
    const c = loadConfig({ PORT: '8080', HOST: ' 127.0.0.1 ', CORS_ORIGINS: 'https://a.example.nl, http://localhost:5173', DATABASE_URL: 'postgres://kw@db/kw', LOG_LEVEL: 'debug', TIMER_JOB_INTERVAL_SECONDS: '0', BODY_LIMIT_BYTES: '2048' });
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', corsOrigins: ['https://a.example.nl', 'http://localhost:5173'], logLevel: 'debug', timerJobIntervalSeconds: 0, bodyLimitBytes: 2048 });
    expect(c.database).toEqual({ type: 'postgres', url: 'postgres://kw@db/kw' });
    expect(loadConfig({ PORT: '' }).port).toBe(3000); // an empty variable is absent
  });

  it('reads the environment file named by NODE_CONFIG_ENV, else NODE_ENV, then local.json over both', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimitPerMinute).toBe(100000);
    expect(loadConfig({ NODE_ENV: 'test', NODE_CONFIG_ENV: 'production' }).rateLimitPerMinute).toBe(600);
    withLocal({ rateLimitPerMinute: 42, compliance: { evaluationCycleMonths: 24 } });
    const c = loadConfig({ NODE_ENV: 'test' }, { dir });
    expect(c.rateLimitPerMinute).toBe(42);
    expect(c.compliance).toEqual({ psWensenEnBedenkingenWeeks: 6, evaluationCycleMonths: 24 });
    expect(loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '7' }, { dir }).rateLimitPerMinute).toBe(7);
  });

  it('names the setting (and its variable) of every bad value, all at once', () => {
    withLocal({ rateLimitPerMinute: 0, compliance: { psWensenEnBedenkingenWeeks: 'zes' }, logLevel: 'loud' });
    const p = problems({ PORT: 'abc', DATABASE_URL: 'mysql://kw:geheim@db/kw' }, dir);
    expect(p).toEqual([
      'port (PORT): must be an integer number, got "abc"',
      'rateLimitPerMinute: must not be less than 1, got 0',
      expect.stringMatching(/^logLevel: must be one of the following values: error, warn, log, debug, got "loud"$/),
      'compliance.psWensenEnBedenkingenWeeks: must be an integer number, got "zes"',
      'database.url (DATABASE_URL): must start with sqlite: or postgres://, got "mysql://kw:***@db/kw"',
    ]);
    expect(problems({ RATE_LIMIT_PER_MINUTE: '-1' })).toEqual(['rateLimitPerMinute (RATE_LIMIT_PER_MINUTE): must not be less than 1, got -1']);
    expect(problems({ CORS_ORIGINS: 'https://ok.nl,ftp://x' })).toEqual(['corsOrigins (CORS_ORIGINS): entries must be origins like https://example.nl']);
  });

  it('refuses an unknown key (a typo), a missing one and a file that is not JSON', () => {
    withLocal({ rateLimitPerMinut: 5, compliance: { evaluationCycleMonth: 6 } });
    expect(problems({}, dir)).toEqual(['rateLimitPerMinut: is not a known setting (a typo?), got 5', 'compliance.evaluationCycleMonth: is not a known setting (a typo?), got 6']);
    writeFileSync(join(dir, 'default.json'), JSON.stringify({ ...loadConfig({}), port: undefined, database: { url: 'sqlite:x' }, oidc: { issuerUrl: null, clientId: null, clientSecret: null, rolesClaim: 'roles', roleMapping: {} } }));
    rmSync(join(dir, 'local.json'));
    expect(problems({}, dir)).toEqual(['port: is missing']);
    withLocal('{ "port": 80, }x');
    expect(problems({}, dir)).toEqual([expect.stringContaining(`Cannot parse config file: '${join(dir, 'local.json')}'`)]);
    expect(() => loadConfig({}, { dir: join(dir, 'nothing') })).toThrow(/default\.json is missing/);
  });

  it('takes extra decreed days from the files, checked: a real date, a name, a source, no date twice', () => {
    const day = { date: '2027-05-07', name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2026, 12345' };
    withLocal({ calendar: { extraDecreedDays: [day] } });
    expect(loadConfig({}, { dir }).calendar.extraDecreedDays).toEqual([day]);
    withLocal({ calendar: { extraDecreedDays: [{ ...day, date: '2027-02-30' }, { ...day, date: '7-5-2027', name: ' ' }, { date: '2027-05-08', name: 'x' }] } });
    expect(problems({}, dir)).toEqual([
      'calendar.extraDecreedDays[0].date: must be a date yyyy-mm-dd that exists, got "2027-02-30"',
      'calendar.extraDecreedDays[1].date: must be a date yyyy-mm-dd that exists, got "7-5-2027"',
      'calendar.extraDecreedDays[1].name: must not be empty, got " "',
      'calendar.extraDecreedDays[2].source: is missing',
    ]);
    withLocal({ calendar: { extraDecreedDays: [day, { ...day, name: 'dubbel' }] } });
    expect(problems({}, dir)).toEqual(['calendar.extraDecreedDays: must not list the same date twice']);
  });

  it('builds oidc from the files and OIDC_* variables, the role mapping only from the files; partial settings are an error', () => {
    withLocal({ oidc: { roleMapping: { 'GG-Kaderwijzer-Griffie': ['griffie'], 'GG-Beleid': ['beleidsmedewerker', 'teamleider'] } } });
    const env = { OIDC_ISSUER_URL: 'https://login.drenthe.nl/realms/kw', OIDC_CLIENT_ID: 'kaderwijzer', OIDC_CLIENT_SECRET: 'geheim-123' };
    expect(loadConfig(env, { dir }).oidc).toEqual({
      issuerUrl: 'https://login.drenthe.nl/realms/kw',
      clientId: 'kaderwijzer',
      clientSecret: 'geheim-123',
      rolesClaim: 'roles',
      roleMapping: { 'GG-Kaderwijzer-Griffie': ['griffie'], 'GG-Beleid': ['beleidsmedewerker', 'teamleider'] },
      // Issue #12: the redirect URI's base; without PUBLIC_URL the service's own port on localhost.
      publicUrl: 'http://localhost:3000',
    });
    expect(loadConfig({ ...env, PUBLIC_URL: 'https://kaderwijzer.drenthe.nl/' }, { dir }).oidc?.publicUrl).toBe('https://kaderwijzer.drenthe.nl');
    expect(loadConfig({ ...env, OIDC_ROLES_CLAIM: 'groups' }, { dir }).oidc?.rolesClaim).toBe('groups');
    expect(problems({ ...env, PUBLIC_URL: 'kaderwijzer' }, dir)).toEqual(['oidc.publicUrl (PUBLIC_URL): must be an http(s) URL, got "kaderwijzer"']);
    const partial = problems({ OIDC_ISSUER_URL: env.OIDC_ISSUER_URL, OIDC_CLIENT_SECRET: 'geheim-123' }, dir);
    expect(partial).toEqual(['oidc: issuerUrl, clientId and clientSecret go together; missing oidc.clientId (OIDC_CLIENT_ID)']);
    withLocal({ oidc: { roleMapping: { admins: ['koning'] } } });
    expect(problems(env, dir)).toEqual([expect.stringMatching(/^oidc\.roleMapping: must map each claim value to a list of roles \(beleidsmedewerker, .*\)$/)]);
    expect(problems({ ...env, OIDC_ISSUER_URL: 'login.drenthe.nl' })).toEqual(['oidc.issuerUrl (OIDC_ISSUER_URL): must be an http(s) URL, got "login.drenthe.nl"']);
  });

  it('accepts the documented example (config/local.example.json) with the secret from the environment', () => {
    copyFileSync(join(configDir({}), 'local.example.json'), join(dir, 'local.json'));
    const c = loadConfig({ OIDC_CLIENT_SECRET: 's3cret' }, { dir });
    expect(c.database.type).toBe('postgres');
    expect(c.calendar.extraDecreedDays).toHaveLength(1);
    expect(c.oidc).toMatchObject({ clientId: 'kaderwijzer', clientSecret: 's3cret', rolesClaim: 'groups' });
    expect(Object.keys(c.oidc!.roleMapping)).toHaveLength(5);
  });

  it('never shows the client secret in a message', () => {
    withLocal({ oidc: { clientSecret: 12345678 } });
    const p = problems({}, dir);
    expect(p[0]).toBe('oidc.clientSecret: must be a string');
    expect(p.join('\n')).not.toContain('12345678');
  });
});

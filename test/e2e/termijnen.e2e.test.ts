import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { zienswijzentermijn } from '../../workflows/drenthe-verbindend-besturen/timers';
import { activeAtwCalendar, DEFAULT_ATW_CALENDAR } from '../../workflows/law/algemene-termijnenwet';
import { Harness, startHarness } from '../support/harness';

/**
 * `GET /api/v1/termijnen` and `npm run cli -- termijn` (issue #11): the examples of the issue for every role, strict
 * input, and decreed days a beheerder adds through configuration.
 */
const EXAMPLES = [
  // [aanvang, duur, unextended, last day]
  ['2025-04-18', 'P6W', '2025-05-29', '2025-06-02'], // Hemelvaartsdag, decreed Friday 30 May, weekend
  ['2025-11-21', 'P6W', '2026-01-01', '2026-01-05'], // Nieuwjaarsdag, decreed Friday 2 January, weekend
  ['2026-01-02', 'P3D', '2026-01-04', '2026-01-06'], // art. 2: two days that count
] as const;

describe('termijnen over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each(['bm', 'tl', 'griffie', 'auditor', 'beheerder'] as const)('answers the examples of issue #11 for the %s', async (role) => {
    for (const [aanvang, duur, plain, last] of EXAMPLES) {
      const res = await h.as(h.users[role]).get(`/api/v1/termijnen?aanvang=${aanvang}&duur=${duur}`).expect(200);
      expect(res.body).toMatchObject({ aanvang, duur, laatsteDagZonderVerlenging: plain, laatsteDag: last, kalenderversie: 'atw-2026.2' });
      expect(Object.keys(res.body).sort()).toEqual(['aanvang', 'duur', 'kalenderversie', 'laatsteDag', 'laatsteDagZonderVerlenging', 'verlengingen']);
    }
  });

  it('explains every extension in Dutch, with its source', async () => {
    const res = await h.as(h.users.griffie).get('/api/v1/termijnen?aanvang=2025-04-18&duur=P6W').expect(200);
    expect(res.body.verlengingen).toEqual([
      { datum: '2025-05-29', reden: 'Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)' },
      { datum: '2025-05-30', reden: expect.stringMatching(/^bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag \(Besluit gelijkstelling/) },
      { datum: '2025-05-31', reden: 'zaterdag' },
      { datum: '2025-06-01', reden: 'zondag' },
    ]);
    const art2 = await h.as(h.users.bm).get('/api/v1/termijnen?aanvang=2026-01-02&duur=P3D').expect(200);
    expect(art2.body.verlengingen.map((v: { reden: string }) => v.reden)).toEqual(['zondag', expect.stringMatching(/^artikel 2 Algemene termijnenwet/)]);
  });

  it.each([
    ['', ['query.aanvang', 'query.duur']],
    ['?aanvang=2025-04-18', ['query.duur']],
    ['?duur=P6W', ['query.aanvang']],
    ['?aanvang=18-04-2025&duur=P6W', ['query.aanvang']],
    ['?aanvang=2025-02-30&duur=P6W', ['query.aanvang']],
    ['?aanvang=1999-12-31&duur=P6W', ['query.aanvang']],
    ['?aanvang=2191-01-01&duur=P6W', ['query.aanvang']],
    ['?aanvang=2025-04-18&aanvang=2025-04-19&duur=P6W', ['query.aanvang']],
    ['?aanvang=2025-04-18&duur=6W', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P0D', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P11Y', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P523W', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P121M', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P1M2D', ['query.duur']],
    ['?aanvang=2025-04-18&duur=PT6H', ['query.duur']],
    ['?aanvang=2025-04-18&duur=P99999999999999999999D', ['query.duur']],
    ['?aanvang=x&duur=y', ['query.aanvang', 'query.duur']],
    ['?aanvang=2025-04-18&duur=P6W&extra=1', ['query.extra']],
    ['?aanvang[a]=1&duur=P6W', ['query.aanvang', 'query.aanvang[a]']], // the simple query parser: a key of its own
  ])('GET /api/v1/termijnen%s → 400 naming %j', async (qs, fields) => {
    const res = await h.as(h.users.bm).get(`/api/v1/termijnen${qs}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(/validation-failed$/);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
  });

  it('accepts the bounds: ten years, from the first to the last supported start', async () => {
    for (const qs of ['aanvang=2000-01-01&duur=P3653D', 'aanvang=2190-12-31&duur=P120M', 'aanvang=2190-12-31&duur=P522W']) {
      const res = await h.as(h.users.auditor).get(`/api/v1/termijnen?${qs}`).expect(200);
      expect(res.body.laatsteDag >= res.body.laatsteDagZonderVerlenging).toBe(true);
    }
  });

  it('refuses an anonymous caller', async () => {
    await h.http().get('/api/v1/termijnen?aanvang=2025-04-18&duur=P6W').expect(401);
  });

  it('is documented in OpenAPI with its parameters and problem responses', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/v1/termijnen'].get;
    expect(op.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
      ['aanvang', true],
      ['duur', true],
    ]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
  });
});

describe('termijnen with decreed days from configuration', () => {
  let h: Harness;
  const extraDecreedDays = [{ date: '2029-05-11', name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 12345' }];
  beforeAll(async () => {
    h = await startHarness({ calendar: { extraDecreedDays } });
  });

  it('counts the configured day, reports another calendar version, and the engine’s timers use the same calendar', async () => {
    // Hemelvaartsdag 2029 is Thursday 10 May; six weeks ending on it now pass the configured Friday too.
    const res = await h.as(h.users.bm).get('/api/v1/termijnen?aanvang=2029-03-30&duur=P6W').expect(200);
    expect(res.body.laatsteDag).toBe('2029-05-14');
    expect(res.body.kalenderversie).toMatch(/^atw-2026\.2\+config-[0-9a-f]{8}$/);
    expect(res.body.verlengingen[1]).toEqual({ datum: '2029-05-11', reden: 'bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag (Stcrt. 2028, 12345)' });
    const timer = zienswijzentermijn('2029-03-30');
    expect(timer.computedEnd).toBe('2029-05-14');
    expect(timer.calendarRuleVersion).toBe(res.body.kalenderversie);
  });

  it('restores the built-in calendar when the application stops', async () => {
    await h.close();
    expect(activeAtwCalendar()).toBe(DEFAULT_ATW_CALENDAR);
    expect(zienswijzentermijn('2029-03-30').computedEnd).toBe('2029-05-11');
  });
});

describe('npm run cli -- termijn', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  /** The command line on the harness's database, as an administrator types it. */
  async function cli(...argv: string[]) {
    return cliWith({ DATABASE_URL: h.config.database.url }, ...argv);
  }

  async function cliWith(env: NodeJS.ProcessEnv, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
    return { code, out, err };
  }

  it('counts a day a beheerder added in config/local.json, without a release; a bad entry stops the command naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-config-'));
    try {
      cpSync(join(__dirname, '../../config'), dir, { recursive: true });
      rmSync(join(dir, 'local.json'), { force: true });
      const env = { DATABASE_URL: h.config.database.url, NODE_CONFIG_DIR: dir, NODE_CONFIG_ENV: 'test' };
      const before = await cliWith(env, 'termijn', '--aanvang', '2029-03-30', '--duur', 'P6W');
      expect(JSON.parse(before.out.join('\n'))).toMatchObject({ laatsteDag: '2029-05-11', kalenderversie: 'atw-2026.2' });

      const day = { date: '2029-05-11', name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 12345' };
      writeFileSync(join(dir, 'local.json'), JSON.stringify({ calendar: { extraDecreedDays: [day] } }));
      const after = await cliWith(env, 'termijn', '--aanvang', '2029-03-30', '--duur', 'P6W');
      expect(after.code).toBe(0);
      const t = JSON.parse(after.out.join('\n'));
      expect(t.laatsteDag).toBe('2029-05-14');
      expect(t.kalenderversie).toMatch(/^atw-2026\.2\+config-[0-9a-f]{8}$/);

      writeFileSync(join(dir, 'local.json'), JSON.stringify({ calendar: { extraDecreedDays: [{ ...day, date: '2029-02-30' }] } }));
      const bad = await cliWith(env, 'termijn', '--aanvang', '2029-03-30', '--duur', 'P6W');
      expect(bad.code).toBe(1);
      expect(bad.err.join('\n')).toMatch(/calendar\.extraDecreedDays\[0\]\.date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(EXAMPLES)('termijn --aanvang %s --duur %s → %s, %s', async (aanvang, duur, plain, last) => {
    const r = await cli('termijn', '--aanvang', aanvang, '--duur', duur);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n'))).toMatchObject({ aanvang, duur, laatsteDagZonderVerlenging: plain, laatsteDag: last, kalenderversie: 'atw-2026.2' });
  });

  it.each([
    [['termijn', '--duur', 'P6W'], /--aanvang is required/],
    [['termijn', '--aanvang', '2025-04-18'], /--duur is required/],
    [['termijn', '--aanvang', '2025-02-30', '--duur', 'P6W'], /--aanvang must be a calendar date/],
    [['termijn', '--aanvang', '2025-04-18', '--duur', 'P11Y'], /--duur must be an ISO 8601 duration/],
  ])('refuses %j with a usage error', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });
});

import { DRENTHE_2021 } from '../../workflows/drenthe-verbindend-besturen/workflow';
import { WorkflowRegistry } from '../../workflows/registry';
import { nextVersionOf, versionWithoutPhase } from '../../workflows/testing/next-version';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, runCli } from '../../src/cli/run';
import { Harness, startHarness, TestUser } from '../support/harness';

jest.setTimeout(60_000);

const ID = DRENTHE_2021.id;

/**
 * Moving a dossier to a newer version of its workflow (issue #16), over HTTP, on test versions registered beside 2021:
 * `2100` (one requirement dropped, one changed, two added), `2099` (without voorfase-agendasetting) and `2098` (retired).
 */
describe('workflow versions and moving a dossier across', () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  const bm = () => h.as(h.users.bm);
  const tl = () => h.as(h.users.tl);
  const auditCount = async (id?: string) =>
    Number(
      (await h.db.read((tx) => tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM audit_event${id ? ' WHERE stream = ?' : ''}`, id ? [id] : [])))!.n,
    );
  const create = async (version?: string) =>
    (await bm().post(base, { title: `Dossier onder ${version ?? 'standaard'}`, strategisch: true, besluitvormer: 'PS', ...(version ? { workflow: { id: ID, version } } : {}) }).expect(201))
      .body as { id: string; version: number; workflow: { version: string } };

  beforeAll(async () => {
    h = await startHarness();
    const registry = h.app.get(WorkflowRegistry);
    registry.register(nextVersionOf(DRENTHE_2021, '2100'), 'active');
    registry.register(versionWithoutPhase(DRENTHE_2021, 'voorfase-agendasetting', '2099'), 'active');
    registry.register(nextVersionOf(DRENTHE_2021, '2098'), 'retired');
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists every version with its status; new dossiers start under the newest active one unless they name another active one', async () => {
    const list = (await bm().get('/api/v1/workflows').expect(200)).body as { version: string; status: string; default: boolean }[];
    expect(list.map((w) => [w.version, w.status, w.default])).toEqual([
      ['2021', 'active', false],
      ['2025', 'retired', false], // config/test.json names 2021 only
      ['2098', 'retired', false],
      ['2099', 'active', false],
      ['2100', 'active', true],
    ]);
    expect((await create()).workflow.version).toBe('2100');
    expect((await create('2021')).workflow.version).toBe('2021');
    const retired = await bm().post(base, { title: 'Oud', strategisch: false, besluitvormer: 'GS', workflow: { id: ID, version: '2098' } }).expect(400);
    expect(retired.body.errors).toEqual([{ field: 'workflow.version', message: expect.stringMatching(/buiten gebruik/) }]);
    const unknown = await bm().post(base, { title: 'Onbekend', strategisch: false, besluitvormer: 'GS', workflow: { id: ID, version: '1999' } }).expect(400);
    expect(unknown.body.errors[0].field).toBe('workflow.version');
    const malformed = await bm().post(base, { title: 'Fout', strategisch: false, besluitvormer: 'GS', workflow: { id: ID } }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toContain('workflow.version');
  });

  it('a dry run answers 200 with what would change and writes nothing', async () => {
    const d = await create('2021');
    const before = await auditCount();
    const compliance = await h.db.read((tx) => tx.get('SELECT * FROM dossier_compliance WHERE dossier_id = ?', [d.id]));
    const res = await tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 1, reason: 'Nieuw kader vastgesteld', dryRun: true }).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, from: { id: ID, version: '2021' }, to: { id: ID, version: '2100' }, newVersion: null, auditEventId: null, dossier: null });
    const changes = res.body.report.requirements.filter((r: { event: string }) => r.event === 'ADVANCE').map((r: { id: string; change: string }) => `${r.id}:${r.change}`);
    expect(changes).toEqual(expect.arrayContaining(['G1-07:removed', 'G1-90:added', 'G1-91:added']));
    expect(res.body.report.newlyBlocking).toEqual(['G1-91']);
    expect(res.body.report.canAdvance.after).toBe(false);
    expect(await auditCount()).toBe(before);
    const after = (await bm().get(`${base}/${d.id}`).expect(200)).body;
    expect(after).toMatchObject({ version: 1, workflow: { version: '2021' } });
    expect(await h.db.read((tx) => tx.get('SELECT * FROM dossier_compliance WHERE dossier_id = ?', [d.id]))).toEqual(compliance);
  });

  it('only a teamleider moves dossiers (the permission table)', async () => {
    const d = await create('2021');
    const body = { targetVersion: '2100', expectedVersion: 1, reason: 'Zelf overzetten', dryRun: true };
    for (const who of [h.users.bm, h.users.griffie, h.users.auditor, h.users.beheerder]) await h.as(who).post(`${base}/${d.id}/migrations`, body).expect(403);
    await tl().post(`${base}/${d.id}/migrations`, body).expect(200);
  });

  it('refuses, naming targetVersion: an unknown version (400), the same, an older one, a retired one, one that does not know the phase (409)', async () => {
    const d = await create('2021');
    const move = (targetVersion: string, id = d.id) => tl().post(`${base}/${id}/migrations`, { targetVersion, expectedVersion: 1, reason: 'Proberen', dryRun: false });
    const unknown = await move('2030').expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'targetVersion', message: expect.stringMatching(/bestaat niet/) }]);
    for (const [version, refusal, words] of [
      ['2021', 'same-version', /al onder versie 2021/],
      ['2098', 'target-retired', /niet in gebruik/],
      ['2099', 'phase-unknown', /kent de fase voorfase-agendasetting niet/],
    ] as const) {
      const res = await move(version).expect(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/invalid-state$/), field: 'targetVersion', refusal });
      expect(res.body.detail).toMatch(words);
    }
    const newer = await create();
    const back = await move('2021', newer.id).expect(409);
    expect(back.body).toMatchObject({ field: 'targetVersion', refusal: 'backwards' });
    expect(back.body.detail).toMatch(/ouder/);
    const missing = await tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 1, dryRun: false }).expect(400);
    expect([...new Set(missing.body.errors.map((e: { field: string }) => e.field))]).toEqual(['reason']);
    expect((await bm().get(`${base}/${d.id}`).expect(200)).body).toMatchObject({ version: 1, workflow: { version: '2021' } });
  });

  it('a stale expectedVersion is a 409 version-conflict, for the dry run and the move', async () => {
    const d = await create('2021');
    await tl().post(`${base}/${d.id}/assignment`, { assigneeId: h.users.bm2.id, expectedVersion: 1 }).expect(200);
    for (const dryRun of [true, false]) {
      const res = await tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 1, reason: 'Verouderd', dryRun }).expect(409);
      expect(res.body.type).toMatch(/version-conflict$/);
    }
    expect((await bm().get(`${base}/${d.id}`).expect(200)).body).toMatchObject({ version: 2, workflow: { version: '2021' } });
  });

  it('a move answers 201, is one audit event with the report, the reason and who decided, and the chain verifies', async () => {
    const d = await create('2021');
    const beforeMove = h.clock.now().toISOString();
    const before = await auditCount(d.id);
    h.clock.set(new Date(h.clock.now().getTime() + 5 * 60_000));
    const res = await tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 1, reason: 'Kader 2100 vastgesteld door PS', dryRun: false }).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, newVersion: 2, dossier: { version: 2, workflow: { id: ID, version: '2100' } } });
    expect(res.body.dossier.next.requirements.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['G1-90', 'G1-91']));
    expect(res.body.dossier.next.requirements.map((r: { id: string }) => r.id)).not.toContain('G1-07');
    expect(await auditCount(d.id)).toBe(before + 1);
    const events = await h.db.read((tx) => tx.all<{ content: string }>("SELECT content FROM audit_event WHERE stream = ? AND action = 'dossier.migrated'", [d.id]));
    expect(events).toHaveLength(1);
    const event = JSON.parse(events[0].content) as { id: string; actorId: string; actorRoles: string[]; workflowVersion: string; payload: Record<string, unknown> };
    expect(event).toMatchObject({ id: res.body.auditEventId, actorId: h.users.tl.id, actorRoles: ['teamleider'], workflowVersion: '2100' });
    expect(event.payload).toMatchObject({ from: { version: '2021' }, to: { version: '2100' }, reason: 'Kader 2100 vastgesteld door PS', expectedVersion: 1, newVersion: 2 });
    expect(event.payload.report).toEqual(res.body.report);
    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
    // The compliance projection follows, and the auditor's state on a date shows the version that applied then.
    const row = await h.db.read((tx) => tx.get<{ workflow_version: string; dossier_version: number | string }>('SELECT workflow_version, dossier_version FROM dossier_compliance WHERE dossier_id = ?', [d.id]));
    expect(row).toMatchObject({ workflow_version: '2100' });
    expect(Number(row!.dossier_version)).toBe(2);
    const then = await h.as(h.users.auditor).get(`${base}/${d.id}/state?at=${encodeURIComponent(beforeMove)}`).expect(200);
    expect(then.body.workflow).toEqual({ id: ID, version: '2021' });
    const now = await h.as(h.users.auditor).get(`${base}/${d.id}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`).expect(200);
    expect(now.body).toMatchObject({ workflow: { id: ID, version: '2100' }, version: 2 });
    const history = await h.as(h.users.auditor).get(`${base}/${d.id}/history`).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'dossier.migrated', summary: { nl: expect.stringMatching(/2021 naar 2100/) } });
    // Moved once: moving again to the same version is refused.
    await tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 2, reason: 'Nog eens', dryRun: true }).expect(409);
  });

  it('a move racing a transition leaves exactly one of them', async () => {
    for (let i = 0; i < 4; i++) {
      const d = await create('2021');
      const [moved, withdrawn] = await Promise.all([
        tl().post(`${base}/${d.id}/migrations`, { targetVersion: '2100', expectedVersion: 1, reason: 'Race', dryRun: false }),
        bm().post(`${base}/${d.id}/transitions`, { event: 'WITHDRAW', expectedVersion: 1, reason: 'Ingetrokken tijdens de race' }),
      ]);
      expect([moved.status, withdrawn.status].sort()).toEqual([201, 409]);
      const loser = moved.status === 409 ? moved : withdrawn;
      expect(loser.body.type).toMatch(/version-conflict$/);
      const view = (await bm().get(`${base}/${d.id}`).expect(200)).body;
      const actions = await h.db.read((tx) =>
        tx.all<{ action: string }>("SELECT action FROM audit_event WHERE stream = ? AND action IN ('dossier.migrated', 'transition.done')", [d.id]),
      );
      expect(actions).toHaveLength(1);
      expect(view.version).toBe(2);
      if (moved.status === 201) expect(view).toMatchObject({ phase: 'voorfase-agendasetting', workflow: { version: '2100' } });
      else expect(view).toMatchObject({ phase: 'ingetrokken', workflow: { version: '2021' } });
    }
  });
});

/** `npm run cli -- workflow:migrate`: the command's body on the test harness's application, and its command line. */
describe('workflow:migrate (many dossiers, CSV report)', () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  const command = COMMANDS.find((c) => c.name === 'workflow:migrate')!;
  const from = { id: ID, version: '2021' };

  beforeAll(async () => {
    h = await startHarness();
    const registry = h.app.get(WorkflowRegistry);
    registry.register(nextVersionOf(DRENTHE_2021, '2100'), 'active');
    registry.register(versionWithoutPhase(DRENTHE_2021, 'voorfase-agendasetting', '2099'), 'active');
  });
  afterAll(async () => {
    await h.close();
  });

  async function run(opts: Record<string, unknown>) {
    const out: string[] = [];
    const info: string[] = [];
    const ctx = {
      app: h.app,
      db: h.db,
      config: h.config,
      actor: { id: 'cli:beheer', name: 'command line (beheer)', roles: ['beheerder'] },
      out: (l: string) => out.push(l),
      info: (l: string) => info.push(l),
      progress: () => ({ tick: () => undefined, done: () => undefined }),
    };
    const code = await (command.run as unknown as (c: typeof ctx, o: Record<string, unknown>) => Promise<number>)(ctx, opts);
    return { code, csv: out.join('\n'), info: info.join('\n') };
  }
  const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((l) => l.split(';'));
  const create = async (title: string) =>
    (await h.as(h.users.bm).post(base, { title, strategisch: false, besluitvormer: 'GS', workflow: from }).expect(201)).body.id as string;

  it('a dry run reports every running dossier as Dutch-Excel CSV and writes nothing', async () => {
    const ids = [await create('Eerste'), await create('Tweede'), await create('Derde')];
    const gone = await create('Ingetrokken');
    await h.as(h.users.bm).post(`${base}/${gone}/transitions`, { event: 'WITHDRAW', expectedVersion: 1, reason: 'Gaat niet door' }).expect(201);
    const audit = await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event'));
    const r = await run({ from, to: { id: ID, version: '2100' }, reason: 'Nieuw kader', dryRun: true });
    expect(r.code).toBe(0);
    expect(r.csv.startsWith('\uFEFFdossier-id;titel;fase;dossierversie;van versie;naar versie;uitkomst;eisen erbij;eisen vervallen;')).toBe(true);
    const rows = rowsOf(r.csv);
    const header = rows[0];
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual([...ids].sort()); // the withdrawn one keeps its rules
    for (const row of rows.slice(1)) {
      expect(col(row, 'uitkomst')).toBe('zou overgaan');
      expect(col(row, 'eisen erbij')).toBe('G1-90, G1-91');
      expect(col(row, 'eisen vervallen')).toBe('G1-07');
      expect(col(row, 'kan na overzetten door')).toBe('nee');
      expect(col(row, 'nieuw blokkerend')).toBe('G1-91');
    }
    expect(r.info).toMatch(/3 dossier\(s\) zouden overgaan, 0 geweigerd; er is niets gewijzigd/);
    expect(await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event'))).toEqual(audit);
    const versions = await h.db.read((tx) => tx.all<{ workflow_version: string; version: number | string }>(`SELECT workflow_version, version FROM dossier WHERE id IN (?, ?, ?)`, ids));
    expect(versions.map((v) => [v.workflow_version, Number(v.version)])).toEqual([['2021', 1], ['2021', 1], ['2021', 1]]);
  });

  it('without --dry-run each dossier moves in its own transaction; one that cannot move stops nothing else and is reported', async () => {
    const further = await create('Verder gevorderd');
    // Set-up only: a dossier in voorbereiding-beleid (the 2099 test version does not know voorfase-agendasetting).
    await h.exec(`UPDATE dossier SET state = 'voorbereiding-beleid' WHERE id = '${further}'`);
    const noBy = run({ from, to: { id: ID, version: '2099' }, reason: 'Overzetten' });
    await expect(noBy).rejects.toThrow(/--by is required/);
    await expect(run({ from, to: { id: ID, version: '2099' }, reason: 'Overzetten', by: h.users.bm.id })).rejects.toThrow(/active teamleider/);
    const r = await run({ from, to: { id: ID, version: '2099' }, reason: 'Overzetten', by: h.users.tl.id });
    expect(r.code).toBe(1);
    const rows = rowsOf(r.csv);
    const header = rows[0];
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    const moved = byId.get(further)!;
    expect(moved[header.indexOf('uitkomst')]).toBe('overgezet');
    expect(moved[header.indexOf('audit-gebeurtenis')]).toMatch(/^[0-9a-f-]{36}$/);
    const refused = rows.slice(1).filter((row) => row[header.indexOf('uitkomst')] === 'geweigerd');
    expect(refused).toHaveLength(3);
    for (const row of refused) expect(row[header.indexOf('melding')]).toMatch(/kent de fase voorfase-agendasetting niet/);
    expect(r.info).toMatch(/1 dossier\(s\) overgezet, 3 geweigerd, 0 mislukt/);
    const event = await h.db.read((tx) => tx.get<{ content: string }>("SELECT content FROM audit_event WHERE stream = ? AND action = 'dossier.migrated'", [further]));
    expect(JSON.parse(event!.content)).toMatchObject({ actorId: h.users.tl.id, payload: { reason: 'Overzetten', via: 'cli:beheer', to: { version: '2099' } } });
    expect((await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('refuses a malformed --from or --to with exit code 2, before touching a database', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l), info: () => undefined };
    const env = { DATABASE_URL: 'sqlite:/nonexistent/kw.sqlite' };
    expect(await runCli(['workflow:migrate', '--from', '2021', '--to', `${ID}@2100`, '--reason', 'x', '--dry-run'], io, env)).toBe(2);
    expect(err.join('\n')).toMatch(/--from must be <workflow>@<version>/);
    expect(await runCli(['workflow:migrate', '--from', `${ID}@2021`, '--to', `${ID}@2100`, '--dry-run'], io, env)).toBe(2);
    expect(err.join('\n')).toMatch(/--reason is required/);
  });
});

/** The real second version: `drenthe-verbindend-besturen@2025`, active beside 2021 as config/default.json has it. */
describe('moving a dossier from 2021 to 2025', () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  const versions = [
    { id: ID, version: '2021', status: 'active' as const },
    { id: ID, version: '2025', status: 'active' as const },
  ];

  beforeAll(async () => {
    h = await startHarness({ workflows: { versions } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('starts new dossiers under 2025; a dossier begun under 2021 keeps its rules until a teamleider moves it', async () => {
    const list = (await h.as(h.users.tl).get('/api/v1/workflows').expect(200)).body as { version: string; status: string; default: boolean }[];
    expect(list.map((w) => [w.version, w.status, w.default])).toEqual([
      ['2021', 'active', false],
      ['2025', 'active', true],
    ]);
    expect((await h.as(h.users.bm).post(base, { title: 'Nieuw', strategisch: true, besluitvormer: 'PS' }).expect(201)).body.workflow.version).toBe('2025');
    const d = (await h.as(h.users.bm).post(base, { title: 'Lopend', strategisch: true, besluitvormer: 'PS', workflow: { id: ID, version: '2021' } }).expect(201)).body;
    // Set-up only: the dossier is in voorbereiding-beleid, where 2025 adds requirements to T2.
    await h.exec(`UPDATE dossier SET state = 'voorbereiding-beleid' WHERE id = '${d.id}'`);
    const dry = await h.as(h.users.tl).post(`${base}/${d.id}/migrations`, { targetVersion: '2025', expectedVersion: 1, reason: 'Blijvend in verbinding', dryRun: true }).expect(200);
    const added = dry.body.report.requirements.filter((r: { change: string }) => r.change === 'added').map((r: { id: string }) => r.id);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((id: string) => /^G2-5\d$/.test(id))).toBe(true);
    const view2021 = (await h.as(h.users.bm).get(`${base}/${d.id}`).expect(200)).body;
    expect(view2021.next.requirements.map((r: { id: string }) => r.id)).not.toEqual(expect.arrayContaining(added));
    const moved = await h.as(h.users.tl).post(`${base}/${d.id}/migrations`, { targetVersion: '2025', expectedVersion: 1, reason: 'Blijvend in verbinding', dryRun: false }).expect(201);
    expect(moved.body.dossier.workflow).toEqual({ id: ID, version: '2025' });
    expect(moved.body.dossier.next.requirements.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(added));
    expect(moved.body.report).toEqual(dry.body.report);
    await h.as(h.users.tl).post(`${base}/${d.id}/migrations`, { targetVersion: '2021', expectedVersion: 2, reason: 'Terug', dryRun: true }).expect(409);
    expect((await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('npm run cli -- workflow:migrate --dry-run writes the CSV report of every 2021 dossier', async () => {
    const ids = [];
    for (const title of ['Een', 'Twee']) ids.push((await h.as(h.users.bm).post(base, { title, strategisch: false, besluitvormer: 'GS', workflow: { id: ID, version: '2021' } }).expect(201)).body.id);
    const file = join(h.dir, 'overzetten.csv');
    const err: string[] = [];
    const info: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l), info: (l: string) => info.push(l) };
    const code = await runCli(['workflow:migrate', '--from', `${ID}@2021`, '--to', `${ID}@2025`, '--reason', 'Proef', '--dry-run', '--out', file], io, { DATABASE_URL: h.config.database.url });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFdossier-id;titel;fase;')).toBe(true);
    const lines = csv.split('\r\n').filter(Boolean);
    for (const id of ids) expect(lines.some((l) => l.startsWith(`${id};`) && l.includes(`;${ID}@2021;${ID}@2025;zou overgaan;`))).toBe(true);
    expect(info.join('\n')).toMatch(/er is niets gewijzigd/);
  });

  it('the griffie filters and shows the overview by version (API and page)', async () => {
    const mk = async (title: string, version: string) =>
      (await h.as(h.users.bm).post(base, { title, strategisch: false, besluitvormer: 'GS', workflow: { id: ID, version } }).expect(201)).body.id as string;
    const old = await mk('Onder het oude kader', '2021');
    const fresh = await mk('Onder het nieuwe kader', '2025');
    const only2021 = (await h.as(h.users.griffie).get('/api/v1/compliance?workflowVersion=2021&limit=200').expect(200)).body.items as { dossierId: string; workflow: { version: string } }[];
    expect(only2021.map((i) => i.dossierId)).toContain(old);
    expect(only2021.map((i) => i.dossierId)).not.toContain(fresh);
    expect(only2021.every((i) => i.workflow.version === '2021')).toBe(true);
    const only2025 = (await h.as(h.users.griffie).get('/api/v1/compliance?workflowVersion=2025&limit=200').expect(200)).body.items as { dossierId: string }[];
    expect(only2025.map((i) => i.dossierId)).toContain(fresh);
    expect(only2025.map((i) => i.dossierId)).not.toContain(old);
    const bad = await h.as(h.users.griffie).get('/api/v1/compliance?workflowVersion=' + encodeURIComponent('2021; DROP')).expect(400);
    expect(bad.body.errors[0].field).toBe('query.workflowVersion');
    const csv = await h.as(h.users.griffie).get('/api/v1/compliance?workflowVersion=2025').set('Accept', 'text/csv').expect(200);
    expect(csv.text.split('\r\n')[0].split(';').at(-1)).toBe('workflowversie');
    const { agent } = await signIn(h.users.griffie);
    const page = await agent.get('/griffie?workflowVersion=2021').expect(200);
    expect(page.text).toContain('Onder het oude kader');
    expect(page.text).not.toContain('Onder het nieuwe kader');
    expect(page.text).toMatch(/<select[^>]*name="workflowVersion"/);
  });

  it('the web page shows a teamleider the dry run before the button that moves, and moves on the button', async () => {
    const d = (await h.as(h.users.bm).post(base, { title: 'Via de webpagina', strategisch: true, besluitvormer: 'PS', workflow: { id: ID, version: '2021' } }).expect(201)).body;
    await h.exec(`UPDATE dossier SET state = 'voorbereiding-beleid' WHERE id = '${d.id}'`); // set-up: where 2025 adds requirements
    const officer = await signIn(h.users.bm);
    await officer.agent.get(`/teamleider/overzetten/${d.id}`).expect(403);
    const { agent, csrf } = await signIn(h.users.tl);
    const team = await agent.get('/teamleider').expect(200);
    expect(team.text).toContain(`href="/teamleider/overzetten/${d.id}"`);
    const audit = await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event WHERE stream = ?', [d.id]));
    const page = await agent.get(`/teamleider/overzetten/${d.id}`).expect(200);
    const report = page.text.indexOf('Wat verandert er bij overzetten naar versie 2025?');
    const button = page.text.indexOf('Overzetten naar versie 2025</button>');
    expect(report).toBeGreaterThan(0);
    expect(button).toBeGreaterThan(report);
    expect(page.text).toMatch(/G2-5\d/);
    expect(page.text).toContain('<html lang="nl"');
    // Reading the page is a dry run: nothing written.
    expect(await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event WHERE stream = ?', [d.id]))).toEqual(audit);
    const noReason = await agent.post(`/teamleider/overzetten/${d.id}`).type('form').send({ _csrf: csrf, targetVersion: '2025', expectedVersion: '1', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('id="veld-reason-fout"');
    const moved = await agent.post(`/teamleider/overzetten/${d.id}`).type('form').send({ _csrf: csrf, targetVersion: '2025', expectedVersion: '1', reason: 'Het nieuwe kader geldt' });
    expect(moved.status).toBe(303);
    expect(moved.headers.location).toBe(`/dossiers/${d.id}`);
    const row = await h.db.read((tx) => tx.get<{ workflow_version: string }>('SELECT workflow_version FROM dossier WHERE id = ?', [d.id]));
    expect(row!.workflow_version).toBe('2025');
    const stale = await agent.post(`/teamleider/overzetten/${d.id}`).type('form').send({ _csrf: csrf, targetVersion: '2025', expectedVersion: '1', reason: 'Nog een keer' });
    expect(stale.status).toBe(409);
    const after = await agent.get(`/teamleider/overzetten/${d.id}`).expect(200);
    expect(after.text).toContain('Er is geen nieuwere versie van het kader in gebruik');
  });

  const signIn = (user: TestUser) => h.signIn(user);
});

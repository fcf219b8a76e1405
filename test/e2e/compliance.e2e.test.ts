import { createApp } from '../../src/app';
import { FixedClock } from '../../src/common/clock';
import { ComplianceProjector } from '../../src/dossiers/compliance-projection/compliance.projector';
import { TimerJob } from '../../src/compliance/timer.job';
import { Db } from '../../src/database/db';
import { Harness, onPostgres, startHarness } from '../support/harness';

/**
 * The griffie's compliance views over HTTP, on a small portfolio with known gaps:
 * - A: strategic, in voorbereiding-beleid without a startnotitie (the griffie recorded a committee session);
 * - B: in ontwikkeling-voorstel with a zienswijzentermijn that has run out (TM-01 overdue);
 * - C: G1-03 waived (requested, approved by a teamleider, used by ADVANCE);
 * - D: reclassified from strategic to non-strategic;
 * - F: nothing special, with a title that tries a formula and needs quoting in CSV.
 * Every ADVANCE explains its unmet advisories (comply or explain). Each gap must show up exactly where it belongs, in
 * JSON and CSV, and every stored row must equal a full re-evaluation of its dossier.
 */
describe('compliance views over HTTP', () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'F', string> = { A: '', B: '', C: '', D: '', F: '' };
  const explained: Array<{ dossierId: string; requirementId: string; text: string }> = [];
  let waiverId = '';
  let planId = '';
  let atelierId = '';
  let panelId = '';
  const bm = () => h.as(h.users.bm);
  const griffie = () => h.as(h.users.griffie);

  async function record(id: string, kind: string, occurredOn: string, data: object, as = bm()) {
    const res = await as.post(`${base}/${id}/evidence`, { kind, occurredOn, data });
    if (res.status !== 201) throw new Error(`evidence ${kind} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  }

  async function advanceExplaining(id: string) {
    const v = (await bm().get(`${base}/${id}`).expect(200)).body;
    if (v.next.blocking.length) throw new Error(`${id} blocked by ${v.next.blocking.join(', ')}`);
    const explanations = Object.fromEntries(v.next.explanationsRequired.map((r: string) => [r, `=Bewust afgewogen (${r})`]));
    const res = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations });
    if (res.status !== 201) throw new Error(`ADVANCE → ${res.status} ${JSON.stringify(res.body)}`);
    // The response's dossier (built from the facts in hand) is exactly what a fresh read gives.
    expect(res.body.dossier).toEqual((await bm().get(`${base}/${id}`).expect(200)).body);
    for (const [requirementId, text] of Object.entries(res.body.explained as Record<string, string>)) explained.push({ dossierId: id, requirementId, text });
    return res.body;
  }

  const complete = {
    strategischMotivatie: 'Afgewogen bij de intake.',
    besluittype: 'beleidsregel',
    instrumentType: 'none',
    herkomst: 'gs-initiatief',
  };

  async function toOntwikkeling(id: string) {
    await advanceExplaining(id);
    await record(id, 'checkvraag', '2026-03-02', { vraag: 'inwonersinitiatief', antwoord: false, toelichting: 'Geen ruimte: uitvoering van rijksbeleid.' });
    await record(id, 'procedure', '2026-03-02', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: true, motivering: 'Ontwerp ter inzage.' });
    await advanceExplaining(id);
  }

  beforeAll(async () => {
    h = await startHarness();
    // A — strategic, no startnotitie; the griffie records the committee session on it (PS-side evidence).
    ids.A = (await bm().post(base, { title: 'Regionale Energiestrategie 2.0', strategisch: true, besluitvormer: 'PS', ...complete }).expect(201)).body.id;
    await advanceExplaining(ids.A);
    await record(ids.A, 'procedure', '2026-03-02', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Omgeving', vergaderdatum: '2026-03-02' }, griffie());

    // B — zienswijzentermijn from 2 March (six weeks end Sunday 12 April → Monday 13 April, Atw).
    ids.B = (await bm().post(base, { title: 'Provinciaal inpassingsplan N34', strategisch: false, besluitvormer: 'GS', ...complete }).expect(201)).body.id;
    await toOntwikkeling(ids.B);
    await record(ids.B, 'procedure', '2026-03-01', { stap: 'kennisgeving-ontwerp', datum: '2026-03-01', prbId: 'prb-2026-301' });
    await record(ids.B, 'procedure', '2026-03-02', { stap: 'terinzagelegging', startOn: '2026-03-02' });
    // B's participation plan: consult residents while preparing (done only at "informeren"), an atelier then (done),
    // and let them co-decide in ontwikkeling-voorstel (the current phase: not due yet). A Drents Panel poll was not planned.
    planId = (
      await record(ids.B, 'document', '2026-03-02', {
        documentType: 'participatieparagraaf-plan',
        titel: 'Participatieplan N34',
        participatieparagraaf: {
          doel: 'Omwonenden denken mee over de inpassing.',
          doelgroepen: ['inwoners', 'jongeren'],
          niveaus: [
            { doelgroep: 'inwoners', fase: 'voorbereiding-beleid', niveau: 'consulteren' },
            { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' },
          ],
          instrumenten: [{ instrumentId: 'atelier', fase: 'voorbereiding-beleid' }],
        },
      })
    ).id;
    const activity = (instrumentId: string, niveau: string, doelgroepen: string[]) => ({
      instrumentId, organisator: 'GS', fase: 'voorbereiding-beleid', inwonersGericht: true, niveau, doelgroepen, startOn: '2026-03-02', status: 'uitgevoerd',
    });
    atelierId = (await record(ids.B, 'activiteit', '2026-03-02', activity('atelier', 'informeren', ['Inwoners']))).id;
    panelId = (await record(ids.B, 'activiteit', '2026-03-02', activity('drents-panel', 'consulteren', ['jongeren']))).id;

    // C — no motivation for `strategisch` (G1-03): a waiver, approved by a teamleider and used by ADVANCE.
    ids.C = (await bm().post(base, { title: 'Subsidieregeling dorpshuizen', strategisch: false, besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'signaal-samenleving' }).expect(201)).body.id;
    waiverId = (await bm().post(`${base}/${ids.C}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Regeling moet per 1 april open.' }).expect(201)).body.id;
    await h.as(h.users.tl).post(`${base}/${ids.C}/waivers/${waiverId}/decision`, { decision: 'approve', note: 'Akkoord' }).expect(200);
    await advanceExplaining(ids.C);

    // D — strategic at first, reclassified to non-strategic.
    ids.D = (await bm().post(base, { title: 'Omgevingsvisie herijking', strategisch: true, besluitvormer: 'PS', ...complete }).expect(201)).body.id;
    await record(ids.D, 'classificatie', '2026-03-02', { strategisch: false, strategischMotivatie: 'Beperkte herijking.', reden: 'Herbeoordeling na intake' });

    // F — nothing special.
    ids.F = (await bm().post(base, { title: '=SUM(1+1) Dorpsvisie; "Oost"', strategisch: false, besluitvormer: 'GS', ...complete }).expect(201)).body.id;

    // Seven weeks later: B's zienswijzentermijn has run out while B is still in ontwikkeling-voorstel.
    h.clock.set('2026-04-20T08:00:00.000Z');
  });
  afterAll(async () => {
    await h.close();
  });

  const list = (query = '') => h.as(h.users.griffie).get(`/api/v1/compliance${query}`).expect(200);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
  const byId = (items: Array<{ dossierId: string }>) => new Map(items.map((i) => [i.dossierId, i as Record<string, any>]));

  it('lists one row per dossier with phase, days in phase, owner and what the next transition still needs', async () => {
    const res = await list('?limit=200&withTotal=true');
    expect(res.body.total).toBe(5);
    expect((await list()).body.total).toBeNull(); // counting is on request only
    expect(res.body.today).toBe('2026-04-20');
    const rows = byId(res.body.items);
    const a = rows.get(ids.A)!;
    expect(a).toMatchObject({ phase: 'voorbereiding-beleid', strategisch: true, besluitvormer: 'PS', owner: { id: h.users.bm.id, name: 'Bea Beleid' } });
    expect(a.daysInPhase).toBe(49); // 2 March → 20 April
    expect(a.next.hardOpen.ids).toContain('G2-01');
    expect(a.next.matrix.find((m: { id: string }) => m.id === 'G2-01')).toMatchObject({ severity: 'hard', status: 'open' });
    expect(a.startnotitie).toEqual({ adoptedOn: null, sentToPsOn: null, committeeOn: '2026-03-02' });
    // The griffie's write does not turn X-01 red: the projection is the owner's view.
    expect(a.next.matrix.find((m: { id: string }) => m.id === 'X-01')).toMatchObject({ status: 'met' });

    const c = rows.get(ids.C)!;
    expect(c.waivers.used).toEqual({ count: 1, ids: [waiverId] });
    expect(c.waivers.pending.count).toBe(0);
    for (const id of Object.values(ids)) {
      const n = explained.filter((e) => e.dossierId === id).length;
      expect(rows.get(id)!.advisoriesExplained).toBe(n);
    }
    expect(rows.get(ids.A)!.advisoriesExplained).toBeGreaterThan(0);
    expect(rows.get(ids.F)!).toMatchObject({ phase: 'voorfase-agendasetting', advisoriesExplained: 0, timers: { open: 0, nextDeadline: null } });
    expect(rows.get(ids.D)!.reclassifiedToNonStrategic).toEqual({ count: 1, lastOn: '2026-03-02' });
  });

  it('shows the overdue zienswijzentermijn on B only, overdue first in the timer list, and filters on it', async () => {
    const overdue = await list('?hasOverdue=true');
    expect(overdue.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual([ids.B]);
    expect(overdue.body.items[0].timers.overdue).toEqual({
      count: 1,
      items: [expect.objectContaining({ timerId: 'TM-01', computedEnd: '2026-04-13', daysOverdue: 7 })],
    });
    const notOverdue = await list('?hasOverdue=false&limit=1&withTotal=true');
    expect(notOverdue.body.total).toBe(4);

    const timers = await griffie().get('/api/v1/compliance/timers').expect(200);
    expect(timers.body.items).toHaveLength(1);
    expect(timers.body.items[0]).toMatchObject({
      dossierId: ids.B,
      timerId: 'TM-01',
      start: '2026-03-02',
      computedEnd: '2026-04-13',
      status: 'overdue',
      daysLeft: -7,
      calendarRuleVersion: 'atw-2026.2',
      basis: expect.stringMatching(/Awb 3:16/),
    });
    expect((await griffie().get('/api/v1/compliance/timers?status=running').expect(200)).body.items).toEqual([]);
  });

  it('records the expiry once, as timer.expired in the dossier stream, however often and by however many instances the job runs', async () => {
    const now = h.clock.now();
    const job = h.app.get(TimerJob);
    if (onPostgres()) {
      // A second app instance with its own connection pool on the same PostgreSQL database, running at the same time.
      const db2 = await Db.open(h.config.database);
      const app2 = await createApp({ config: { ...h.config, timerJobIntervalSeconds: 0 }, db: db2, clock: new FixedClock(now), logger: false });
      try {
        const runs = await Promise.all([job.runOnce(now), app2.get(TimerJob).runOnce(now), job.runOnce(now), app2.get(TimerJob).runOnce(now)]);
        expect(runs.flatMap((r) => r.expired)).toHaveLength(1);
      } finally {
        await app2.close();
        await db2.close();
      }
    } else {
      // SQLite serves one process; two runs interleave on it.
      const runs = await Promise.all([job.runOnce(now), job.runOnce(now)]);
      expect(runs.flatMap((r) => r.expired)).toHaveLength(1);
    }
    expect((await job.runOnce(now)).expired).toEqual([]);
    const events = await h.db.read((tx) =>
      tx.all<{ content: string; dossier_id: string; actor_id: string }>("SELECT content, dossier_id, actor_id FROM audit_event WHERE action = 'timer.expired'"),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ dossier_id: ids.B, actor_id: 'system' });
    expect((JSON.parse(events[0].content) as { payload: unknown }).payload).toMatchObject({
      timerId: 'TM-01',
      start: '2026-03-02',
      computedEnd: '2026-04-13',
      basis: expect.stringMatching(/Awb 3:16/),
      calendarRuleVersion: 'atw-2026.2',
      expiredOn: '2026-04-20',
    });
    const timers = await griffie().get('/api/v1/compliance/timers').expect(200);
    expect(timers.body.items[0].expiry).toMatchObject({ expiredOn: '2026-04-20', auditEventId: expect.any(String) });
    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('re-evaluates rows of an earlier day, so nothing goes stale with the calendar', async () => {
    const staleOn = (day: string) =>
      h.db.read((tx) => tx.all<{ dossier_id: string }>('SELECT dossier_id FROM dossier_compliance WHERE projected_on < ? AND phase_order <= 6', [day]));
    expect(await staleOn('2026-04-20')).toEqual([]); // the previous run brought every active row to today
    expect(await staleOn('2026-04-21')).toHaveLength(5);
    const report = await h.app.get(TimerJob).runOnce(new Date('2026-04-21T08:00:00.000Z'));
    expect(report).toMatchObject({ today: '2026-04-21', refreshed: 5, expired: [], backfilled: 0 });
    expect(await staleOn('2026-04-21')).toEqual([]);
  });

  it('gives dossiers created before the projection existed a row, with the explanations counted from the audit trail', async () => {
    await h.exec(`DELETE FROM dossier_compliance WHERE dossier_id = '${ids.A}'`);
    expect((await list('?limit=200')).body.items).toHaveLength(4);
    const report = await h.app.get(TimerJob).runOnce(h.clock.now());
    expect(report.backfilled).toBe(1);
    const a = (await list('?limit=200')).body.items.find((i: { dossierId: string }) => i.dossierId === ids.A);
    expect(a.advisoriesExplained).toBe(explained.filter((e) => e.dossierId === ids.A).length);
  });

  it('puts each gap in the startnotitie tracker exactly where it belongs', async () => {
    const res = await griffie().get('/api/v1/compliance/startnotitie').expect(200);
    const rows = res.body.items.map((i: { issue: string; dossierId: string }) => `${i.issue}:${i.dossierId}`);
    expect(rows).toEqual([`reclassified-to-non-strategic:${ids.D}`, `startnotitie-missing:${ids.A}`]);
    expect(res.body.items[0].reclassifications).toEqual([expect.objectContaining({ reden: 'Herbeoordeling na intake', recordedOn: '2026-03-02' })]);
    const only = await griffie().get('/api/v1/compliance/startnotitie?issue=startnotitie-missing').expect(200);
    expect(only.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual([ids.A]);
  });

  it('keeps the waiver register: reason code, motivation, requester, approver, dates and status', async () => {
    const res = await griffie().get('/api/v1/compliance/waivers').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      id: waiverId,
      dossierId: ids.C,
      requirementId: 'G1-03',
      requirementLabel: { nl: expect.any(String), en: expect.any(String) },
      reasonCode: 'spoed',
      motivation: 'Regeling moet per 1 april open.',
      status: 'used',
      requestedBy: { id: h.users.bm.id, name: 'Bea Beleid' },
      decidedBy: { id: h.users.tl.id, name: 'Tineke Teamleider' },
      decisionNote: 'Akkoord',
      usedAt: expect.any(String),
    });
    expect((await griffie().get('/api/v1/compliance/waivers?status=requested').expect(200)).body.total).toBe(0);
  });

  it('compares the planned participation with what was done', async () => {
    const res = await griffie().get('/api/v1/compliance/participation?hasGaps=true').expect(200);
    expect(res.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual([ids.B]);
    expect(res.body.items[0].comparison).toEqual({
      planSourceId: planId,
      planSourceType: 'participatieparagraaf-plan',
      lines: [
        { kind: 'level', fase: 'voorbereiding-beleid', doelgroep: 'inwoners', planned: 'consulteren', status: 'lower-level', due: true, gap: true, activityIds: [atelierId] },
        { kind: 'level', fase: 'ontwikkeling-voorstel', doelgroep: 'inwoners', planned: 'meebeslissen', status: 'missing', due: false, gap: false, activityIds: [] },
        { kind: 'instrument', fase: 'voorbereiding-beleid', doelgroep: null, planned: 'atelier', status: 'realised', due: true, gap: false, activityIds: [atelierId] },
      ],
      unplanned: [{ activityId: panelId, instrumentId: 'drents-panel', fase: 'voorbereiding-beleid', niveau: 'consulteren', doelgroepen: ['jongeren'] }],
      planned: 3,
      realised: 1,
      gaps: 1,
    });
    const none = await griffie().get(`/api/v1/compliance/participation?dossierId=${ids.A}`).expect(200);
    expect(none.body.items[0].comparison).toMatchObject({ planSourceId: null, planned: 0, gaps: 0 });
    const csv = await griffie().get(`/api/v1/compliance/participation?dossierId=${ids.B}&format=csv`).expect(200);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(1 + 3 + 1);
  });

  it('summarises a period for PS: counts per phase and status, and every exception of the period', async () => {
    const res = await griffie().get('/api/v1/compliance/summary?from=2026-03-01&to=2026-04-30').expect(200);
    const s = res.body;
    expect(s.totals.total).toBe(5);
    const phase = (p: string) => s.counts.find((c: { phase: string }) => c.phase === p);
    const blocked = (await list('?phase=voorbereiding-beleid&hasOpenHard=true')).body.items.map((i: { dossierId: string }) => i.dossierId);
    expect(blocked.sort()).toEqual([ids.A, ids.C].sort()); // A: G2-01; C: G2-03, G2-09
    expect(phase('voorbereiding-beleid')).toMatchObject({ total: 2, blocked: 2, needsExplanation: 0, ready: 0, strategisch: 1 });
    expect(phase('voorfase-agendasetting')).toMatchObject({ total: 2 });
    expect(phase('ontwikkeling-voorstel')).toMatchObject({ total: 1, withOverdueTimers: 1 });
    expect(s.exceptions.waiversUsed.items.map((w: { waiverId: string }) => w.waiverId)).toEqual([waiverId]);
    expect(s.exceptions.reclassifications.items.map((r: { dossierId: string }) => r.dossierId)).toEqual([ids.D]);
    expect(s.exceptions.overdueTimers.items).toEqual([expect.objectContaining({ dossierId: ids.B, timerId: 'TM-01', computedEnd: '2026-04-13' })]);
    expect(s.exceptions.advisoriesExplained.count).toBe(explained.length);
    const got = s.exceptions.advisoriesExplained.items.map((e: { dossierId: string; requirementId: string; explanation: string }) => `${e.dossierId}|${e.requirementId}|${e.explanation}`);
    expect(got.sort()).toEqual(explained.map((e) => `${e.dossierId}|${e.requirementId}|${e.text}`).sort());
    // Another period: none of these exceptions happened in it (the overdue timer's end lies outside it too).
    const before = (await griffie().get('/api/v1/compliance/summary?from=2025-01-01&to=2025-12-31').expect(200)).body;
    for (const k of ['waiversUsed', 'advisoriesExplained', 'overdueTimers', 'reclassifications']) expect(before.exceptions[k].count).toBe(0);
  });

  it('exports the same rows as CSV for Dutch Excel: BOM, semicolons, CRLF, ISO dates, quoting, no formulas', async () => {
    const json = await list('?limit=200&withTotal=true');
    const res = await griffie().get('/api/v1/compliance').set('Accept', 'text/csv').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="kaderwijzer-compliance-2026-04-20\.csv"/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF
    const lines = text.split('\r\n').slice(0, -1);
    const header = lines[0].split(';');
    expect(header.slice(0, 5)).toEqual(['dossier-id', 'titel', 'fase', 'in fase sinds', 'dagen in fase']); // Dutch headers (issue #11)
    expect(lines).toHaveLength(1 + json.body.total);
    const rowOf = (id: string) => lines.find((l) => l.startsWith(id))!;
    const cells = (l: string) => l.split(';');
    const col = (name: string) => header.indexOf(name);
    const b = cells(rowOf(ids.B));
    expect(b[col('fase')]).toBe('ontwikkeling-voorstel');
    expect(b[col('in fase sinds')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b[col('termijnen verstreken (aantal)')]).toBe('1');
    expect(b[col('termijnen verstreken')]).toBe('TM-01 2026-04-13');
    expect(cells(rowOf(ids.A))[col('strategisch')]).toBe('ja');
    expect(cells(rowOf(ids.A))[col('harde eisen open')]).toContain('G2-01');
    expect(cells(rowOf(ids.C))[col('vrijstellingen gebruikt')]).toBe(waiverId);
    // The title with a formula, a semicolon and quotes: neutralised and quoted as one cell.
    expect(rowOf(ids.F)).toContain(`;"'=SUM(1+1) Dorpsvisie; ""Oost""";`);
    // format=csv does the same without an Accept header.
    const viaParam = await griffie().get('/api/v1/compliance?format=csv').buffer(true).parse((r, cb) => {
      let s = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (s += c));
      r.on('end', () => cb(null, s));
    }).expect(200);
    expect((viaParam.body as string).split('\r\n').length).toBe(lines.length + 1);

    const timersCsv = await griffie().get('/api/v1/compliance/timers?format=csv').expect(200);
    expect(timersCsv.text).toContain(`${ids.B};Provinciaal inpassingsplan N34;ontwikkeling-voorstel;TM-01;Zienswijzentermijn;2026-03-02;2026-04-13;overdue;-7;`);
    const exceptionsCsv = await griffie().get('/api/v1/compliance/summary?from=2026-03-01&to=2026-04-30&format=csv').expect(200);
    const exceptionLines = exceptionsCsv.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(exceptionLines).toHaveLength(1 + 1 + explained.length + 1 + 1);
    // Explanations written as "=Bewust afgewogen…" come out as text, not formulas.
    expect(exceptionLines.filter((l) => l.startsWith('advisory-explained')).every((l) => l.endsWith(";'=Bewust afgewogen (" + l.split(';')[4] + ')'))).toBe(true);
  });

  it('sorts on whitelisted columns and pages by offset or by cursor with the same result', async () => {
    const all = (await list('?sort=title&order=desc&limit=200')).body.items.map((i: { title: string }) => i.title);
    expect(all).toEqual([...all].sort().reverse());
    const pages = async (query: string) => {
      const byOffset: string[] = [];
      for (let offset = 0; offset < 5; offset += 2) byOffset.push(...(await list(`?${query}&limit=2&offset=${offset}`)).body.items.map((i: { dossierId: string }) => i.dossierId));
      const byCursor: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ dossierId: string }>; nextCursor: string | null; offset: number | null } } = await list(
          `?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        byCursor.push(...page.body.items.map((i) => i.dossierId));
        if (cursor) expect(page.body.offset).toBeNull();
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(byCursor).toEqual(byOffset);
      expect(new Set(byCursor).size).toBe(5);
      return byCursor;
    };
    await pages('sort=daysInPhase');
    await pages('sort=owner&order=desc');
    // Phase order walks the states one by one (voorfase: D, F; voorbereiding: A, C; ontwikkeling: B); within a phase by
    // creation, and all were created at the same instant of the fixed clock, so by id.
    const inPhaseOrder = [[ids.D, ids.F].sort(), [ids.A, ids.C].sort(), [ids.B]];
    expect(await pages('sort=phase')).toEqual(inPhaseOrder.flat());
    expect(await pages('sort=phase&order=desc')).toEqual(inPhaseOrder.map((g) => [...g].reverse()).reverse().flat());
    const days = (await list('?sort=daysInPhase&order=desc&limit=200')).body.items.map((i: { daysInPhase: number }) => i.daysInPhase);
    expect(days).toEqual([...days].sort((x: number, y: number) => y - x));
    const filtered = await list(`?phase=voorbereiding-beleid&hasOpenHard=true&strategisch=true&owner=${h.users.bm.id}`);
    expect(filtered.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual([ids.A]);
    expect((await list('?phase=voorbereiding-beleid&limit=1&offset=1&withTotal=true')).body).toMatchObject({ total: 2, items: [{ dossierId: inPhaseOrder[1][1] }] });
    expect((await list('?phase=voorbereiding-beleid&hasOpenHard=true&sort=title&limit=1&withTotal=true')).body.total).toBe(2);
  });

  it('refuses bad and unknown query parameters with 400 naming each field', async () => {
    const bad = await griffie().get('/api/v1/compliance?limit=500&sort=secret&phase=nope&foo=1&hasOverdue=yes').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.foo', 'query.hasOverdue', 'query.limit', 'query.phase', 'query.sort']);
    const twice = await griffie().get('/api/v1/compliance?phase=uitvoering&phase=uitvoering').expect(400);
    // Dutch by default, naming the parameter; English for Accept-Language: en (issue #11).
    expect(twice.body.errors).toEqual([{ field: 'query.phase', message: "Parameter 'phase' mag maar één keer worden opgegeven." }]);
    expect(twice.headers['content-language']).toBe('nl');
    const twiceEn = await griffie().get('/api/v1/compliance?phase=uitvoering&phase=uitvoering').set('Accept-Language', 'en-GB,en;q=0.9,nl;q=0.5').expect(400);
    expect(twiceEn.body.errors).toEqual([{ field: 'query.phase', message: 'must be given once' }]);
    expect(twiceEn.headers['content-language']).toBe('en');
    const mixed = await griffie().get('/api/v1/compliance?offset=2&cursor=abc').expect(400);
    expect(mixed.body.errors[0].field).toBe('query.cursor');
    const foreign = (await list('?sort=title&limit=1')).body.nextCursor;
    const wrongSort = await griffie().get(`/api/v1/compliance?sort=owner&cursor=${foreign}`).expect(400);
    expect(wrongSort.body.errors[0]).toMatchObject({ field: 'query.cursor', message: expect.stringMatching(/sort=title/) });
    const forge = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');
    for (const cursor of ['not-base64-json', forge({ s: 'hardOpen', o: 'asc', v: ["1'; DROP TABLE dossier; --"], id: 'x' }), forge({ s: 'phase', o: 'asc', v: [1, 2], id: 'x' }), forge({ s: 'hardOpen', o: 'asc', v: [1e300], id: 'x' })]) {
      const sort = cursor.startsWith('not') ? 'phase' : (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { s: string }).s;
      const forged = await griffie().get(`/api/v1/compliance?sort=${sort}&cursor=${cursor}`).expect(400);
      expect(forged.body.errors).toEqual([{ field: 'query.cursor', message: "Parameter 'cursor' is geen cursor van deze lijst." }]);
    }
    const noPeriod = await griffie().get('/api/v1/compliance/summary').expect(400);
    expect(noPeriod.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.from', 'query.to']);
    const reversed = await griffie().get('/api/v1/compliance/summary?from=2026-05-01&to=2026-04-01').expect(400);
    expect(reversed.body.errors[0].field).toBe('query.to');
    await griffie().get('/api/v1/compliance/timers?status=late').expect(400);
    await griffie().get('/api/v1/compliance/waivers?requirementId=DROP').expect(400);
    await h.as(h.users.beheerder).get('/api/v1/compliance').expect(403);
  });

  it('documents every compliance endpoint with its JSON and CSV responses', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['', '/waivers', '/timers', '/startnotitie', '/participation', '/summary']) {
      const op = doc.paths[`/api/v1/compliance${path}`].get;
      expect(Object.keys(op.responses['200'].content)).toEqual(['application/json', 'text/csv']);
      expect(op.responses['400']).toBeDefined();
    }
  });

  it('stores for every dossier exactly what a full re-evaluation from its records gives', async () => {
    const projector = h.app.get(ComplianceProjector);
    const dossiers = await h.db.read((tx) => tx.all<{ id: string }>('SELECT id FROM dossier ORDER BY id'));
    expect(dossiers).toHaveLength(5);
    const diffs = await h.db.read(async (tx) => (await Promise.all(dossiers.map((d) => projector.verify(tx, d.id)))).flat());
    expect(diffs).toEqual([]);
    // And the check can fail: tamper with one stored row.
    await h.exec(`UPDATE dossier_compliance SET hard_open_ids = '[]', hard_open_count = 0 WHERE dossier_id = '${ids.A}'`);
    const tampered = await h.db.read((tx) => projector.verify(tx, ids.A));
    expect(tampered.join('\n')).toMatch(/hardOpenIds/);
    await h.db.transaction((tx) => projector.project(tx, ids.A, h.clock.now()));
    expect(await h.db.read((tx) => projector.verify(tx, ids.A))).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '../../src/audit/audit.service';
import { SYSTEM_ACTOR } from '../../src/common/actor';
import { Harness, onPostgres, START, startHarness, TestUser } from '../support/harness';

/**
 * Issue #5, the auditor's view over HTTP: one dossier lives through refusals, a reclassification, a waiver approved
 * within minutes, a transition with a token explanation, back-dated and corrected evidence, a reassignment and a timer
 * event. At every step the test records what `GET /dossiers/{id}` showed; afterwards `state?at=` must rebuild exactly
 * that from the audit trail, the history must show every step, and the flags must name the right events.
 */
describe(`auditor views over HTTP (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  let id: string;

  type View = Record<string, unknown> & { version: number; phase: string; next: { requirements: { id: string; status: string }[] } | null };
  interface Snapshot {
    label: string;
    at: string;
    assignee: TestUser;
    asAssignee: View;
    asAuditor: View;
    inForce: string[];
  }
  const snapshots: Snapshot[] = [];
  const seqOf: Record<string, number> = {};
  let waiverId: string;
  /** The advisory requirement first explained with the token "ok" (refused since issue #11), then properly. */
  let shortRequirement: string;
  /** A dossier whose trail predates issue #11 (appended directly): a real reclassification and a token explanation. */
  let legacyId: string;
  const legacySeq: Record<string, number> = {};

  const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();
  const auditor = () => h.as(h.users.auditor);

  async function snapshot(label: string, assignee: TestUser) {
    const now = h.clock.now().toISOString();
    const asAssignee = (await h.as(assignee).get(`${base}/${id}`).expect(200)).body as View;
    const asAuditor = (await auditor().get(`${base}/${id}`).expect(200)).body as View;
    const evidence = (await auditor().get(`${base}/${id}/evidence?includeSuperseded=false`).expect(200)).body as { id: string }[];
    snapshots.push({ label, at: now, assignee, asAssignee, asAuditor, inForce: evidence.map((e) => e.id) });
  }

  async function lastSeq(): Promise<number> {
    const r = await h.db.read((tx) => tx.get<{ s: number | string }>('SELECT MAX(seq) AS s FROM audit_event WHERE dossier_id = ?', [id]));
    return Number(r!.s);
  }

  async function record(kind: string, occurredOn: string, data: object, supersedes?: string) {
    const res = await h.as(h.users.bm).post(`${base}/${id}/evidence`, { kind, occurredOn, data, ...(supersedes ? { supersedes } : {}) });
    if (res.status !== 201) throw new Error(`evidence ${kind} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  }

  beforeAll(async () => {
    h = await startHarness();
    const bm = h.as(h.users.bm);
    // 09:00 created: strategic, decided by PS, but no motivation yet (G1-03 unmet, waivable).
    const created = await bm.post(base, { title: 'Windpark “De Drentse Monden”', strategisch: true, besluitvormer: 'PS' }).expect(201);
    id = created.body.id;
    seqOf.created = await lastSeq();
    await snapshot('created', h.users.bm);

    h.clock.set(at(10));
    await bm.post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    seqOf.refused = await lastSeq();
    await snapshot('refused', h.users.bm);

    h.clock.set(at(20));
    await record('classificatie', '2026-03-02', { besluittype: 'verordening', instrumentType: 'none', herkomst: 'gs-initiatief', reden: 'Intake afgerond' });
    seqOf.reclassified = await lastSeq();
    await snapshot('reclassified', h.users.bm);

    h.clock.set(at(30));
    const w = await bm.post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na het overleg met gemeenten.' }).expect(201);
    waiverId = w.body.id;
    seqOf.waiverRequested = await lastSeq();
    await snapshot('waiver requested', h.users.bm);

    h.clock.set(at(35));
    await h.as(h.users.tl).post(`${base}/${id}/waivers/${waiverId}/decision`, { decision: 'approve', note: 'Akkoord.' }).expect(200);
    seqOf.waiverApproved = await lastSeq();
    await snapshot('waiver approved', h.users.bm);

    h.clock.set(at(60));
    const v = (await bm.get(`${base}/${id}`).expect(200)).body as { version: number; next: { explanationsRequired: string[] } };
    expect(v.next.explanationsRequired.length).toBeGreaterThan(1);
    const [short, ...rest] = v.next.explanationsRequired;
    const proper = Object.fromEntries(v.next.explanationsRequired.map((r) => [r, `Toelichting bij ${r}: bewust afgewogen met de gemeenten.`]));
    // Issue #11: a token explanation is refused at the moment it matters (400 naming the requirement), and writes nothing.
    const before = await lastSeq();
    const token = await bm
      .post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: { ...proper, [short]: 'ok' } })
      .expect(400);
    expect(token.body.errors).toEqual([{ field: `explanations.${short}`, message: expect.stringMatching(new RegExp(`^Toelichting bij ${short} is te kort \\(2 tekens\\)`)) }]);
    expect(await lastSeq()).toBe(before);
    expect(rest.length).toBeGreaterThan(0);
    await bm.post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: proper }).expect(201);
    seqOf.advanced = await lastSeq();
    shortRequirement = short;
    await snapshot('advanced with a waiver', h.users.bm);

    h.clock.set(at(24 * 60));
    const answer = await record('checkvraag', '2026-01-05', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Coöperaties kunnen zoekgebieden voordragen.' });
    seqOf.backdated = await lastSeq();
    await snapshot('back-dated evidence', h.users.bm);

    h.clock.set(at(25 * 60));
    await record('checkvraag', '2026-03-02', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Gecorrigeerd: ook dorpsbelangen.' }, answer.id);
    seqOf.superseded = await lastSeq();
    await snapshot('evidence corrected', h.users.bm);

    h.clock.set(at(48 * 60));
    const cur = (await bm.get(`${base}/${id}`).expect(200)).body as { version: number };
    await h.as(h.users.tl).post(`${base}/${id}/assignment`, { assigneeId: h.users.bm2.id, expectedVersion: cur.version }).expect(200);
    seqOf.assigned = await lastSeq();
    await snapshot('reassigned', h.users.bm2);

    // The timer job (another module) appends timer.* events to the dossier's stream; simulate one here.
    h.clock.set(at(49 * 60));
    await h.db.transaction((tx) =>
      h.app.get(AuditService).append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'timer.expired',
        occurredAt: at(49 * 60),
        dossierId: id,
        workflow: { id: 'drenthe-verbindend-besturen', version: '2021' },
        payload: { timerId: 'TM-01', computedEnd: '2026-03-03', expiredOn: '2026-03-04' },
      }),
    );
    seqOf.timer = await lastSeq();
    await snapshot('timer expired', h.users.bm2);
    h.clock.set(at(50 * 60));

    // A trail written before issue #11, appended directly: strategisch changed (a real reclassification) an hour before
    // an ADVANCE that passed an advisory requirement with the token explanation "ok". The flags must still find both.
    legacyId = randomUUID();
    const audit = h.app.get(AuditService);
    const wf = { id: 'drenthe-verbindend-besturen', version: '2021' };
    const actor = { id: h.users.bm.id, name: 'Bea', roles: ['beleidsmedewerker' as const] };
    const legacySummary = {
      id: legacyId, title: 'Oud dossier', phase: 'voorfase-agendasetting', version: 1, workflow: wf, assigneeId: actor.id, createdBy: actor.id,
      createdAt: at(40), updatedAt: at(40), enteredPhaseOn: '2026-03-02', previousDossierId: null, followUpDossierId: null,
    };
    await h.db.transaction(async (tx) => {
      const created = await audit.append(tx, { actor, action: 'dossier.created', occurredAt: at(40), dossierId: legacyId, workflow: wf, payload: { after: legacySummary, classification: { evidenceId: randomUUID(), strategisch: true, besluitvormer: 'PS', reden: 'Aangemaakt' } } });
      const reclassified = await audit.append(tx, {
        actor, action: 'classification.changed', occurredAt: at(41), dossierId: legacyId, workflow: wf,
        payload: { before: { strategisch: true, besluitvormer: 'PS' }, after: { strategisch: false, besluitvormer: 'PS' }, reden: 'Toch niet strategisch', evidence: { id: randomUUID(), kind: 'classificatie', occurredOn: '2026-03-02', recordedAt: at(41), recordedBy: actor.id } },
      });
      const done = await audit.append(tx, {
        actor, action: 'transition.done', occurredAt: at(101), dossierId: legacyId, workflow: wf,
        payload: { event: 'ADVANCE', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid', newVersion: 2, explanations: { 'G1-05': 'ok' }, waiversUsed: {}, evaluation: [{ id: 'G1-05', severity: 'advisory', status: 'unsatisfied' }] },
      });
      legacySeq.created = Number(created.seq);
      legacySeq.reclassified = Number(reclassified.seq);
      legacySeq.advanced = Number(done.seq);
    });
  }, 60_000); // many requests on a shared machine
  afterAll(async () => {
    await h?.close();
  });

  // ------------------------------------------------------------------------------------------------------------
  describe('GET /dossiers/{id}/state?at=', () => {
    /** The view without what only state?at= adds, and without `caller` (who asks is not part of the evaluation). */
    const strip = (s: Record<string, unknown>) => {
      const { evidence: _e, evidenceInForce: _f, waivers: _w, asOf: _a, caller: _c, ...view } = s;
      return view;
    };

    it('rebuilds, from the audit trail alone, exactly what GET /dossiers/{id} showed the assignee at each moment', async () => {
      expect(snapshots).toHaveLength(10);
      for (const s of snapshots) {
        const res = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent(s.at)}&viewer=assignee`).expect(200);
        const what = `${s.label} (${s.at})`;
        // The headline fields the issue names, then the whole view.
        expect({ what, phase: res.body.phase, version: res.body.version, classification: res.body.classification }).toEqual({
          what, phase: s.asAssignee.phase, version: s.asAssignee.version, classification: s.asAssignee.classification,
        });
        expect({ what, inForce: [...res.body.evidenceInForce].sort() }).toEqual({ what, inForce: [...s.inForce].sort() });
        const statuses = (v: View) => v.next?.requirements.map((r) => `${r.id}:${r.status}`) ?? null;
        expect({ what, next: statuses(res.body as View) }).toEqual({ what, next: statuses(s.asAssignee) });
        expect({ what, view: strip(res.body) }).toEqual({ what, view: strip(s.asAssignee) });
        expect(res.body.asOf).toMatchObject({ at: s.at, complete: true, chain: { ok: true }, viewer: { kind: 'assignee', id: s.assignee.id } });
      }
    });

    // Issue #11: the evaluation is the dossier's. It used to be evaluated for the caller, so X-01 ("griffie en auditors
    // hebben alleen leesrechten") blocked in the auditor's `next` and state?at= differed from what the officer saw.
    it('gives every viewer the same evaluation, the one the owner saw, with or without viewer=', async () => {
      for (const s of snapshots) {
        expect({ what: s.label, view: strip(s.asAuditor) }).toEqual({ what: s.label, view: strip(s.asAssignee) });
        const res = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent(s.at)}`).expect(200);
        expect({ what: s.label, view: strip(res.body) }).toEqual({ what: s.label, view: strip(s.asAssignee) });
        // What the caller may do is separate: the auditor may read the trail and fire nothing.
        expect(res.body.caller).toMatchObject({ id: h.users.auditor.id, isOwner: false, mayFire: false, mayRecordEvidence: false, mayReadAudit: true });
        expect((s.asAssignee.caller as { mayFire: boolean }).mayFire).toBe(true);
      }
      const x01 = snapshots[0].asAuditor.next!.requirements.find((r) => r.id === 'X-01') as unknown as { status: string; explanation: { nl: string } };
      expect(x01.status).toBe('satisfied');
      expect(x01.explanation.nl).not.toMatch(/alleen leesrechten/);
    });

    it('shows the state between two events, and the version and phase that really applied then', async () => {
      const between = at(45); // after the waiver approval, before the ADVANCE at 60
      const res = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent(between)}&viewer=assignee`).expect(200);
      expect(res.body).toMatchObject({ phase: 'voorfase-agendasetting', version: 1 });
      expect(res.body.next.waived).toEqual(['G1-03']);
      expect(res.body.waivers).toEqual([expect.objectContaining({ id: waiverId, status: 'approved', requestedBy: h.users.bm.id, decidedBy: h.users.tl.id })]);
      expect(res.body.asOf.lastEvent.seq).toBe(seqOf.waiverApproved);
      const after = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent(at(61))}&viewer=assignee`).expect(200);
      expect(after.body).toMatchObject({ phase: 'voorbereiding-beleid', version: 2 });
      expect(after.body.waivers[0]).toMatchObject({ status: 'used' });
    });

    it('counts events that change no state (timer.*) instead of ignoring them silently', async () => {
      const res = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent(at(50 * 60))}`).expect(200);
      expect(res.body.asOf.notApplied).toEqual({ 'timer.expired': 1 });
      expect(res.body.asOf.eventsApplied).toBe(res.body.asOf.lastEvent.streamSeq);
    });

    it('shows a follow-up dossier with the lessons NEW_CYCLE copied into it, and says these copies are not in the trail', async () => {
      // The two streams as NEW_CYCLE writes them (TransitionsService), appended directly to keep the test short.
      const audit = h.app.get(AuditService);
      const [prev, next] = [randomUUID(), randomUUID()];
      const wf = { id: 'drenthe-verbindend-besturen', version: '2021' };
      const actor = { id: h.users.bm.id, name: 'Bea', roles: ['beleidsmedewerker' as const] };
      const summary = (id: string, previousDossierId: string | null) => ({
        id, title: 'RES', phase: 'voorfase-agendasetting', version: 1, workflow: wf, assigneeId: actor.id, createdBy: actor.id,
        createdAt: at(70), updatedAt: at(70), enteredPhaseOn: '2026-03-02', previousDossierId, followUpDossierId: null,
      });
      const lesson = { id: randomUUID(), dossierId: prev, kind: 'leerpunten', occurredOn: '2026-03-01', recordedAt: at(65), recordedBy: actor.id, supersedes: null, data: { leerpunten: 'Eerder met netbeheerders om tafel.' } };
      await h.db.transaction(async (tx) => {
        await audit.append(tx, { actor, action: 'dossier.created', occurredAt: at(64), dossierId: prev, workflow: wf, payload: { after: summary(prev, null), classification: { evidenceId: randomUUID(), strategisch: false, besluitvormer: 'GS', reden: 'x' } } });
        await audit.append(tx, { actor, action: 'evidence.recorded', occurredAt: at(65), dossierId: prev, workflow: wf, payload: { evidence: lesson, phase: 'controle-evaluatie' } });
        await audit.append(tx, { actor, action: 'dossier.created', occurredAt: at(70), dossierId: next, workflow: wf, payload: { after: summary(next, prev), classification: { evidenceId: randomUUID(), strategisch: false, besluitvormer: 'GS', reden: 'Vervolg' } } });
        await audit.append(tx, { actor, action: 'transition.done', occurredAt: at(70), dossierId: prev, workflow: wf, payload: { event: 'NEW_CYCLE', from: 'controle-evaluatie', to: 'afgesloten', newVersion: 2, followUpDossierId: next, lessonsCarried: [lesson.id] } });
      });
      const res = await auditor().get(`${base}/${next}/state?at=${encodeURIComponent(at(71))}`).expect(200);
      expect(res.body.previousDossierId).toBe(prev);
      expect(res.body.evidence.map((e: { id: string }) => e.id)).toContain(`overgenomen:${lesson.id}`);
      expect(res.body.evidence.find((e: { kind: string }) => e.kind === 'leerpunten').data).toEqual({ ...lesson.data, overgenomenUit: lesson.id });
      expect(res.body.asOf).toMatchObject({ complete: false, gaps: [expect.objectContaining({ kind: 'carried-lessons-not-audited' })] });
    });

    it('is 404 before the dossier existed and for an unknown dossier, 400 for a bad, missing or future `at`', async () => {
      const before = await auditor().get(`${base}/${id}/state?at=2026-03-01T00:00:00Z`).expect(404);
      expect(before.body.type).toMatch(/\/not-found$/);
      expect(before.headers['content-type']).toMatch(/application\/problem\+json/);
      await auditor().get(`${base}/3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18/state?at=2026-03-03T00:00:00Z`).expect(404);
      const cases: [string, string][] = [
        ['', 'query.at'],
        ['?at=gisteren', 'query.at'],
        ['?at=2026-03-02', 'query.at'],
        ['?at=2026-02-30T10:00:00Z', 'query.at'],
        ['?at=2026-03-02T10:00:00', 'query.at'],
        ['?at=2099-01-01T00:00:00Z', 'query.at'],
        ['?at=2026-03-03T00:00:00Z&viewer=iedereen', 'query.viewer'],
        ['?at=2026-03-03T00:00:00Z&as=me', 'query.as'],
        ['?at=2026-03-03T00:00:00Z&at=2026-03-04T00:00:00Z', 'query.at'],
      ];
      for (const [qs, field] of cases) {
        const r = await auditor().get(`${base}/${id}/state${qs}`).expect(400);
        expect({ qs, fields: r.body.errors.map((e: { field: string }) => e.field) }).toEqual({ qs, fields: expect.arrayContaining([field]) });
      }
      const offset = await auditor().get(`${base}/${id}/state?at=${encodeURIComponent('2026-03-02T11:00:00+01:00')}`).expect(200);
      expect(offset.body.asOf.at).toBe('2026-03-02T10:00:00.000Z');
    });
  });

  // ------------------------------------------------------------------------------------------------------------
  describe('GET /dossiers/{id}/history', () => {
    type Entry = { seq: number; action: string; kind: string; at: string; actor: { id: string; name: string | null }; summary: { nl: string; en: string }; payload: Record<string, unknown>; references?: { evidence: { id: string; recordedInSeq: number | null }[]; waivers: { waiverId: string; requestedBy: string; approvedBy: string; requestedByName?: string | null; approvedByName?: string | null }[] } };
    const all = async (qs = '') => (await auditor().get(`${base}/${id}/history${qs}`).expect(200)).body as { items: Entry[]; nextAfterSeq: number | null };

    it('lists every audit event of the dossier in order, each with actor, time, summary and the payload', async () => {
      const page = await all();
      const stored = await h.db.read((tx) => tx.all<{ seq: number | string; action: string }>('SELECT seq, action FROM audit_event WHERE dossier_id = ? ORDER BY seq', [id]));
      expect(page.items.map((e) => [e.seq, e.action])).toEqual(stored.map((r) => [Number(r.seq), r.action]));
      expect(page.items.map((e) => e.action)).toEqual([
        'dossier.created', 'transition.refused', 'classification.changed', 'waiver.requested', 'waiver.approved', 'transition.done',
        'evidence.recorded', 'evidence.superseded', 'dossier.assigned', 'timer.expired',
      ]);
      expect(page.nextAfterSeq).toBeNull();
      for (const e of page.items) {
        expect(e.summary.nl.length).toBeGreaterThan(10);
        expect(e.summary.en.length).toBeGreaterThan(10);
      }
      const refused = page.items.find((e) => e.action === 'transition.refused')!;
      expect(refused.actor.id).toBe(h.users.bm.id);
      expect(refused.summary.nl).toMatch(/geweigerd.*G1-03/);
      expect((refused.payload.evaluation as { id: string }[]).map((x) => x.id)).toContain('G1-03');
      const reclass = page.items.find((e) => e.action === 'classification.changed')!;
      expect(reclass.summary.en).toMatch(/besluittype — → verordening.*reason: “Intake afgerond”/);
      expect(page.items.find((e) => e.action === 'timer.expired')!.summary.en).toBe('Timer: timer.expired (timerId TM-01, computedEnd 2026-03-03, expiredOn 2026-03-04).');
    });

    it('shows for a transition the explanations given, the waiver with requester and approver, and the evidence it rested on', async () => {
      const done = (await all('?kind=transition.done')).items;
      expect(done).toHaveLength(1);
      const t = done[0];
      expect(t.seq).toBe(seqOf.advanced);
      expect(Object.keys(t.payload.explanations as object).length).toBeGreaterThan(1);
      // The refused token explanation left no trace; the one stored is the explanation that passed.
      expect((t.payload.explanations as Record<string, string>)[shortRequirement]).toBe(`Toelichting bij ${shortRequirement}: bewust afgewogen met de gemeenten.`);
      expect(t.references!.waivers).toEqual([
        expect.objectContaining({ requirementId: 'G1-03', waiverId, requestedBy: h.users.bm.id, approvedBy: h.users.tl.id, reasonCode: 'spoed' }),
      ]);
      // People by name (issue #11): the waiver's requester and approver, and who fired the transition.
      expect(t.references!.waivers[0]).toMatchObject({ requestedByName: h.users.bm.name, approvedByName: h.users.tl.name });
      expect(t.actor.name).toBe(h.users.bm.name);
      // Every id an evaluation cites is resolved: evidence records (with the event that recorded them) or, for X-04, the waiver.
      const cited = new Set((t.payload.evaluation as { evidence: string[] }[]).flatMap((x) => x.evidence));
      expect(cited.has(waiverId)).toBe(true);
      cited.delete(waiverId);
      expect(cited.size).toBeGreaterThan(1);
      expect(t.references!.evidence.map((e) => e.id).sort()).toEqual([...cited].sort());
      const recorded = new Set([seqOf.created, seqOf.reclassified]);
      for (const e of t.references!.evidence) expect({ id: e.id, recorded: recorded.has(e.recordedInSeq!) }).toEqual({ id: e.id, recorded: true });
    });

    it('filters by kind, by exact action and by period (both ends inclusive)', async () => {
      expect((await all('?kind=transition,waiver')).items.map((e) => e.action)).toEqual([
        'transition.refused', 'waiver.requested', 'waiver.approved', 'transition.done',
      ]);
      expect((await all('?kind=evidence')).items.map((e) => e.seq)).toEqual([seqOf.backdated, seqOf.superseded]);
      expect((await all('?kind=timer')).items.map((e) => e.seq)).toEqual([seqOf.timer]);
      const period = await all(`?from=${encodeURIComponent(at(20))}&to=${encodeURIComponent(at(35))}`);
      expect(period.items.map((e) => e.seq)).toEqual([seqOf.reclassified, seqOf.waiverRequested, seqOf.waiverApproved]);
      const both = await all(`?kind=waiver&from=${encodeURIComponent(at(31))}`);
      expect(both.items.map((e) => e.seq)).toEqual([seqOf.waiverApproved]);
    });

    it('pages with afterSeq and limit through exactly the same events', async () => {
      const everything = (await all()).items.map((e) => e.seq);
      const seen: number[] = [];
      let after: number | null = 0;
      let pages = 0;
      while (after !== null) {
        const p = await all(`?limit=3&afterSeq=${after}`);
        expect(p.items.length).toBeLessThanOrEqual(3);
        seen.push(...p.items.map((e) => e.seq));
        after = p.nextAfterSeq;
        pages++;
      }
      expect(seen).toEqual(everything);
      expect(pages).toBe(Math.ceil(everything.length / 3));
    });

    it('refuses bad and unknown parameters with a 400 naming the field, and unknown dossiers with 404', async () => {
      const cases: [string, string][] = [
        ['?kind=foo', 'query.kind'],
        ['?kind=transition,', 'query.kind'],
        ['?from=yesterday', 'query.from'],
        [`?from=${encodeURIComponent(at(40))}&to=${encodeURIComponent(at(30))}`, 'query.to'],
        ['?limit=0', 'query.limit'],
        ['?limit=1001', 'query.limit'],
        ['?afterSeq=-1', 'query.afterSeq'],
        ['?order=desc', 'query.order'],
        ['?limit=5&limit=6', 'query.limit'],
      ];
      for (const [qs, field] of cases) {
        const r = await auditor().get(`${base}/${id}/history${qs}`).expect(400);
        expect(r.body.type).toMatch(/\/validation-failed$/);
        expect({ qs, fields: r.body.errors.map((e: { field: string }) => e.field) }).toEqual({ qs, fields: [field] });
      }
      await auditor().get(`${base}/not-a-uuid/history`).expect(400);
      await auditor().get(`${base}/3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18/history`).expect(404);
    });

    it('is for the griffie and auditors (audit.read); others get 403', async () => {
      await h.as(h.users.griffie).get(`${base}/${id}/history`).expect(200);
      for (const u of [h.users.bm, h.users.tl, h.users.beheerder]) {
        await h.as(u).get(`${base}/${id}/history`).expect(403);
        await h.as(u).get(`${base}/${id}/state?at=${encodeURIComponent(at(61))}`).expect(403);
        await h.as(u).get(`${base}/${id}/flags`).expect(403);
        await h.as(u).get('/api/v1/audit/flags').expect(403);
      }
      await h.http().get(`${base}/${id}/history`).expect(401);
    });
  });

  // ------------------------------------------------------------------------------------------------------------
  describe('flags', () => {
    type Flag = { kind: string; dossierId: string; seqs: number[]; description: { nl: string; en: string }; details: Record<string, unknown> };

    it('names each pattern with the events involved and a Dutch and English description', async () => {
      const r = await auditor().get(`${base}/${id}/flags`).expect(200);
      const flags = r.body.items as Flag[];
      const byKind = (k: string) => flags.filter((f) => f.kind === k);
      expect(byKind('quick-waiver-approval')).toEqual([
        expect.objectContaining({ dossierId: id, seqs: [seqOf.waiverRequested, seqOf.waiverApproved], details: expect.objectContaining({ minutes: 5, requestedBy: h.users.bm.id, approvedBy: h.users.tl.id }) }),
      ]);
      // Issue #11: the intake classification G1 asks for (besluittype, instrumentType, herkomst filled in for the first
      // time, 40 minutes before the ADVANCE) is no reclassification; it used to be flagged. A token explanation is refused
      // now, so it cannot be in a new trail either.
      expect(byKind('reclassification-before-transition')).toEqual([]);
      expect(byKind('short-advisory-explanation')).toEqual([]);
      expect(byKind('backdated-evidence')).toEqual([
        expect.objectContaining({ seqs: [seqOf.backdated], details: expect.objectContaining({ occurredOn: '2026-01-05', days: 57, thresholdDays: 30 }) }),
      ]);
      expect(flags).toHaveLength(2);
      // People by name in the flag's words.
      expect(byKind('quick-waiver-approval')[0].description.nl).toContain(`aangevraagd door ${h.users.bm.name}, goedgekeurd door ${h.users.tl.name}`);
      // A trail from before: a real reclassification (strategisch ja → nee) and the token explanation are still flagged.
      const legacy = (await auditor().get(`${base}/${legacyId}/flags`).expect(200)).body.items as Flag[];
      expect(legacy).toEqual([
        expect.objectContaining({ kind: 'reclassification-before-transition', seqs: [legacySeq.reclassified, legacySeq.advanced], details: expect.objectContaining({ hours: 1, changedFields: ['strategisch'] }) }),
        expect.objectContaining({ kind: 'short-advisory-explanation', seqs: [legacySeq.advanced], details: expect.objectContaining({ requirementId: 'G1-05', explanation: 'ok', length: 2 }) }),
      ]);
      for (const f of flags) {
        expect(f.description.nl).not.toBe(f.description.en);
        expect(f.description.nl.length).toBeGreaterThan(30);
      }
      // The correction of the back-dated answer was recorded the day it happened: not flagged.
      expect(flags.some((f) => f.seqs.includes(seqOf.superseded))).toBe(false);
    });

    it('filters by kind, across dossiers or for one, and pages by the raising event', async () => {
      // A second dossier with a back-dated record.
      const other = await h.as(h.users.bm).post(base, { title: 'Tweede dossier', strategisch: false, besluitvormer: 'GS' }).expect(201);
      await h.as(h.users.bm).post(`${base}/${other.body.id}/evidence`, { kind: 'checkvraag', occurredOn: '2025-12-01', data: { vraag: 'beginspraak', antwoord: false, toelichting: 'Niet nodig.' } }).expect(201);
      const back = (await auditor().get('/api/v1/audit/flags?kind=backdated-evidence').expect(200)).body as { items: Flag[] };
      expect(back.items.map((f) => f.dossierId)).toEqual([id, other.body.id]);
      const one = (await auditor().get(`/api/v1/audit/flags?dossierId=${other.body.id}`).expect(200)).body as { items: Flag[] };
      expect(one.items.map((f) => f.kind)).toEqual(['backdated-evidence']);
      const perDossier = (await auditor().get(`${base}/${id}/flags?kind=short-advisory-explanation,quick-waiver-approval`).expect(200)).body as { items: Flag[] };
      expect(perDossier.items.map((f) => f.kind).sort()).toEqual(['quick-waiver-approval']);
      const perLegacy = (await auditor().get(`${base}/${legacyId}/flags?kind=short-advisory-explanation,quick-waiver-approval`).expect(200)).body as { items: Flag[] };
      expect(perLegacy.items.map((f) => f.kind)).toEqual(['short-advisory-explanation']);

      const seen: string[] = [];
      let after = 0;
      for (let i = 0; i < 10; i++) {
        const p = (await auditor().get(`/api/v1/audit/flags?limit=1&afterSeq=${after}`).expect(200)).body as { items: Flag[]; nextAfterSeq: number | null };
        seen.push(...p.items.map((f) => `${f.kind}@${f.seqs.join('+')}`));
        if (p.nextAfterSeq === null) break;
        after = p.nextAfterSeq;
      }
      const whole = (await auditor().get('/api/v1/audit/flags').expect(200)).body as { items: Flag[]; nextAfterSeq: number | null };
      expect(whole.nextAfterSeq).toBeNull();
      expect(seen).toEqual(whole.items.map((f) => `${f.kind}@${f.seqs.join('+')}`));
      expect(seen).toHaveLength(5);
    });

    it('refuses bad parameters (400 naming the field) and unknown dossiers (404)', async () => {
      for (const [url, field] of [
        ['/api/v1/audit/flags?kind=suspicious', 'query.kind'],
        ['/api/v1/audit/flags?dossierId=abc', 'query.dossierId'],
        ['/api/v1/audit/flags?limit=abc', 'query.limit'],
        ['/api/v1/audit/flags?sort=seq', 'query.sort'],
        [`${base}/${id}/flags?kind=`, 'query.kind'],
        [`${base}/${id}/flags?dossierId=${id}`, 'query.dossierId'],
      ]) {
        const r = await auditor().get(url).expect(400);
        expect({ url, fields: r.body.errors.map((e: { field: string }) => e.field) }).toEqual({ url, fields: [field] });
      }
      await auditor().get('/api/v1/audit/flags?dossierId=3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18').expect(404);
      await auditor().get(`${base}/3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18/flags`).expect(404);
    });
  });

  // ------------------------------------------------------------------------------------------------------------
  describe('GET /audit/verify and GET /audit/export', () => {
    it('verifies the store and one dossier; 404 for an unknown dossier, 400 for a bad id', async () => {
      const all = await auditor().get('/api/v1/audit/verify').expect(200);
      const total = await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event'));
      expect(all.body).toMatchObject({ ok: true, checked: Number(total!.n) });
      const one = await auditor().get(`/api/v1/audit/verify?dossierId=${id}`).expect(200);
      expect(one.body).toMatchObject({ ok: true, checked: 10, streams: 1, heads: [{ stream: id, streamSeq: 10 }] });
      await auditor().get('/api/v1/audit/verify?dossierId=3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18').expect(404);
      const bad = await auditor().get('/api/v1/audit/verify?dossierId=x&y=1').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.dossierId', 'query.y']);
    });

    it('streams a JSON Lines export that the independent script verifies, and a CSV with the same rows', async () => {
      const res = await auditor().get('/api/v1/audit/export').buffer(true).parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      }).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="kaderwijzer-audit-all\.jsonl"/);
      const lines = (res.body as string).trimEnd().split('\n');
      const total = await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event'));
      expect(lines).toHaveLength(Number(total!.n));
      const file = join(h.dir, 'http-export.jsonl');
      writeFileSync(file, res.body as string);
      const v = spawnSync(process.execPath, [join(__dirname, '../../scripts/verify-audit-export.mjs'), file], { encoding: 'utf8' });
      expect(v.stdout.trim()).toMatch(new RegExp(`^ok: ${lines.length} events in \\d+ streams$`));
      expect(v.status).toBe(0);

      const csv = await auditor().get(`/api/v1/audit/export?format=csv&dossierId=${id}`).buffer(true).parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      }).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = (csv.body as string).split('\r\n').filter(Boolean);
      // Issue #11: BOM, Dutch headers and ; as every CSV of the API (was: commas and English headers).
      expect(rows[0]).toBe('\uFEFFvolgnummer;stroom;volgnummer in stroom;gebeurtenis-id;tijdstip (UTC);gebruiker-id;rollen;actie;dossier-id;workflow;workflowversie;inhoud (JSON);vorige hash;hash');
      expect(rows).toHaveLength(11);
      expect(rows[1]).toMatch(new RegExp(`^${seqOf.created};${id};1;`));
      expect(rows[1]).toContain('"{""after"":{'); // the payload, quoted as RFC 4180 requires
    });

    it('lets only auditors export (audit.export), and validates the parameters', async () => {
      await h.as(h.users.griffie).get('/api/v1/audit/export').expect(403);
      await h.as(h.users.beheerder).get('/api/v1/audit/export').expect(403);
      const bad = await auditor().get('/api/v1/audit/export?format=xml&limit=3').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.format', 'query.limit']);
      await auditor().get('/api/v1/audit/export?dossierId=3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18').expect(404);
    });

    it('documents every new endpoint in the OpenAPI document with its responses', async () => {
      const doc = (await h.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>> };
      for (const path of ['/api/v1/dossiers/{id}/history', '/api/v1/dossiers/{id}/state', '/api/v1/dossiers/{id}/flags', '/api/v1/audit/flags', '/api/v1/audit/export', '/api/v1/audit/verify']) {
        const op = doc.paths[path]?.get;
        expect({ path, has: Boolean(op) }).toEqual({ path, has: true });
        // 413/415/500 are declared on every route (src/openapi/document.ts): a body can be sent with any method.
        const statuses = ['200', '400', '401', '403', '404', '413', '415', '429', '500', ...(path.endsWith('/state') ? ['409'] : [])].sort();
        expect({ path, statuses: Object.keys(op.responses).sort() }).toEqual({ path, statuses });
      }
      expect(doc.paths['/api/v1/dossiers/{id}/history'].get.parameters!.map((p) => p.name).sort()).toEqual(['afterSeq', 'from', 'id', 'kind', 'limit', 'to']);
      expect(doc.paths['/api/v1/dossiers/{id}/state'].get.parameters!.map((p) => p.name).sort()).toEqual(['at', 'id', 'viewer']);
    });
  });
});

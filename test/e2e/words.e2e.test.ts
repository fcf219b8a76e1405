import { ComplianceProjector } from '../../src/dossiers/compliance-projection/compliance.projector';
import { Harness, onPostgres, startHarness } from '../support/harness';

/**
 * Issue #11, the API-level part: one evaluation per dossier whoever reads it, every accepted event explained, a
 * waived requirement that says so, a 409 that does not send people for a waiver they do not need, comply-or-explain
 * refusing token and needless explanations, problem details in Dutch (English on request) that name fields as people
 * know them and never show internal codes, people by name, Dutch CSV headers.
 */
describe(`words a civil servant reads (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  const base = '/api/v1/dossiers';
  const bm = () => h.as(h.users.bm);

  type Req = { id: string; status: string; explanation: { nl: string; en: string }; toPass: string; waiver: null | { requestedBy: { name: string }; decidedBy: { name: string } | null } };
  type Ev = { event: string; to: string; allowed: boolean; blocking: string[]; explanationsRequired: string[]; reasonRequired: boolean; requirements: Req[] };
  type View = { id: string; version: number; phase: string; next: Ev | null; events: Ev[]; owner: { id: string; name: string } | null; caller: Record<string, unknown> };

  const view = async (id: string, user = h.users.bm) => (await h.as(user).get(`${base}/${id}`).expect(200)).body as View;
  const evaluation = (v: View) => ({ next: v.next, events: v.events, owner: v.owner, phase: v.phase, version: v.version });

  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  async function createStrategic(title = 'Regionale Energiestrategie 2.0'): Promise<string> {
    return (await bm().post(base, { title, strategisch: true, besluitvormer: 'PS' }).expect(201)).body.id as string;
  }

  it('gives the beleidsmedewerker, the griffie and the auditor the same evaluation of GET /dossiers/{id}', async () => {
    const id = await createStrategic();
    const [asOwner, asGriffie, asAuditor, asTeamleider] = await Promise.all([view(id), view(id, h.users.griffie), view(id, h.users.auditor), view(id, h.users.tl)]);
    expect(evaluation(asGriffie)).toEqual(evaluation(asOwner));
    expect(evaluation(asAuditor)).toEqual(evaluation(asOwner));
    expect(evaluation(asTeamleider)).toEqual(evaluation(asOwner));
    // X-01 is the dossier's owner question: it does not block for the griffie or the auditor (it used to say
    // "griffie en auditors hebben alleen leesrechten" in their `next`).
    for (const v of [asGriffie, asAuditor]) {
      expect(v.next!.blocking).not.toContain('X-01');
      const x01 = v.next!.requirements.find((r) => r.id === 'X-01')!;
      expect(x01.status).toBe('satisfied');
      expect(x01.explanation.nl).toBe(`${h.users.bm.name} is de toegewezen beleidsmedewerker van dit dossier.`);
    }
    // What the caller may do is a separate field.
    expect(asOwner.caller).toMatchObject({ isOwner: true, mayFire: true, mayRecordEvidence: true, mayRequestWaiver: true, mayDecideWaivers: false });
    expect(asGriffie.caller).toMatchObject({ isOwner: false, mayFire: false, mayRecordEvidence: false, mayRecordPsSideEvidence: true, mayReadAudit: true });
    expect(asAuditor.caller).toMatchObject({ isOwner: false, mayFire: false, mayRecordPsSideEvidence: false, mayReadAudit: true });
    expect(asTeamleider.caller).toMatchObject({ mayDecideWaivers: true, mayAssign: true, mayFire: false });
    // The owner by name.
    expect(asOwner.owner).toEqual({ id: h.users.bm.id, name: h.users.bm.name });
  });

  it('explains every event the phase accepts, not only ADVANCE', async () => {
    const id = await createStrategic('Omgevingsvisie');
    const v = await view(id);
    expect(v.events.map((e) => e.event)).toEqual(['ADVANCE', 'WITHDRAW']);
    expect(v.events[0]).toEqual(v.next);
    const withdraw = v.events.find((e) => e.event === 'WITHDRAW')!;
    expect(withdraw).toMatchObject({ to: 'ingetrokken', allowed: true, reasonRequired: true, blocking: [] });
    expect(withdraw.requirements.map((r) => r.id)).toEqual(['X-01']);
    // After reassignment to nobody it would block; here: the griffie sees the same events.
    expect((await view(id, h.users.griffie)).events).toEqual(v.events);
  });

  it('shows a requirement covered by an approved waiver as waived, naming who approved it, and the compliance matrix agrees', async () => {
    const id = await createStrategic('Waived');
    const before = await view(id);
    expect(before.next!.requirements.find((r) => r.id === 'G1-03')).toMatchObject({ status: 'unsatisfied', toPass: 'waiver-or-evidence' });
    const w = await bm().post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na het overleg.' }).expect(201);
    expect(w.body).toMatchObject({ requestedBy: h.users.bm.id, requestedByName: h.users.bm.name });
    // Requested, not approved: still unsatisfied.
    expect((await view(id)).next!.requirements.find((r) => r.id === 'G1-03')!.status).toBe('unsatisfied');
    h.clock.set('2026-03-02T10:00:00.000Z');
    const decided = await h.as(h.users.tl).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(200);
    expect(decided.body).toMatchObject({ decidedBy: h.users.tl.id, decidedByName: h.users.tl.name });
    for (const user of [h.users.bm, h.users.griffie]) {
      const g103 = (await view(id, user)).next!.requirements.find((r) => r.id === 'G1-03')!;
      expect(g103.status).toBe('waived');
      expect(g103.toPass).toBe('nothing');
      expect(g103.explanation.nl).toMatch(new RegExp(`^Vrijgesteld: ${h.users.tl.name} heeft op 2026-03-02 de vrijstelling goedgekeurd die ${h.users.bm.name} aanvroeg`));
      expect(g103.explanation.nl).not.toMatch(/^Ontbreekt/);
      expect(g103.waiver).toMatchObject({ requestedBy: { name: h.users.bm.name }, decidedBy: { name: h.users.tl.name } });
    }
    const list = (await h.as(h.users.griffie).get(`${base}/${id}/waivers`).expect(200)).body as Record<string, unknown>[];
    expect(list[0]).toMatchObject({ requestedByName: h.users.bm.name, decidedByName: h.users.tl.name });
    const row = (await h.as(h.users.griffie).get('/api/v1/compliance?limit=200').expect(200)).body.items.find((i: { dossierId: string }) => i.dossierId === id);
    expect(row.next.matrix.find((m: { id: string }) => m.id === 'G1-03').status).toBe('waived');
    expect(row.next.waived).toEqual(['G1-03']);
    // The projection stores ids and statuses only (names are read when shown): a full re-evaluation finds it exact.
    expect(row.next.matrix.find((m: { id: string }) => m.id === 'G1-03').waiver).toEqual({ id: w.body.id, status: 'approved' });
    const projector = h.app.get(ComplianceProjector);
    expect(await h.db.read((tx) => projector.verify(tx, id))).toEqual([]);
  });

  it('says in a 409 that the evidence still satisfies a waivable requirement, in Dutch by default and English on request', async () => {
    const id = await createStrategic('Weigering');
    const nl = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    expect(nl.headers['content-language']).toBe('nl');
    expect(nl.body.type).toBe('https://kaderwijzer.nl/problems/requirements-unmet');
    expect(nl.body.title).toBe('Niet aan alle eisen van de overgang is voldaan');
    const g103 = nl.body.unmetRequirements.find((u: { id: string }) => u.id === 'G1-03');
    expect(g103.blockReason).toBe('evidence-or-waiver');
    expect(g103.toPass.nl).toMatch(/^Leg vast wat G1-03 vraagt; dat is genoeg\. Kan dat niet, vraag dan een vrijstelling aan/);
    expect(nl.body.detail).toMatch(/^Het dossier kan niet naar de fase Voorbereiding beleid: \d+ eisen zijn niet vervuld/);
    expect(nl.body.detail).toMatch(/G1-03.*is vastleggen genoeg/);
    const g104 = nl.body.unmetRequirements.find((u: { id: string }) => u.id === 'G1-04');
    expect(g104.blockReason).toBe('evidence-required');
    const en = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).set('Accept-Language', 'en').expect(409);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.title).toBe('Requirements of the transition are not met');
    expect(en.body.detail).toMatch(/recording the evidence is enough/);
  });

  it('refuses an explanation that is too short or that no requirement needs, naming the requirement, and writes nothing', async () => {
    const id = (await bm().post(base, { title: 'Uitleg', strategisch: false, strategischMotivatie: 'Uitvoerend.', besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'gs-initiatief' }).expect(201)).body.id as string;
    const v = await view(id);
    expect(v.next!.explanationsRequired.length).toBeGreaterThan(0);
    const [first] = v.next!.explanationsRequired;
    const proper = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, `Toelichting bij ${r}: bewust afgewogen met de gemeenten.`]));
    const history = async () => (await bm().get(`${base}/${id}/transitions`).expect(200)).body.items.length as number;
    const attempts = await history();

    const short = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: { ...proper, [first]: 'ok' } }).expect(400);
    expect(short.body.errors).toEqual([{ field: `explanations.${first}`, message: expect.stringMatching(new RegExp(`^Toelichting bij ${first} is te kort \\(2 tekens\\): leg in minstens 20 tekens uit`)) }]);

    const met = v.next!.requirements.find((r) => r.status === 'satisfied' && r.id !== 'X-01')!;
    const needless = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: { ...proper, [met.id]: 'Een toelichting die niemand vroeg.' } }).expect(400);
    expect(needless.body.errors).toEqual([{ field: `explanations.${met.id}`, message: expect.stringContaining(`${met.id} is`) }]);
    const hard = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: { ...proper, 'G6-01': 'Niet van deze overgang, toch uitgelegd.' } }).expect(400);
    expect(hard.body.errors).toEqual([{ field: 'explanations.G6-01', message: 'Toelichting bij G6-01: G6-01 is geen eis van deze overgang. Laat deze toelichting weg.' }]);
    const en = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: { ...proper, [first]: 'ok' } }).set('Accept-Language', 'en').expect(400);
    expect(en.body.errors[0]).toEqual({ field: `explanations.${first}`, message: `must be at least 20 characters (it has 2): explain why ${first} is not met` });

    expect(await history()).toBe(attempts);
    expect((await view(id)).version).toBe(v.version);
    await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations: proper }).expect(201);
  });

  it('words problems in Dutch, names fields as people know them, and never shows internal codes', async () => {
    const id = await createStrategic('Fouten');
    // A field message names the field by its label.
    const bad = await bm()
      .post(`${base}/${id}/evidence`, { kind: 'document', occurredOn: '2026-03-02', data: { documentType: 'startnotitie', titel: 'Startnotitie', vastgesteldDoorGsOn: '2026-02-30' } })
      .expect(400);
    expect(bad.headers['content-language']).toBe('nl');
    expect(bad.body.title).toBe('De aanvraag is niet geldig');
    const field = bad.body.errors.find((e: { field: string }) => e.field === 'data.vastgesteldDoorGsOn');
    expect(field.message).toMatch(/^Vastgesteld door GS op /);
    const badEn = await bm()
      .post(`${base}/${id}/evidence`, { kind: 'document', occurredOn: '2026-03-02', data: { documentType: 'startnotitie', titel: 'Startnotitie', vastgesteldDoorGsOn: '2026-02-30' } })
      .set('Accept-Language', 'en')
      .expect(400);
    expect(badEn.headers['content-language']).toBe('en');
    expect(badEn.body.errors.map((e: { field: string }) => e.field)).toEqual(bad.body.errors.map((e: { field: string }) => e.field));

    // A role that may not: the permission's name never reaches a person.
    const w = await bm().post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt na het overleg.' }).expect(201);
    for (const lang of ['nl', 'en']) {
      const denied = await h.as(h.users.griffie).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).set('Accept-Language', lang).expect(403);
      expect(denied.body.detail).not.toMatch(/waiver\.decide|may not/);
      expect(denied.body.detail).toMatch(lang === 'nl' ? /een vrijstelling goedkeuren of afwijzen/ : /approve or reject a waiver/);
    }
    // A requirement that cannot be waived: why, in words, not its origin kind.
    for (const [req, why] of [['G1-02', /volgt uit de wet/], ['G1-04', /volledig/], ['G1-05', /adviserende eis/]] as const) {
      const refused = await bm().post(`${base}/${id}/waivers`, { requirementId: req, reasonCode: 'spoed', motivation: 'Dit gaat niet goed komen.' }).expect(422);
      expect(refused.body.detail).toMatch(why);
      expect(refused.body.detail).not.toMatch(/\((seed|law|data|practice)[^)]*\)/);
    }
    // Not found, a stale version, an unknown event: Dutch sentences.
    const missing = await bm().get(`${base}/00000000-0000-4000-8000-000000000000`).expect(404);
    expect(missing.body.detail).toBe('Dossier 00000000-0000-4000-8000-000000000000 bestaat niet.');
    const stale = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 9 }).expect(409);
    expect(stale.body.detail).toMatch(/^Het dossier is intussen gewijzigd: het staat op versie 1, niet op versie 9/);
    const unknown = await bm().post(`${base}/${id}/transitions`, { event: 'RETURN', expectedVersion: 1, reason: 'Terug.' }).expect(409);
    expect(unknown.body.detail).toMatch(/kent de stap RETURN niet; wel: ADVANCE, WITHDRAW/);
    // No token: Dutch too, with the header.
    const anon = await h.http().get(base).expect(401);
    expect(anon.headers['content-language']).toBe('nl');
    expect(anon.body.title).toBe('Aanmelden is nodig');
  });

  it('writes Dutch column headers on the compliance CSVs', async () => {
    const csv = await h.as(h.users.griffie).get('/api/v1/compliance/waivers?format=csv').expect(200);
    const header = csv.text.replace(/^\uFEFF/, '').split('\r\n')[0].split(';');
    expect(header.slice(0, 6)).toEqual(['vrijstelling-id', 'dossier-id', 'titel', 'fase', 'eis', 'omschrijving eis']);
    expect(header).toContain('aangevraagd door');
    const rows = csv.text.split('\r\n').filter(Boolean).slice(1);
    expect(rows.some((r) => r.includes(`;${h.users.bm.name};`))).toBe(true);
  });
});

import { Harness, startHarness } from '../support/harness';

/**
 * The walk of issue #2, over HTTP as a policy officer would do it: create, ask what blocks ADVANCE, be refused,
 * record evidence, explain advisories, and take a strategic dossier through all six phases to afgesloten,
 * with RETURN, WITHDRAW and NEW_CYCLE where the kader allows them.
 */
describe('dossier lifecycle over HTTP (SQLite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const bm = () => h.as(h.users.bm);
  const base = '/api/v1/dossiers';

  async function record(id: string, kind: string, occurredOn: string, data: object, supersedes?: string) {
    const res = await bm().post(`${base}/${id}/evidence`, { kind, occurredOn, data, ...(supersedes ? { supersedes } : {}) });
    if (res.status !== 201) throw new Error(`evidence ${kind} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  }

  async function view(id: string) {
    const res = await bm().get(`${base}/${id}`).expect(200);
    return res.body;
  }

  /** ADVANCE with an explanation for every unmet advisory requirement, as a policy officer would (comply or explain). */
  async function advanceExplaining(id: string, event = 'ADVANCE') {
    const v = await view(id);
    expect(v.next.blocking).toEqual([]);
    const explanations = Object.fromEntries(v.next.explanationsRequired.map((r: string) => [r, `Toelichting bij ${r}: bewust afgewogen.`]));
    const res = await bm().post(`${base}/${id}/transitions`, { event, expectedVersion: v.version, explanations });
    if (res.status !== 201) throw new Error(`${event} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const plan = {
    doel: 'Inwoners en bedrijven denken mee over de energiestrategie.',
    doelgroepen: ['inwoners', 'energiecoöperaties'],
    niveaus: [
      { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
      { doelgroep: 'energiecoöperaties', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' },
    ],
    ruimteVoorInvloed: 'De doelen liggen vast; de verdeling van zoekgebieden is open.',
    planning: 'Voorjaar 2026 bijeenkomsten, zomer 2026 ontwerp.',
    instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel', doelgroep: 'energiecoöperaties' }],
    terugkoppeling: 'Een reactienota en een bijeenkomst met nazorg.',
    informatievindplaats: 'https://www.provincie.drenthe.nl/energie',
  };
  const verslag = {
    activiteiten: 'Twee ateliers en een Drents Panel-peiling.',
    inbreng: 'Zorg over netcapaciteit; wens tot lokaal eigendom.',
    watGedaanMetInbreng: 'Lokaal eigendom is als voorwaarde opgenomen.',
    hoeDeelnemersGeinformeerd: 'Brief en bijeenkomst op 10 maart.',
  };

  it('walks a strategic dossier from agendasetting to afgesloten and opens a follow-up with NEW_CYCLE', async () => {
    // 1. Create.
    const created = await bm()
      .post(base, { title: 'Regionale Energiestrategie 2.0', strategisch: true, besluitvormer: 'PS' })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({ phase: 'voorfase-agendasetting', version: 1, workflow: { id: 'drenthe-verbindend-besturen', version: '2021' } });

    // 2. What blocks ADVANCE: every requirement of T1 and X, with status and a Dutch and English explanation.
    const first = await view(id);
    expect(first.next.to).toBe('voorbereiding-beleid');
    const byId = Object.fromEntries(first.next.requirements.map((r: { id: string }) => [r.id, r]));
    for (const rid of ['X-01', 'X-02', 'G1-01', 'G1-02', 'G1-03', 'G1-04', 'G1-05', 'G1-06', 'G1-07']) expect(byId[rid]).toBeDefined();
    expect(byId['G1-03']).toMatchObject({ severity: 'hard', waivable: true, status: 'unsatisfied' });
    expect(byId['G1-03'].explanation.nl.length).toBeGreaterThan(10);
    expect(byId['G1-03'].explanation.en.length).toBeGreaterThan(10);
    expect(byId['G1-02'].status).toBe('not-applicable');
    expect(first.next.allowed).toBe(false);

    // 3. Refused, with exactly the unmet requirements.
    const refused = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toMatch(/\/requirements-unmet$/);
    const unmetIds: string[] = refused.body.unmetRequirements.map((u: { id: string }) => u.id);
    expect(unmetIds).toEqual(expect.arrayContaining(['G1-01', 'G1-03', 'G1-04']));
    const shownUnsatisfied = first.next.requirements.filter((r: { status: string }) => r.status === 'unsatisfied').map((r: { id: string }) => r.id);
    expect([...unmetIds].sort()).toEqual([...shownUnsatisfied].sort());

    // 4. Record evidence until the hard requirements are met, explain the advisory ones, advance.
    await record(id, 'classificatie', '2026-03-02', {
      strategischMotivatie: 'Raakt alle Drentse gemeenten en het landschap.',
      besluittype: 'verordening',
      instrumentType: 'none',
      herkomst: 'gs-initiatief',
      herkomstBron: 'Coalitieakkoord 2023',
      reden: 'Classificatie aangevuld na intake',
    });
    const ready = await view(id);
    expect(ready.next.blocking).toEqual([]);
    expect(ready.next.allowed).toBe(true);
    const t1 = await advanceExplaining(id);
    expect(t1).toMatchObject({ from: 'voorfase-agendasetting', to: 'voorbereiding-beleid' });
    expect(Object.keys(t1.explained).length).toBeGreaterThan(0);

    // T2: a strategic dossier cannot leave voorbereiding-beleid without a startnotitie with participatieparagraaf (G2-01).
    let v = await view(id);
    const g201 = v.next.requirements.find((r: { id: string }) => r.id === 'G2-01');
    expect(g201).toMatchObject({ status: 'unsatisfied', severity: 'hard' });
    expect(g201.explanation.nl).toMatch(/startnotitie/i);
    const noStart = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version }).expect(409);
    expect(noStart.body.unmetRequirements.map((u: { id: string }) => u.id)).toContain('G2-01');

    await record(id, 'document', '2026-02-20', {
      documentType: 'startnotitie',
      titel: 'Startnotitie RES 2.0',
      participatieparagraaf: plan,
      vastgesteldDoorGsOn: '2026-02-24',
      verzondenAanPsOn: '2026-02-25',
    });
    await record(id, 'checkvraag', '2026-02-20', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Energiecoöperaties kunnen zoekgebieden voordragen.' });
    await record(id, 'procedure', '2026-02-24', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: true, motivering: 'Beleidsvoornemen met grote gevolgen.' });
    v = await view(id);
    expect(v.next.requirements.find((r: { id: string }) => r.id === 'G2-01').status).toBe('satisfied');
    await advanceExplaining(id);

    // T3: afdeling 3.4 Awb — the zienswijzentermijn must have run out (G3-02).
    const voorstel = await record(id, 'document', '2026-03-02', {
      documentType: 'statenvoorstel',
      titel: 'Statenvoorstel RES 2.0',
      participatieparagraaf: plan,
      participatieverslag: { activiteiten: 'Twee ateliers.' },
    });
    await record(id, 'procedure', '2026-03-01', { stap: 'kennisgeving-ontwerp', datum: '2026-03-01', prbId: 'prb-2026-1201' });
    await record(id, 'procedure', '2026-03-02', { stap: 'terinzagelegging', startOn: '2026-03-02' });
    await record(id, 'procedure', '2026-03-02', { stap: 'toezending-ontwerp', geenGeadresseerden: true });
    const zw = await record(id, 'procedure', '2026-03-02', { stap: 'zienswijze', ontvangenOn: '2026-03-02', indienerRef: 'ZW-001', vorm: 'schriftelijk' });
    await record(id, 'document', '2026-03-02', { documentType: 'reactienota', titel: 'Reactienota', beantwoordtZienswijzen: [zw.id] });
    v = await view(id);
    const g302 = v.next.requirements.find((r: { id: string }) => r.id === 'G3-02');
    expect(g302.status).toBe('unsatisfied');
    expect(g302.explanation.nl).toMatch(/2026-04-13/); // six weeks from 2 March end Sunday 12 April → Monday 13 April (Atw)
    const early = await bm().post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version }).expect(409);
    expect(early.body.unmetRequirements.map((u: { id: string }) => u.id)).toContain('G3-02');

    h.clock.set('2026-04-14T08:00:00.000Z');
    await advanceExplaining(id);
    expect((await view(id)).phase).toBe('kaderstelling-besluitvorming');

    // RETURN: PS send the proposal back; a reason is required.
    v = await view(id);
    const noReason = await bm().post(`${base}/${id}/transitions`, { event: 'RETURN', expectedVersion: v.version }).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    // RETURN is explained in the view like ADVANCE, and a reason is required.
    const returnView = v.events.find((e: { event: string }) => e.event === 'RETURN');
    expect(returnView).toMatchObject({ to: 'ontwikkeling-voorstel', reasonRequired: true });
    expect(returnView.requirements.map((r: { id: string }) => r.id)).toEqual(['X-01', 'X-05']);
    // X-05 is met with a reason and an unchanged participatieparagraaf: an explanation for it is refused, naming it (issue #11;
    // it used to be silently dropped), and nothing is written.
    const needless = await bm()
      .post(`${base}/${id}/transitions`, { event: 'RETURN', expectedVersion: v.version, reason: 'PS vragen een aanvullende variant.', explanations: { 'X-05': 'Deelnemers zijn per brief geïnformeerd.' } })
      .expect(400);
    expect(needless.body.errors).toEqual([{ field: 'explanations.X-05', message: expect.stringMatching(/X-05 is vervuld en heeft geen toelichting nodig/) }]);
    expect((await view(id)).version).toBe(v.version);
    const back = await bm()
      .post(`${base}/${id}/transitions`, { event: 'RETURN', expectedVersion: v.version, reason: 'PS vragen een aanvullende variant.' })
      .expect(201);
    expect(back.body).toMatchObject({ from: 'kaderstelling-besluitvorming', to: 'ontwikkeling-voorstel' });
    await advanceExplaining(id);

    // T4: decision by PS, wensen en bedenkingen, publication in the Provinciaal blad, participatieverslag.
    await record(id, 'procedure', '2026-04-14', { stap: 'wensen-en-bedenkingen', partij: 'GS', gelegenheidGebodenOn: '2026-04-14' });
    h.clock.set('2026-05-20T08:00:00.000Z');
    const eindbesluit = await record(id, 'besluit', '2026-05-18', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'Statenstuk 2026-101', besluitdatum: '2026-05-18', inwerkingtredingOn: '2026-06-01' });
    // The publication names the decision it makes known (G4-04, issue #11).
    await record(id, 'publicatie', '2026-05-19', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2026-2201', publishedOn: '2026-05-19', url: 'https://zoek.officielebekendmakingen.nl/prb-2026-2201.html', besluitId: eindbesluit.id });
    await record(id, 'procedure', '2026-05-19', { stap: 'kennisgeving-besluit', datum: '2026-05-19', prbId: 'prb-2026-2202' });
    await record(id, 'procedure', '2026-05-19', { stap: 'besluit-toegezonden-indieners', datum: '2026-05-19' });
    v = await view(id);
    expect(v.next.blocking).toContain('G4-07');
    await record(id, 'document', '2026-05-10', { documentType: 'statenvoorstel', titel: 'Statenvoorstel RES 2.0 (definitief)', participatieparagraaf: plan, participatieverslag: verslag }, voorstel.id);
    await advanceExplaining(id);
    v = await view(id);
    expect(v.phase).toBe('uitvoering');

    // WITHDRAW is not accepted once the decision stands.
    const withdraw = await bm().post(`${base}/${id}/transitions`, { event: 'WITHDRAW', expectedVersion: v.version, reason: 'x' }).expect(409);
    expect(withdraw.body.type).toMatch(/\/event-not-allowed$/);

    // T5 and T6.
    await record(id, 'procedure', '2026-05-20', { stap: 'evaluatietype', type: 'gs-evaluatie' });
    await advanceExplaining(id);
    h.clock.set('2027-06-01T08:00:00.000Z');
    await record(id, 'document', '2027-05-20', { documentType: 'evaluatierapport', titel: 'Evaluatie RES 2.0', verzondenAanPsOn: '2027-05-25' });
    await record(id, 'terugkoppeling', '2027-05-25', { aan: 'ps', onderwerp: 'evaluatie', kenmerk: 'Brief GS 2027-55' });
    await record(id, 'leerpunten', '2027-05-26', { leerpunten: 'Eerder met netbeheerders om tafel.', successen: 'Hoge opkomst bij ateliers.' });
    const cycle = await advanceExplaining(id, 'NEW_CYCLE');
    expect(cycle).toMatchObject({ from: 'controle-evaluatie', to: 'afgesloten' });
    expect(cycle.followUpDossierId).toEqual(expect.any(String));
    const closed = await view(id);
    expect(closed).toMatchObject({ phase: 'afgesloten', next: null, acceptedEvents: [], followUpDossierId: cycle.followUpDossierId });

    const followUp = await view(cycle.followUpDossierId);
    expect(followUp).toMatchObject({ phase: 'voorfase-agendasetting', previousDossierId: id });
    expect(followUp.classification.herkomst).toBe('vorige-evaluatie');
    const lessons = await bm().get(`${base}/${cycle.followUpDossierId}/evidence?kind=leerpunten`).expect(200);
    expect(lessons.body).toHaveLength(1);
    expect(lessons.body[0].data.leerpunten).toBe('Eerder met netbeheerders om tafel.');
    // The carried lessons are audit events of the follow-up too: its trail alone rebuilds its state.
    const asOf = await h.as(h.users.auditor).get(`${base}/${cycle.followUpDossierId}/state?at=2027-06-01T08:00:00.000Z`).expect(200);
    expect(asOf.body.evidenceInForce).toContain(lessons.body[0].id);
    expect(asOf.body.asOf.gaps).toEqual([]);

    // 6. History and audit.
    const history = await bm().get(`${base}/${id}/transitions`).expect(200);
    const outcomes = history.body.items.map((t: { outcome: string; event: string }) => `${t.outcome}:${t.event}`);
    expect(outcomes.filter((o: string) => o.startsWith('done:'))).toHaveLength(8);
    expect(outcomes.filter((o: string) => o.startsWith('refused:')).length).toBeGreaterThanOrEqual(4);
    const refusedEntry = history.body.items.find((t: { outcome: string }) => t.outcome === 'refused');
    expect(refusedEntry.evaluation.length).toBeGreaterThan(0);

    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.checked).toBeGreaterThan(30);
  });

  it('marks G2-01 not-applicable for a non-strategic dossier, and withdraws it with a reason', async () => {
    const created = await bm()
      .post(base, {
        title: 'Subsidieregeling dorpshuizen',
        strategisch: false,
        strategischMotivatie: 'Beperkte, uitvoerende regeling.',
        besluitvormer: 'GS',
        besluittype: 'beleidsregel',
        instrumentType: 'none',
        herkomst: 'signaal-samenleving',
      })
      .expect(201);
    const id = created.body.id;
    await advanceExplaining(id);
    const v = await view(id);
    expect(v.next.requirements.find((r: { id: string }) => r.id === 'G2-01').status).toBe('not-applicable');
    const w = await bm()
      .post(`${base}/${id}/transitions`, { event: 'WITHDRAW', expectedVersion: v.version, reason: 'Wordt meegenomen in de Omgevingsvisie.' })
      .expect(201);
    expect(w.body.to).toBe('ingetrokken');
    const after = await view(id);
    expect(after).toMatchObject({ phase: 'ingetrokken', next: null });
    const more = await bm().post(`${base}/${id}/evidence`, { kind: 'leerpunten', occurredOn: '2026-03-02', data: { leerpunten: 'x' } }).expect(409);
    expect(more.body.type).toMatch(/\/invalid-state$/);
  });
});

import { Harness, startHarness } from '../support/harness';

/**
 * Issue #11 over HTTP: facts that must already have happened cannot lie in the future, dates within one record must
 * follow each other, a publication names the decision it makes known — each a 400 naming the field that records
 * nothing — and a not-applicable text states why, true to the dossier's facts. The harness clock stands at
 * 2026-03-02.
 */
describe('evidence dates and explanations (issue #11)', () => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    h = await startHarness();
    const res = await h.as(h.users.bm).post('/api/v1/dossiers', { title: 'Datumcontrole', strategisch: true, besluitvormer: 'PS' }).expect(201);
    id = (res.body as { id: string }).id;
  });
  afterAll(async () => {
    await h.close();
  });

  const post = (kind: string, occurredOn: string, data: object) => h.as(h.users.bm).post(`/api/v1/dossiers/${id}/evidence`, { kind, occurredOn, data });
  const count = async () => ((await h.as(h.users.bm).get(`/api/v1/dossiers/${id}/evidence`).expect(200)).body as unknown[]).length;
  const startnotitie = (over: object) => ({ documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: { doel: 'draagvlak' }, ...over });

  it.each([
    ['a startnotitie adopted by GS in 2099', 'document', startnotitie({ vastgesteldDoorGsOn: '2099-01-01' }), 'data.vastgesteldDoorGsOn', /2099-01-01 ligt na vandaag \(2026-03-02\)/],
    ['a startnotitie sent to PS "binnenkort"', 'document', startnotitie({ verzondenAanPsOn: 'binnenkort' }), 'data.verzondenAanPsOn', /./],
    ['a startnotitie sent to PS before GS adopted it', 'document', startnotitie({ vastgesteldDoorGsOn: '2026-02-20', verzondenAanPsOn: '2026-02-10' }), 'data.verzondenAanPsOn', /vóór 2026-02-20/],
    ['a decision taken in 2099', 'besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'S-1', besluitdatum: '2099-05-01' }, 'data.besluitdatum', /ligt na vandaag/],
    ['a beschikking sent before it was taken', 'besluit', { orgaan: 'GS', onderwerp: 'eindbesluit', kenmerk: 'B-1', besluitdatum: '2026-02-20', toegezondenAanGeadresseerdenOn: '2026-02-19' }, 'data.toegezondenAanGeadresseerdenOn', /vóór 2026-02-20/],
    ['a publication dated in 2099', 'publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2099-1', publishedOn: '2099-01-01' }, 'data.publishedOn', /ligt na vandaag/],
    ['a publication of a decision that is not on this dossier', 'publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2026-1', publishedOn: '2026-02-25', besluitId: '6f1c1f47-2b0e-4f67-9a8e-0c1d2e3f4a5b' }, 'data.besluitId', /geen besluit/],
    ['a rekenkamer informed in 2099', 'procedure', { stap: 'nrk-217a', geinformeerdOn: '2099-01-01' }, 'data.geinformeerdOn', /ligt na vandaag/],
    ['a Drenthe in Debat held in 2099', 'activiteit', { instrumentId: 'drenthe-in-debat', organisator: 'PS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['inwoners'], startOn: '2099-01-01', status: 'uitgevoerd' }, 'data.startOn', /ligt na vandaag/],
  ])('%s is a 400 naming the field, and records nothing', async (_name, kind, data, field, message) => {
    const before = await count();
    const res = await post(kind, '2026-02-25', data).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = res.body.errors as Array<{ field: string; message: string }>;
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.find((e) => e.field === field)?.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('accepts a planned activity ahead and a committee meeting on the agenda (dates that may lie ahead)', async () => {
    await post('activiteit', '2026-03-01', {
      instrumentId: 'atelier', organisator: 'GS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['inwoners'], startOn: '2026-09-01', status: 'gepland',
    }).expect(201);
    await post('procedure', '2026-03-01', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', vergaderdatum: '2026-04-01' }).expect(201);
  });

  it('refuses a Provinciaal blad publication dated before the decision it names, and accepts one on the day itself', async () => {
    const besluit = await post('besluit', '2026-02-26', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'Statenstuk 2026-7', besluitdatum: '2026-02-26' }).expect(201);
    const besluitId = (besluit.body as { id: string }).id;
    const early = await post('publicatie', '2026-02-25', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2026-9', publishedOn: '2026-02-25', besluitId }).expect(400);
    expect(early.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'data.publishedOn', message: expect.stringMatching(/vóór de besluitdatum 2026-02-26/) })]));
    await post('publicatie', '2026-02-26', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2026-9', publishedOn: '2026-02-26', besluitId }).expect(201);
  });

  it('says why X-03 and X-04 do not apply to a dossier without (active) activities or waivers, true to its facts', async () => {
    const res = await h.as(h.users.bm).post('/api/v1/dossiers', { title: 'Zonder activiteiten', strategisch: false, besluitvormer: 'GS' }).expect(201);
    const view = (await h.as(h.users.bm).get(`/api/v1/dossiers/${(res.body as { id: string }).id}`).expect(200)).body as {
      next: { requirements: Array<{ id: string; status: string; explanation: { nl: string } }> };
    };
    const byId = Object.fromEntries(view.next.requirements.map((r) => [r.id, r]));
    expect(byId['X-03']).toMatchObject({ status: 'not-applicable' });
    expect(byId['X-03'].explanation.nl).toMatch(/er zijn bij dit dossier geen participatieactiviteiten vastgelegd/);
    expect(byId['X-03'].explanation.nl).not.toMatch(/niet is geannuleerd/);
    expect(byId['X-04'].explanation.nl).toMatch(/voor dit dossier is geen vrijstelling aangevraagd/);
    expect(byId['G1-02'].explanation.nl).not.toMatch(/de herkomst is agenderingsrecht/);
  });
});

/**
 * Web pages without a browser (issue #15): assignment by a teamleider, PS-side evidence by the griffie, the same
 * ownership rule as the API, role checks that are audited, HTML error pages, and CSV downloads.
 */
import { Harness, startHarness, TestUser } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const signIn = (user: TestUser) => h.signIn(user);

let dossierId = '';

it('a beleidsmedewerker creates a dossier through the form; the form answers 400 with errors beside the fields', async () => {
  const { agent, csrf } = await signIn(h.users.bm);
  const bad = await agent.post('/dossiers/nieuw').type('form').send({ _csrf: csrf, title: ' ', besluitvormer: 'XX' });
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('id="veld-title-fout"');
  expect(bad.text).toContain('id="veld-besluitvormer-fout"');
  expect(bad.text).toContain('href="#veld-title"');
  const ok = await agent.post('/dossiers/nieuw').type('form').send({ _csrf: csrf, title: 'Fietspaden Zuidoost', strategisch: 'nee', besluitvormer: 'GS' });
  expect(ok.status).toBe(303);
  dossierId = /\/dossiers\/([0-9a-f-]{36})/.exec(ok.headers.location)![1];
});

it('another beleidsmedewerker sees the dossier but may not change it (X-01); the refusal is audited', async () => {
  const { agent, csrf } = await signIn(h.users.bm2);
  const page = await agent.get(`/dossiers/${dossierId}`).expect(200);
  expect(page.text).not.toContain(`action="/dossiers/${dossierId}/overgang"`);
  const r = await agent.post(`/dossiers/${dossierId}/overgang`).type('form').send({ _csrf: csrf, event: 'ADVANCE', expectedVersion: '1' });
  expect(r.status).toBe(403);
  const denied = await h.db.read((tx) => tx.all<{ n: number }>("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'access.denied'"));
  expect(Number(denied[0].n)).toBeGreaterThan(0);
});

it('a teamleider assigns the dossier to another beleidsmedewerker', async () => {
  const { agent, csrf } = await signIn(h.users.tl);
  const page = await agent.get('/teamleider').expect(200);
  expect(page.text).toContain('Fietspaden Zuidoost');
  const r = await agent.post(`/teamleider/toewijzing/${dossierId}`).type('form').send({ _csrf: csrf, assigneeId: h.users.bm2.id, expectedVersion: '1' });
  expect(r.status).toBe(303);
  const row = await h.db.read((tx) => tx.get<{ assignee_id: string }>('SELECT assignee_id FROM dossier WHERE id = ?', [dossierId]));
  expect(row!.assignee_id).toBe(h.users.bm2.id);
  const stale = await agent.post(`/teamleider/toewijzing/${dossierId}`).type('form').send({ _csrf: csrf, assigneeId: h.users.bm.id, expectedVersion: '1' });
  expect(stale.status).toBe(409);
  expect(stale.text).toContain('intussen door iemand anders gewijzigd');
});

it('the griffie records PS-side evidence (a committee session), not GS-side evidence', async () => {
  const { agent, csrf } = await signIn(h.users.griffie);
  const form = await agent.get(`/dossiers/${dossierId}/vastleggen?soort=procedure-commissiebehandeling`).expect(200);
  expect(form.text).toContain('Behandeling in een Statencommissie');
  const ok = await agent
    .post(`/dossiers/${dossierId}/vastleggen?soort=procedure-commissiebehandeling`)
    .type('form')
    .send({ _csrf: csrf, occurredOn: '2026-03-02', 'data.onderwerp': 'voorstel', 'data.commissie': 'Omgeving', 'data.vergaderdatum': '2026-03-02' });
  expect(ok.status).toBe(303);
  const gsSide = await agent
    .post(`/dossiers/${dossierId}/vastleggen?soort=checkvraag`)
    .type('form')
    .send({ _csrf: csrf, occurredOn: '2026-03-02', 'data.vraag': 'beginspraak', 'data.antwoord': 'ja', 'data.toelichting': 'x' });
  expect(gsSide.status).toBe(403);
  const kinds = await h.db.read((tx) => tx.all<{ kind: string }>('SELECT kind FROM evidence WHERE dossier_id = ? ORDER BY position', [dossierId]));
  expect(kinds.map((k) => k.kind)).toEqual(['classificatie', 'procedure']);
});

it('role checks, unknown pages and bad ids answer with Dutch HTML pages; CSV downloads are CSV', async () => {
  const bm = await signIn(h.users.bm);
  const forbidden = await bm.agent.get('/griffie');
  expect(forbidden.status).toBe(200); // compliance.read includes the beleidsmedewerker
  const team = await bm.agent.get('/teamleider');
  expect(team.status).toBe(403);
  expect(team.headers['content-type']).toMatch(/text\/html/);
  expect(team.text).toContain('Geen toegang');
  const missing = await bm.agent.get('/dossiers/00000000-0000-4000-8000-00000000dead');
  expect(missing.status).toBe(404);
  expect(missing.text).toContain('Niet gevonden');
  expect((await bm.agent.get('/dossiers/niet-een-id')).status).toBe(400);
  const g = await signIn(h.users.griffie);
  for (const path of ['/griffie', '/griffie/ontheffingen', '/griffie/termijnen', '/griffie/startnotitie', '/griffie/participatie', '/griffie/rapportage']) {
    const csv = await g.agent.get(`${path}?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="kaderwijzer-/);
  }
  const filtered = await g.agent.get('/griffie?phase=bestaat-niet').expect(200);
  expect(filtered.text).toContain('Niet alle filters zijn gebruikt');
});

it('the griffie sees per activity how participants were recruited, who was reached against who was meant to be, and when they heard back (issue #16)', async () => {
  const api = '/api/v1/dossiers';
  const d = await h.as(h.users.bm).post(api, { title: 'Deelname Hondsrug', strategisch: false, besluitvormer: 'GS' }).expect(201);
  const activiteit = (werving: object | undefined, bereik: object[] | undefined, startOn: string) => ({
    kind: 'activiteit',
    occurredOn: startOn,
    data: { instrumentId: 'atelier', organisator: 'GS', fase: 'voorfase-agendasetting', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['jongeren', 'boeren'], startOn, status: 'uitgevoerd', werving, bereik },
  });
  const reached = await h
    .as(h.users.bm)
    .post(`${api}/${d.body.id}/evidence`, activiteit({ methode: 'loting' }, [{ doelgroep: 'jongeren', beoogd: 20, bereikt: 12 }], '2026-02-02'))
    .expect(201);
  await h.as(h.users.bm).post(`${api}/${d.body.id}/evidence`, activiteit(undefined, undefined, '2026-02-09')).expect(201);
  await h
    .as(h.users.bm)
    .post(`${api}/${d.body.id}/evidence`, {
      kind: 'terugkoppeling',
      occurredOn: '2026-02-16',
      data: { aan: 'deelnemers', onderwerp: 'voortgang', activiteitIds: [reached.body.id], watGedaanMetInbreng: 'Het fietspad komt aan de oostkant, zoals de jongeren vroegen.' },
    })
    .expect(201);

  const { agent } = await signIn(h.users.griffie);
  const page = await agent.get(`/griffie/dossiers/${d.body.id}`).expect(200);
  expect(page.text).toContain('Deelname per activiteit van Deelname Hondsrug');
  const table = page.text.slice(page.text.indexOf('Deelname per activiteit van Deelname Hondsrug'));
  const rows = table.split('<tr').slice(2); // after the header row: one row per activity, in the order recorded
  expect(rows).toHaveLength(2);
  expect(rows[0]).toContain('loting');
  expect(rows[0]).toContain('jongeren: 12 van 20 (minder bereikt dan beoogd, zonder toelichting)');
  expect(rows[0]).toContain('boeren: niet vastgelegd van niet vastgelegd');
  expect(rows[0]).toContain('op 16 februari 2026');
  expect(rows[1]).toContain('niet vastgelegd');
  expect(rows[1]).toContain('er is geen terugkoppeling vastgelegd die deze activiteit noemt');
});

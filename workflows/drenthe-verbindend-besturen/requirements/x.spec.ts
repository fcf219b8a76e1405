import { ActiviteitData } from '../../evidence';
import { WaiverFact } from '../../facts';
import { FactsOptions, rec } from '../../testing/facts-builder';
import { runCases as run } from '../../testing/requirement-table';
import {
  activiteitenTijdigAangekondigd,
  activiteitenVolledigVastgelegd,
  alleenToegewezenBeleidsmedewerker,
  terugzettenMetRedenEnHeraankondiging,
  vrijstellingenGemotiveerd,
  X_REQUIREMENTS,
} from './x';


const activiteit = (over: Partial<ActiviteitData> = {}, id?: string) =>
  rec(
    'activiteit',
    {
      instrumentId: 'drents-panel',
      organisator: 'PS',
      fase: 'voorbereiding-beleid',
      inwonersGericht: true,
      niveau: 'consulteren',
      doelgroepen: ['inwoners'],
      startOn: '2026-05-20',
      status: 'uitgevoerd',
      aankondiging: { kanaal: 'website-provincie', datum: '2026-05-06' },
      ...over,
    },
    { id },
  );

describe('X_REQUIREMENTS', () => {
  it('lists X-01 … X-05 in brief order with the brief’s severity and waivability', () => {
    expect(X_REQUIREMENTS.map((r) => [r.id, r.transition, r.severity, r.waivable])).toEqual([
      ['X-01', 'X', 'hard', false],
      ['X-02', 'X', 'hard', false],
      ['X-03', 'X', 'advisory', false],
      ['X-04', 'X', 'hard', false],
      ['X-05', 'X', 'advisory', false],
    ]);
    expect(alleenToegewezenBeleidsmedewerker.events).toEqual(['ADVANCE', 'RETURN', 'WITHDRAW', 'NEW_CYCLE']);
    expect(terugzettenMetRedenEnHeraankondiging.events).toEqual(['RETURN']);
    expect(activiteitenTijdigAangekondigd.origin.seedQuote).toBe('Tijdig en breed initiatieven aankondigen');
  });
});

describe('X-01 alleenToegewezenBeleidsmedewerker', () => {
  run(alleenToegewezenBeleidsmedewerker, [
    { name: 'assigned beleidsmedewerker: satisfied', evidence: () => [], status: 'satisfied', nl: [/u-1 is de toegewezen beleidsmedewerker/] },
    {
      name: 'griffie is read-only',
      evidence: () => [],
      opts: { attempt: { event: 'ADVANCE', actor: { id: 'u-1', roles: ['griffie'] } } },
      status: 'unsatisfied',
      nl: [/niet de rol beleidsmedewerker/, /rollen: griffie/, /alleen leesrechten/],
      en: [/read-only/],
    },
    {
      name: 'auditor is read-only',
      evidence: () => [],
      opts: { attempt: { event: 'WITHDRAW', actor: { id: 'u-9', roles: ['auditor'] } }, assigneeId: 'u-1' },
      status: 'unsatisfied',
      nl: [/rollen: auditor/, /toegewezen aan u-1, niet aan u-9/],
    },
    {
      name: 'another beleidsmedewerker than the assignee',
      evidence: () => [],
      opts: { assigneeId: 'u-2' },
      status: 'unsatisfied',
      nl: [/toegewezen aan u-2, niet aan u-1/],
      notNl: [/niet de rol/],
    },
    {
      name: 'unassigned dossier',
      evidence: () => [],
      opts: { assigneeId: null },
      status: 'unsatisfied',
      nl: [/aan niemand toegewezen/],
    },
    { name: 'preview without an actor: not applicable', evidence: () => [], opts: { attempt: null }, status: 'not-applicable', nl: [/voorvertoning/] },
  ]);
});

describe('X-02 activiteitenVolledigVastgelegd', () => {
  run(activiteitenVolledigVastgelegd, [
    { name: 'no activities: satisfied', evidence: () => [], status: 'satisfied', nl: [/geen participatieactiviteiten/] },
    {
      name: 'complete activity: satisfied',
      evidence: () => [activiteit({}, 'a-1')],
      status: 'satisfied',
      evidenceIds: ['a-1'],
    },
    {
      name: 'not resident-facing needs no level',
      evidence: () => [activiteit({ inwonersGericht: false, niveau: undefined })],
      status: 'satisfied',
    },
    {
      name: 'resident-facing without level',
      evidence: () => [activiteit({ niveau: undefined }, 'a-2')],
      status: 'unsatisfied',
      nl: [/Activiteit a-2/, /niveau \(informeren, consulteren of meebeslissen/],
      notNl: [/doelgroep/],
      evidenceIds: ['a-2'],
    },
    {
      name: '`other` without a label',
      evidence: () => [activiteit({ instrumentId: 'other' }, 'a-3')],
      status: 'unsatisfied',
      nl: [/a-3/, /instrumentLabel/],
    },
    {
      name: '`other` with a label is fine',
      evidence: () => [activiteit({ instrumentId: 'other', instrumentLabel: 'Burgerberaad' })],
      status: 'satisfied',
    },
    {
      name: 'unknown instrument id',
      evidence: () => [activiteit({ instrumentId: 'koffie-met-de-gedeputeerde' })],
      status: 'unsatisfied',
      nl: [/'koffie-met-de-gedeputeerde' staat niet in de instrumentencatalogus/],
    },
    {
      name: 'no target group, no date, and an incomplete second activity counted',
      evidence: () => [activiteit({}, 'ok-1'), activiteit({ doelgroepen: [' '], startOn: '' }, 'bad-1')],
      status: 'unsatisfied',
      nl: [/1 van de 2 participatieactiviteiten is onvolledig/, /bad-1/, /ten minste één doelgroep/, /datum \(startOn\)/],
      notNl: [/ok-1/],
    },
    {
      name: 'end date before start date',
      evidence: () => [activiteit({ endOn: '2026-05-19' })],
      status: 'unsatisfied',
      nl: [/2026-05-19 ligt vóór de startdatum 2026-05-20/],
    },
  ]);
});

describe('X-03 activiteitenTijdigAangekondigd', () => {
  run(activiteitenTijdigAangekondigd, [
    { name: 'no activities: not applicable', evidence: () => [], status: 'not-applicable' },
    {
      name: 'only cancelled activities: not applicable',
      evidence: () => [activiteit({ status: 'geannuleerd', aankondiging: undefined })],
      status: 'not-applicable',
    },
    {
      name: 'announced exactly 14 days ahead (boundary): satisfied',
      evidence: () => [activiteit({ startOn: '2026-05-20', aankondiging: { kanaal: 'krant', datum: '2026-05-06' } })],
      status: 'satisfied',
      nl: [/minstens 14 dagen/],
    },
    {
      name: 'announced 13 days ahead: unsatisfied',
      evidence: () => [activiteit({ startOn: '2026-05-20', aankondiging: { kanaal: 'krant', datum: '2026-05-07' } }, 'a-13')],
      status: 'unsatisfied',
      nl: [/a-13/, /aangekondigd op 2026-05-07, 13 dagen vooraf/, /uiterlijk 2026-05-06/],
      evidenceIds: ['a-13'],
    },
    {
      name: '13 days is enough when the rule set asks 7',
      evidence: () => [activiteit({ startOn: '2026-05-20', aankondiging: { kanaal: 'krant', datum: '2026-05-07' } })],
      opts: { settings: { announcementLeadDays: 7 } },
      status: 'satisfied',
    },
    {
      name: 'not announced: says by when',
      evidence: () => [activiteit({ startOn: '2026-07-01', status: 'gepland', aankondiging: undefined })],
      status: 'unsatisfied',
      nl: [/geen openbare aankondiging/, /uiterlijk op 2026-06-17 aankondigen/],
    },
    {
      name: 'announcement without channel',
      evidence: () => [activiteit({ aankondiging: { kanaal: '', datum: '2026-05-01' } })],
      status: 'unsatisfied',
      nl: [/kanaal van de aankondiging ontbreekt/],
    },
    {
      name: 'announced after the activity: says how many days after, never a negative lead',
      evidence: () => [activiteit({ startOn: '2026-05-01', aankondiging: { kanaal: 'krant', datum: '2026-06-01' } }, 'a-late')],
      status: 'unsatisfied',
      nl: [/aangekondigd op 2026-06-01, 31 dagen ná de start van de activiteit/],
      notNl: [/-\d+ dag/],
      en: [/31 days after the activity started/],
    },
    {
      name: 'announced on the day itself',
      evidence: () => [activiteit({ startOn: '2026-05-01', aankondiging: { kanaal: 'krant', datum: '2026-05-01' } })],
      status: 'unsatisfied',
      nl: [/op de dag van de activiteit zelf/],
    },
    {
      name: 'no activities: not applicable, and the text says there are none',
      evidence: () => [],
      status: 'not-applicable',
      nl: [/Niet van toepassing: er zijn bij dit dossier geen participatieactiviteiten vastgelegd/],
      notNl: [/niet is geannuleerd/],
    },
    {
      name: 'only cancelled activities: not applicable, and the text says they were cancelled',
      evidence: () => [activiteit({ status: 'geannuleerd', annuleringsreden: 'weer' })],
      status: 'not-applicable',
      nl: [/de enige vastgelegde participatieactiviteit is geannuleerd/],
    },
    {
      name: 'a cancelled activity is not checked',
      evidence: () => [activiteit({}), activiteit({ status: 'geannuleerd', aankondiging: undefined })],
      status: 'satisfied',
    },
  ]);
});

describe('X-04 vrijstellingenGemotiveerd', () => {
  const waiver = (over: Partial<WaiverFact> = {}): WaiverFact => ({
    id: 'w-1',
    requirementId: 'G2-01',
    reasonCode: 'ondergeschikte-wijziging',
    motivation: 'Kleine wijziging van vastgesteld beleid.',
    requestedBy: 'u-1',
    approvedBy: 'u-7',
    status: 'approved',
    ...over,
  });
  run(vrijstellingenGemotiveerd, [
    {
      name: 'no waivers: not applicable, and the text says none was requested',
      evidence: () => [],
      status: 'not-applicable',
      nl: [/Niet van toepassing: voor dit dossier is geen vrijstelling aangevraagd/],
      notNl: [/er is voor dit dossier een vrijstelling aangevraagd/],
    },
    {
      name: 'approved waiver in order: satisfied',
      evidence: () => [],
      opts: { waivers: [waiver()] },
      status: 'satisfied',
      evidenceIds: ['w-1'],
    },
    {
      name: 'only a requested waiver: nothing to check',
      evidence: () => [],
      opts: { waivers: [waiver({ status: 'requested', approvedBy: null, motivation: '' })] },
      status: 'satisfied',
      nl: [/Geen vrijstelling is goedgekeurd of gebruikt/, /1 wacht op een besluit/],
    },
    {
      name: 'approved by the requester',
      evidence: () => [],
      opts: { waivers: [waiver({ approvedBy: 'u-1' })] },
      status: 'unsatisfied',
      nl: [/vrijstelling w-1 van G2-01/, /goedgekeurd door de aanvrager zelf \(u-1\)/],
    },
    {
      name: 'used waiver without motivation, approver or known reason code',
      evidence: () => [],
      opts: { waivers: [waiver({ id: 'w-2', status: 'used', motivation: '  ', approvedBy: null, reasonCode: 'geen-zin' })] },
      status: 'unsatisfied',
      nl: [/w-2/, /onbekende redencode 'geen-zin'/, /motivering ontbreekt/, /goedkeurder ontbreekt/],
      evidenceIds: ['w-2'],
    },
    {
      name: 'missing reason code',
      evidence: () => [],
      opts: { waivers: [waiver({ reasonCode: '' })] },
      status: 'unsatisfied',
      nl: [/redencode ontbreekt/],
    },
  ]);
});

describe('X-05 terugzettenMetRedenEnHeraankondiging', () => {
  const returning = (reason?: string): FactsOptions => ({
    state: 'voorbereiding-beleid',
    attempt: { event: 'RETURN', actor: { id: 'u-1', roles: ['beleidsmedewerker'] }, reason },
  });
  const plan = { doel: 'draagvlak', doelgroepen: ['inwoners'] };
  const oldPlan = () =>
    rec(
      'document',
      { documentType: 'startnotitie', titel: 'Startnotitie v1', participatieparagraaf: plan, verzondenAanPsOn: '2026-03-02' },
      { id: 'doc-1', recordedAt: '2026-03-01T09:00:00.000Z' },
    );
  const newPlan = () =>
    rec(
      'document',
      { documentType: 'startnotitie', titel: 'Startnotitie v2', participatieparagraaf: { ...plan, planning: 'Q3' } },
      { id: 'doc-2', supersedes: 'doc-1', recordedAt: '2026-04-01T09:00:00.000Z' },
    );
  const feedback = (recordedAt: string, aan: 'deelnemers' | 'ps' = 'deelnemers') =>
    rec('terugkoppeling', { aan, onderwerp: 'participatieparagraaf-wijziging' }, { id: `tk-${recordedAt}`, recordedAt });

  run(terugzettenMetRedenEnHeraankondiging, [
    {
      name: 'reason given, paragraph unchanged: satisfied',
      evidence: () => [oldPlan()],
      opts: returning('PS vragen om een bredere doelgroep'),
      status: 'satisfied',
      nl: [/PS vragen om een bredere doelgroep/, /niet gewijzigd/],
    },
    {
      name: 'no reason: unsatisfied',
      evidence: () => [],
      opts: returning(undefined),
      status: 'unsatisfied',
      nl: [/reden/],
    },
    {
      name: 'blank reason: unsatisfied',
      evidence: () => [],
      opts: returning('   '),
      status: 'unsatisfied',
      nl: [/geef een reden op/],
    },
    {
      name: 'paragraph changed, participants not informed',
      evidence: () => [oldPlan(), newPlan()],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      nl: [/participatieparagraaf is op 2026-04-01 gewijzigd \(doc-2 vervangt doc-1\)/, /deelnemers/],
      notNl: [/geef een reden/],
      evidenceIds: ['doc-2'],
    },
    {
      name: 'paragraph changed, feedback recorded before the change does not count',
      evidence: () => [oldPlan(), feedback('2026-03-15T09:00:00.000Z'), newPlan()],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      nl: [/geen terugkoppeling aan de deelnemers/],
    },
    {
      name: 'paragraph changed, feedback to PS instead of participants does not count',
      evidence: () => [oldPlan(), newPlan(), feedback('2026-04-02T09:00:00.000Z', 'ps')],
      opts: returning('Herziening'),
      status: 'unsatisfied',
    },
    {
      name: 'paragraph changed and fed back afterwards: satisfied',
      evidence: () => [oldPlan(), newPlan(), feedback('2026-04-02T09:00:00.000Z')],
      opts: returning('Herziening'),
      status: 'satisfied',
      nl: [/aan de deelnemers teruggekoppeld/],
      evidenceIds: ['doc-2', 'tk-2026-04-02T09:00:00.000Z'],
    },
    {
      name: 'an unannounced paragraph corrected on the day it was written is no change that needs re-announcement',
      evidence: () => [
        rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: { doel: 'draagvlak' } }, { id: 'sn-1', recordedAt: '2026-03-01T09:00:00.000Z' }),
        rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: plan }, { id: 'sn-2', supersedes: 'sn-1', recordedAt: '2026-03-01T11:00:00.000Z' }),
      ],
      opts: returning('Herziening'),
      status: 'satisfied',
      nl: [/niet gewijzigd/],
    },
    {
      name: 'a paragraph published before its correction was announced: the correction is a change',
      evidence: () => [
        rec('document', { documentType: 'participatieparagraaf-plan', titel: 'Plan', participatieparagraaf: plan }, { id: 'pl-1', recordedAt: '2026-03-01T09:00:00.000Z' }),
        rec('publicatie', { onderwerp: 'kennisgeving-participatie', kanaal: 'website-provincie', publishedOn: '2026-03-10', documentId: 'pl-1' }),
        rec('document', { documentType: 'participatieparagraaf-plan', titel: 'Plan', participatieparagraaf: { ...plan, planning: 'Q4' } }, { id: 'pl-2', supersedes: 'pl-1', recordedAt: '2026-04-01T09:00:00.000Z' }),
      ],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      nl: [/pl-2 vervangt pl-1/],
    },
    {
      name: 'a correction that leaves the announced paragraph as it was is no change',
      evidence: () => [
        oldPlan(),
        rec('document', { documentType: 'startnotitie', titel: 'Startnotitie (titel gecorrigeerd)', participatieparagraaf: plan }, { id: 'doc-2', supersedes: 'doc-1', recordedAt: '2026-04-01T09:00:00.000Z' }),
      ],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'a changed document without a paragraph is no paragraph change',
      evidence: () => [
        rec('document', { documentType: 'overig', titel: 'Notitie' }, { id: 'o-1', recordedAt: '2026-03-01T09:00:00.000Z' }),
        rec('document', { documentType: 'overig', titel: 'Notitie v2' }, { id: 'o-2', supersedes: 'o-1', recordedAt: '2026-04-01T09:00:00.000Z' }),
      ],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
  ]);
});

import { ActiviteitData } from '../../evidence';
import { WaiverFact } from '../../facts';
import { factsWith, FactsOptions, rec } from '../../testing/facts-builder';
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

// Issue #17: the cases mutation testing showed missing — each row pins one fact a wrong rule would get wrong.
describe('X-01: the texts and what the outcome rests on (issue #17)', () => {
  run(alleenToegewezenBeleidsmedewerker, [
    { name: 'the assigned beleidsmedewerker: the outcome rests on no record', evidence: () => [], status: 'satisfied', evidenceExactly: [] },
    {
      name: 'another beleidsmedewerker: the English text names only that problem',
      evidence: () => [],
      opts: { assigneeId: 'u-2' },
      status: 'unsatisfied',
      en: [/^Only the beleidsmedewerker assigned to the dossier can fire this transition: the dossier is assigned to u-2, not to u-1\.$/],
    },
  ]);
  it('the predicate itself, asked without an attempt, says there is no user', () => {
    expect(alleenToegewezenBeleidsmedewerker.check(factsWith([], { attempt: null }))).toMatchObject({ met: false, explanation: { nl: 'Er is geen gebruiker die de overgang aanvraagt.' } });
  });
});

describe('X-02: each field of an activity, and the texts for one or more (issue #17)', () => {
  run(activiteitenVolledigVastgelegd, [
    { name: 'no activities: the outcome rests on no record', evidence: () => [], status: 'satisfied', evidenceExactly: [] },
    {
      name: 'one complete activity: the text speaks of the activity',
      evidence: () => [activiteit({}, 'a-1')],
      status: 'satisfied',
      nl: [/^De participatieactiviteit heeft een instrument/],
      en: [/^The participation activity has an instrument/],
    },
    {
      name: 'two complete activities: the text speaks of all of them',
      evidence: () => [activiteit({}, 'a-1'), activiteit({}, 'a-2')],
      status: 'satisfied',
      nl: [/^Alle 2 participatieactiviteiten hebben/],
      en: [/^All 2 participation activities have/],
    },
    {
      name: 'an activity is named by its instrument and date',
      evidence: () => [activiteit({ niveau: undefined }, 'a-2')],
      status: 'unsatisfied',
      nl: [/^1 van de 1 participatieactiviteiten is onvolledig vastgelegd\. Activiteit a-2 \(Inzetten Drents Panel, 2026-05-20\) mist: niveau/],
      en: [/^1 of 1 participation activities is incompletely recorded\. Activity a-2 \(Inzetten Drents Panel, 2026-05-20\) lacks: level/],
    },
    {
      name: 'an activity without instrument and date is named by its id alone',
      evidence: () => [activiteit({ instrumentId: '', startOn: '' }, 'a-3')],
      status: 'unsatisfied',
      nl: [/Activiteit a-3 mist: instrument \(een id uit de instrumentencatalogus/],
    },
    {
      name: 'two incomplete activities: plural, both named, the outcome rests on both',
      evidence: () => [activiteit({ niveau: undefined }, 'a-1'), activiteit({ niveau: undefined }, 'a-2')],
      status: 'unsatisfied',
      nl: [/^2 van de 2 participatieactiviteiten zijn onvolledig/],
      en: [/^2 of 2 participation activities are incompletely/],
      evidenceExactly: ['a-1', 'a-2'],
    },
    {
      name: 'an organiser other than PS, GS or Inwoners',
      evidence: () => [activiteit({ organisator: 'Raad' as never })],
      status: 'unsatisfied',
      nl: [/mist: organisator \(PS, GS of Inwoners\)\.$/],
    },
    {
      name: 'one filled target group next to a blank one is enough',
      evidence: () => [activiteit({ doelgroepen: ['inwoners', ' '] })],
      status: 'satisfied',
    },
    {
      name: 'a start date that is no calendar date (30 February)',
      evidence: () => [activiteit({ startOn: '2026-02-30' })],
      status: 'unsatisfied',
      nl: [/mist: datum \(startOn\)\.$/],
    },
    {
      name: 'an end date on the start date (boundary): satisfied',
      evidence: () => [activiteit({ endOn: '2026-05-20' })],
      status: 'satisfied',
    },
    {
      name: 'an end date after the start date: satisfied',
      evidence: () => [activiteit({ endOn: '2026-05-21' })],
      status: 'satisfied',
    },
    {
      name: 'an end date that is no calendar date',
      evidence: () => [activiteit({ endOn: '2026-13-01' })],
      status: 'unsatisfied',
      nl: [/geldige einddatum \(2026-13-01/],
    },
    {
      name: 'a level outside informeren, consulteren and meebeslissen is no level',
      evidence: () => [activiteit({ niveau: 'adviseren' as never })],
      status: 'unsatisfied',
      nl: [/mist: niveau \(informeren/],
    },
  ]);
});

describe('X-03: how late, how many, and the texts for one or more (issue #17)', () => {
  const announced = (datum: string, id: string, startOn = '2026-05-20') => activiteit({ startOn, aankondiging: { kanaal: 'krant', datum } }, id);
  run(activiteitenTijdigAangekondigd, [
    {
      name: 'two cancelled activities: the text says all of them were cancelled',
      evidence: () => [activiteit({ status: 'geannuleerd' }), activiteit({ status: 'geannuleerd' })],
      status: 'not-applicable',
      nl: [/alle 2 vastgelegde participatieactiviteiten zijn geannuleerd/],
      en: [/all 2 participation activities on record were cancelled/],
    },
    {
      name: 'one cancelled activity: the English text says the only one was cancelled',
      evidence: () => [activiteit({ status: 'geannuleerd' })],
      status: 'not-applicable',
      en: [/the only participation activity on record was cancelled/],
    },
    {
      name: 'an activity without a valid start date cannot be checked',
      evidence: () => [activiteit({ startOn: '' }, 'a-x')],
      status: 'unsatisfied',
      nl: [/Activiteit a-x \(Inzetten Drents Panel\): geen geldige startdatum/],
    },
    {
      name: 'one day ahead: singular',
      evidence: () => [announced('2026-05-19', 'a-1')],
      status: 'unsatisfied',
      nl: [/, 1 dag vooraf;/],
      en: [/, 1 day ahead;/],
    },
    {
      name: 'three days ahead: plural in English',
      evidence: () => [announced('2026-05-17', 'a-1')],
      status: 'unsatisfied',
      en: [/, 3 days ahead;/],
    },
    {
      name: 'one day after the start: singular',
      evidence: () => [announced('2026-05-21', 'a-1')],
      status: 'unsatisfied',
      nl: [/, 1 dag ná de start van de activiteit;/],
      en: [/, 1 day after the activity started;/],
    },
    {
      name: 'two late activities: plural, the outcome rests on both',
      evidence: () => [announced('2026-05-19', 'a-1'), announced('2026-05-19', 'a-2'), announced('2026-05-01', 'a-3')],
      status: 'unsatisfied',
      nl: [/^2 van de 3 activiteiten zijn niet tijdig/],
      en: [/^2 of 3 activities were not announced/],
      evidenceExactly: ['a-1', 'a-2'],
    },
    {
      name: 'one late activity: singular',
      evidence: () => [announced('2026-05-19', 'a-1')],
      status: 'unsatisfied',
      nl: [/^1 van de 1 activiteiten is niet tijdig/],
      en: [/^1 of 1 activities was not announced/],
    },
    {
      name: 'one activity in time: the text speaks of the activity',
      evidence: () => [announced('2026-05-01', 'a-1')],
      status: 'satisfied',
      nl: [/^De activiteit is minstens 14 dagen vooraf/],
      en: [/^The activity was announced publicly at least 14 days ahead/],
    },
    {
      name: 'two activities in time: the text speaks of all of them',
      evidence: () => [announced('2026-05-01', 'a-1'), announced('2026-05-01', 'a-2')],
      status: 'satisfied',
      nl: [/^Alle 2 activiteiten zijn minstens 14 dagen vooraf/],
      en: [/^All 2 activities were announced publicly/],
    },
  ]);
});

describe('X-04: counting waivers, and the texts for one or more (issue #17)', () => {
  const waiver = (id: string, over: Partial<WaiverFact> = {}): WaiverFact => ({
    id,
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
      name: 'none approved: counts those awaiting a decision and those rejected, the outcome rests on all',
      evidence: () => [],
      opts: { waivers: [waiver('w-1', { status: 'requested' }), waiver('w-2', { status: 'rejected' }), waiver('w-3', { status: 'rejected' })] },
      status: 'satisfied',
      nl: [/\(aangevraagd: 3; daarvan 1 wacht op een besluit en 2 zijn afgewezen\)/],
      en: [/\(requested: 3; of these 1 awaiting a decision and 2 rejected\)/],
      evidenceExactly: ['w-1', 'w-2', 'w-3'],
    },
    {
      name: 'two awaiting a decision, one rejected',
      evidence: () => [],
      opts: { waivers: [waiver('w-1', { status: 'requested' }), waiver('w-2', { status: 'requested' }), waiver('w-3', { status: 'rejected' })] },
      status: 'satisfied',
      nl: [/daarvan 2 wachten op een besluit en 1 is afgewezen\)/],
    },
    {
      name: 'one rejected only',
      evidence: () => [],
      opts: { waivers: [waiver('w-1', { status: 'rejected' })] },
      status: 'satisfied',
      nl: [/\(aangevraagd: 1; daarvan 1 is afgewezen\)/],
      en: [/\(requested: 1; of these 1 rejected\)/],
    },
    {
      name: 'two faulty waivers: plural, both named in both languages',
      evidence: () => [],
      opts: { waivers: [waiver('w-1', { motivation: '' }), waiver('w-2', { approvedBy: null })] },
      status: 'unsatisfied',
      nl: [/^2 vrijstellingen zijn niet in orde: vrijstelling w-1 van G2-01: motivering ontbreekt; vrijstelling w-2 van G2-01: goedkeurder ontbreekt\.$/],
      en: [/^2 waivers are not in order: waiver w-1 of G2-01: motivation missing; waiver w-2 of G2-01: approver missing\.$/],
    },
    {
      name: 'one faulty waiver: singular',
      evidence: () => [],
      opts: { waivers: [waiver('w-1', { motivation: '' })] },
      status: 'unsatisfied',
      nl: [/^1 vrijstelling is niet in orde/],
      en: [/^1 waiver is not in order/],
    },
    {
      name: 'one waiver in order: singular',
      evidence: () => [],
      opts: { waivers: [waiver('w-1')] },
      status: 'satisfied',
      nl: [/^1 vrijstelling heeft een redencode/],
      en: [/^1 waiver has a reason code/],
    },
    {
      name: 'two waivers in order: plural',
      evidence: () => [],
      opts: { waivers: [waiver('w-1'), waiver('w-2', { status: 'used' })] },
      status: 'satisfied',
      nl: [/^2 vrijstellingen hebben een redencode/],
      en: [/^2 waivers have a reason code/],
    },
  ]);
});

describe('X-05: which corrections are announced changes, and the feedback that counts (issue #17)', () => {
  const returning = (reason?: string): FactsOptions => ({
    state: 'voorbereiding-beleid',
    attempt: { event: 'RETURN', actor: { id: 'u-1', roles: ['beleidsmedewerker'] }, reason },
  });
  const plan = { doel: 'draagvlak', doelgroepen: ['inwoners'] };
  const doc = (id: string, over: Record<string, unknown>, recordedAt: string, supersedes?: string) =>
    rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: plan, ...over } as never, { id, recordedAt, supersedes });
  const v1 = (over: Record<string, unknown> = {}) => doc('doc-1', over, '2026-03-01T09:00:00.000Z');
  const v2 = (over: Record<string, unknown> = {}) => doc('doc-2', { participatieparagraaf: { ...plan, planning: 'Q3' }, ...over }, '2026-04-01T09:00:00.000Z', 'doc-1');
  const publicatie = (publishedOn: string, over: Record<string, unknown> = {}) =>
    rec('publicatie', { onderwerp: 'startnotitie', kanaal: 'website-provincie', publishedOn, ...over } as never);
  const feedback = (recordedAt: string, onderwerp = 'participatieparagraaf-wijziging') =>
    rec('terugkoppeling', { aan: 'deelnemers', onderwerp } as never, { id: `tk-${recordedAt.slice(0, 10)}`, recordedAt });
  run(terugzettenMetRedenEnHeraankondiging, [
    {
      name: 'reason given, nothing changed: the outcome rests on no record, in both languages',
      evidence: () => [],
      opts: returning('Herziening'),
      status: 'satisfied',
      en: [/^Reason for going back: "Herziening"\. The participatieparagraaf has not changed\.$/],
      evidenceExactly: [],
    },
    {
      name: 'a preview without an attempt has no reason',
      evidence: () => [],
      opts: { attempt: null },
      status: 'unsatisfied',
      en: [/^Going back is not yet in order: no reason was given for going back to the previous phase \(give a reason with the transition\)\.$/],
    },
    {
      name: 'a document without a paragraph, sent to PS and corrected, is no paragraph change',
      evidence: () => [
        doc('o-1', { documentType: 'overig', participatieparagraaf: undefined, verzondenAanPsOn: '2026-03-02' }, '2026-03-01T09:00:00.000Z'),
        doc('o-2', { documentType: 'overig', participatieparagraaf: { doel: 'x' } }, '2026-04-01T09:00:00.000Z', 'o-1'),
      ],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'a plan document without fields, sent to PS, replaced by a structured paragraph: a change',
      evidence: () => [
        doc('pl-1', { documentType: 'participatieparagraaf-plan', participatieparagraaf: undefined, verzondenAanPsOn: '2026-03-02' }, '2026-03-01T09:00:00.000Z'),
        doc('pl-2', { documentType: 'participatieparagraaf-plan' }, '2026-04-01T09:00:00.000Z', 'pl-1'),
      ],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      nl: [/pl-2 vervangt pl-1/],
    },
    {
      name: 'sent to PS only after the correction: not yet announced, no change',
      evidence: () => [v1({ verzondenAanPsOn: '2026-04-02' }), v2()],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'sent to PS on the day of the correction (boundary): announced, a change',
      evidence: () => [v1({ verzondenAanPsOn: '2026-04-01' }), v2()],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      evidenceExactly: ['doc-2'],
    },
    {
      name: 'the startnotitie published before the correction (publication without document link): a change',
      evidence: () => [v1(), publicatie('2026-03-10'), v2()],
      opts: returning('Herziening'),
      status: 'unsatisfied',
    },
    {
      name: 'published on the day of the correction (boundary): a change',
      evidence: () => [v1(), publicatie('2026-04-01'), v2()],
      opts: returning('Herziening'),
      status: 'unsatisfied',
    },
    {
      name: 'published only after the correction: no change',
      evidence: () => [v1(), publicatie('2026-04-02'), v2()],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'a publication of another document does not announce this one',
      evidence: () => [v1(), publicatie('2026-03-10', { documentId: 'doc-9' }), v2()],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'a publication about another subject does not announce the startnotitie',
      evidence: () => [v1(), publicatie('2026-03-10', { onderwerp: 'gs-voorstel' }), v2()],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'the startnotitie publication does not announce a plan document',
      evidence: () => [v1({ documentType: 'participatieparagraaf-plan' }), publicatie('2026-03-10'), v2({ documentType: 'participatieparagraaf-plan' })],
      opts: returning('Herziening'),
      status: 'satisfied',
    },
    {
      name: 'two changes: the latest is the one that needs feedback',
      evidence: () => [
        v1({ verzondenAanPsOn: '2026-03-02' }),
        v2({ verzondenAanPsOn: '2026-04-01' }),
        feedback('2026-04-15T09:00:00.000Z'),
        doc('doc-3', { participatieparagraaf: { ...plan, planning: 'Q4' } }, '2026-05-01T09:00:00.000Z', 'doc-2'),
      ],
      opts: returning('Herziening'),
      status: 'unsatisfied',
      nl: [/op 2026-05-01 gewijzigd \(doc-3 vervangt doc-2\)/],
    },
    {
      name: 'feedback to participants about another subject does not count',
      evidence: () => [v1({ verzondenAanPsOn: '2026-03-02' }), v2(), feedback('2026-04-02T09:00:00.000Z', 'overig')],
      opts: returning('Herziening'),
      status: 'unsatisfied',
    },
    {
      name: 'feedback recorded at the very moment of the change does not count',
      evidence: () => [v1({ verzondenAanPsOn: '2026-03-02' }), v2(), feedback('2026-04-01T09:00:00.000Z')],
      opts: returning('Herziening'),
      status: 'unsatisfied',
    },
    {
      name: 'fed back afterwards: the text names the feedback, in both languages',
      evidence: () => [v1({ verzondenAanPsOn: '2026-03-02' }), v2(), feedback('2026-04-02T09:00:00.000Z')],
      opts: returning('Herziening'),
      status: 'satisfied',
      nl: [/is aan de deelnemers teruggekoppeld \(tk-2026-04-02\)\.$/],
      en: [/^Reason for going back: "Herziening"\. The change of the participatieparagraaf on 2026-04-01 was fed back to the participants \(tk-2026-04-02\)\.$/],
    },
  ]);
});

import { ParticipatieparagraafPlan } from '../../../evidence';
import { rec } from '../../../testing/facts-builder';
import { RequirementCase, runCases } from '../../../testing/requirement-table';
import { participatieparagraafVolledig } from '../../requirements/t2';
import { activiteit } from '../../../testing/fixtures-2025';
import { inwonersVroegtijdigBetrokken, plannedPhases, T2_2025, vraagRuimteEnVoorwerk } from './plan';
import { BLIJVEND_IN_VERBINDING } from './sources';

const run = (req: Parameters<typeof runCases>[0], cases: RequirementCase[]) => runCases(req, cases, { state: 'voorbereiding-beleid' });
const strategisch = (value = true) => rec('classificatie', { strategisch: value, strategischMotivatie: 'test', reden: 'intake' });

const PLAN: ParticipatieparagraafPlan = {
  doel: 'Draagvlak ophalen',
  niveaus: [{ doelgroep: 'inwoners', fase: 'voorbereiding-beleid', niveau: 'consulteren' }],
  instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }],
  vraag: 'Waar ziet u ruimte voor zonnevelden?',
  ruimtePerFase: [
    { fase: 'voorbereiding-beleid', ruimte: 'Adviseren over zoekgebieden.' },
    { fase: 'ontwikkeling-voorstel', ruimte: 'Meedenken over de inrichting.' },
  ],
  voorwerk: 'Netcapaciteit is al verkend.',
};
const plan = (p: ParticipatieparagraafPlan, id = 'sn-1') => rec('document', { documentType: 'startnotitie', titel: 'Startnotitie zon', participatieparagraaf: p }, { id });

describe('2025 T2 requirements', () => {
  it('are G2-51 (hard, waivable) and G2-52 (advisory), on ADVANCE out of voorbereiding-beleid, citing the beleidskader by address', () => {
    expect(T2_2025.map((r) => [r.id, r.transition, r.severity, r.waivable, r.events])).toEqual([
      ['G2-51', 'T2', 'hard', true, ['ADVANCE']],
      ['G2-52', 'T2', 'advisory', false, ['ADVANCE']],
    ]);
    for (const r of T2_2025) {
      expect(r.origin.basis).toContain(BLIJVEND_IN_VERBINDING.url);
      expect(r.origin.verified).toBe(true);
    }
    expect(vraagRuimteEnVoorwerk.origin.basis).toContain('Stel een duidelijke vraag.');
    expect(vraagRuimteEnVoorwerk.origin.basis).toContain('eerlijk over het voorwerk');
    expect(inwonersVroegtijdigBetrokken.origin.basis).toContain('Niet pas op het moment dat er al een plan klaarligt.');
  });

  it('G2-51 applies exactly where 2021’s G2-02 does', () => {
    expect(vraagRuimteEnVoorwerk.appliesWhen).toBe(participatieparagraafVolledig.appliesWhen);
  });
});

describe('plannedPhases', () => {
  it('lists each phase with a level or an instrument once, ignoring entries without a phase', () => {
    expect(plannedPhases(PLAN)).toEqual(['voorbereiding-beleid', 'ontwikkeling-voorstel']);
    expect(plannedPhases({ niveaus: [{ doelgroep: 'a', fase: 'uitvoering', niveau: 'informeren' }, { doelgroep: 'b', fase: 'uitvoering', niveau: 'informeren' }] })).toEqual(['uitvoering']);
    expect(plannedPhases({ instrumenten: [{ instrumentId: 'atelier', fase: '' as never }] })).toEqual([]);
    expect(plannedPhases(undefined)).toEqual([]);
    expect(plannedPhases({ niveaus: [undefined as never], instrumenten: [null as never, { instrumentId: 'atelier', fase: 'uitvoering' }] })).toEqual(['uitvoering']);
    expect(plannedPhases({})).toEqual([]);
  });
});

describe('G2-51 vraagRuimteEnVoorwerk', () => {
  run(vraagRuimteEnVoorwerk, [
    { name: 'not strategic and no plan: not applicable', evidence: () => [strategisch(false)], status: 'not-applicable', nl: /niet strategisch/ },
    {
      name: 'a plan with question, room for every planned phase and prior work: satisfied',
      evidence: () => [strategisch(), plan(PLAN)],
      status: 'satisfied',
      nl: [/stelt de vraag aan de deelnemers/, /voorbereiding-beleid en ontwikkeling-voorstel/],
      en: /room for influence per phase \(voorbereiding-beleid and ontwikkeling-voorstel\)/,
      evidenceIds: ['sn-1'],
    },
    {
      name: 'strategic without any plan: asks for the plan with the three parts',
      evidence: () => [strategisch()],
      status: 'unsatisfied',
      nl: [/geen participatieparagraaf \(plan\) met inhoud/, /vraag/, /ruimtePerFase/, /voorwerk/],
      en: /No participatieparagraaf/,
    },
    {
      name: 'a plan recorded in a GS proposal applies even when not strategic',
      evidence: () => [strategisch(false), rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: { ...PLAN, vraag: undefined } }, { id: 'gv-1' })],
      status: 'unsatisfied',
      nl: [/'GS-voorstel' \(gv-1\) mist/, /de vraag aan de deelnemers \(vraag; wens 6\)/],
      notNl: [/voorwerk/, /ruimte voor invloed/],
      evidenceIds: ['gv-1'],
    },
    {
      name: 'a blank question counts as none',
      evidence: () => [strategisch(), plan({ ...PLAN, vraag: '   ' })],
      status: 'unsatisfied',
      nl: /vraag; wens 6/,
      en: /the question to participants/,
    },
    {
      name: 'no prior work: names only that',
      evidence: () => [strategisch(), plan({ ...PLAN, voorwerk: '' })],
      status: 'unsatisfied',
      nl: /mist wat het Beleidskader participatie 2025 vraagt: het voorwerk dat al is gedaan \(voorwerk; wens 8\)\./,
      en: /the prior work already done \(voorwerk; wish 8\)/,
      notNl: [/wens 6/, /wens 7/],
    },
    {
      name: 'one planned phase without room: names that phase',
      evidence: () => [strategisch(), plan({ ...PLAN, ruimtePerFase: [{ fase: 'voorbereiding-beleid', ruimte: 'Adviseren.' }] })],
      status: 'unsatisfied',
      nl: /de ruimte voor invloed in fase ontwikkeling-voorstel, waarin het plan participatie zet/,
      en: /in phase ontwikkeling-voorstel, in which/,
      notNl: [/voorbereiding-beleid, waarin/],
    },
    {
      name: 'two planned phases without room: names both',
      evidence: () => [strategisch(), plan({ ...PLAN, ruimtePerFase: [] })],
      status: 'unsatisfied',
      nl: /in de fasen voorbereiding-beleid en ontwikkeling-voorstel, waarin/,
      en: /in phases voorbereiding-beleid and ontwikkeling-voorstel, in which/,
    },
    {
      name: 'room stated as blank text does not count',
      evidence: () => [strategisch(), plan({ ...PLAN, ruimtePerFase: [{ fase: 'voorbereiding-beleid', ruimte: ' ' }, null as never, PLAN.ruimtePerFase![1]] })],
      status: 'unsatisfied',
      nl: /in fase voorbereiding-beleid, waarin/,
    },
    {
      name: 'no phase planned and no room stated: asks for the room per phase',
      evidence: () => [strategisch(), plan({ doel: 'Draagvlak', vraag: 'Wat vindt u?', voorwerk: 'Niets.' })],
      status: 'unsatisfied',
      nl: /mist wat het Beleidskader participatie 2025 vraagt: de ruimte voor invloed per fase \(ruimtePerFase; wens 7\)\./,
      en: /the room for influence per phase \(ruimtePerFase; wish 7\)/,
    },
    {
      name: 'no phase planned but room stated for a phase: satisfied',
      evidence: () => [strategisch(), plan({ doel: 'Draagvlak', vraag: 'Wat vindt u?', voorwerk: 'Niets.', ruimtePerFase: [{ fase: 'uitvoering', ruimte: 'Meebeslissen over beheer.' }] })],
      status: 'satisfied',
      nl: /per fase \(uitvoering\)/,
    },
    {
      name: 'the latest plan in force counts',
      evidence: () => [strategisch(), plan({ ...PLAN, vraag: undefined }, 'sn-1'), plan(PLAN, 'sn-2')],
      status: 'satisfied',
      evidenceIds: ['sn-2'],
    },
    {
      name: 'all three missing at once are all named',
      evidence: () => [strategisch(), plan({ doel: 'Draagvlak', niveaus: PLAN.niveaus })],
      status: 'unsatisfied',
      nl: [/wens 6/, /wens 7/, /wens 8/, /vraag; wens 6\), de ruimte voor invloed in fase voorbereiding-beleid, waarin het plan participatie zet \(ruimtePerFase; wens 7\) en het voorwerk/],
    },
  ]);
});

describe('G2-52 inwonersVroegtijdigBetrokken', () => {
  run(inwonersVroegtijdigBetrokken, [
    {
      name: 'an activity with residents in voorbereiding-beleid: satisfied',
      evidence: () => [activiteit('a-1')],
      status: 'satisfied',
      nl: /voordat er een plan ligt: Atelier van 2026-03-02 \(a-1\)/,
      en: /before a plan was ready: .*\(a-1\)/,
      evidenceIds: ['a-1'],
    },
    {
      name: 'an activity in the voorfase counts too',
      evidence: () => [activiteit('a-2', { fase: 'voorfase-agendasetting' })],
      status: 'satisfied',
      evidenceIds: ['a-2'],
    },
    { name: 'nothing recorded: unsatisfied, pointing at wish 3', evidence: () => [], status: 'unsatisfied', nl: [/geen activiteit met inwoners uitgevoerd/, /wens 3/], en: /wish 3/ },
    { name: 'an activity in a later phase does not count', evidence: () => [activiteit('a-3', { fase: 'ontwikkeling-voorstel' })], status: 'unsatisfied' },
    { name: 'a planned activity does not count', evidence: () => [activiteit('a-4', { status: 'gepland' })], status: 'unsatisfied' },
    { name: 'a cancelled activity does not count', evidence: () => [activiteit('a-5', { status: 'geannuleerd', annuleringsreden: 'x' })], status: 'unsatisfied' },
    { name: 'an activity without residents does not count', evidence: () => [activiteit('a-6', { inwonersGericht: false })], status: 'unsatisfied' },
    { name: 'boundary: an activity today counts', evidence: () => [activiteit('a-7', { startOn: '2026-06-15' })], status: 'satisfied' },
    { name: 'boundary: an activity tomorrow has not happened yet', evidence: () => [activiteit('a-8', { startOn: '2026-06-16' })], status: 'unsatisfied' },
    {
      name: 'lists every early activity',
      evidence: () => [activiteit('a-9'), activiteit('a-10', { fase: 'voorfase-agendasetting', startOn: '2026-01-10' })],
      status: 'satisfied',
      nl: /\(a-9\) en .*\(a-10\)/,
      evidenceIds: ['a-9', 'a-10'],
    },
  ]);
});

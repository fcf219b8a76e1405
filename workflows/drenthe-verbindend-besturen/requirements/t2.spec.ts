import { DocumentData, ParticipatieparagraafPlan } from '../../evidence';
import { Requirement } from '../../requirement';
import { rec } from '../../testing/facts-builder';
import { RequirementCase, runCases } from '../../testing/requirement-table';
import {
  checkvraagInwonersinitiatief,
  insprekenOpStartnotitie,
  inspraakbesluitGs,
  jongerenraadDrentsPanelOverwogen,
  kadersOpHoofdlijnen,
  kennisgevingParticipatieProjectbesluit,
  overwegingBeginspraak,
  participatieparagraafVolledig,
  startnotitieGepubliceerd,
  startnotitieMetParticipatieparagraaf,
  T2_REQUIREMENTS,
} from './t2';


const run = (req: Requirement, cases: RequirementCase[]) => runCases(req, cases, { state: 'voorbereiding-beleid' });

const strategisch = (value = true) => rec('classificatie', { strategisch: value, strategischMotivatie: 'test', reden: 'intake' });

const PLAN: ParticipatieparagraafPlan = {
  doel: 'Draagvlak en lokale kennis ophalen',
  doelgroepen: ['inwoners', 'jongeren'],
  niveaus: [
    { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
    { doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'informeren' },
  ],
  ruimteVoorInvloed: 'Locatiekeuze ligt open; budget ligt vast',
  planning: 'Bijeenkomsten in september',
  instrumenten: [{ instrumentId: 'keukentafelgesprekken', fase: 'ontwikkeling-voorstel' }],
  terugkoppeling: 'Reactienota binnen 6 weken',
  informatievindplaats: 'www.provincie.drenthe.nl/project',
};

const startnotitie = (over: Partial<DocumentData> = {}, id = 'sn-1') =>
  rec(
    'document',
    {
      documentType: 'startnotitie',
      titel: 'Startnotitie Energielandschap',
      participatieparagraaf: PLAN,
      vastgesteldDoorGsOn: '2026-03-03',
      verzondenAanPsOn: '2026-03-05',
      ...over,
    },
    { id },
  );

describe('T2_REQUIREMENTS', () => {
  it('lists G2-01 … G2-10 in brief order with the brief’s severity and waivability', () => {
    expect(T2_REQUIREMENTS.map((r) => [r.id, r.transition, r.severity, r.waivable])).toEqual([
      ['G2-01', 'T2', 'hard', true],
      ['G2-02', 'T2', 'hard', false],
      ['G2-03', 'T2', 'hard', true],
      ['G2-04', 'T2', 'advisory', false],
      ['G2-05', 'T2', 'advisory', false],
      ['G2-06', 'T2', 'advisory', false],
      ['G2-07', 'T2', 'advisory', false],
      ['G2-08', 'T2', 'advisory', false],
      ['G2-09', 'T2', 'hard', false],
      ['G2-10', 'T2', 'hard', false],
    ]);
    for (const r of T2_REQUIREMENTS) expect(r.events).toEqual(['ADVANCE']);
    expect(kadersOpHoofdlijnen.origin.note).toMatch(/hard/);
    expect(startnotitieGepubliceerd.origin).toMatchObject({ kind: 'law', label: 'law (Woo, phased)', verified: false });
    expect(startnotitieGepubliceerd.origin.note).toMatch(/phases/);
    // Issue #11: the inspraakverordening only allows GS to grant inspraak; recording the choice is a data rule.
    expect(inspraakbesluitGs.origin.kind).toBe('data');
    expect(inspraakbesluitGs.origin.basis).toMatch(/artikelen 2 en 4 Algemene inspraakverordening Drenthe/);
  });
});

describe('G2-01 startnotitieMetParticipatieparagraaf', () => {
  run(startnotitieMetParticipatieparagraaf, [
    { name: 'not strategic: not applicable', evidence: () => [strategisch(false)], status: 'not-applicable' },
    { name: 'strategic flag unset: not applicable', evidence: () => [], status: 'not-applicable' },
    {
      name: 'complete startnotitie: satisfied',
      evidence: () => [strategisch(), startnotitie()],
      status: 'satisfied',
      nl: [/vastgesteld op 2026-03-03/, /op 2026-03-05 aan PS gestuurd/],
      evidenceIds: ['sn-1'],
    },
    {
      name: 'no startnotitie: unsatisfied',
      evidence: () => [strategisch()],
      status: 'unsatisfied',
      nl: [/geen startnotitie vastgelegd/],
    },
    {
      name: 'without participatieparagraaf: names only that',
      evidence: () => [strategisch(), startnotitie({ participatieparagraaf: undefined })],
      status: 'unsatisfied',
      nl: [/ontbreekt een participatieparagraaf met inhoud/],
      notNl: [/vaststelling door GS/, /verzondenAanPsOn/],
    },
    {
      name: 'an empty participatieparagraaf is no paragraph',
      evidence: () => [strategisch(), startnotitie({ participatieparagraaf: {} })],
      status: 'unsatisfied',
      nl: [/participatieparagraaf/],
    },
    {
      name: 'not adopted by GS and not sent to PS',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: undefined, verzondenAanPsOn: undefined })],
      status: 'unsatisfied',
      nl: [/vaststelling door GS/, /verzending aan PS \(verzondenAanPsOn\)/],
      notNl: [/ontbreekt een participatieparagraaf met inhoud/],
    },
    {
      name: 'adoption recorded as a GS besluit: satisfied',
      evidence: () => [
        strategisch(),
        startnotitie({ vastgesteldDoorGsOn: undefined }),
        rec('besluit', { orgaan: 'GS', onderwerp: 'startnotitie', kenmerk: 'GS-2026-101', besluitdatum: '2026-03-02' }, { id: 'gs-1' }),
      ],
      status: 'satisfied',
      nl: [/vastgesteld op 2026-03-02/],
      evidenceIds: ['sn-1', 'gs-1'],
    },
    {
      name: 'a PS besluit is no GS adoption',
      evidence: () => [
        strategisch(),
        startnotitie({ vastgesteldDoorGsOn: undefined }),
        rec('besluit', { orgaan: 'PS', onderwerp: 'startnotitie', kenmerk: 'PS-2026-1', besluitdatum: '2026-03-02' }),
      ],
      status: 'unsatisfied',
      nl: [/vaststelling door GS/],
    },
  ]);
});

describe('G2-02 participatieparagraafVolledig', () => {
  const gsVoorstel = (p: ParticipatieparagraafPlan | undefined, id = 'gv-1') =>
    rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: p }, { id });
  run(participatieparagraafVolledig, [
    { name: 'not strategic and no paragraph: not applicable', evidence: () => [strategisch(false)], status: 'not-applicable' },
    {
      name: 'strategic, complete paragraph: satisfied',
      evidence: () => [strategisch(), startnotitie()],
      status: 'satisfied',
      evidenceIds: ['sn-1'],
    },
    {
      name: 'strategic, no paragraph: lists all fields',
      evidence: () => [strategisch()],
      status: 'unsatisfied',
      nl: [/geen participatieparagraaf \(plan\) vastgelegd/, /doel/, /ruimte voor invloed/, /informatievindplaats/],
    },
    {
      name: 'not strategic but a GS proposal has a paragraph: applies; missing doel and terugkoppeling',
      evidence: () => [gsVoorstel({ ...PLAN, doel: ' ', terugkoppeling: undefined })],
      status: 'unsatisfied',
      nl: [/GS-voorstel/, /mist: doel en terugkoppeling/],
      notNl: [/planning/, /instrumenten/],
      evidenceIds: ['gv-1'],
    },
    {
      name: 'a target group without a level',
      evidence: () => [gsVoorstel({ ...PLAN, niveaus: [PLAN.niveaus![0]] })],
      status: 'unsatisfied',
      nl: [/niveau voor doelgroep 'jongeren'/],
      notNl: [/'inwoners'/],
    },
    {
      name: 'no levels at all',
      evidence: () => [gsVoorstel({ ...PLAN, niveaus: [] })],
      status: 'unsatisfied',
      nl: [/niveau per doelgroep per fase/],
    },
    {
      name: 'no instruments, no planning, no room for influence',
      evidence: () => [gsVoorstel({ ...PLAN, instrumenten: [], planning: '', ruimteVoorInvloed: undefined })],
      status: 'unsatisfied',
      nl: [/ruimte voor invloed/, /planning/, /instrumenten/],
    },
    {
      name: 'the latest paragraph counts: an incomplete newer one fails',
      evidence: () => [startnotitie(), gsVoorstel({ ...PLAN, informatievindplaats: undefined }, 'gv-2')],
      status: 'unsatisfied',
      nl: [/gv-2/, /informatievindplaats/],
    },
    {
      name: 'a plan document without structured fields lists them all',
      evidence: () => [rec('document', { documentType: 'participatieparagraaf-plan', titel: 'Plan (pdf)' }, { id: 'pp-1' })],
      status: 'unsatisfied',
      nl: [/pp-1/, /doel, doelgroepen/],
    },
  ]);
});

describe('G2-03 checkvraagInwonersinitiatief', () => {
  run(checkvraagInwonersinitiatief, [
    { name: 'not answered', evidence: () => [], status: 'unsatisfied', nl: [/ruimte voor een inwonersinitiatief/, /niet beantwoord/] },
    {
      name: 'answered without explanation',
      evidence: () => [rec('checkvraag', { vraag: 'inwonersinitiatief', antwoord: false, toelichting: '' }, { id: 'q-1' })],
      status: 'unsatisfied',
      nl: [/beantwoord met 'nee', maar zonder toelichting/],
      evidenceIds: ['q-1'],
    },
    {
      name: 'answered with explanation',
      evidence: () => [rec('checkvraag', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Energiecoöperaties' }, { id: 'q-2' })],
      status: 'satisfied',
      nl: [/ja — Energiecoöperaties/],
      evidenceIds: ['q-2'],
    },
  ]);
});

describe('G2-04 overwegingBeginspraak', () => {
  run(overwegingBeginspraak, [
    { name: 'not answered', evidence: () => [], status: 'unsatisfied', nl: [/beginspraak/] },
    {
      name: 'answered no',
      evidence: () => [rec('checkvraag', { vraag: 'beginspraak', antwoord: false, toelichting: '' })],
      status: 'satisfied',
      nl: [/beginspraak organiseren\?': nee/],
    },
    {
      name: 'another question does not count',
      evidence: () => [rec('checkvraag', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'x' })],
      status: 'unsatisfied',
    },
  ]);
});

describe('G2-05 kadersOpHoofdlijnen', () => {
  const besluit = (orgaan: 'PS' | 'GS') =>
    rec('besluit', { orgaan, onderwerp: 'kaders-hoofdlijnen', kenmerk: 'PS-2026-7', besluitdatum: '2026-04-01' }, { id: `b-${orgaan}` });
  const nodig = (antwoord: boolean) => rec('checkvraag', { vraag: 'kaders-ps-nodig', antwoord, toelichting: 'Past in bestaande begroting' }, { id: 'q-k' });
  run(kadersOpHoofdlijnen, [
    { name: 'nothing recorded', evidence: () => [], status: 'unsatisfied', nl: [/kaders-hoofdlijnen/, /kaders-ps-nodig/] },
    {
      name: 'PS adopted the frameworks',
      evidence: () => [besluit('PS')],
      status: 'satisfied',
      nl: [/PS stelden op 2026-04-01/, /PS-2026-7/],
      evidenceIds: ['b-PS'],
    },
    { name: 'a GS decision is not a PS framework', evidence: () => [besluit('GS')], status: 'unsatisfied' },
    {
      name: 'recorded as not needed',
      evidence: () => [nodig(false)],
      status: 'satisfied',
      nl: [/geen kaderbesluit van PS nodig/, /Past in bestaande begroting/],
    },
    {
      name: 'needed but not adopted',
      evidence: () => [nodig(true)],
      status: 'unsatisfied',
      nl: [/zijn kaders van PS nodig/, /nog geen PS-besluit/],
      evidenceIds: ['q-k'],
    },
  ]);
});

describe('G2-06 insprekenOpStartnotitie', () => {
  const behandeling = (over: { onderwerp?: 'startnotitie' | 'voorstel'; vergaderdatum?: string; nietGeagendeerdReden?: string; aantalInsprekers?: number }, id = 'cb-1') =>
    rec('procedure', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Omgeving', ...over }, { id });
  run(insprekenOpStartnotitie, [
    { name: 'nothing recorded', evidence: () => [], status: 'unsatisfied', nl: [/commissiebehandeling/, /reden/] },
    {
      name: 'a committee named "Statencommissie …" is not doubled (issue #11)',
      evidence: () => [rec('procedure', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Statencommissie Bestuur', vergaderdatum: '2026-05-01' })],
      status: 'satisfied',
      nl: [/op de agenda van de Statencommissie Bestuur\./],
      notNl: [/Statencommissie Statencommissie/],
    },
    {
      name: 'on a committee agenda in the past',
      evidence: () => [behandeling({ vergaderdatum: '2026-05-12', aantalInsprekers: 3 })],
      status: 'satisfied',
      nl: [/2026-05-12/, /Statencommissie Omgeving/, /3 insprekers/],
      evidenceIds: ['cb-1'],
    },
    {
      name: 'meeting today (boundary): satisfied',
      evidence: () => [behandeling({ vergaderdatum: '2026-06-15' })],
      status: 'satisfied',
    },
    {
      name: 'meeting tomorrow: not yet held',
      evidence: () => [behandeling({ vergaderdatum: '2026-06-16' })],
      status: 'unsatisfied',
      nl: [/2026-06-16 heeft nog niet plaatsgevonden/, /vandaag is 2026-06-15/],
    },
    {
      name: 'reason for not putting it on the agenda',
      evidence: () => [behandeling({ nietGeagendeerdReden: 'Commissie zag geen aanleiding' })],
      status: 'satisfied',
      nl: [/niet in een Statencommissie geagendeerd; reden: Commissie zag geen aanleiding/],
    },
    {
      name: 'neither date nor reason',
      evidence: () => [behandeling({})],
      status: 'unsatisfied',
      nl: [/zonder vergaderdatum en zonder reden/],
    },
    {
      name: 'a committee debate on the proposal does not count',
      evidence: () => [behandeling({ onderwerp: 'voorstel', vergaderdatum: '2026-05-12' })],
      status: 'unsatisfied',
    },
  ]);
});

describe('G2-07 startnotitieGepubliceerd', () => {
  run(startnotitieGepubliceerd, [
    { name: 'not published', evidence: () => [], status: 'unsatisfied', nl: [/niet als PS-stuk gepubliceerd/] },
    {
      name: 'published on the Drents Parlement website',
      evidence: () => [
        rec(
          'publicatie',
          { onderwerp: 'startnotitie', kanaal: 'website-drents-parlement', url: 'https://www.drentsparlement.nl/sn', publishedOn: '2026-03-06' },
          { id: 'pub-1' },
        ),
      ],
      status: 'satisfied',
      nl: [/2026-03-06/, /website-drents-parlement/],
      evidenceIds: ['pub-1'],
    },
    {
      name: 'another publication does not count',
      evidence: () => [rec('publicatie', { onderwerp: 'gs-voorstel', kanaal: 'website-provincie', publishedOn: '2026-03-06' })],
      status: 'unsatisfied',
    },
  ]);
});

describe('G2-08 jongerenraadDrentsPanelOverwogen', () => {
  run(jongerenraadDrentsPanelOverwogen, [
    { name: 'not considered', evidence: () => [], status: 'unsatisfied', nl: [/Jongerenraad en het Drents Panel/, /jongerenraad-drents-panel/] },
    {
      name: 'considered (yes)',
      evidence: () => [rec('checkvraag', { vraag: 'jongerenraad-drents-panel', antwoord: true, toelichting: 'Peiling in juni' }, { id: 'q-j' })],
      status: 'satisfied',
      nl: [/ja — Peiling in juni/],
      evidenceIds: ['q-j'],
    },
  ]);
});

describe('G2-09 inspraakbesluitGs', () => {
  const besluit = (inspraak: boolean, awb34VanToepassing: boolean, motivering = 'Raakt veel inwoners') =>
    rec('procedure', { stap: 'inspraakbesluit', inspraak, awb34VanToepassing, motivering, gsBesluitKenmerk: 'GS-2026-55' }, { id: 'ib-1' });
  run(inspraakbesluitGs, [
    { name: 'no decision', evidence: () => [], status: 'unsatisfied', nl: [/inspraakbesluit/, /motivering/] },
    {
      name: 'decision without reasons',
      evidence: () => [besluit(true, false, '  ')],
      status: 'unsatisfied',
      nl: [/ib-1/, /mist de motivering/],
      evidenceIds: ['ib-1'],
    },
    {
      name: 'inspraak granted: Awb 3.4 follows',
      evidence: () => [besluit(true, false)],
      status: 'satisfied',
      nl: [/GS-2026-55/, /inspraak ja/, /uniforme openbare voorbereidingsprocedure \(afdeling 3.4 Awb\)/, /zes weken voor zienswijzen/],
      evidenceIds: ['ib-1'],
    },
    {
      name: 'Awb 3.4 by law without inspraak: Awb 3.4 follows',
      evidence: () => [besluit(false, true)],
      status: 'satisfied',
      nl: [/inspraak nee/, /afdeling 3.4 Awb\)/],
    },
    {
      name: 'no inspraak: no procedure follows',
      evidence: () => [besluit(false, false)],
      status: 'satisfied',
      nl: [/geen inspraakprocedure/],
      notNl: [/zienswijzen/],
    },
  ]);
});

describe('G2-10 kennisgevingParticipatieProjectbesluit', () => {
  const projectbesluit = () => rec('classificatie', { instrumentType: 'projectbesluit', reden: 'intake' });
  const kennisgeving = (datum: string, prbId = 'prb-2026-1234', verkenningStartOn = '2026-04-01') =>
    rec('procedure', { stap: 'kennisgeving-participatie', datum, prbId, verkenningStartOn }, { id: `kg-${datum}` });
  run(kennisgevingParticipatieProjectbesluit, [
    {
      name: 'not a projectbesluit: not applicable',
      evidence: () => [rec('classificatie', { instrumentType: 'programma', reden: 'intake' })],
      status: 'not-applicable',
    },
    {
      name: 'no notice',
      evidence: () => [projectbesluit()],
      status: 'unsatisfied',
      nl: [/geen kennisgeving participatie/, /uiterlijk bij de start van de verkenning/],
    },
    {
      name: 'published before the verkenning',
      evidence: () => [projectbesluit(), kennisgeving('2026-03-20')],
      status: 'satisfied',
      nl: [/2026-03-20 \(prb-2026-1234\)/],
      evidenceIds: ['kg-2026-03-20'],
    },
    {
      name: 'published on the start day (boundary): satisfied',
      evidence: () => [projectbesluit(), kennisgeving('2026-04-01')],
      status: 'satisfied',
    },
    {
      name: 'published the day after the start: unsatisfied',
      evidence: () => [projectbesluit(), kennisgeving('2026-04-02')],
      status: 'unsatisfied',
      nl: [/op 2026-04-02 gepubliceerd, na de start van de verkenning op 2026-04-01/],
      evidenceIds: ['kg-2026-04-02'],
    },
    {
      name: 'not a Provinciaal blad id',
      evidence: () => [projectbesluit(), kennisgeving('2026-03-20', 'blad 12')],
      status: 'unsatisfied',
      nl: [/'blad 12' is geen Provinciaal blad-nummer/],
    },
  ]);
});

// Issue #11: not-applicable texts true to the facts, impossible dates, the waiver interplay, level per phase.
describe('G2-01 dates and not-applicable texts (issue #11)', () => {
  run(startnotitieMetParticipatieparagraaf, [
    {
      name: 'not strategic: the text says the topic is not strategic',
      evidence: () => [strategisch(false)],
      status: 'not-applicable',
      nl: [/Niet van toepassing: het onderwerp is niet strategisch \(motivering: test\)/],
      notNl: [/het onderwerp is strategisch/],
    },
    {
      name: 'strategic flag unset: the text says it is not yet recorded',
      evidence: () => [],
      status: 'not-applicable',
      nl: [/er is nog niet vastgelegd of het onderwerp strategisch is \(G1-03\)/],
    },
    {
      name: 'adopted by GS in 2099: a future adoption does not count',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: '2099-01-01', verzondenAanPsOn: '2026-03-05' })],
      status: 'unsatisfied',
      nl: [/'2099-01-01' is een datum na vandaag \(2026-06-15\)/],
    },
    {
      name: 'sent to PS "binnenkort": no date is no dispatch',
      evidence: () => [strategisch(), startnotitie({ verzondenAanPsOn: 'binnenkort' })],
      status: 'unsatisfied',
      nl: [/'binnenkort' is geen datum/],
    },
    {
      name: 'sent to PS in 2099',
      evidence: () => [strategisch(), startnotitie({ verzondenAanPsOn: '2099-12-31' })],
      status: 'unsatisfied',
      nl: [/verzending aan PS die heeft plaatsgevonden/],
    },
    {
      name: 'sent to PS before GS adopted it',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: '2026-03-05', verzondenAanPsOn: '2026-03-03' })],
      status: 'unsatisfied',
      nl: [/verzending aan PS na de vaststelling door GS \(verzonden op 2026-03-03, vastgesteld op 2026-03-05\)/],
    },
    {
      name: 'a paragraph {doel: ""} is no participatieparagraaf',
      evidence: () => [strategisch(), startnotitie({ participatieparagraaf: { doel: '' } })],
      status: 'unsatisfied',
      nl: [/participatieparagraaf met inhoud/],
    },
  ]);
});

describe('G2-02 waiver interplay and level per target group per phase (issue #11)', () => {
  const waiverG201 = (status: 'approved' | 'used' | 'requested' | 'rejected') => ({
    id: 'w-201',
    requirementId: 'G2-01',
    reasonCode: 'spoed',
    motivation: 'Wettelijke termijn',
    requestedBy: 'u-1',
    approvedBy: status === 'requested' ? null : 'u-7',
    status,
  });
  run(participatieparagraafVolledig, [
    {
      name: 'strategic, G2-01 waiver approved: not applicable, and the text names the waiver',
      evidence: () => [strategisch()],
      opts: { waivers: [waiverG201('approved')] },
      status: 'not-applicable',
      nl: [/G2-01\) is een vrijstelling verleend \(w-201, redencode spoed\)/],
    },
    {
      name: 'strategic, G2-01 waiver used at the transition: still not applicable',
      evidence: () => [strategisch()],
      opts: { waivers: [waiverG201('used')] },
      status: 'not-applicable',
    },
    {
      name: 'strategic, G2-01 waiver only requested: still applies',
      evidence: () => [strategisch()],
      opts: { waivers: [waiverG201('requested')] },
      status: 'unsatisfied',
    },
    {
      name: 'strategic, G2-01 waiver rejected: still applies',
      evidence: () => [strategisch()],
      opts: { waivers: [waiverG201('rejected')] },
      status: 'unsatisfied',
    },
    {
      name: 'not strategic and no paragraph: the text says both',
      evidence: () => [strategisch(false)],
      status: 'not-applicable',
      nl: [/het onderwerp is niet strategisch \(motivering: test\), en er is geen participatieparagraaf vastgelegd/],
    },
    {
      name: 'a level per target group in one phase, instruments planned in another phase: the other phase lacks levels',
      evidence: () => [
        strategisch(),
        startnotitie({
          participatieparagraaf: {
            ...PLAN,
            instrumenten: [...PLAN.instrumenten!, { instrumentId: 'drents-panel', fase: 'kaderstelling-besluitvorming' }],
          },
        }),
      ],
      status: 'unsatisfied',
      nl: [/niveau voor doelgroep 'inwoners' in fase kaderstelling-besluitvorming en doelgroep 'jongeren' in fase kaderstelling-besluitvorming/],
      notNl: [/in fase ontwikkeling-voorstel/],
    },
    {
      name: 'a level per target group per phase for every planned phase: satisfied',
      evidence: () => [
        strategisch(),
        startnotitie({
          participatieparagraaf: {
            ...PLAN,
            niveaus: [
              ...PLAN.niveaus!,
              { doelgroep: 'inwoners', fase: 'kaderstelling-besluitvorming', niveau: 'informeren' },
              { doelgroep: 'jongeren', fase: 'kaderstelling-besluitvorming', niveau: 'informeren' },
            ],
            instrumenten: [...PLAN.instrumenten!, { instrumentId: 'drents-panel', fase: 'kaderstelling-besluitvorming' }],
          },
        }),
      ],
      status: 'satisfied',
      nl: [/niveau per doelgroep per fase/],
    },
    {
      name: 'a level with an empty target group is no level',
      evidence: () => [
        rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: { ...PLAN, niveaus: [{ doelgroep: '', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' }] } }),
      ],
      status: 'unsatisfied',
      nl: [/niveau per doelgroep per fase/],
    },
  ]);
});

describe('G2-10 dates and not-applicable texts (issue #11)', () => {
  run(kennisgevingParticipatieProjectbesluit, [
    {
      name: 'instrument type programma: the text names it',
      evidence: () => [rec('classificatie', { instrumentType: 'programma', reden: 'intake' })],
      status: 'not-applicable',
      nl: [/Niet van toepassing: het instrumenttype is programma, geen projectbesluit/],
      notNl: [/het instrumenttype is projectbesluit/],
    },
    {
      name: 'instrument type not recorded: the text says so',
      evidence: () => [],
      status: 'not-applicable',
      nl: [/het instrumenttype is nog niet vastgelegd \(G1-04\)/],
    },
    {
      name: 'notice dated in 2099: has not appeared yet',
      evidence: () => [
        rec('classificatie', { instrumentType: 'projectbesluit', reden: 'intake' }),
        rec('procedure', { stap: 'kennisgeving-participatie', datum: '2099-01-01', prbId: 'prb-2099-1', verkenningStartOn: '2099-02-01' }),
      ],
      status: 'unsatisfied',
      nl: [/publicatiedatum 2099-01-01 ligt na vandaag/],
    },
  ]);
});

// Issue #17: the cases mutation testing showed missing — each row pins one fact a wrong rule would get wrong.
describe('G2-01: which startnotitie, which adoption, which dates count (issue #17)', () => {
  const gsBesluit = (onderwerp: 'startnotitie' | 'kaders-hoofdlijnen', id = 'gs-1') =>
    rec('besluit', { orgaan: 'GS', onderwerp, kenmerk: 'GS-2026-101', besluitdatum: '2026-03-02' }, { id });
  run(startnotitieMetParticipatieparagraaf, [
    {
      name: 'complete startnotitie: the outcome rests on the startnotitie alone, and says so in English too',
      evidence: () => [strategisch(), startnotitie()],
      status: 'satisfied',
      en: [/adopted by GS on 2026-03-03 and sent to PS on 2026-03-05\.$/],
      evidenceExactly: ['sn-1'],
    },
    {
      name: 'adopted and sent to PS today (boundary): satisfied',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: '2026-06-15', verzondenAanPsOn: '2026-06-15' })],
      status: 'satisfied',
    },
    {
      name: 'an adoption date that is no calendar date (30 February) is no adoption',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: '2026-02-30' })],
      status: 'unsatisfied',
      nl: [/'2026-02-30' is geen datum/],
    },
    {
      name: 'only the adoption missing: names the missing adoption, not a date in the future',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: undefined })],
      status: 'unsatisfied',
      nl: [/ontbreekt de vaststelling door GS \(datum vastgesteldDoorGsOn/],
      en: [/lacks the adoption by GS/],
    },
    {
      name: 'adopted in 2099 and sent before: only the future adoption is named, not the order of the dates',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: '2099-01-01', verzondenAanPsOn: '2026-03-05' })],
      status: 'unsatisfied',
      notNl: [/verzending aan PS na de vaststelling/],
    },
    {
      name: 'a GS-voorstel with a participatieparagraaf is no startnotitie',
      evidence: () => [
        strategisch(),
        rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: PLAN, vastgesteldDoorGsOn: '2026-03-03', verzondenAanPsOn: '2026-03-05' }),
      ],
      status: 'unsatisfied',
      nl: [/geen startnotitie vastgelegd/],
    },
    {
      name: 'a GS besluit about another subject is no adoption of the startnotitie',
      evidence: () => [strategisch(), startnotitie({ vastgesteldDoorGsOn: undefined }), gsBesluit('kaders-hoofdlijnen')],
      status: 'unsatisfied',
      nl: [/vaststelling door GS/],
    },
    {
      name: 'no startnotitie but a GS besluit about one: the outcome rests on that besluit',
      evidence: () => [strategisch(), gsBesluit('startnotitie')],
      status: 'unsatisfied',
      nl: [/geen startnotitie vastgelegd/],
      evidenceExactly: ['gs-1'],
    },
    {
      name: 'no startnotitie and no besluit: the outcome rests on nothing',
      evidence: () => [strategisch()],
      status: 'unsatisfied',
      evidenceExactly: [],
    },
    {
      name: 'a complete startnotitie counts when a later one is incomplete',
      evidence: () => [strategisch(), startnotitie({}, 'sn-1'), startnotitie({ participatieparagraaf: undefined }, 'sn-2')],
      status: 'satisfied',
      evidenceExactly: ['sn-1'],
    },
    {
      name: 'of two startnotities with as many gaps, the latest is named',
      evidence: () => [strategisch(), startnotitie({ verzondenAanPsOn: undefined }, 'sn-1'), startnotitie({ verzondenAanPsOn: undefined }, 'sn-2')],
      status: 'unsatisfied',
      nl: [/\(sn-2\) ontbreekt de datum van verzending aan PS/],
      en: [/\(sn-2\) lacks the date it was sent to PS/],
      notNl: [/sn-1/],
    },
  ]);
});

describe('G2-02: which documents hold the paragraph, and each field (issue #17)', () => {
  const gsVoorstel = (p: ParticipatieparagraafPlan | undefined, id = 'gv-1') =>
    rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: p }, { id });
  const approvedG201 = { id: 'w-201', requirementId: 'G2-01', reasonCode: 'spoed', motivation: 'Wettelijke termijn', requestedBy: 'u-1', approvedBy: 'u-7', status: 'approved' as const };
  run(participatieparagraafVolledig, [
    {
      name: 'not strategic, a document without a paragraph: not applicable',
      evidence: () => [strategisch(false), rec('document', { documentType: 'ontwerpbesluit', titel: 'Ontwerpbesluit' })],
      status: 'not-applicable',
    },
    {
      name: 'strategic with G2-01 waived: not applicable, even when a paragraph is recorded',
      evidence: () => [strategisch(), gsVoorstel({ ...PLAN, doel: undefined })],
      opts: { waivers: [approvedG201] },
      status: 'not-applicable',
      nl: [/vrijstelling verleend/],
    },
    {
      name: 'not strategic with a G2-01 waiver: the text says the topic is not strategic',
      evidence: () => [strategisch(false)],
      opts: { waivers: [approvedG201] },
      status: 'not-applicable',
      nl: [/het onderwerp is niet strategisch/],
      notNl: [/vrijstelling/],
    },
    {
      name: 'strategic, no paragraph: lists all fields in English too',
      evidence: () => [strategisch()],
      status: 'unsatisfied',
      en: [/Record it with: goal \(doel\), target groups/],
    },
    {
      name: 'target groups that are blank are no target groups',
      evidence: () => [gsVoorstel({ ...PLAN, doelgroepen: ['', ' '] })],
      status: 'unsatisfied',
      nl: [/mist: doelgroepen\.$/],
      en: [/lacks: target groups \(doelgroepen\)\.$/],
    },
    {
      name: 'an instrument without a phase is no instrument per phase',
      evidence: () => [gsVoorstel({ ...PLAN, instrumenten: [{ instrumentId: 'keukentafelgesprekken', fase: '' as never }] })],
      status: 'unsatisfied',
      nl: [/mist: instrumenten \(per fase\)\.$/],
    },
    {
      name: 'a target group without levels: its phases are listed in the order of the phases',
      evidence: () => [
        gsVoorstel({
          ...PLAN,
          niveaus: [
            { doelgroep: 'inwoners', fase: 'kaderstelling-besluitvorming', niveau: 'informeren' },
            { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
          ],
          instrumenten: [],
        }),
      ],
      status: 'unsatisfied',
      nl: [/doelgroep 'jongeren' in fase ontwikkeling-voorstel en doelgroep 'jongeren' in fase kaderstelling-besluitvorming/],
      en: [/level for target group 'jongeren' in phase ontwikkeling-voorstel and target group 'jongeren' in phase kaderstelling-besluitvorming/],
    },
    {
      name: 'a structured paragraph counts over a later plan document without fields',
      evidence: () => [gsVoorstel(PLAN), rec('document', { documentType: 'participatieparagraaf-plan', titel: 'Plan (pdf)' }, { id: 'pp-1' })],
      status: 'satisfied',
      evidenceExactly: ['gv-1'],
    },
  ]);
});

describe('G2-03, G2-05, G2-08: the answers and decisions that count (issue #17)', () => {
  run(checkvraagInwonersinitiatief, [
    {
      name: 'answered: the explanation starts with the question, capitalised, in both languages',
      evidence: () => [rec('checkvraag', { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Energiecoöperaties' })],
      status: 'satisfied',
      nl: [/^Checkvraag 'ruimte voor een inwonersinitiatief\?': ja — Energiecoöperaties\.$/],
      en: [/^Check question 'room for a residents' initiative\?': yes — Energiecoöperaties\.$/],
    },
  ]);
  run(kadersOpHoofdlijnen, [
    {
      name: 'a PS decision about another subject is no framework decision',
      evidence: () => [rec('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'PS-2026-9', besluitdatum: '2026-04-01' })],
      status: 'unsatisfied',
    },
    {
      name: 'recorded as not needed: the outcome rests on the answer',
      evidence: () => [rec('checkvraag', { vraag: 'kaders-ps-nodig', antwoord: false, toelichting: '' }, { id: 'q-k' })],
      status: 'satisfied',
      evidenceExactly: ['q-k'],
    },
  ]);
  run(jongerenraadDrentsPanelOverwogen, [
    {
      name: 'considered without an explanation: satisfied (only an answer is asked)',
      evidence: () => [rec('checkvraag', { vraag: 'jongerenraad-drents-panel', antwoord: false, toelichting: '' })],
      status: 'satisfied',
      nl: [/Drents Panel: nee\.$/],
    },
  ]);
});

describe('G2-06: which committee meetings count (issue #17)', () => {
  const behandeling = (over: { vergaderdatum?: string; nietGeagendeerdReden?: string; aantalInsprekers?: number }) =>
    rec('procedure', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Omgeving', ...over }, { id: 'cb-1' });
  run(insprekenOpStartnotitie, [
    {
      name: 'nothing recorded: asks for the meeting, does not speak of a recorded handling',
      evidence: () => [],
      status: 'unsatisfied',
      nl: [/^Niet vastgelegd dat inwoners op de startnotitie konden inspreken/],
    },
    {
      name: 'a meeting date that is no calendar date (30 February) is no meeting',
      evidence: () => [behandeling({ vergaderdatum: '2026-02-30' })],
      status: 'unsatisfied',
      nl: [/zonder vergaderdatum en zonder reden/],
      evidenceExactly: ['cb-1'],
    },
    {
      name: 'one speaker: singular',
      evidence: () => [behandeling({ vergaderdatum: '2026-05-12', aantalInsprekers: 1 })],
      status: 'satisfied',
      nl: [/\(1 inspreker\)\.$/],
      en: [/on 2026-05-12 \(1 speakers\)\.$/],
      evidenceExactly: ['cb-1'],
    },
    {
      name: 'no number of speakers: none is mentioned',
      evidence: () => [behandeling({ vergaderdatum: '2026-06-15' })],
      status: 'satisfied',
      nl: [/Omgeving\.$/],
      en: [/the Statencommissie Omgeving on 2026-06-15\.$/],
    },
    {
      name: 'the reason it was not on an agenda: the outcome rests on it, in both languages',
      evidence: () => [behandeling({ nietGeagendeerdReden: 'Commissie zag geen aanleiding' })],
      status: 'satisfied',
      en: [/reason: Commissie zag geen aanleiding\.$/],
      evidenceExactly: ['cb-1'],
    },
    {
      name: 'a meeting tomorrow: the outcome rests on the planned meeting, in both languages',
      evidence: () => [behandeling({ vergaderdatum: '2026-06-16' })],
      status: 'unsatisfied',
      en: [/meeting on the startnotitie on 2026-06-16 has not taken place yet/],
      evidenceExactly: ['cb-1'],
    },
  ]);
});

describe('G2-09, G2-10: incomplete decisions and notices (issue #17)', () => {
  const projectbesluit = () => rec('classificatie', { instrumentType: 'projectbesluit', reden: 'intake' });
  const kennisgeving = (over: Record<string, unknown>) =>
    rec('procedure', { stap: 'kennisgeving-participatie', datum: '2026-03-20', prbId: 'prb-2026-1234', verkenningStartOn: '2026-04-01', ...over } as never, { id: 'kg-1' });
  run(inspraakbesluitGs, [
    {
      name: 'a decision without inspraak yes/no and without Awb 3.4: names both, in both languages',
      evidence: () => [rec('procedure', { stap: 'inspraakbesluit', motivering: 'Raakt veel inwoners' } as never)],
      status: 'unsatisfied',
      nl: [/mist inspraak ja\/nee en of afdeling 3\.4 Awb van rechtswege van toepassing is\.$/],
      en: [/lacks inspraak yes\/no and whether Awb division 3\.4 applies by law\.$/],
    },
  ]);
  run(kennisgevingParticipatieProjectbesluit, [
    {
      name: 'instrument type not recorded: not known to be a projectbesluit',
      evidence: () => [],
      status: 'not-applicable',
      nl: [/dus het is niet bekend als projectbesluit/],
    },
    {
      name: 'instrument type none: no Omgevingswet instrument',
      evidence: () => [rec('classificatie', { instrumentType: 'none', reden: 'intake' })],
      status: 'not-applicable',
      nl: [/geen instrument van de Omgevingswet/],
    },
    {
      name: 'a notice without a Provinciaal blad id',
      evidence: () => [projectbesluit(), kennisgeving({ prbId: '' })],
      status: 'unsatisfied',
      nl: [/voldoet niet: het Provinciaal blad-nummer \(prbId\) ontbreekt\.$/],
      en: [/does not comply: the Provinciaal blad id \(prbId\) is missing\.$/],
    },
    {
      name: 'a publication date that is no calendar date: names only that',
      evidence: () => [projectbesluit(), kennisgeving({ datum: '2026-13-01' })],
      status: 'unsatisfied',
      nl: [/voldoet niet: de publicatiedatum ontbreekt of is ongeldig\.$/],
    },
    {
      name: 'a verkenning start that is no calendar date: names only that',
      evidence: () => [projectbesluit(), kennisgeving({ verkenningStartOn: '2026-02-30' })],
      status: 'unsatisfied',
      nl: [/voldoet niet: de startdatum van de verkenning ontbreekt of is ongeldig\.$/],
    },
    {
      name: 'published today, the verkenning starting today (boundary): satisfied',
      evidence: () => [projectbesluit(), kennisgeving({ datum: '2026-06-15', verkenningStartOn: '2026-06-15' })],
      status: 'satisfied',
    },
  ]);
});

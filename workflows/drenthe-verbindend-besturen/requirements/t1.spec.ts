import { ClassificatieData } from '../../evidence';
import { rec } from '../../testing/facts-builder';
import { runCases as run } from '../../testing/requirement-table';
import {
  agenderingsrechtVoorwaarden,
  besluitvormingGeclassificeerd,
  herkomstVastgelegd,
  initiatiefAangekondigdEnInstrumentenUitgelegd,
  signaalGedeeldMetPs,
  stakeholderinventarisatieGestart,
  strategischGemotiveerd,
  T1_REQUIREMENTS,
} from './t1';


const klas = (data: Omit<ClassificatieData, 'reden'>, id?: string) => rec('classificatie', { reden: 'intake', ...data }, { id });

describe('T1_REQUIREMENTS', () => {
  it('lists G1-01 … G1-07 in brief order with the brief’s severity and waivability', () => {
    expect(T1_REQUIREMENTS.map((r) => [r.id, r.transition, r.severity, r.waivable, r.origin.kind])).toEqual([
      ['G1-01', 'T1', 'hard', true, 'seed'],
      ['G1-02', 'T1', 'hard', false, 'law'],
      ['G1-03', 'T1', 'hard', true, 'seed'],
      ['G1-04', 'T1', 'hard', false, 'data'],
      ['G1-05', 'T1', 'advisory', false, 'seed'],
      ['G1-06', 'T1', 'advisory', false, 'seed'],
      ['G1-07', 'T1', 'advisory', false, 'practice'],
    ]);
    for (const r of T1_REQUIREMENTS) expect(r.events).toEqual(['ADVANCE']);
  });
});

describe('G1-01 herkomstVastgelegd', () => {
  run(herkomstVastgelegd, [
    { name: 'no origin: unsatisfied', evidence: () => [], status: 'unsatisfied', nl: [/herkomst van het dossier is niet vastgelegd/, /ps-motie/] },
    {
      name: 'origin with source: satisfied',
      evidence: () => [klas({ herkomst: 'ps-motie', herkomstBron: 'Motie M-2026-12' }, 'c-1')],
      status: 'satisfied',
      nl: [/ps-motie \(bron: Motie M-2026-12\)/],
      evidenceIds: ['c-1'],
    },
    {
      name: 'origin without source: satisfied, says the source is absent',
      evidence: () => [klas({ herkomst: 'signaal-samenleving' })],
      status: 'satisfied',
      nl: [/signaal-samenleving/, /herkomstBron/, /volstaat/],
    },
    {
      name: 'a later record without herkomst keeps it',
      evidence: () => [klas({ herkomst: 'gs-initiatief' }, 'c-2'), klas({ strategisch: true })],
      status: 'satisfied',
      evidenceIds: ['c-2'],
    },
  ]);
});

describe('G1-02 agenderingsrechtVoorwaarden', () => {
  const herkomst = () => klas({ herkomst: 'agenderingsrecht' });
  const verzoek = (over: Partial<{ ingediendOn: string; geldigeOndersteuners: number; binnenBevoegdheidPs: boolean; vorigeAgenderingOn: string; nieuweFeiten: boolean }> = {}) =>
    rec(
      'procedure',
      { stap: 'agenderingsverzoek', ingediendOn: '2025-03-10', geldigeOndersteuners: 412, binnenBevoegdheidPs: true, ...over },
      { id: 'v-1' },
    );
  const presidium = (besluitdatum: string) =>
    rec('besluit', { orgaan: 'Presidium', onderwerp: 'agendering', kenmerk: 'PR-2025-4', besluitdatum }, { id: `p-${besluitdatum}` });

  run(agenderingsrechtVoorwaarden, [
    {
      name: 'other origin: not applicable, and the text names the origin (issue #11)',
      evidence: () => [klas({ herkomst: 'ps-motie' })],
      status: 'not-applicable',
      nl: [/Niet van toepassing: het dossier komt niet via het agenderingsrecht binnen \(herkomst: ps-motie\)/],
      notNl: [/de herkomst is agenderingsrecht/],
    },
    { name: 'origin not recorded: the text says it is not known', evidence: () => [], status: 'not-applicable', nl: [/de herkomst van het dossier is nog niet vastgelegd \(G1-01\)/] },
    {
      name: 'all conditions met: satisfied',
      evidence: () => [herkomst(), verzoek(), presidium('2025-05-01')],
      status: 'satisfied',
      nl: [/412 geldige ondersteuners/, /2025-05-01/],
      evidenceIds: ['v-1', 'p-2025-05-01'],
    },
    {
      name: 'Presidium decision on the last day of the year (boundary): satisfied',
      evidence: () => [herkomst(), verzoek(), presidium('2026-03-09')],
      status: 'satisfied',
      nl: [/open tot en met 2026-03-09/],
    },
    {
      name: 'Presidium decision one day after the year: unsatisfied',
      evidence: () => [herkomst(), verzoek(), presidium('2026-03-10')],
      status: 'unsatisfied',
      nl: [/Presidiumbesluit PR-2025-4 van 2026-03-10 ligt na het einde van de termijn/, /open tot en met 2026-03-09/],
      evidenceIds: ['p-2026-03-10'],
    },
    {
      name: 'Presidium decision before the submission: unsatisfied',
      evidence: () => [herkomst(), verzoek(), presidium('2025-03-01')],
      status: 'unsatisfied',
      nl: [/vóór de indiening/],
    },
    {
      name: '399 supporters: unsatisfied',
      evidence: () => [herkomst(), verzoek({ geldigeOndersteuners: 399 }), presidium('2025-05-01')],
      status: 'unsatisfied',
      nl: [/399 geldige ondersteuningsverklaringen/, /minstens 400/, /1 tekort/],
      notNl: [/bevoegdheid/, /Presidium/],
    },
    {
      name: '400 supporters (threshold): satisfied',
      evidence: () => [herkomst(), verzoek({ geldigeOndersteuners: 400 }), presidium('2025-05-01')],
      status: 'satisfied',
    },
    {
      name: 'outside PS competence: unsatisfied',
      evidence: () => [herkomst(), verzoek({ binnenBevoegdheidPs: false }), presidium('2025-05-01')],
      status: 'unsatisfied',
      nl: [/niet binnen de bevoegdheid van Provinciale Staten/],
    },
    {
      name: 'on the PS agenda within two years, no new facts: unsatisfied',
      evidence: () => [herkomst(), verzoek({ vorigeAgenderingOn: '2024-01-15' }), presidium('2025-05-01')],
      status: 'unsatisfied',
      nl: [/stond op 2024-01-15 op de agenda van PS/, /twee jaar/, /geen nieuwe feiten/],
    },
    {
      name: 'on the PS agenda within two years, with new facts: satisfied',
      evidence: () => [herkomst(), verzoek({ vorigeAgenderingOn: '2024-01-15', nieuweFeiten: true }), presidium('2025-05-01')],
      status: 'satisfied',
    },
    {
      name: 'previous agendering exactly two years before (boundary): satisfied',
      evidence: () => [herkomst(), verzoek({ vorigeAgenderingOn: '2023-03-10' }), presidium('2025-05-01')],
      status: 'satisfied',
    },
    {
      name: 'no request recorded: unsatisfied',
      evidence: () => [herkomst(), presidium('2025-05-01')],
      status: 'unsatisfied',
      nl: [/geen agenderingsverzoek vastgelegd/],
    },
    {
      name: 'no Presidium decision and the year has passed: unsatisfied, says it expired',
      evidence: () => [herkomst(), verzoek()],
      status: 'unsatisfied',
      nl: [/geen besluit van het Presidium/, /op 2026-03-09 verlopen/],
    },
    {
      name: 'no Presidium decision yet, still open: unsatisfied, says until when',
      evidence: () => [herkomst(), verzoek({ ingediendOn: '2026-02-01' })],
      status: 'unsatisfied',
      nl: [/geen besluit van het Presidium/, /staat open tot en met 2027-01-31/],
    },
  ]);
});

describe('G1-03 strategischGemotiveerd', () => {
  run(strategischGemotiveerd, [
    {
      name: 'nothing recorded: unsatisfied',
      evidence: () => [],
      status: 'unsatisfied',
      nl: [/vlag 'strategisch'/, /motivering/, /G2-01/],
    },
    {
      name: 'flag without motivation: unsatisfied',
      evidence: () => [klas({ strategisch: true })],
      status: 'unsatisfied',
      nl: [/motivering van één regel/],
      notNl: [/vlag/],
    },
    {
      name: 'motivation without flag: unsatisfied',
      evidence: () => [klas({ strategischMotivatie: 'Raakt de hele provincie' })],
      status: 'unsatisfied',
      nl: [/vlag 'strategisch'/],
      notNl: [/motivering/],
    },
    {
      name: 'flag and motivation in separate records: satisfied',
      evidence: () => [klas({ strategisch: true }, 's-1'), klas({ strategischMotivatie: 'Raakt de hele provincie' }, 's-2')],
      status: 'satisfied',
      nl: [/Onderwerp strategisch: Raakt de hele provincie/],
      evidenceIds: ['s-1', 's-2'],
    },
    {
      name: 'not strategic, motivated: satisfied',
      evidence: () => [klas({ strategisch: false, strategischMotivatie: 'Technische aanpassing' })],
      status: 'satisfied',
      nl: [/niet strategisch/],
    },
  ]);
});

describe('G1-04 besluitvormingGeclassificeerd', () => {
  run(besluitvormingGeclassificeerd, [
    {
      name: 'nothing recorded: names all three',
      evidence: () => [],
      status: 'unsatisfied',
      nl: [/besluitvormer \(PS of GS\)/, /besluittype/, /instrumenttype/],
    },
    {
      name: 'only instrument type missing',
      evidence: () => [klas({ besluitvormer: 'PS', besluittype: 'verordening' })],
      status: 'unsatisfied',
      nl: [/instrumenttype/],
      notNl: [/besluitvormer \(/, /besluittype \(/],
    },
    {
      name: 'all recorded: satisfied',
      evidence: () => [klas({ besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none' }, 'k-1')],
      status: 'satisfied',
      nl: [/Besluitvormer GS, besluittype beleidsregel, instrumenttype none/],
      evidenceIds: ['k-1'],
    },
  ]);
});

describe('G1-05 initiatiefAangekondigdEnInstrumentenUitgelegd', () => {
  const pub = (onderwerp: 'aankondiging-initiatief' | 'uitleg-instrumenten', id: string) =>
    rec('publicatie', { onderwerp, kanaal: 'website-provincie', url: 'https://www.provincie.drenthe.nl/x', publishedOn: '2026-02-01' }, { id });
  run(initiatiefAangekondigdEnInstrumentenUitgelegd, [
    {
      name: 'nothing published: both missing',
      evidence: () => [],
      status: 'unsatisfied',
      nl: [/aankondiging-initiatief/, /uitleg-instrumenten/],
    },
    {
      name: 'only the announcement: the explanation is missing',
      evidence: () => [pub('aankondiging-initiatief', 'p-1')],
      status: 'unsatisfied',
      nl: [/uitleg-instrumenten/],
      notNl: [/'aankondiging-initiatief'/],
      evidenceIds: ['p-1'],
    },
    {
      name: 'both: satisfied',
      evidence: () => [pub('aankondiging-initiatief', 'p-1'), pub('uitleg-instrumenten', 'p-2')],
      status: 'satisfied',
      nl: [/aangekondigd op 2026-02-01/],
      evidenceIds: ['p-1', 'p-2'],
    },
  ]);
});

describe('G1-06 signaalGedeeldMetPs', () => {
  run(signaalGedeeldMetPs, [
    { name: 'nothing recorded: unsatisfied', evidence: () => [], status: 'unsatisfied', nl: [/signaal-gedeeld-met-ps/, /griffie/] },
    {
      name: 'answered no (recording it is what counts): satisfied',
      evidence: () => [rec('checkvraag', { vraag: 'signaal-gedeeld-met-ps', antwoord: false, toelichting: 'Geen PS-onderwerp' }, { id: 'q-1' })],
      status: 'satisfied',
      nl: [/: nee: Geen PS-onderwerp/],
      evidenceIds: ['q-1'],
    },
    {
      name: 'feedback about the signal sent to the griffie: satisfied',
      evidence: () => [rec('terugkoppeling', { aan: 'griffie', onderwerp: 'signaal' }, { id: 't-1', occurredOn: '2026-02-03' })],
      status: 'satisfied',
      nl: [/op 2026-02-03 gedeeld met de griffie/],
      evidenceIds: ['t-1'],
    },
    {
      name: 'feedback about the signal to participants does not count',
      evidence: () => [rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'signaal' })],
      status: 'unsatisfied',
    },
    {
      name: 'feedback to PS on another subject does not count',
      evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' })],
      status: 'unsatisfied',
    },
  ]);
});

describe('G1-07 stakeholderinventarisatieGestart', () => {
  run(stakeholderinventarisatieGestart, [
    {
      name: 'stakeholder inventory recorded: satisfied',
      evidence: () => [rec('document', { documentType: 'stakeholderinventarisatie', titel: 'Belanghebbenden windenergie' }, { id: 's-1' })],
      status: 'satisfied',
      nl: [/Belanghebbenden windenergie/],
      evidenceIds: ['s-1'],
    },
    {
      name: 'another document does not count',
      evidence: () => [rec('document', { documentType: 'overig', titel: 'Lijst' })],
      status: 'unsatisfied',
      nl: [/stakeholderinventarisatie/, /hoe willen zij betrokken worden/],
    },
  ]);
});

// Issue #17: the cases mutation testing showed missing — each row pins one fact a wrong rule would get wrong.
describe('G1-02: dates, which decisions count, the window (issue #17)', () => {
  const herkomst = () => klas({ herkomst: 'agenderingsrecht' });
  const verzoek = (over: Record<string, unknown> = {}) =>
    rec('procedure', { stap: 'agenderingsverzoek', ingediendOn: '2025-03-10', geldigeOndersteuners: 412, binnenBevoegdheidPs: true, ...over } as never, { id: 'v-1' });
  const besluit = (orgaan: 'Presidium' | 'GS', onderwerp: 'agendering' | 'eindbesluit', besluitdatum = '2025-05-01') =>
    rec('besluit', { orgaan, onderwerp, kenmerk: 'PR-2025-4', besluitdatum }, { id: `p-${besluitdatum}` });
  run(agenderingsrechtVoorwaarden, [
    {
      name: 'all conditions met: the outcome rests on the request and the decision, in both languages',
      evidence: () => [herkomst(), verzoek(), besluit('Presidium', 'agendering')],
      status: 'satisfied',
      en: [/the Presidium decided on 2025-05-01 \(PR-2025-4\) to put it on the agenda within the window \(open through 2026-03-09\)\.$/],
      evidenceExactly: ['v-1', 'p-2025-05-01'],
    },
    {
      name: 'a Presidium decision on the day of submission (boundary): satisfied',
      evidence: () => [herkomst(), verzoek(), besluit('Presidium', 'agendering', '2025-03-10')],
      status: 'satisfied',
    },
    {
      name: 'a Presidium decision about another subject is no agendering',
      evidence: () => [herkomst(), verzoek(), besluit('Presidium', 'eindbesluit')],
      status: 'unsatisfied',
      nl: [/geen besluit van het Presidium om het voorstel te agenderen/],
    },
    {
      name: 'a GS decision to put it on the agenda is no Presidium decision',
      evidence: () => [herkomst(), verzoek(), besluit('GS', 'agendering')],
      status: 'unsatisfied',
      nl: [/geen besluit van het Presidium om het voorstel te agenderen/],
    },
    {
      name: '399 supporters: one short, in English too',
      evidence: () => [herkomst(), verzoek({ geldigeOndersteuners: 399 }), besluit('Presidium', 'agendering')],
      status: 'unsatisfied',
      en: [/^The agenderingsrecht conditions \(Verordening Agenderingsrecht Drenthe\) are not met: the request has 399 valid statements of support; .* \(1 short\)\.$/],
    },
    {
      name: 'a submission date that is no calendar date: no window, the decision is still named',
      evidence: () => [herkomst(), verzoek({ ingediendOn: '2025-02-30' }), besluit('Presidium', 'agendering')],
      status: 'unsatisfied',
      nl: [/de indieningsdatum van het verzoek ontbreekt of is geen geldige datum \('2025-02-30'\)\.$/],
      evidenceExactly: ['v-1', 'p-2025-05-01'],
    },
    {
      name: 'a previous agendering that is no calendar date',
      evidence: () => [herkomst(), verzoek({ vorigeAgenderingOn: '2024-13-01' }), besluit('Presidium', 'agendering')],
      status: 'unsatisfied',
      nl: [/de datum van de vorige agendering \('2024-13-01'\) is geen geldige datum\.$/],
    },
    {
      name: 'no decision, the window closing today (boundary): still open',
      evidence: () => [herkomst(), verzoek({ ingediendOn: '2025-06-16' })],
      status: 'unsatisfied',
      nl: [/het voorstel staat open tot en met 2026-06-15\.$/],
      en: [/the proposal is open through 2026-06-15\.$/],
    },
    {
      name: 'no decision, the window closed: says so in English too',
      evidence: () => [herkomst(), verzoek()],
      status: 'unsatisfied',
      en: [/the one-year window after submission expired on 2026-03-09\.$/],
    },
  ]);
});

describe('G1-03 … G1-06: what the outcome rests on, and the English texts (issue #17)', () => {
  run(strategischGemotiveerd, [
    {
      name: 'a later classification overrides an earlier one: the outcome rests on the latest',
      evidence: () => [klas({ strategisch: true, strategischMotivatie: 'Eerst' }, 'c-1'), klas({ strategisch: false, strategischMotivatie: 'Later' }, 'c-2')],
      status: 'satisfied',
      nl: [/^Onderwerp niet strategisch: Later\.$/],
      en: [/^Topic not strategic: Later\.$/],
      evidenceExactly: ['c-2'],
    },
    {
      name: 'flag without motivation: the English text names only the motivation',
      evidence: () => [klas({ strategisch: true })],
      status: 'unsatisfied',
      en: [/^Classification incomplete: the one-line motivation \(strategischMotivatie\) is missing\. /],
    },
  ]);
  run(besluitvormingGeclassificeerd, [
    {
      name: 'nothing recorded: the English text lists what is missing',
      evidence: () => [],
      status: 'unsatisfied',
      en: [/^Not yet recorded in the classification: \S.* and /],
    },
  ]);
  const pub = (onderwerp: 'aankondiging-initiatief' | 'uitleg-instrumenten', id: string, kanaal = 'website-provincie') =>
    rec('publicatie', { onderwerp, kanaal, publishedOn: '2026-02-01' } as never, { id });
  run(initiatiefAangekondigdEnInstrumentenUitgelegd, [
    {
      name: 'only the explanation: the announcement is missing, in both languages',
      evidence: () => [pub('uitleg-instrumenten', 'p-2')],
      status: 'unsatisfied',
      nl: [/^Ontbreekt: een openbare aankondiging van het initiatief/],
      en: [/^Missing: a public announcement of the initiative \(publicatie with onderwerp 'aankondiging-initiatief'\)\.$/],
    },
    {
      name: 'both: the channels are named, each once',
      evidence: () => [pub('aankondiging-initiatief', 'p-1'), pub('uitleg-instrumenten', 'p-2', 'sociale-media'), pub('uitleg-instrumenten', 'p-3', 'sociale-media')],
      status: 'satisfied',
      nl: [/^Initiatief aangekondigd op 2026-02-01 \(website-provincie\); instrumenten uitgelegd via sociale-media\.$/],
    },
  ]);
  const signaal = (aan: 'ps' | 'griffie') => rec('terugkoppeling', { aan, onderwerp: 'signaal' } as never, { id: 't-1', occurredOn: '2026-02-03' });
  const gedeeld = () => rec('checkvraag', { vraag: 'signaal-gedeeld-met-ps', antwoord: true, toelichting: 'Gemaild' }, { id: 'q-1' });
  run(signaalGedeeldMetPs, [
    {
      name: 'feedback about the signal sent to PS: satisfied, in both languages',
      evidence: () => [signaal('ps')],
      status: 'satisfied',
      nl: [/gedeeld met PS\.$/],
      en: [/^The signal was shared with PS on 2026-02-03\.$/],
      evidenceExactly: ['t-1'],
    },
    {
      name: 'feedback to the griffie and the answer: the outcome rests on both',
      evidence: () => [signaal('griffie'), gedeeld()],
      status: 'satisfied',
      en: [/^The signal was shared with the griffie on 2026-02-03\.$/],
      evidenceExactly: ['t-1', 'q-1'],
    },
  ]);
});

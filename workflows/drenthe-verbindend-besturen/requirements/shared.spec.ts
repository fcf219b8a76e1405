/**
 * The helpers the requirement files share (issue #17: shared.ts is pinned by its own table, not only through the
 * requirements that happen to use it).
 */
import { ActiviteitData, ClassificatieData, DocumentType, EvidenceRecord, InstrumentType } from '../../evidence';
import { DossierFacts, WaiverFact } from '../../facts';
import { factsWith, rec } from '../../testing/facts-builder';
import {
  classifiedAs,
  commissieNaam,
  correctionChain,
  countNl,
  docRef,
  filled,
  grantedWaiver,
  happenedBy,
  instrumentNameOf,
  isProposal,
  isVerklaringInstrument,
  joinEn,
  joinNl,
  last,
  notStrategic,
  noUov,
  verklaringInstrumentApplies,
} from './shared';

const classified = (...data: Omit<ClassificatieData, 'reden'>[]) => factsWith(data.map((d) => rec('classificatie', { reden: 'intake', ...d })));
const document = (documentType: DocumentType, titel = 'Voorstel Zon op Drenthe', id = 'doc-1') =>
  factsWith([rec('document', { documentType, titel }, { id })]).documents[0];
const activity = (data: Partial<ActiviteitData>) =>
  factsWith([
    rec('activiteit', { instrumentId: 'atelier', organisator: 'GS', fase: 'voorbereiding-beleid', inwonersGericht: true, doelgroepen: ['jongeren'], startOn: '2026-03-02', status: 'uitgevoerd', ...data }),
  ]).activities[0];
const waiver = (requirementId: string, status: WaiverFact['status']): WaiverFact => ({
  id: `w-${requirementId}-${status}`,
  requirementId,
  reasonCode: 'other',
  motivation: 'Zie de toelichting.',
  requestedBy: 'u-1',
  approvedBy: status === 'requested' ? null : 'u-2',
  status,
});
const besluit = (id: string, supersedes?: string) =>
  rec('besluit', { orgaan: 'GS', onderwerp: 'eindbesluit', kenmerk: `BL 2026-${id}`, besluitdatum: '2026-06-10' }, { id, supersedes });

describe('filled', () => {
  it.each<[string, string | null | undefined, boolean]>([
    ['text', 'Bestuur', true],
    ['text with blanks around it', '  Bestuur ', true],
    ['an empty string', '', false],
    ['blanks only', ' \t ', false],
    ['null', null, false],
    ['undefined', undefined, false],
  ])('%s → %s', (_name, s, want) => expect(filled(s)).toBe(want));
});

describe('last, joinNl, joinEn, countNl', () => {
  it.each<[string, string[], string | undefined]>([
    ['the last of several', ['a', 'b', 'c'], 'c'],
    ['the only one', ['a'], 'a'],
    ['nothing of nothing', [], undefined],
  ])('last: %s', (_name, xs, want) => expect(last(xs)).toBe(want));

  it.each<[string[], string, string]>([
    [[], '', ''],
    [['a'], 'a', 'a'],
    [['a', 'b'], 'a en b', 'a and b'],
    [['a', 'b', 'c'], 'a, b en c', 'a, b and c'],
  ])('%j reads "%s" and "%s"', (xs, nl, en) => {
    expect(joinNl(xs)).toBe(nl);
    expect(joinEn(xs)).toBe(en);
  });

  it.each<[number, string]>([
    [0, '0 activiteiten'],
    [1, '1 activiteit'],
    [2, '2 activiteiten'],
  ])('countNl(%i) = %s', (n, want) => expect(countNl(n, 'activiteit', 'activiteiten')).toBe(want));
});

describe('happenedBy', () => {
  it.each<[string, string | undefined, boolean]>([
    ['a day before today', '2026-06-14', true],
    ['boundary: today itself', '2026-06-15', true],
    ['boundary: tomorrow has not happened', '2026-06-16', false],
    ['no date', undefined, false],
    ['an empty date', '', false],
    ['not a calendar date (30 February), although it sorts before today', '2026-02-30', false],
  ])('%s (%s)', (_name, date, want) => expect(happenedBy(date, '2026-06-15')).toBe(want));
});

describe('isProposal and docRef', () => {
  it.each<[DocumentType, boolean]>([
    ['gs-voorstel', true],
    ['statenvoorstel', true],
    ['ontwerpbesluit', true],
    ['beleidsvoorstel', true],
    ['startnotitie', false],
    ['stakeholderinventarisatie', false],
  ])('a %s is a proposal: %s', (type, want) => expect(isProposal(document(type))).toBe(want));

  it.each<[string, DocumentType, string]>([
    ['by its Dutch name', 'gs-voorstel', "GS-voorstel 'Voorstel Zon op Drenthe' (doc-1)"],
    ['by its type when it has no Dutch name', 'stakeholderinventarisatie', "stakeholderinventarisatie 'Voorstel Zon op Drenthe' (doc-1)"],
  ])('a document is named %s', (_name, type, want) => expect(docRef(document(type))).toBe(want));
});

describe('instrumentNameOf', () => {
  it.each<[string, Partial<ActiviteitData>, string, string]>([
    ['a catalogue instrument by its label', { instrumentId: 'atelier' }, 'Atelier', 'Design workshop'],
    ["'other' by its own label", { instrumentId: 'other', instrumentLabel: 'Burgerberaad Wonen' }, 'Burgerberaad Wonen', 'Burgerberaad Wonen'],
    ["'other' without a label by its id", { instrumentId: 'other' }, 'other', 'other'],
    ["'other' with a blank label by its id", { instrumentId: 'other', instrumentLabel: '  ' }, 'other', 'other'],
    ['an id outside the catalogue by its id, whatever its label', { instrumentId: 'burgerberaad', instrumentLabel: 'Burgerberaad Wonen' }, 'burgerberaad', 'burgerberaad'],
  ])('names %s', (_name, data, nl, en) => expect(instrumentNameOf(activity(data))).toEqual({ nl, en }));
});

describe('grantedWaiver', () => {
  const f = (...waivers: WaiverFact[]) => factsWith([], { waivers });

  it.each<[string, WaiverFact[], string | undefined]>([
    ['an approved waiver counts', [waiver('G2-01', 'approved')], 'w-G2-01-approved'],
    ['a used waiver counts', [waiver('G2-01', 'used')], 'w-G2-01-used'],
    ['a requested waiver does not', [waiver('G2-01', 'requested')], undefined],
    ['a rejected waiver does not', [waiver('G2-01', 'rejected')], undefined],
    ['an approved waiver of another requirement does not', [waiver('G2-02', 'approved')], undefined],
    ['the granted one among others', [waiver('G2-01', 'rejected'), waiver('G2-02', 'approved'), waiver('G2-01', 'approved')], 'w-G2-01-approved'],
  ])('%s', (_name, waivers, id) => expect(grantedWaiver(f(...waivers), 'G2-01')?.id).toBe(id));
});

describe('correctionChain', () => {
  // b1 corrected three times: b1 ← b2 ← b3 ← b4. Only b4 is in force; b1…b3 are in `superseded`, oldest first.
  const corrected = (...extra: EvidenceRecord[]) => factsWith([besluit('b1'), besluit('b2', 'b1'), besluit('b3', 'b2'), besluit('b4', 'b3'), ...extra]);
  const chain = (f: DossierFacts, id: string) => [...correctionChain(f, id)].sort();

  it.each<[string, string]>([
    ['from the record in force back to the first version (a second pass finds b1)', 'b4'],
    ['from the first version forward to the record in force (a second pass finds b4)', 'b1'],
    ['from a version in the middle, both ways', 'b2'],
  ])('links every version: %s', (_name, id) => expect(chain(corrected(), id)).toEqual(['b1', 'b2', 'b3', 'b4']));

  it.each<[string, DossierFacts, string, string[]]>([
    ['a record never corrected is its own chain', factsWith([besluit('b1')]), 'b1', ['b1']],
    ['records without a correction do not join the chain', corrected(besluit('c1')), 'b4', ['b1', 'b2', 'b3', 'b4']],
    ['another correction in the dossier does not join the chain', corrected(besluit('c1'), besluit('c2', 'c1')), 'b1', ['b1', 'b2', 'b3', 'b4']],
    ['the other correction is a chain of its own', corrected(besluit('c1'), besluit('c2', 'c1')), 'c2', ['c1', 'c2']],
    ['an id no record has', corrected(), 'nope', ['nope']],
  ])('%s', (_name, f, id, want) => expect(chain(f, id)).toEqual(want));
});

describe('classifiedAs', () => {
  const field = { nl: 'het instrumenttype', en: 'the instrument type' };

  it.each<[string, string | null, string, string]>([
    ['not recorded yet, with the guard that records it', null, 'het instrumenttype is nog niet vastgelegd (G1-04)', 'the instrument type has not been recorded yet (G1-04)'],
    ['recorded as something else, with its value', 'none', 'het instrumenttype is none', 'the instrument type is none'],
  ])('%s', (_name, value, nl, en) => expect(classifiedAs(value, field, 'G1-04')).toEqual({ nl, en }));
});

describe('notStrategic', () => {
  it.each<[string, DossierFacts, RegExp, RegExp]>([
    ['not recorded yet', classified(), /^er is nog niet vastgelegd of het onderwerp strategisch is \(G1-03\)$/, /^the 'strategisch' flag has not been recorded yet \(G1-03\)$/],
    ['not strategic, without a motivation', classified({ strategisch: false }), /^het onderwerp is niet strategisch$/, /^the topic is not strategic$/],
    [
      'not strategic, with its motivation',
      classified({ strategisch: false, strategischMotivatie: 'Alleen uitvoering.' }),
      /^het onderwerp is niet strategisch \(motivering: Alleen uitvoering\.\)$/,
      /^the topic is not strategic \(motivation: Alleen uitvoering\.\)$/,
    ],
    ['not strategic, with a blank motivation', classified({ strategisch: false, strategischMotivatie: ' ' }), /^het onderwerp is niet strategisch$/, /^the topic is not strategic$/],
  ])('%s', (_name, f, nl, en) => {
    const why = notStrategic(f);
    expect(why.nl).toMatch(nl);
    expect(why.en).toMatch(en);
  });
});

describe('noUov', () => {
  it.each<[string, DossierFacts, RegExp, RegExp]>([
    ['GS have not decided on inspraak yet', factsWith([]), /^GS hebben nog niet besloten over inspraak \(G2-09\)/, /^GS have not yet decided on inspraak \(G2-09\)/],
    [
      'GS granted no inspraak and afdeling 3.4 does not apply by law',
      factsWith([rec('procedure', { stap: 'inspraakbesluit', inspraak: false, awb34VanToepassing: false, motivering: 'Geen inspraak nodig.' })]),
      /^GS verleenden geen inspraak/,
      /^GS granted no inspraak/,
    ],
  ])('%s', (_name, f, nl, en) => {
    const why = noUov(f);
    expect(why.nl).toMatch(nl);
    expect(why.en).toMatch(en);
  });
});

describe('isVerklaringInstrument and verklaringInstrumentApplies', () => {
  it.each<[InstrumentType | null, boolean]>([
    ['omgevingsvisie', true],
    ['programma', true],
    ['projectbesluit', true],
    ['omgevingsverordening', false],
    ['none', false],
    [null, false],
  ])('%s carries a participation statement: %s', (type, want) => {
    expect(isVerklaringInstrument(type)).toBe(want);
    expect(verklaringInstrumentApplies.test(classified(type === null ? {} : { instrumentType: type }))).toBe(want);
  });

  it.each<[string, Omit<ClassificatieData, 'reden'>, RegExp, RegExp]>([
    ['the type is not recorded yet', {}, /^het instrumenttype is nog niet vastgelegd \(G1-04\)$/, /^the instrument type has not been recorded yet \(G1-04\)$/],
    ['no Omgevingswet instrument', { instrumentType: 'none' }, /^het besluit is geen instrument van de Omgevingswet/, /^the decision is no Omgevingswet instrument/],
    [
      'another Omgevingswet instrument',
      { instrumentType: 'omgevingsverordening' },
      /^het instrumenttype is omgevingsverordening; een participatieverklaring is alleen voorgeschreven/,
      /^the instrument type is omgevingsverordening; a participation statement is prescribed only/,
    ],
  ])('does not apply when %s', (_name, data, nl, en) => {
    const why = verklaringInstrumentApplies.whyNot!(classified(data));
    expect(why.nl).toMatch(nl);
    expect(why.en).toMatch(en);
  });
});

describe('commissieNaam', () => {
  it.each<[string, string | undefined, string, string]>([
    ['no name: a Statencommissie', undefined, 'een Statencommissie', 'a Statencommissie'],
    ['a blank name: a Statencommissie', '  ', 'een Statencommissie', 'a Statencommissie'],
    ['a bare name gets the noun', 'Bestuur', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['blanks around the name are dropped', ' Bestuur ', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['a name with the noun keeps it once', 'Statencommissie Bestuur', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['a name with the noun in lower case gets a capital', 'statencommissie Bestuur', 'de Statencommissie Bestuur', 'the statencommissie Bestuur'],
    ['a name with the article keeps one article', 'de Statencommissie Bestuur', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['a capitalised article is written in lower case', 'De Statencommissie Bestuur', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['two spaces after the article become one', 'de  Statencommissie Bestuur', 'de Statencommissie Bestuur', 'the Statencommissie Bestuur'],
    ['the noun later in the name does not count as its start', 'Omgeving (vroeger statencommissie Ruimte)', 'de Statencommissie Omgeving (vroeger statencommissie Ruimte)', 'the Statencommissie Omgeving (vroeger statencommissie Ruimte)'],
    ['a word that only starts with the noun does not count', 'Statencommissiezaken', 'de Statencommissie Statencommissiezaken', 'the Statencommissie Statencommissiezaken'],
    ['an article inside the name stays as written', 'Statencommissie Wonen in De Wolden', 'de Statencommissie Wonen in De Wolden', 'the Statencommissie Wonen in De Wolden'],
  ])('%s (%s)', (_name, commissie, nl, en) => expect(commissieNaam(commissie)).toEqual({ nl, en }));
});

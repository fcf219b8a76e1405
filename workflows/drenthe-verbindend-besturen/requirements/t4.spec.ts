import { BesluitData } from '../../evidence';
import { evaluateRequirements } from '../../requirement';
import { factsWith, rec } from '../../testing/facts-builder';
import { runRows as runTable } from '../../testing/requirement-table';
import {
  bekendmakingBesluit,
  besluitBevoegdOrgaan,
  besluitNaUov,
  commissiebehandelingVoorstel,
  drentsPanelResultatenGepubliceerd,
  evaluatieGepland,
  participatieverklaringInBesluit,
  participatieverslagInBeleidsvoorstel,
  reactieOpAdvies,
  T4_REQUIREMENTS,
  wensenEnBedenkingenGs,
  wensenEnBedenkingenPs,
  wooPublicatieBesluit,
} from './t4';

// TEST_NOW is 2026-06-15T10:00Z, so f.today is Monday 2026-06-15.

const klass = (data: Omit<Parameters<typeof rec<'classificatie'>>[1], 'reden'>) => rec('classificatie', { reden: 'test', ...data });
const besluit = (data: Partial<BesluitData> & Pick<BesluitData, 'orgaan'>, id?: string) =>
  rec('besluit', { onderwerp: 'eindbesluit', kenmerk: data.orgaan === 'PS' ? '2026-45' : 'BL 2026-06-09', besluitdatum: '2026-06-10', ...data }, id ? { id } : {});
const inspraak = () =>
  rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'grote groepen geraakt' });
const zienswijze = (id: string) => rec('procedure', { stap: 'zienswijze', ontvangenOn: '2026-04-20', indienerRef: `indiener ${id}`, vorm: 'schriftelijk' }, { id });
const activity = (instrumentId: string, status: 'gepland' | 'uitgevoerd' | 'geannuleerd' = 'uitgevoerd', instrumentLabel?: string, id?: string) =>
  rec(
    'activiteit',
    {
      instrumentId,
      instrumentLabel,
      organisator: 'PS',
      fase: 'kaderstelling-besluitvorming',
      inwonersGericht: true,
      niveau: 'consulteren',
      doelgroepen: ['inwoners'],
      startOn: '2026-05-12',
      status,
      annuleringsreden: status === 'geannuleerd' ? 'geen budget' : undefined,
    },
    { id },
  );

describe('T4_REQUIREMENTS', () => {
  it('lists G4-01 … G4-12 in brief order with the brief metadata', () => {
    expect(T4_REQUIREMENTS.map((r) => r.id)).toEqual(['G4-01', 'G4-02', 'G4-03', 'G4-04', 'G4-05', 'G4-06', 'G4-07', 'G4-08', 'G4-09', 'G4-10', 'G4-11', 'G4-12']);
    expect(T4_REQUIREMENTS.every((r) => r.transition === 'T4' && r.events.join() === 'ADVANCE')).toBe(true);
    expect(T4_REQUIREMENTS.map((r) => `${r.severity}/${r.waivable}`)).toEqual([
      'hard/false',
      'hard/false',
      'hard/false',
      'hard/false',
      'hard/false',
      'hard/false',
      'hard/true',
      'advisory/false',
      'advisory/false',
      'advisory/false',
      'advisory/false',
      'advisory/false',
    ]);
    expect(wensenEnBedenkingenPs.origin).toMatchObject({ verified: false, note: 'Pw 167(4–5), 2012 text; verify current' });
    expect(participatieverklaringInBesluit.origin.verified).toBe(true);
    expect(participatieverklaringInBesluit.origin.basis).toMatch(/artikel 10\.8 Omgevingsbesluit \(programma\); artikel 5\.51 Omgevingswet \(projectbesluit\)/);
    expect(wooPublicatieBesluit.origin.verified).toBe(false);
    expect(wooPublicatieBesluit.origin.note).toMatch(/phases/);
  });
});

describe('G4-01 besluit door het bevoegde orgaan', () => {
  runTable(besluitBevoegdOrgaan, [
    ['unsatisfied: besluitvormer unknown', () => [besluit({ orgaan: 'PS' })], 'unsatisfied', /besluitvormer \(PS of GS\) is niet vastgelegd.*2026-45/],
    ['satisfied: PS decision with Statenstuk number and meeting date', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS' })], 'satisfied', /vergadering van 2026-06-10 \(Statenstuk 2026-45\)/],
    ['satisfied: GS decision within own competence (besluitenlijst)', () => [klass({ besluitvormer: 'GS' }), besluit({ orgaan: 'GS' })], 'satisfied', /besluitenlijst BL 2026-06-09/],
    ['satisfied: decision dated today (boundary)', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-15' })], 'satisfied', /2026-06-15/],
    [
      'unsatisfied: decision dated tomorrow has not been taken',
      () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-16' })],
      'unsatisfied',
      /2026-06-16, na vandaag \(2026-06-15\)/,
    ],
    [
      'unsatisfied: decision by the wrong body is named',
      () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'GS' }, 'gs-besluit')],
      'unsatisfied',
      /GS-besluit BL 2026-06-09 .*\(gs-besluit\).*besluitvormer is volgens de classificatie PS/,
    ],
    [
      'unsatisfied: a kaders-hoofdlijnen decision is not the eindbesluit',
      () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', onderwerp: 'kaders-hoofdlijnen' })],
      'unsatisfied',
      /nog geen eindbesluit van PS.*Statenstuknummer/,
    ],
    ['unsatisfied: blank kenmerk', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', kenmerk: ' ' })], 'unsatisfied', /mist het kenmerk \(Statenstuknummer\)/],
  ]);
});

describe('G4-02 wensen en bedenkingen GS (Pw 143)', () => {
  const wb = (partij: 'PS' | 'GS', gelegenheidGebodenOn: string, extra: { reactieOn?: string } = {}) =>
    rec('procedure', { stap: 'wensen-en-bedenkingen', partij, gelegenheidGebodenOn, ...extra });
  const psVerordening = () => klass({ besluitvormer: 'PS', besluittype: 'verordening' });
  runTable(wensenEnBedenkingenGs, [
    ['not applicable: GS adopt, and the text names who decides', () => [klass({ besluitvormer: 'GS', besluittype: 'verordening' })], 'not-applicable', /geen verordening van PS \(besluitvormer GS, besluittype verordening/],
    ['not applicable: PS adopt a beleidsregel', () => [klass({ besluitvormer: 'PS', besluittype: 'beleidsregel' })], 'not-applicable', /Niet van toepassing/],
    [
      'satisfied: GS had the opportunity before the PS decision',
      () => [psVerordening(), wb('GS', '2026-05-01', { reactieOn: '2026-05-20' }), besluit({ orgaan: 'PS' })],
      'satisfied',
      /2026-05-01.*het PS-besluit van 2026-06-10; GS reageerden op 2026-05-20/,
    ],
    ['satisfied: on the day of the PS decision (boundary)', () => [psVerordening(), wb('GS', '2026-06-10'), besluit({ orgaan: 'PS' })], 'satisfied', /2026-06-10/],
    [
      'unsatisfied: opportunity dated after the PS decision',
      () => [psVerordening(), wb('GS', '2026-06-11'), besluit({ orgaan: 'PS' })],
      'unsatisfied',
      /gedateerd 2026-06-11 .*na het PS-besluit van 2026-06-10/,
    ],
    ['unsatisfied: none recorded', () => [psVerordening(), besluit({ orgaan: 'PS' })], 'unsatisfied', /wensen-en-bedenkingen, partij GS/],
    ['unsatisfied: a W&B step for PS does not count', () => [psVerordening(), wb('PS', '2026-05-01')], 'unsatisfied', /partij GS/],
    ['unsatisfied: no decision yet and the opportunity is still in the future', () => [psVerordening(), wb('GS', '2026-06-20')], 'unsatisfied', /na vandaag \(2026-06-15/],
  ]);
});

describe('G4-03 wensen en bedenkingen PS (Pw 167(4–5))', () => {
  const applies = () => klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158', ingrijpend: true });
  const wb = (gelegenheidGebodenOn: string, extra: { spoed?: boolean; achterafGeinformeerdOn?: string } = {}) =>
    rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'PS', gelegenheidGebodenOn, ...extra });
  runTable(wensenEnBedenkingenPs, [
    ['not applicable: not ingrijpend', () => [klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158', ingrijpend: false })], 'not-applicable', /ingrijpende gevolgen/],
    ['not applicable: ingrijpend unknown', () => [klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158' })], 'not-applicable', /Niet van toepassing/],
    ['not applicable: PS decide', () => [klass({ besluitvormer: 'PS', besluittype: 'privaatrechtelijk-158', ingrijpend: true })], 'not-applicable', /Niet van toepassing/],
    ['satisfied: PS could react the day before the GS decision', () => [applies(), wb('2026-06-09'), besluit({ orgaan: 'GS' })], 'satisfied', /op 2026-06-09 de gelegenheid .*vóór het GS-besluit van 2026-06-10/],
    [
      'unsatisfied: opportunity on the day of the GS decision is not before it (boundary)',
      () => [applies(), wb('2026-06-10'), besluit({ orgaan: 'GS' })],
      'unsatisfied',
      /gedateerd 2026-06-10, niet vóór het GS-besluit van 2026-06-10/,
    ],
    [
      'satisfied: urgent case with PS informed afterwards',
      () => [applies(), wb('2026-06-12', { spoed: true, achterafGeinformeerdOn: '2026-06-12' }), besluit({ orgaan: 'GS' })],
      'satisfied',
      /Spoed \(artikel 167, vijfde lid, Provinciewet\).*2026-06-12/,
    ],
    [
      'unsatisfied: urgent case without the date PS were informed',
      () => [applies(), wb('2026-06-12', { spoed: true }), besluit({ orgaan: 'GS' })],
      'unsatisfied',
      /meldt spoed, maar niet wanneer PS achteraf zijn geïnformeerd \(achterafGeinformeerdOn\)/,
    ],
    ['unsatisfied: nothing recorded', () => [applies(), besluit({ orgaan: 'GS' })], 'unsatisfied', /partij PS, met de datum gelegenheidGebodenOn vóór het GS-besluit/],
    ['satisfied: no GS decision yet, opportunity already given', () => [applies(), wb('2026-06-01')], 'satisfied', /er is nog geen GS-besluit/],
  ]);
});

describe('G4-04 bekendmaking van het besluit', () => {
  const prbPub = (extra: { prbId?: string; publishedOn?: string; onderwerp?: 'besluit' | 'kennisgeving-ontwerpbesluit'; besluitId?: string | null } = {}) =>
    rec('publicatie', {
      onderwerp: extra.onderwerp ?? 'besluit',
      kanaal: 'provinciaal-blad',
      prbId: extra.prbId ?? 'prb-2026-555',
      publishedOn: extra.publishedOn ?? '2026-06-12',
      ...(extra.besluitId === null ? {} : { besluitId: extra.besluitId ?? 'eb-1' }),
    });
  const eb = (data: Partial<BesluitData> = {}) => besluit({ orgaan: 'PS', ...data }, 'eb-1');
  const verordening = () => klass({ besluitvormer: 'PS', besluittype: 'verordening' });
  runTable(bekendmakingBesluit, [
    ['not applicable: besluittype anders', () => [klass({ besluittype: 'anders' })], 'not-applicable', /verordening, beleidsregel/],
    ['not applicable: private-law decision', () => [klass({ besluittype: 'privaatrechtelijk-158' })], 'not-applicable', /Niet van toepassing/],
    ['not applicable: besluittype not classified', () => [], 'not-applicable', /Niet van toepassing/],
    [
      'satisfied: verordening in the Provinciaal blad, in force after publication',
      () => [verordening(), eb({ inwerkingtredingOn: '2026-07-01' }), prbPub()],
      'satisfied',
      /2026-06-12 bekendgemaakt in het Provinciaal blad \(prb-2026-555\); inwerkingtreding op 2026-07-01/,
    ],
    [
      'satisfied: in force on the day of publication (boundary)',
      () => [verordening(), eb({ inwerkingtredingOn: '2026-06-12' }), prbPub()],
      'satisfied',
      /prb-2026-555/,
    ],
    [
      'unsatisfied: in force the day before publication',
      () => [verordening(), eb({ inwerkingtredingOn: '2026-06-11' }), prbPub()],
      'unsatisfied',
      /inwerkingtreding \(2026-06-11\) ligt vóór de bekendmaking \(2026-06-12\).*artikel 3:40 Awb/,
    ],
    ['satisfied: published today (boundary)', () => [verordening(), eb(), prbPub({ publishedOn: '2026-06-15' })], 'satisfied', /2026-06-15/],
    ['unsatisfied: publication dated tomorrow', () => [verordening(), eb(), prbPub({ publishedOn: '2026-06-16' })], 'unsatisfied', /publicatiedatum 2026-06-16 ligt na vandaag/],
    ['unsatisfied: publication dated 2099', () => [verordening(), eb(), prbPub({ publishedOn: '2099-01-01' })], 'unsatisfied', /publicatiedatum 2099-01-01 ligt na vandaag/],
    ['unsatisfied: malformed prb id', () => [klass({ besluittype: 'beleidsregel' }), eb(), prbPub({ prbId: 'Provinciaal blad 2026, 555' })], 'unsatisfied', /prb-JJJJ-N/],
    // Issue #11: the publication must publish *this* decision, and not before it was taken.
    ['unsatisfied: published before the decision it publishes', () => [verordening(), eb({ besluitdatum: '2026-06-13' }), prbPub({ publishedOn: '2026-06-12' })], 'unsatisfied', /publicatiedatum 2026-06-12 ligt vóór de besluitdatum 2026-06-13/],
    ['satisfied: published on the day of the decision (boundary)', () => [verordening(), eb({ besluitdatum: '2026-06-12' }), prbPub({ publishedOn: '2026-06-12' })], 'satisfied', /prb-2026-555/],
    ['unsatisfied: the publication does not say which decision it publishes', () => [verordening(), eb(), prbPub({ besluitId: null })], 'unsatisfied', /vul besluitId in met het eindbesluit \(eb-1\)/],
    [
      'unsatisfied: the publication publishes another decision',
      () => [verordening(), eb(), rec('besluit', { orgaan: 'GS', onderwerp: 'overig', kenmerk: 'x', besluitdatum: '2026-06-01' }, { id: 'other' }), prbPub({ besluitId: 'other' })],
      'unsatisfied',
      /maakt een ander besluit bekend \(other\), niet het eindbesluit PS-besluit 2026-45/,
    ],
    [
      'satisfied: the publication names an earlier version of the decision that a correction replaced',
      () => [verordening(), eb(), prbPub(), rec('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: '2026-45', besluitdatum: '2026-06-10' }, { id: 'eb-2', supersedes: 'eb-1' })],
      'satisfied',
      /prb-2026-555/,
    ],
    ['unsatisfied: no decision to publish yet', () => [verordening(), prbPub()], 'unsatisfied', /nog geen eindbesluit vastgelegd dat deze publicatie kan bekendmaken/],
    [
      'unsatisfied: beschikking sent before it was taken',
      () => [klass({ besluitvormer: 'GS', besluittype: 'beschikking' }), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-09' })],
      'unsatisfied',
      /gedateerd 2026-06-09, vóór de besluitdatum 2026-06-10/,
    ],
    [
      'not applicable: a private-law decision, and the text names the type',
      () => [klass({ besluittype: 'privaatrechtelijk-158' })],
      'not-applicable',
      /het besluittype is privaatrechtelijk-158: geen verordening, beleidsregel/,
    ],
    ['not applicable: besluittype not classified, and the text says so', () => [], 'not-applicable', /het besluittype is nog niet vastgelegd \(G1-04\)/],
    [
      'unsatisfied: only on the website',
      () => [klass({ besluittype: 'besluit-algemene-strekking' }), rec('publicatie', { onderwerp: 'besluit', kanaal: 'website-provincie', publishedOn: '2026-06-12' })],
      'unsatisfied',
      /niet bekendgemaakt in het Provinciaal blad/,
    ],
    [
      'unsatisfied: the kennisgeving of the draft in the Provinciaal blad is not the decision',
      () => [verordening(), prbPub({ onderwerp: 'kennisgeving-ontwerpbesluit', prbId: 'prb-2026-100' })],
      'unsatisfied',
      /niet het besluit zelf: prb-2026-100 \(onderwerp kennisgeving-ontwerpbesluit\)/,
    ],
    [
      'satisfied: beschikking sent to the addressees',
      () => [klass({ besluitvormer: 'GS', besluittype: 'beschikking' }), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-11' })],
      'satisfied',
      /op 2026-06-11 aan de geadresseerden toegezonden/,
    ],
    [
      'unsatisfied: beschikking not sent',
      () => [klass({ besluitvormer: 'GS', besluittype: 'beschikking' }), besluit({ orgaan: 'GS' })],
      'unsatisfied',
      /toegezondenAanGeadresseerdenOn/,
    ],
    [
      'unsatisfied: beschikking dispatch dated tomorrow',
      () => [klass({ besluitvormer: 'GS', besluittype: 'beschikking' }), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-16' })],
      'unsatisfied',
      /gedateerd 2026-06-16, na vandaag/,
    ],
    ['unsatisfied: beschikking without any eindbesluit', () => [klass({ besluittype: 'beschikking' })], 'unsatisfied', /nog geen eindbesluit/],
  ]);
});

describe('G4-05 besluit na de uov (Awb 3:44)', () => {
  const kgBesluit = (datum = '2026-06-01') => rec('procedure', { stap: 'kennisgeving-besluit', datum, prbId: 'prb-2026-600' });
  const ps = (besluitdatum = '2026-05-28') => besluit({ orgaan: 'PS', besluitdatum });
  runTable(besluitNaUov, [
    ['not applicable: no uov decided yet, and the text says so', () => [kgBesluit()], 'not-applicable', /GS hebben nog niet besloten over inspraak/],
    // Notice on Monday 2026-06-01: the appeal period runs 2026-06-02 … 2026-07-13 (TM-03).
    ['satisfied: notice given, no zienswijzen; TM-03 end reported', () => [inspraak(), ps(), kgBesluit()], 'satisfied', /ter inzage tot en met 2026-07-13.*TM-03/],
    // Issue #11: a notice before the decision is no notice of it, and TM-03 does not start from it.
    [
      'unsatisfied: notice dated before the decision; TM-03 not started',
      () => [inspraak(), ps('2026-06-05'), kgBesluit('2026-06-01')],
      'unsatisfied',
      /gedateerd 2026-06-01, vóór het PS-besluit 2026-45 van 2026-06-05.*start de termijn van terinzagelegging \(TM-03\) niet/,
    ],
    ['satisfied: notice on the day of the decision (boundary)', () => [inspraak(), ps('2026-06-01'), kgBesluit('2026-06-01')], 'satisfied', /TM-03/],
    ['unsatisfied: notice without any decision', () => [inspraak(), kgBesluit()], 'unsatisfied', /er is nog geen eindbesluit vastgelegd/],
    [
      'unsatisfied: decision sent to the submitters before it was taken',
      () => [inspraak(), ps('2026-06-01'), kgBesluit('2026-06-01'), zienswijze('zw-1'), rec('procedure', { stap: 'besluit-toegezonden-indieners', datum: '2026-05-30' })],
      'unsatisfied',
      /toezending aan de indieners \(.+\) is gedateerd 2026-05-30, vóór het PS-besluit 2026-45/,
    ],
    [
      'satisfied: notice and the decision sent to the submitters',
      () => [inspraak(), ps(), kgBesluit(), zienswijze('zw-1'), rec('procedure', { stap: 'besluit-toegezonden-indieners', datum: '2026-06-02' })],
      'satisfied',
      /op 2026-06-02 toegezonden aan de indieners van de 1 zienswijze/,
    ],
    [
      'satisfied: Awb 3:44(3) relief instead of dispatch',
      () => [
        inspraak(),
        ps(),
        kgBesluit(),
        zienswijze('zw-1'),
        rec('procedure', { stap: 'besluit-toegezonden-indieners', datum: '2026-06-02', vrijstelling: 'meer dan 250 indieners: kennisgeving volstaat' }),
      ],
      'satisfied',
      /vrijstelling op grond van artikel 3:44, derde lid, Awb — meer dan 250 indieners/,
    ],
    [
      'unsatisfied: zienswijzen but the decision was not sent to the submitters',
      () => [inspraak(), kgBesluit(), zienswijze('zw-1'), zienswijze('zw-2')],
      'unsatisfied',
      /toezending van het besluit aan de indieners van de 2 zienswijzen \(procedurestap besluit-toegezonden-indieners/,
    ],
    ['unsatisfied: no notice of the decision', () => [inspraak()], 'unsatisfied', /kennisgeving-besluit/],
    ['unsatisfied: notice dated tomorrow', () => [inspraak(), kgBesluit('2026-06-16')], 'unsatisfied', /2026-06-16, na vandaag/],
  ]);
});

describe('G4-06 participatieverklaring in het vaststellingsbesluit', () => {
  const full = { hoeBetrokken: 'via ateliers en inspraak', resultaten: 'drie aanpassingen', toepassingParticipatiebeleid: 'conform Blijvend in verbinding' };
  runTable(participatieverklaringInBesluit, [
    ['not applicable: no Omgevingswet instrument', () => [klass({ instrumentType: 'none' })], 'not-applicable', /geen instrument van de Omgevingswet/],
    ['unsatisfied: a projectbesluit without a statement (artikel 5.51 Omgevingswet; issue #11)', () => [klass({ instrumentType: 'projectbesluit' }), besluit({ orgaan: 'GS' })], 'unsatisfied', /mist: .*resultaten.*\(artikel 5\.51 Omgevingswet\)/],
    [
      'satisfied: a projectbesluit needs no policy part',
      () => [klass({ instrumentType: 'projectbesluit' }), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } })],
      'satisfied',
      /voor het projectbesluit: hoe betrokken en de resultaten \(artikel 5\.51 Omgevingswet\)/,
    ],
    [
      'satisfied: PS-adopted omgevingsvisie with all three parts',
      () => [klass({ besluitvormer: 'PS', instrumentType: 'omgevingsvisie' }), besluit({ orgaan: 'PS', participatieverklaring: full })],
      'satisfied',
      /toepassing van het participatiebeleid/,
    ],
    [
      'unsatisfied: PS-adopted without how the participation policy was applied',
      () => [klass({ besluitvormer: 'PS', instrumentType: 'omgevingsvisie' }), besluit({ orgaan: 'PS', participatieverklaring: { ...full, toepassingParticipatiebeleid: '' } })],
      'unsatisfied',
      /mist: hoe het decentrale participatiebeleid is toegepast \(toepassingParticipatiebeleid/,
    ],
    [
      'satisfied: GS-adopted programma needs no policy part',
      () => [klass({ besluitvormer: 'GS', instrumentType: 'programma' }), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } })],
      'satisfied',
      /voor het programma: hoe betrokken en de resultaten \(artikel 10\.8 Omgevingsbesluit\)\./,
    ],
    [
      'unsatisfied: statement without results',
      () => [klass({ besluitvormer: 'GS', instrumentType: 'programma' }), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x' } })],
      'unsatisfied',
      /wat de resultaten daarvan zijn \(resultaten\)/,
    ],
    ['unsatisfied: no adoption decision', () => [klass({ instrumentType: 'omgevingsvisie' })], 'unsatisfied', /nog geen vaststellingsbesluit/],
  ]);
});

describe('G4-07 participatieverslag in het beleidsvoorstel', () => {
  const verslag = { activiteiten: '3 ateliers', inbreng: 'zorgen over verkeer', watGedaanMetInbreng: 'route aangepast', hoeDeelnemersGeinformeerd: 'nieuwsbrief' };
  runTable(participatieverslagInBeleidsvoorstel, [
    [
      'satisfied: complete report in the Statenvoorstel',
      () => [rec('document', { documentType: 'statenvoorstel', titel: 'Statenvoorstel', participatieverslag: verslag })],
      'satisfied',
      /volledig participatieverslag/,
    ],
    [
      'unsatisfied: names the two missing fields',
      () => [rec('document', { documentType: 'beleidsvoorstel', titel: 'Beleidsvoorstel', participatieverslag: { activiteiten: 'x', inbreng: 'y' } })],
      'unsatisfied',
      /mist wat met de inbreng is gedaan.*\(watGedaanMetInbreng\) en hoe de deelnemers zijn teruggekoppeld \(hoeDeelnemersGeinformeerd\)/,
    ],
    [
      'unsatisfied: reports on the most complete proposal',
      () => [
        rec('document', { documentType: 'gs-voorstel', titel: 'Oud', participatieverslag: { activiteiten: 'x' } }),
        rec('document', { documentType: 'statenvoorstel', titel: 'Nieuw', participatieverslag: { ...verslag, hoeDeelnemersGeinformeerd: ' ' } }),
      ],
      'unsatisfied',
      /'Nieuw'.*mist hoe de deelnemers zijn teruggekoppeld/,
    ],
    ['unsatisfied: no proposal at all', () => [], 'unsatisfied', /geen beleidsvoorstel vastgelegd/],
  ]);
});

describe('G4-08 commissiebehandeling vóór het PS-besluit', () => {
  const cb = (extra: { vergaderdatum?: string; aantalInsprekers?: number; nietGeagendeerdReden?: string; onderwerp?: 'voorstel' | 'startnotitie' } = {}) =>
    rec('procedure', { stap: 'commissiebehandeling', commissie: 'Ruimte, Infrastructuur en Mobiliteit', onderwerp: extra.onderwerp ?? 'voorstel', ...extra });
  const ps = () => klass({ besluitvormer: 'PS' });
  runTable(commissiebehandelingVoorstel, [
    ['not applicable: GS decide, and the text says so', () => [klass({ besluitvormer: 'GS' })], 'not-applicable', /niet PS maar GS besluit/],
    // Issue #11: spreekrecht is excluded for decisions open to objection or appeal (domain-brief §2.8).
    ['not applicable: a PS beschikking, where spreekrecht is excluded', () => [klass({ besluitvormer: 'PS', besluittype: 'beschikking' })], 'not-applicable', /inspreken in de Statencommissie uitgesloten/],
    ['applies: a PS verordening', () => [klass({ besluitvormer: 'PS', besluittype: 'verordening' })], 'unsatisfied', /Statencommissie/],
    [
      'satisfied: committee before the vote, with the number of speakers',
      () => [ps(), cb({ vergaderdatum: '2026-05-27', aantalInsprekers: 3 }), besluit({ orgaan: 'PS' })],
      'satisfied',
      /2026-05-27.*Ruimte, Infrastructuur en Mobiliteit.*3 inspreker/,
    ],
    [
      'a committee named "Statencommissie …" is not doubled (issue #11)',
      () => [ps(), rec('procedure', { stap: 'commissiebehandeling', commissie: 'Statencommissie Bestuur', onderwerp: 'voorstel', vergaderdatum: '2026-05-27' }), besluit({ orgaan: 'PS' })],
      'satisfied',
      /in de Statencommissie Bestuur behandeld/,
    ],
    ['satisfied: committee on the day of the vote (boundary)', () => [ps(), cb({ vergaderdatum: '2026-06-10' }), besluit({ orgaan: 'PS' })], 'satisfied', /2026-06-10/],
    ['unsatisfied: committee after the vote', () => [ps(), cb({ vergaderdatum: '2026-06-11' }), besluit({ orgaan: 'PS' })], 'unsatisfied', /2026-06-11, na het PS-besluit van 2026-06-10/],
    ['unsatisfied: not on the agenda, reason given', () => [ps(), cb({ nietGeagendeerdReden: 'hamerstuk' })], 'unsatisfied', /niet geagendeerd \(hamerstuk\)/],
    ['unsatisfied: only the startnotitie was discussed', () => [ps(), cb({ onderwerp: 'startnotitie', vergaderdatum: '2026-02-01' })], 'unsatisfied', /commissiebehandeling, onderwerp voorstel/],
    ['satisfied: no decision yet, committee already held', () => [ps(), cb({ vergaderdatum: '2026-06-15' })], 'satisfied', /er is nog geen PS-besluit/],
  ]);
});

describe('G4-09 resultaten Drents Panel gepubliceerd', () => {
  runTable(drentsPanelResultatenGepubliceerd, [
    ['not applicable: Drents Panel not used', () => [activity('atelier')], 'not-applicable', /het Drents Panel is bij dit dossier niet ingezet/],
    ['not applicable: the Drents Panel activity was cancelled', () => [activity('drents-panel', 'geannuleerd')], 'not-applicable', /Niet van toepassing/],
    [
      'satisfied: results published',
      () => [activity('drents-panel'), rec('publicatie', { onderwerp: 'drents-panel-resultaten', kanaal: 'website-drents-parlement', url: 'https://x', publishedOn: '2026-05-30' })],
      'satisfied',
      /2026-05-30 gepubliceerd via website-drents-parlement/,
    ],
    ['unsatisfied: used but not published', () => [activity('drents-panel', 'gepland')], 'unsatisfied', /drents-panel-resultaten/],
  ]);
});

describe('G4-10 Woo-publicatie besluit en stukken', () => {
  const pub = (onderwerp: 'besluit' | 'ps-vergaderstukken' | 'gs-besluitenlijst') =>
    rec('publicatie', { onderwerp, kanaal: onderwerp === 'besluit' ? 'provinciaal-blad' : 'website-drents-parlement', prbId: 'prb-2026-9', publishedOn: '2026-06-12' });
  runTable(wooPublicatieBesluit, [
    ['satisfied: decision and PS meeting documents', () => [pub('besluit'), pub('ps-vergaderstukken')], 'satisfied', /PS-vergaderstukken/],
    ['satisfied: decision and GS besluitenlijst', () => [pub('besluit'), pub('gs-besluitenlijst')], 'satisfied', /GS-besluitenlijst/],
    ['unsatisfied: only the decision', () => [pub('besluit')], 'unsatisfied', /ps-vergaderstukken of gs-besluitenlijst/],
    ['unsatisfied: only the meeting documents', () => [pub('ps-vergaderstukken')], 'unsatisfied', /het besluit zelf \(publicatie met onderwerp besluit\)/],
    ['unsatisfied: nothing', () => [], 'unsatisfied', /besluit zelf.* en de publicatie van de PS-vergaderstukken/],
  ]);
});

describe('G4-11 evaluatie gepland', () => {
  const plan = (evaluatieplan: { wanneer?: string; hoe?: string; indicatoren?: string[]; is217a?: boolean }) =>
    rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan', evaluatieplan });
  runTable(evaluatieGepland, [
    [
      'satisfied: when, how, indicators and the 217a choice',
      () => [plan({ wanneer: 'Q4 2028', hoe: 'beleidsevaluatie door extern bureau', indicatoren: ['aantal woningen'], is217a: false })],
      'satisfied',
      /Q4 2028; 1 indicator; geen 217a-onderzoek/,
    ],
    [
      'unsatisfied: 217a choice not made',
      () => [plan({ wanneer: 'Q4 2028', hoe: 'x', indicatoren: ['y'] })],
      'unsatisfied',
      /mist of het een 217a-onderzoek is \(is217a\)/,
    ],
    [
      'unsatisfied: only blank indicators',
      () => [plan({ wanneer: 'Q4 2028', hoe: 'x', indicatoren: [' '], is217a: true })],
      'unsatisfied',
      /ten minste één indicator/,
    ],
    ['unsatisfied: no evaluatieplan', () => [rec('document', { documentType: 'overig', titel: 'x' })], 'unsatisfied', /geen evaluatieplan vastgelegd/],
  ]);
});

describe('G4-12 reactie op advies van een adviesorgaan', () => {
  runTable(reactieOpAdvies, [
    ['not applicable: no advisory body used', () => [activity('drents-panel')], 'not-applicable', /bij dit dossier is geen adviesorgaan ingezet/],
    ['not applicable: the advice request was cancelled', () => [activity('jongerenraad-adviesvraag', 'geannuleerd')], 'not-applicable', /Niet van toepassing/],
    [
      'unsatisfied: Jongerenraad advice without a written response',
      () => [activity('jongerenraad-adviesvraag')],
      'unsatisfied',
      /Adviesvraag aan Jongerenraad.*terugkoppeling aan adviesorgaan, onderwerp adviesreactie/,
    ],
    [
      'unsatisfied: a Burgerberaad recorded as other applies (case-insensitive)',
      () => [activity('other', 'uitgevoerd', 'Drents BurgerBeraad Wonen')],
      'unsatisfied',
      /Drents BurgerBeraad Wonen/,
    ],
    [
      'satisfied: written response to the raadgevende groep',
      () => [activity('raadgevende-groep'), rec('terugkoppeling', { aan: 'adviesorgaan', onderwerp: 'adviesreactie', kenmerk: 'brief 2026/77' }, { occurredOn: '2026-06-03' })],
      'satisfied',
      /2026-06-03 schriftelijk gereageerd \(kenmerk brief 2026\/77\)/,
    ],
    [
      'unsatisfied: feedback to participants is not a response to the advisory body',
      () => [activity('raadgevende-groep'), rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'adviesreactie' })],
      'unsatisfied',
      /geen schriftelijke reactie/,
    ],
  ]);
});

// Issue #17: rows for conditions the mutation test showed unpinned — each branch of a text, in both languages.
describe('G4-09 … G4-12: each condition pinned (issue #17)', () => {
  const panelPub = (data: { url?: string; publishedOn?: string; onderwerp?: 'drents-panel-resultaten' | 'overig' } = {}) =>
    rec('publicatie', { onderwerp: data.onderwerp ?? 'drents-panel-resultaten', kanaal: 'website-provincie', url: data.url, publishedOn: data.publishedOn ?? '2026-05-30' });
  describe('G4-09', () => {
    runTable(drentsPanelResultatenGepubliceerd, [
      ['satisfied: a publication with URL names it in both languages', () => [activity('drents-panel'), panelPub({ url: 'https://x.nl/p' })], 'satisfied', /via website-provincie \(https:\/\/x\.nl\/p\)\.\nThe Drents Panel results were published on 2026-05-30 via website-provincie \(https:\/\/x\.nl\/p\)\.$/],
      ['satisfied: a publication without URL gives channel and date only', () => [activity('drents-panel'), panelPub()], 'satisfied', /gepubliceerd via website-provincie\.\n[^\n]*via website-provincie\.$/],
      ['satisfied: the latest publication is named', () => [activity('drents-panel'), panelPub({ publishedOn: '2026-05-01' }), panelPub({ publishedOn: '2026-05-30' })], 'satisfied', /op 2026-05-30 gepubliceerd/],
      ['unsatisfied: a publication on another subject does not count', () => [activity('drents-panel'), panelPub({ onderwerp: 'overig' })], 'unsatisfied', /publicatie van de resultaten is niet vastgelegd/],
      ['unsatisfied: the text names each panel and its date, in both languages', () => [activity('drents-panel')], 'unsatisfied', /ingezet \(ev-activiteit-\d+ op 2026-05-12\)[\s\S]*used \(ev-activiteit-\d+ on 2026-05-12\)/],
    ]);
  });

  describe('G4-10', () => {
    const pub = (onderwerp: 'besluit' | 'ps-vergaderstukken' | 'gs-besluitenlijst' | 'overig', publishedOn = '2026-06-12') =>
      rec('publicatie', { onderwerp, kanaal: onderwerp === 'besluit' ? 'provinciaal-blad' : 'website-drents-parlement', prbId: 'prb-2026-9', publishedOn });
    runTable(wooPublicatieBesluit, [
      [
        'satisfied: the text names both publications, in both languages (PS documents)',
        () => [pub('besluit', '2026-06-11'), pub('ps-vergaderstukken', '2026-06-12')],
        'satisfied',
        /^Het besluit is gepubliceerd op 2026-06-11 \(provinciaal-blad\) en de PS-vergaderstukken op 2026-06-12 \(website-drents-parlement\)\.\nThe decision was published on 2026-06-11 \(provinciaal-blad\) and the PS meeting documents on 2026-06-12 \(website-drents-parlement\)\.$/,
      ],
      ['satisfied: the GS decision list, in English', () => [pub('besluit'), pub('gs-besluitenlijst')], 'satisfied', /and the GS decision list on 2026-06-12/],
      ['satisfied: the latest publication of each is named', () => [pub('besluit', '2026-06-01'), pub('besluit', '2026-06-11'), pub('gs-besluitenlijst', '2026-06-02'), pub('ps-vergaderstukken', '2026-06-12')], 'satisfied', /op 2026-06-11 \(provinciaal-blad\) en de PS-vergaderstukken op 2026-06-12/],
      ['unsatisfied: another subject is neither', () => [pub('overig')], 'unsatisfied', /^Ontbreekt \(Woo actieve openbaarmaking\): de publicatie van het besluit zelf \(publicatie met onderwerp besluit\) en de publicatie van de PS-vergaderstukken/],
      ['unsatisfied: only the decision, in English', () => [pub('besluit')], 'unsatisfied', /\nMissing \(Woo active disclosure\): the publication of the PS meeting documents or the GS decision list \(subject ps-vergaderstukken or gs-besluitenlijst\)\.$/],
      ['unsatisfied: only the documents, in English', () => [pub('gs-besluitenlijst')], 'unsatisfied', /\nMissing \(Woo active disclosure\): the publication of the decision itself \(publicatie with subject besluit\)\.$/],
    ]);
  });

  describe('G4-11', () => {
    const plan = (evaluatieplan: { wanneer?: string; hoe?: string; indicatoren?: string[]; is217a?: boolean } | undefined, id?: string) =>
      rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan', evaluatieplan }, { id });
    const FULL = { wanneer: 'Q4 2028', hoe: 'extern bureau', indicatoren: ['woningen', 'banen'], is217a: true };
    runTable(evaluatieGepland, [
      ['satisfied: a 217a study with two indicators, in both languages', () => [plan(FULL, 'ep')], 'satisfied', /^Evaluatieplan 'Evaluatieplan' \(ep\): wanneer Q4 2028; 2 indicatoren; een 217a-onderzoek\.\nEvaluation plan 'Evaluatieplan' \(ep\): when Q4 2028; 2 indicators; a 217a study\.$/],
      ['satisfied: not a 217a study, in English', () => [plan({ ...FULL, indicatoren: ['woningen'], is217a: false })], 'satisfied', /1 indicator; not a 217a study\.$/],
      ['unsatisfied: no wanneer', () => [plan({ ...FULL, wanneer: ' ' })], 'unsatisfied', /het mist wanneer geëvalueerd wordt \(wanneer\)\.\n[\s\S]*it lacks when it will be evaluated \(wanneer\)\.$/],
      ['unsatisfied: no hoe', () => [plan({ ...FULL, hoe: undefined })], 'unsatisfied', /het mist hoe geëvalueerd wordt \(hoe\)\./],
      ['unsatisfied: no indicators at all', () => [plan({ ...FULL, indicatoren: undefined })], 'unsatisfied', /het mist ten minste één indicator \(indicatoren\)\./],
      ['unsatisfied: a plan document without plan details lacks all four', () => [plan(undefined, 'leeg')], 'unsatisfied', /\(leeg\) is onvolledig; het mist wanneer geëvalueerd wordt \(wanneer\), hoe geëvalueerd wordt \(hoe\), ten minste één indicator \(indicatoren\) en of het een 217a-onderzoek is \(is217a\)\./],
      ['satisfied: the most complete of two plans counts', () => [plan(FULL, 'vol'), plan({ wanneer: 'later' }, 'half')], 'satisfied', /\(vol\)/],
      ['unsatisfied: on a tie the latest plan is reported', () => [plan({ wanneer: 'a' }, 'eerste'), plan({ hoe: 'b' }, 'tweede')], 'unsatisfied', /'Evaluatieplan' \(tweede\) is onvolledig/],
      ['unsatisfied: no plan, in Dutch, listing what a plan needs', () => [], 'unsatisfied', /^Er is geen evaluatieplan vastgelegd \(document evaluatieplan met wanneer geëvalueerd wordt \(wanneer\), hoe geëvalueerd wordt \(hoe\), ten minste één indicator \(indicatoren\) en of het een 217a-onderzoek is \(is217a\)\)\.\n/],
      ['unsatisfied: no plan, in English, listing what a plan needs', () => [], 'unsatisfied', /\nNo evaluation plan has been recorded \(document evaluatieplan with when it will be evaluated \(wanneer\), how it will be evaluated \(hoe\), at least one indicator \(indicatoren\) and whether it is a 217a study \(is217a\)\)\.$/],
    ]);
  });

  describe('G4-12', () => {
    const reactie = (kenmerk?: string) => rec('terugkoppeling', { aan: 'adviesorgaan', onderwerp: 'adviesreactie', kenmerk }, { occurredOn: '2026-06-03' });
    runTable(reactieOpAdvies, [
      ['satisfied: a response without kenmerk gives only its date', () => [activity('raadgevende-groep'), reactie()], 'satisfied', /op 2026-06-03 schriftelijk gereageerd\.\n[^\n]*received a written response on 2026-06-03\.$/],
      ['satisfied: a response with kenmerk, in English', () => [activity('raadgevende-groep'), reactie('brief 7')], 'satisfied', /on 2026-06-03 \(reference brief 7\)\.$/],
      ['unsatisfied: a response to the advisory body on another subject does not count', () => [activity('raadgevende-groep'), rec('terugkoppeling', { aan: 'adviesorgaan', onderwerp: 'overig' })], 'unsatisfied', /geen schriftelijke reactie/],
      ['applies: a planned advice request counts', () => [activity('jongerenraad-adviesvraag', 'gepland')], 'unsatisfied', /adviesorgaan ingezet/],
      ['not applicable: an other instrument without a label', () => [activity('other')], 'not-applicable', /geen adviesorgaan/],
      ['not applicable: an other instrument that is no Burgerberaad', () => [activity('other', 'uitgevoerd', 'Wijkavond')], 'not-applicable', /geen adviesorgaan/],
      ['not applicable: a Burgerberaad label on a catalogue instrument that is no advisory body', () => [activity('drents-panel', 'uitgevoerd', 'Burgerberaad')], 'not-applicable', /geen adviesorgaan/],
      ['unsatisfied: the advisory bodies are named in English', () => [activity('jongerenraad-adviesvraag'), activity('raadgevende-groep')], 'unsatisfied', /\nAn advisory body was involved \(Request advice from the Youth Council and Advisory group \/ sounding board\), but no written response/],
      ['unsatisfied: two activities of one body are named once', () => [activity('raadgevende-groep'), activity('raadgevende-groep')], 'unsatisfied', /ingezet \([^,)]+\), maar/],
    ]);
  });
});

describe('G4-07 and G4-08: each condition pinned (issue #17)', () => {
  const verslag = { activiteiten: '3 ateliers', inbreng: 'zorgen over verkeer', watGedaanMetInbreng: 'route aangepast', hoeDeelnemersGeinformeerd: 'nieuwsbrief' };
  const voorstel = (participatieverslag: Partial<typeof verslag> | undefined, id?: string, titel = 'Voorstel') =>
    rec('document', { documentType: 'statenvoorstel', titel, participatieverslag }, { id });
  describe('G4-07', () => {
    runTable(participatieverslagInBeleidsvoorstel, [
      ['satisfied: the complete proposal is named, in both languages', () => [voorstel(verslag, 'sv')], 'satisfied', /\(sv\)\) bevat een volledig participatieverslag[\s\S]*\nThe proposal \([^\n]*\(sv\)\) contains a complete participation report/],
      ['unsatisfied: no activiteiten', () => [voorstel({ ...verslag, activiteiten: ' ' })], 'unsatisfied', /het mist de gehouden activiteiten \(activiteiten\)\.\n[^\n]*it lacks the activities held \(activiteiten\)\.$/],
      ['unsatisfied: no inbreng', () => [voorstel({ ...verslag, inbreng: undefined })], 'unsatisfied', /het mist de belangrijkste inbreng \(inbreng\)\.\n[^\n]*it lacks the main input received \(inbreng\)\.$/],
      ['unsatisfied: no watGedaanMetInbreng, in English', () => [voorstel({ ...verslag, watGedaanMetInbreng: '' })], 'unsatisfied', /it lacks what was done with the input: adopted, not adopted and why \(watGedaanMetInbreng\)\.$/],
      ['unsatisfied: no hoeDeelnemersGeinformeerd, in English', () => [voorstel({ ...verslag, hoeDeelnemersGeinformeerd: '' })], 'unsatisfied', /it lacks how participants were informed back \(hoeDeelnemersGeinformeerd\)\.$/],
      ['unsatisfied: a proposal without report lacks all four', () => [voorstel(undefined)], 'unsatisfied', /het mist de gehouden activiteiten \(activiteiten\), de belangrijkste inbreng \(inbreng\), wat met de inbreng/],
      ['satisfied: a complete earlier proposal beats a later incomplete one', () => [voorstel(verslag, 'vol'), voorstel({ activiteiten: 'x' }, 'half')], 'satisfied', /\(vol\)\) bevat/],
      ['unsatisfied: on a tie the latest proposal is reported', () => [voorstel({ activiteiten: 'x' }, 'eerste', 'Eerste'), voorstel({ inbreng: 'y' }, 'tweede', 'Tweede')], 'unsatisfied', /in [^\n]*'Tweede' \(tweede\) is onvolledig/],
      ['unsatisfied: a document that is no proposal does not count', () => [rec('document', { documentType: 'overig', titel: 'Notitie', participatieverslag: verslag })], 'unsatisfied', /^Er is geen beleidsvoorstel vastgelegd/],
      ['unsatisfied: no proposal, in Dutch, listing the report fields', () => [], 'unsatisfied', /^Er is geen beleidsvoorstel vastgelegd \(GS-voorstel, Statenvoorstel, ontwerpbesluit of beleidsvoorstel\) met een participatieparagraaf \(verslag\): de gehouden activiteiten \(activiteiten\), de belangrijkste inbreng \(inbreng\), wat met de inbreng is gedaan: overgenomen, niet overgenomen en waarom \(watGedaanMetInbreng\) en hoe de deelnemers zijn teruggekoppeld \(hoeDeelnemersGeinformeerd\)\.\n/],
      ['unsatisfied: no proposal, in English, listing the report fields', () => [], 'unsatisfied', /with a participation section \(report\): the activities held \(activiteiten\), the main input received \(inbreng\), what was done with the input: adopted, not adopted and why \(watGedaanMetInbreng\) and how participants were informed back \(hoeDeelnemersGeinformeerd\)\.$/],
    ]);
  });

  describe('G4-08', () => {
    const cb = (extra: { vergaderdatum?: string; aantalInsprekers?: number; nietGeagendeerdReden?: string; commissie?: string } = {}, id?: string) =>
      rec('procedure', { stap: 'commissiebehandeling', onderwerp: 'voorstel', ...extra }, { id });
    const ps = () => klass({ besluitvormer: 'PS' });
    runTable(commissiebehandelingVoorstel, [
      ['not applicable: besluitvormer unknown, and the text says so', () => [], 'not-applicable', /de besluitvormer is nog niet vastgelegd \(G1-04\)[\s\S]*the besluitvormer has not been recorded yet/],
      ['not applicable: GS decide, in English', () => [klass({ besluitvormer: 'GS' })], 'not-applicable', /not PS but GS decide, so there is no PS vote/],
      ['satisfied: the text gives the committee, the date and the PS decision, in both languages', () => [ps(), cb({ vergaderdatum: '2026-05-27', commissie: 'Bestuur' }), besluit({ orgaan: 'PS' })], 'satisfied', /^Het voorstel is op 2026-05-27 in de Statencommissie Bestuur behandeld, niet later dan het PS-besluit van 2026-06-10\.\nThe proposal was discussed in the Statencommissie Bestuur on 2026-05-27, no later than the PS decision of 2026-06-10\.$/],
      ['satisfied: no decision yet: today is the deadline, in English', () => [ps(), cb({ vergaderdatum: '2026-06-15' })], 'satisfied', /no later than today \(2026-06-15; there is no PS decision yet\)\.$/],
      ['satisfied: one speaker, in both languages', () => [ps(), cb({ vergaderdatum: '2026-05-27', aantalInsprekers: 1 })], 'satisfied', /; 1 inspreker\.\n[^\n]*; 1 speaker\.$/],
      ['satisfied: no speakers is a number too', () => [ps(), cb({ vergaderdatum: '2026-05-27', aantalInsprekers: 0 })], 'satisfied', /; 0 insprekers\.\n[^\n]*; 0 speakers\.$/],
      ['unsatisfied: a meeting date that is no date', () => [ps(), cb({ vergaderdatum: '2026-02-30' })], 'unsatisfied', /commissievergadering op 2026-02-30, na vandaag/],
      ['unsatisfied: a meeting tomorrow, without decision, in English', () => [ps(), cb({ vergaderdatum: '2026-06-16' }, 'cb-1')], 'unsatisfied', /: cb-1: committee meeting on 2026-06-16, after today \(2026-06-15; there is no PS decision yet\)\.$/],
      ['unsatisfied: not on the agenda without reason, in both languages', () => [ps(), cb({}, 'cb-2')], 'unsatisfied', /cb-2: niet geagendeerd \(geen vergaderdatum of reden vastgelegd\)\.\n[^\n]*cb-2: not on the agenda \(no meeting date or reason recorded\)\.$/],
      ['unsatisfied: not on the agenda with reason, in English', () => [ps(), cb({ nietGeagendeerdReden: 'hamerstuk' }, 'cb-3')], 'unsatisfied', /cb-3: not on the agenda \(hamerstuk\)\.$/],
      ['unsatisfied: the Dutch text lists the failed steps and nothing before them', () => [ps(), cb({ nietGeagendeerdReden: 'hamerstuk' }, 'cb-6')], 'unsatisfied', /^Het voorstel is niet vóór de stemming in een Statencommissie behandeld, zodat het spreekrecht niet kon worden gebruikt: cb-6: niet geagendeerd \(hamerstuk\)\.\n/],
      ['unsatisfied: two failed steps are both listed', () => [ps(), cb({}, 'cb-4'), cb({ vergaderdatum: '2026-06-16' }, 'cb-5')], 'unsatisfied', /cb-4: niet geagendeerd [^\n]*; cb-5: commissievergadering op 2026-06-16/],
      ['unsatisfied: none recorded, with the PS decision as deadline, in both languages', () => [ps(), besluit({ orgaan: 'PS' })], 'unsatisfied', /Termijn: het PS-besluit van 2026-06-10\.\n[^\n]*Deadline: the PS decision of 2026-06-10\.$/],
      ['unsatisfied: none recorded, no decision yet', () => [ps()], 'unsatisfied', /Termijn: vandaag \(2026-06-15; er is nog geen PS-besluit\)\./],
      ['satisfied: a GS decision is no PS decision, so today is the deadline', () => [ps(), besluit({ orgaan: 'GS' }), cb({ vergaderdatum: '2026-06-12' })], 'satisfied', /niet later dan vandaag/],
    ]);
  });
});

describe('G4-05: each condition pinned (issue #17)', () => {
  const kg = (datum = '2026-06-01', prbId: string | null = 'prb-2026-600', id?: string) =>
    rec('procedure', { stap: 'kennisgeving-besluit', datum, prbId: prbId ?? undefined }, { id });
  const ps = (besluitdatum = '2026-05-28') => besluit({ orgaan: 'PS', besluitdatum }, 'eb');
  const toez = (datum: string, vrijstelling?: string, id?: string) => rec('procedure', { stap: 'besluit-toegezonden-indieners', datum, vrijstelling }, { id });
  runTable(besluitNaUov, [
    [
      'satisfied: the full text in both languages, with the prb id and the TM-03 end',
      () => [inspraak(), ps(), kg()],
      'satisfied',
      /^Artikel 3:44 Awb is nageleefd\. Kennisgeving van het besluit en de terinzagelegging op 2026-06-01 \(prb-2026-600\); de stukken blijven ter inzage tot en met 2026-07-13, [^\n]*\nArticle 3:44 Awb has been complied with\. Notice of the decision and its inspection on 2026-06-01 \(prb-2026-600\); the documents stay open for inspection until 2026-07-13 inclusive/,
    ],
    ['satisfied: a notice without prb id gives only its date', () => [inspraak(), ps(), kg('2026-06-01', null)], 'satisfied', /terinzagelegging op 2026-06-01; de stukken[\s\S]*inspection on 2026-06-01; the documents/],
    ['unsatisfied: the full text starts with what is not complied with, in both languages', () => [inspraak()], 'unsatisfied', /^Artikel 3:44 Awb is nog niet nageleefd\. Ontbreekt: de kennisgeving[\s\S]*\nArticle 3:44 Awb has not yet been complied with\. Missing: the notice of the decision/],
    ['unsatisfied: a notice without decision, in English', () => [inspraak(), kg('2026-06-01', 'prb-2026-600', 'kg-1')], 'unsatisfied', /The notice of 2026-06-01 \(kg-1\) cannot belong to a decision: no final decision is recorded yet/],
    ['unsatisfied: a notice before the decision, in English', () => [inspraak(), ps('2026-06-05'), kg('2026-06-01', 'prb-2026-600', 'kg-2')], 'unsatisfied', /The notice \(kg-2\) is dated 2026-06-01, before the decision PS decision 2026-45 of 2026-06-05 \(eb\)/],
    ['unsatisfied: a notice tomorrow, in English', () => [inspraak(), ps(), kg('2026-06-16', 'prb-2026-600', 'kg-3')], 'unsatisfied', /The notice of the decision \(kg-3\) is dated 2026-06-16, after today \(2026-06-15\): it has not been given yet\./],
    ['unsatisfied: a notice with a date that is no date has not been given', () => [inspraak(), ps(), kg('2026-02-30')], 'unsatisfied', /is gedateerd 2026-02-30, na vandaag/],
    ['satisfied: of an early and a timely notice, the timely one counts', () => [inspraak(), ps('2026-06-01'), kg('2026-05-20'), kg('2026-06-02')], 'satisfied', /terinzagelegging op 2026-06-02/],
    ['satisfied: a notice after the decision counts even when another is still to come', () => [inspraak(), ps(), kg('2026-06-01'), kg('2026-06-20')], 'satisfied', /terinzagelegging op 2026-06-01/],
    [
      'satisfied: dispatch on the day of the decision, in English',
      () => [inspraak(), ps('2026-06-01'), kg('2026-06-01'), zienswijze('zw-1'), toez('2026-06-01')],
      'satisfied',
      /The decision was sent on 2026-06-01 to those who submitted the 1 zienswijze\.$/,
    ],
    [
      'satisfied: relief in English, even without a dispatch date that has passed',
      () => [inspraak(), ps(), kg(), zienswijze('zw-1'), zienswijze('zw-2'), toez('2026-06-20', 'meer dan 250 indieners')],
      'satisfied',
      /Dispatch to those who submitted the 2 zienswijzen: relief under article 3:44\(3\) Awb — meer dan 250 indieners\.$/,
    ],
    ['unsatisfied: a blank relief is no relief', () => [inspraak(), ps(), kg(), zienswijze('zw-1'), toez('2026-06-20', ' ', 'tz-0')], 'unsatisfied', /toezending aan de indieners \(tz-0\) is gedateerd 2026-06-20, na vandaag/],
    [
      'unsatisfied: dispatch before the decision, in English',
      () => [inspraak(), ps('2026-06-01'), kg('2026-06-01'), zienswijze('zw-1'), toez('2026-05-30', undefined, 'tz-1')],
      'unsatisfied',
      /The dispatch to the submitters \(tz-1\) is dated 2026-05-30, before the decision PS decision 2026-45 of 2026-06-01 \(eb\): the decision can be sent only once it is taken\. Correct the date\.$/,
    ],
    [
      'unsatisfied: dispatch without any decision, in both languages',
      () => [inspraak(), kg(), zienswijze('zw-1'), toez('2026-05-30', undefined, 'tz-2')],
      'unsatisfied',
      /De toezending aan de indieners \(tz-2\) van 2026-05-30 kan niet bij een besluit horen: er is nog geen eindbesluit vastgelegd\.\n[\s\S]*The dispatch to the submitters \(tz-2\) of 2026-05-30 cannot belong to a decision: no final decision is recorded yet\.$/,
    ],
    [
      'unsatisfied: dispatch dated tomorrow, in both languages',
      () => [inspraak(), ps(), kg(), zienswijze('zw-1'), toez('2026-06-16', undefined, 'tz-3')],
      'unsatisfied',
      /De toezending aan de indieners \(tz-3\) is gedateerd 2026-06-16, na vandaag \(2026-06-15\): het besluit is nog niet toegezonden aan de indieners van de 1 zienswijze\.\n[\s\S]*has not yet been sent to those who submitted the 1 zienswijze\.$/,
    ],
    ['unsatisfied: without a decision, a dispatch dated tomorrow is still to come, not early', () => [inspraak(), kg(), zienswijze('zw-1'), toez('2026-06-16', undefined, 'tz-4')], 'unsatisfied', /De toezending aan de indieners \(tz-4\) is gedateerd 2026-06-16, na vandaag \(2026-06-15\)/],
    ['unsatisfied: no dispatch, in English', () => [inspraak(), ps(), kg(), zienswijze('zw-1')], 'unsatisfied', /Missing: dispatch of the decision to those who submitted the 1 zienswijze \(procedure step besluit-toegezonden-indieners/],
    ['unsatisfied: a good notice does not make up for a missing dispatch', () => [inspraak(), ps(), kg(), zienswijze('zw-1')], 'unsatisfied', /^Artikel 3:44 Awb is nog niet nageleefd\. Kennisgeving van het besluit/],
    ['satisfied: of an early and a timely dispatch, the timely one counts', () => [inspraak(), ps('2026-06-01'), kg('2026-06-01'), zienswijze('zw-1'), toez('2026-05-30'), toez('2026-06-02')], 'satisfied', /op 2026-06-02 toegezonden/],
  ]);
});

describe('T4 evidence: the outcome rests on exactly these records (issue #17)', () => {
  const ev = (req: Parameters<typeof evaluateRequirements>[0][number], evidence: () => ReturnType<typeof rec>[]) =>
    evaluateRequirements([req], factsWith(evidence()))[0].evidence;
  const kg = (id: string, datum = '2026-06-01') => rec('procedure', { stap: 'kennisgeving-besluit', datum, prbId: 'prb-2026-600' }, { id });
  const toez = (id: string, datum = '2026-06-02') => rec('procedure', { stap: 'besluit-toegezonden-indieners', datum }, { id });
  const wb = (partij: 'PS' | 'GS', id: string, gelegenheidGebodenOn = '2026-05-01') => rec('procedure', { stap: 'wensen-en-bedenkingen', partij, gelegenheidGebodenOn }, { id });
  const psVerordening = () => klass({ besluitvormer: 'PS', besluittype: 'verordening' });
  const gsPrivaatrechtelijk = () => klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158', ingrijpend: true });
  const beschikking = () => klass({ besluitvormer: 'GS', besluittype: 'beschikking' });
  const sent = (id: string, toegezondenAanGeadresseerdenOn?: string) => besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn }, id);
  const pub = (id: string, onderwerp: 'besluit' | 'kennisgeving-ontwerpbesluit' | 'ps-vergaderstukken' | 'drents-panel-resultaten' | 'overig' = 'besluit', kanaal: 'provinciaal-blad' | 'website-provincie' = 'provinciaal-blad') =>
    rec('publicatie', { onderwerp, kanaal, prbId: 'prb-2026-555', publishedOn: '2026-06-12', besluitId: 'eb-1' }, { id });
  const voorstel = (id: string, participatieverslag: Record<string, string>) => rec('document', { documentType: 'statenvoorstel', titel: 'Voorstel', participatieverslag }, { id });
  const verslag = { activiteiten: 'ateliers', inbreng: 'zorgen', watGedaanMetInbreng: 'aangepast', hoeDeelnemersGeinformeerd: 'nieuwsbrief' };
  const cb = (id: string, onderwerp: 'voorstel' | 'startnotitie' = 'voorstel', vergaderdatum?: string) => rec('procedure', { stap: 'commissiebehandeling', commissie: 'Bestuur', onderwerp, vergaderdatum }, { id });
  const plan = (id: string, evaluatieplan: { wanneer?: string; hoe?: string; indicatoren?: string[]; is217a?: boolean }) =>
    rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan', evaluatieplan }, { id });
  const volledigPlan = { wanneer: 'Q4 2028', hoe: 'extern bureau', indicatoren: ['woningen'], is217a: false };
  it.each<[string, () => string[], string[]]>([
    ['G4-01 besluitvormer unknown: every eindbesluit recorded', () => ev(besluitBevoegdOrgaan, () => [besluit({ orgaan: 'PS' }, 'eb-p'), besluit({ orgaan: 'GS' }, 'eb-g')]), ['eb-p', 'eb-g']],
    ['G4-01 satisfied by PS: only the valid PS decision', () => ev(besluitBevoegdOrgaan, () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS' }, 'eb-p'), besluit({ orgaan: 'GS' }, 'eb-g')]), ['eb-p']],
    ['G4-01 satisfied by GS: only the valid GS decision', () => ev(besluitBevoegdOrgaan, () => [klass({ besluitvormer: 'GS' }), besluit({ orgaan: 'PS' }, 'eb-p'), besluit({ orgaan: 'GS' }, 'eb-g')]), ['eb-g']],
    ['G4-01 incomplete: every decision of the competent body, not the other body\'s', () => ev(besluitBevoegdOrgaan, () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', kenmerk: '' }, 'eb-1'), besluit({ orgaan: 'PS', besluitdatum: '2026-06-16' }, 'eb-2'), besluit({ orgaan: 'GS' }, 'eb-g')]), ['eb-1', 'eb-2']],
    ['G4-01 wrong body: every decision of the other body', () => ev(besluitBevoegdOrgaan, () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'GS' }, 'eb-g1'), besluit({ orgaan: 'GS' }, 'eb-g2')]), ['eb-g1', 'eb-g2']],
    ['G4-02 satisfied: the GS step and the PS decision, not a PS step', () => ev(wensenEnBedenkingenGs, () => [psVerordening(), wb('GS', 'wb'), wb('PS', 'wb-ps'), besluit({ orgaan: 'PS' }, 'eb')]), ['wb', 'eb']],
    ['G4-02 no PS decision yet: only the GS step', () => ev(wensenEnBedenkingenGs, () => [psVerordening(), wb('GS', 'wb')]), ['wb']],
    ['G4-03 satisfied: the PS step and the GS decision, not a GS step', () => ev(wensenEnBedenkingenPs, () => [gsPrivaatrechtelijk(), wb('PS', 'wb'), wb('GS', 'wb-gs'), besluit({ orgaan: 'GS' }, 'eb')]), ['wb', 'eb']],
    ['G4-03 no GS decision yet: only the PS step', () => ev(wensenEnBedenkingenPs, () => [gsPrivaatrechtelijk(), wb('PS', 'wb')]), ['wb']],
    ['G4-04 beschikking sent before it was taken: the decision', () => ev(bekendmakingBesluit, () => [beschikking(), sent('b', '2026-06-09')]), ['b']],
    ['G4-04 beschikking sent: the decision', () => ev(bekendmakingBesluit, () => [beschikking(), sent('b', '2026-06-11')]), ['b']],
    ['G4-04 beschikking sent tomorrow: the decision', () => ev(bekendmakingBesluit, () => [beschikking(), sent('b', '2026-06-16')]), ['b']],
    ['G4-04 beschikking not sent: the decision', () => ev(bekendmakingBesluit, () => [beschikking(), sent('b')]), ['b']],
    ['G4-04 published: the Provinciaal blad publication of the decision and the decision', () => ev(bekendmakingBesluit, () => [psVerordening(), besluit({ orgaan: 'PS' }, 'eb-1'), pub('p'), pub('w', 'besluit', 'website-provincie')]), ['p', 'eb-1']],
    ['G4-04 a publication without a decision: only the publication', () => ev(bekendmakingBesluit, () => [psVerordening(), pub('p')]), ['p']],
    ['G4-04 not published: the other Provinciaal blad publications and the decision', () => ev(bekendmakingBesluit, () => [psVerordening(), besluit({ orgaan: 'PS' }, 'eb-1'), pub('k', 'kennisgeving-ontwerpbesluit'), pub('w', 'besluit', 'website-provincie')]), ['k', 'eb-1']],
    ['G4-04 not published and no decision: only the other Provinciaal blad publications', () => ev(bekendmakingBesluit, () => [psVerordening(), pub('k', 'kennisgeving-ontwerpbesluit')]), ['k']],
    ['G4-05 satisfied: decision, notice, zienswijze, dispatch', () => ev(besluitNaUov, () => [inspraak(), besluit({ orgaan: 'PS', besluitdatum: '2026-05-28' }, 'eb'), kg('kg'), zienswijze('zw'), toez('tz')]), ['eb', 'kg', 'zw', 'tz']],
    ['G4-05 unsatisfied: every notice and dispatch, also failed ones', () => ev(besluitNaUov, () => [inspraak(), kg('kg-a', '2026-06-20'), zienswijze('zw'), toez('tz-a', '2026-06-20')]), ['kg-a', 'zw', 'tz-a']],
    ['G4-06 satisfied: the adoption decision', () => ev(participatieverklaringInBesluit, () => [klass({ besluitvormer: 'GS', instrumentType: 'programma' }), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } }, 'eb')]), ['eb']],
    ['G4-06 incomplete statement: the adoption decision', () => ev(participatieverklaringInBesluit, () => [klass({ besluitvormer: 'GS', instrumentType: 'programma' }), besluit({ orgaan: 'GS' }, 'eb')]), ['eb']],
    ['G4-07 satisfied: only the complete proposal', () => ev(participatieverslagInBeleidsvoorstel, () => [voorstel('vol', verslag), voorstel('half', { activiteiten: 'x' })]), ['vol']],
    ['G4-07 incomplete: every proposal, not another document', () => ev(participatieverslagInBeleidsvoorstel, () => [voorstel('a', { activiteiten: 'x' }), voorstel('b', { inbreng: 'y' }), rec('document', { documentType: 'overig', titel: 'Notitie' }, { id: 'n' })]), ['a', 'b']],
    ['G4-08 satisfied: the committee step on the proposal and the PS decision', () => ev(commissiebehandelingVoorstel, () => [klass({ besluitvormer: 'PS' }), cb('cb', 'voorstel', '2026-05-27'), cb('st', 'startnotitie', '2026-02-01'), besluit({ orgaan: 'PS' }, 'eb')]), ['cb', 'eb']],
    ['G4-08 no PS decision yet: only the committee step', () => ev(commissiebehandelingVoorstel, () => [klass({ besluitvormer: 'PS' }), cb('cb')]), ['cb']],
    ['G4-09 satisfied: the panel that was held and the publication', () => ev(drentsPanelResultatenGepubliceerd, () => [activity('drents-panel', 'uitgevoerd', undefined, 'dp'), activity('drents-panel', 'geannuleerd', undefined, 'dp-x'), pub('pp', 'drents-panel-resultaten', 'website-provincie'), pub('o', 'overig', 'website-provincie')]), ['dp', 'pp']],
    ['G4-10 satisfied: the decision and the meeting documents, not another publication', () => ev(wooPublicatieBesluit, () => [pub('b'), pub('s', 'ps-vergaderstukken', 'website-provincie'), pub('o', 'overig', 'website-provincie')]), ['b', 's']],
    ['G4-11 satisfied: only the complete plan', () => ev(evaluatieGepland, () => [plan('vol', volledigPlan), plan('half', { wanneer: 'later' })]), ['vol']],
    ['G4-11 incomplete: every plan, not another document', () => ev(evaluatieGepland, () => [plan('a', { wanneer: 'a' }), plan('b', { hoe: 'b' }), rec('document', { documentType: 'overig', titel: 'Notitie' }, { id: 'n' })]), ['a', 'b']],
    ['G4-12 satisfied: the advisory body and the response, not another activity', () => ev(reactieOpAdvies, () => [activity('raadgevende-groep', 'uitgevoerd', undefined, 'rg'), activity('drents-panel', 'uitgevoerd', undefined, 'dp'), rec('terugkoppeling', { aan: 'adviesorgaan', onderwerp: 'adviesreactie' }, { id: 'r' })]), ['rg', 'r']],
  ])('%s', (_name, evidence, want) => {
    expect(evidence()).toEqual(want);
  });
});

describe('G4-06: each condition pinned (issue #17)', () => {
  const full = { hoeBetrokken: 'via ateliers', resultaten: 'drie aanpassingen', toepassingParticipatiebeleid: 'conform beleid' };
  const visie = (besluitvormer: 'PS' | 'GS' = 'PS') => klass({ besluitvormer, instrumentType: 'omgevingsvisie' });
  const project = (besluitvormer: 'PS' | 'GS' = 'PS') => klass({ besluitvormer, instrumentType: 'projectbesluit' });
  runTable(participatieverklaringInBesluit, [
    [
      'no decision for an omgevingsvisie: names the policy part and the article, in both languages',
      () => [visie()],
      'unsatisfied',
      /voor de omgevingsvisie vastgelegd\. [^\n]*wat de resultaten zijn, en bij vaststelling door PS hoe het participatiebeleid is toegepast \(participatieverklaring, artikel 10\.7 Omgevingsbesluit\)\.\nNo adoption decision \(eindbesluit\) for the omgevingsvisie has been recorded yet\. [^\n]*, and if PS adopt it, how the participation policy was applied \(participatieverklaring, article 10\.7 Omgevingsbesluit\)\.$/,
    ],
    [
      'no decision for a projectbesluit: no policy part, in both languages',
      () => [project()],
      'unsatisfied',
      /voor het projectbesluit vastgelegd\. [^\n]*wat de resultaten zijn \(participatieverklaring, artikel 5\.51 Omgevingswet\)\.\nNo adoption decision \(eindbesluit\) for the projectbesluit [^\n]*what the results were \(participatieverklaring, article 5\.51 Omgevingswet\)\.$/,
    ],
    ['satisfied: PS adopt an omgevingsvisie with all three parts, in English', () => [visie(), besluit({ orgaan: 'PS', participatieverklaring: full })], 'satisfied', /contains the participation statement: how involved and the results, and how the participation policy was applied \(article 10\.7 Omgevingsbesluit\)\.$/],
    ['satisfied: GS adopt an omgevingsvisie: no policy part needed', () => [visie('GS'), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } })], 'satisfied', /hoe betrokken en de resultaten \(artikel 10\.7 Omgevingsbesluit\)\.\n[^\n]*how involved and the results \(article 10\.7 Omgevingsbesluit\)\.$/],
    ['satisfied: PS adopt a projectbesluit: no policy part needed', () => [project(), besluit({ orgaan: 'PS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } })], 'satisfied', /hoe betrokken en de resultaten \(artikel 5\.51 Omgevingswet\)\./],
    ['unsatisfied: without hoeBetrokken, in both languages', () => [visie('GS'), besluit({ orgaan: 'GS', participatieverklaring: { resultaten: 'y' } })], 'unsatisfied', /mist: hoe inwoners, bedrijven, maatschappelijke organisaties en bestuursorganen zijn betrokken \(hoeBetrokken\) \(artikel 10\.7 Omgevingsbesluit\)\.\n[^\n]*lacks: how residents, businesses, civil-society organisations and public bodies were involved \(hoeBetrokken\) \(article 10\.7 Omgevingsbesluit\)\.$/],
    ['unsatisfied: without results, in English', () => [visie('GS'), besluit({ orgaan: 'GS', participatieverklaring: { hoeBetrokken: 'x' } })], 'unsatisfied', /lacks: what the results were \(resultaten\) \(article/],
    ['unsatisfied: PS without the policy part, in English', () => [visie(), besluit({ orgaan: 'PS', participatieverklaring: { hoeBetrokken: 'x', resultaten: 'y' } })], 'unsatisfied', /lacks: how the decentral participation policy was applied \(toepassingParticipatiebeleid; paragraph 2\) \(article 10\.7/],
    ['unsatisfied: no statement at all lists all three parts', () => [visie(), besluit({ orgaan: 'PS' })], 'unsatisfied', /mist: hoe inwoners[^\n]*\(hoeBetrokken\), wat de resultaten daarvan zijn \(resultaten\) en hoe het decentrale participatiebeleid is toegepast/],
    ['the competent body decides which decision is read: a later GS decision does not replace the PS one', () => [visie(), besluit({ orgaan: 'PS', participatieverklaring: full }), besluit({ orgaan: 'GS' })], 'satisfied', /PS-besluit/],
    ['without besluitvormer the latest decision is read', () => [klass({ instrumentType: 'omgevingsvisie' }), besluit({ orgaan: 'PS' }), besluit({ orgaan: 'GS', participatieverklaring: full })], 'satisfied', /GS-besluit/],
    ['without a decision of the competent body the latest decision of any body is read', () => [visie(), besluit({ orgaan: 'GS', participatieverklaring: full }), besluit({ orgaan: 'GS', onderwerp: 'overig' })], 'satisfied', /\(GS-besluit BL 2026-06-09/],
    ['of two decisions of the competent body the latest is read', () => [visie('GS'), besluit({ orgaan: 'GS' }), besluit({ orgaan: 'GS', kenmerk: 'BL 2', participatieverklaring: full })], 'satisfied', /\(GS-besluit BL 2 /],
  ]);
});

describe('G4-01: each condition pinned (issue #17)', () => {
  runTable(besluitBevoegdOrgaan, [
    ['besluitvormer unknown, decisions listed in both languages', () => [besluit({ orgaan: 'PS' }, 'eb-p'), besluit({ orgaan: 'GS' }, 'eb-g')], 'unsatisfied', /Vastgelegde eindbesluiten: PS-besluit 2026-45 van 2026-06-10 \(eb-p\), GS-besluit BL 2026-06-09 van 2026-06-10 \(eb-g\)\.\n[^\n]*Recorded final decisions: PS decision 2026-45 of 2026-06-10 \(eb-p\), GS decision BL 2026-06-09 of 2026-06-10 \(eb-g\)\.$/],
    ['besluitvormer unknown, no decisions: nothing listed', () => [], 'unsatisfied', /Leg de besluitvormer vast via een classificatie\.\n[^\n]*Record the besluitvormer in a classificatie\.$/],
    ['satisfied: PS, in English', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS' })], 'satisfied', /\nPS took the final decision at the meeting of 2026-06-10 \(Statenstuk 2026-45\)\.$/],
    ['satisfied: GS, in both languages', () => [klass({ besluitvormer: 'GS' }), besluit({ orgaan: 'GS' })], 'satisfied', /^GS hebben binnen hun eigen bevoegdheid het eindbesluit genomen op 2026-06-10 \(besluitenlijst BL 2026-06-09\)\.\nGS took the final decision within their own competence on 2026-06-10 \(besluitenlijst BL 2026-06-09\)\.$/],
    ['satisfied: the latest valid decision is named', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-01', kenmerk: '2026-40' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-10' }), besluit({ orgaan: 'PS', kenmerk: '' })], 'satisfied', /\(Statenstuk 2026-45\)/],
    ['unsatisfied: GS decision without kenmerk names the besluitenlijst, in both languages', () => [klass({ besluitvormer: 'GS' }), besluit({ orgaan: 'GS', kenmerk: '' }, 'eb-1')], 'unsatisfied', /^Het eindbesluit van GS is niet volledig vastgelegd: eb-1 mist het kenmerk \(besluitenlijst\)\. Leg het vast met de besluitenlijst \(nummer of datum\) als kenmerk en de datum van de GS-vergadering als besluitdatum\.\nThe final decision of GS is not fully recorded: eb-1 lacks the kenmerk \(besluitenlijst\)\. Record it with the besluitenlijst \(number or date\) as kenmerk and the date of the GS meeting as besluitdatum\.$/],
    ['unsatisfied: PS decision without kenmerk, in English', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', kenmerk: '' }, 'eb-2')], 'unsatisfied', /eb-2 lacks the kenmerk \(Statenstuk number\)\. Record it with the Statenstuk number as kenmerk and the meeting date as besluitdatum\.$/],
    ['unsatisfied: a decision date that is no date, in both languages', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '10-06-2026' }, 'eb-3')], 'unsatisfied', /eb-3 heeft geen geldige besluitdatum \('10-06-2026'\)\.[^\n]*\n[^\n]*eb-3 has no valid besluitdatum \('10-06-2026'\)\./],
    ['unsatisfied: a decision tomorrow, in English', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-16' }, 'eb-4')], 'unsatisfied', /eb-4 is dated 2026-06-16, after today \(2026-06-15\): the decision has not been taken yet\./],
    ['unsatisfied: both a missing kenmerk and a future date are listed', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', kenmerk: '', besluitdatum: '2026-06-16' }, 'eb-5')], 'unsatisfied', /eb-5 mist het kenmerk \(Statenstuknummer\); eb-5 is gedateerd 2026-06-16/],
    ['unsatisfied: a decision tomorrow with a kenmerk names only the date', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', besluitdatum: '2026-06-16' }, 'eb-7')], 'unsatisfied', /niet volledig vastgelegd: eb-7 is gedateerd 2026-06-16, na vandaag \(2026-06-15\): het besluit is nog niet genomen\. Leg/],
    ['unsatisfied: a decision of today without kenmerk names only the kenmerk', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'PS', kenmerk: '', besluitdatum: '2026-06-15' }, 'eb-6')], 'unsatisfied', /niet volledig vastgelegd: eb-6 mist het kenmerk \(Statenstuknummer\)\. Leg/],
    ['unsatisfied: the wrong body, in English, naming the last wrong body', () => [klass({ besluitvormer: 'GS' }), besluit({ orgaan: 'PS' }, 'ps-1')], 'unsatisfied', /A final decision by another body is recorded \(PS decision 2026-45 of 2026-06-10 \(ps-1\)\), but according to the classification the besluitvormer is GS[^\n]*Record the decision of GS with the besluitenlijst[^\n]*, or correct the classification if PS is competent\.$/],
    ['unsatisfied: the wrong body, in Dutch, naming the last wrong body', () => [klass({ besluitvormer: 'PS' }), besluit({ orgaan: 'GS' })], 'unsatisfied', /Leg het besluit van PS vast met het Statenstuknummer als kenmerk en de vergaderdatum als besluitdatum, of corrigeer de classificatie als GS wél bevoegd is\./],
    ['unsatisfied: no decision at all, in both languages', () => [klass({ besluitvormer: 'GS' })], 'unsatisfied', /^Er is nog geen eindbesluit van GS vastgelegd\. Leg het vast als besluit met onderwerp eindbesluit, orgaan GS, de besluitenlijst[^\n]*\nNo final decision of GS has been recorded yet\. Record it as a besluit with subject eindbesluit, body GS, the besluitenlijst/],
  ]);
});

describe('G4-02: each condition pinned (issue #17)', () => {
  const wb = (gelegenheidGebodenOn: string, extra: { reactieOn?: string; partij?: 'PS' | 'GS' } = {}, id?: string) =>
    rec('procedure', { stap: 'wensen-en-bedenkingen', partij: extra.partij ?? 'GS', gelegenheidGebodenOn, reactieOn: extra.reactieOn }, { id });
  const psVerordening = () => klass({ besluitvormer: 'PS', besluittype: 'verordening' });
  runTable(wensenEnBedenkingenGs, [
    ['not applicable: besluitvormer not recorded, in both languages', () => [klass({ besluittype: 'verordening' })], 'not-applicable', /de classificatie is nog niet volledig \(besluitvormer nog niet vastgelegd, besluittype verordening; G1-04\)[\s\S]*the classification is not complete yet \(besluitvormer not recorded yet, decision type verordening; G1-04\)/],
    ['not applicable: besluittype not recorded', () => [klass({ besluitvormer: 'PS' })], 'not-applicable', /nog niet volledig \(besluitvormer PS, besluittype nog niet vastgelegd; G1-04\)/],
    ['not applicable: GS adopt, in English', () => [klass({ besluitvormer: 'GS', besluittype: 'verordening' })], 'not-applicable', /the decision is not a verordening adopted by PS \(besluitvormer GS, decision type verordening\)/],
    ['satisfied: with a GS response, in English', () => [psVerordening(), wb('2026-05-01', { reactieOn: '2026-05-20' }), besluit({ orgaan: 'PS' })], 'satisfied', /\nGS were given the opportunity to state wishes and objections on the verordening on 2026-05-01, no later than the PS decision of 2026-06-10; GS responded on 2026-05-20\.$/],
    ['satisfied: without a response, no decision yet, in both languages', () => [psVerordening(), wb('2026-05-01')], 'satisfied', /niet later dan vandaag \(2026-06-15; er is nog geen PS-besluit\)\.\n[^\n]*no later than today \(2026-06-15; there is no PS decision yet\)\.$/],
    ['satisfied: the latest timely opportunity is named', () => [psVerordening(), wb('2026-04-01'), wb('2026-05-01'), besluit({ orgaan: 'PS' })], 'satisfied', /op 2026-05-01 de gelegenheid/],
    ['unsatisfied: an opportunity date that is no date', () => [psVerordening(), wb('2026-02-30', {}, 'wb-x'), besluit({ orgaan: 'PS' })], 'unsatisfied', /gedateerd 2026-02-30 \(wb-x\), na het PS-besluit van 2026-06-10/],
    ['unsatisfied: too late, in English', () => [psVerordening(), wb('2026-06-11', {}, 'wb-y'), besluit({ orgaan: 'PS' })], 'unsatisfied', /The opportunity for GS to state wishes and objections is dated 2026-06-11 \(wb-y\), after the PS decision of 2026-06-10: PS may adopt/],
    ['unsatisfied: none recorded, in English', () => [psVerordening()], 'unsatisfied', /\nNo record that GS were given the opportunity/],
    ['a GS eindbesluit is no PS decision: today is the deadline', () => [psVerordening(), wb('2026-06-12'), besluit({ orgaan: 'GS' })], 'satisfied', /niet later dan vandaag/],
  ]);
});

describe('G4-03: each condition pinned (issue #17)', () => {
  const applies = () => klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158', ingrijpend: true });
  const wb = (gelegenheidGebodenOn: string, extra: { spoed?: boolean; achterafGeinformeerdOn?: string } = {}, id?: string) =>
    rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'PS', gelegenheidGebodenOn, ...extra }, { id });
  const gs = () => besluit({ orgaan: 'GS' });
  runTable(wensenEnBedenkingenPs, [
    ['not applicable: ingrijpend not recorded, in both languages', () => [klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158' })], 'not-applicable', /nog niet vastgelegd is of het privaatrechtelijke besluit van GS ingrijpende gevolgen heeft \(ingrijpend, G1-04\)[\s\S]*whether the private-law decision of GS has major consequences has not been recorded yet/],
    ['not applicable: not ingrijpend, in both languages', () => [klass({ besluitvormer: 'GS', besluittype: 'privaatrechtelijk-158', ingrijpend: false })], 'not-applicable', /het privaatrechtelijke besluit van GS heeft volgens de classificatie geen ingrijpende gevolgen[\s\S]*according to the classification the private-law decision of GS has no major consequences/],
    ['not applicable: besluittype not recorded, in both languages', () => [klass({ besluitvormer: 'GS', ingrijpend: true })], 'not-applicable', /de classificatie is nog niet volledig \(besluitvormer GS, besluittype nog niet vastgelegd; G1-04\)[\s\S]*the classification is not complete yet \(besluitvormer GS, decision type not recorded yet; G1-04\)/],
    ['not applicable: besluitvormer not recorded', () => [klass({ besluittype: 'privaatrechtelijk-158', ingrijpend: true })], 'not-applicable', /nog niet volledig \(besluitvormer nog niet vastgelegd, besluittype privaatrechtelijk-158; G1-04\)/],
    ['not applicable: PS decide, in both languages', () => [klass({ besluitvormer: 'PS', besluittype: 'privaatrechtelijk-158', ingrijpend: true })], 'not-applicable', /het is geen privaatrechtelijk besluit van GS op grond van artikel 158, eerste lid, onder e, f of h, Provinciewet \(besluitvormer PS, besluittype privaatrechtelijk-158\)[\s\S]*it is not a private-law decision of GS under article 158\(1\)\(e\), \(f\) or \(h\) Provinciewet \(besluitvormer PS, decision type privaatrechtelijk-158\)/],
    ['not applicable: GS, ingrijpend, but another type', () => [klass({ besluitvormer: 'GS', besluittype: 'beschikking', ingrijpend: true })], 'not-applicable', /het is geen privaatrechtelijk besluit van GS/],
    ['no decision yet, opportunity given: in English', () => [applies(), wb('2026-06-15')], 'satisfied', /\nPS were given the opportunity to state wishes and objections on 2026-06-15; there is no GS decision yet, so it can only follow afterwards\.$/],
    ['no decision yet, only an urgent step: not yet verifiable, in both languages', () => [applies(), wb('2026-06-01', { spoed: true }, 'wb-s')], 'unsatisfied', /niet te toetsen of PS vóór het besluit \(of bij spoed direct daarna\) in de gelegenheid zijn gesteld \(wb-s\)\.\n[^\n]*it cannot be verified that PS had the opportunity before the decision \(or, if urgent, right after it\) \(wb-s\)\.$/],
    ['no decision yet, opportunity tomorrow: not yet verifiable', () => [applies(), wb('2026-06-16', {}, 'wb-t')], 'unsatisfied', /in de gelegenheid zijn gesteld \(wb-t\)\./],
    ['no decision and nothing recorded: the general text', () => [applies()], 'unsatisfied', /^Niet vastgelegd dat PS vooraf zijn geïnformeerd[^\n]*\nNo record that PS were informed beforehand/],
    ['before the decision: in English, with the kenmerk', () => [applies(), wb('2026-06-09'), gs()], 'satisfied', /\nPS were given the opportunity to state wishes and objections on 2026-06-09, before the GS decision of 2026-06-10 \(BL 2026-06-09\)\.$/],
    ['an opportunity date that is no date is not before the decision', () => [applies(), wb('2026-02-30', {}, 'wb-d'), gs()], 'unsatisfied', /wb-d: de gelegenheid is gedateerd 2026-02-30, niet vóór het GS-besluit van 2026-06-10/],
    ['urgent, PS informed on the day of the decision (boundary), in English', () => [applies(), wb('2026-06-10', { spoed: true, achterafGeinformeerdOn: '2026-06-10' }), gs()], 'satisfied', /\nUrgent case \(article 167\(5\) Provinciewet\): GS decided on 2026-06-10 and informed PS afterwards on 2026-06-10\.$/],
    ['urgent, PS informed before the decision, in both languages', () => [applies(), wb('2026-06-10', { spoed: true, achterafGeinformeerdOn: '2026-06-09' }, 'wb-u'), gs()], 'unsatisfied', /wb-u meldt spoed, maar PS zijn op 2026-06-09 geïnformeerd, vóór het besluit van 2026-06-10: leg dan de gelegenheid vooraf vast\.\n[^\n]*wb-u reports urgency, but PS were informed on 2026-06-09, before the decision of 2026-06-10: record the prior opportunity instead\.$/],
    ['a wensen-en-bedenkingen step for GS is no opportunity for PS', () => [applies(), rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'GS', gelegenheidGebodenOn: '2026-06-01' }), gs()], 'unsatisfied', /^Niet vastgelegd dat PS vooraf zijn geïnformeerd/],
    ['a step informing PS afterwards without spoed is no urgent case', () => [applies(), wb('2026-06-12', { achterafGeinformeerdOn: '2026-06-12' }, 'wb-n'), gs()], 'unsatisfied', /wb-n: de gelegenheid is gedateerd 2026-06-12, niet vóór/],
    ['urgent without the date, in English', () => [applies(), wb('2026-06-12', { spoed: true }, 'wb-e'), gs()], 'unsatisfied', /wb-e reports urgency, but not when PS were informed afterwards \(achterafGeinformeerdOn\)\.$/],
    ['too late, in both languages, every step listed', () => [applies(), wb('2026-06-10', {}, 'wb-1'), wb('2026-06-11', {}, 'wb-2'), gs()], 'unsatisfied', /^PS kregen niet vóór het GS-besluit van 2026-06-10 [^\n]*: wb-1: de gelegenheid is gedateerd 2026-06-10, niet vóór het GS-besluit van 2026-06-10; wb-2: [^\n]*\nPS were not given the opportunity [^\n]*: wb-1: the opportunity is dated 2026-06-10, not before the GS decision of 2026-06-10; wb-2: /],
    ['a PS eindbesluit is not the GS decision', () => [applies(), wb('2026-06-01'), besluit({ orgaan: 'PS' })], 'satisfied', /er is nog geen GS-besluit/],
  ]);
});

describe('G4-04: each condition pinned (issue #17)', () => {
  const pub = (extra: { id?: string; prbId?: string | null; publishedOn?: string; onderwerp?: 'besluit' | 'kennisgeving-ontwerpbesluit'; besluitId?: string | null; kanaal?: 'provinciaal-blad' | 'website-provincie' } = {}) =>
    rec(
      'publicatie',
      {
        onderwerp: extra.onderwerp ?? 'besluit',
        kanaal: extra.kanaal ?? 'provinciaal-blad',
        prbId: extra.prbId === null ? undefined : (extra.prbId ?? 'prb-2026-555'),
        publishedOn: extra.publishedOn ?? '2026-06-12',
        besluitId: extra.besluitId === null ? undefined : (extra.besluitId ?? 'eb-1'),
      },
      { id: extra.id },
    );
  const eb = (data: Partial<BesluitData> = {}) => besluit({ orgaan: 'PS', ...data }, 'eb-1');
  const regeling = (besluittype: 'verordening' | 'beleidsregel' | 'besluit-algemene-strekking' = 'verordening') => klass({ besluitvormer: 'PS', besluittype });
  const beschikking = () => klass({ besluitvormer: 'GS', besluittype: 'beschikking' });
  runTable(bekendmakingBesluit, [
    ['applies to a beleidsregel', () => [regeling('beleidsregel')], 'unsatisfied', /Het besluit \(beleidsregel\) is niet bekendgemaakt/],
    ['applies to a besluit van algemene strekking', () => [regeling('besluit-algemene-strekking')], 'unsatisfied', /Het besluit \(besluit-algemene-strekking\) is niet bekendgemaakt/],
    ['not applicable: besluittype not classified, in English', () => [], 'not-applicable', /the decision type has not been recorded yet \(G1-04\), so it is not known how the decision must be made known/],
    ['not applicable: besluittype anders, in English', () => [klass({ besluittype: 'anders' })], 'not-applicable', /the decision type is anders: not a verordening, beleidsregel, decision of general scope or beschikking/],
    ['satisfied: the full text in both languages, without entry into force', () => [regeling(), eb(), pub()], 'satisfied', /^Het besluit \(verordening\) is op 2026-06-12 bekendgemaakt in het Provinciaal blad \(prb-2026-555\)\.\nThe decision \(verordening\) was published in the Provinciaal blad on 2026-06-12 \(prb-2026-555\)\.$/],
    ['satisfied: entry into force, in English', () => [regeling(), eb({ inwerkingtredingOn: '2026-07-01' }), pub()], 'satisfied', /\(prb-2026-555\); entry into force on 2026-07-01, not before publication\.$/],
    ['satisfied: an entry-into-force date that is no date is not checked', () => [regeling(), eb({ inwerkingtredingOn: '2026-02-30' }), pub()], 'satisfied', /inwerkingtreding op 2026-02-30/],
    ['satisfied: a good publication next to a bad one', () => [regeling(), eb(), pub({ id: 'p-bad', prbId: 'x' }), pub({ id: 'p-good', publishedOn: '2026-06-13' })], 'satisfied', /op 2026-06-13 bekendgemaakt/],
    ['unsatisfied: every problem of every publication, in both languages', () => [regeling(), eb({ inwerkingtredingOn: '2026-06-01' }), pub({ id: 'p-1', prbId: null, publishedOn: '2026-06-16' }), pub({ id: 'p-2', besluitId: null })], 'unsatisfied', /^De bekendmaking van het besluit \(verordening\) in het Provinciaal blad is niet in orde: p-1: geen geldig Provinciaal-blad-id \(verwacht prb-JJJJ-N, vastgelegd: ''\); publicatiedatum 2026-06-16 ligt na vandaag \(2026-06-15\); de inwerkingtreding \(2026-06-01\) ligt vóór de bekendmaking \(2026-06-16\)[^\n]* — p-2: de publicatie noemt niet welk besluit zij bekendmaakt[^\n]*\.\nThe publication of the decision \(verordening\) in the Provinciaal blad is not in order: p-1: no valid Provinciaal blad id \(expected prb-YYYY-N, recorded: ''\); publication date 2026-06-16 is after today \(2026-06-15\); entry into force \(2026-06-01\) is before publication \(2026-06-16\)[^\n]* — p-2: the publication does not say which decision it makes known: fill in besluitId with the final decision \(eb-1\)/],
    ['unsatisfied: another decision, in English', () => [regeling(), eb(), rec('besluit', { orgaan: 'GS', onderwerp: 'overig', kenmerk: 'x', besluitdatum: '2026-06-01' }, { id: 'other' }), pub({ besluitId: 'other' })], 'unsatisfied', /the publication makes another decision known \(other\), not the final decision PS decision 2026-45 of 2026-06-10 \(eb-1\)/],
    ['unsatisfied: published before the decision, in English', () => [regeling(), eb({ besluitdatum: '2026-06-13' }), pub()], 'unsatisfied', /the publication date 2026-06-12 is before the decision date 2026-06-13: a decision cannot be made known before it is taken/],
    ['unsatisfied: a publication date that is no date has not happened', () => [regeling(), eb(), pub({ publishedOn: '2026-02-30' })], 'unsatisfied', /publicatiedatum 2026-02-30 ligt na vandaag/],
    ['satisfied: a decision date that is no date is not compared with the publication date', () => [regeling(), eb({ besluitdatum: 'onbekend' }), pub()], 'satisfied', /op 2026-06-12 bekendgemaakt/],
    ['unsatisfied: no decision to publish, in English', () => [regeling(), pub()], 'unsatisfied', /no final decision is recorded yet that this publication could make known/],
    ['unsatisfied: only the website, no Provinciaal blad at all, in English', () => [regeling(), eb(), pub({ kanaal: 'website-provincie' })], 'unsatisfied', /A decision does not take effect before it is published \(article 3:40 Awb\)\.$/],
    ['unsatisfied: other Provinciaal blad publications are listed, by prb id or else by record id, in English', () => [regeling(), pub({ onderwerp: 'kennisgeving-ontwerpbesluit', prbId: 'prb-2026-100' }), pub({ id: 'kg-zonder-id', onderwerp: 'kennisgeving-ontwerpbesluit', prbId: null })], 'unsatisfied', /Recorded in the Provinciaal blad, but not the decision itself: prb-2026-100 \(subject kennisgeving-ontwerpbesluit\), kg-zonder-id \(subject kennisgeving-ontwerpbesluit\)\.$/],
    ['beschikking without decision, in English', () => [beschikking()], 'unsatisfied', /\nNo final decision has been recorded yet\. A beschikking is published by sending it to the addressees/],
    ['beschikking sent before it was taken, in English', () => [beschikking(), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-09' }, 'b-1')], 'unsatisfied', /The dispatch of the beschikking \(GS decision BL 2026-06-09 of 2026-06-10 \(b-1\)\) is dated 2026-06-09, before the decision date 2026-06-10/],
    ['beschikking sent on the day it was taken (boundary), in both languages', () => [beschikking(), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-10' }, 'b-2')], 'satisfied', /^De beschikking \(GS-besluit BL 2026-06-09 van 2026-06-10 \(b-2\)\) is op 2026-06-10 aan de geadresseerden toegezonden \(artikel 3:41 Awb\)\.\nThe beschikking \(GS decision BL 2026-06-09 of 2026-06-10 \(b-2\)\) was sent to the addressees on 2026-06-10 \(article 3:41 Awb\)\.$/],
    ['beschikking with a dispatch date that is no date: not yet published', () => [beschikking(), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-02-30' })], 'unsatisfied', /is gedateerd 2026-02-30, na vandaag/],
    ['beschikking dispatched tomorrow, in English', () => [beschikking(), besluit({ orgaan: 'GS', toegezondenAanGeadresseerdenOn: '2026-06-16' })], 'unsatisfied', /is dated 2026-06-16, after today \(2026-06-15\): it has not been published yet and so has no effect/],
    ['beschikking not sent, in both languages', () => [beschikking(), besluit({ orgaan: 'GS' })], 'unsatisfied', /^Niet vastgelegd dat de beschikking [^\n]* aan de geadresseerden is toegezonden[^\n]*\nNo record that the beschikking [^\n]* was sent to the addressees/],
  ]);
});

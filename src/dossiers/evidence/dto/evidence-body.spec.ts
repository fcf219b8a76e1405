import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { DOCUMENT_TYPES, EVIDENCE_KINDS, PROCEDURE_STAPPEN } from '../../../../workflows/evidence';
import { DomainError, type FieldError } from '../../../common';
import { EVIDENCE_DTO_MODELS, EvidenceBodyDto, EvidenceRecordDto, parseEvidenceBody } from './evidence-body';

const UUID_A = '3f2b8c1e-7d4a-4e6b-9c2d-1a2b3c4d5e6f';
const UUID_B = '8d0e6f7a-2b1c-4d3e-9f8a-7b6c5d4e3f2a';
const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

const body = (kind: string, data: unknown, extra: Record<string, unknown> = {}) => ({ kind, occurredOn: '2026-03-02', data, ...extra });

/** The errors of a body that must fail; fails the test if it passes or throws anything else. */
function errorsOf(input: unknown): FieldError[] {
  let thrown: unknown;
  try {
    parseEvidenceBody(input);
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`expected a validation error for ${JSON.stringify(input)}`);
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe('validation-failed');
  const errors = (thrown as DomainError).details.errors as FieldError[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.field).toBe('string');
    expect(typeof e.message).toBe('string');
  }
  return errors;
}

function messageAt(input: unknown, field: string): string {
  const errors = errorsOf(input);
  const hit = errors.find((e) => e.field === field);
  if (!hit) throw new Error(`no error on ${field}; got ${JSON.stringify(errors)}`);
  return hit.message;
}

/** Every object in the tree is a plain object (Object.prototype), so it stores and hashes as JSON. */
function expectPlainJson(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(expectPlainJson);
  if (typeof value === 'object' && value !== null) {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    Object.values(value).forEach(expectPlainJson);
  }
}

// ---------------------------------------------------------------------------------------------
// Valid examples: every kind, every procedure stap, full and minimal.
// ---------------------------------------------------------------------------------------------

const VALID: Array<[string, string, Record<string, unknown>]> = [
  ['classificatie (full)', 'classificatie', {
    strategisch: true,
    strategischMotivatie: 'Raakt heel Drenthe.',
    besluitvormer: 'PS',
    besluittype: 'verordening',
    instrumentType: 'omgevingsverordening',
    ingrijpend: false,
    herkomst: 'ps-motie',
    herkomstBron: 'Motie M2026-04',
    reden: 'Startclassificatie',
  }],
  ['classificatie (one field)', 'classificatie', { strategisch: false, reden: 'herzien na commissiebehandeling' }],
  ['document (full)', 'document', {
    documentType: 'startnotitie',
    titel: 'Startnotitie Regionale Energiestrategie Drenthe',
    kenmerk: '2026-123',
    url: 'https://www.provincie.drenthe.nl/documenten/startnotitie-res.pdf',
    contentHash: HASH,
    participatieparagraaf: {
      doel: 'Ophalen van zorgen en ideeën.',
      doelgroepen: ['inwoners', 'jongeren'],
      niveaus: [
        { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
        { doelgroep: 'jongeren', fase: 'voorbereiding-beleid', niveau: 'meebeslissen' },
      ],
      ruimteVoorInvloed: 'De locatie ligt vast.',
      planning: 'April–juni 2026.',
      instrumenten: [{ instrumentId: 'drents-panel', fase: 'ontwikkeling-voorstel', doelgroep: 'inwoners' }, { instrumentId: 'other', fase: 'uitvoering' }],
      terugkoppeling: 'Reactienota.',
      informatievindplaats: 'www.provincie.drenthe.nl/energie',
    },
    participatieverslag: { activiteiten: 'Drie avonden.', inbreng: 'Zorgen over geluid.', watGedaanMetInbreng: 'Opgenomen.', hoeDeelnemersGeinformeerd: 'Per e-mail.' },
    participatieverklaring: 'Inwoners zijn betrokken via het Drents Panel.',
    vastgesteldDoorGsOn: '2026-03-10',
    verzondenAanPsOn: '2026-03-12',
    beantwoordtZienswijzen: [UUID_A, UUID_B],
    evaluatieplan: { wanneer: 'Na twee jaar.', hoe: 'Enquête.', indicatoren: ['aantal coöperaties'], is217a: false },
  }],
  ['document (minimal)', 'document', { documentType: 'overig', titel: 'Notitie' }],
  ['activiteit (full)', 'activiteit', {
    instrumentId: 'other',
    instrumentLabel: 'Keukentafelgesprekken',
    organisator: 'GS',
    fase: 'voorbereiding-beleid',
    inwonersGericht: true,
    niveau: 'consulteren',
    doelgroepen: ['inwoners'],
    startOn: '2026-04-07',
    endOn: '2026-04-07',
    status: 'uitgevoerd',
    annuleringsreden: 'n.v.t.',
    aankondiging: { kanaal: 'website-provincie', url: 'http://intranet.drenthe.local/agenda', datum: '2026-03-16' },
    aantalDeelnemers: 0,
    opbrengst: 'Breed draagvlak.',
  }],
  ['activiteit (minimal)', 'activiteit', {
    instrumentId: 'drents-panel', organisator: 'Inwoners', fase: 'uitvoering', inwonersGericht: false, doelgroepen: [], startOn: '2026-02-28', status: 'gepland',
  }],
  ['publicatie (full)', 'publicatie', {
    onderwerp: 'kennisgeving-ontwerpbesluit',
    kanaal: 'provinciaal-blad',
    url: 'https://zoek.officielebekendmakingen.nl/prb-2026-1234.html',
    prbId: 'prb-2026-1234',
    publishedOn: '2026-03-05',
    documentId: UUID_A,
    contentHash: HASH,
    retrievedAt: '2026-03-05T09:30:00.123Z',
  }],
  ['publicatie (offset instant)', 'publicatie', { onderwerp: 'overig', kanaal: 'krant', publishedOn: '2026-03-05', retrievedAt: '2026-03-05T10:30:00+01:00' }],
  ['besluit (full)', 'besluit', {
    orgaan: 'PS',
    onderwerp: 'eindbesluit',
    kenmerk: 'Statenstuk 2026-45',
    besluitdatum: '2026-06-10',
    inwerkingtredingOn: '2026-07-01',
    toegezondenAanGeadresseerdenOn: '2026-06-12',
    participatieverklaring: { hoeBetrokken: 'Inloopavonden.', resultaten: '1.200 reacties.', toepassingParticipatiebeleid: 'Volgens kader.' },
  }],
  ['besluit (minimal)', 'besluit', { orgaan: 'Presidium', onderwerp: 'agendering', kenmerk: 'P-2026-3', besluitdatum: '2026-01-15' }],
  ['checkvraag', 'checkvraag', { vraag: 'beginspraak', antwoord: false, toelichting: 'Geen ruimte: uitvoering van rijksbeleid.' }],
  ['terugkoppeling (full)', 'terugkoppeling', { aan: 'ps', onderwerp: 'voortgang', kanaal: 'statenbrief', kenmerk: 'SB-2026-17', samenvatting: 'Voortgang gemeld.' }],
  ['terugkoppeling (minimal)', 'terugkoppeling', { aan: 'adviesorgaan', onderwerp: 'adviesreactie' }],
  ['leerpunten', 'leerpunten', { leerpunten: 'Jongeren eerder betrekken.', successen: 'Drents Panel werkte goed.' }],
  ['procedure inspraakbesluit', 'procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'Raakt veel inwoners.', gsBesluitKenmerk: 'GS 2026-09/4' }],
  ['procedure kennisgeving-ontwerp', 'procedure', { stap: 'kennisgeving-ontwerp', datum: '2026-03-04', prbId: 'prb-2026-77' }],
  ['procedure terinzagelegging', 'procedure', { stap: 'terinzagelegging', startOn: '2026-03-05', termijnWeken: 6 }],
  ['procedure terinzagelegging (52 weeks)', 'procedure', { stap: 'terinzagelegging', startOn: '2026-03-05', termijnWeken: 52 }],
  ['procedure toezending-ontwerp', 'procedure', { stap: 'toezending-ontwerp', datum: '2026-03-04', geenGeadresseerden: false }],
  ['procedure toezending-ontwerp (minimal)', 'procedure', { stap: 'toezending-ontwerp' }],
  ['procedure zienswijze', 'procedure', { stap: 'zienswijze', ontvangenOn: '2026-04-02', indienerRef: 'ZW-2026-017', vorm: 'mondeling' }],
  ['procedure besluit-toegezonden-indieners', 'procedure', { stap: 'besluit-toegezonden-indieners', datum: '2026-06-15', vrijstelling: 'Awb 3:44 lid 3' }],
  ['procedure kennisgeving-besluit', 'procedure', { stap: 'kennisgeving-besluit', datum: '2026-06-17', prbId: 'prb-2026-2001' }],
  ['procedure kennisgeving-participatie', 'procedure', { stap: 'kennisgeving-participatie', datum: '2026-02-02', prbId: 'prb-2026-5', verkenningStartOn: '2026-02-16' }],
  ['procedure commissiebehandeling', 'procedure', {
    stap: 'commissiebehandeling', onderwerp: 'voorstel', commissie: 'Statencommissie Omgeving', vergaderdatum: '2026-03-25', aantalInsprekers: 3, nietGeagendeerdReden: 'n.v.t.',
  }],
  ['procedure wensen-en-bedenkingen', 'procedure', {
    stap: 'wensen-en-bedenkingen', partij: 'GS', gelegenheidGebodenOn: '2026-04-01', reactieOn: '2026-04-22', spoed: true, achterafGeinformeerdOn: '2026-04-03',
  }],
  ['procedure agenderingsverzoek', 'procedure', {
    stap: 'agenderingsverzoek', ingediendOn: '2026-01-20', geldigeOndersteuners: 312, binnenBevoegdheidPs: true, vorigeAgenderingOn: '2024-05-14', nieuweFeiten: false,
  }],
  ['procedure uitdaagrecht-verzoek', 'procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-11', besluitOn: '2026-03-31', uitkomst: 'Toegekend.' }],
  ['procedure evaluatietype', 'procedure', { stap: 'evaluatietype', type: '217a-onderzoek' }],
  ['procedure nrk-217a', 'procedure', { stap: 'nrk-217a', geinformeerdOn: '2026-09-01', onderzoekStartOn: '2026-10-01', kopieVerzondenOn: '2026-09-02' }],
];

describe('parseEvidenceBody: valid bodies', () => {
  it('has an example for every kind and every procedure stap', () => {
    expect(new Set(VALID.map(([, kind]) => kind))).toEqual(new Set(EVIDENCE_KINDS));
    const stappen = VALID.filter(([, kind]) => kind === 'procedure').map(([, , data]) => data.stap);
    expect(new Set(stappen)).toEqual(new Set(PROCEDURE_STAPPEN));
  });

  it.each(VALID)('accepts %s and returns its data unchanged as plain JSON', (_label, kind, data) => {
    const input = JSON.parse(JSON.stringify(body(kind, data))) as unknown;
    const parsed = parseEvidenceBody(input);
    expect(parsed).toEqual({ kind, occurredOn: '2026-03-02', supersedes: null, data });
    expectPlainJson(parsed.data);
    expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(data);
    expect(parsed.data).not.toBe((input as { data: unknown }).data);
  });

  it('passes supersedes through, and treats null like absent', () => {
    const data = { leerpunten: 'Eerder beginnen.' };
    expect(parseEvidenceBody(body('leerpunten', data, { supersedes: UUID_A })).supersedes).toBe(UUID_A);
    expect(parseEvidenceBody(body('leerpunten', data, { supersedes: null })).supersedes).toBeNull();
  });

  it('narrows data by kind', () => {
    const parsed = parseEvidenceBody(body('procedure', { stap: 'evaluatietype', type: 'extern' }));
    if (parsed.kind !== 'procedure' || parsed.data.stap !== 'evaluatietype') throw new Error('wrong kind');
    expect(parsed.data.type).toBe('extern');
  });

  it('accepts texts at their limits', () => {
    expect(() => parseEvidenceBody(body('document', { documentType: 'overig', titel: 'x'.repeat(300) }))).not.toThrow();
    expect(() => parseEvidenceBody(body('leerpunten', { leerpunten: 'x'.repeat(10_000) }))).not.toThrow();
    const url = `https://www.drenthe.nl/${'a'.repeat(2048 - 23)}`;
    expect(url).toHaveLength(2048);
    expect(() => parseEvidenceBody(body('document', { documentType: 'overig', titel: 't', url }))).not.toThrow();
    const doelgroepen = Array.from({ length: 100 }, (_, i) => `groep ${i}`);
    expect(() => parseEvidenceBody(body('activiteit', { ...VALID[5][2], doelgroepen }))).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid bodies: each names the field at fault.
// ---------------------------------------------------------------------------------------------

const doc = (extra: Record<string, unknown>) => body('document', { documentType: 'startnotitie', titel: 'Startnotitie', ...extra });
const plan = (extra: Record<string, unknown>) => doc({ participatieparagraaf: extra });
const act = (extra: Record<string, unknown>) => body('activiteit', { ...VALID[5][2], ...extra });
const proc = (data: Record<string, unknown>) => body('procedure', data);

const INVALID: Array<[string, unknown, string, RegExp?]> = [
  // envelope
  ['kind missing', { occurredOn: '2026-03-02', data: {} }, 'kind', /is required/],
  ['kind unknown', body('foto', {}), 'kind', /^must be one of: classificatie, document, activiteit/],
  ['kind as operator object', body('x', {}, { kind: { $gt: 1 } }), 'kind', /must be one of/],
  ['occurredOn missing', { kind: 'leerpunten', data: { leerpunten: 'x' } }, 'occurredOn', /is required/],
  ['occurredOn not a calendar day', body('leerpunten', { leerpunten: 'x' }, { occurredOn: '2026-02-30' }), 'occurredOn', /calendar date/],
  ['occurredOn with a time', body('leerpunten', { leerpunten: 'x' }, { occurredOn: '2026-03-02T10:00:00Z' }), 'occurredOn'],
  ['occurredOn a number', body('leerpunten', { leerpunten: 'x' }, { occurredOn: 20260302 }), 'occurredOn'],
  ['supersedes not a uuid', body('leerpunten', { leerpunten: 'x' }, { supersedes: 'doc-1' }), 'supersedes', /UUID/],
  ['data missing', { kind: 'leerpunten', occurredOn: '2026-03-02' }, 'data', /is required/],
  ['data a string', body('leerpunten', 'x'), 'data', /must be an object/],
  ['data an array', body('leerpunten', [{ leerpunten: 'x' }]), 'data', /must be an object/],
  ['data null', body('leerpunten', null), 'data'],
  ['unknown top-level field', body('leerpunten', { leerpunten: 'x' }, { recordedBy: 'u-1' }), 'recordedBy', /^is not allowed$/],
  // classificatie
  ['classificatie without reden', body('classificatie', { strategisch: true }), 'data.reden', /is required/],
  ['classificatie with only reden', body('classificatie', { reden: 'omdat' }), 'data', /at least one of/],
  ['classificatie besluitvormer', body('classificatie', { besluitvormer: 'gemeente', reden: 'r' }), 'data.besluitvormer', /must be one of: PS, GS/],
  ['classificatie strategisch as string', body('classificatie', { strategisch: 'ja', reden: 'r' }), 'data.strategisch', /true or false/],
  // document
  ['documentType unknown', doc({ documentType: 'memo' }), 'data.documentType', /^must be one of: startnotitie, participatieparagraaf-plan, /],
  ['titel missing', body('document', { documentType: 'startnotitie' }), 'data.titel', /is required/],
  ['titel blank', doc({ titel: '   ' }), 'data.titel', /must not be empty/],
  ['titel too long', doc({ titel: 'x'.repeat(301) }), 'data.titel', /at most 300/],
  ['titel a number', doc({ titel: 42 }), 'data.titel', /must be a string/],
  ['kenmerk null', doc({ kenmerk: null }), 'data.kenmerk', /must not be null/],
  ['url not http(s)', doc({ url: 'ftp://files.drenthe.nl/x.pdf' }), 'data.url', /http or https/],
  ['url javascript:', doc({ url: 'javascript:alert(1)' }), 'data.url'],
  ['url too long', doc({ url: `https://drenthe.nl/${'a'.repeat(2048)}` }), 'data.url', /at most 2048/],
  ['contentHash uppercase', doc({ contentHash: HASH.toUpperCase() }), 'data.contentHash', /SHA-256/],
  ['contentHash short', doc({ contentHash: 'abc' }), 'data.contentHash'],
  ['vastgesteldDoorGsOn invalid', doc({ vastgesteldDoorGsOn: '2026-13-01' }), 'data.vastgesteldDoorGsOn', /calendar date/],
  ['beantwoordtZienswijzen not uuids', doc({ beantwoordtZienswijzen: [UUID_A, 'zw-2'] }), 'data.beantwoordtZienswijzen[1]', /UUID/],
  ['beantwoordtZienswijzen not an array', doc({ beantwoordtZienswijzen: UUID_A }), 'data.beantwoordtZienswijzen', /must be an array/],
  ['participatieparagraaf a string', doc({ participatieparagraaf: 'zie bijlage' }), 'data.participatieparagraaf', /must be an object/],
  ['participatieparagraaf an array', doc({ participatieparagraaf: [{ doel: 'x' }] }), 'data.participatieparagraaf', /must be an object/],
  ['participatieparagraaf.doel too long', plan({ doel: 'x'.repeat(10_001) }), 'data.participatieparagraaf.doel', /at most 10000/],
  ['doelgroepen item blank', plan({ doelgroepen: ['inwoners', ' '] }), 'data.participatieparagraaf.doelgroepen[1]', /must not be empty/],
  ['doelgroepen item a number', plan({ doelgroepen: [1] }), 'data.participatieparagraaf.doelgroepen[0]', /must be a string/],
  ['doelgroepen too many', plan({ doelgroepen: Array.from({ length: 101 }, (_, i) => `g${i}`) }), 'data.participatieparagraaf.doelgroepen', /at most 100 items/],
  ['niveaus[0].niveau unknown', plan({ niveaus: [{ doelgroep: 'inwoners', fase: 'uitvoering', niveau: 'adviseren' }] }), 'data.participatieparagraaf.niveaus[0].niveau', /must be one of: informeren, consulteren, meebeslissen/],
  ['niveaus[1].fase unknown', plan({ niveaus: [{ doelgroep: 'a', fase: 'uitvoering', niveau: 'informeren' }, { doelgroep: 'b', fase: 'fase-7', niveau: 'informeren' }] }), 'data.participatieparagraaf.niveaus[1].fase'],
  ['niveaus item missing doelgroep', plan({ niveaus: [{ fase: 'uitvoering', niveau: 'informeren' }] }), 'data.participatieparagraaf.niveaus[0].doelgroep', /is required/],
  ['niveaus item a string', plan({ niveaus: ['informeren'] }), 'data.participatieparagraaf.niveaus[0]', /must be an object/],
  ['niveaus item an array', plan({ niveaus: [[{ doelgroep: 'a', fase: 'uitvoering', niveau: 'informeren' }]] }), 'data.participatieparagraaf.niveaus[0]', /must be an object/],
  ['niveaus not an array', plan({ niveaus: { doelgroep: 'a' } }), 'data.participatieparagraaf.niveaus', /must be an array/],
  ['instrumenten[0].instrumentId missing', plan({ instrumenten: [{ fase: 'uitvoering' }] }), 'data.participatieparagraaf.instrumenten[0].instrumentId'],
  ['evaluatieplan.is217a a string', doc({ evaluatieplan: { is217a: 'nee' } }), 'data.evaluatieplan.is217a', /true or false/],
  ['evaluatieplan.indicatoren item too long', doc({ evaluatieplan: { indicatoren: ['x'.repeat(301)] } }), 'data.evaluatieplan.indicatoren[0]', /at most 300/],
  ['participatieverslag.inbreng empty', doc({ participatieverslag: { inbreng: '' } }), 'data.participatieverslag.inbreng', /must not be empty/],
  // activiteit
  ['organisator unknown', act({ organisator: 'Gemeente' }), 'data.organisator', /must be one of: PS, GS, Inwoners/],
  ['inwonersGericht missing', body('activiteit', { ...VALID[5][2], inwonersGericht: undefined }), 'data.inwonersGericht', /is required/],
  ['aantalDeelnemers negative', act({ aantalDeelnemers: -1 }), 'data.aantalDeelnemers', /whole number of 0 or more/],
  ['aantalDeelnemers fractional', act({ aantalDeelnemers: 2.5 }), 'data.aantalDeelnemers'],
  ['aantalDeelnemers a string', act({ aantalDeelnemers: '12' }), 'data.aantalDeelnemers'],
  ['startOn invalid', act({ startOn: '2026-02-29' }), 'data.startOn', /calendar date/],
  ['endOn before startOn', act({ startOn: '2026-03-10', endOn: '2026-03-09' }), 'data.endOn', /before startOn/],
  ['aankondiging.datum missing', act({ aankondiging: { kanaal: 'website' } }), 'data.aankondiging.datum', /is required/],
  ['aankondiging.url invalid', act({ aankondiging: { kanaal: 'website', datum: '2026-03-01', url: 'www.drenthe.nl' } }), 'data.aankondiging.url', /http or https/],
  // publicatie
  ['prbId malformed', body('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-03-05', prbId: 'PRB-2026-1' }), 'data.prbId', /prb-YYYY-N/],
  ['retrievedAt a date only', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2026-03-05', retrievedAt: '2026-03-05' }), 'data.retrievedAt', /ISO 8601/],
  ['retrievedAt without zone', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2026-03-05', retrievedAt: '2026-03-05T10:00:00' }), 'data.retrievedAt'],
  ['retrievedAt impossible day', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2026-03-05', retrievedAt: '2026-02-30T10:00:00Z' }), 'data.retrievedAt'],
  ['documentId not a uuid', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2026-03-05', documentId: 'doc-1' }), 'data.documentId', /UUID/],
  ['besluitId not a uuid', body('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-03-05', besluitId: 'besluit-1' }), 'data.besluitId', /UUID/],
  ['verzondenAanPsOn "binnenkort"', body('document', { documentType: 'startnotitie', titel: 'S', verzondenAanPsOn: 'binnenkort' }), 'data.verzondenAanPsOn', /YYYY-MM-DD/],
  ['kanaal unknown', body('publicatie', { onderwerp: 'besluit', kanaal: 'tiktok', publishedOn: '2026-03-05' }), 'data.kanaal', /must be one of/],
  // besluit
  ['besluit orgaan unknown', body('besluit', { orgaan: 'Raad', onderwerp: 'eindbesluit', kenmerk: 'k', besluitdatum: '2026-06-10' }), 'data.orgaan', /PS, GS, Presidium/],
  ['besluit participatieverklaring as text', body('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'k', besluitdatum: '2026-06-10', participatieverklaring: 'tekst' }), 'data.participatieverklaring', /must be an object/],
  // checkvraag, terugkoppeling, leerpunten
  ['checkvraag without toelichting', body('checkvraag', { vraag: 'beginspraak', antwoord: true }), 'data.toelichting', /is required/],
  ['checkvraag vraag unknown', body('checkvraag', { vraag: 'iets', antwoord: true, toelichting: 't' }), 'data.vraag'],
  ['terugkoppeling aan unknown', body('terugkoppeling', { aan: 'pers', onderwerp: 'overig' }), 'data.aan', /ps, griffie, deelnemers, adviesorgaan/],
  ['leerpunten too long', body('leerpunten', { leerpunten: 'x'.repeat(10_001) }), 'data.leerpunten', /at most 10000/],
  ['leerpunten overgenomenUit is system-set', body('leerpunten', { leerpunten: 'x', overgenomenUit: UUID_A }), 'data.overgenomenUit', /is not allowed/],
  // procedure
  ['procedure without stap', proc({ datum: '2026-03-04' }), 'data.stap', /is required/],
  ['procedure stap unknown', proc({ stap: 'beroep' }), 'data.stap', /^must be one of: inspraakbesluit, kennisgeving-ontwerp, /],
  ['procedure stap an object', proc({ stap: { $eq: 'zienswijze' } }), 'data.stap', /must be one of/],
  ['inspraakbesluit without motivering', proc({ stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false }), 'data.motivering', /is required/],
  ['kennisgeving-ontwerp without prbId', proc({ stap: 'kennisgeving-ontwerp', datum: '2026-03-04' }), 'data.prbId', /is required/],
  ['kennisgeving-ontwerp prbId without number', proc({ stap: 'kennisgeving-ontwerp', datum: '2026-03-04', prbId: 'prb-2026-' }), 'data.prbId'],
  ['terinzagelegging 5 weeks', proc({ stap: 'terinzagelegging', startOn: '2026-03-05', termijnWeken: 5 }), 'data.termijnWeken', /between 6 and 52/],
  ['terinzagelegging 53 weeks', proc({ stap: 'terinzagelegging', startOn: '2026-03-05', termijnWeken: 53 }), 'data.termijnWeken', /between 6 and 52/],
  ['terinzagelegging 6.5 weeks', proc({ stap: 'terinzagelegging', startOn: '2026-03-05', termijnWeken: 6.5 }), 'data.termijnWeken', /whole number/],
  ['zienswijze vorm unknown', proc({ stap: 'zienswijze', ontvangenOn: '2026-04-02', indienerRef: 'r', vorm: 'digitaal' }), 'data.vorm', /schriftelijk, mondeling/],
  ['field of another stap', proc({ stap: 'zienswijze', ontvangenOn: '2026-04-02', indienerRef: 'r', vorm: 'mondeling', prbId: 'prb-2026-1' }), 'data.prbId', /is not allowed/],
  ['commissiebehandeling aantalInsprekers negative', proc({ stap: 'commissiebehandeling', onderwerp: 'voorstel', aantalInsprekers: -3 }), 'data.aantalInsprekers'],
  ['agenderingsverzoek geldigeOndersteuners fractional', proc({ stap: 'agenderingsverzoek', ingediendOn: '2026-01-20', geldigeOndersteuners: 1.5, binnenBevoegdheidPs: true }), 'data.geldigeOndersteuners'],
  ['wensen-en-bedenkingen partij unknown', proc({ stap: 'wensen-en-bedenkingen', partij: 'Presidium', gelegenheidGebodenOn: '2026-04-01' }), 'data.partij'],
  ['evaluatietype type unknown', proc({ stap: 'evaluatietype', type: 'intern' }), 'data.type', /gs-evaluatie/],
  ['nrk-217a date invalid', proc({ stap: 'nrk-217a', geinformeerdOn: '2026-04-31' }), 'data.geinformeerdOn', /calendar date/],
];

describe('parseEvidenceBody: invalid bodies', () => {
  const rows = INVALID.map(([label, input, field, message]) => ({ label, input, field, message: message ?? null }));
  it.each(rows)('$label → error on $field', ({ input, field, message }) => {
    const text = messageAt(input, field);
    if (message) expect(text).toMatch(message);
  });

  it('reports every invalid field at once', () => {
    const errors = errorsOf({ kind: 'document', occurredOn: '2026-02-30', supersedes: 'x', extra: 1, data: { documentType: 'memo', titel: '' } });
    expect(errors.map((e) => e.field).sort()).toEqual(['data.documentType', 'data.titel', 'extra', 'occurredOn', 'supersedes']);
  });

  it('reports envelope errors even when kind is unknown, without guessing at data', () => {
    const errors = errorsOf({ kind: 'foto', occurredOn: 'gisteren', data: { iets: 1 } });
    expect(errors.map((e) => e.field).sort()).toEqual(['kind', 'occurredOn']);
  });

  it('rejects an invalid calendar date wherever a date is expected', () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '26-03-02', '2026-03-02 ', '']) {
      expect(messageAt(body('leerpunten', { leerpunten: 'x' }, { occurredOn: date }), 'occurredOn')).toMatch(/YYYY-MM-DD/);
      expect(messageAt(proc({ stap: 'kennisgeving-besluit', datum: date }), 'data.datum')).toMatch(/YYYY-MM-DD/);
    }
    expect(() => parseEvidenceBody(body('leerpunten', { leerpunten: 'x' }, { occurredOn: '2024-02-29' }))).not.toThrow();
  });
});

describe('parseEvidenceBody: unknown fields', () => {
  it.each<[string, unknown, string]>([
    ['top level', body('leerpunten', { leerpunten: 'x' }, { id: UUID_A }), 'id'],
    ['in data', doc({ auteur: 'Jansen' }), 'data.auteur'],
    ['in a nested object', plan({ doel: 'x', budget: 100 }), 'data.participatieparagraaf.budget'],
    ['in a nested list item', plan({ niveaus: [{ doelgroep: 'a', fase: 'uitvoering', niveau: 'informeren', gewicht: 2 }] }), 'data.participatieparagraaf.niveaus[0].gewicht'],
    ['in aankondiging', act({ aankondiging: { kanaal: 'website', datum: '2026-03-01', bereik: 1000 } }), 'data.aankondiging.bereik'],
    ['in besluit.participatieverklaring', body('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'k', besluitdatum: '2026-06-10', participatieverklaring: { extra: 'x' } }), 'data.participatieverklaring.extra'],
    ['in evaluatieplan', doc({ evaluatieplan: { hoe: 'x', kosten: 5 } }), 'data.evaluatieplan.kosten'],
    ['in participatieverslag', doc({ participatieverslag: { x: 'y' } }), 'data.participatieverslag.x'],
    ['in a procedure stap', proc({ stap: 'evaluatietype', type: 'extern', door: 'NRK' }), 'data.door'],
  ])('rejects an unknown field %s', (_label, input, field) => {
    expect(messageAt(input, field)).toBe('is not allowed');
  });

  it('rejects prototype-pollution keys at any depth, and pollutes nothing', () => {
    const cases: Array<[string, string]> = [
      ['{"__proto__":{"polluted":true},"kind":"leerpunten","occurredOn":"2026-03-02","data":{"leerpunten":"x"}}', '__proto__'],
      ['{"kind":"leerpunten","occurredOn":"2026-03-02","data":{"leerpunten":"x","__proto__":{"polluted":true}}}', 'data.__proto__'],
      ['{"kind":"leerpunten","occurredOn":"2026-03-02","data":{"leerpunten":"x","constructor":{"prototype":{"polluted":true}}}}', 'data.constructor'],
      ['{"kind":"document","occurredOn":"2026-03-02","data":{"documentType":"overig","titel":"t","participatieparagraaf":{"prototype":1}}}', 'data.participatieparagraaf.prototype'],
      ['{"kind":"document","occurredOn":"2026-03-02","data":{"documentType":"overig","titel":"t","participatieparagraaf":{"niveaus":[{"__proto__":{"x":1}}]}}}', 'data.participatieparagraaf.niveaus[0].__proto__'],
    ];
    for (const [json, field] of cases) {
      expect(messageAt(JSON.parse(json), field)).toBe('is not allowed');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects keys named after Object.prototype members (class-transformer would skip them silently)', () => {
    const names = Object.getOwnPropertyNames(Object.prototype);
    expect(names).toEqual(expect.arrayContaining(['toString', 'hasOwnProperty', '__defineGetter__']));
    for (const name of names) {
      for (const value of [1, 'x', null, {}, [], { a: 1 }]) {
        const top = JSON.parse(JSON.stringify({ ...body('leerpunten', { leerpunten: 'x' }) })) as Record<string, unknown>;
        Object.defineProperty(top, name, { value, enumerable: true, configurable: true, writable: true });
        expect(messageAt(top, name)).toBe('is not allowed');
        const data: Record<string, unknown> = { leerpunten: 'x' };
        Object.defineProperty(data, name, { value, enumerable: true, configurable: true, writable: true });
        expect(messageAt(body('leerpunten', data), `data.${name}`)).toBe('is not allowed');
        const nested: Record<string, unknown> = { doel: 'x' };
        Object.defineProperty(nested, name, { value, enumerable: true, configurable: true, writable: true });
        expect(messageAt(plan(nested), `data.participatieparagraaf.${name}`)).toBe('is not allowed');
      }
    }
  });
});

describe('parseEvidenceBody: weird input', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an array', []],
    ['an array of a body', [body('leerpunten', { leerpunten: 'x' })]],
    ['a string', 'str'],
    ['a number', 42],
    ['a boolean', true],
    ['a Date', new Date()],
    ['a Map', new Map([['kind', 'leerpunten']])],
    ['a function', () => 1],
  ])('rejects %s as a body with one error on `body`', (_label, input) => {
    expect(errorsOf(input)).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['data a string', { data: 'x' }],
    ['data a number', body('document', 42)],
    ['data with a stap object', body('procedure', { stap: { $ne: null } })],
    ['nested arrays in data', body('document', [[[[]]]])],
    ['numbers for everything', { kind: 1, occurredOn: 2, supersedes: 3, data: { documentType: 4, titel: 5, participatieparagraaf: 6 } }],
    ['NaN and Infinity', act({ aantalDeelnemers: Number.NaN, startOn: Infinity })],
    ['a bigint', act({ aantalDeelnemers: BigInt(3) })],
    ['a symbol', act({ instrumentId: Symbol('x') })],
    ['a function value', act({ instrumentId: () => 'x' })],
    ['a Date value', act({ startOn: new Date('2026-03-02') })],
    ['a null-prototype object', body('leerpunten', Object.assign(Object.create(null) as object, { leerpunten: 1 }))],
    ['garbage in a nested list', plan({ niveaus: [null, 1, 'a', [], [[1]], { niveau: { niveau: {} } }] })],
  ])('rejects %s with validation-failed', (_label, input) => {
    errorsOf(input);
  });

  it('rejects deeply nested garbage without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    const errors = errorsOf(body('leerpunten', { leerpunten: 'x', extra: deep }));
    expect(errors.some((e) => e.message === 'is nested too deeply')).toBe(true);
    let json = '"x"';
    for (let i = 0; i < 5_000; i++) json = `{"a":${json}}`;
    errorsOf(JSON.parse(`{"kind":"document","occurredOn":"2026-03-02","data":${json}}`));
  });

  it('caps the number of errors reported', () => {
    const data: Record<string, unknown> = { leerpunten: 'x' };
    for (let i = 0; i < 1_000; i++) data[`veld${i}`] = i;
    expect(errorsOf(body('leerpunten', data)).length).toBeLessThanOrEqual(50);
  });

  it('does not alter the caller’s object', () => {
    const input = body('document', { documentType: 'overig', titel: 't', participatieparagraaf: { doelgroepen: ['a'] } });
    const before = JSON.stringify(input);
    const parsed = parseEvidenceBody(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(parsed.data).not.toBe(input.data);
  });

  it('drops undefined members like JSON would', () => {
    const parsed = parseEvidenceBody(body('document', { documentType: 'overig', titel: 't', kenmerk: undefined }));
    expect(Object.keys(parsed.data)).toEqual(['documentType', 'titel']);
  });
});

// ---------------------------------------------------------------------------------------------
// OpenAPI
// ---------------------------------------------------------------------------------------------

@Controller('dossiers/:id/evidence')
class ProbeController {
  @Post()
  @ApiCreatedResponse({ type: EvidenceRecordDto })
  record(@Body() _body: EvidenceBodyDto): void {}
}

describe('OpenAPI document', () => {
  it('documents the envelope, the record and every data alternative', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
      const schemas = doc.components?.schemas ?? {};
      for (const model of EVIDENCE_DTO_MODELS) expect(Object.keys(schemas)).toContain(model.name);

      const bodySchema = schemas.EvidenceBodyDto as { properties: Record<string, Record<string, unknown>>; required: string[] };
      expect(bodySchema.required).toEqual(expect.arrayContaining(['kind', 'occurredOn', 'data']));
      expect(bodySchema.required).not.toContain('supersedes');
      expect(bodySchema.properties.occurredOn).toMatchObject({ type: 'string', format: 'date' });
      const oneOf = bodySchema.properties.data.oneOf as Array<{ $ref: string }>;
      expect(oneOf).toHaveLength(EVIDENCE_KINDS.length - 1 + PROCEDURE_STAPPEN.length);
      expect(oneOf).toContainEqual({ $ref: '#/components/schemas/DocumentDataDto' });
      expect(oneOf).toContainEqual({ $ref: '#/components/schemas/ProcedureZienswijzeDto' });

      const record = schemas.EvidenceRecordDto as { properties: Record<string, Record<string, unknown>> };
      expect(record.properties.recordedAt).toMatchObject({ type: 'string', format: 'date-time' });
      expect(record.properties.supersededBy).toMatchObject({ nullable: true });
      expect(record.properties.data.oneOf).toContainEqual({ $ref: '#/components/schemas/LeerpuntenRecordDataDto' });

      const document = schemas.DocumentDataDto as { properties: Record<string, Record<string, unknown>>; required: string[] };
      expect(document.required.sort()).toEqual(['documentType', 'titel']);
      expect(document.properties.titel).toMatchObject({ maxLength: 300 });
      expect(document.properties.documentType).toMatchObject({ allOf: [{ $ref: '#/components/schemas/DocumentType' }] });
      expect((schemas.DocumentType as { enum: string[] }).enum).toEqual([...DOCUMENT_TYPES]);
      expect(document.properties.participatieparagraaf).toEqual({ $ref: '#/components/schemas/ParticipatieparagraafPlanDto' });
      const plan = schemas.ParticipatieparagraafPlanDto as { properties: Record<string, Record<string, unknown>> };
      expect(plan.properties.niveaus).toMatchObject({ type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/NiveauToewijzingDto' } });
      expect(plan.properties.doelgroepen).toMatchObject({ type: 'array', maxItems: 100, items: { type: 'string', maxLength: 300 } });
    } finally {
      await app.close();
    }
  });
});

describe('parseEvidenceBody: the 2025 fields (issue #16)', () => {
  const activiteit = {
    instrumentId: 'atelier',
    organisator: 'GS',
    fase: 'voorbereiding-beleid',
    inwonersGericht: true,
    niveau: 'consulteren',
    doelgroepen: ['jongeren'],
    startOn: '2026-03-02',
    status: 'uitgevoerd',
  };

  it('accepts werving and bereik on an activity, the question, room per phase and prior work in a plan, and feedback per activity', () => {
    const a = { ...activiteit, werving: { methode: 'loting', toelichting: 'BRP-steekproef' }, bereik: [{ doelgroep: 'jongeren', beoogd: 40, bereikt: 12, toelichting: 'Examens.' }] };
    expect(parseEvidenceBody(body('activiteit', a)).data).toEqual(a);
    const plan = { vraag: 'Waar ziet u ruimte?', voorwerk: 'Netcapaciteit verkend.', ruimtePerFase: [{ fase: 'voorbereiding-beleid', ruimte: 'Adviseren over zoekgebieden.' }] };
    expect(parseEvidenceBody(body('document', { documentType: 'startnotitie', titel: 'S', participatieparagraaf: plan })).data).toEqual({ documentType: 'startnotitie', titel: 'S', participatieparagraaf: plan });
    const t = { aan: 'deelnemers', onderwerp: 'overig', activiteitIds: [UUID_A, UUID_B], watGedaanMetInbreng: 'Overgenomen: zon op daken.' };
    expect(parseEvidenceBody(body('terugkoppeling', t)).data).toEqual(t);
  });

  it.each<[string, unknown, string]>([
    ['an unknown werving method', body('activiteit', { ...activiteit, werving: { methode: 'loterij' } }), 'data.werving.methode'],
    ['a negative reach', body('activiteit', { ...activiteit, bereik: [{ doelgroep: 'jongeren', beoogd: 10, bereikt: -1 }] }), 'data.bereik[0].bereikt'],
    ['a reach without target group', body('activiteit', { ...activiteit, bereik: [{ doelgroep: ' ', beoogd: 10, bereikt: 1 }] }), 'data.bereik[0].doelgroep'],
    ['a room for influence in an unknown phase', body('document', { documentType: 'startnotitie', titel: 'S', participatieparagraaf: { ruimtePerFase: [{ fase: 'fase-7', ruimte: 'x' }] } }), 'data.participatieparagraaf.ruimtePerFase[0].fase'],
    ['an activity id that is no uuid', body('terugkoppeling', { aan: 'deelnemers', onderwerp: 'overig', activiteitIds: ['act-1'] }), 'data.activiteitIds[0]'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(messageAt(input, field).length).toBeGreaterThan(0);
  });
});

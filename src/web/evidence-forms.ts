/**
 * The evidence forms of the web application. Each form ("soort") names the request paths of the evidence body it
 * fills (`data.participatieparagraaf.doel`), so the form builds the same JSON the API takes, the service validates
 * it with the same DTOs (parseEvidenceBody), and each validation error lands beside the field it names.
 */
import {
  ACTIVITEIT_STATUSES,
  ACTORS,
  BESLUIT_ONDERWERPEN,
  BESLUIT_ORGANEN,
  BESLUITTYPES,
  BESLUITVORMERS,
  CHECKVRAGEN,
  DOCUMENT_TYPES,
  EVALUATIETYPES,
  EvidenceKind,
  EvidenceRecord,
  HERKOMSTEN,
  INSTRUMENT_TYPES,
  NIVEAUS,
  PHASE_IDS,
  PROCEDURE_STAPPEN,
  ProcedureStap,
  PUBLICATIE_KANALEN,
  PUBLICATIE_ONDERWERPEN,
  TERUGKOPPELING_ONDERWERPEN,
  TERUGKOPPELING_ONTVANGERS,
} from '../../workflows/evidence';
import { INSTRUMENTS, OTHER_INSTRUMENT_ID } from '../../workflows/drenthe-verbindend-besturen/instruments';
import { PHASES } from '../../workflows/drenthe-verbindend-besturen/phases';
import type { FieldError } from '../common';
import type { FieldSpec, FieldType } from './views/fields';

/** A list of objects, one per line, values separated by `;` in the order of `columns`. */
export interface RowsSpec extends FieldSpec {
  type: 'textarea';
  columns: readonly string[];
}

export interface EvidenceForm {
  soort: string;
  kind: EvidenceKind;
  title: string;
  intro: string;
  /** Values the form always sends (the document type of a startnotitie, the step of a procedure). */
  fixed: Record<string, unknown>;
  fields: ReadonlyArray<FieldSpec | RowsSpec>;
}

const opts = (values: readonly string[]): ReadonlyArray<readonly [string, string]> => values.map((v) => [v, v.replace(/-/g, ' ')] as const);
const PHASE_OPTIONS = PHASES.map((p) => [p.id, p.label.nl] as const);
const INSTRUMENT_OPTIONS = [...INSTRUMENTS.map((i) => [i.id, i.label.nl] as const), [OTHER_INSTRUMENT_ID, 'Ander instrument (noem het hieronder)'] as const];

const f = (name: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label, type, ...extra });
const req = (name: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => f(name, label, type, { ...extra, required: true });
const rows = (name: string, label: string, columns: readonly string[], hint: string): RowsSpec => ({ name, label, type: 'textarea', columns, hint });

const OCCURRED = req('occurredOn', 'Datum waarop het gebeurde', 'date');

const PARTICIPATIEPARAGRAAF: FieldSpec[] = [
  f('data.participatieparagraaf.doel', 'Participatieparagraaf: doel van de participatie', 'textarea'),
  f('data.participatieparagraaf.doelgroepen', 'Doelgroepen', 'list', { hint: 'Eén doelgroep per regel.' }),
  rows('data.participatieparagraaf.niveaus', 'Niveau per doelgroep en fase', ['doelgroep', 'fase', 'niveau'], `Eén per regel: doelgroep; fase; niveau — bijvoorbeeld "inwoners; ontwikkeling-voorstel; consulteren". Fasen: ${PHASE_IDS.join(', ')}. Niveaus: ${NIVEAUS.join(', ')}.`),
  f('data.participatieparagraaf.ruimteVoorInvloed', 'Ruimte voor invloed (wat ligt vast, wat is open)', 'textarea'),
  f('data.participatieparagraaf.planning', 'Planning', 'textarea'),
  rows('data.participatieparagraaf.instrumenten', 'Geplande instrumenten', ['instrumentId', 'fase', 'doelgroep'], 'Eén per regel: instrument; fase; doelgroep (niet verplicht) — bijvoorbeeld "atelier; ontwikkeling-voorstel; inwoners".'),
  f('data.participatieparagraaf.terugkoppeling', 'Hoe de inbreng wordt gewogen en teruggekoppeld', 'textarea'),
  f('data.participatieparagraaf.informatievindplaats', 'Waar de informatie te vinden is', 'text', { hint: 'Bijvoorbeeld een webadres.' }),
];

const DOCUMENT_COMMON: FieldSpec[] = [
  req('data.titel', 'Titel', 'text'),
  f('data.kenmerk', 'Kenmerk', 'text'),
  f('data.url', 'Webadres', 'text'),
  f('data.vastgesteldDoorGsOn', 'Vastgesteld door GS op', 'date'),
  f('data.verzondenAanPsOn', 'Verzonden aan PS op', 'date'),
];

const PROCEDURE_FIELDS: Record<ProcedureStap, { title: string; fields: FieldSpec[] }> = {
  inspraakbesluit: {
    title: 'Inspraakbesluit van GS',
    fields: [
      req('data.inspraak', 'Wordt inspraak verleend?', 'bool'),
      req('data.awb34VanToepassing', 'Is afdeling 3.4 Awb van toepassing?', 'bool'),
      req('data.motivering', 'Motivering', 'textarea'),
      f('data.gsBesluitKenmerk', 'Kenmerk van het GS-besluit', 'text'),
    ],
  },
  'kennisgeving-ontwerp': { title: 'Kennisgeving van het ontwerpbesluit', fields: [req('data.datum', 'Datum', 'date'), req('data.prbId', 'Nummer Provinciaal blad', 'text', { hint: 'prb-JJJJ-N' })] },
  terinzagelegging: { title: 'Terinzagelegging', fields: [req('data.startOn', 'Eerste dag', 'date'), f('data.termijnWeken', 'Termijn in weken', 'number', { hint: 'Alleen als een wet een langere termijn dan zes weken voorschrijft.' })] },
  'toezending-ontwerp': { title: 'Toezending van het ontwerp aan belanghebbenden', fields: [f('data.datum', 'Datum', 'date'), f('data.geenGeadresseerden', 'Zijn er geen geadresseerden?', 'bool')] },
  zienswijze: {
    title: 'Zienswijze',
    fields: [req('data.ontvangenOn', 'Ontvangen op', 'date'), req('data.indienerRef', 'Kenmerk van de indiener', 'text'), req('data.vorm', 'Vorm', 'select', { options: opts(['schriftelijk', 'mondeling']) })],
  },
  'besluit-toegezonden-indieners': { title: 'Besluit toegezonden aan de indieners', fields: [req('data.datum', 'Datum', 'date'), f('data.vrijstelling', 'Vrijstelling', 'text')] },
  'kennisgeving-besluit': { title: 'Kennisgeving van het besluit', fields: [req('data.datum', 'Datum', 'date'), f('data.prbId', 'Nummer Provinciaal blad', 'text')] },
  'kennisgeving-participatie': {
    title: 'Kennisgeving van de participatie',
    fields: [req('data.datum', 'Datum', 'date'), req('data.prbId', 'Nummer Provinciaal blad', 'text'), req('data.verkenningStartOn', 'Start van de verkenning', 'date')],
  },
  commissiebehandeling: {
    title: 'Behandeling in een Statencommissie',
    fields: [
      req('data.onderwerp', 'Onderwerp', 'select', { options: opts(['startnotitie', 'voorstel']) }),
      f('data.commissie', 'Commissie', 'text'),
      f('data.vergaderdatum', 'Vergaderdatum', 'date'),
      f('data.aantalInsprekers', 'Aantal insprekers', 'number'),
      f('data.nietGeagendeerdReden', 'Reden als het niet geagendeerd is', 'textarea'),
    ],
  },
  'wensen-en-bedenkingen': {
    title: 'Wensen en bedenkingen',
    fields: [
      req('data.partij', 'Partij', 'select', { options: opts(['PS', 'GS']) }),
      req('data.gelegenheidGebodenOn', 'Gelegenheid geboden op', 'date'),
      f('data.reactieOn', 'Reactie op', 'date'),
      f('data.spoed', 'Spoed?', 'bool'),
      f('data.achterafGeinformeerdOn', 'Achteraf geïnformeerd op', 'date'),
    ],
  },
  agenderingsverzoek: {
    title: 'Agenderingsverzoek (agenderingsrecht)',
    fields: [
      req('data.ingediendOn', 'Ingediend op', 'date'),
      req('data.geldigeOndersteuners', 'Aantal geldige ondersteuners', 'number'),
      req('data.binnenBevoegdheidPs', 'Binnen de bevoegdheid van PS?', 'bool'),
      f('data.vorigeAgenderingOn', 'Vorige agendering op', 'date'),
      f('data.nieuweFeiten', 'Nieuwe feiten?', 'bool'),
    ],
  },
  'uitdaagrecht-verzoek': {
    title: 'Verzoek uitdaagrecht',
    fields: [req('data.ingediendOn', 'Ingediend op', 'date'), f('data.besluitOn', 'Besluit op', 'date'), f('data.uitkomst', 'Uitkomst', 'textarea')],
  },
  evaluatietype: { title: 'Soort evaluatie', fields: [req('data.type', 'Soort evaluatie', 'select', { options: opts(EVALUATIETYPES) })] },
  'nrk-217a': {
    title: 'Onderzoek Noordelijke Rekenkamer (artikel 217a Provinciewet)',
    fields: [req('data.geinformeerdOn', 'Geïnformeerd op', 'date'), f('data.onderzoekStartOn', 'Start onderzoek', 'date'), f('data.kopieVerzondenOn', 'Kopie verzonden op', 'date')],
  },
};

/** A form: the date it happened first, then `fields`; its soort is its kind unless given. */
const form = (kind: EvidenceKind, title: string, intro: string, fields: ReadonlyArray<FieldSpec | RowsSpec>, soort: string = kind, fixed: Record<string, unknown> = {}): EvidenceForm => ({
  soort,
  kind,
  title,
  intro,
  fixed,
  fields: [OCCURRED, ...fields],
});

export const EVIDENCE_FORMS: readonly EvidenceForm[] = [
  form(
    'document',
    'Startnotitie met participatieparagraaf',
    'De startnotitie van een strategisch dossier, met de participatieparagraaf: wie wordt wanneer en hoe betrokken.',
    [...DOCUMENT_COMMON, ...PARTICIPATIEPARAGRAAF],
    'startnotitie',
    { 'data.documentType': 'startnotitie' },
  ),
  form('document', 'Ander document', 'Een stuk van het dossier: voorstel, reactienota, evaluatieplan, evaluatierapport…', [
    req('data.documentType', 'Soort document', 'select', { options: opts(DOCUMENT_TYPES.filter((d) => d !== 'startnotitie')) }),
    ...DOCUMENT_COMMON,
    f('data.participatieverklaring', 'Participatieverklaring', 'textarea'),
    f('data.participatieverslag.activiteiten', 'Participatieverslag: activiteiten', 'textarea'),
    f('data.participatieverslag.inbreng', 'Participatieverslag: inbreng', 'textarea'),
    f('data.participatieverslag.watGedaanMetInbreng', 'Participatieverslag: wat met de inbreng is gedaan', 'textarea'),
    f('data.participatieverslag.hoeDeelnemersGeinformeerd', 'Participatieverslag: hoe deelnemers zijn geïnformeerd', 'textarea'),
    f('data.beantwoordtZienswijzen', 'Beantwoorde zienswijzen (reactienota)', 'list', { hint: 'Het nummer van elke beantwoorde zienswijze, één per regel.' }),
    f('data.evaluatieplan.wanneer', 'Evaluatieplan: wanneer', 'text'),
    f('data.evaluatieplan.hoe', 'Evaluatieplan: hoe', 'textarea'),
    f('data.evaluatieplan.indicatoren', 'Evaluatieplan: indicatoren', 'list', { hint: 'Eén per regel.' }),
  ]),
  form('activiteit', 'Participatieactiviteit', 'Een geplande, uitgevoerde of geannuleerde participatieactiviteit.', [
    req('data.instrumentId', 'Instrument', 'select', { options: INSTRUMENT_OPTIONS }),
    f('data.instrumentLabel', 'Naam van het andere instrument', 'text'),
    req('data.organisator', 'Organisator', 'select', { options: opts(ACTORS) }),
    req('data.fase', 'Fase', 'select', { options: PHASE_OPTIONS }),
    req('data.inwonersGericht', 'Gericht op inwoners?', 'bool'),
    f('data.niveau', 'Participatieniveau', 'select', { options: opts(NIVEAUS) }),
    req('data.doelgroepen', 'Doelgroepen', 'list', { hint: 'Eén doelgroep per regel.' }),
    req('data.startOn', 'Begindatum', 'date'),
    f('data.endOn', 'Einddatum', 'date'),
    req('data.status', 'Status', 'select', { options: opts(ACTIVITEIT_STATUSES) }),
    f('data.annuleringsreden', 'Reden van annulering', 'textarea'),
    f('data.aankondiging.kanaal', 'Aankondiging: kanaal', 'text'),
    f('data.aankondiging.url', 'Aankondiging: webadres', 'text'),
    f('data.aankondiging.datum', 'Aankondiging: datum', 'date'),
    f('data.aantalDeelnemers', 'Aantal deelnemers', 'number'),
    f('data.opbrengst', 'Opbrengst', 'textarea'),
  ]),
  form('publicatie', 'Publicatie', 'Een publicatie: in het Provinciaal blad, op de website, in de krant…', [
    req('data.onderwerp', 'Onderwerp', 'select', { options: opts(PUBLICATIE_ONDERWERPEN) }),
    req('data.kanaal', 'Kanaal', 'select', { options: opts(PUBLICATIE_KANALEN) }),
    f('data.url', 'Webadres', 'text'),
    f('data.prbId', 'Nummer Provinciaal blad', 'text', { hint: 'prb-JJJJ-N' }),
    req('data.publishedOn', 'Gepubliceerd op', 'date'),
    f('data.documentId', 'Nummer van het gepubliceerde document in dit dossier', 'text'),
  ]),
  form('besluit', 'Besluit', 'Een besluit van PS, GS of het Presidium.', [
    req('data.orgaan', 'Orgaan', 'select', { options: opts(BESLUIT_ORGANEN) }),
    req('data.onderwerp', 'Onderwerp', 'select', { options: opts(BESLUIT_ONDERWERPEN) }),
    req('data.kenmerk', 'Kenmerk (Statenstuk of besluitenlijst)', 'text'),
    req('data.besluitdatum', 'Besluitdatum', 'date'),
    f('data.inwerkingtredingOn', 'Inwerkingtreding op', 'date'),
    f('data.toegezondenAanGeadresseerdenOn', 'Toegezonden aan geadresseerden op', 'date'),
    f('data.participatieverklaring.hoeBetrokken', 'Participatieverklaring: hoe betrokken', 'textarea'),
    f('data.participatieverklaring.resultaten', 'Participatieverklaring: resultaten', 'textarea'),
    f('data.participatieverklaring.toepassingParticipatiebeleid', 'Participatieverklaring: toepassing participatiebeleid', 'textarea'),
  ]),
  form('checkvraag', 'Checkvraag', 'Het antwoord op een van de checkvragen van het kader, met toelichting.', [
    req('data.vraag', 'Vraag', 'select', { options: opts(CHECKVRAGEN) }),
    req('data.antwoord', 'Antwoord', 'bool'),
    req('data.toelichting', 'Toelichting', 'textarea'),
  ]),
  ...PROCEDURE_STAPPEN.map((stap) =>
    form('procedure', `Procedurestap: ${PROCEDURE_FIELDS[stap].title}`, 'Een stap van de procedure.', PROCEDURE_FIELDS[stap].fields, `procedure-${stap}`, { 'data.stap': stap }),
  ),
  form('terugkoppeling', 'Terugkoppeling', 'Terugkoppeling of informatie aan PS, de griffie, deelnemers of een adviesorgaan.', [
    req('data.aan', 'Aan', 'select', { options: opts(TERUGKOPPELING_ONTVANGERS) }),
    req('data.onderwerp', 'Onderwerp', 'select', { options: opts(TERUGKOPPELING_ONDERWERPEN) }),
    f('data.kanaal', 'Kanaal', 'text'),
    f('data.kenmerk', 'Kenmerk', 'text'),
    f('data.samenvatting', 'Samenvatting', 'textarea'),
  ]),
  form('leerpunten', 'Leerpunten en successen', 'Wat deze cyclus leerde; een nieuwe cyclus neemt ze mee.', [req('data.leerpunten', 'Leerpunten', 'textarea'), f('data.successen', 'Successen', 'textarea')]),
  form('classificatie', 'Classificatie wijzigen', 'Wijzig de classificatie van het dossier; alleen de velden die u invult veranderen.', [
    f('data.strategisch', 'Strategisch onderwerp?', 'bool'),
    f('data.strategischMotivatie', 'Motivatie (strategisch)', 'textarea'),
    f('data.besluitvormer', 'Besluitvormer', 'select', { options: opts(BESLUITVORMERS) }),
    f('data.besluittype', 'Soort besluit', 'select', { options: opts(BESLUITTYPES) }),
    f('data.instrumentType', 'Omgevingswetinstrument', 'select', { options: opts(INSTRUMENT_TYPES) }),
    f('data.ingrijpend', 'Ingrijpende gevolgen (artikel 158 Provinciewet)?', 'bool'),
    f('data.herkomst', 'Herkomst', 'select', { options: opts(HERKOMSTEN) }),
    f('data.herkomstBron', 'Bron van de herkomst', 'text'),
    req('data.reden', 'Reden van de wijziging', 'textarea'),
  ]),
];

export function evidenceForm(soort: string): EvidenceForm | undefined {
  return EVIDENCE_FORMS.find((x) => x.soort === soort);
}

/** The form that fits a record (for a correction). */
export function formForRecord(r: EvidenceRecord): EvidenceForm | undefined {
  const d = r.data as unknown as Record<string, unknown>;
  if (r.kind === 'document') return evidenceForm(d.documentType === 'startnotitie' ? 'startnotitie' : 'document');
  if (r.kind === 'procedure') return evidenceForm(`procedure-${String(d.stap)}`);
  return evidenceForm(r.kind);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

function getPath(source: unknown, path: string): unknown {
  let o = source;
  for (const k of path.split('.')) {
    if (!o || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[k];
  }
  return o;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Form values → the evidence body the API takes. Empty fields are left out; the DTOs judge the rest. */
export function bodyFromForm(form: EvidenceForm, values: Record<string, string>, supersedes?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: form.kind, data: {} };
  for (const [path, v] of Object.entries(form.fixed)) setPath(body, path, v);
  for (const spec of form.fields) {
    const raw = (values[spec.name] ?? '').trim();
    if (!raw) continue;
    let value: unknown = raw;
    if ('columns' in spec)
      value = lines(raw).map((line) => {
        const cells = line.split(';').map((c) => c.trim());
        const o: Record<string, string> = {};
        spec.columns.forEach((c, i) => {
          if (cells[i]) o[c] = cells[i];
        });
        return o;
      });
    else if (spec.type === 'bool') value = raw === 'ja' ? true : raw === 'nee' ? false : raw;
    else if (spec.type === 'number') value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (spec.type === 'list') value = lines(raw);
    setPath(body, spec.name, value);
  }
  if (supersedes) body.supersedes = supersedes;
  return body;
}

/** A record → form values, to start a correction from what was recorded. */
export function formFromRecord(form: EvidenceForm, r: EvidenceRecord): Record<string, string> {
  const body = { occurredOn: r.occurredOn, data: r.data };
  const out: Record<string, string> = {};
  for (const spec of form.fields) {
    const v = getPath(body, spec.name);
    if (v === undefined || v === null) continue;
    if ('columns' in spec && Array.isArray(v))
      out[spec.name] = v.map((o: Record<string, unknown>) => spec.columns.map((c) => (typeof o[c] === 'string' || typeof o[c] === 'number' ? String(o[c]) : '')).join('; ').replace(/(; )+$/, '')).join('\n');
    else if (Array.isArray(v)) out[spec.name] = v.map(String).join('\n');
    else if (typeof v === 'boolean') out[spec.name] = v ? 'ja' : 'nee';
    else if (typeof v === 'string' || typeof v === 'number') out[spec.name] = String(v);
    else out[spec.name] = JSON.stringify(v);
  }
  return out;
}

/**
 * The form field an error belongs to: the field with the longest name that is the error's path or a prefix of it
 * (`data.participatieparagraaf.niveaus[0].niveau` → the niveaus field). Errors about a fixed value or the whole
 * body go to the first field.
 */
export function fieldForError(form: EvidenceForm, e: FieldError): string {
  const path = e.field.replace(/^body\.?/, '');
  let best: string | null = null;
  for (const s of form.fields) {
    if (path === s.name || path.startsWith(`${s.name}.`) || path.startsWith(`${s.name}[`)) {
      if (!best || s.name.length > best.length) best = s.name;
    }
  }
  return best ?? form.fields[0].name;
}

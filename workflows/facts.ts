import {
  ActiviteitData,
  Besluitvormer,
  Besluittype,
  BesluitData,
  Checkvraag,
  CheckvraagData,
  ClassificatieData,
  DocumentData,
  DossierState,
  Evaluatietype,
  EvidenceKind,
  EvidenceRecord,
  Herkomst,
  InstrumentType,
  LeerpuntenData,
  ProcedureData,
  PublicatieData,
  TerugkoppelingData,
} from './evidence';

/** The events a dossier machine accepts (product.md). */
export const DOSSIER_EVENTS = ['ADVANCE', 'RETURN', 'WITHDRAW', 'NEW_CYCLE'] as const;
export type DossierEventType = (typeof DOSSIER_EVENTS)[number];

export const ROLES = ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

/** The dossier's classification: the merge, in order, of its `classificatie` records. */
export interface Classification {
  strategisch: boolean | null;
  strategischMotivatie: string | null;
  besluitvormer: Besluitvormer | null;
  besluittype: Besluittype | null;
  instrumentType: InstrumentType | null;
  ingrijpend: boolean | null;
  herkomst: Herkomst | null;
  herkomstBron: string | null;
}

/** A waiver as the rules see it: approved, not yet used, for one requirement of this dossier. */
export interface WaiverFact {
  id: string;
  requirementId: string;
  reasonCode: string;
  motivation: string;
  requestedBy: string;
  approvedBy: string | null;
  status: 'requested' | 'approved' | 'rejected' | 'used';
}

/** The attempt being evaluated: who tries which event. */
export interface Attempt {
  event: DossierEventType;
  actor: { id: string; roles: readonly Role[] };
  reason?: string;
}

type Rec<K extends EvidenceKind, D> = EvidenceRecord<K> & { data: D };

/**
 * Everything a requirement predicate may read. Built by `projectFacts` from the dossier row and
 * its evidence; predicates never read the database or the clock (`now`/`today` are here).
 */
export interface DossierFacts {
  dossierId: string;
  state: DossierState;
  /** The instant of evaluation (UTC ISO) and its calendar date in Europe/Amsterdam. */
  now: string;
  today: string;
  /** Calendar date on which the dossier entered its current phase. */
  enteredPhaseOn: string;
  assigneeId: string | null;
  classification: Classification;
  /** Every `classificatie` record, oldest first (auditors and the startnotitie tracker read these). */
  classificationHistory: Rec<'classificatie', ClassificatieData>[];
  documents: Rec<'document', DocumentData>[];
  activities: Rec<'activiteit', ActiviteitData>[];
  publications: Rec<'publicatie', PublicatieData>[];
  decisions: Rec<'besluit', BesluitData>[];
  /** The latest answer per check question. */
  answers: Partial<Record<Checkvraag, Rec<'checkvraag', CheckvraagData>>>;
  procedure: Rec<'procedure', ProcedureData>[];
  feedback: Rec<'terugkoppeling', TerugkoppelingData>[];
  lessons: Rec<'leerpunten', LeerpuntenData>[];
  /** Records that a later record superseded (X-05 reads changed participatieparagrafen). */
  superseded: EvidenceRecord[];
  /** `awb-3.4` when GS granted inspraak or afd. 3.4 applies by law (G2-09); null when not yet decided. */
  procedureType: 'awb-3.4' | 'geen' | null;
  evaluatietype: Evaluatietype | null;
  waivers: WaiverFact[];
  attempt: Attempt | null;
  /** Rule-set settings that a version may tune (e.g. X-03's announcement lead time). */
  settings: RuleSettings;
}

export interface RuleSettings {
  /** days an activity must be announced before it takes place. */
  announcementLeadDays: number;
  /** Auditor flag: evidence recorded more than this many days after it happened. */
  backdatingFlagDays: number;
}

export const EMPTY_CLASSIFICATION: Classification = {
  strategisch: null,
  strategischMotivatie: null,
  besluitvormer: null,
  besluittype: null,
  instrumentType: null,
  ingrijpend: null,
  herkomst: null,
  herkomstBron: null,
};

export interface DossierSnapshotInput {
  id: string;
  state: DossierState;
  enteredPhaseOn: string;
  assigneeId: string | null;
}

/** Merge classification records, oldest first; a field absent from a record keeps its value. */
export function mergeClassification(records: readonly Rec<'classificatie', ClassificatieData>[]): Classification {
  const c: Classification = { ...EMPTY_CLASSIFICATION };
  for (const { data } of records) {
    if (data.strategisch !== undefined) c.strategisch = data.strategisch;
    if (data.strategischMotivatie !== undefined) c.strategischMotivatie = data.strategischMotivatie;
    if (data.besluitvormer !== undefined) c.besluitvormer = data.besluitvormer;
    if (data.besluittype !== undefined) c.besluittype = data.besluittype;
    if (data.instrumentType !== undefined) c.instrumentType = data.instrumentType;
    if (data.ingrijpend !== undefined) c.ingrijpend = data.ingrijpend;
    if (data.herkomst !== undefined) c.herkomst = data.herkomst;
    if (data.herkomstBron !== undefined) c.herkomstBron = data.herkomstBron;
  }
  return c;
}

// en-CA formats as YYYY-MM-DD. Built once: constructing an Intl formatter costs far more than using one.
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in Europe/Amsterdam. */
export function amsterdamDate(instant: string | Date): string {
  return AMSTERDAM_DATE.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * Project a dossier's evidence into the facts its requirements read. `evidence` must be in the order it
 * was recorded (the store keeps a per-dossier position); a superseded record is out of force.
 */
export function projectFacts(args: {
  dossier: DossierSnapshotInput;
  evidence: readonly EvidenceRecord[];
  waivers: readonly WaiverFact[];
  now: string;
  attempt: Attempt | null;
  settings: RuleSettings;
}): DossierFacts {
  const { dossier, evidence, now } = args;
  const supersededIds = new Set<string>();
  for (const r of evidence) if (r.supersedes) supersededIds.add(r.supersedes);

  const facts: DossierFacts = {
    dossierId: dossier.id,
    state: dossier.state,
    now,
    today: amsterdamDate(now),
    enteredPhaseOn: dossier.enteredPhaseOn,
    assigneeId: dossier.assigneeId,
    classification: EMPTY_CLASSIFICATION,
    classificationHistory: [],
    documents: [],
    activities: [],
    publications: [],
    decisions: [],
    answers: {},
    procedure: [],
    feedback: [],
    lessons: [],
    superseded: [],
    procedureType: null,
    evaluatietype: null,
    waivers: [...args.waivers],
    attempt: args.attempt,
    settings: args.settings,
  };

  for (const r of evidence) {
    // Classification changes are history, not state: every record counts, in order.
    if (r.kind === 'classificatie') {
      facts.classificationHistory.push(r as Rec<'classificatie', ClassificatieData>);
      continue;
    }
    if (supersededIds.has(r.id)) {
      facts.superseded.push(r);
      continue;
    }
    switch (r.kind) {
      case 'document':
        facts.documents.push(r as Rec<'document', DocumentData>);
        break;
      case 'activiteit':
        facts.activities.push(r as Rec<'activiteit', ActiviteitData>);
        break;
      case 'publicatie':
        facts.publications.push(r as Rec<'publicatie', PublicatieData>);
        break;
      case 'besluit':
        facts.decisions.push(r as Rec<'besluit', BesluitData>);
        break;
      case 'checkvraag': {
        const rec = r as Rec<'checkvraag', CheckvraagData>;
        facts.answers[rec.data.vraag] = rec;
        break;
      }
      case 'procedure': {
        const rec = r as Rec<'procedure', ProcedureData>;
        facts.procedure.push(rec);
        if (rec.data.stap === 'inspraakbesluit') {
          facts.procedureType = rec.data.inspraak || rec.data.awb34VanToepassing ? 'awb-3.4' : 'geen';
        } else if (rec.data.stap === 'evaluatietype') {
          facts.evaluatietype = rec.data.type;
        }
        break;
      }
      case 'terugkoppeling':
        facts.feedback.push(r as Rec<'terugkoppeling', TerugkoppelingData>);
        break;
      case 'leerpunten':
        facts.lessons.push(r as Rec<'leerpunten', LeerpuntenData>);
        break;
    }
  }
  facts.classification = mergeClassification(facts.classificationHistory);
  return facts;
}

/** The procedure steps of one kind, in the order recorded. */
export function procedureSteps<S extends ProcedureData['stap']>(
  f: DossierFacts,
  stap: S,
): Array<EvidenceRecord<'procedure'> & { data: Extract<ProcedureData, { stap: S }> }> {
  return f.procedure.filter((p) => p.data.stap === stap) as Array<
    EvidenceRecord<'procedure'> & { data: Extract<ProcedureData, { stap: S }> }
  >;
}

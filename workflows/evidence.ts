/**
 * Evidence (vastleggingen): the immutable, typed records a dossier collects and the guards read.
 *
 * This file is the domain form of every kind of record, framework-free. The API validates bodies
 * against these shapes (src/dossiers/evidence/dto), the store keeps them as JSON, and `projectFacts`
 * (facts.ts) turns the records in force into the facts a requirement predicate reads.
 *
 * Conventions: calendar dates are `YYYY-MM-DD` (Europe/Amsterdam, legal periods count days);
 * instants are ISO 8601 UTC strings. Dutch domain words stay Dutch.
 */

export const PHASE_IDS = [
  'voorfase-agendasetting',
  'voorbereiding-beleid',
  'ontwikkeling-voorstel',
  'kaderstelling-besluitvorming',
  'uitvoering',
  'controle-evaluatie',
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const FINAL_STATES = ['afgesloten', 'ingetrokken'] as const;
export type FinalState = (typeof FINAL_STATES)[number];
export type DossierState = PhaseId | FinalState;

export const ACTORS = ['PS', 'GS', 'Inwoners'] as const;
export type Actor = (typeof ACTORS)[number];

/** The three participation levels of the seed's Inwoners column (domain-brief §4). */
export const NIVEAUS = ['informeren', 'consulteren', 'meebeslissen'] as const;
export type Niveau = (typeof NIVEAUS)[number];

export const BESLUITVORMERS = ['PS', 'GS'] as const;
export type Besluitvormer = (typeof BESLUITVORMERS)[number];

/** domain-brief G1-04. */
export const BESLUITTYPES = [
  'verordening',
  'beleidsregel',
  'besluit-algemene-strekking',
  'beschikking',
  'privaatrechtelijk-158',
  'anders',
] as const;
export type Besluittype = (typeof BESLUITTYPES)[number];

/** domain-brief G1-04 (Omgevingswet instruments). */
export const INSTRUMENT_TYPES = ['none', 'omgevingsvisie', 'programma', 'projectbesluit', 'omgevingsverordening'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** domain-brief G1-01. */
export const HERKOMSTEN = [
  'signaal-samenleving',
  'inwonersinitiatief',
  'agenderingsrecht',
  'ps-motie',
  'ps-initiatiefvoorstel',
  'gs-initiatief',
  'wettelijke-verplichting',
  'nrk-aanbeveling',
  'vorige-evaluatie',
] as const;
export type Herkomst = (typeof HERKOMSTEN)[number];

/** domain-brief G5-04. */
export const EVALUATIETYPES = ['gs-evaluatie', '217a-onderzoek', 'statenonderzoek', 'nrk-onderzoek', 'extern'] as const;
export type Evaluatietype = (typeof EVALUATIETYPES)[number];

/** domain-brief X-04: the reason codes a waiver may give. */
export const WAIVER_REASON_CODES = [
  'ondergeschikte-wijziging',
  'uitvoering-hogere-regelgeving-zonder-beleidsruimte',
  'wettelijk-uitgesloten',
  'begroting-tarieven-belastingen',
  'spoed',
  'anders',
] as const;
export type WaiverReasonCode = (typeof WAIVER_REASON_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Evidence kinds
// ---------------------------------------------------------------------------------------------

export const EVIDENCE_KINDS = [
  'classificatie',
  'document',
  'activiteit',
  'publicatie',
  'besluit',
  'checkvraag',
  'procedure',
  'terugkoppeling',
  'leerpunten',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * A change of the dossier's classification (G1-01, G1-03, G1-04). Only the fields given change;
 * `reden` says why (auditors look for reclassifications just before a transition).
 */
export interface ClassificatieData {
  strategisch?: boolean;
  strategischMotivatie?: string;
  besluitvormer?: Besluitvormer;
  besluittype?: Besluittype;
  instrumentType?: InstrumentType;
  /** Pw 158(1)(e,f,h) decision with major ("ingrijpende") consequences (G4-03). */
  ingrijpend?: boolean;
  herkomst?: Herkomst;
  /** Where the signal or initiative came from (motion number, letter, previous dossier…). */
  herkomstBron?: string;
  reden: string;
}

/** The participatieparagraaf in its plan form (domain-brief §3.2, G2-02). */
export interface ParticipatieparagraafPlan {
  doel?: string;
  doelgroepen?: string[];
  /** Level per target group per phase. */
  niveaus?: Array<{ doelgroep: string; fase: PhaseId; niveau: Niveau }>;
  /** What is fixed and what is open to influence. */
  ruimteVoorInvloed?: string;
  planning?: string;
  /** Planned instruments, per phase (catalogue ids from §7.8, or `other`). */
  instrumenten?: Array<{ instrumentId: string; fase: PhaseId; doelgroep?: string }>;
  /** How input is weighed and fed back to participants. */
  terugkoppeling?: string;
  /** Where information is available. */
  informatievindplaats?: string;
  /** 2025 (Blijvend in verbinding, wish 6 "Stel een duidelijke vraag"): the question put to participants. */
  vraag?: string;
  /** 2025 (wish 7 "speelruimte of adviesruimte"): the room for influence in each phase in which participation is planned. */
  ruimtePerFase?: Array<{ fase: PhaseId; ruimte: string }>;
  /** 2025 (wish 8 "eerlijk over het voorwerk"): what has already been prepared or decided before participants join. */
  voorwerk?: string;
}

/** The participatieparagraaf in its report form (domain-brief §3.3, G4-07, G3-01). */
export interface Participatieverslag {
  activiteiten?: string;
  inbreng?: string;
  watGedaanMetInbreng?: string;
  hoeDeelnemersGeinformeerd?: string;
}

export const DOCUMENT_TYPES = [
  'startnotitie',
  'participatieparagraaf-plan',
  'stakeholderinventarisatie',
  'gs-voorstel',
  'statenvoorstel',
  'ontwerpbesluit',
  'beleidsvoorstel',
  'reactienota',
  'evaluatieplan',
  'evaluatierapport',
  'evaluatie-participatie-instrumenten',
  'statenonderzoek',
  'nrk-rapport',
  'extern-evaluatierapport',
  'gs-reactie-aanbevelingen',
  'overig',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentData {
  documentType: DocumentType;
  titel: string;
  /** Registration number, Statenstuk number or other reference. */
  kenmerk?: string;
  url?: string;
  /** SHA-256 of the document's content, when the file itself is not kept here. */
  contentHash?: string;
  participatieparagraaf?: ParticipatieparagraafPlan;
  participatieverslag?: Participatieverslag;
  /** Participation statement required by Ob 10.7 for omgevingsvisie/programma (G3-07, G4-06). */
  participatieverklaring?: string;
  vastgesteldDoorGsOn?: string;
  verzondenAanPsOn?: string;
  /** For a reactienota: the ids of the zienswijze records it answers (G3-02 f). */
  beantwoordtZienswijzen?: string[];
  /** For an evaluatieplan (G4-11). */
  evaluatieplan?: { wanneer?: string; hoe?: string; indicatoren?: string[]; is217a?: boolean };
}

export const ACTIVITEIT_STATUSES = ['gepland', 'uitgevoerd', 'geannuleerd'] as const;
export type ActiviteitStatus = (typeof ACTIVITEIT_STATUSES)[number];

/** 2025 (PS role "Bewaken representativiteit"): how the participants of an activity were recruited. */
export const WERVINGSMETHODEN = ['open-oproep', 'loting', 'gerichte-uitnodiging', 'panel', 'via-organisaties', 'anders'] as const;
export type Wervingsmethode = (typeof WERVINGSMETHODEN)[number];

/** 2025: who was meant to be reached in one target group, and who was reached. */
export interface BereikPerDoelgroep {
  doelgroep: string;
  /** The number of people of this group the activity meant to reach. */
  beoogd: number;
  /** The number of people of this group it reached. */
  bereikt: number;
  /** Why fewer were reached than meant, and what was done about it. */
  toelichting?: string;
}

/** A participation activity. */
export interface ActiviteitData {
  /** Catalogue id (§7.8) or `other` with `instrumentLabel`. */
  instrumentId: string;
  instrumentLabel?: string;
  organisator: Actor;
  fase: PhaseId;
  /** Resident-facing activities need a level. */
  inwonersGericht: boolean;
  niveau?: Niveau;
  doelgroepen: string[];
  startOn: string;
  endOn?: string;
  status: ActiviteitStatus;
  annuleringsreden?: string;
  aankondiging?: { kanaal: string; url?: string; datum: string };
  aantalDeelnemers?: number;
  /** Free text: what came out of it. */
  opbrengst?: string;
  /** 2025: how the participants were recruited (`toelichting` required for `anders`). */
  werving?: { methode: Wervingsmethode; toelichting?: string };
  /** 2025: reach per target group, against who was meant to be reached. */
  bereik?: BereikPerDoelgroep[];
}

export const PUBLICATIE_KANALEN = [
  'provinciaal-blad',
  'website-provincie',
  'website-drents-parlement',
  'sociale-media',
  'woo-platform',
  'nieuwsbrief',
  'krant',
  'overig',
] as const;
export type PublicatieKanaal = (typeof PUBLICATIE_KANALEN)[number];

export const PUBLICATIE_ONDERWERPEN = [
  'aankondiging-initiatief',
  'uitleg-instrumenten',
  'startnotitie',
  'gs-voorstel',
  'gs-besluitenlijst',
  'ps-vergaderstukken',
  'besluit',
  'kennisgeving-ontwerpbesluit',
  'kennisgeving-participatie',
  'drents-panel-resultaten',
  'evaluatierapport',
  'overig',
] as const;
export type PublicatieOnderwerp = (typeof PUBLICATIE_ONDERWERPEN)[number];

/** A publication (channel, URL, Provinciaal blad id `prb-YYYY-N`). */
export interface PublicatieData {
  onderwerp: PublicatieOnderwerp;
  kanaal: PublicatieKanaal;
  url?: string;
  prbId?: string;
  publishedOn: string;
  /** Evidence id of the published document, when it is recorded here. */
  documentId?: string;
  /** Evidence id of the decision (besluit) this publication makes known (G4-04: it must publish *this* decision). */
  besluitId?: string;
  /** Content hash and retrieval time, because websites change (domain-brief §10.2). */
  contentHash?: string;
  retrievedAt?: string;
}

export const BESLUIT_ONDERWERPEN = [
  'startnotitie',
  'kaders-hoofdlijnen',
  'eindbesluit',
  'agendering',
  'overig',
] as const;
export type BesluitOnderwerp = (typeof BESLUIT_ONDERWERPEN)[number];

export const BESLUIT_ORGANEN = ['PS', 'GS', 'Presidium'] as const;
export type BesluitOrgaan = (typeof BESLUIT_ORGANEN)[number];

/** A decision of PS, GS or the Presidium (G4-01 and others). */
export interface BesluitData {
  orgaan: BesluitOrgaan;
  onderwerp: BesluitOnderwerp;
  /** Statenstuk number, or the date/number of the GS besluitenlijst. */
  kenmerk: string;
  besluitdatum: string;
  inwerkingtredingOn?: string;
  /** For a decision addressed to particular persons (Awb 3:41, G4-04). */
  toegezondenAanGeadresseerdenOn?: string;
  /** Ob 10.7 participation statement in the adoption decision (G4-06). */
  participatieverklaring?: { hoeBetrokken?: string; resultaten?: string; toepassingParticipatiebeleid?: string };
}

export const CHECKVRAGEN = [
  'inwonersinitiatief',
  'beginspraak',
  'jongerenraad-drents-panel',
  'maatschappelijke-initiatieven',
  'kaders-ps-nodig',
  'signaal-gedeeld-met-ps',
] as const;
export type Checkvraag = (typeof CHECKVRAGEN)[number];

/** An answer to one of the kader's check questions (G1-06, G2-03, G2-04, G2-05, G2-08, G5-02). */
export interface CheckvraagData {
  vraag: Checkvraag;
  antwoord: boolean;
  toelichting: string;
}

/** Procedure facts, each a step with its own fields. */
export type ProcedureData =
  | { stap: 'inspraakbesluit'; inspraak: boolean; awb34VanToepassing: boolean; motivering: string; gsBesluitKenmerk?: string }
  | { stap: 'kennisgeving-ontwerp'; datum: string; prbId: string }
  | { stap: 'terinzagelegging'; startOn: string; /** A statute may set a longer period than six weeks. */ termijnWeken?: number }
  | { stap: 'toezending-ontwerp'; datum?: string; geenGeadresseerden?: boolean }
  | { stap: 'zienswijze'; ontvangenOn: string; indienerRef: string; vorm: 'schriftelijk' | 'mondeling' }
  | { stap: 'besluit-toegezonden-indieners'; datum: string; vrijstelling?: string }
  | { stap: 'kennisgeving-besluit'; datum: string; prbId?: string }
  | { stap: 'kennisgeving-participatie'; datum: string; prbId: string; verkenningStartOn: string }
  | { stap: 'commissiebehandeling'; onderwerp: 'startnotitie' | 'voorstel'; commissie?: string; vergaderdatum?: string; aantalInsprekers?: number; nietGeagendeerdReden?: string }
  | { stap: 'wensen-en-bedenkingen'; partij: 'PS' | 'GS'; gelegenheidGebodenOn: string; reactieOn?: string; spoed?: boolean; achterafGeinformeerdOn?: string }
  | {
      stap: 'agenderingsverzoek';
      ingediendOn: string;
      geldigeOndersteuners: number;
      binnenBevoegdheidPs: boolean;
      vorigeAgenderingOn?: string;
      nieuweFeiten?: boolean;
    }
  | { stap: 'uitdaagrecht-verzoek'; ingediendOn: string; besluitOn?: string; uitkomst?: string }
  | { stap: 'evaluatietype'; type: Evaluatietype }
  | { stap: 'nrk-217a'; geinformeerdOn: string; onderzoekStartOn?: string; kopieVerzondenOn?: string };
export type ProcedureStap = ProcedureData['stap'];
export const PROCEDURE_STAPPEN: readonly ProcedureStap[] = [
  'inspraakbesluit',
  'kennisgeving-ontwerp',
  'terinzagelegging',
  'toezending-ontwerp',
  'zienswijze',
  'besluit-toegezonden-indieners',
  'kennisgeving-besluit',
  'kennisgeving-participatie',
  'commissiebehandeling',
  'wensen-en-bedenkingen',
  'agenderingsverzoek',
  'uitdaagrecht-verzoek',
  'evaluatietype',
  'nrk-217a',
];

export const TERUGKOPPELING_ONTVANGERS = ['ps', 'griffie', 'deelnemers', 'adviesorgaan'] as const;
export const TERUGKOPPELING_ONDERWERPEN = [
  'signaal',
  'voorgenomen-besluit',
  'voortgang',
  'evaluatie',
  'adviesreactie',
  'participatieparagraaf-wijziging',
  'overig',
] as const;

/** Feedback or information sent to PS, the griffie, participants or an advisory body. */
export interface TerugkoppelingData {
  aan: (typeof TERUGKOPPELING_ONTVANGERS)[number];
  onderwerp: (typeof TERUGKOPPELING_ONDERWERPEN)[number];
  kanaal?: string;
  kenmerk?: string;
  samenvatting?: string;
  /** 2025: the ids of the participation activities whose participants this feedback reaches. */
  activiteitIds?: string[];
  /** 2025: what was done with the participants' input (adopted, not adopted, and why). */
  watGedaanMetInbreng?: string;
}

/** Lessons learned and successes (G6-03), carried into a follow-up dossier by NEW_CYCLE. */
export interface LeerpuntenData {
  leerpunten: string;
  successen?: string;
  /** Set by NEW_CYCLE on the follow-up dossier: the record these lessons were carried over from. */
  overgenomenUit?: string;
}

export interface EvidenceDataByKind {
  classificatie: ClassificatieData;
  document: DocumentData;
  activiteit: ActiviteitData;
  publicatie: PublicatieData;
  besluit: BesluitData;
  checkvraag: CheckvraagData;
  procedure: ProcedureData;
  terugkoppeling: TerugkoppelingData;
  leerpunten: LeerpuntenData;
}

/** One evidence record as stored: immutable; a correction is a new record that supersedes it. */
export interface EvidenceRecord<K extends EvidenceKind = EvidenceKind> {
  id: string;
  dossierId: string;
  kind: K;
  /** The calendar date the thing happened (Europe/Amsterdam). */
  occurredOn: string;
  /** The instant it was recorded here (UTC). */
  recordedAt: string;
  recordedBy: string;
  /** The id of the record this one corrects, if any. */
  supersedes: string | null;
  data: EvidenceDataByKind[K];
}

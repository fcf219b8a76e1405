/**
 * Small helpers the requirement files share: text checks, Dutch and English enumerations, and the notions
 * several guards use (the proposal documents, the Provinciaal blad id, how an activity is named).
 */
import { isIsoDate } from '../../dates';
import { DocumentType } from '../../evidence';
import { DossierFacts } from '../../facts';
import { AppliesWhen, Text } from '../../requirement';
import { instrumentById, OTHER_INSTRUMENT_ID } from '../instruments';

type Doc = DossierFacts['documents'][number];
type Activity = DossierFacts['activities'][number];

/** A string with content (not empty, not only white space). */
export const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

export const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

/** "a, b en c" */
export const joinNl = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}`);
/** "a, b and c" */
export const joinEn = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Provinciaal blad identifier as stored: `prb-YYYY-N` (domain-brief §2.3). */
export const PRB_ID = /^prb-\d{4}-\d+$/;

/** A calendar date that has happened by `today` (inclusive). */
export const happenedBy = (date: string | undefined, today: string): boolean => filled(date) && isIsoDate(date) && date <= today;

/** The documents that count as "the proposal": GS proposal, Statenvoorstel, draft decision, policy proposal. */
export const PROPOSAL_TYPES: readonly DocumentType[] = ['gs-voorstel', 'statenvoorstel', 'ontwerpbesluit', 'beleidsvoorstel'];
export const PROPOSAL_NAMES: Text = {
  nl: 'GS-voorstel, Statenvoorstel, ontwerpbesluit of beleidsvoorstel',
  en: 'GS proposal, Statenvoorstel, draft decision or policy proposal',
};
export const isProposal = (d: Doc): boolean => PROPOSAL_TYPES.includes(d.data.documentType);
export const docRef = (d: Doc): string => `${DOCUMENT_NAMES[d.data.documentType] ?? d.data.documentType} '${d.data.titel}' (${d.id})`;

/** How an activity's instrument is named in an explanation: catalogue label, own label for `other`, else its id. */
export function instrumentNameOf(a: Activity): Text {
  const def = instrumentById(a.data.instrumentId);
  if (def) return { nl: def.label.nl, en: def.label.en };
  const own = a.data.instrumentId === OTHER_INSTRUMENT_ID && filled(a.data.instrumentLabel) ? a.data.instrumentLabel : a.data.instrumentId;
  return { nl: own, en: own };
}

export { paragraphHasContent } from '../../participation';

/**
 * The approved (or already used) waiver of a requirement on this dossier, if any. A practice rule whose parent
 * hard rule was waived does not apply (issue #11: "a practice rule may not block where its parent was waived").
 */
export function grantedWaiver(f: DossierFacts, requirementId: string): DossierFacts['waivers'][number] | undefined {
  return f.waivers.find((w) => w.requirementId === requirementId && (w.status === 'approved' || w.status === 'used'));
}

/** "1 activiteit", "2 activiteiten": a count with the right Dutch or English noun. */
export const countNl = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The record ids that stand for the same fact as `id`: the record itself and every record it corrected or that
 * corrected it (a correction supersedes; a link to an earlier version still names the same decision).
 */
export function correctionChain(f: DossierFacts, id: string): Set<string> {
  const all = [...f.documents, ...f.decisions, ...f.publications, ...f.activities, ...f.procedure, ...f.superseded];
  const chain = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of all) {
      if (r.supersedes && chain.has(r.id) && !chain.has(r.supersedes)) {
        chain.add(r.supersedes);
        grew = true;
      }
      if (r.supersedes && chain.has(r.supersedes) && !chain.has(r.id)) {
        chain.add(r.id);
        grew = true;
      }
    }
  }
  return chain;
}

/** Why a rule that needs a classification field does not apply: not recorded yet, or recorded as something else. */
export function classifiedAs(value: string | null, field: { nl: string; en: string }, guard: string): Text {
  return value === null
    ? { nl: `${field.nl} is nog niet vastgelegd (${guard})`, en: `${field.en} has not been recorded yet (${guard})` }
    : { nl: `${field.nl} is ${value}`, en: `${field.en} is ${value}` };
}

/** Why a rule for strategic topics does not apply. */
export function notStrategic(f: DossierFacts): Text {
  const m = filled(f.classification.strategischMotivatie) ? ` (motivering: ${f.classification.strategischMotivatie})` : '';
  const mEn = filled(f.classification.strategischMotivatie) ? ` (motivation: ${f.classification.strategischMotivatie})` : '';
  return f.classification.strategisch === null
    ? { nl: 'er is nog niet vastgelegd of het onderwerp strategisch is (G1-03)', en: "the 'strategisch' flag has not been recorded yet (G1-03)" }
    : { nl: `het onderwerp is niet strategisch${m}`, en: `the topic is not strategic${mEn}` };
}

/** Why a rule for the uniforme openbare voorbereidingsprocedure does not apply. */
export function noUov(f: DossierFacts): Text {
  if (f.procedureType === null) {
    return {
      nl: 'GS hebben nog niet besloten over inspraak (G2-09), dus het is nog niet bekend of afdeling 3.4 Awb van toepassing is',
      en: 'GS have not yet decided on inspraak (G2-09), so it is not yet known whether afdeling 3.4 Awb applies',
    };
  }
  return {
    nl: 'GS verleenden geen inspraak en afdeling 3.4 Awb is niet van rechtswege van toepassing (inspraakbesluit, G2-09), dus de uniforme openbare voorbereidingsprocedure wordt niet gevolgd',
    en: 'GS granted no inspraak and afdeling 3.4 Awb does not apply by law (inspraak decision, G2-09), so the uniform public preparatory procedure is not followed',
  };
}

/** The Omgevingswet instruments whose adoption decision must state how participation went, with the article. */
export const PARTICIPATIEVERKLARING_ARTIKEL: Readonly<Record<'omgevingsvisie' | 'programma' | 'projectbesluit', { nl: string; en: string; het: string }>> = {
  // https://wetten.overheid.nl/jci1.3:c:BWBR0041278&hoofdstuk=10&artikel=10.7 (omgevingsvisie)
  omgevingsvisie: { nl: 'artikel 10.7 Omgevingsbesluit', en: 'article 10.7 Omgevingsbesluit', het: 'de omgevingsvisie' },
  // https://wetten.overheid.nl/jci1.3:c:BWBR0041278&hoofdstuk=10&artikel=10.8 (programma); confirmed by
  // https://aandeslagmetdeomgevingswet.nl/thema/inspiratiegids/participatie-wet/programma/ ("geregeld in artikel 10.8
  // van het Omgevingsbesluit").
  programma: { nl: 'artikel 10.8 Omgevingsbesluit', en: 'article 10.8 Omgevingsbesluit', het: 'het programma' },
  // https://wetten.overheid.nl/jci1.3:c:BWBR0037885&hoofdstuk=5&artikel=5.51 (projectbesluit: how citizens, businesses,
  // civil-society organisations and public bodies were involved and the results); issue #11; see also
  // https://magazine.zuid-holland.nl/omgevingswetmagazine-2023/fase-42-beleidsuitvoering-projectbesluit
  projectbesluit: { nl: 'artikel 5.51 Omgevingswet', en: 'article 5.51 Omgevingswet', het: 'het projectbesluit' },
};
export type VerklaringInstrument = keyof typeof PARTICIPATIEVERKLARING_ARTIKEL;
export const isVerklaringInstrument = (t: string | null): t is VerklaringInstrument => t !== null && t in PARTICIPATIEVERKLARING_ARTIKEL;

/** G3-07 and G4-06 apply to the instruments whose adoption decision carries a participation statement. */
export const verklaringInstrumentApplies: AppliesWhen = {
  description: {
    nl: 'het instrument is een omgevingsvisie, programma of projectbesluit (Omgevingswet)',
    en: 'the instrument is an omgevingsvisie, programma or projectbesluit (Omgevingswet)',
  },
  test: (f) => isVerklaringInstrument(f.classification.instrumentType),
  whyNot: (f) =>
    f.classification.instrumentType === null
      ? { nl: 'het instrumenttype is nog niet vastgelegd (G1-04)', en: 'the instrument type has not been recorded yet (G1-04)' }
      : f.classification.instrumentType === 'none'
        ? { nl: 'het besluit is geen instrument van de Omgevingswet (instrumenttype none)', en: 'the decision is no Omgevingswet instrument (instrument type none)' }
        : {
            nl: `het instrumenttype is ${f.classification.instrumentType}; een participatieverklaring is alleen voorgeschreven bij een omgevingsvisie, programma of projectbesluit`,
            en: `the instrument type is ${f.classification.instrumentType}; a participation statement is prescribed only for an omgevingsvisie, programma or projectbesluit`,
          },
};

/** Dutch names of the document types, as a civil servant writes them. */
export const DOCUMENT_NAMES: Readonly<Record<string, string>> = {
  startnotitie: 'startnotitie',
  'gs-voorstel': 'GS-voorstel',
  statenvoorstel: 'Statenvoorstel',
  ontwerpbesluit: 'ontwerpbesluit',
  beleidsvoorstel: 'beleidsvoorstel',
};

/** "de Statencommissie Bestuur": the committee's name without doubling the noun when the name already carries it. */
export function commissieNaam(commissie: string | undefined): { nl: string; en: string } {
  if (!filled(commissie)) return { nl: 'een Statencommissie', en: 'a Statencommissie' };
  const name = commissie.trim();
  return /^(de\s+)?statencommissie\b/i.test(name)
    ? { nl: name.replace(/^de\s+/i, 'de ').replace(/^statencommissie/i, 'de Statencommissie'), en: `the ${name.replace(/^de\s+/i, '')}` }
    : { nl: `de Statencommissie ${name}`, en: `the Statencommissie ${name}` };
}

/**
 * Small helpers the requirement files share: text checks, Dutch and English enumerations, and the notions
 * several guards use (the proposal documents, the Provinciaal blad id, how an activity is named).
 */
import { isIsoDate } from '../../dates';
import { DocumentType } from '../../evidence';
import { DossierFacts } from '../../facts';
import { Text } from '../../requirement';
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
export const docRef = (d: Doc): string => `${d.data.documentType} '${d.data.titel}' (${d.id})`;

/** How an activity's instrument is named in an explanation: catalogue label, own label for `other`, else its id. */
export function instrumentNameOf(a: Activity): Text {
  const def = instrumentById(a.data.instrumentId);
  if (def) return { nl: def.label.nl, en: def.label.en };
  const own = a.data.instrumentId === OTHER_INSTRUMENT_ID && filled(a.data.instrumentLabel) ? a.data.instrumentLabel : a.data.instrumentId;
  return { nl: own, en: own };
}

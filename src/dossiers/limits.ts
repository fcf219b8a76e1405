/**
 * How much one dossier holds (issue #14): the published document promises these as the `maxItems` of every list
 * that shows a dossier's records, and the services refuse what would go past them with a 409 `limit-reached`.
 * Far above what a participation trajectory records (a large procedure has a few thousand zienswijzen), low enough
 * that one answer stays a bounded size.
 */
import { DomainError } from '../common';

/** Evidence records (vastleggingen) of one dossier, corrections included. */
export const MAX_EVIDENCE_PER_DOSSIER = 5000;
/** Waiver requests of one dossier, decided or not. */
export const MAX_WAIVERS_PER_DOSSIER = 1000;

const WHAT = {
  evidence: { limit: MAX_EVIDENCE_PER_DOSSIER, en: 'evidence records', nl: 'vastleggingen' },
  waivers: { limit: MAX_WAIVERS_PER_DOSSIER, en: 'waiver requests', nl: 'aanvragen voor een vrijstelling' },
} as const;

export type LimitedCollection = keyof typeof WHAT;

/** Refuses (409 `limit-reached`) when a dossier holding `count` items of `what` cannot take one more. */
export function assertRoomFor(what: LimitedCollection, dossierId: string, count: number): void {
  const w = WHAT[what];
  if (count < w.limit) return;
  throw new DomainError(
    'limit-reached',
    `Dossier ${dossierId} holds ${count} ${w.en}, the most one dossier may hold (${w.limit}); nothing was recorded.`,
    { resource: what, limit: w.limit },
    `Dit dossier heeft al ${count} ${w.nl}; meer dan ${w.limit} kan één dossier niet bevatten. Er is niets vastgelegd.`,
  );
}

/**
 * Helpers the 2025 requirements share: which activities had participants, how an activity is named, and the feedback
 * that reaches an activity's participants.
 */
import { PhaseId } from '../../../evidence';
import { DossierFacts } from '../../../facts';
import { OTHER_INSTRUMENT_ID } from '../../instruments';
import { correctionChain, filled, instrumentNameOf } from '../../requirements/shared';

export type Activity = DossierFacts['activities'][number];
export type Feedback = DossierFacts['feedback'][number];

/** Activities carried out with residents (status uitgevoerd, inwonersGericht) in one of `phases`: they had participants. */
export const activitiesWithParticipants = (f: DossierFacts, phases: readonly PhaseId[]): Activity[] =>
  f.activities.filter((a) => a.data.status === 'uitgevoerd' && a.data.inwonersGericht && phases.includes(a.data.fase));

/** The day an activity ended (its last day), from which feedback on it can come. */
export const activityEnd = (a: Activity): string => a.data.endOn ?? a.data.startOn;

/** "Atelier van 2026-03-02 (ev-1)" */
export function activityRef(a: Activity): { nl: string; en: string } {
  const name = instrumentNameOf(a);
  return { nl: `${name.nl} van ${a.data.startOn} (${a.id})`, en: `${name.en} of ${a.data.startOn} (${a.id})` };
}

/** A Burgerberaad: recorded as instrument `other` with a label that names it (the seed's catalogue predates it). */
export const isBurgerberaad = (a: Activity): boolean =>
  a.data.instrumentId === OTHER_INSTRUMENT_ID && (a.data.instrumentLabel ?? '').toLocaleLowerCase('nl').includes('burgerberaad');

/** Feedback that names this activity (or a record that corrects it, or that it corrects) among its `activiteitIds`. */
export function feedbackNaming(f: DossierFacts, a: Activity, to: ReadonlyArray<Feedback['data']['aan']>): Feedback[] {
  const chain = correctionChain(f, a.id);
  return f.feedback.filter((t) => to.includes(t.data.aan) && (t.data.activiteitIds ?? []).some((id) => chain.has(id)));
}

/** Why feedback on an activity does not count yet, or null when it does: it must say what was done, and have happened after the activity. */
export function feedbackFault(t: Feedback, a: Activity, today: string): { nl: string; en: string } | null {
  if (!filled(t.data.watGedaanMetInbreng)) {
    return { nl: `de terugkoppeling van ${t.occurredOn} (${t.id}) zegt niet wat met de inbreng is gedaan (watGedaanMetInbreng)`, en: `the feedback of ${t.occurredOn} (${t.id}) does not say what was done with the input (watGedaanMetInbreng)` };
  }
  if (t.occurredOn > today) {
    return { nl: `de terugkoppeling is gedateerd ${t.occurredOn}, na vandaag (${today})`, en: `the feedback is dated ${t.occurredOn}, after today (${today})` };
  }
  if (t.occurredOn < activityEnd(a)) {
    return { nl: `de terugkoppeling van ${t.occurredOn} ligt vóór het einde van de activiteit (${activityEnd(a)})`, en: `the feedback of ${t.occurredOn} predates the end of the activity (${activityEnd(a)})` };
  }
  return null;
}

/** The same target group, whatever its capitals or surrounding white space. */
export const sameGroup = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** The feedback on one activity that counts (the latest that says what was done, dated between the activity and today), or why none does. */
export type FeedbackOutcome = { ok: Feedback; fault: null; seen: Feedback[] } | { ok: null; fault: { nl: string; en: string }; seen: Feedback[] };

export function feedbackOutcome(f: DossierFacts, a: Activity, to: ReadonlyArray<Feedback['data']['aan']>, subject?: Feedback['data']['onderwerp']): FeedbackOutcome {
  const seen = feedbackNaming(f, a, to).filter((t) => subject === undefined || t.data.onderwerp === subject);
  const ok = seen.filter((t) => feedbackFault(t, a, f.today) === null).at(-1);
  if (ok) return { ok, fault: null, seen };
  const last = seen.at(-1);
  const fault = last
    ? feedbackFault(last, a, f.today)!
    : { nl: 'er is geen terugkoppeling vastgelegd die deze activiteit noemt (activiteitIds)', en: 'no feedback naming this activity (activiteitIds) is recorded' };
  return { ok: null, fault, seen };
}

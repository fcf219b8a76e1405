/**
 * 2025: feedback to the participants of each activity — what was done with their input, and when they heard it — the
 * gap the Noordelijke Rekenkamer found ("een goede verslaglegging en terugkoppeling hiervan ontbreekt") and the
 * beleidskader's "zeg wat je doet". And the Burgerberaad, whose advice needs a reasoned reaction.
 */
import { PhaseId, PHASE_IDS } from '../../../evidence';
import { DossierEventType, DossierFacts } from '../../../facts';
import { met, missing, Requirement, TransitionKey } from '../../../requirement';
import { joinEn, joinNl } from '../../requirements/shared';
import { Activity, activitiesWithParticipants, activityRef, Feedback, FeedbackOutcome, feedbackOutcome, isBurgerberaad } from './shared';
import { BLIJVEND_IN_VERBINDING, BURGERBERAAD_TERUGKOPPELING, NRK_TERUGKOPPELING } from './sources';

const BIV = BLIJVEND_IN_VERBINDING;

interface Scope {
  id: string;
  transition: TransitionKey;
  events: readonly DossierEventType[];
  phases: readonly PhaseId[];
}

type Outcome = FeedbackOutcome & { a: Activity };

/** Per activity: the feedback that counts, or why none does. */
const judge = (f: DossierFacts, activities: readonly Activity[], to: ReadonlyArray<Feedback['data']['aan']>, subject?: Feedback['data']['onderwerp']): Outcome[] =>
  activities.map((a) => ({ a, ...feedbackOutcome(f, a, to, subject) }));

const evidenceOf = (outcomes: readonly Outcome[]): string[] => outcomes.flatMap((o) => [o.a.id, ...(o.ok ? [o.ok.id] : o.seen.map((t) => t.id))]);

/**
 * G4-51 / G6-53 (2025) — The participants of every activity carried out with residents in the scope's phases heard
 * what was done with their input: a terugkoppeling aan deelnemers (or, for an advisory body, aan adviesorgaan) that
 * names the activity, says what was done with the input (watGedaanMetInbreng) and is dated after the activity and
 * no later than today (its date is when they heard it). Hard and waivable (X-04): policy, not statute.
 */
export function terugkoppelingAanDeelnemers(scope: Scope): Requirement {
  const inPhases = { nl: `de fasen ${joinNl(scope.phases)}`, en: `phases ${joinEn(scope.phases)}` };
  return {
    id: scope.id,
    transition: scope.transition,
    events: scope.events,
    label: { nl: 'Deelnemers per activiteit teruggekoppeld wat met hun inbreng is gedaan (2025)', en: 'Participants of each activity told what was done with their input (2025)' },
    rule: `The participants of every participation activity with residents carried out in phases ${scope.phases.join(', ')} received feedback on what was done with their input, recorded with its date.`,
    severity: 'hard',
    waivable: true,
    origin: {
      kind: 'practice',
      label: 'beleidskader 2025 (Blijvend in verbinding) + NRK',
      basis: `${BIV.ref}: "${BIV.samenvatting}"; wens 9: "${BIV.wens[9]}" — ${BIV.url}; Noordelijke Rekenkamer, "Ruimte voor inbreng" (2021): "${NRK_TERUGKOPPELING.quote}" — ${NRK_TERUGKOPPELING.url}`,
      verified: true,
      note: 'The NRK finding is quoted from RTV Drenthe\'s report on it; the NRK report itself was not read.',
    },
    appliesWhen: {
      description: { nl: `er is in ${inPhases.nl} een activiteit met inwoners uitgevoerd`, en: `an activity with residents was carried out in ${inPhases.en}` },
      test: (f) => activitiesWithParticipants(f, scope.phases).length > 0,
      whyNot: () => ({ nl: `er is in ${inPhases.nl} geen activiteit met inwoners uitgevoerd, dus er zijn geen deelnemers om terug te koppelen`, en: `no activity with residents was carried out in ${inPhases.en}, so there are no participants to report back to` }),
    },
    check: (f) => {
      const outcomes = judge(f, activitiesWithParticipants(f, scope.phases), ['deelnemers', 'adviesorgaan']);
      const open = outcomes.filter((o) => o.fault !== null);
      if (open.length > 0) {
        return missing(
          `De deelnemers van ${open.length} van de ${outcomes.length} activiteiten hebben niet gehoord wat met hun inbreng is gedaan: ${open.map((o) => `${activityRef(o.a).nl}: ${o.fault.nl}`).join('; ')}. Leg per activiteit een terugkoppeling aan de deelnemers vast die de activiteit noemt (activiteitIds) en zegt wat met de inbreng is gedaan (watGedaanMetInbreng), gedateerd op de dag dat zij het hoorden.`,
          `The participants of ${open.length} of ${outcomes.length} activities have not heard what was done with their input: ${open.map((o) => `${activityRef(o.a).en}: ${o.fault.en}`).join('; ')}. Record feedback to the participants of each activity that names it (activiteitIds) and says what was done with the input (watGedaanMetInbreng), dated on the day they heard it.`,
          evidenceOf(outcomes),
        );
      }
      const done = outcomes;
      return met(
        evidenceOf(outcomes),
        `De deelnemers van alle ${done.length} activiteiten hoorden wat met hun inbreng is gedaan: ${done.map((o) => `${activityRef(o.a).nl} → ${o.ok!.occurredOn}`).join('; ')}.`,
        `The participants of all ${done.length} activities heard what was done with their input: ${done.map((o) => `${activityRef(o.a).en} → ${o.ok!.occurredOn}`).join('; ')}.`,
      );
    },
  };
}

export const terugkoppelingTotBesluit = terugkoppelingAanDeelnemers({ id: 'G4-51', transition: 'T4', events: ['ADVANCE'], phases: PHASE_IDS.slice(0, 4) });
export const terugkoppelingNaBesluit = terugkoppelingAanDeelnemers({ id: 'G6-53', transition: 'T6', events: ['ADVANCE', 'NEW_CYCLE'], phases: PHASE_IDS.slice(4) });

const burgerberaden = (f: DossierFacts): Activity[] => f.activities.filter((a) => a.data.status === 'uitgevoerd' && isBurgerberaad(a));

/**
 * G4-52 (2025) — A Burgerberaad that gave advice received a reasoned reaction: a terugkoppeling aan adviesorgaan with
 * onderwerp adviesreactie that names the Burgerberaad activity and states what was and was not adopted, and why
 * (watGedaanMetInbreng), dated after the advice and no later than today. The Burgerberaad is recorded as instrument
 * `other` with a label naming it (it postdates the seed's catalogue). 2021's G4-12 stays as it was (advisory, any
 * advisory body); this rule is stricter for the Burgerberaad. Hard and waivable (X-04).
 */
export const reactieOpBurgerberaad: Requirement = {
  id: 'G4-52',
  transition: 'T4',
  events: ['ADVANCE'],
  label: { nl: 'Gemotiveerde reactie op het advies van het Burgerberaad (2025)', en: 'Reasoned reaction to the advice of the Burgerberaad (2025)' },
  rule: 'If a Burgerberaad gave advice, PS and GS reported back what they did and did not adopt from it, and why.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'practice',
    label: 'practice (Burgerberaad Drenthe)',
    basis: `Burgerberaad Drenthe: "${BURGERBERAAD_TERUGKOPPELING.quote}" — ${BURGERBERAAD_TERUGKOPPELING.url} [S29]`,
    verified: true,
    note: 'Quoted from RTV Drenthe; the PS decision of 1 February 2023 that set up the Burgerberaad was not read.',
  },
  appliesWhen: {
    description: { nl: 'een Burgerberaad heeft over dit dossier geadviseerd', en: 'a Burgerberaad advised on this dossier' },
    test: (f) => burgerberaden(f).length > 0,
    whyNot: () => ({
      nl: "bij dit dossier is geen uitgevoerde Burgerberaad-activiteit vastgelegd (instrument 'other' met 'Burgerberaad' in het label)",
      en: "no Burgerberaad activity carried out is recorded for this dossier (instrument 'other' with 'Burgerberaad' in its label)",
    }),
  },
  check: (f) => {
    const outcomes = judge(f, burgerberaden(f), ['adviesorgaan'], 'adviesreactie');
    const open = outcomes.filter((o) => o.fault !== null);
    if (open.length > 0) {
      return missing(
        `Op het advies van het Burgerberaad is niet gemotiveerd gereageerd: ${open.map((o) => `${activityRef(o.a).nl}: ${o.fault.nl}`).join('; ')}. Leg een terugkoppeling aan het adviesorgaan vast (onderwerp adviesreactie) die het Burgerberaad noemt (activiteitIds) en zegt wat wel en niet is overgenomen, en waarom (watGedaanMetInbreng).`,
        `The advice of the Burgerberaad received no reasoned reaction: ${open.map((o) => `${activityRef(o.a).en}: ${o.fault.en}`).join('; ')}. Record feedback to the advisory body (subject adviesreactie) that names the Burgerberaad (activiteitIds) and says what was and was not adopted, and why (watGedaanMetInbreng).`,
        evidenceOf(outcomes),
      );
    }
    const done = outcomes;
    return met(
      evidenceOf(outcomes),
      `Op het advies van het Burgerberaad is gemotiveerd gereageerd: ${done.map((o) => `${activityRef(o.a).nl} → reactie van ${o.ok!.occurredOn}`).join('; ')}.`,
      `The advice of the Burgerberaad received a reasoned reaction: ${done.map((o) => `${activityRef(o.a).en} → reaction of ${o.ok!.occurredOn}`).join('; ')}.`,
    );
  },
};

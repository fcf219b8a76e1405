/**
 * 2025: the PS role "Bewaken representativiteit" (seed, voorbereiding-beleid), which neither the seed's rules nor the
 * 2021 version checks: per participation activity, how the participants were recruited and who was reached in each
 * target group against who was meant to be reached. Checked before the proposal goes to decision (T3, activities of
 * phases 1–3) and before the dossier closes (T6, activities of phases 4–6), so that every activity is checked once.
 */
import { PhaseId, PHASE_IDS } from '../../../evidence';
import { DossierEventType, DossierFacts } from '../../../facts';
import { met, missing, Requirement, TransitionKey } from '../../../requirement';
import { filled, joinEn, joinNl } from '../../requirements/shared';
import { Activity, activitiesWithParticipants, activityRef, sameGroup } from './shared';
import { BLIJVEND_IN_VERBINDING, SEED_REPRESENTATIVITEIT } from './sources';

const BIV = BLIJVEND_IN_VERBINDING;

interface Scope {
  id: string;
  transition: TransitionKey;
  events: readonly DossierEventType[];
  phases: readonly PhaseId[];
}

/** "fasen voorfase-agendasetting, voorbereiding-beleid en ontwikkeling-voorstel" */
const phasesText = (phases: readonly PhaseId[]) => ({ nl: `de fasen ${joinNl(phases)}`, en: `phases ${joinEn(phases)}` });

/** What an activity lacks for representativeness to be judged: recruitment, and reach for each of its target groups. */
export function representativiteitGaps(a: Activity): Array<{ nl: string; en: string }> {
  const gaps: Array<{ nl: string; en: string }> = [];
  const w = a.data.werving;
  if (!w) gaps.push({ nl: 'hoe de deelnemers zijn geworven (werving)', en: 'how participants were recruited (werving)' });
  else if (w.methode === 'anders' && !filled(w.toelichting)) gaps.push({ nl: "een toelichting bij wervingsmethode 'anders'", en: "an explanation of recruitment method 'anders'" });
  const bereik = a.data.bereik ?? [];
  const groups = a.data.doelgroepen.filter(filled);
  if (groups.length === 0 && bereik.length === 0) gaps.push({ nl: 'het bereik per doelgroep (bereik)', en: 'the reach per target group (bereik)' });
  const open = groups.filter((g) => !bereik.some((b) => sameGroup(b.doelgroep, g)));
  if (open.length > 0) {
    gaps.push({ nl: `het bereik voor doelgroep ${joinNl(open.map((g) => `'${g}'`))} (beoogd en bereikt)`, en: `the reach for target group ${joinEn(open.map((g) => `'${g}'`))} (meant and reached)` });
  }
  return gaps;
}

const origin = {
  kind: 'seed' as const,
  label: 'seed (PS role) + beleidskader 2025',
  basis: `seed: "${SEED_REPRESENTATIVITEIT}" (PS, voorbereiding beleid); ${BIV.ref}, wens 2: "${BIV.wens[2]}" — ${BIV.url}`,
  seedQuote: SEED_REPRESENTATIVITEIT,
  verified: true,
};

function appliesTo(scope: Scope) {
  return {
    description: { nl: `er is in ${phasesText(scope.phases).nl} een activiteit met inwoners uitgevoerd`, en: `an activity with residents was carried out in ${phasesText(scope.phases).en}` },
    test: (f: DossierFacts) => activitiesWithParticipants(f, scope.phases).length > 0,
    whyNot: () => ({ nl: `er is in ${phasesText(scope.phases).nl} geen activiteit met inwoners uitgevoerd`, en: `no activity with residents was carried out in ${phasesText(scope.phases).en}` }),
  };
}

/**
 * G3-51 / G6-51 (2025) — Every activity carried out with residents in the scope's phases records how its
 * participants were recruited (werving; an explanation for `anders`) and the reach for each of its target groups
 * (beoogd and bereikt), so that PS can guard representativeness. Hard and waivable (X-04): a seed-derived rule.
 */
export function representativiteitVastgelegd(scope: Scope): Requirement {
  return {
    id: scope.id,
    transition: scope.transition,
    events: scope.events,
    label: { nl: 'Werving en bereik per doelgroep vastgelegd per activiteit (2025)', en: 'Recruitment and reach per target group recorded per activity (2025)' },
    rule: `Every participation activity with residents carried out in phases ${scope.phases.join(', ')} records how participants were recruited and, per target group, who was meant to be reached and who was reached.`,
    severity: 'hard',
    waivable: true,
    origin,
    appliesWhen: appliesTo(scope),
    check: (f) => {
      const activities = activitiesWithParticipants(f, scope.phases);
      const ids = activities.map((a) => a.id);
      const faults = activities.map((a) => ({ a, gaps: representativiteitGaps(a) })).filter((x) => x.gaps.length > 0);
      if (faults.length > 0) {
        return missing(
          `Voor het bewaken van de representativiteit ontbreekt bij ${faults.length} van de ${activities.length} activiteiten met inwoners: ${faults.map(({ a, gaps }) => `${activityRef(a).nl}: ${joinNl(gaps.map((g) => g.nl))}`).join('; ')}.`,
          `To guard representativeness, ${faults.length} of ${activities.length} activities with residents lack: ${faults.map(({ a, gaps }) => `${activityRef(a).en}: ${joinEn(gaps.map((g) => g.en))}`).join('; ')}.`,
          ids,
        );
      }
      return met(
        ids,
        `Bij alle ${activities.length} activiteiten met inwoners zijn de werving en het bereik per doelgroep vastgelegd.`,
        `All ${activities.length} activities with residents record recruitment and reach per target group.`,
      );
    },
  };
}

/** The activities with a recorded reach, each with its entries. */
const withReach = (activities: readonly Activity[]) =>
  activities.map((a) => ({ a, bereik: a.data.bereik ?? [] })).filter((x) => x.bereik.length > 0);

/** The reach entries that fall short of what was meant and say nothing about it. */
const shortfalls = (reached: ReturnType<typeof withReach>) =>
  reached.flatMap(({ a, bereik }) => bereik.filter((b) => b.bereikt < b.beoogd && !filled(b.toelichting)).map((b) => ({ a, b })));

/**
 * G3-52 / G6-52 (2025) — Every target group was reached as meant, or the shortfall is explained (toelichting on the
 * reach entry): who was not reached, and what was done about it. Advisory: the province cannot make people come,
 * but PS must see who was missing ("alle belangen aan tafel").
 */
export function doelgroepenBereikt(scope: Scope): Requirement {
  return {
    id: scope.id,
    transition: scope.transition,
    events: scope.events,
    label: { nl: 'Beoogde doelgroepen bereikt, of het tekort toegelicht (2025)', en: 'Intended target groups reached, or the shortfall explained (2025)' },
    rule: `For every participation activity with residents in phases ${scope.phases.join(', ')}, each target group was reached as meant, or the shortfall is explained.`,
    severity: 'advisory',
    waivable: false,
    origin,
    appliesWhen: {
      description: { nl: `voor een activiteit met inwoners in ${phasesText(scope.phases).nl} is het bereik vastgelegd`, en: `the reach is recorded for an activity with residents in ${phasesText(scope.phases).en}` },
      test: (f) => withReach(activitiesWithParticipants(f, scope.phases)).length > 0,
      whyNot: () => ({
        nl: `voor geen enkele activiteit met inwoners in ${phasesText(scope.phases).nl} is het bereik vastgelegd (zie de eis voor werving en bereik)`,
        en: `no reach is recorded for any activity with residents in ${phasesText(scope.phases).en} (see the requirement on recruitment and reach)`,
      }),
    },
    check: (f) => {
      const reached = withReach(activitiesWithParticipants(f, scope.phases));
      const activities = reached.map((x) => x.a);
      const ids = activities.map((a) => a.id);
      const short = shortfalls(reached);
      if (short.length > 0) {
        const list = (lang: 'nl' | 'en') =>
          short.map(({ a, b }) => (lang === 'nl' ? `${activityRef(a).nl}: doelgroep '${b.doelgroep}' ${b.bereikt} van ${b.beoogd} bereikt` : `${activityRef(a).en}: target group '${b.doelgroep}' ${b.bereikt} of ${b.beoogd} reached`)).join('; ');
        return missing(
          `Niet alle beoogde doelgroepen zijn bereikt, en het tekort is niet toegelicht: ${list('nl')}. Licht per doelgroep toe waarom en wat eraan is gedaan (toelichting bij het bereik).`,
          `Not every intended target group was reached, and the shortfall is not explained: ${list('en')}. Explain per target group why, and what was done about it (toelichting on the reach).`,
          ids,
        );
      }
      return met(
        ids,
        `Alle beoogde doelgroepen zijn bereikt, of het tekort is toegelicht (${activities.length} ${activities.length === 1 ? 'activiteit' : 'activiteiten'}).`,
        `Every intended target group was reached, or the shortfall is explained (${activities.length} ${activities.length === 1 ? 'activity' : 'activities'}).`,
      );
    },
  };
}

const UP_TO_PROPOSAL = PHASE_IDS.slice(0, 3);
const FROM_DECISION = PHASE_IDS.slice(3);

export const representativiteitTotVoorstel = representativiteitVastgelegd({ id: 'G3-51', transition: 'T3', events: ['ADVANCE'], phases: UP_TO_PROPOSAL });
export const bereikTotVoorstel = doelgroepenBereikt({ id: 'G3-52', transition: 'T3', events: ['ADVANCE'], phases: UP_TO_PROPOSAL });
export const representativiteitNaBesluit = representativiteitVastgelegd({ id: 'G6-51', transition: 'T6', events: ['ADVANCE', 'NEW_CYCLE'], phases: FROM_DECISION });
export const bereikNaBesluit = doelgroepenBereikt({ id: 'G6-52', transition: 'T6', events: ['ADVANCE', 'NEW_CYCLE'], phases: FROM_DECISION });

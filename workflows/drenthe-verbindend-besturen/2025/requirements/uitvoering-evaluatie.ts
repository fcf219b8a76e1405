/**
 * 2025: participation during uitvoering and evaluatie. The Wet versterking participatie op decentraal niveau makes
 * the participatieverordening cover "de voorbereiding, uitvoering én evaluatie van beleid"; its entry into force and
 * a Drenthe participatieverordening under it were not verified, so these rules are advisory and marked unverified.
 */
import { PhaseId } from '../../../evidence';
import { DossierEventType } from '../../../facts';
import { always, met, missing, Requirement, TransitionKey } from '../../../requirement';
import { joinEn, joinNl } from '../../requirements/shared';
import { activitiesWithParticipants, activityRef } from './shared';
import { WET_VERSTERKING_PARTICIPATIE } from './sources';

const WORDS: Record<'uitvoering' | 'controle-evaluatie', { nl: string; en: string }> = {
  uitvoering: { nl: 'de uitvoering', en: 'implementation' },
  'controle-evaluatie': { nl: 'de evaluatie', en: 'evaluation' },
};

/**
 * G5-51 / G6-54 (2025) — Residents took part during this phase: at least one activity with residents was carried
 * out in it, on or before today. Advisory: when none was, the one advancing explains why.
 */
export function participatieTijdens(scope: { id: string; transition: TransitionKey; events: readonly DossierEventType[]; fase: PhaseId & keyof typeof WORDS }): Requirement {
  const w = WORDS[scope.fase];
  return {
    id: scope.id,
    transition: scope.transition,
    events: scope.events,
    label: { nl: `Inwoners betrokken tijdens ${w.nl} (2025)`, en: `Residents involved during ${w.en} (2025)` },
    rule: `At least one participation activity with residents was carried out in phase ${scope.fase}.`,
    severity: 'advisory',
    waivable: false,
    origin: {
      kind: 'law',
      label: 'law (Wet versterking participatie; entry into force unverified)',
      basis: `Wet versterking participatie op decentraal niveau (Kamerstuk 36210): "${WET_VERSTERKING_PARTICIPATIE.quote}" — ${WET_VERSTERKING_PARTICIPATIE.url}`,
      verified: false,
      note: WET_VERSTERKING_PARTICIPATIE.note,
    },
    appliesWhen: always,
    check: (f) => {
      const done = activitiesWithParticipants(f, [scope.fase]).filter((a) => a.data.startOn <= f.today);
      if (done.length > 0) {
        return met(
          done.map((a) => a.id),
          `Inwoners zijn tijdens ${w.nl} betrokken: ${joinNl(done.map((a) => activityRef(a).nl))}.`,
          `Residents were involved during ${w.en}: ${joinEn(done.map((a) => activityRef(a).en))}.`,
        );
      }
      return missing(
        `Er is tijdens ${w.nl} (fase ${scope.fase}) geen activiteit met inwoners uitgevoerd. De Wet versterking participatie op decentraal niveau laat de participatieverordening ook de ${scope.fase === 'uitvoering' ? 'uitvoering' : 'evaluatie'} van beleid regelen. Leg een uitgevoerde activiteit met inwoners in deze fase vast, of licht bij de overgang toe waarom er geen was.`,
        `No activity with residents was carried out during ${w.en} (phase ${scope.fase}). The Wet versterking participatie op decentraal niveau has the participatieverordening cover the ${w.en} of policy too. Record an activity with residents carried out in this phase, or explain on advancing why there was none.`,
      );
    },
  };
}

export const participatieTijdensUitvoering = participatieTijdens({ id: 'G5-51', transition: 'T5', events: ['ADVANCE'], fase: 'uitvoering' });
export const participatieTijdensEvaluatie = participatieTijdens({ id: 'G6-54', transition: 'T6', events: ['ADVANCE', 'NEW_CYCLE'], fase: 'controle-evaluatie' });

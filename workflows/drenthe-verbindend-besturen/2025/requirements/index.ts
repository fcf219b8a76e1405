/**
 * The rule set of `drenthe-verbindend-besturen@2025`: every 2021 requirement carried over unchanged (the same
 * objects: where the 2025 beleidskader is silent, 2021's rule stands), followed per transition by the requirements
 * new in 2025 (ids G<n>-5x). docs/kader-2025.md says what each adds and where it comes from.
 */
import { Requirement, TRANSITION_KEYS, TransitionKey } from '../../../requirement';
import { REQUIREMENTS_BY_TRANSITION } from '../../requirements';
import { inwonersVroegtijdigBetrokken, vraagRuimteEnVoorwerk } from './plan';
import { bereikNaBesluit, bereikTotVoorstel, representativiteitNaBesluit, representativiteitTotVoorstel } from './representativiteit';
import { reactieOpBurgerberaad, terugkoppelingNaBesluit, terugkoppelingTotBesluit } from './terugkoppeling';
import { participatieTijdensEvaluatie, participatieTijdensUitvoering } from './uitvoering-evaluatie';

/** The requirements new in 2025, per transition. */
export const NEW_IN_2025: Readonly<Record<TransitionKey, readonly Requirement[]>> = {
  X: [],
  T1: [],
  T2: [vraagRuimteEnVoorwerk, inwonersVroegtijdigBetrokken],
  T3: [representativiteitTotVoorstel, bereikTotVoorstel],
  T4: [terugkoppelingTotBesluit, reactieOpBurgerberaad],
  T5: [participatieTijdensUitvoering],
  T6: [representativiteitNaBesluit, bereikNaBesluit, terugkoppelingNaBesluit, participatieTijdensEvaluatie],
};

/** All requirements of 2025: per transition (X, T1 … T6), the 2021 ones in brief order, then the new ones. */
export const REQUIREMENTS_2025: readonly Requirement[] = TRANSITION_KEYS.flatMap((key) => [...REQUIREMENTS_BY_TRANSITION[key], ...NEW_IN_2025[key]]);

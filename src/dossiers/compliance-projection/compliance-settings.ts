import { DossierState, FINAL_STATES, PHASE_IDS } from '../../../workflows/evidence';

/** A date no timer reaches: stored as `next_deadline` when a dossier has no open timer, so the column sorts and indexes. */
export const NO_DEADLINE = '9999-12-31';

/** The position of a state in the kader: 1–6 for the phases, 7 afgesloten, 8 ingetrokken. */
export function phaseOrder(state: DossierState): number {
  const i = (PHASE_IDS as readonly string[]).indexOf(state);
  if (i >= 0) return i + 1;
  return PHASE_IDS.length + 1 + (FINAL_STATES as readonly string[]).indexOf(state);
}

export const ALL_STATES: readonly DossierState[] = [...PHASE_IDS, ...FINAL_STATES];

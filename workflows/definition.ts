import { DossierState, PhaseId } from './evidence';
import { DossierEventType, RuleSettings } from './facts';
import { Requirement, Text, TransitionKey } from './requirement';

/**
 * A versioned workflow definition: phases, events, the requirement set and the settings a version may
 * tune. Every dossier is pinned to the `{ id, version }` it was created under (product.md).
 */
export interface WorkflowDefinition {
  id: string;
  version: string;
  title: Text;
  /** Where the rules come from (e.g. the seed document and its date). */
  source: string;
  phases: readonly PhaseId[];
  requirements: readonly Requirement[];
  /** Which §8 transition key guards ADVANCE out of each phase. */
  advanceGuardedBy: Readonly<Record<PhaseId, TransitionKey>>;
  /** The machine's structure: for each state, the target of each event it accepts. */
  transitions: Readonly<Record<DossierState, Partial<Record<DossierEventType, DossierState>>>>;
  settings: RuleSettings;
}

export interface WorkflowRef {
  id: string;
  version: string;
}

import { PhaseId } from './evidence';
import { RuleSettings } from './facts';
import { DossierMachine } from './machine';
import { Requirement, Text, TransitionKey } from './requirement';

/**
 * A versioned workflow definition: phases, the requirement set, the settings a version may tune, and its dossier
 * machine (states, events, targets). Every dossier is pinned to the `{ id, version }` it was created under (product.md).
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
  /** The version's machine, `dossierMachine(id, version)`: the single source of the structure. */
  machine: DossierMachine;
  settings: RuleSettings;
}

export interface WorkflowRef {
  id: string;
  version: string;
}

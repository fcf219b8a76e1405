import { AnyStateMachine, setup } from 'xstate';
import { WorkflowDefinition } from './definition';
import { DossierState, FINAL_STATES } from './evidence';
import { DossierMachineEvent, evaluateAttempt } from './engine';

/**
 * The dossier machine of a workflow definition, built with XState 5 `setup({ guards })`: one state per
 * phase plus the final states `afgesloten` and `ingetrokken`; every transition is guarded by the named
 * pure guard `requirementsMet`. No actions, no I/O, no clock: persistence is the service's job.
 */
export function createDossierMachine(def: WorkflowDefinition): AnyStateMachine {
  type Guarded = { target: string; guard: { type: 'requirementsMet'; params: { from: DossierState } } };
  const states: Record<string, { type?: 'final'; on?: Record<string, Guarded> }> = {};
  for (const [state, events] of Object.entries(def.transitions) as [DossierState, Record<string, DossierState>][]) {
    if ((FINAL_STATES as readonly string[]).includes(state)) {
      states[state] = { type: 'final' };
      continue;
    }
    states[state] = {
      on: Object.fromEntries(
        Object.entries(events).map(([event, target]): [string, Guarded] => [event, { target, guard: { type: 'requirementsMet', params: { from: state } } }]),
      ),
    };
  }
  return setup({
    types: { events: {} as DossierMachineEvent, context: {} },
    guards: {
      /**
       * The requirements of domain-brief §8 that guard this event out of this phase are met, explained or
       * waived. Facts of another state than the one the machine is in never pass.
       */
      requirementsMet: ({ event }, params: { from: DossierState }) => event.facts.state === params.from && evaluateAttempt(def, event).allowed,
    },
  }).createMachine({
    id: `${def.id}@${def.version}`,
    initial: def.phases[0],
    context: {},
    states,
  });
}

import { setup, transition } from 'xstate';
import { DossierState, FINAL_STATES, PHASE_IDS, PhaseId } from './evidence';
import { DOSSIER_EVENTS, DossierEventType } from './facts';
import { TransitionDecision } from './requirement';

/** The event the dossier machine receives: the decision on the attempt, taken before, in the state `from`. */
export interface DossierMachineEvent {
  type: DossierEventType;
  from: DossierState;
  decision: TransitionDecision;
}

const dossierSetup = setup({
  types: { events: {} as DossierMachineEvent },
  guards: {
    /** The event's decision allows it (domain-brief §8: met, explained or waived) and was taken in this very state. */
    decided: ({ event }, params: { from: PhaseId }) => event.from === params.from && event.decision.allowed,
  },
});

/** The guard of every transition out of phase `from`. */
const decided = (from: PhaseId) => ({ type: 'decided', params: { from } }) as const;

/**
 * The dossier machine of one workflow version (domain-brief §7.1), typed and static: ADVANCE moves one phase on;
 * RETURN moves one phase back with a reason (e.g. PS send a proposal back) from the phases where work can be redone
 * before the decision, and from controle-evaluatie back to uitvoering; WITHDRAW ends a dossier before the decision has
 * been taken (in uitvoering the decision stands, so a dossier there ends through evaluation); NEW_CYCLE closes a dossier
 * from controle-evaluatie and opens a follow-up that carries the lessons learned (seed: "De leerpunten en successen
 * opnemen in het proces voor de volgende keer"). No context, no actions, no clock: the rules decide before the event is
 * sent, the guard reads their decision, persistence is the service's job.
 */
export function dossierMachine(id: string, version: string) {
  return dossierSetup.createMachine({
    id: `${id}@${version}`,
    initial: 'voorfase-agendasetting',
    states: {
      'voorfase-agendasetting': {
        on: {
          ADVANCE: { target: 'voorbereiding-beleid', guard: decided('voorfase-agendasetting') },
          WITHDRAW: { target: 'ingetrokken', guard: decided('voorfase-agendasetting') },
        },
      },
      'voorbereiding-beleid': {
        on: {
          ADVANCE: { target: 'ontwikkeling-voorstel', guard: decided('voorbereiding-beleid') },
          RETURN: { target: 'voorfase-agendasetting', guard: decided('voorbereiding-beleid') },
          WITHDRAW: { target: 'ingetrokken', guard: decided('voorbereiding-beleid') },
        },
      },
      'ontwikkeling-voorstel': {
        on: {
          ADVANCE: { target: 'kaderstelling-besluitvorming', guard: decided('ontwikkeling-voorstel') },
          RETURN: { target: 'voorbereiding-beleid', guard: decided('ontwikkeling-voorstel') },
          WITHDRAW: { target: 'ingetrokken', guard: decided('ontwikkeling-voorstel') },
        },
      },
      'kaderstelling-besluitvorming': {
        on: {
          ADVANCE: { target: 'uitvoering', guard: decided('kaderstelling-besluitvorming') },
          RETURN: { target: 'ontwikkeling-voorstel', guard: decided('kaderstelling-besluitvorming') },
          WITHDRAW: { target: 'ingetrokken', guard: decided('kaderstelling-besluitvorming') },
        },
      },
      uitvoering: {
        on: { ADVANCE: { target: 'controle-evaluatie', guard: decided('uitvoering') } },
      },
      'controle-evaluatie': {
        on: {
          ADVANCE: { target: 'afgesloten', guard: decided('controle-evaluatie') },
          NEW_CYCLE: { target: 'afgesloten', guard: decided('controle-evaluatie') },
          RETURN: { target: 'uitvoering', guard: decided('controle-evaluatie') },
        },
      },
      afgesloten: { type: 'final' },
      ingetrokken: { type: 'final' },
    },
  });
}

export type DossierMachine = ReturnType<typeof dossierMachine>;

/** Every state of the dossier machine: the six phases, then the two final states. */
export const DOSSIER_STATES: readonly DossierState[] = [...PHASE_IDS, ...FINAL_STATES];

/** One transition of the machine: an event a state accepts and where it leads when its decision allows it. */
export interface DossierTransition {
  event: DossierEventType;
  to: DossierState;
}

/** A decision that lets every event through: asks the machine where an event leads, whatever the requirements say. */
const PASSES: TransitionDecision = { allowed: true, evaluations: [], unmet: [], explained: {}, waived: {} };

/** The transitions out of `from`, asked of the machine: each event its state node accepts, sent with a passing decision. */
function ask(machine: DossierMachine, from: DossierState): DossierTransition[] {
  const snapshot = machine.resolveState({ value: from });
  const events = machine.states[from].ownEvents.flatMap((descriptor) => DOSSIER_EVENTS.filter((type) => type === descriptor));
  return events.map((type) => ({ event: type, to: transition(machine, snapshot, { type, from, decision: PASSES })[0].value }));
}

/** Each machine's structure, asked of it once (a machine is immutable): state → its transitions. */
const structures = new WeakMap<DossierMachine, Record<string, readonly DossierTransition[]>>();

/** The events `from` accepts, in the machine's order, each with the state it leads to when its decision allows it. */
export function transitionsFrom(machine: DossierMachine, from: DossierState): readonly DossierTransition[] {
  let structure = structures.get(machine);
  if (!structure) {
    const known = DOSSIER_STATES.filter((state) => state in machine.states); // a version may drop a phase
    structures.set(machine, (structure = Object.fromEntries(known.map((state) => [state, ask(machine, state)]))));
  }
  return structure[from] ?? [];
}

/** The machine's structure as data (the workflow API): state → event → target. */
export function transitionTable(machine: DossierMachine): Record<string, Partial<Record<DossierEventType, DossierState>>> {
  return Object.fromEntries(DOSSIER_STATES.map((state) => [state, Object.fromEntries(transitionsFrom(machine, state).map((t) => [t.event, t.to]))]));
}

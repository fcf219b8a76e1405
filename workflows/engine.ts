import { AnyStateMachine, transition } from 'xstate';
import { WorkflowDefinition } from './definition';
import { DossierState } from './evidence';
import { DossierEventType, DossierFacts } from './facts';
import { decide, evaluateRequirements, Requirement, TransitionDecision } from './requirement';

/**
 * The pure decision core: which requirements guard an event, how they evaluate on a dossier's facts,
 * and what the machine does with that. The same `evaluateAttempt` answers "why can't I advance?"
 * (GET) and decides the transition (the machine's guard), so the two can never disagree.
 */

/** The event the dossier machine receives: the type plus everything the guard needs. */
export interface DossierMachineEvent {
  type: DossierEventType;
  facts: DossierFacts;
  explanations: Readonly<Record<string, string>>;
}

/** The requirements that guard `event` out of `state`: the X rules for that event, then the phase's. */
export function requirementsFor(def: WorkflowDefinition, state: DossierState, event: DossierEventType): Requirement[] {
  const phaseKey = state in def.advanceGuardedBy ? def.advanceGuardedBy[state as keyof typeof def.advanceGuardedBy] : null;
  return def.requirements.filter(
    (r) => r.events.includes(event) && (r.transition === 'X' || (event !== 'RETURN' && event !== 'WITHDRAW' && r.transition === phaseKey)),
  );
}

/** Per definition, per event object: a decision is only ever reused for the same rules and the same attempt. */
const decisions = new WeakMap<WorkflowDefinition, WeakMap<DossierMachineEvent, TransitionDecision>>();

/** Evaluate and decide one attempt. Memoised per definition and event object, so the guard and the caller share one evaluation. */
export function evaluateAttempt(def: WorkflowDefinition, event: DossierMachineEvent): TransitionDecision {
  let byEvent = decisions.get(def);
  if (!byEvent) decisions.set(def, (byEvent = new WeakMap()));
  const cached = byEvent.get(event);
  if (cached) return cached;
  const reqs = requirementsFor(def, event.facts.state, event.type);
  const decision = decide(evaluateRequirements(reqs, event.facts), event.facts, event.explanations);
  byEvent.set(event, decision);
  return decision;
}

/** The target of `event` from `state` in the machine's structure, or null when the state does not accept it. */
export function targetOf(def: WorkflowDefinition, state: DossierState, event: DossierEventType): DossierState | null {
  return def.transitions[state]?.[event] ?? null;
}

export function acceptedEvents(def: WorkflowDefinition, state: DossierState): DossierEventType[] {
  return Object.keys(def.transitions[state] ?? {}) as DossierEventType[];
}

export type AttemptOutcome =
  | { outcome: 'done'; from: DossierState; to: DossierState; decision: TransitionDecision }
  | { outcome: 'refused'; from: DossierState; to: DossierState; decision: TransitionDecision }
  | { outcome: 'not-accepted'; from: DossierState; accepted: DossierEventType[] };

/**
 * Run one attempt through the machine with XState's pure `transition()`: no actor, no clock, no I/O.
 * A refused attempt leaves the snapshot where it was.
 */
export function attemptTransition(def: WorkflowDefinition, machine: AnyStateMachine, event: DossierMachineEvent): AttemptOutcome {
  const from = event.facts.state;
  const to = targetOf(def, from, event.type);
  if (!to) return { outcome: 'not-accepted', from, accepted: acceptedEvents(def, from) };
  const snapshot = machine.resolveState({ value: from, context: {} });
  const [next] = transition(machine, snapshot, event);
  const decision = evaluateAttempt(def, event);
  if (next.value === from) return { outcome: 'refused', from, to, decision };
  return { outcome: 'done', from, to: next.value as DossierState, decision };
}

import { AnyStateMachine, transition } from 'xstate';
import { WorkflowDefinition } from './definition';
import { DossierState } from './evidence';
import { Attempt, DossierEventType, DossierFacts } from './facts';
import { decide, evaluateRequirements, Requirement, RequirementEvaluation, RequirementStatus, TransitionDecision } from './requirement';

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

// ---------------------------------------------------------------------------------------------
// The dossier's own evaluation: every event its phase accepts, as its owner would fire it.
// ---------------------------------------------------------------------------------------------

/** The id X-01 is evaluated against when a dossier has no owner: it can never be a user's id. */
export const NO_OWNER = 'niet-toegewezen';

/**
 * The attempt a dossier is evaluated with: `event` fired by its owner (X-01 against the assignee). The evaluation of a
 * dossier is the dossier's, identical for every viewer; what the viewer may do is a separate question.
 */
export function ownerAttempt(assigneeId: string | null, event: DossierEventType = 'ADVANCE', reason?: string): Attempt {
  return { event, actor: { id: assigneeId ?? NO_OWNER, roles: ['beleidsmedewerker'] }, reason };
}

/** The facts of a dossier as its owner would fire `event` (whatever attempt `facts` carried). */
export function ownerFacts(facts: DossierFacts, event: DossierEventType = 'ADVANCE'): DossierFacts {
  return { ...facts, attempt: ownerAttempt(facts.assigneeId, event) };
}

/** The status a requirement is shown with: an unmet hard requirement covered by an approved, unused waiver is `waived`. */
export type ShownStatus = RequirementStatus | 'waived';

export function shownStatus(decision: TransitionDecision, e: RequirementEvaluation): ShownStatus {
  return e.status === 'unsatisfied' && decision.waived[e.id] !== undefined ? 'waived' : e.status;
}

/** One event the dossier's phase accepts, evaluated as its owner would fire it now (without explanations). */
export interface EventPreview {
  event: DossierEventType;
  to: DossierState;
  /** True when the event succeeds now, given an explanation for each id in `explanationsRequired` (and a reason where needed). */
  allowed: boolean;
  /** Unmet hard requirements without an approved waiver. */
  blocking: string[];
  /** Unmet advisory requirements: the event must carry an explanation for each. */
  explanationsRequired: string[];
  /** Unmet hard waivable requirements an approved, unused waiver covers. */
  waived: string[];
  decision: TransitionDecision;
}

/** Evaluate `event` on a dossier as its owner would fire it; null when its phase does not accept the event. */
export function previewEvent(def: WorkflowDefinition, facts: DossierFacts, event: DossierEventType): EventPreview | null {
  const to = targetOf(def, facts.state, event);
  if (!to) return null;
  const decision = evaluateAttempt(def, { type: event, facts: ownerFacts(facts, event), explanations: {} });
  const explanationsRequired = decision.unmet.filter((u) => u.blockReason === 'explanation-required').map((u) => u.id);
  const blocking = decision.unmet.filter((u) => u.blockReason !== 'explanation-required').map((u) => u.id);
  return { event, to, allowed: blocking.length === 0, blocking, explanationsRequired, waived: Object.keys(decision.waived), decision };
}

/** Every event the dossier's phase accepts, in the machine's order, each evaluated as its owner would fire it. */
export function previewEvents(def: WorkflowDefinition, facts: DossierFacts): EventPreview[] {
  return acceptedEvents(def, facts.state)
    .map((event) => previewEvent(def, facts, event))
    .filter((p): p is EventPreview => p !== null);
}

import { transition } from 'xstate';
import { WorkflowDefinition } from './definition';
import { DossierState } from './evidence';
import { Attempt, DossierEventType, DossierFacts } from './facts';
import { DossierMachineEvent, transitionsFrom } from './machine';
import { decide, evaluateRequirements, Requirement, RequirementEvaluation, RequirementStatus, TransitionDecision, TransitionKey } from './requirement';

/**
 * The pure decision core: which requirements guard an event, how they evaluate on a dossier's facts, and what the
 * machine does with that. The same `evaluateAttempt` answers "why can't I advance?" (GET) and decides the transition:
 * the decision is taken first and carried on the event, and the machine's guard reads it.
 */

/** One attempt to fire an event on a dossier: the event, the dossier's facts, the explanations the attempt carries. */
export interface DossierAttempt {
  type: DossierEventType;
  facts: DossierFacts;
  explanations: Readonly<Record<string, string>>;
}

/** The requirements that guard `event` out of `state`: the X rules for that event, then the phase's. */
export function requirementsFor(def: WorkflowDefinition, state: DossierState, event: DossierEventType): Requirement[] {
  const advanceGuardedBy: Partial<Record<DossierState, TransitionKey>> = def.advanceGuardedBy;
  const phaseKey = advanceGuardedBy[state];
  return def.requirements.filter(
    (r) => r.events.includes(event) && (r.transition === 'X' || (event !== 'RETURN' && event !== 'WITHDRAW' && r.transition === phaseKey)),
  );
}

/** Evaluate and decide one attempt: the requirements of its event out of the dossier's state, on its facts. */
export function evaluateAttempt(def: WorkflowDefinition, attempt: DossierAttempt): TransitionDecision {
  const { type, facts, explanations } = attempt;
  return decide(evaluateRequirements(requirementsFor(def, facts.state, type), facts), facts, explanations);
}

/** The event the machine receives for an attempt: the decision, taken in the dossier's state, which the guard reads. */
export function decidedEvent(def: WorkflowDefinition, attempt: DossierAttempt): DossierMachineEvent {
  return { type: attempt.type, from: attempt.facts.state, decision: evaluateAttempt(def, attempt) };
}

/** The target of `event` from `state` in the machine, or null when the state does not accept it. */
export function targetOf(def: WorkflowDefinition, state: DossierState, event: DossierEventType): DossierState | null {
  return transitionsFrom(def.machine, state).find((t) => t.event === event)?.to ?? null;
}

/** The events `state` accepts, in the machine's order. */
export function acceptedEvents(def: WorkflowDefinition, state: DossierState): DossierEventType[] {
  return transitionsFrom(def.machine, state).map((t) => t.event);
}

export type AttemptOutcome =
  | { outcome: 'done' | 'refused'; from: DossierState; to: DossierState; decision: TransitionDecision }
  | { outcome: 'not-accepted'; from: DossierState; accepted: DossierEventType[] };

/**
 * Run one attempt through its version's machine with XState's pure `transition()`: no actor, no clock, no I/O. An
 * event the state does not accept is not evaluated; a refused attempt leaves the snapshot where it was.
 */
export function attemptTransition(def: WorkflowDefinition, attempt: DossierAttempt): AttemptOutcome {
  const from = attempt.facts.state;
  const to = targetOf(def, from, attempt.type);
  if (!to) return { outcome: 'not-accepted', from, accepted: acceptedEvents(def, from) };
  const event = decidedEvent(def, attempt);
  const [next] = transition(def.machine, def.machine.resolveState({ value: from }), event);
  return { outcome: next.value === to ? 'done' : 'refused', from, to, decision: event.decision };
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

/** The status a requirement of `decision` is shown with: one its approved, unused waiver passed (always unmet, hard) is `waived`. */
export type ShownStatus = RequirementStatus | 'waived';

export function shownStatus(decision: TransitionDecision, e: RequirementEvaluation): ShownStatus {
  return decision.waived[e.id] !== undefined ? 'waived' : e.status;
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
  return to && preview(def, facts, event, to);
}

function preview(def: WorkflowDefinition, facts: DossierFacts, event: DossierEventType, to: DossierState): EventPreview {
  const decision = evaluateAttempt(def, { type: event, facts: ownerFacts(facts, event), explanations: {} });
  const explanationsRequired = decision.unmet.filter((u) => u.blockReason === 'explanation-required').map((u) => u.id);
  const blocking = decision.unmet.filter((u) => u.blockReason !== 'explanation-required').map((u) => u.id);
  return { event, to, allowed: blocking.length === 0, blocking, explanationsRequired, waived: Object.keys(decision.waived), decision };
}

/** Every event the dossier's phase accepts, in the machine's order, each evaluated as its owner would fire it. */
export function previewEvents(def: WorkflowDefinition, facts: DossierFacts): EventPreview[] {
  return transitionsFrom(def.machine, facts.state).map((t) => preview(def, facts, t.event, t.to));
}

import { DossierState, FINAL_STATES } from '../../workflows/evidence';
import { acceptedEvents, EventPreview, previewEvents, ShownStatus, shownStatus } from '../../workflows/engine';
import { amsterdamDate, Classification, DossierEventType, Role } from '../../workflows/facts';
import { PHASES, FINAL_STATE_LABELS } from '../../workflows/drenthe-verbindend-besturen/phases';
import { RequirementEvaluation, Text } from '../../workflows/requirement';
import { may } from '../auth';
import { boundedPair, NameIndex, nameOf, NO_NAMES, person, withNames } from '../common';
import { LoadedDossier } from './dossier-facts';
import { DossierRow, WaiverRow } from './dossier.repository';

/** A waiver shown beside the requirement it is for: who asked, who approved, when. */
export interface RequirementWaiverView {
  id: string;
  status: string;
  reasonCode: string;
  requestedBy: { id: string; name: string | null };
  requestedAt: string;
  decidedBy: { id: string; name: string | null } | null;
  decidedAt: string | null;
}

export interface RequirementView {
  id: string;
  severity: 'hard' | 'advisory';
  waivable: boolean;
  /** `waived`: unmet, but an approved, unused waiver covers it (the transition uses the waiver up). */
  status: ShownStatus;
  label: Text;
  explanation: Text;
  origin: RequirementEvaluation['origin'];
  evidence: string[];
  /** What it takes to pass when unsatisfied: evidence, an explanation with the event, or evidence or an approved waiver. */
  toPass: 'nothing' | 'evidence' | 'explanation-or-evidence' | 'waiver-or-evidence';
  waiver: RequirementWaiverView | null;
}

/** One event the dossier's phase accepts, evaluated as the dossier's owner would fire it now. */
export interface EventView {
  event: DossierEventType;
  to: DossierState;
  /** True when the event succeeds now, given an explanation for each id in `explanationsRequired` (and a `reason` where required). */
  allowed: boolean;
  /** Unmet hard requirements without an approved waiver. */
  blocking: string[];
  /** Unmet advisory requirements: the event must carry an explanation for each. */
  explanationsRequired: string[];
  /** Unmet hard waivable requirements an approved, unused waiver covers. */
  waived: string[];
  /** RETURN and WITHDRAW need a `reason`. */
  reasonRequired: boolean;
  requirements: RequirementView[];
}

export interface NextView extends EventView {
  event: 'ADVANCE';
}

/** What the caller may do with this dossier now (roles, `src/auth/permissions.ts`, and ownership, X-01). Not part of the evaluation. */
export interface CallerView {
  id: string;
  roles: Role[];
  /** The caller is the dossier's owner (its assigned beleidsmedewerker). */
  isOwner: boolean;
  mayRecordEvidence: boolean;
  /** The griffie records PS-side evidence on any dossier. */
  mayRecordPsSideEvidence: boolean;
  /** Fire any of the events in `events` (owner only). */
  mayFire: boolean;
  mayRequestWaiver: boolean;
  mayDecideWaivers: boolean;
  mayAssign: boolean;
  /** History, state on a date and flags of this dossier. */
  mayReadAudit: boolean;
}

export interface DossierView {
  id: string;
  title: string;
  phase: DossierState;
  phaseLabel: Text;
  version: number;
  workflow: { id: string; version: string };
  classification: Classification;
  assigneeId: string | null;
  /** The owner by name (the assigned beleidsmedewerker). */
  owner: { id: string; name: string | null } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  enteredPhaseOn: string;
  previousDossierId: string | null;
  followUpDossierId: string | null;
  acceptedEvents: string[];
  /** The evaluation of ADVANCE (also in `events`); null in a final state. */
  next: NextView | null;
  /** Every event the phase accepts, each evaluated as the owner would fire it: the same for every viewer. */
  events: EventView[];
  /** What the caller may do; null when there is no caller (a projection, a replay without one). */
  caller: CallerView | null;
}

/** Who reads the view, and the names of the people it mentions. */
export interface ViewContext {
  caller?: { id: string; roles: readonly Role[] } | null;
  names?: NameIndex;
}

export function phaseLabel(state: DossierState): Text {
  if ((FINAL_STATES as readonly string[]).includes(state)) return FINAL_STATE_LABELS[state as keyof typeof FINAL_STATE_LABELS];
  return PHASES.find((p) => p.id === state)!.label;
}

export function isFinal(state: DossierState): boolean {
  return (FINAL_STATES as readonly string[]).includes(state);
}

/** The user ids a dossier view may mention: owner, creator, waiver requesters and deciders. */
export function peopleOf(loaded: Pick<LoadedDossier, 'row' | 'waivers'>): string[] {
  const ids = [loaded.row.assigneeId, loaded.row.createdBy];
  for (const w of loaded.waivers) ids.push(w.requestedBy, w.decidedBy, w.approverId);
  return ids.filter((id): id is string => typeof id === 'string');
}

function waiverView(w: WaiverRow, names: NameIndex): RequirementWaiverView {
  return {
    id: w.id,
    status: w.status,
    reasonCode: w.reasonCode,
    requestedBy: person(names, w.requestedBy),
    requestedAt: w.requestedAt,
    decidedBy: person(names, w.decidedBy),
    decidedAt: w.decidedAt,
  };
}

/** The explanation of a waived requirement: who approved which waiver when, and what the evidence would have to show. */
function waivedExplanation(missing: Text, w: WaiverRow, names: NameIndex): Text {
  const on = w.decidedAt ? amsterdamDate(w.decidedAt) : '?';
  const approver = nameOf(names, w.decidedBy);
  const requester = nameOf(names, w.requestedBy);
  return {
    nl:
      `Vrijgesteld: ${approver} heeft op ${on} de vrijstelling goedgekeurd die ${requester} aanvroeg (redencode ${w.reasonCode}); ` +
      `de volgende overgang gebruikt haar. Zonder vrijstelling geldt: ${missing.nl}`,
    en:
      `Waived: ${approver} approved on ${on} the waiver ${requester} requested (reason code ${w.reasonCode}); ` +
      `the next transition uses it. Without the waiver: ${missing.en}`,
  };
}

function requirementView(p: EventPreview, e: RequirementEvaluation, waivers: WaiverRow[], names: NameIndex): RequirementView {
  const status = shownStatus(p.decision, e);
  const usedId = p.decision.waived[e.id];
  const w = usedId
    ? waivers.find((x) => x.id === usedId)
    : waivers.find((x) => x.requirementId === e.id && (x.status === 'requested' || x.status === 'approved'));
  const toPass: RequirementView['toPass'] =
    e.status !== 'unsatisfied' || status === 'waived'
      ? 'nothing'
      : e.severity === 'advisory'
        ? 'explanation-or-evidence'
        : e.waivable
          ? 'waiver-or-evidence'
          : 'evidence';
  const explanation = status === 'waived' && w ? waivedExplanation(e.explanation, w, names) : e.explanation;
  return {
    id: e.id,
    severity: e.severity,
    waivable: e.waivable,
    status,
    label: e.label,
    explanation: boundedPair({ nl: withNames(explanation.nl, names), en: withNames(explanation.en, names) }),
    origin: e.origin,
    evidence: e.evidence,
    toPass,
    waiver: w ? waiverView(w, names) : null,
  };
}

function eventView(p: EventPreview, waivers: WaiverRow[], names: NameIndex): EventView {
  return {
    event: p.event,
    to: p.to,
    allowed: p.allowed,
    blocking: p.blocking,
    explanationsRequired: p.explanationsRequired,
    waived: p.waived,
    reasonRequired: p.event === 'RETURN' || p.event === 'WITHDRAW',
    requirements: p.decision.evaluations.map((e) => requirementView(p, e, waivers, names)),
  };
}

/** What `caller` may do with the dossier `row` now. */
export function callerView(row: Pick<DossierRow, 'assigneeId' | 'state'>, caller: { id: string; roles: readonly Role[] }): CallerView {
  const roles = [...caller.roles];
  const isOwner = row.assigneeId !== null && row.assigneeId === caller.id;
  const open = !isFinal(row.state);
  return {
    id: caller.id,
    roles,
    isOwner,
    mayRecordEvidence: open && isOwner && may(roles, 'evidence.record'),
    mayRecordPsSideEvidence: open && may(roles, 'evidence.record-ps-side'),
    mayFire: open && isOwner && may(roles, 'transition.fire'),
    mayRequestWaiver: open && isOwner && may(roles, 'waiver.request'),
    mayDecideWaivers: open && may(roles, 'waiver.decide'),
    mayAssign: open && may(roles, 'dossier.assign'),
    mayReadAudit: may(roles, 'audit.read'),
  };
}

/**
 * The dossier as the API shows it. The evaluation (`next`, `events`) is the dossier's: every accepted event evaluated as
 * its owner would fire it (X-01 against the assignee), whoever asks — the same for the owner, the griffie, an auditor
 * and `GET …/state?at=`. What the caller may do is `caller`.
 */
export function toDossierView(loaded: LoadedDossier, ctx: ViewContext = {}): DossierView {
  const { row, workflow, facts, waivers } = loaded;
  const names = ctx.names ?? NO_NAMES;
  const def = workflow.definition;
  const events = previewEvents(def, facts).map((p) => eventView(p, waivers, names));
  const next = (events.find((e) => e.event === 'ADVANCE') as NextView | undefined) ?? null;
  // Object.assign onto the summary, not `{ ...summary, owner, … }`: V8 (Node 20) builds a spread followed by new
  // properties on a slow path, tens of microseconds for this object (bench:transition renders one per transition).
  return Object.assign(dossierSummary(row), {
    owner: person(names, row.assigneeId),
    classification: facts.classification,
    acceptedEvents: acceptedEvents(def, row.state),
    next,
    events,
    caller: ctx.caller ? callerView(row, ctx.caller) : null,
  });
}

export function dossierSummary(row: DossierRow) {
  return {
    id: row.id,
    title: row.title,
    phase: row.state,
    phaseLabel: phaseLabel(row.state),
    version: row.version,
    workflow: { id: row.workflowId, version: row.workflowVersion },
    assigneeId: row.assigneeId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    enteredPhaseOn: row.enteredPhaseOn,
    previousDossierId: row.previousDossierId,
    followUpDossierId: row.followUpDossierId,
  };
}

/**
 * Moving a dossier from one version of its workflow to another (issue #16): what would change, as a pure function of
 * the two definitions and the dossier's facts. The same report is the dry run's answer, the audit event's content, a
 * row of the bulk CSV and what the teamleider reads before pressing the button — so what was announced is what was
 * done. Generic over versions: nothing here names a version.
 *
 * No database, no clock: the caller projects the facts (their `now` is the moment of the move).
 */
import { WorkflowDefinition, WorkflowRef } from './definition';
import { DossierState, EvidenceRecord, FINAL_STATES } from './evidence';
import { acceptedEvents, EventPreview, previewEvent, ShownStatus, shownStatus } from './engine';
import { DossierEventType, DossierFacts } from './facts';
import { Severity, Text, TransitionKey } from './requirement';
import { compareVersions, WorkflowStatus } from './status';

/** A requirement of a next transition as one version reads it on this dossier. */
export interface RequirementReading {
  transition: TransitionKey;
  severity: Severity;
  waivable: boolean;
  status: ShownStatus;
}

/**
 * One requirement of one next transition that differs: `added` (only the new version has it), `removed` (only the
 * old one), `status-changed` (both, but met / open / waived / not applicable differently), `rule-changed` (both, same
 * status, but hard/advisory, waivable or the rule's wording differ).
 */
export interface RequirementChange {
  event: DossierEventType;
  id: string;
  change: 'added' | 'removed' | 'status-changed' | 'rule-changed';
  label: Text;
  before: RequirementReading | null;
  after: RequirementReading | null;
}

/** An evidence record the new version reads differently: the requirements that rest on it, with their status. */
export interface EvidenceReading {
  evidenceId: string;
  kind: string | null;
  before: { requirementId: string; status: ShownStatus }[];
  after: { requirementId: string; status: ShownStatus }[];
}

/** Whether the dossier can take its next step (ADVANCE) as its owner would fire it now. */
export interface AdvanceOutlook {
  to: DossierState;
  /** No unmet hard requirement without a waiver: it advances, given an explanation for each of `explanationsRequired`. */
  allowed: boolean;
  blocking: string[];
  explanationsRequired: string[];
}

export interface MigrationReport {
  from: WorkflowRef;
  to: WorkflowRef;
  phase: DossierState;
  requirements: RequirementChange[];
  evidence: EvidenceReading[];
  advance: { before: AdvanceOutlook | null; after: AdvanceOutlook | null };
  /** Whether ADVANCE passes (given the explanations asked for) before and after the move. */
  canAdvance: { before: boolean; after: boolean };
  /** Hard requirements that would block ADVANCE after the move and do not block it now. */
  newlyBlocking: string[];
  /** The events the phase accepts, before and after (a new version may add or drop one). */
  events: { before: DossierEventType[]; after: DossierEventType[] };
  summary: { added: number; removed: number; statusChanged: number; ruleChanged: number; evidenceReadDifferently: number; changed: boolean };
}

const reading = (p: EventPreview, id: string): RequirementReading | null => {
  const e = p.decision.evaluations.find((x) => x.id === id);
  if (!e) return null;
  return { transition: e.transition, severity: e.severity, waivable: e.waivable, status: shownStatus(p.decision, e) };
};

const outlook = (p: EventPreview | null): AdvanceOutlook | null =>
  p === null ? null : { to: p.to, allowed: p.allowed, blocking: p.blocking, explanationsRequired: p.explanationsRequired };

/**
 * The report of moving a dossier with `facts` from `from` to `to`. `facts` are the dossier's own (any attempt is
 * replaced by its owner's, per event); the new version's settings replace the old ones for its side of the
 * comparison. `evidence` names the kind of each record the readings mention.
 */
export function migrationReport(from: WorkflowDefinition, to: WorkflowDefinition, facts: DossierFacts, evidence: readonly EvidenceRecord[] = []): MigrationReport {
  const beforeFacts = { ...facts, settings: from.settings };
  const afterFacts = { ...facts, settings: to.settings };
  const eventsBefore = acceptedEvents(from, facts.state);
  const eventsAfter = acceptedEvents(to, facts.state);
  const events = [...new Set([...eventsBefore, ...eventsAfter])];
  const requirements: RequirementChange[] = [];
  const citesBefore = new Map<string, Map<string, ShownStatus>>();
  const citesAfter = new Map<string, Map<string, ShownStatus>>();
  const cite = (into: Map<string, Map<string, ShownStatus>>, p: EventPreview | null) => {
    for (const e of p?.decision.evaluations ?? []) {
      for (const id of e.evidence) {
        if (!into.has(id)) into.set(id, new Map());
        into.get(id)!.set(e.id, shownStatus(p!.decision, e));
      }
    }
  };
  let advanceBefore: EventPreview | null = null;
  let advanceAfter: EventPreview | null = null;
  for (const event of events) {
    const b = previewEvent(from, beforeFacts, event);
    const a = previewEvent(to, afterFacts, event);
    if (event === 'ADVANCE') [advanceBefore, advanceAfter] = [b, a];
    cite(citesBefore, b);
    cite(citesAfter, a);
    const ids = [...new Set([...(b?.decision.evaluations ?? []), ...(a?.decision.evaluations ?? [])].map((e) => e.id))];
    for (const id of ids) {
      const rb = b ? reading(b, id) : null;
      const ra = a ? reading(a, id) : null;
      const label = (a?.decision.evaluations.find((e) => e.id === id) ?? b!.decision.evaluations.find((e) => e.id === id))!.label;
      // `id` comes from one of the two evaluations, so at least one reading is there.
      let change: RequirementChange['change'] | null = null;
      if (rb === null) change = 'added';
      else if (ra === null) change = 'removed';
      else if (rb.status !== ra.status) change = 'status-changed';
      else if (rb.severity !== ra.severity || rb.waivable !== ra.waivable || rb.transition !== ra.transition || ruleText(from, id) !== ruleText(to, id))
        change = 'rule-changed';
      if (change) requirements.push({ event, id, change, label, before: rb, after: ra });
    }
  }
  const kinds = new Map(evidence.map((r) => [r.id, r.kind as string]));
  const evidenceReadings: EvidenceReading[] = [];
  for (const id of [...new Set([...citesBefore.keys(), ...citesAfter.keys()])].sort()) {
    const list = (m: Map<string, ShownStatus> | undefined) =>
      [...(m ?? new Map<string, ShownStatus>()).entries()].map(([requirementId, status]) => ({ requirementId, status })).sort((x, y) => (x.requirementId < y.requirementId ? -1 : 1));
    const before = list(citesBefore.get(id));
    const after = list(citesAfter.get(id));
    if (JSON.stringify(before) !== JSON.stringify(after)) evidenceReadings.push({ evidenceId: id, kind: kinds.get(id) ?? null, before, after });
  }
  const ob = outlook(advanceBefore);
  const oa = outlook(advanceAfter);
  const count = (c: RequirementChange['change']) => requirements.filter((r) => r.change === c).length;
  const summary = {
    added: count('added'),
    removed: count('removed'),
    statusChanged: count('status-changed'),
    ruleChanged: count('rule-changed'),
    evidenceReadDifferently: evidenceReadings.length,
    changed:
      requirements.length > 0 || evidenceReadings.length > 0 || eventsBefore.join() !== eventsAfter.join() || JSON.stringify(ob) !== JSON.stringify(oa),
  };
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    phase: facts.state,
    requirements,
    evidence: evidenceReadings,
    advance: { before: ob, after: oa },
    canAdvance: { before: ob?.allowed ?? false, after: oa?.allowed ?? false },
    newlyBlocking: (oa?.blocking ?? []).filter((id) => !(ob?.blocking ?? []).includes(id)),
    events: { before: eventsBefore, after: eventsAfter },
    summary,
  };
}

/** The rule's wording in `def`; only asked for a requirement `def` evaluated, so it is there. */
const ruleText = (def: WorkflowDefinition, id: string): string => def.requirements.find((r) => r.id === id)!.rule;

/** Why a dossier cannot move: the field it concerns, and the reason in English and Dutch. */
export interface MigrationRefusal {
  /** 400: the target does not exist; 409: it exists but the dossier cannot move there. */
  kind: 'unknown-target' | 'same-version' | 'backwards' | 'other-workflow' | 'target-retired' | 'phase-unknown' | 'final-state';
  field: 'targetVersion';
  en: string;
  nl: string;
}

/**
 * May a dossier of `from` in `state` move to `to`? Only forward (a newer version of the same workflow), to an active
 * version, that knows the dossier's phase; a closed or withdrawn dossier keeps the rules it ended under.
 */
export function migrationRefusal(
  from: WorkflowDefinition,
  to: WorkflowDefinition | undefined,
  toStatus: WorkflowStatus | undefined,
  state: DossierState,
  target: WorkflowRef,
): MigrationRefusal | null {
  const name = `${target.id}@${target.version}`;
  const field = 'targetVersion' as const;
  if (!to)
    return { kind: 'unknown-target', field, en: `${name} is not a workflow version of this service`, nl: `Doelversie ${name} bestaat niet in deze dienst (zie GET /api/v1/workflows).` };
  if (to.id !== from.id)
    return { kind: 'other-workflow', field, en: `${name} is another workflow than ${from.id}`, nl: `Doelversie ${name} hoort bij een andere workflow dan ${from.id}.` };
  const order = compareVersions(to.version, from.version);
  if (order === 0)
    return { kind: 'same-version', field, en: `the dossier runs under ${name} already`, nl: `Het dossier valt al onder versie ${to.version}; er valt niets over te zetten.` };
  if (order < 0)
    return {
      kind: 'backwards',
      field,
      en: `${to.version} is older than ${from.version}: a dossier does not move backwards`,
      nl: `Versie ${to.version} is ouder dan ${from.version}: een dossier gaat niet terug naar een oudere versie.`,
    };
  if (toStatus !== 'active')
    return { kind: 'target-retired', field, en: `${name} is not active`, nl: `Versie ${to.version} is niet in gebruik (status ${toStatus ?? 'onbekend'}); een dossier gaat alleen naar een actieve versie.` };
  if ((FINAL_STATES as readonly string[]).includes(state))
    return { kind: 'final-state', field, en: `the dossier is ${state}: it keeps the rules it ended under`, nl: `Het dossier is ${state}; het houdt de regels waaronder het eindigde.` };
  if (!to.phases.includes(state as (typeof to.phases)[number]) || !(state in to.machine.states))
    return {
      kind: 'phase-unknown',
      field,
      en: `${name} does not know the phase ${state}`,
      nl: `Versie ${to.version} kent de fase ${state} niet; een dossier in die fase kan er niet naartoe.`,
    };
  return null;
}

import { DossierState, FINAL_STATES } from '../../workflows/evidence';
import { acceptedEvents, evaluateAttempt, targetOf } from '../../workflows/engine';
import { Classification } from '../../workflows/facts';
import { PHASES, FINAL_STATE_LABELS } from '../../workflows/drenthe-verbindend-besturen/phases';
import { RequirementEvaluation, Text } from '../../workflows/requirement';
import { LoadedDossier } from './dossier-facts';
import { DossierRow, WaiverRow } from './dossier.store';

export interface RequirementView {
  id: string;
  severity: 'hard' | 'advisory';
  waivable: boolean;
  status: RequirementEvaluation['status'];
  label: Text;
  explanation: Text;
  origin: RequirementEvaluation['origin'];
  evidence: string[];
  /** What it takes to pass when unsatisfied: evidence, an explanation on ADVANCE, or an approved waiver. */
  toPass: 'nothing' | 'evidence' | 'explanation-or-evidence' | 'waiver-or-evidence';
  waiver: { id: string; status: string } | null;
}

export interface NextView {
  event: 'ADVANCE';
  to: DossierState;
  /** True when ADVANCE succeeds now, given an explanation for each id in `explanationsRequired`. */
  allowed: boolean;
  /** Hard requirements that block (no approved waiver). */
  blocking: string[];
  /** Unmet advisory requirements: ADVANCE must carry an explanation for each. */
  explanationsRequired: string[];
  /** Unmet hard waivable requirements passed by an approved waiver. */
  waived: string[];
  requirements: RequirementView[];
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
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  enteredPhaseOn: string;
  previousDossierId: string | null;
  followUpDossierId: string | null;
  acceptedEvents: string[];
  next: NextView | null;
}

export function phaseLabel(state: DossierState): Text {
  if ((FINAL_STATES as readonly string[]).includes(state)) return FINAL_STATE_LABELS[state as keyof typeof FINAL_STATE_LABELS];
  return PHASES.find((p) => p.id === state)!.label;
}

export function isFinal(state: DossierState): boolean {
  return (FINAL_STATES as readonly string[]).includes(state);
}

function requirementView(e: RequirementEvaluation, waivers: WaiverRow[]): RequirementView {
  const w = waivers.find((x) => x.requirement_id === e.id && (x.status === 'requested' || x.status === 'approved'));
  const toPass: RequirementView['toPass'] =
    e.status !== 'unsatisfied' ? 'nothing' : e.severity === 'advisory' ? 'explanation-or-evidence' : e.waivable ? 'waiver-or-evidence' : 'evidence';
  return {
    id: e.id,
    severity: e.severity,
    waivable: e.waivable,
    status: e.status,
    label: e.label,
    explanation: e.explanation,
    origin: e.origin,
    evidence: e.evidence,
    toPass,
    waiver: w ? { id: w.id, status: w.status } : null,
  };
}

/** The dossier as the API shows it, with what ADVANCE needs now, evaluated for the requesting actor. */
export function toDossierView(loaded: LoadedDossier): DossierView {
  const { row, workflow, facts, waivers } = loaded;
  const def = workflow.definition;
  let next: NextView | null = null;
  const to = targetOf(def, row.state, 'ADVANCE');
  if (to) {
    const decision = evaluateAttempt(def, { type: 'ADVANCE', facts, explanations: {} });
    next = {
      event: 'ADVANCE',
      to,
      allowed: decision.unmet.every((u) => u.blockReason === 'explanation-required'),
      blocking: decision.unmet.filter((u) => u.blockReason !== 'explanation-required').map((u) => u.id),
      explanationsRequired: decision.unmet.filter((u) => u.blockReason === 'explanation-required').map((u) => u.id),
      waived: Object.keys(decision.waived),
      requirements: decision.evaluations.map((e) => requirementView(e, waivers)),
    };
  }
  return {
    ...dossierSummary(row),
    classification: facts.classification,
    acceptedEvents: acceptedEvents(def, row.state),
    next,
  };
}

export function dossierSummary(row: DossierRow) {
  return {
    id: row.id,
    title: row.title,
    phase: row.state,
    phaseLabel: phaseLabel(row.state),
    version: Number(row.version),
    workflow: { id: row.workflow_id, version: row.workflow_version },
    assigneeId: row.assignee_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    enteredPhaseOn: row.entered_phase_on,
    previousDossierId: row.previous_dossier_id,
    followUpDossierId: row.follow_up_dossier_id,
  };
}

import { DossierState } from '../../../workflows/evidence';
import { NO_DEADLINE } from './compliance-settings';
import { ComplianceRow, MatrixEntry, Reclassification } from './compliance-row';
import { DashboardTimerId, DerivedTimer } from './compliance-timers';
import { ParticipationComparison } from './participation';

/** A `dossier_compliance` row as the drivers return it (booleans are 0/1 on SQLite, counts may be strings on PostgreSQL). */
export interface ComplianceDbRow {
  dossier_id: string;
  title: string;
  workflow_id: string;
  workflow_version: string;
  dossier_version: number | string;
  phase: DossierState;
  phase_order: number | string;
  entered_phase_on: string;
  besluitvormer: string;
  strategisch: number | boolean | null;
  owner_id: string;
  next_to: DossierState | null;
  hard_open_count: number | string;
  hard_open_ids: string;
  advisory_open_count: number | string;
  advisory_open_ids: string;
  waived_ids: string;
  waivers_pending_count: number | string;
  waivers_pending_ids: string;
  waivers_used_count: number | string;
  waivers_used_ids: string;
  advisories_explained: number | string;
  matrix: string;
  startnotitie_adopted_on: string | null;
  startnotitie_sent_to_ps_on: string | null;
  startnotitie_committee_on: string | null;
  reclassified_count: number | string;
  last_reclassified_on: string | null;
  reclassifications: string;
  participation: string;
  participation_planned: number | string;
  participation_realised: number | string;
  participation_gaps: number | string;
  open_timers: number | string;
  next_deadline: string;
  projected_on: string;
  projected_at: string;
  updated_at: string;
}

export interface TimerDbRow {
  timer_key: string;
  dossier_id: string;
  timer_id: string;
  source_id: string;
  start_on: string;
  computed_end: string;
  basis: string;
  calendar_rule_version: string;
  extended_by: string;
  status: 'open' | 'closed';
  closed_reason: string | null;
  details: string;
}

export const toBool = (v: number | boolean | null): boolean | null => (v === null ? null : v === true || v === 1 || (v as unknown) === '1');

/** A stored row back in domain terms, with the explanation count kept beside it. */
export function fromDbRow(r: ComplianceDbRow): ComplianceRow & { advisoriesExplained: number } {
  return {
    dossierId: r.dossier_id,
    title: r.title,
    workflowId: r.workflow_id,
    workflowVersion: r.workflow_version,
    dossierVersion: Number(r.dossier_version),
    phase: r.phase,
    phaseOrder: Number(r.phase_order),
    enteredPhaseOn: r.entered_phase_on,
    besluitvormer: r.besluitvormer || null,
    strategisch: toBool(r.strategisch),
    ownerId: r.owner_id || null,
    nextTo: r.next_to,
    hardOpenIds: JSON.parse(r.hard_open_ids) as string[],
    advisoryOpenIds: JSON.parse(r.advisory_open_ids) as string[],
    waivedIds: JSON.parse(r.waived_ids) as string[],
    waiversPendingIds: JSON.parse(r.waivers_pending_ids) as string[],
    waiversUsedIds: JSON.parse(r.waivers_used_ids) as string[],
    matrix: JSON.parse(r.matrix) as MatrixEntry[],
    startnotitieAdoptedOn: r.startnotitie_adopted_on,
    startnotitieSentToPsOn: r.startnotitie_sent_to_ps_on,
    startnotitieCommitteeOn: r.startnotitie_committee_on,
    reclassifications: JSON.parse(r.reclassifications) as Reclassification[],
    participation: JSON.parse(r.participation) as ParticipationComparison,
    openTimers: Number(r.open_timers),
    nextDeadline: r.next_deadline === NO_DEADLINE ? null : r.next_deadline,
    projectedOn: r.projected_on,
    projectedAt: r.projected_at,
    updatedAt: r.updated_at,
    advisoriesExplained: Number(r.advisories_explained),
  };
}

export function fromTimerRow(r: TimerDbRow): DerivedTimer {
  return {
    key: r.timer_key,
    dossierId: r.dossier_id,
    timerId: r.timer_id as DashboardTimerId,
    sourceId: r.source_id,
    start: r.start_on,
    computedEnd: r.computed_end,
    basis: r.basis,
    calendarRuleVersion: r.calendar_rule_version,
    extendedBy: JSON.parse(r.extended_by) as string[],
    status: r.status,
    closedReason: r.closed_reason,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

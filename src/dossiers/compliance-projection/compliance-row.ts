/**
 * The compliance projection of one dossier, as a pure function of what the service already has in hand when it
 * writes: the dossier row, the facts as the dossier's owner sees them, the evaluation of the next transition
 * (`next`, the very object `GET /dossiers/{id}` shows) and the waivers. No database, no clock.
 *
 * The same function fills the table on every write (compliance.projector.ts), rebuilds a row from the source records,
 * and generates the benchmark's data — so the three can never disagree.
 */
import { amsterdamDate, DossierFacts, mergeClassification } from '../../../workflows/facts';
import { DossierState } from '../../../workflows/evidence';
import type { DossierRow, WaiverRow } from '../dossier.repository';
import type { NextView } from '../dossier.view';
import { ComplianceSettings } from '../../config';
import { phaseOrder } from './compliance-settings';
import { DerivedTimer, deriveTimers } from './compliance-timers';
import { compareParticipation, ParticipationComparison } from './participation';

/** A guard of the next transition: met, open, waived (approved waiver) or not applicable (domain-brief §10.1 view 2). */
export interface MatrixEntry {
  id: string;
  severity: 'hard' | 'advisory';
  waivable: boolean;
  status: 'met' | 'open' | 'waived' | 'not-applicable';
  /** An open or approved waiver for it, if any. */
  waiver: { id: string; status: string } | null;
}

/** A change of `strategisch` from true to false: the alert of the startnotitie tracker (domain-brief §10.1 view 4). */
export interface Reclassification {
  evidenceId: string;
  occurredOn: string;
  recordedAt: string;
  /** The calendar date (Europe/Amsterdam) it was recorded: the PS report's period filters on it. */
  recordedOn: string;
  recordedBy: string;
  reden: string;
}

/** One stored row of `dossier_compliance`, in domain terms. `advisoriesExplained` is counted from `compliance_explanation`. */
export interface ComplianceRow {
  dossierId: string;
  title: string;
  workflowId: string;
  workflowVersion: string;
  dossierVersion: number;
  phase: DossierState;
  phaseOrder: number;
  enteredPhaseOn: string;
  besluitvormer: string | null;
  strategisch: boolean | null;
  ownerId: string | null;
  nextTo: DossierState | null;
  hardOpenIds: string[];
  advisoryOpenIds: string[];
  waivedIds: string[];
  /** Waivers requested or approved and not yet used. */
  waiversPendingIds: string[];
  waiversUsedIds: string[];
  matrix: MatrixEntry[];
  startnotitieAdoptedOn: string | null;
  startnotitieSentToPsOn: string | null;
  startnotitieCommitteeOn: string | null;
  reclassifications: Reclassification[];
  participation: ParticipationComparison;
  /** Timers not yet closed, and the earliest end date among them (null: none). */
  openTimers: number;
  nextDeadline: string | null;
  projectedOn: string;
  projectedAt: string;
  updatedAt: string;
}

export interface ComplianceInput {
  row: DossierRow;
  /** The facts as the dossier's owner sees them (attempt: ADVANCE by the assignee). */
  facts: DossierFacts;
  /** The owner's view of the next ADVANCE (null in a final state). */
  next: NextView | null;
  waivers: readonly WaiverRow[];
  settings: ComplianceSettings;
}

export interface ComplianceProjection {
  row: ComplianceRow;
  timers: DerivedTimer[];
}

/** The matrix status of a requirement as the dossier view shows it (`waived` there is `waived` here: one source). */
const MATRIX_STATUS: Record<NextView['requirements'][number]['status'], MatrixEntry['status']> = {
  satisfied: 'met',
  unsatisfied: 'open',
  waived: 'waived',
  'not-applicable': 'not-applicable',
};

function matrixOf(next: NextView | null): MatrixEntry[] {
  if (!next) return [];
  return next.requirements.map((r) => ({
    id: r.id,
    severity: r.severity,
    waivable: r.waivable,
    status: MATRIX_STATUS[r.status],
    // Only what the projection stores: names are read when shown, never stored with the row.
    waiver: r.waiver ? { id: r.waiver.id, status: r.waiver.status } : null,
  }));
}

function reclassificationsOf(f: DossierFacts): Reclassification[] {
  const out: Reclassification[] = [];
  let strategisch: boolean | null = null;
  f.classificationHistory.forEach((rec, i) => {
    const after = mergeClassification(f.classificationHistory.slice(0, i + 1)).strategisch;
    if (strategisch === true && after === false) {
      out.push({
        evidenceId: rec.id,
        occurredOn: rec.occurredOn,
        recordedAt: rec.recordedAt,
        recordedOn: amsterdamDate(rec.recordedAt),
        recordedBy: rec.recordedBy,
        reden: rec.data.reden,
      });
    }
    strategisch = after;
  });
  return out;
}

/** The startnotitie tracker's dates: the latest adopted startnotitie in force, and its committee handling. */
function startnotitieOf(f: DossierFacts): Pick<ComplianceRow, 'startnotitieAdoptedOn' | 'startnotitieSentToPsOn' | 'startnotitieCommitteeOn'> {
  const adopted = f.documents.filter((d) => d.data.documentType === 'startnotitie' && d.data.vastgesteldDoorGsOn).at(-1);
  const committee = f.procedure
    .map((p) => p.data)
    .filter((d) => d.stap === 'commissiebehandeling' && d.onderwerp === 'startnotitie' && d.vergaderdatum)
    .map((d) => (d as { vergaderdatum: string }).vergaderdatum)
    .sort()
    .at(-1);
  return {
    startnotitieAdoptedOn: adopted?.data.vastgesteldDoorGsOn ?? null,
    startnotitieSentToPsOn: adopted?.data.verzondenAanPsOn ?? null,
    startnotitieCommitteeOn: committee ?? null,
  };
}

/** Compute the projection of one dossier. Pure: the same inputs always give the same row and timers. */
export function computeCompliance(input: ComplianceInput): ComplianceProjection {
  const { row, facts: f, next, waivers, settings } = input;
  const timers = deriveTimers(f, settings);
  const open = timers.filter((t) => t.status === 'open').map((t) => t.computedEnd).sort();
  const blocking = new Set(next?.blocking ?? []);
  const explanationsRequired = new Set(next?.explanationsRequired ?? []);
  const ordered = next?.requirements.map((r) => r.id) ?? [];
  return {
    timers,
    row: {
      dossierId: row.id,
      title: row.title,
      workflowId: row.workflowId,
      workflowVersion: row.workflowVersion,
      dossierVersion: Number(row.version),
      phase: row.state,
      phaseOrder: phaseOrder(row.state),
      enteredPhaseOn: row.enteredPhaseOn,
      besluitvormer: f.classification.besluitvormer,
      strategisch: f.classification.strategisch,
      ownerId: row.assigneeId,
      nextTo: next?.to ?? null,
      hardOpenIds: ordered.filter((id) => blocking.has(id)),
      advisoryOpenIds: ordered.filter((id) => explanationsRequired.has(id)),
      waivedIds: [...(next?.waived ?? [])],
      waiversPendingIds: waivers.filter((w) => w.status === 'requested' || w.status === 'approved').map((w) => w.id),
      waiversUsedIds: waivers.filter((w) => w.status === 'used').map((w) => w.id),
      matrix: matrixOf(next),
      ...startnotitieOf(f),
      reclassifications: reclassificationsOf(f),
      participation: compareParticipation(f),
      openTimers: open.length,
      nextDeadline: open[0] ?? null,
      projectedOn: f.today,
      projectedAt: f.now,
      updatedAt: row.updatedAt,
    },
  };
}

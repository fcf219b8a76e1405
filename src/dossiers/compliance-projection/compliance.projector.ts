import { Inject, Injectable } from '@nestjs/common';
import { EvidenceRecord } from '../../../workflows/evidence';
import { ownerAttempt as engineOwnerAttempt } from '../../../workflows/engine';
import { Attempt, projectFacts } from '../../../workflows/facts';
import { WorkflowRegistry } from '../../../workflows/registry';
import { Tx } from '../../database';
import { loadDossierFacts, LoadedDossier } from '../dossier-facts';
import { DossierRow, DossierRepository, toWaiverFact } from '../dossier.repository';
import { NextView, toDossierView } from '../dossier.view';
import { APP_CONFIG, AppConfig } from '../../config';
import { NO_DEADLINE } from './compliance-settings';
import { ComplianceProjection, ComplianceRow, computeCompliance } from './compliance-row';
import { DerivedTimer } from './compliance-timers';
import { ComplianceDbRow, fromDbRow, fromTimerRow, TimerDbRow } from './compliance.store';

const ROW_COLUMNS = [
  'dossier_id', 'title', 'workflow_id', 'workflow_version', 'dossier_version', 'phase', 'phase_order', 'entered_phase_on', 'besluitvormer',
  'strategisch', 'owner_id', 'next_to', 'hard_open_count', 'hard_open_ids', 'advisory_open_count', 'advisory_open_ids', 'waived_ids',
  'waivers_pending_count', 'waivers_pending_ids', 'waivers_used_count', 'waivers_used_ids', 'matrix', 'startnotitie_adopted_on',
  'startnotitie_sent_to_ps_on', 'startnotitie_committee_on', 'reclassified_count', 'last_reclassified_on', 'reclassifications', 'participation',
  'participation_planned', 'participation_realised', 'participation_gaps', 'open_timers', 'next_deadline', 'projected_on', 'projected_at', 'updated_at',
] as const;

/** Indexed columns of `dossier_compliance` (see the migration): an UPDATE sets them only when their value changed. */
const INDEXED = new Set<string>(['next_deadline', 'title', 'besluitvormer', 'strategisch', 'owner_id']);

/** Insert, or (a concurrent backfill got there first) overwrite; `advisories_explained` is the last parameter. */
const INSERT_ROW_SQL = `INSERT INTO dossier_compliance (${ROW_COLUMNS.join(', ')}, advisories_explained)
  VALUES (${ROW_COLUMNS.map(() => '?').join(', ')}, ?)
  ON CONFLICT (dossier_id) DO UPDATE SET ${[...ROW_COLUMNS.slice(1), 'advisories_explained'].map((c) => `${c} = excluded.${c}`).join(', ')}`;

const updateSqlCache = new Map<string, string>();
/**
 * The UPDATE for a row whose indexed columns in `changed` moved (at most 2^5 statement variants). The explanation count
 * is added to (`delta`) or replaced (`total`, on a rebuild).
 */
function updateSql(changed: readonly string[], explained: 'delta' | 'total'): string {
  const key = `${explained}:${changed.join(',')}`;
  let sql = updateSqlCache.get(key);
  if (!sql) {
    const set = ROW_COLUMNS.slice(1).filter((c) => !INDEXED.has(c) || changed.includes(c));
    const count = explained === 'delta' ? 'advisories_explained = advisories_explained + ?' : 'advisories_explained = ?';
    sql = `UPDATE dossier_compliance SET ${set.map((c) => `${c} = ?`).join(', ')}, ${count} WHERE dossier_id = ?`;
    updateSqlCache.set(key, sql);
  }
  return sql;
}

/**
 * How a write changes a row's count of advisory requirements passed with only an explanation: by those a transition
 * just explained (`delta`), or rebuilt from the audit trail (`total`).
 */
export type ExplainedCount = { delta: number } | { total: number };

/** Stored and bound value are the same (drivers return 0/1 for SQLite booleans, strings for some PostgreSQL numbers). */
function sameValue(stored: unknown, bound: string | number | boolean | null): boolean {
  if (stored === null || bound === null) return stored === bound;
  if (typeof bound === 'boolean') return stored === bound || Number(stored) === (bound ? 1 : 0);
  if (typeof bound === 'number') return Number(stored) === bound;
  return stored === bound;
}

const TIMER_COLUMNS = [
  'timer_key', 'dossier_id', 'timer_id', 'source_id', 'start_on', 'computed_end', 'basis', 'calendar_rule_version', 'extended_by', 'status',
  'closed_reason', 'details',
] as const;
const INSERT_TIMER_SQL = `INSERT INTO dossier_timer (${TIMER_COLUMNS.join(', ')}) VALUES (${TIMER_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_TIMER_SQL = 'UPDATE dossier_timer SET status = ?, closed_reason = ?, details = ?, basis = ?, extended_by = ? WHERE timer_key = ?';

/** The row as bound parameters, in `ROW_COLUMNS` order. Lists and objects are JSON; a missing owner/besluitvormer is ''. */
export function rowParams(r: ComplianceRow): (string | number | boolean | null)[] {
  const last = r.reclassifications.at(-1);
  return [
    r.dossierId, r.title, r.workflowId, r.workflowVersion, r.dossierVersion, r.phase, r.phaseOrder, r.enteredPhaseOn, r.besluitvormer ?? '',
    r.strategisch, r.ownerId ?? '', r.nextTo, r.hardOpenIds.length, JSON.stringify(r.hardOpenIds), r.advisoryOpenIds.length,
    JSON.stringify(r.advisoryOpenIds), JSON.stringify(r.waivedIds), r.waiversPendingIds.length, JSON.stringify(r.waiversPendingIds),
    r.waiversUsedIds.length, JSON.stringify(r.waiversUsedIds), JSON.stringify(r.matrix), r.startnotitieAdoptedOn, r.startnotitieSentToPsOn,
    r.startnotitieCommitteeOn, r.reclassifications.length, last?.recordedOn ?? null, JSON.stringify(r.reclassifications), JSON.stringify(r.participation),
    r.participation.planned, r.participation.realised, r.participation.gaps, r.openTimers, r.nextDeadline ?? NO_DEADLINE, r.projectedOn, r.projectedAt,
    r.updatedAt,
  ];
}

/** A timer as bound parameters, in `TIMER_COLUMNS` order. */
export function timerParams(t: DerivedTimer): (string | null)[] {
  return [
    t.key, t.dossierId, t.timerId, t.sourceId, t.start, t.computedEnd, t.basis, t.calendarRuleVersion, JSON.stringify(t.extendedBy), t.status,
    t.closedReason, JSON.stringify(t.details),
  ];
}

export { ROW_COLUMNS, TIMER_COLUMNS };

/** JSON with object keys sorted, so two values compare by content, not by the order their keys were set in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** The attempt the projection evaluates: ADVANCE by the dossier's owner, whoever wrote. */
export function ownerAttempt(assigneeId: string | null): Attempt {
  return engineOwnerAttempt(assigneeId, 'ADVANCE');
}

interface StoredTimer {
  timer_key: string;
  status: string;
  closed_reason: string | null;
  details: string;
  basis: string;
  extended_by: string;
}

/**
 * Keeps `dossier_compliance` and `dossier_timer` up to date, inside the transaction of the write that changed the
 * dossier (create, evidence, classification, transition, waiver, assignment). The evaluation is the owner's view of
 * the next ADVANCE — the one `GET /dossiers/{id}` shows its assignee — so the griffie sees what the owner sees,
 * whoever made the change.
 */
@Injectable()
export class ComplianceProjector {
  constructor(
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Load a dossier as its owner sees it at `now`. A writer has locked the dossier already. */
  async load(tx: Tx, dossierId: string, now: Date): Promise<LoadedDossier> {
    const loaded = await loadDossierFacts(tx, this.registry, dossierId, { now, actor: null });
    return { ...loaded, facts: { ...loaded.facts, attempt: ownerAttempt(loaded.row.assigneeId) } };
  }

  /**
   * Compute and store the projection of a loaded dossier. `next` is reused when the caller computed it for the
   * owner already (the transition path's response), so nothing is evaluated twice; otherwise it is evaluated here.
   */
  async write(tx: Tx, loaded: LoadedDossier, next?: NextView | null, explained: ExplainedCount = { delta: 0 }): Promise<ComplianceProjection> {
    const projection = this.compute(loaded, next);
    await this.store(tx, projection.row, explained);
    await this.syncTimers(tx, projection.row.dossierId, projection.timers);
    return projection;
  }

  /**
   * Store the projection from records the caller loaded already (the evidence path holds the dossier row and all its
   * evidence): only the waivers are read here.
   */
  async writeFromRecords(tx: Tx, row: DossierRow, evidence: readonly EvidenceRecord[], now: Date): Promise<ComplianceProjection> {
    const workflow = this.registry.get({ id: row.workflowId, version: row.workflowVersion });
    if (!workflow) throw new Error(`Dossier ${row.id} runs under unknown workflow ${row.workflowId}@${row.workflowVersion}`);
    const waivers = await DossierRepository.waivers(tx, row.id);
    const facts = projectFacts({
      dossier: { id: row.id, state: row.state, enteredPhaseOn: row.enteredPhaseOn, assigneeId: row.assigneeId },
      evidence,
      waivers: waivers.map(toWaiverFact),
      now: now.toISOString(),
      attempt: ownerAttempt(row.assigneeId),
      settings: workflow.definition.settings,
    });
    return this.write(tx, { row, workflow, evidence: [...evidence], waivers, facts });
  }

  /** Load (as owner) and store one dossier's projection. */
  async project(tx: Tx, dossierId: string, now: Date, explained: ExplainedCount = { delta: 0 }): Promise<ComplianceProjection> {
    return this.write(tx, await this.load(tx, dossierId, now), undefined, explained);
  }

  /** The projection of a loaded dossier, without storing it. */
  compute(loaded: LoadedDossier, next?: NextView | null): ComplianceProjection {
    // The dossier view's evaluation is the owner's for every viewer, so a caller's `next` is the projection's too.
    const ownerNext = next === undefined ? toDossierView(loaded).next : next;
    return computeCompliance({ row: loaded.row, facts: loaded.facts, next: ownerNext, waivers: loaded.waivers, settings: this.config.compliance });
  }

  /**
   * Store a row. An existing row is updated, setting its indexed columns only when they changed: on SQLite every
   * index page an UPDATE touches is written to the WAL at commit, and most writes move only a few of them.
   */
  private async store(tx: Tx, row: ComplianceRow, explained: ExplainedCount): Promise<void> {
    const params = rowParams(row);
    const id = row.dossierId;
    const stored = await tx.get<Record<string, unknown>>(`SELECT ${[...INDEXED].join(', ')} FROM dossier_compliance WHERE dossier_id = ?`, [id]);
    const count = 'delta' in explained ? explained.delta : explained.total;
    if (!stored) {
      await tx.run(INSERT_ROW_SQL, [...params, count]);
      return;
    }
    const changed: string[] = [];
    const values: (string | number | boolean | null)[] = [];
    ROW_COLUMNS.forEach((c, i) => {
      if (i === 0) return;
      if (INDEXED.has(c)) {
        if (sameValue(stored[c], params[i])) return;
        changed.push(c);
      }
      values.push(params[i]);
    });
    await tx.run(updateSql(changed, 'delta' in explained ? 'delta' : 'total'), [...values, count, id]);
  }

  /**
   * Rebuild one dossier's projection from the source records alone: the dossier, its evidence and waivers, and the
   * `transition.done` events of its audit stream (for the count of explained advisories). Used for dossiers that have
   * no row yet (created before this projection existed).
   */
  async rebuild(tx: Tx, dossierId: string, now: Date): Promise<ComplianceProjection> {
    return this.project(tx, dossierId, now, { total: await this.explainedFromAudit(tx, dossierId) });
  }

  /**
   * Full re-evaluation of one dossier, compared with what is stored: the row is recomputed from the source records
   * at the instant it was projected (`projected_at`), the timers are derived again, and the explained advisories are
   * counted in the audit trail. Returns the differences; empty when the projection is exact.
   */
  async verify(tx: Tx, dossierId: string): Promise<string[]> {
    const db = await tx.get<ComplianceDbRow>('SELECT * FROM dossier_compliance WHERE dossier_id = ?', [dossierId]);
    if (!db) return [`${dossierId}: no projection row`];
    const stored = fromDbRow(db);
    const fresh = this.compute(await this.load(tx, dossierId, new Date(stored.projectedAt)));
    const diffs: string[] = [];
    const same = (what: string, a: unknown, b: unknown) => {
      const ja = canonical(a);
      const jb = canonical(b);
      if (ja !== jb) diffs.push(`${dossierId} ${what}: stored ${ja} ≠ recomputed ${jb}`);
    };
    const { advisoriesExplained, ...row } = stored;
    for (const k of Object.keys(fresh.row) as (keyof ComplianceRow)[]) same(k, row[k], fresh.row[k]);
    same('advisoriesExplained', advisoriesExplained, await this.explainedFromAudit(tx, dossierId));
    const timers = await tx.all<TimerDbRow>('SELECT * FROM dossier_timer WHERE dossier_id = ? ORDER BY timer_key', [dossierId]);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    same('timers', timers.map(fromTimerRow).sort(byKey), [...fresh.timers].sort(byKey));
    return diffs;
  }

  /** How many advisory requirements the done transitions of a dossier passed with an explanation, from its audit stream. */
  async explainedFromAudit(tx: Tx, dossierId: string): Promise<number> {
    const events = await tx.all<{ content: string }>("SELECT content FROM audit_event WHERE dossier_id = ? AND action = 'transition.done'", [dossierId]);
    return events.reduce((n, e) => n + Object.keys((JSON.parse(e.content) as { payload: { explanations?: Record<string, string> } }).payload.explanations ?? {}).length, 0);
  }

  /** Bring the stored timers of a dossier in line with the derived ones: insert new, update changed, delete gone. */
  private async syncTimers(tx: Tx, dossierId: string, timers: DerivedTimer[]): Promise<void> {
    const stored = await tx.all<StoredTimer>(
      'SELECT timer_key, status, closed_reason, details, basis, extended_by FROM dossier_timer WHERE dossier_id = ?',
      [dossierId],
    );
    if (!stored.length && !timers.length) return;
    const byKey = new Map(stored.map((s) => [s.timer_key, s]));
    for (const t of timers) {
      const s = byKey.get(t.key);
      byKey.delete(t.key);
      if (!s) {
        await tx.run(INSERT_TIMER_SQL, timerParams(t));
        continue;
      }
      const details = JSON.stringify(t.details);
      const extendedBy = JSON.stringify(t.extendedBy);
      if (s.status !== t.status || s.closed_reason !== t.closedReason || s.details !== details || s.basis !== t.basis || s.extended_by !== extendedBy) {
        await tx.run(UPDATE_TIMER_SQL, [t.status, t.closedReason, details, t.basis, extendedBy, t.key]);
      }
    }
    // A timer whose source record was superseded (or whose end moved) is no longer derived: it goes. Its expiry, if
    // the job recorded one, stays in timer_expiry and in the audit trail.
    for (const gone of byKey.keys()) await tx.run('DELETE FROM dossier_timer WHERE timer_key = ?', [gone]);
  }
}

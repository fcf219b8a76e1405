import { AuditEventEntity, DossierTimerEntity, Tx } from '../../database';
import { NO_DEADLINE } from './compliance-settings';
import { ComplianceRow } from './compliance-row';
import { DerivedTimer } from './compliance-timers';
import { ComplianceDbRow, TimerDbRow } from './compliance.store';

export const ROW_COLUMNS = [
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

export const TIMER_COLUMNS = [
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

interface StoredTimer {
  timer_key: string;
  status: string;
  closed_reason: string | null;
  details: string;
  basis: string;
  extended_by: string;
}

/**
 * The compliance projection's storage (`dossier_compliance`, `dossier_timer`): every statement on them lives here. It
 * is written in the transaction of every dossier command, so the writes are prepared SQL that touch as little as
 * they can.
 */
export const ComplianceRepository = {
  /**
   * Store a row. An existing row is updated, setting its indexed columns only when they changed: on SQLite every
   * index page an UPDATE touches is written to the WAL at commit, and most writes move only a few of them.
   */
  async save(tx: Tx, row: ComplianceRow, explained: ExplainedCount): Promise<void> {
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
  },

  /** The stored row of a dossier, as the driver returns it. */
  row(tx: Tx, dossierId: string): Promise<ComplianceDbRow | undefined> {
    return tx.get<ComplianceDbRow>('SELECT * FROM dossier_compliance WHERE dossier_id = ?', [dossierId]);
  },

  /** The stored timers of a dossier, by key. */
  timers(tx: Tx, dossierId: string): Promise<TimerDbRow[]> {
    return tx.all<TimerDbRow>('SELECT * FROM dossier_timer WHERE dossier_id = ? ORDER BY timer_key', [dossierId]);
  },

  /** The stored texts of a dossier's `transition.done` audit events. */
  async doneTransitions(tx: Tx, dossierId: string): Promise<string[]> {
    const events = await tx.em.find(AuditEventEntity, { select: { content: true }, where: { dossierId, action: 'transition.done' } });
    return events.map((e) => e.content);
  },

  /** Bring the stored timers of a dossier in line with the derived ones: insert new, update changed, delete gone. */
  async syncTimers(tx: Tx, dossierId: string, timers: DerivedTimer[]): Promise<void> {
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
    if (byKey.size > 0) await tx.em.delete(DossierTimerEntity, [...byKey.keys()]);
  },
};

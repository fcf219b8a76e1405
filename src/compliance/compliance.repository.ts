/**
 * Every read and write of the griffie's compliance views and the timer job, in one place: the projection
 * (`dossier_compliance`, `dossier_timer`, `timer_expiry`) and what the views join to it (dossiers, users, waivers, the
 * audit trail). Each function runs on the caller's `Tx`, so a command keeps its one transaction.
 *
 * The timer job reads and writes through the entities; the portfolio page (the hot path: a page must cost the same at
 * any number of dossiers) and the drill-downs with joins, unions and conditional counts keep hand-written SQL here.
 * Rows leave this file with their database differences settled: counts are numbers (`CAST(… AS INTEGER)`, which
 * PostgreSQL returns as a number and not as a bigint string), booleans are booleans.
 */
import { LessThan, LessThanOrEqual, MoreThan } from 'typeorm';
import { DossierState } from '../../workflows/evidence';
import { DossierComplianceEntity, DossierEntity, DossierTimerEntity, Param, TimerExpiryEntity, Tx } from '../database';
import { ALL_STATES, ComplianceDbRow, fromTimerRow, phaseOrder, TimerDbRow, WaiverRow } from '../dossiers';

export const SORT_FIELDS = ['phase', 'daysInPhase', 'title', 'besluitvormer', 'strategisch', 'owner', 'hardOpen', 'advisoryOpen', 'advisoriesExplained', 'nextDeadline', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/**
 * Sortable columns, each with the dossier id as the tie-breaker. `phase` (the default: phase, then oldest dossier
 * first), `nextDeadline`, `title`, `besluitvormer`, `strategisch` and `owner` are served by an index, so a page is an
 * index walk whatever the number of dossiers; the columns that change with nearly every transition (daysInPhase,
 * counts, updatedAt) are not indexed — to keep the transition's write small — and sort the matching rows (a few
 * milliseconds at ten thousand). `invert`: the column runs opposite to the field.
 */
export const SORT_COLUMNS: Record<SortField, { cols: string[]; types: Array<'string' | 'number' | 'boolean'>; invert?: boolean }> = {
  // Walked per state over the dossier table's (state, created_at) index; the cursor holds (phase order, created_at).
  phase: { cols: ['phase_order', 'created_at'], types: ['number', 'string'] },
  daysInPhase: { cols: ['entered_phase_on'], types: ['string'], invert: true },
  title: { cols: ['title'], types: ['string'] },
  besluitvormer: { cols: ['besluitvormer'], types: ['string'] },
  strategisch: { cols: ['strategisch'], types: ['boolean'] },
  owner: { cols: ['owner_id'], types: ['string'] },
  hardOpen: { cols: ['hard_open_count'], types: ['number'] },
  advisoryOpen: { cols: ['advisory_open_count'], types: ['number'] },
  advisoriesExplained: { cols: ['advisories_explained'], types: ['number'] },
  nextDeadline: { cols: ['next_deadline'], types: ['string'] },
  updatedAt: { cols: ['updated_at'], types: ['string'] },
};

export const STARTNOTITIE_ISSUES = ['reclassified-to-non-strategic', 'startnotitie-missing', 'not-sent-to-ps', 'not-on-committee-agenda'] as const;
export type StartnotitieIssue = (typeof STARTNOTITIE_ISSUES)[number];

/** The filters and order of the portfolio list. */
export interface ComplianceListFilter {
  phase?: DossierState;
  besluitvormer?: string;
  strategisch?: boolean;
  owner?: string;
  hasOverdue?: boolean;
  hasOpenHard?: boolean;
  /** Only dossiers under this version of their workflow (issue #16). */
  workflowVersion?: string;
  sort: SortField;
  /** Descending in the sort columns (the field's order, inverted where the column runs opposite). */
  desc: boolean;
  /** Null: every matching row. One more than a page is asked for, to know whether there is a next one. */
  limit: number | null;
  offset?: number;
}

export type CursorValue = string | number | boolean | null;
/** Where the previous page ended: the sort columns' values and the dossier id of its last row. */
export interface ListPosition {
  v: CursorValue[];
  id: string;
}

export type ListRow = ComplianceDbRow & { owner_name: string | null };

/** A timer as the drill-down lists it: with its dossier's title and phase and the expiry the timer job recorded. */
export type TimerListRow = TimerDbRow & { title: string; phase: DossierState; expiry_recorded_at: string | null; expired_on: string | null; audit_event_id: string | null };

/** A `waiver` row as a raw read returns it. */
export type WaiverDbRow = {
  id: string; dossier_id: string; requirement_id: string; reason_code: string; motivation: string; requested_by: string; requested_at: string;
  approver_id: string | null; status: WaiverRow['status']; decided_by: string | null; decided_at: string | null; decision_note: string | null;
  used_at: string | null; used_by_event: string | null;
};

export type WaiverListRow = WaiverDbRow & {
  title: string; phase: DossierState; workflow_id: string; workflow_version: string; requested_by_name: string | null; decided_by_name: string | null; approver_name: string | null;
};

export interface StartnotitieRow { issue: StartnotitieIssue; dossier_id: string; title: string; phase: DossierState; strategisch: boolean | null; owner_id: string; entered_phase_on: string; startnotitie_adopted_on: string | null; startnotitie_sent_to_ps_on: string | null; startnotitie_committee_on: string | null; reclassifications: string; }

export interface PhaseCountRow { phase: DossierState; total: number; blocked: number; explain: number; overdue: number; strat: number; }

type Paging = { limit: number | null; offset: number };

const clause = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
const pagingSql = (p: Paging) => (p.limit === null ? '' : ` LIMIT ${p.limit} OFFSET ${p.offset}`);
const COUNT = 'SELECT CAST(COUNT(*) AS INTEGER) AS n';

/** A WHERE clause built up condition by condition, each with its parameters. */
function conditions() {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, ...p: Param[]): void => {
    where.push(sql);
    params.push(...p);
  };
  return { where, params, add };
}

async function count(tx: Tx, sql: string, params: readonly Param[]): Promise<number> {
  return (await tx.get<{ n: number }>(sql, params))!.n;
}

/** The portfolio's filters but the phase (each walk handles that its own way). */
function listConditions(f: ComplianceListFilter, today: string) {
  const c = conditions();
  if (f.besluitvormer) c.add('c.besluitvormer = ?', f.besluitvormer);
  if (f.strategisch !== undefined) c.add('c.strategisch = ?', f.strategisch);
  if (f.owner) c.add('c.owner_id = ?', f.owner);
  if (f.hasOverdue !== undefined) c.add(f.hasOverdue ? 'c.next_deadline < ?' : 'c.next_deadline >= ?', today);
  if (f.hasOpenHard !== undefined) c.add(f.hasOpenHard ? 'c.hard_open_count > 0' : 'c.hard_open_count = 0');
  if (f.workflowVersion) c.add('c.workflow_version = ?', f.workflowVersion);
  return c;
}

/** Any sort but phase: one query on dossier_compliance, keyset on (sort columns, dossier_id). */
async function pageByColumn(tx: Tx, f: ComplianceListFilter, today: string, after: ListPosition | null) {
  const { where: w, params: p } = listConditions(f, today);
  const sort = SORT_COLUMNS[f.sort];
  const keyCols = [...sort.cols.map((c) => `c.${c}`), 'c.dossier_id'];
  if (f.phase) {
    w.push('c.phase = ?');
    p.push(f.phase);
  }
  if (after) {
    w.push(`(${keyCols.join(', ')}) ${f.desc ? '<' : '>'} (${keyCols.map(() => '?').join(', ')})`);
    p.push(...after.v, after.id);
  }
  const dir = f.desc ? 'DESC' : 'ASC';
  const paging = f.limit === null ? '' : ` LIMIT ${f.limit}${f.offset ? ` OFFSET ${f.offset}` : ''}`;
  const rows = await tx.all<ListRow>(
    `SELECT c.*, u.name AS owner_name FROM dossier_compliance c LEFT JOIN app_user u ON u.id = c.owner_id ${clause(w)}
     ORDER BY ${keyCols.map((c) => `${c} ${dir}`).join(', ')}${paging}`,
    p,
  );
  return { rows, keyOf: (r: ListRow) => sort.cols.map((c) => (r as unknown as Record<string, CursorValue>)[c]) };
}

/**
 * Sort by phase (in the kader's order), then by the dossier's creation: one walk per state over the dossier table's
 * (state, created_at) index, in phase order, until the page is full. That index moves with every transition anyway,
 * so the projection needs no phase index of its own (which would cost each transition two more pages).
 */
async function pageByPhase(tx: Tx, f: ComplianceListFilter, today: string, after: ListPosition | null) {
  const { where, params } = listConditions(f, today);
  const desc = f.desc;
  const states = (f.phase ? [f.phase] : [...ALL_STATES]).sort((a, b) => (desc ? phaseOrder(b) - phaseOrder(a) : phaseOrder(a) - phaseOrder(b)));
  const dir = desc ? 'DESC' : 'ASC';
  const select = `SELECT c.*, d.created_at AS dossier_created_at, u.name AS owner_name
    FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id LEFT JOIN app_user u ON u.id = c.owner_id`;
  const rows: (ListRow & { dossier_created_at: string })[] = [];
  let wanted = f.limit === null ? Number.POSITIVE_INFINITY : f.limit;
  let skip = f.offset ?? 0;
  for (const state of states) {
    const order = phaseOrder(state);
    if (after && (desc ? order > Number(after.v[0]) : order < Number(after.v[0]))) continue;
    const w = ['d.state = ?', ...where];
    const p: Param[] = [state, ...params];
    if (after && order === Number(after.v[0])) {
      w.push(`(d.created_at, d.id) ${desc ? '<' : '>'} (?, ?)`);
      p.push(after.v[1], after.id);
    }
    if (skip > 0) {
      const n = await count(tx, `${COUNT} FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id ${clause(w)}`, p);
      if (skip >= n) {
        skip -= n;
        continue;
      }
    }
    const paging = Number.isFinite(wanted) ? ` LIMIT ${wanted}${skip ? ` OFFSET ${skip}` : ''}` : '';
    const got = await tx.all<ListRow & { dossier_created_at: string }>(`${select} ${clause(w)} ORDER BY d.created_at ${dir}, d.id ${dir}${paging}`, p);
    skip = 0;
    rows.push(...got);
    wanted -= got.length;
    if (wanted <= 0) break;
  }
  return { rows, keyOf: (r: ListRow) => [Number(r.phase_order), (r as ListRow & { dossier_created_at: string }).dossier_created_at] };
}

export const ComplianceRepository = {
  // -------------------------------------------------------------------------------------------
  // The portfolio (the hot path)
  // -------------------------------------------------------------------------------------------

  /** One page of the portfolio after `after` (keyset) or from `offset`, with how to make a cursor of a row. */
  page(tx: Tx, f: ComplianceListFilter, today: string, after: ListPosition | null): Promise<{ rows: ListRow[]; keyOf: (r: ListRow) => CursorValue[] }> {
    return f.sort === 'phase' ? pageByPhase(tx, f, today, after) : pageByColumn(tx, f, today, after);
  },

  /** Every row matching the filters. A phase filter counts over the dossier table's state index (one phase's entries). */
  count(tx: Tx, f: Omit<ComplianceListFilter, 'sort' | 'desc' | 'limit' | 'offset'>, today: string): Promise<number> {
    const { where, params } = listConditions({ ...f, sort: 'phase', desc: false, limit: null }, today);
    return f.phase
      ? count(tx, `${COUNT} FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id ${clause(['d.state = ?', ...where])}`, [f.phase, ...params])
      : count(tx, `${COUNT} FROM dossier_compliance c ${clause(where)}`, params);
  },

  /** Open timers past their end, of these dossiers (all of them when the list is long: one scan beats a long IN list). */
  overdueTimers(tx: Tx, ids: string[], today: string): Promise<Array<{ dossier_id: string; timer_key: string; timer_id: string; computed_end: string }>> {
    const base = "SELECT dossier_id, timer_key, timer_id, computed_end FROM dossier_timer WHERE status = 'open' AND computed_end < ?";
    return ids.length <= 500
      ? tx.all(`${base} AND dossier_id IN (${ids.map(() => '?').join(', ')}) ORDER BY computed_end, timer_key`, [today, ...ids])
      : tx.all(`${base} ORDER BY computed_end, timer_key`, [today]);
  },

  // -------------------------------------------------------------------------------------------
  // Drill-downs
  // -------------------------------------------------------------------------------------------

  /** The waiver register, newest request first; `from`/`to` are instants (start of day, start of the day after). */
  async waivers(
    tx: Tx,
    q: { status?: string; reasonCode?: string; requirementId?: string; dossierId?: string; fromInstant?: string; beforeInstant?: string } & Paging,
  ): Promise<{ rows: WaiverListRow[]; total: number }> {
    const { where, params, add } = conditions();
    if (q.status) add('w.status = ?', q.status);
    if (q.reasonCode) add('w.reason_code = ?', q.reasonCode);
    if (q.requirementId) add('w.requirement_id = ?', q.requirementId);
    if (q.dossierId) add('w.dossier_id = ?', q.dossierId);
    if (q.fromInstant) add('w.requested_at >= ?', q.fromInstant);
    if (q.beforeInstant) add('w.requested_at < ?', q.beforeInstant);
    const rows = await tx.all<WaiverListRow>(
      `SELECT w.*, c.title, c.phase, c.workflow_id, c.workflow_version, ru.name AS requested_by_name, du.name AS decided_by_name, au.name AS approver_name
       FROM waiver w JOIN dossier_compliance c ON c.dossier_id = w.dossier_id
       LEFT JOIN app_user ru ON ru.id = w.requested_by LEFT JOIN app_user du ON du.id = w.decided_by LEFT JOIN app_user au ON au.id = w.approver_id
       ${clause(where)} ORDER BY w.requested_at DESC, w.id${pagingSql(q)}`,
      params,
    );
    return { rows, total: await count(tx, `${COUNT} FROM waiver w ${clause(where)}`, params) };
  },

  /** Legal timers: overdue first, then by end date. */
  async timers(
    tx: Tx,
    q: { status: 'open' | 'running' | 'overdue' | 'closed' | 'all'; timerId?: string; dossierId?: string } & Paging,
    today: string,
  ): Promise<{ rows: TimerListRow[]; total: number }> {
    const { where, params, add } = conditions();
    if (q.status === 'open') add("t.status = 'open'");
    if (q.status === 'running') add("t.status = 'open' AND t.computed_end >= ?", today);
    if (q.status === 'overdue') add("t.status = 'open' AND t.computed_end < ?", today);
    if (q.status === 'closed') add("t.status = 'closed'");
    if (q.timerId) add('t.timer_id = ?', q.timerId);
    if (q.dossierId) add('t.dossier_id = ?', q.dossierId);
    const rows = await tx.all<TimerListRow>(
      `SELECT t.*, c.title, c.phase, e.recorded_at AS expiry_recorded_at, e.expired_on, e.audit_event_id
       FROM dossier_timer t JOIN dossier_compliance c ON c.dossier_id = t.dossier_id LEFT JOIN timer_expiry e ON e.timer_key = t.timer_key
       ${clause(where)}
       ORDER BY CASE WHEN t.status = 'open' AND t.computed_end < ? THEN 0 WHEN t.status = 'open' THEN 1 ELSE 2 END, t.computed_end, t.timer_key${pagingSql(q)}`,
      [...params, today],
    );
    return { rows, total: await count(tx, `${COUNT} FROM dossier_timer t ${clause(where)}`, params) };
  },

  /** Startnotitie signals, one row per (signal, dossier): reclassifications first. */
  async startnotitie(tx: Tx, q: { issue?: StartnotitieIssue } & Paging): Promise<{ rows: StartnotitieRow[]; total: number }> {
    const cols = `c.dossier_id, c.title, c.phase, c.phase_order, c.strategisch, c.owner_id, c.entered_phase_on, c.startnotitie_adopted_on,
      c.startnotitie_sent_to_ps_on, c.startnotitie_committee_on, c.reclassifications`;
    const active = `c.phase_order <= ${phaseOrder('controle-evaluatie')}`;
    // Each issue: its rank in the list, and which dossiers have it. Bound parameters: true for strategisch.
    const parts: Record<StartnotitieIssue, string> = {
      'reclassified-to-non-strategic': `SELECT 0 AS issue_rank, ${cols} FROM dossier_compliance c WHERE c.reclassified_count > 0`,
      'startnotitie-missing': `SELECT 1 AS issue_rank, ${cols} FROM dossier_compliance c WHERE c.strategisch = ? AND c.startnotitie_adopted_on IS NULL AND ${active}`,
      'not-sent-to-ps': `SELECT 2 AS issue_rank, ${cols} FROM dossier_compliance c WHERE c.startnotitie_adopted_on IS NOT NULL AND c.startnotitie_sent_to_ps_on IS NULL AND ${active}`,
      // Residents can speak on a startnotitie while the dossier is still being prepared.
      'not-on-committee-agenda': `SELECT 3 AS issue_rank, ${cols} FROM dossier_compliance c WHERE c.strategisch = ? AND c.startnotitie_adopted_on IS NOT NULL AND c.startnotitie_committee_on IS NULL AND c.phase_order <= ${phaseOrder('voorbereiding-beleid')}`,
    };
    const chosen = q.issue ? [q.issue] : [...STARTNOTITIE_ISSUES];
    const union = chosen.map((i) => parts[i]).join(' UNION ALL ');
    const params: Param[] = chosen.flatMap((i) => (i === 'startnotitie-missing' || i === 'not-on-committee-agenda' ? [true] : []));
    // SQLite returns the boolean as 0/1, PostgreSQL as a boolean; the literal rank is an integer in both.
    const rows = await tx.all<Omit<StartnotitieRow, 'issue' | 'strategisch'> & { issue_rank: number; strategisch: number | boolean | null }>(
      `SELECT * FROM (${union}) x ORDER BY issue_rank, phase_order, entered_phase_on, dossier_id${pagingSql(q)}`,
      params,
    );
    return {
      rows: rows.map(({ issue_rank, strategisch, ...r }) => ({ ...r, issue: STARTNOTITIE_ISSUES[issue_rank], strategisch: strategisch === null ? null : strategisch === true || strategisch === 1 })),
      total: await count(tx, `${COUNT} FROM (${union}) x`, params),
    };
  },

  /** Planned versus realised participation, per dossier in the kader's phase order. */
  async participation(
    tx: Tx,
    q: { phase?: DossierState; dossierId?: string; hasGaps?: boolean } & Paging,
  ): Promise<{ rows: Array<Pick<DossierComplianceEntity, 'dossierId' | 'title' | 'phase' | 'ownerId' | 'participation'>>; total: number }> {
    const qb = tx.em.createQueryBuilder(DossierComplianceEntity, 'c').select(['c.dossierId', 'c.title', 'c.phase', 'c.ownerId', 'c.participation']);
    if (q.phase) qb.andWhere('c.phaseOrder = :order', { order: phaseOrder(q.phase) });
    if (q.dossierId) qb.andWhere('c.dossierId = :id', { id: q.dossierId });
    if (q.hasGaps !== undefined) qb.andWhere(q.hasGaps ? 'c.participationGaps > 0' : 'c.participationGaps = 0');
    const total = await qb.getCount();
    qb.orderBy('c.phaseOrder').addOrderBy('c.enteredPhaseOn').addOrderBy('c.dossierId');
    if (q.limit !== null) qb.limit(q.limit).offset(q.offset);
    return { rows: await qb.getMany(), total };
  },

  // -------------------------------------------------------------------------------------------
  // Summary for a PS report
  // -------------------------------------------------------------------------------------------

  /** Per phase: dossiers, blocked, needing explanations, with an overdue timer, strategic. */
  phaseCounts(tx: Tx, today: string): Promise<PhaseCountRow[]> {
    return tx.all<PhaseCountRow>(
      `SELECT phase, CAST(COUNT(*) AS INTEGER) AS total,
         CAST(SUM(CASE WHEN next_to IS NOT NULL AND hard_open_count > 0 THEN 1 ELSE 0 END) AS INTEGER) AS blocked,
         CAST(SUM(CASE WHEN next_to IS NOT NULL AND hard_open_count = 0 AND advisory_open_count > 0 THEN 1 ELSE 0 END) AS INTEGER) AS explain,
         CAST(SUM(CASE WHEN next_deadline < ? THEN 1 ELSE 0 END) AS INTEGER) AS overdue,
         CAST(SUM(CASE WHEN strategisch = ? THEN 1 ELSE 0 END) AS INTEGER) AS strat
       FROM dossier_compliance GROUP BY phase`,
      [today, true],
    );
  },

  /** Waivers used in [fromInstant, beforeInstant), the first `limit` of them, and how many there are. */
  async usedWaivers(tx: Tx, fromInstant: string, beforeInstant: string, limit: number): Promise<{ rows: Array<WaiverDbRow & { title: string }>; count: number }> {
    const where = "w.status = 'used' AND w.used_at >= ? AND w.used_at < ?";
    const rows = await tx.all<WaiverDbRow & { title: string }>(
      `SELECT w.*, c.title FROM waiver w JOIN dossier_compliance c ON c.dossier_id = w.dossier_id WHERE ${where} ORDER BY w.used_at, w.id LIMIT ${limit}`,
      [fromInstant, beforeInstant],
    );
    return { rows, count: await count(tx, `${COUNT} FROM waiver w WHERE ${where}`, [fromInstant, beforeInstant]) };
  },

  /**
   * Straight from the audit trail: every transition.done of the period (the action index, then the date), with the
   * explanations it stored. A report reads this a few times a quarter; the transitions themselves stay lean.
   */
  transitionsDone(
    tx: Tx,
    fromInstant: string,
    beforeInstant: string,
  ): Promise<Array<{ dossier_id: string; occurred_at: string; actor_id: string; content: string; title: string; workflow_id: string; workflow_version: string }>> {
    return tx.all(
      `SELECT a.dossier_id, a.occurred_at, a.actor_id, a.content, c.title, c.workflow_id, c.workflow_version
       FROM audit_event a JOIN dossier_compliance c ON c.dossier_id = a.dossier_id
       WHERE a.action = 'transition.done' AND a.occurred_at >= ? AND a.occurred_at < ? ORDER BY a.seq`,
      [fromInstant, beforeInstant],
    );
  },

  /** Open timers overdue today whose end lies in [from, to] (calendar dates), the first `limit`, and how many. */
  async overdueInPeriod(tx: Tx, today: string, from: string, to: string, limit: number): Promise<{ rows: Array<TimerDbRow & { title: string }>; count: number }> {
    const where = "t.status = 'open' AND t.computed_end < ? AND t.computed_end >= ? AND t.computed_end <= ?";
    const rows = await tx.all<TimerDbRow & { title: string }>(
      `SELECT t.*, c.title FROM dossier_timer t JOIN dossier_compliance c ON c.dossier_id = t.dossier_id WHERE ${where} ORDER BY t.computed_end, t.timer_key LIMIT ${limit}`,
      [today, from, to],
    );
    return { rows, count: await count(tx, `${COUNT} FROM dossier_timer t WHERE ${where}`, [today, from, to]) };
  },

  /** Dossiers ever reclassified from strategic to non-strategic, in the order of their last reclassification. */
  reclassified(tx: Tx): Promise<Array<Pick<DossierComplianceEntity, 'dossierId' | 'title' | 'phase' | 'reclassifications'>>> {
    return tx.em.find(DossierComplianceEntity, {
      select: { dossierId: true, title: true, phase: true, reclassifications: true },
      where: { reclassifiedCount: MoreThan(0) },
      order: { lastReclassifiedOn: 'ASC', dossierId: 'ASC' },
    });
  },

  // -------------------------------------------------------------------------------------------
  // The timer job
  // -------------------------------------------------------------------------------------------

  /** Up to `n` dossiers without a projection row (created before the projection existed), by id. */
  async unprojected(tx: Tx, n: number): Promise<string[]> {
    const rows = await tx.em
      .createQueryBuilder(DossierEntity, 'd')
      .select('d.id', 'id')
      .leftJoin(DossierComplianceEntity, 'c', 'c.dossierId = d.id')
      .where('c.dossierId IS NULL')
      .orderBy('d.id')
      .limit(n)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  },

  hasRow(tx: Tx, dossierId: string): Promise<boolean> {
    return tx.em.existsBy(DossierComplianceEntity, { dossierId });
  },

  /** Up to `n` open timers past their end (`computed_end < today`) with no recorded expiry, by end date. */
  dueTimers(tx: Tx, today: string, n: number): Promise<DossierTimerEntity[]> {
    return tx.em
      .createQueryBuilder(DossierTimerEntity, 't')
      .leftJoin(TimerExpiryEntity, 'e', 'e.timerKey = t.timerKey')
      .where("t.status = 'open'")
      .andWhere('t.computedEnd < :today', { today })
      .andWhere('e.timerKey IS NULL')
      .orderBy('t.computedEnd')
      .addOrderBy('t.timerKey')
      .limit(n)
      .getMany();
  },

  async timer(tx: Tx, key: string) {
    const t = await tx.em.findOneBy(DossierTimerEntity, { timerKey: key });
    return t ? fromTimerRow(toTimerDbRow(t)) : null;
  },

  /**
   * Record the expiry of a timer, insert-if-absent on its key: false when it was recorded already (by another
   * instance). Hand-written for `ON CONFLICT … DO NOTHING RETURNING`, which both databases answer alike.
   */
  async claimExpiry(
    tx: Tx,
    t: { key: string; dossierId: string; timerId: string; start: string; computedEnd: string; basis: string; calendarRuleVersion: string },
    expiredOn: string,
    recordedAt: string,
  ): Promise<boolean> {
    const claimed = await tx.get(
      `INSERT INTO timer_expiry (timer_key, dossier_id, timer_id, start_on, computed_end, basis, calendar_rule_version, expired_on, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (timer_key) DO NOTHING RETURNING timer_key`,
      [t.key, t.dossierId, t.timerId, t.start, t.computedEnd, t.basis, t.calendarRuleVersion, expiredOn, recordedAt],
    );
    return claimed !== undefined;
  },

  async linkExpiryEvent(tx: Tx, timerKey: string, auditEventId: string): Promise<void> {
    await tx.em.update(TimerExpiryEntity, { timerKey }, { auditEventId });
  },

  /** Up to `n` rows of active dossiers (up to controle-evaluatie) last projected before `today`. */
  async staleRows(tx: Tx, today: string, n: number): Promise<string[]> {
    const rows = await tx.em.find(DossierComplianceEntity, {
      select: { dossierId: true },
      where: { projectedOn: LessThan(today), phaseOrder: LessThanOrEqual(phaseOrder('controle-evaluatie')) },
      take: n,
    });
    return rows.map((r) => r.dossierId);
  },
};

function toTimerDbRow(t: DossierTimerEntity): TimerDbRow {
  return {
    timer_key: t.timerKey,
    dossier_id: t.dossierId,
    timer_id: t.timerId,
    source_id: t.sourceId,
    start_on: t.startOn,
    computed_end: t.computedEnd,
    basis: t.basis,
    calendar_rule_version: t.calendarRuleVersion,
    extended_by: t.extendedBy,
    status: t.status as TimerDbRow['status'],
    closed_reason: t.closedReason,
    details: t.details,
  };
}

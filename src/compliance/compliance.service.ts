import { Inject, Injectable } from '@nestjs/common';
import { addDays, daysBetween, toUtcMidnight } from '../../workflows/dates';
import { DossierState } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { TIMERS } from '../../workflows/drenthe-verbindend-besturen/timers';
import { WorkflowRegistry } from '../../workflows/registry';
import { Text } from '../../workflows/requirement';
import { DomainError } from '../common';
import { Db, Param, Tx } from '../database';
import { ALL_STATES, ComplianceDbRow, fromDbRow, fromTimerRow, MatrixEntry, ParticipationComparison, phaseLabel, phaseOrder, Reclassification, TimerDbRow, WaiverRow } from '../dossiers';

/** A `waiver` row as a raw read returns it. */
type WaiverDbRow = {
  id: string; dossier_id: string; requirement_id: string; reason_code: string; motivation: string; requested_by: string; requested_at: string;
  approver_id: string | null; status: WaiverRow['status']; decided_by: string | null; decided_at: string | null; decision_note: string | null;
  used_at: string | null; used_by_event: string | null;
};

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

export interface IdList {
  count: number;
  ids: string[];
}

export interface OverdueTimerRef {
  key: string;
  timerId: string;
  computedEnd: string;
  daysOverdue: number;
}

/** One row of `GET /api/v1/compliance`. */
export interface ComplianceItem {
  dossierId: string;
  title: string;
  phase: DossierState;
  phaseLabel: Text;
  enteredPhaseOn: string;
  daysInPhase: number;
  besluitvormer: string | null;
  strategisch: boolean | null;
  owner: { id: string; name: string | null } | null;
  workflow: { id: string; version: string };
  dossierVersion: number;
  /** The next ADVANCE: open hard and advisory requirements, waived ones and the full matrix (null in a final state). */
  next: { to: DossierState; hardOpen: IdList; advisoryOpen: IdList; waived: string[]; matrix: MatrixEntry[] } | null;
  waivers: { pending: IdList; used: IdList };
  /** Advisory requirements passed with only an explanation at earlier transitions (each time counted). */
  advisoriesExplained: number;
  timers: { open: number; nextDeadline: string | null; overdue: { count: number; items: OverdueTimerRef[] } };
  startnotitie: { adoptedOn: string | null; sentToPsOn: string | null; committeeOn: string | null };
  reclassifiedToNonStrategic: { count: number; lastOn: string | null };
  participation: { planned: number; realised: number; gaps: number };
  projectedAt: string;
}

export interface CompliancePage {
  items: ComplianceItem[];
  /** Rows matching the filters, when asked for (`withTotal`); null otherwise. */
  total: number | null;
  limit: number | null;
  offset: number | null;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The date "days in phase" and "overdue" were computed for (Europe/Amsterdam). */
  today: string;
}

export const SORT_FIELDS = [
  'phase',
  'daysInPhase',
  'title',
  'besluitvormer',
  'strategisch',
  'owner',
  'hardOpen',
  'advisoryOpen',
  'advisoriesExplained',
  'nextDeadline',
  'updatedAt',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/**
 * Sortable columns, each with the dossier id as the tie-breaker. `phase` (the default: phase, then oldest dossier
 * first), `nextDeadline`, `title`, `besluitvormer`, `strategisch` and `owner` are served by an index, so a page is an
 * index walk whatever the number of dossiers; the columns that change with nearly every transition (daysInPhase,
 * counts, updatedAt) are not indexed — to keep the transition's write small — and sort the matching rows (a few
 * milliseconds at ten thousand). `invert`: the column runs opposite to the field.
 */
const SORT_COLUMNS: Record<SortField, { cols: string[]; types: Array<'string' | 'number' | 'boolean'>; invert?: boolean }> = {
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

export interface ComplianceListQuery {
  phase?: DossierState;
  besluitvormer?: string;
  strategisch?: boolean;
  owner?: string;
  hasOverdue?: boolean;
  hasOpenHard?: boolean;
  /** Only dossiers under this version of their workflow (issue #16). */
  workflowVersion?: string;
  /** Count the matching rows too (costs a pass over them: not by default). */
  withTotal?: boolean;
  sort: SortField;
  order: 'asc' | 'desc';
  /** Null: every matching row (the CSV export). */
  limit: number | null;
  offset?: number;
  cursor?: string;
}

type CursorValue = string | number | boolean | null;
interface Cursor {
  s: SortField;
  o: 'asc' | 'desc';
  v: CursorValue[];
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string, sort: SortField, order: 'asc' | 'desc'): Cursor {
  const bad = (message: string) => DomainError.validation([{ field: 'query.cursor', message }]);
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw bad('is not a cursor of this list');
  }
  const types = SORT_COLUMNS[sort].types;
  if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || !Array.isArray(c.v) || c.v.length !== types.length)
    throw bad('is not a cursor of this list');
  if (c.s !== sort || c.o !== order) throw bad(`belongs to sort=${String(c.s)}&order=${String(c.o)}; repeat that sort or start without a cursor`);
  // Values go into SQL as parameters of the sort columns' types (a PostgreSQL type error would otherwise be a 500).
  const v = c.v.map((x, i) => (types[i] === 'boolean' && (x === 0 || x === 1) ? x === 1 : x));
  if (!v.every((x, i) => typeof x === types[i] && (typeof x !== 'number' || Number.isSafeInteger(x)))) throw bad('is not a cursor of this list');
  return { ...c, v };
}

/** The first instant of a calendar date in Europe/Amsterdam, as UTC ISO (CEST is +2, CET +1). */
export function amsterdamStartOfDay(date: string): string {
  const base = toUtcMidnight(date);
  for (const hours of [2, 1]) {
    const t = new Date(base - hours * 3_600_000);
    if (amsterdamDate(t) === date) return t.toISOString();
  }
  return new Date(base).toISOString();
}

const list = (ids: string): IdList => {
  const parsed = JSON.parse(ids) as string[];
  return { count: parsed.length, ids: parsed };
};

const clause = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');

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

type ListRow = ComplianceDbRow & { owner_name: string | null };

// ---------------------------------------------------------------------------------------------
// Drill-downs
// ---------------------------------------------------------------------------------------------

export interface WaiverRegisterItem {
  id: string;
  dossierId: string;
  title: string;
  phase: DossierState;
  requirementId: string;
  requirementLabel: Text | null;
  reasonCode: string;
  motivation: string;
  status: WaiverRow['status'];
  requestedBy: { id: string; name: string | null };
  requestedAt: string;
  namedApprover: { id: string; name: string | null } | null;
  decidedBy: { id: string; name: string | null } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  usedAt: string | null;
  usedByEvent: string | null;
}

export interface TimerItem {
  key: string;
  dossierId: string;
  title: string;
  phase: DossierState;
  timerId: string;
  name: Text;
  start: string;
  computedEnd: string;
  basis: string;
  calendarRuleVersion: string;
  extendedBy: string[];
  /** `running` (open, end not passed), `overdue` (open, end passed), `closed` (follow-up done). */
  status: 'running' | 'overdue' | 'closed';
  closedReason: string | null;
  /** Days from today to the last day: 0 on the last day, negative once overdue; null when closed. */
  daysLeft: number | null;
  details: Record<string, unknown>;
  /** When the timer job recorded `timer.expired` for it. */
  expiry: { recordedAt: string; expiredOn: string; auditEventId: string | null } | null;
}

export const STARTNOTITIE_ISSUES = ['reclassified-to-non-strategic', 'startnotitie-missing', 'not-sent-to-ps', 'not-on-committee-agenda'] as const;
export type StartnotitieIssue = (typeof STARTNOTITIE_ISSUES)[number];

export interface StartnotitieItem {
  issue: StartnotitieIssue;
  dossierId: string;
  title: string;
  phase: DossierState;
  strategisch: boolean | null;
  ownerId: string | null;
  enteredPhaseOn: string;
  daysInPhase: number;
  startnotitie: { adoptedOn: string | null; sentToPsOn: string | null; committeeOn: string | null };
  reclassifications: Reclassification[];
}

export interface ParticipationItem {
  dossierId: string;
  title: string;
  phase: DossierState;
  ownerId: string | null;
  comparison: ParticipationComparison;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number | null;
  offset: number;
  today: string;
}

export interface SummaryCounts {
  phase: DossierState;
  total: number;
  /** Hard requirements of the next ADVANCE open (no approved waiver). */
  blocked: number;
  /** Only advisory requirements open: ADVANCE needs explanations. */
  needsExplanation: number;
  /** Nothing open. */
  ready: number;
  /** With at least one overdue timer. */
  withOverdueTimers: number;
  strategisch: number;
}

export interface ExceptionList<T> {
  count: number;
  truncated: boolean;
  items: T[];
}

export interface ComplianceSummary {
  period: { from: string; to: string };
  today: string;
  /** A snapshot at request time (the auditor's as-of views reconstruct past states). */
  counts: SummaryCounts[];
  totals: Omit<SummaryCounts, 'phase'>;
  exceptions: {
    waiversUsed: ExceptionList<{ waiverId: string; dossierId: string; title: string; requirementId: string; reasonCode: string; motivation: string; requestedBy: string; decidedBy: string | null; usedAt: string }>;
    advisoriesExplained: ExceptionList<{ dossierId: string; title: string; requirementId: string; requirementLabel: Text | null; event: string; from: string; to: string; explainedOn: string; explanation: string; actorId: string }>;
    overdueTimers: ExceptionList<{ dossierId: string; title: string; timerId: string; start: string; computedEnd: string; daysOverdue: number; basis: string }>;
    reclassifications: ExceptionList<Reclassification & { dossierId: string; title: string; phase: DossierState }>;
  };
}

/** The read side of the griffie's compliance views: plain SQL on the projection, relative values computed for `today`. */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
  ) {}

  private requirementLabel(workflow: { id: string; version: string } | null, id: string): Text | null {
    const def = (workflow && this.registry.get(workflow)?.definition) ?? this.registry.list()[0]?.definition;
    return def?.requirements.find((r) => r.id === id)?.label ?? null;
  }

  // -------------------------------------------------------------------------------------------
  // The portfolio
  // -------------------------------------------------------------------------------------------

  async list(q: ComplianceListQuery, today: string): Promise<CompliancePage> {
    if (q.cursor !== undefined && q.offset !== undefined) throw DomainError.validation([{ field: 'query.cursor', message: 'cannot be combined with offset' }]);
    const cursor = q.cursor !== undefined ? decodeCursor(q.cursor, q.sort, q.order) : null;
    const { where, params, add } = conditions();
    if (q.besluitvormer) add('c.besluitvormer = ?', q.besluitvormer);
    if (q.strategisch !== undefined) add('c.strategisch = ?', q.strategisch);
    if (q.owner) add('c.owner_id = ?', q.owner);
    if (q.hasOverdue !== undefined) add(q.hasOverdue ? 'c.next_deadline < ?' : 'c.next_deadline >= ?', today);
    if (q.hasOpenHard !== undefined) add(q.hasOpenHard ? 'c.hard_open_count > 0' : 'c.hard_open_count = 0');
    if (q.workflowVersion) add('c.workflow_version = ?', q.workflowVersion);
    const desc = (q.order === 'desc') !== (SORT_COLUMNS[q.sort].invert === true);
    const limit = q.limit;

    return this.db.read(async (tx) => {
      const found =
        q.sort === 'phase'
          ? await this.pageByPhase(tx, q, where, params, desc, cursor)
          : await this.pageByColumn(tx, q, where, params, desc, cursor);
      const rows = found.rows;
      const more = limit !== null && rows.length > limit;
      if (more) rows.pop();
      // Counting the matches grows with the number of dossiers, so only on request. A phase filter counts over the
      // dossier table's state index (one phase's entries, not every row).
      const total = !q.withTotal
        ? null
        : limit === null && cursor === null
          ? rows.length
          : q.phase
            ? Number(
                (await tx.get<{ n: number | string }>(
                  `SELECT COUNT(*) AS n FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id ${clause(['d.state = ?', ...where])}`,
                  [q.phase, ...params],
                ))!.n,
              )
            : Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dossier_compliance c ${clause(where)}`, params))!.n);
      const overdue = await this.overdueTimers(tx, rows.map((r) => r.dossier_id), today);
      const last = rows.at(-1);
      const nextCursor = more && last ? encodeCursor({ s: q.sort, o: q.order, v: found.keyOf(last), id: last.dossier_id }) : null;
      return {
        items: rows.map((r) => this.item(r, overdue.get(r.dossier_id) ?? [], today)),
        total,
        limit,
        offset: cursor ? null : (q.offset ?? 0),
        nextCursor,
        today,
      };
    });
  }

  /** Any sort but phase: one query on dossier_compliance, keyset on (sort columns, dossier_id). */
  private async pageByColumn(tx: Tx, q: ComplianceListQuery, where: string[], params: Param[], desc: boolean, cursor: Cursor | null) {
    const sort = SORT_COLUMNS[q.sort];
    const keyCols = [...sort.cols.map((c) => `c.${c}`), 'c.dossier_id'];
    const w = q.phase ? [...where, 'c.phase = ?'] : [...where];
    const p = q.phase ? [...params, q.phase] : [...params];
    if (cursor) {
      w.push(`(${keyCols.join(', ')}) ${desc ? '<' : '>'} (${keyCols.map(() => '?').join(', ')})`);
      p.push(...cursor.v, cursor.id);
    }
    const dir = desc ? 'DESC' : 'ASC';
    const paging = q.limit === null ? '' : ` LIMIT ${q.limit + 1}${q.offset ? ` OFFSET ${q.offset}` : ''}`;
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
  private async pageByPhase(tx: Tx, q: ComplianceListQuery, where: string[], params: Param[], desc: boolean, cursor: Cursor | null) {
    const states = (q.phase ? [q.phase] : [...ALL_STATES]).sort((a, b) => (desc ? phaseOrder(b) - phaseOrder(a) : phaseOrder(a) - phaseOrder(b)));
    const dir = desc ? 'DESC' : 'ASC';
    const select = `SELECT c.*, d.created_at AS dossier_created_at, u.name AS owner_name
      FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id LEFT JOIN app_user u ON u.id = c.owner_id`;
    const rows: (ListRow & { dossier_created_at: string })[] = [];
    let wanted = q.limit === null ? Number.POSITIVE_INFINITY : q.limit + 1;
    let skip = q.offset ?? 0;
    for (const state of states) {
      const order = phaseOrder(state);
      if (cursor && (desc ? order > Number(cursor.v[0]) : order < Number(cursor.v[0]))) continue;
      const w = ['d.state = ?', ...where];
      const p: Param[] = [state, ...params];
      if (cursor && order === Number(cursor.v[0])) {
        w.push(`(d.created_at, d.id) ${desc ? '<' : '>'} (?, ?)`);
        p.push(cursor.v[1], cursor.id);
      }
      if (skip > 0) {
        const n = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dossier d JOIN dossier_compliance c ON c.dossier_id = d.id ${clause(w)}`, p))!.n);
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

  /** Overdue timers of these dossiers (all of them when the list is long: one scan beats a long IN list). */
  private async overdueTimers(tx: Tx, ids: string[], today: string): Promise<Map<string, OverdueTimerRef[]>> {
    const out = new Map<string, OverdueTimerRef[]>();
    if (!ids.length) return out;
    const base = "SELECT dossier_id, timer_key, timer_id, computed_end FROM dossier_timer WHERE status = 'open' AND computed_end < ?";
    const rows =
      ids.length <= 500
        ? await tx.all<{ dossier_id: string; timer_key: string; timer_id: string; computed_end: string }>(
            `${base} AND dossier_id IN (${ids.map(() => '?').join(', ')}) ORDER BY computed_end, timer_key`,
            [today, ...ids],
          )
        : await tx.all<{ dossier_id: string; timer_key: string; timer_id: string; computed_end: string }>(`${base} ORDER BY computed_end, timer_key`, [today]);
    for (const r of rows) {
      const entry = { key: r.timer_key, timerId: r.timer_id, computedEnd: r.computed_end, daysOverdue: daysBetween(r.computed_end, today) };
      const xs = out.get(r.dossier_id);
      if (xs) xs.push(entry);
      else out.set(r.dossier_id, [entry]);
    }
    return out;
  }

  private item(r: ListRow, overdue: OverdueTimerRef[], today: string): ComplianceItem {
    const c = fromDbRow(r);
    return {
      dossierId: c.dossierId,
      title: c.title,
      phase: c.phase,
      phaseLabel: phaseLabel(c.phase),
      enteredPhaseOn: c.enteredPhaseOn,
      daysInPhase: daysBetween(c.enteredPhaseOn, today),
      besluitvormer: c.besluitvormer,
      strategisch: c.strategisch,
      owner: c.ownerId ? { id: c.ownerId, name: r.owner_name } : null,
      workflow: { id: c.workflowId, version: c.workflowVersion },
      dossierVersion: c.dossierVersion,
      next: c.nextTo
        ? {
            to: c.nextTo,
            hardOpen: list(r.hard_open_ids),
            advisoryOpen: list(r.advisory_open_ids),
            waived: c.waivedIds,
            matrix: c.matrix,
          }
        : null,
      waivers: { pending: list(r.waivers_pending_ids), used: list(r.waivers_used_ids) },
      advisoriesExplained: c.advisoriesExplained,
      timers: { open: c.openTimers, nextDeadline: c.nextDeadline, overdue: { count: overdue.length, items: overdue } },
      startnotitie: { adoptedOn: c.startnotitieAdoptedOn, sentToPsOn: c.startnotitieSentToPsOn, committeeOn: c.startnotitieCommitteeOn },
      reclassifiedToNonStrategic: { count: c.reclassifications.length, lastOn: r.last_reclassified_on },
      participation: { planned: c.participation.planned, realised: c.participation.realised, gaps: c.participation.gaps },
      projectedAt: c.projectedAt,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Waiver register
  // -------------------------------------------------------------------------------------------

  async waivers(
    q: { status?: string; reasonCode?: string; requirementId?: string; dossierId?: string; from?: string; to?: string; limit: number | null; offset: number },
    today: string,
  ): Promise<Page<WaiverRegisterItem>> {
    const { where, params, add } = conditions();
    if (q.status) add('w.status = ?', q.status);
    if (q.reasonCode) add('w.reason_code = ?', q.reasonCode);
    if (q.requirementId) add('w.requirement_id = ?', q.requirementId);
    if (q.dossierId) add('w.dossier_id = ?', q.dossierId);
    if (q.from) add('w.requested_at >= ?', amsterdamStartOfDay(q.from));
    if (q.to) add('w.requested_at < ?', amsterdamStartOfDay(addDays(q.to, 1)));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const paging = q.limit === null ? '' : ` LIMIT ${q.limit} OFFSET ${q.offset}`;
    type Row = WaiverDbRow & { title: string; phase: DossierState; workflow_id: string; workflow_version: string; requested_by_name: string | null; decided_by_name: string | null; approver_name: string | null };
    return this.db.read(async (tx) => {
      const rows = await tx.all<Row>(
        `SELECT w.*, c.title, c.phase, c.workflow_id, c.workflow_version, ru.name AS requested_by_name, du.name AS decided_by_name, au.name AS approver_name
         FROM waiver w JOIN dossier_compliance c ON c.dossier_id = w.dossier_id
         LEFT JOIN app_user ru ON ru.id = w.requested_by LEFT JOIN app_user du ON du.id = w.decided_by LEFT JOIN app_user au ON au.id = w.approver_id
         ${clause} ORDER BY w.requested_at DESC, w.id${paging}`,
        params,
      );
      const total = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM waiver w ${clause}`, params))!.n);
      return {
        items: rows.map((w) => ({
          id: w.id,
          dossierId: w.dossier_id,
          title: w.title,
          phase: w.phase,
          requirementId: w.requirement_id,
          requirementLabel: this.requirementLabel({ id: w.workflow_id, version: w.workflow_version }, w.requirement_id),
          reasonCode: w.reason_code,
          motivation: w.motivation,
          status: w.status,
          requestedBy: { id: w.requested_by, name: w.requested_by_name },
          requestedAt: w.requested_at,
          namedApprover: w.approver_id ? { id: w.approver_id, name: w.approver_name } : null,
          decidedBy: w.decided_by ? { id: w.decided_by, name: w.decided_by_name } : null,
          decidedAt: w.decided_at,
          decisionNote: w.decision_note,
          usedAt: w.used_at,
          usedByEvent: w.used_by_event,
        })),
        total,
        limit: q.limit,
        offset: q.offset,
        today,
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Legal timers
  // -------------------------------------------------------------------------------------------

  async timers(
    q: { status: 'open' | 'running' | 'overdue' | 'closed' | 'all'; timerId?: string; dossierId?: string; limit: number | null; offset: number },
    today: string,
  ): Promise<Page<TimerItem>> {
    const { where, params, add } = conditions();
    if (q.status === 'open') add("t.status = 'open'");
    if (q.status === 'running') add("t.status = 'open' AND t.computed_end >= ?", today);
    if (q.status === 'overdue') add("t.status = 'open' AND t.computed_end < ?", today);
    if (q.status === 'closed') add("t.status = 'closed'");
    if (q.timerId) add('t.timer_id = ?', q.timerId);
    if (q.dossierId) add('t.dossier_id = ?', q.dossierId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const paging = q.limit === null ? '' : ` LIMIT ${q.limit} OFFSET ${q.offset}`;
    type Row = TimerDbRow & { title: string; phase: DossierState; expiry_recorded_at: string | null; expired_on: string | null; audit_event_id: string | null };
    return this.db.read(async (tx) => {
      const rows = await tx.all<Row>(
        `SELECT t.*, c.title, c.phase, e.recorded_at AS expiry_recorded_at, e.expired_on, e.audit_event_id
         FROM dossier_timer t JOIN dossier_compliance c ON c.dossier_id = t.dossier_id LEFT JOIN timer_expiry e ON e.timer_key = t.timer_key
         ${clause}
         ORDER BY CASE WHEN t.status = 'open' AND t.computed_end < ? THEN 0 WHEN t.status = 'open' THEN 1 ELSE 2 END, t.computed_end, t.timer_key${paging}`,
        [...params, today],
      );
      const total = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dossier_timer t ${clause}`, params))!.n);
      return {
        items: rows.map((r) => {
          const t = fromTimerRow(r);
          const status = t.status === 'closed' ? 'closed' : t.computedEnd < today ? 'overdue' : 'running';
          return {
            key: t.key,
            dossierId: t.dossierId,
            title: r.title,
            phase: r.phase,
            timerId: t.timerId,
            name: TIMERS.find((d) => d.id === t.timerId)?.name ?? { nl: t.timerId, en: t.timerId },
            start: t.start,
            computedEnd: t.computedEnd,
            basis: t.basis,
            calendarRuleVersion: t.calendarRuleVersion,
            extendedBy: t.extendedBy,
            status,
            closedReason: t.closedReason,
            daysLeft: status === 'closed' ? null : daysBetween(today, t.computedEnd),
            details: t.details,
            expiry: r.expiry_recorded_at ? { recordedAt: r.expiry_recorded_at, expiredOn: r.expired_on!, auditEventId: r.audit_event_id } : null,
          };
        }),
        total,
        limit: q.limit,
        offset: q.offset,
        today,
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Startnotitie tracker
  // -------------------------------------------------------------------------------------------

  async startnotitie(q: { issue?: StartnotitieIssue; limit: number | null; offset: number }, today: string): Promise<Page<StartnotitieItem>> {
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
    const paging = q.limit === null ? '' : ` LIMIT ${q.limit} OFFSET ${q.offset}`;
    type Row = { issue_rank: number | string; dossier_id: string; title: string; phase: DossierState; strategisch: number | boolean | null; owner_id: string; entered_phase_on: string; startnotitie_adopted_on: string | null; startnotitie_sent_to_ps_on: string | null; startnotitie_committee_on: string | null; reclassifications: string };
    return this.db.read(async (tx) => {
      const rows = await tx.all<Row>(`SELECT * FROM (${union}) x ORDER BY issue_rank, phase_order, entered_phase_on, dossier_id${paging}`, params);
      const total = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${union}) x`, params))!.n);
      return {
        items: rows.map((r) => ({
          issue: STARTNOTITIE_ISSUES[Number(r.issue_rank)],
          dossierId: r.dossier_id,
          title: r.title,
          phase: r.phase,
          strategisch: r.strategisch === null ? null : r.strategisch === true || Number(r.strategisch) === 1,
          ownerId: r.owner_id || null,
          enteredPhaseOn: r.entered_phase_on,
          daysInPhase: daysBetween(r.entered_phase_on, today),
          startnotitie: { adoptedOn: r.startnotitie_adopted_on, sentToPsOn: r.startnotitie_sent_to_ps_on, committeeOn: r.startnotitie_committee_on },
          reclassifications: JSON.parse(r.reclassifications) as Reclassification[],
        })),
        total,
        limit: q.limit,
        offset: q.offset,
        today,
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Planned versus realised participation
  // -------------------------------------------------------------------------------------------

  async participation(
    q: { phase?: DossierState; dossierId?: string; hasGaps?: boolean; limit: number | null; offset: number },
    today: string,
  ): Promise<Page<ParticipationItem>> {
    const { where, params, add } = conditions();
    if (q.phase) add('c.phase_order = ?', phaseOrder(q.phase));
    if (q.dossierId) add('c.dossier_id = ?', q.dossierId);
    if (q.hasGaps !== undefined) add(q.hasGaps ? 'c.participation_gaps > 0' : 'c.participation_gaps = 0');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const paging = q.limit === null ? '' : ` LIMIT ${q.limit} OFFSET ${q.offset}`;
    return this.db.read(async (tx) => {
      const rows = await tx.all<{ dossier_id: string; title: string; phase: DossierState; owner_id: string; participation: string }>(
        `SELECT c.dossier_id, c.title, c.phase, c.owner_id, c.participation FROM dossier_compliance c ${clause}
         ORDER BY c.phase_order, c.entered_phase_on, c.dossier_id${paging}`,
        params,
      );
      const total = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dossier_compliance c ${clause}`, params))!.n);
      return {
        items: rows.map((r) => ({
          dossierId: r.dossier_id,
          title: r.title,
          phase: r.phase,
          ownerId: r.owner_id || null,
          comparison: JSON.parse(r.participation) as ParticipationComparison,
        })),
        total,
        limit: q.limit,
        offset: q.offset,
        today,
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Summary for a PS report
  // -------------------------------------------------------------------------------------------

  async summary(q: { from: string; to: string; maxItems: number }, today: string): Promise<ComplianceSummary> {
    if (q.from > q.to) throw DomainError.validation([{ field: 'query.to', message: `must not lie before from (${q.from})` }]);
    const fromInstant = amsterdamStartOfDay(q.from);
    const toInstant = amsterdamStartOfDay(addDays(q.to, 1));
    const cap = <T>(items: T[], count: number): ExceptionList<T> => ({ count, truncated: count > items.length, items });
    const limit = q.maxItems;
    return this.db.read(async (tx) => {
      const countRows = await tx.all<{ phase: DossierState; total: number | string; blocked: number | string; explain: number | string; overdue: number | string; strat: number | string }>(
        `SELECT phase, COUNT(*) AS total,
           SUM(CASE WHEN next_to IS NOT NULL AND hard_open_count > 0 THEN 1 ELSE 0 END) AS blocked,
           SUM(CASE WHEN next_to IS NOT NULL AND hard_open_count = 0 AND advisory_open_count > 0 THEN 1 ELSE 0 END) AS explain,
           SUM(CASE WHEN next_deadline < ? THEN 1 ELSE 0 END) AS overdue,
           SUM(CASE WHEN strategisch = ? THEN 1 ELSE 0 END) AS strat
         FROM dossier_compliance GROUP BY phase`,
        [today, true],
      );
      const counts: SummaryCounts[] = ALL_STATES.map((phase) => {
        const r = countRows.find((x) => x.phase === phase);
        const total = Number(r?.total ?? 0);
        const blocked = Number(r?.blocked ?? 0);
        const needsExplanation = Number(r?.explain ?? 0);
        const final = phaseOrder(phase) > phaseOrder('controle-evaluatie');
        return {
          phase,
          total,
          blocked,
          needsExplanation,
          ready: final ? 0 : total - blocked - needsExplanation,
          withOverdueTimers: Number(r?.overdue ?? 0),
          strategisch: Number(r?.strat ?? 0),
        };
      });
      const sum = (k: keyof Omit<SummaryCounts, 'phase'>) => counts.reduce((n, c) => n + c[k], 0);

      const waiverWhere = "w.status = 'used' AND w.used_at >= ? AND w.used_at < ?";
      const waiverRows = await tx.all<WaiverDbRow & { title: string }>(
        `SELECT w.*, c.title FROM waiver w JOIN dossier_compliance c ON c.dossier_id = w.dossier_id WHERE ${waiverWhere} ORDER BY w.used_at, w.id LIMIT ${limit}`,
        [fromInstant, toInstant],
      );
      const waiverCount = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM waiver w WHERE ${waiverWhere}`, [fromInstant, toInstant]))!.n);

      // Straight from the audit trail: every transition.done of the period (the action index, then the date), with the
      // explanations it stored. A report reads this a few times a quarter; the transitions themselves stay lean.
      const done = await tx.all<{ dossier_id: string; occurred_at: string; actor_id: string; content: string; title: string; workflow_id: string; workflow_version: string }>(
        `SELECT a.dossier_id, a.occurred_at, a.actor_id, a.content, c.title, c.workflow_id, c.workflow_version
         FROM audit_event a JOIN dossier_compliance c ON c.dossier_id = a.dossier_id
         WHERE a.action = 'transition.done' AND a.occurred_at >= ? AND a.occurred_at < ? ORDER BY a.seq`,
        [fromInstant, toInstant],
      );
      const explained = done.flatMap((e) => {
        const p = (JSON.parse(e.content) as { payload: { event: string; from: string; to: string; explanations?: Record<string, string> } }).payload;
        return Object.entries(p.explanations ?? {}).map(([requirementId, explanation]) => ({
          dossierId: e.dossier_id,
          title: e.title,
          requirementId,
          requirementLabel: this.requirementLabel({ id: e.workflow_id, version: e.workflow_version }, requirementId),
          event: p.event,
          from: p.from,
          to: p.to,
          explainedOn: amsterdamDate(e.occurred_at),
          explanation,
          actorId: e.actor_id,
        }));
      });
      const timerWhere = "t.status = 'open' AND t.computed_end < ? AND t.computed_end >= ? AND t.computed_end <= ?";
      const timerRows = await tx.all<TimerDbRow & { title: string }>(
        `SELECT t.*, c.title FROM dossier_timer t JOIN dossier_compliance c ON c.dossier_id = t.dossier_id WHERE ${timerWhere} ORDER BY t.computed_end, t.timer_key LIMIT ${limit}`,
        [today, q.from, q.to],
      );
      const timerCount = Number((await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dossier_timer t WHERE ${timerWhere}`, [today, q.from, q.to]))!.n);

      const reclassRows = await tx.all<{ dossier_id: string; title: string; phase: DossierState; reclassifications: string }>(
        'SELECT dossier_id, title, phase, reclassifications FROM dossier_compliance WHERE reclassified_count > 0 ORDER BY last_reclassified_on, dossier_id',
      );
      const reclassifications = reclassRows.flatMap((r) =>
        (JSON.parse(r.reclassifications) as Reclassification[])
          .filter((x) => x.recordedOn >= q.from && x.recordedOn <= q.to)
          .map((x) => ({ ...x, dossierId: r.dossier_id, title: r.title, phase: r.phase })),
      );

      return {
        period: { from: q.from, to: q.to },
        today,
        counts,
        totals: {
          total: sum('total'),
          blocked: sum('blocked'),
          needsExplanation: sum('needsExplanation'),
          ready: sum('ready'),
          withOverdueTimers: sum('withOverdueTimers'),
          strategisch: sum('strategisch'),
        },
        exceptions: {
          waiversUsed: cap(
            waiverRows.map((w) => ({
              waiverId: w.id,
              dossierId: w.dossier_id,
              title: w.title,
              requirementId: w.requirement_id,
              reasonCode: w.reason_code,
              motivation: w.motivation,
              requestedBy: w.requested_by,
              decidedBy: w.decided_by,
              usedAt: w.used_at!,
            })),
            waiverCount,
          ),
          advisoriesExplained: cap(explained.slice(0, limit), explained.length),
          overdueTimers: cap(
            timerRows.map((t) => ({
              dossierId: t.dossier_id,
              title: t.title,
              timerId: t.timer_id,
              start: t.start_on,
              computedEnd: t.computed_end,
              daysOverdue: daysBetween(t.computed_end, today),
              basis: t.basis,
            })),
            timerCount,
          ),
          reclassifications: cap(reclassifications.slice(0, limit), reclassifications.length),
        },
      };
    });
  }
}

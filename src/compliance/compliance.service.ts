import { Inject, Injectable } from '@nestjs/common';
import { addDays, daysBetween, toUtcMidnight } from '../../workflows/dates';
import { DossierState } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { TIMERS } from '../../workflows/drenthe-verbindend-besturen/timers';
import { WorkflowRegistry } from '../../workflows/registry';
import { Text } from '../../workflows/requirement';
import { DomainError } from '../common';
import { Db, Tx } from '../database';
import { ALL_STATES, fromDbRow, fromTimerRow, MatrixEntry, ParticipationComparison, phaseLabel, phaseOrder, Reclassification, WaiverRow } from '../dossiers';
import { ComplianceListFilter, ComplianceRepository, CursorValue, ListRow, SORT_COLUMNS, SortField, StartnotitieIssue } from './compliance.repository';

export { SORT_FIELDS, STARTNOTITIE_ISSUES } from './compliance.repository';
export type { SortField, StartnotitieIssue } from './compliance.repository';

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

export interface ComplianceListQuery extends Omit<ComplianceListFilter, 'desc' | 'limit'> {
  /** Count the matching rows too (costs a pass over them: not by default). */
  withTotal?: boolean;
  order: 'asc' | 'desc';
  /** Null: every matching row (the CSV export). */
  limit: number | null;
  cursor?: string;
}

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

const pageOf = <T>(items: T[], total: number, q: { limit: number | null; offset: number }, today: string): Page<T> => ({ items, total, limit: q.limit, offset: q.offset, today });

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

/** The read side of the griffie's compliance views: the projection read through ComplianceRepository, relative values computed for `today`. */
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
    const desc = (q.order === 'desc') !== (SORT_COLUMNS[q.sort].invert === true);
    const limit = q.limit;

    return this.db.read(async (tx) => {
      const found = await ComplianceRepository.page(tx, { ...q, desc, limit: limit === null ? null : limit + 1 }, today, cursor);
      const rows = found.rows;
      const more = limit !== null && rows.length > limit;
      if (more) rows.pop();
      // Counting the matches grows with the number of dossiers, so only on request.
      const total = !q.withTotal ? null : limit === null && cursor === null ? rows.length : await ComplianceRepository.count(tx, q, today);
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

  /** Overdue timers of these dossiers, per dossier. */
  private async overdueTimers(tx: Tx, ids: string[], today: string): Promise<Map<string, OverdueTimerRef[]>> {
    const out = new Map<string, OverdueTimerRef[]>();
    if (!ids.length) return out;
    for (const r of await ComplianceRepository.overdueTimers(tx, ids, today)) {
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
    return this.db.read(async (tx) => {
      const { rows, total } = await ComplianceRepository.waivers(tx, {
        ...q,
        fromInstant: q.from ? amsterdamStartOfDay(q.from) : undefined,
        beforeInstant: q.to ? amsterdamStartOfDay(addDays(q.to, 1)) : undefined,
      });
      return pageOf(
        rows.map((w) => ({
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
        q,
        today,
      );
    });
  }

  // -------------------------------------------------------------------------------------------
  // Legal timers
  // -------------------------------------------------------------------------------------------

  async timers(
    q: { status: 'open' | 'running' | 'overdue' | 'closed' | 'all'; timerId?: string; dossierId?: string; limit: number | null; offset: number },
    today: string,
  ): Promise<Page<TimerItem>> {
    return this.db.read(async (tx) => {
      const { rows, total } = await ComplianceRepository.timers(tx, q, today);
      return pageOf(
        rows.map((r) => {
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
        q,
        today,
      );
    });
  }

  // -------------------------------------------------------------------------------------------
  // Startnotitie tracker
  // -------------------------------------------------------------------------------------------

  async startnotitie(q: { issue?: StartnotitieIssue; limit: number | null; offset: number }, today: string): Promise<Page<StartnotitieItem>> {
    return this.db.read(async (tx) => {
      const { rows, total } = await ComplianceRepository.startnotitie(tx, q);
      return pageOf(
        rows.map((r) => ({
          issue: r.issue,
          dossierId: r.dossier_id,
          title: r.title,
          phase: r.phase,
          strategisch: r.strategisch,
          ownerId: r.owner_id || null,
          enteredPhaseOn: r.entered_phase_on,
          daysInPhase: daysBetween(r.entered_phase_on, today),
          startnotitie: { adoptedOn: r.startnotitie_adopted_on, sentToPsOn: r.startnotitie_sent_to_ps_on, committeeOn: r.startnotitie_committee_on },
          reclassifications: JSON.parse(r.reclassifications) as Reclassification[],
        })),
        total,
        q,
        today,
      );
    });
  }

  // -------------------------------------------------------------------------------------------
  // Planned versus realised participation
  // -------------------------------------------------------------------------------------------

  async participation(
    q: { phase?: DossierState; dossierId?: string; hasGaps?: boolean; limit: number | null; offset: number },
    today: string,
  ): Promise<Page<ParticipationItem>> {
    return this.db.read(async (tx) => {
      const { rows, total } = await ComplianceRepository.participation(tx, q);
      return pageOf(
        rows.map((r) => ({
          dossierId: r.dossierId,
          title: r.title,
          phase: r.phase as DossierState,
          ownerId: r.ownerId || null,
          comparison: JSON.parse(r.participation) as ParticipationComparison,
        })),
        total,
        q,
        today,
      );
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
      const countRows = await ComplianceRepository.phaseCounts(tx, today);
      const counts: SummaryCounts[] = ALL_STATES.map((phase) => {
        const r = countRows.find((x) => x.phase === phase);
        const total = r?.total ?? 0;
        const blocked = r?.blocked ?? 0;
        const needsExplanation = r?.explain ?? 0;
        const final = phaseOrder(phase) > phaseOrder('controle-evaluatie');
        return {
          phase,
          total,
          blocked,
          needsExplanation,
          ready: final ? 0 : total - blocked - needsExplanation,
          withOverdueTimers: r?.overdue ?? 0,
          strategisch: r?.strat ?? 0,
        };
      });
      const sum = (k: keyof Omit<SummaryCounts, 'phase'>) => counts.reduce((n, c) => n + c[k], 0);

      const waivers = await ComplianceRepository.usedWaivers(tx, fromInstant, toInstant, limit);
      const done = await ComplianceRepository.transitionsDone(tx, fromInstant, toInstant);
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
      const timers = await ComplianceRepository.overdueInPeriod(tx, today, q.from, q.to, limit);
      const reclassRows = await ComplianceRepository.reclassified(tx);
      const reclassifications = reclassRows.flatMap((r) =>
        (JSON.parse(r.reclassifications) as Reclassification[])
          .filter((x) => x.recordedOn >= q.from && x.recordedOn <= q.to)
          .map((x) => ({ ...x, dossierId: r.dossierId, title: r.title, phase: r.phase as DossierState })),
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
            waivers.rows.map((w) => ({
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
            waivers.count,
          ),
          advisoriesExplained: cap(explained.slice(0, limit), explained.length),
          overdueTimers: cap(
            timers.rows.map((t) => ({
              dossierId: t.dossier_id,
              title: t.title,
              timerId: t.timer_id,
              start: t.start_on,
              computedEnd: t.computed_end,
              daysOverdue: daysBetween(t.computed_end, today),
              basis: t.basis,
            })),
            timers.count,
          ),
          reclassifications: cap(reclassifications.slice(0, limit), reclassifications.length),
        },
      };
    });
  }
}

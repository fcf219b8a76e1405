import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { amsterdamDate } from '../../workflows/facts';
import { AuditService } from '../audit';
import { Clock, SYSTEM_ACTOR } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { Db } from '../database';
import { ComplianceProjector, DossierRepository } from '../dossiers';
import { ComplianceRepository } from './compliance.repository';

export interface TimerJobReport {
  /** The calendar date (Europe/Amsterdam) the run worked for. */
  today: string;
  /** Dossiers that had no projection row yet and got one (created before the projection existed). */
  backfilled: number;
  /** Keys of the timers whose expiry this run recorded (`timer.expired` in the audit trail). */
  expired: string[];
  /** Projection rows evaluated again because they were computed on an earlier day. */
  refreshed: number;
}

const BATCH = 50;
const DUE_PAGE = 200;

/** The timer job's name in @nestjs/schedule's SchedulerRegistry. */
export const TIMER_JOB_INTERVAL = 'timer-job';

/**
 * The timer job: legal deadlines pass by themselves, not when someone opens a page. Every
 * `timerJobIntervalSeconds` / `TIMER_JOB_INTERVAL_SECONDS` (0 = off) it
 * 1. projects dossiers that have no projection row yet;
 * 2. records each open timer whose computed end has passed — once: `timer.expired` in the dossier's audit stream
 *    (timer id, start, computed end, basis, calendar rule version). The timer's key is inserted into `timer_expiry`
 *    inside the same transaction, insert-if-absent, so two app instances on one database never record it twice;
 * 3. evaluates again the rows of active dossiers that were projected on an earlier day: guards read "today"
 *    (G3-02(d): the zienswijzentermijn has run out), so a row must not keep yesterday's answer.
 *
 * It runs in the HTTP service only (not in CLI commands), first right after start, then as an interval of
 * @nestjs/schedule (`SchedulerRegistry`, name `timer-job`; unref'd, so it never keeps the process alive).
 * Tests and operators call `runOnce(now)` directly.
 */
@Injectable()
export class TimerJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerJob');
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ComplianceProjector) private readonly projector: ComplianceProjector,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SchedulerRegistry) private readonly scheduler: SchedulerRegistry,
    @Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.adapterHost?.httpAdapter) return;
    const seconds = this.config.timerJobIntervalSeconds;
    if (seconds <= 0) return;
    this.tick();
    const interval = setInterval(() => this.tick(), seconds * 1000);
    interval.unref();
    this.scheduler.addInterval(TIMER_JOB_INTERVAL, interval);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('interval', TIMER_JOB_INTERVAL)) this.scheduler.deleteInterval(TIMER_JOB_INTERVAL);
    await this.running;
  }

  /** One scheduled run; a run still busy is not overlapped. Failures are logged, never thrown into the timer. */
  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.runOnce(this.clock.now())
      .then((r) => {
        if (r.backfilled || r.expired.length || r.refreshed)
          this.logger.log(`${r.today}: ${r.expired.length} timer(s) expired, ${r.refreshed} row(s) refreshed, ${r.backfilled} backfilled`);
      })
      .catch((e: unknown) => this.logger.error(`timer job failed: ${(e as Error)?.stack ?? String(e)}`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Run the job once for the instant `now`. Safe to call concurrently from several instances. */
  async runOnce(now: Date): Promise<TimerJobReport> {
    const today = amsterdamDate(now);
    const backfilled = await this.backfill(now);
    const expired = await this.expire(now, today);
    const refreshed = await this.refresh(now, today);
    return { today, backfilled, expired, refreshed };
  }

  private async backfill(now: Date): Promise<number> {
    let n = 0;
    for (let round = 0; round < 100_000; round++) {
      const missing = await this.db.read((tx) => ComplianceRepository.unprojected(tx, BATCH));
      if (!missing.length) break;
      n += await this.db.transaction(async (tx) => {
        let done = 0;
        for (const id of missing) {
          if (!(await DossierRepository.load(tx, id, { lock: true }))) continue;
          if (await ComplianceRepository.hasRow(tx, id)) continue; // another instance did it
          await this.projector.rebuild(tx, id, now);
          done++;
        }
        return done;
      });
      if (missing.length < BATCH) break;
    }
    return n;
  }

  private async expire(now: Date, today: string): Promise<string[]> {
    const expired: string[] = [];
    const seen = new Set<string>();
    for (;;) {
      const due = await this.db.read((tx) => ComplianceRepository.dueTimers(tx, today, DUE_PAGE));
      const fresh = due.filter((t) => !seen.has(t.timerKey));
      if (!fresh.length) break;
      for (const t of fresh) {
        seen.add(t.timerKey);
        if (await this.expireOne(t.timerKey, t.dossierId, now, today)) expired.push(t.timerKey);
      }
    }
    return expired;
  }

  /** Record one expiry in its own transaction; false when the timer closed meanwhile or another instance recorded it. */
  private expireOne(key: string, dossierId: string, now: Date, today: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const dossier = await DossierRepository.load(tx, dossierId, { lock: true });
      if (!dossier) return false;
      const t = await ComplianceRepository.timer(tx, key);
      if (!t || t.status !== 'open' || t.computedEnd >= today) return false;
      const iso = now.toISOString();
      if (!(await ComplianceRepository.claimExpiry(tx, t, today, iso))) return false;
      const event = await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'timer.expired',
        occurredAt: iso,
        dossierId,
        workflow: { id: dossier.workflowId, version: dossier.workflowVersion },
        payload: {
          timerKey: t.key,
          timerId: t.timerId,
          sourceId: t.sourceId,
          start: t.start,
          computedEnd: t.computedEnd,
          basis: t.basis,
          calendarRuleVersion: t.calendarRuleVersion,
          extendedBy: t.extendedBy,
          expiredOn: today,
          phase: dossier.state,
          details: t.details,
        },
      });
      await ComplianceRepository.linkExpiryEvent(tx, t.key, event.id);
      // Guards read the calendar (G3-02(d)): the dossier's row is evaluated again for today.
      await this.projector.project(tx, dossierId, now);
      return true;
    });
  }

  private async refresh(now: Date, today: string): Promise<number> {
    let n = 0;
    for (let round = 0; round < 100_000; round++) {
      const stale = await this.db.read((tx) => ComplianceRepository.staleRows(tx, today, BATCH));
      if (!stale.length) break;
      // Small batches: on SQLite a batch holds the one write lock, and writers should not wait long. Locked in id
      // order, so two instances refreshing at once never wait on each other in a circle.
      const ids = [...stale].sort();
      n += await this.db.transaction(async (tx) => {
        let done = 0;
        for (const dossier_id of ids) {
          if (!(await DossierRepository.load(tx, dossier_id, { lock: true }))) continue;
          await this.projector.project(tx, dossier_id, now);
          done++;
        }
        return done;
      });
      if (stale.length < BATCH) break;
    }
    return n;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { WorkflowRef } from '../../workflows/definition';
import { DossierState } from '../../workflows/evidence';
import { MigrationReport, migrationRefusal, migrationReport } from '../../workflows/migration';
import { WorkflowRegistry } from '../../workflows/registry';
import { AuditService } from '../audit';
import { ActorContext, Clock, DomainError } from '../common';
import { Db, Tx } from '../database';
import { ComplianceProjector, DossierView, LoadedDossier, loadDossierFacts, renderDossier, versionConflict } from '../dossiers';
import { MigrationRepository } from './migration.repository';

export interface MigrateCommand {
  /** The version of the dossier's own workflow to move to. */
  targetVersion: string;
  expectedVersion: number;
  reason: string;
  dryRun: boolean;
}

export interface MigrationResult {
  dryRun: boolean;
  dossierId: string;
  from: WorkflowRef;
  to: WorkflowRef;
  expectedVersion: number;
  /** The dossier's version after the move (null for a dry run). */
  newVersion: number | null;
  /** The audit event of the move (null for a dry run). */
  auditEventId: string | null;
  report: MigrationReport;
  /** The dossier after the move (null for a dry run). */
  dossier: DossierView | null;
}

/** One dossier of a bulk move: its report, or why it did not move. */
export interface BulkMigrationRow {
  dossierId: string;
  title: string;
  /** Null when the dossier could not be read. */
  phase: DossierState | null;
  version: number | null;
  outcome: 'would-move' | 'moved' | 'refused' | 'failed';
  report: MigrationReport | null;
  error: string | null;
  auditEventId: string | null;
}

export interface BulkMigrateCommand {
  from: WorkflowRef;
  to: WorkflowRef;
  phase?: DossierState;
  reason: string;
  dryRun: boolean;
  /** Who ran the command, when it is not the one who decided (the command line: `cli:<account>`). */
  via?: string;
  onProgress?: (done: number, total: number) => void;
}

/** A refusal as the API answers it: 400 for a target that does not exist, 409 for a move that is not allowed. */
function refusalError(dossierId: string, r: NonNullable<ReturnType<typeof migrationRefusal>>): DomainError {
  if (r.kind === 'unknown-target') return DomainError.validation([{ field: r.field, message: r.en, nl: r.nl }]);
  return new DomainError('invalid-state', `Dossier ${dossierId} cannot move: ${r.en}.`, { field: r.field, refusal: r.kind }, r.nl);
}

/**
 * Moving a dossier to a newer version of its workflow (issue #16). A dry run reads and reports; a move is one
 * transaction: lock → version check → the same report → conditional update → audit event `dossier.migrated` (report,
 * reason, who decided) → compliance projection.
 */
@Injectable()
export class MigrationsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ComplianceProjector) private readonly compliance: ComplianceProjector,
  ) {}

  /** The report of moving `s` to `to`, or the refusal. */
  private check(s: LoadedDossier, to: WorkflowRef): MigrationReport {
    const target = this.registry.get(to);
    const refusal = migrationRefusal(s.workflow.definition, target?.definition, this.registry.status(to), s.row.state, to);
    if (refusal) throw refusalError(s.row.id, refusal);
    return migrationReport(s.workflow.definition, target!.definition, s.facts, s.evidence);
  }

  async migrate(actor: ActorContext, dossierId: string, cmd: MigrateCommand): Promise<MigrationResult> {
    const now = this.clock.now();
    if (cmd.dryRun) {
      return this.db.read(async (tx) => {
        const s = await loadDossierFacts(tx, this.registry, dossierId, { now, actor: null });
        if (Number(s.row.version) !== cmd.expectedVersion) throw versionConflict(dossierId, cmd.expectedVersion, Number(s.row.version));
        const to = { id: s.row.workflowId, version: cmd.targetVersion };
        const report = this.check(s, to);
        return { dryRun: true, dossierId, from: report.from, to: report.to, expectedVersion: cmd.expectedVersion, newVersion: null, auditEventId: null, report, dossier: null };
      });
    }
    return this.db.transaction((tx) => this.moveOne(tx, actor, dossierId, cmd, now));
  }

  /** The move itself, inside the caller's transaction. */
  private async moveOne(tx: Tx, actor: ActorContext, dossierId: string, cmd: Omit<MigrateCommand, 'dryRun'> & { via?: string }, now: Date): Promise<MigrationResult> {
    const iso = now.toISOString();
    const s = await loadDossierFacts(tx, this.registry, dossierId, { now, actor: null, open: { expectedVersion: cmd.expectedVersion } });
    const from = { id: s.row.workflowId, version: s.row.workflowVersion };
    const to = { id: s.row.workflowId, version: cmd.targetVersion };
    const report = this.check(s, to);
    if (!(await MigrationRepository.move(tx, dossierId, from, to, cmd.expectedVersion, iso))) throw versionConflict(dossierId, cmd.expectedVersion, null);
    const newVersion = cmd.expectedVersion + 1;
    const event = await this.audit.append(tx, {
      actor,
      action: 'dossier.migrated',
      occurredAt: iso,
      dossierId,
      workflow: to,
      payload: { from, to, phase: s.row.state, reason: cmd.reason.trim(), expectedVersion: cmd.expectedVersion, newVersion, decidedBy: { id: actor.id, roles: [...actor.roles] }, ...(cmd.via ? { via: cmd.via } : {}), report },
    });
    const after = await loadDossierFacts(tx, this.registry, dossierId, { now, actor });
    const dossier = await renderDossier(tx, after, actor);
    await this.compliance.write(tx, after, dossier.next);
    return { dryRun: false, dossierId, from, to, expectedVersion: cmd.expectedVersion, newVersion, auditEventId: event.id, report, dossier };
  }

  /**
   * Many dossiers: every dossier under `from` (in `phase`, if given). A dry run reads them page by page in one read
   * transaction and writes nothing; a move takes each dossier in its own transaction, so a failure of one stops
   * nothing else and is reported in its row.
   */
  async bulk(actor: ActorContext, cmd: BulkMigrateCommand): Promise<BulkMigrationRow[]> {
    const now = this.clock.now();
    const ids = await this.db.read((tx) => MigrationRepository.listIds(tx, cmd.from, cmd.phase));
    const rows: BulkMigrationRow[] = [];
    const base = (s: Pick<LoadedDossier, 'row'>) => ({ dossierId: s.row.id, title: s.row.title, phase: s.row.state, version: Number(s.row.version) });
    const failure = (e: unknown) => (e instanceof DomainError ? (e.nl ?? e.message) : e instanceof Error ? e.message : String(e));
    if (cmd.dryRun) {
      const CHUNK = 1000;
      for (let i = 0; i < ids.length; i += CHUNK) {
        const subjects = await this.db.read((tx) => MigrationRepository.loadMany(tx, this.registry, ids.slice(i, i + CHUNK), now));
        for (const s of subjects) {
          try {
            rows.push({ ...base(s), outcome: 'would-move', report: this.check(s, cmd.to), error: null, auditEventId: null });
          } catch (e) {
            rows.push({ ...base(s), outcome: 'refused', report: null, error: failure(e), auditEventId: null });
          }
        }
        cmd.onProgress?.(Math.min(i + CHUNK, ids.length), ids.length);
      }
      return rows;
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      try {
        const result = await this.db.transaction(async (tx) => {
          const current = await loadDossierFacts(tx, this.registry, id, { now, actor: null });
          if (current.row.workflowId !== cmd.from.id || current.row.workflowVersion !== cmd.from.version) return null; // moved meanwhile
          const r = await this.moveOne(tx, actor, id, { targetVersion: cmd.to.version, expectedVersion: Number(current.row.version), reason: cmd.reason, via: cmd.via }, now);
          return { current, r };
        });
        if (result) rows.push({ ...base(result.current), outcome: 'moved', report: result.r.report, error: null, auditEventId: result.r.auditEventId });
      } catch (e) {
        const row = await this.db.read((tx) => loadDossierFacts(tx, this.registry, id, { now, actor: null })).catch(() => null);
        const refused = e instanceof DomainError && (e.code === 'invalid-state' || e.code === 'validation-failed');
        rows.push({
          ...(row ? base(row) : { dossierId: id, title: '', phase: null, version: null }),
          outcome: refused ? 'refused' : 'failed',
          report: null,
          error: failure(e),
          auditEventId: null,
        });
      }
      cmd.onProgress?.(i + 1, ids.length);
    }
    return rows;
  }
}

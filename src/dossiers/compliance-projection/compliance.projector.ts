import { Inject, Injectable } from '@nestjs/common';
import { EvidenceRecord } from '../../../workflows/evidence';
import { ownerAttempt as engineOwnerAttempt } from '../../../workflows/engine';
import { Attempt } from '../../../workflows/facts';
import { WorkflowRegistry } from '../../../workflows/registry';
import { Tx } from '../../database';
import { loadDossierFacts, LoadedDossier, projectDossier } from '../dossier-facts';
import { DossierRow, DossierRepository } from '../dossier.repository';
import { NextView, toDossierView } from '../dossier.view';
import { APP_CONFIG, AppConfig } from '../../config';
import { ComplianceProjection, ComplianceRow, computeCompliance } from './compliance-row';
import { ComplianceRepository, ExplainedCount } from './compliance.repository';
import { fromDbRow, fromTimerRow } from './compliance.store';

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

/** A dossier as its owner sees it: the facts with {@link ownerAttempt} (projectFacts only carries the attempt along). */
const asOwner = (loaded: LoadedDossier): LoadedDossier => ({ ...loaded, facts: { ...loaded.facts, attempt: ownerAttempt(loaded.row.assigneeId) } });

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
    return asOwner(await loadDossierFacts(tx, this.registry, dossierId, { now, actor: null }));
  }

  /**
   * Compute and store the projection of a loaded dossier. `next` is reused when the caller computed it for the
   * owner already (the transition path's response), so nothing is evaluated twice; otherwise it is evaluated here.
   */
  async write(tx: Tx, loaded: LoadedDossier, next?: NextView | null, explained: ExplainedCount = { delta: 0 }): Promise<ComplianceProjection> {
    const projection = this.compute(loaded, next);
    await ComplianceRepository.save(tx, projection.row, explained);
    await ComplianceRepository.syncTimers(tx, projection.row.dossierId, projection.timers);
    return projection;
  }

  /**
   * Store the projection from records the caller loaded already (the evidence path holds the dossier row and all its
   * evidence): only the waivers are read here.
   */
  async writeFromRecords(tx: Tx, row: DossierRow, evidence: readonly EvidenceRecord[], now: Date): Promise<ComplianceProjection> {
    const waivers = await DossierRepository.waivers(tx, row.id);
    return this.write(tx, asOwner(projectDossier(this.registry, row, [...evidence], waivers, { now, actor: null })));
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
    const db = await ComplianceRepository.row(tx, dossierId);
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
    const timers = await ComplianceRepository.timers(tx, dossierId);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    same('timers', timers.map(fromTimerRow).sort(byKey), [...fresh.timers].sort(byKey));
    return diffs;
  }

  /** How many advisory requirements the done transitions of a dossier passed with an explanation, from its audit stream. */
  async explainedFromAudit(tx: Tx, dossierId: string): Promise<number> {
    const events = await ComplianceRepository.doneTransitions(tx, dossierId);
    return events.reduce((n, e) => n + Object.keys((JSON.parse(e) as { payload: { explanations?: Record<string, string> } }).payload.explanations ?? {}).length, 0);
  }
}

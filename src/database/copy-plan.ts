import { EntityManager } from 'typeorm';
import { AuditAnchorEntity, AuditEventEntity } from './entities/audit.entity';
import { DossierComplianceEntity, DossierTimerEntity, TimerExpiryEntity } from './entities/compliance.entity';
import { DossierEntity, EvidenceEntity, WaiverEntity } from './entities/dossier.entity';
import { ApiTokenEntity, UserEntity, WebSessionEntity } from './entities/user.entity';

/**
 * How `db:copy` copies one entity. By default: every insertable column (the generated columns of `audit_event` are
 * `insert: false` on the entity and are never written; `seq` is), read in pages ordered by the primary key. The
 * exceptions, each where the schema needs it:
 * - `required`: tables every Kaderwijzer store has; the others (added by later migrations) are skipped when the
 *   source lacks them.
 * - `order`: evidence refers to the evidence it supersedes (a foreign key, not deferrable) and is append-only (it
 *   cannot be inserted first and linked later), so it is copied in the order it was recorded, not by its random id.
 * - `linkedAfter`: a dossier refers to its previous and follow-up dossier (both directions), so these columns are
 *   written as NULL and set once every dossier exists.
 */
export interface CopyStep {
  entity: new () => object;
  required?: boolean;
  order?: Record<string, 'ASC'>;
  linkedAfter?: string[];
}

/** Every entity, in an order that satisfies the foreign keys. */
export const COPY_PLAN: readonly CopyStep[] = [
  { entity: UserEntity, required: true },
  { entity: ApiTokenEntity, required: true },
  { entity: DossierEntity, required: true, linkedAfter: ['previousDossierId', 'followUpDossierId'] },
  { entity: EvidenceEntity, required: true, order: { dossierId: 'ASC', position: 'ASC' } },
  { entity: WaiverEntity, required: true },
  { entity: AuditEventEntity, required: true },
  { entity: AuditAnchorEntity },
  { entity: DossierComplianceEntity },
  { entity: DossierTimerEntity },
  { entity: TimerExpiryEntity },
  { entity: WebSessionEntity },
];

/**
 * After a copy with explicit keys. PostgreSQL: `audit_event.seq` is a BIGSERIAL whose sequence an explicit `seq` does
 * not move (SQLite's AUTOINCREMENT follows by itself), so it is set past the copied events — otherwise the next event
 * would collide with a copied one. TypeORM has no API for sequences: this is the one SQL statement of the copy.
 */
export async function afterCopy(em: EntityManager): Promise<void> {
  if (em.connection.options.type !== 'postgres') return;
  await em.query("SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), COALESCE((SELECT MAX(seq) FROM audit_event), 0) + 1, false)");
}

import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ActorContext } from '../common/actor';
import { Db } from '../database/db';

/** Records refused access as an audit event (issue: "a forbidden action is itself an audit event"). */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** In the `system` stream: the dossier named in the path may not exist, and a refused call must not touch its stream's order. */
  async denied(
    actor: ActorContext,
    what: { method: string; path: string; actions: readonly string[]; dossierId?: string | null; reason?: string },
    at: Date,
  ): Promise<void> {
    await this.db.transaction((tx) =>
      this.audit.append(tx, {
        actor,
        action: 'access.denied',
        occurredAt: at.toISOString(),
        payload: { method: what.method, path: what.path, actions: [...what.actions], dossierId: what.dossierId ?? null, reason: what.reason ?? 'role' },
      }),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from './audit.service';
import { AccessDenied, ActorContext, Clock } from '../common';
import { Db } from '../database';

/** A path this long or shorter is kept as it is; a longer one only as its hash and length. */
export const MAX_LOGGED_PATH_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The HTTP methods, and `CLI` for a command refused on the command line (its path is `cli <command>`). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CLI']);

/**
 * The bounded form of a refused request (issue #12): a client chooses the path, so the trail keeps the route
 * pattern, the SHA-256 of the raw path and its length, and the path itself only when it is short. One refusal is
 * then a few hundred bytes whatever was sent, and the trail grows at most by the rate limit times that.
 */
export function boundedRequest(what: { method: string; path: string; route?: string; dossierId?: string | null }) {
  const path = what.path;
  return {
    method: METHODS.has(what.method) ? what.method : 'OTHER',
    route: (what.route ?? '').slice(0, MAX_LOGGED_PATH_LENGTH) || null,
    path: path.length <= MAX_LOGGED_PATH_LENGTH ? path : null,
    pathSha256: createHash('sha256').update(path).digest('hex'),
    pathLength: path.length,
    dossierId: what.dossierId && UUID.test(what.dossierId) ? what.dossierId : null,
  };
}

/** Records refused access as an audit event (issue: "a forbidden action is itself an audit event"). */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The entry of `e` when it refused `req` (an AccessDenied to a known caller); the filters and pages that answer call it. */
  async refused(req: { method: string; path: string; actor?: ActorContext }, e: unknown): Promise<void> {
    if (e instanceof AccessDenied && req.actor) await this.denied(req.actor, { method: req.method, path: req.path, ...e.denied }, this.clock.now());
  }

  /** In the `system` stream: the dossier named in the path may not exist, and a refused call must not touch its stream's order. */
  async denied(
    actor: ActorContext,
    what: { method: string; path: string; route?: string; actions: readonly string[]; dossierId?: string | null; reason?: string },
    at: Date,
  ): Promise<void> {
    const { method, route, path, pathSha256, pathLength, dossierId } = boundedRequest(what);
    await this.db.transaction((tx) =>
      this.audit.append(tx, {
        actor,
        action: 'access.denied',
        occurredAt: at.toISOString(),
        payload: { method, path, route, pathSha256, pathLength, actions: [...what.actions], dossierId, reason: what.reason ?? 'role' },
      }),
    );
  }
}

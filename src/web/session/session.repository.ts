import { IsNull } from 'typeorm';
import { ApiTokenEntity, Tx, UserEntity, WebSessionEntity } from '../../database';

/** A session with what decides whether it is still valid: its user and, for a token sign-in, that token. */
export interface SessionWithCredentials {
  session: WebSessionEntity;
  user: Pick<UserEntity, 'name' | 'roles' | 'disabledAt'>;
  /** The token a token sign-in used: null when the session has none, `missing` when it has one that no longer exists. */
  token: Pick<ApiTokenEntity, 'revokedAt' | 'expiresAt' | 'issuedBy' | 'issuedByName'> | 'missing' | null;
}

type Ended = Pick<WebSessionEntity, 'endedAt' | 'endReason'>;

/** Sessions of the web application (only the SHA-256 of a session id is stored). */
export const SessionRepository = {
  async insert(tx: Tx, s: Omit<WebSessionEntity, 'endedAt' | 'endReason'>): Promise<void> {
    await tx.em.insert(WebSessionEntity, s);
  },

  /** The session by the hash of its id, with its user and token (every page view: one query). */
  async withCredentials(tx: Tx, idHash: string): Promise<SessionWithCredentials | null> {
    const r = await tx.em
      .createQueryBuilder(WebSessionEntity, 's')
      .innerJoin(UserEntity, 'u', 'u.id = s.userId')
      .leftJoin(ApiTokenEntity, 't', 't.id = s.tokenId')
      .select('s')
      .addSelect(['u.name', 'u.roles', 'u.disabledAt', 't.id', 't.revokedAt', 't.expiresAt', 't.issuedBy', 't.issuedByName'])
      .where('s.idHash = :idHash', { idHash })
      .getRawAndEntities();
    const session = r.entities[0];
    const raw = r.raw[0] as Record<string, string | null> | undefined;
    if (!session || !raw) return null;
    const user = { name: raw.u_name!, roles: JSON.parse(raw.u_roles!) as string[], disabledAt: raw.u_disabled_at };
    const token = !session.tokenId
      ? null
      : raw.t_id === null
        ? 'missing'
        : { revokedAt: raw.t_revoked_at, expiresAt: raw.t_expires_at, issuedBy: raw.t_issued_by, issuedByName: raw.t_issued_by_name };
    return { session, user, token };
  },

  /** Keep a live session alive: seen now, idle expiry moved. */
  async touch(tx: Tx, idHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void> {
    await tx.em.update(WebSessionEntity, { idHash, endedAt: IsNull() }, { lastSeenAt, idleExpiresAt });
  },

  /** End live sessions (one, by the hash of its id, or all of a user's); how many were live. */
  async end(tx: Tx, which: { idHash: string } | { userId: string }, ended: Ended): Promise<number> {
    return (await tx.em.update(WebSessionEntity, { ...which, endedAt: IsNull() }, ended)).affected ?? 0;
  },
};

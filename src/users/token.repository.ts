import { IsNull } from 'typeorm';
import { ApiTokenEntity, Tx, UserEntity } from '../database';
import type { PageRequest } from './user.repository';

/** A token with what decides whether a request made with it is let in: its user's name, roles and whether disabled. */
export interface TokenWithUser {
  token: ApiTokenEntity;
  user: Pick<UserEntity, 'name' | 'roles' | 'disabledAt'>;
}

const OLDEST_FIRST = { createdAt: 'ASC', id: 'ASC' } as const;
const byUser = (userId: string | undefined) => (userId ? { userId } : {});

/** API tokens (only the SHA-256 of a token's secret is stored). */
export const TokenRepository = {
  async insert(tx: Tx, token: Omit<ApiTokenEntity, 'revokedAt' | 'lastUsedAt'>): Promise<void> {
    await tx.em.insert(ApiTokenEntity, token);
  },

  find(tx: Tx, id: string): Promise<ApiTokenEntity | null> {
    return tx.em.findOneBy(ApiTokenEntity, { id });
  },

  /** Every token of a user, in no particular order. */
  ofUser(tx: Tx, userId: string): Promise<ApiTokenEntity[]> {
    return tx.em.findBy(ApiTokenEntity, { userId });
  },

  /** The token by id, with its user (every API request: one query). */
  async withUser(tx: Tx, id: string): Promise<TokenWithUser | null> {
    const r = await tx.em
      .createQueryBuilder(ApiTokenEntity, 't')
      .innerJoin(UserEntity, 'u', 'u.id = t.userId')
      .select('t')
      .addSelect(['u.name', 'u.roles', 'u.disabledAt'])
      .where('t.id = :id', { id })
      .getRawAndEntities();
    const token = r.entities[0];
    const raw = r.raw[0] as Record<string, string | null> | undefined;
    if (!token || !raw) return null;
    return { token, user: { name: raw.u_name!, roles: JSON.parse(raw.u_roles!) as string[], disabledAt: raw.u_disabled_at } };
  },

  /** Revoke the token at `at` unless it is revoked already. */
  async revoke(tx: Tx, id: string, at: string): Promise<void> {
    await tx.em.update(ApiTokenEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  },

  async touch(tx: Tx, id: string, lastUsedAt: string): Promise<void> {
    await tx.em.update(ApiTokenEntity, { id }, { lastUsedAt });
  },

  /** The tokens of one user, or every token, oldest first. */
  all(tx: Tx, userId?: string): Promise<ApiTokenEntity[]> {
    return tx.em.find(ApiTokenEntity, { where: byUser(userId), order: OLDEST_FIRST });
  },

  /** One page of {@link all}, with the number of tokens. */
  async page(tx: Tx, userId: string | undefined, page: PageRequest): Promise<{ rows: ApiTokenEntity[]; total: number }> {
    const [rows, total] = await tx.em.findAndCount(ApiTokenEntity, { where: byUser(userId), order: OLDEST_FIRST, skip: page.offset, take: page.limit });
    return { rows, total };
  },
};

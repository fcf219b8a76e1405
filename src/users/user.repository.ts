import { Tx, UserEntity } from '../database';

/** A page of a list in a fixed order: `limit` items after `offset`. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** `roles` is a JSON array of role names: the quoted name matches the element, never part of another role. */
const TEAMLEIDER = '%"teamleider"%';
const OLDEST_FIRST = { createdAt: 'ASC', id: 'ASC' } as const;

/** The people who work with the system. */
export const UserRepository = {
  find(tx: Tx, id: string): Promise<UserEntity | null> {
    return tx.em.findOneBy(UserEntity, { id });
  },

  /** The user a person signing in through the identity provider is, by (issuer, subject). */
  findByOidc(tx: Tx, oidcIssuer: string, oidcSubject: string): Promise<UserEntity | null> {
    return tx.em.findOneBy(UserEntity, { oidcIssuer, oidcSubject });
  },

  /** Are there any users at all? */
  any(tx: Tx): Promise<boolean> {
    return tx.em.exists(UserEntity);
  },

  async insert(tx: Tx, user: Omit<UserEntity, 'disabledAt' | 'oidcIssuer' | 'oidcSubject'> & Partial<Pick<UserEntity, 'oidcIssuer' | 'oidcSubject'>>): Promise<void> {
    await tx.em.insert(UserEntity, user);
  },

  async setRoles(tx: Tx, id: string, roles: readonly string[]): Promise<void> {
    await tx.em.update(UserEntity, { id }, { roles: [...roles] });
  },

  /** Every user, oldest first. */
  all(tx: Tx): Promise<UserEntity[]> {
    return tx.em.find(UserEntity, { order: OLDEST_FIRST });
  },

  /** One page of {@link all}, with the number of users. */
  async page(tx: Tx, page: PageRequest): Promise<{ rows: UserEntity[]; total: number }> {
    const [rows, total] = await tx.em.findAndCount(UserEntity, { order: OLDEST_FIRST, skip: page.offset, take: page.limit });
    return { rows, total };
  },

  /** One page of the users who are not disabled and hold the teamleider role, by name, with their number. */
  async activeTeamleiders(tx: Tx, page: PageRequest): Promise<{ rows: UserEntity[]; total: number }> {
    const [rows, total] = await tx.em
      .createQueryBuilder(UserEntity, 'u')
      .where('u.disabledAt IS NULL')
      .andWhere('u.roles LIKE :role', { role: TEAMLEIDER })
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { rows, total };
  },

  /**
   * `id → name` of the given users (unknown ids are left out), or of every user. Every dossier view names its people,
   * so this is on the hot path of every command: a prepared statement per number of ids.
   */
  async names(tx: Tx, ids?: readonly string[]): Promise<Map<string, string>> {
    const rows = ids
      ? await tx.all<{ id: string; name: string }>(`SELECT id, name FROM app_user WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)
      : await tx.em.find(UserEntity, { select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

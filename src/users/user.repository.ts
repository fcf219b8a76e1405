import { Tx, UserEntity } from '../database';

/** The people who work with the system. */
export const UserRepository = {
  find(tx: Tx, id: string): Promise<UserEntity | null> {
    return tx.em.findOneBy(UserEntity, { id });
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

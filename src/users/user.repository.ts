import { In } from 'typeorm';
import { Tx } from '../database/db';
import { UserEntity } from '../database/entities';

/** The people who work with the system. */
export const UserRepository = {
  find(tx: Tx, id: string): Promise<UserEntity | null> {
    return tx.em.findOneBy(UserEntity, { id });
  },

  /** `id → name` of the given users (unknown ids are left out), or of every user. */
  async names(tx: Tx, ids?: readonly string[]): Promise<Map<string, string>> {
    const rows = await tx.em.find(UserEntity, { select: { id: true, name: true }, where: ids ? { id: In(ids) } : {} });
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

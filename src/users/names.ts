import { NameIndex, NO_NAMES } from '../common';
import { Tx } from '../database';
import { UserRepository } from './user.repository';

/** The names of the given user ids (unknown ids are left out). */
export async function loadNames(tx: Tx, ids: Iterable<string | null | undefined>): Promise<NameIndex> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  if (!wanted.length) return NO_NAMES;
  return UserRepository.names(tx, wanted);
}

/** Every user's name (for scans over the whole store, such as the flags of every dossier). */
export async function loadAllNames(tx: Tx): Promise<NameIndex> {
  return UserRepository.names(tx);
}

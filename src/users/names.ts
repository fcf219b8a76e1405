import { NameIndex, NO_NAMES } from '../common';
import { Tx } from '../database';

/** The names of the given user ids (unknown ids are left out). */
export async function loadNames(tx: Tx, ids: Iterable<string | null | undefined>): Promise<NameIndex> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  if (!wanted.length) return NO_NAMES;
  const rows = await tx.all<{ id: string; name: string }>(`SELECT id, name FROM app_user WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every user's name (for scans over the whole store, such as the flags of every dossier). */
export async function loadAllNames(tx: Tx): Promise<NameIndex> {
  const rows = await tx.all<{ id: string; name: string }>('SELECT id, name FROM app_user', []);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * People by name, not id (issue #11): a person reads "Anne de Vries", not a UUID. The users table is small (the people
 * who work with the system), so a read that shows people loads the names it needs once.
 */
export type NameIndex = ReadonlyMap<string, string>;

export const NO_NAMES: NameIndex = new Map();

/** `{ id, name }` of a person; the name is null when the id is not a user (the system, a deleted row). */
export function person(names: NameIndex, id: string): { id: string; name: string | null };
export function person(names: NameIndex, id: string | null): { id: string; name: string | null } | null;
export function person(names: NameIndex, id: string | null): { id: string; name: string | null } | null {
  return id === null ? null : { id, name: names.get(id) ?? (id === 'system' ? 'Kaderwijzer' : null) };
}

/** How a person is named in a sentence: the name, or the id when there is none. */
export function nameOf(names: NameIndex, id: string | null | undefined): string {
  if (!id) return '?';
  return names.get(id) ?? (id === 'system' ? 'Kaderwijzer' : id);
}

/** Replace user ids in a text with their names (explanations written by pure predicates name people by id). */
export function withNames(text: string, names: NameIndex): string {
  if (!names.size) return text;
  let out = text;
  for (const [id, name] of names) if (out.includes(id)) out = out.split(id).join(name);
  return out;
}

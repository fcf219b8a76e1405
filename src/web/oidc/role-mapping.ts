import { Role, ROLES } from '../../../workflows/facts';
import { roleSetProblem } from '../../auth';

/**
 * Claim values of the identity provider → Kaderwijzer roles (issue #12), e.g. `{ "KW-Beleid": ["beleidsmedewerker"] }`.
 * The mapping lives in configuration (`oidc.roleMapping`); each value is a list of roles.
 */
export type RoleMapping = Record<string, readonly string[]>;

/** The problems of a mapping (unknown roles), each naming its key; empty when it is sound. */
export function roleMappingProblems(mapping: RoleMapping, where = 'oidc.roleMapping'): string[] {
  const problems: string[] = [];
  for (const [claim, value] of Object.entries(mapping) as [string, unknown][]) {
    const roles: unknown[] = Array.isArray(value) ? (value as unknown[]) : [];
    if (roles.length === 0) {
      problems.push(`${where}.${claim} must be a non-empty list of roles`);
      continue;
    }
    const bad = roles.filter((r) => typeof r !== 'string' || !(ROLES as readonly string[]).includes(r)).map(String);
    if (bad.length) problems.push(`${where}.${claim}: unknown role(s) ${bad.join(', ')}; one of: ${ROLES.join(', ')}`);
  }
  return problems;
}

/** The claim's values: a string, a list of strings, or a space- or comma-separated string. Anything else is none. */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

export type MappedRoles = { ok: true; roles: Role[] } | { ok: false; reason: 'no-mapped-role' | 'role-combination'; detail: string; roles: Role[] };

/**
 * The Kaderwijzer roles a person gets from their claim: the union of the mapped values (in ROLES order). No mapped
 * value means no entry; a union that the role-combination table refuses is refused too (the provider's groups must
 * not hand anyone a combination a beheerder could not).
 */
export function mapRoles(claim: unknown, mapping: RoleMapping): MappedRoles {
  const wanted = new Set<string>();
  for (const v of claimValues(claim)) if (Object.prototype.hasOwnProperty.call(mapping, v)) for (const r of mapping[v]) wanted.add(r);
  const roles = ROLES.filter((r) => wanted.has(r));
  if (roles.length === 0) return { ok: false, reason: 'no-mapped-role', detail: 'no value of the roles claim maps to a Kaderwijzer role', roles };
  const problem = roleSetProblem(roles);
  if (problem) return { ok: false, reason: 'role-combination', detail: problem.en, roles };
  return { ok: true, roles };
}

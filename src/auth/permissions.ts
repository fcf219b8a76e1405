import { Role } from '../../workflows/facts';

/**
 * Who may do what: one table, walked cell by cell by the e2e tests (test/e2e/permissions.e2e.test.ts).
 * Ownership (domain-brief X-01) narrows two cells further: a beleidsmedewerker records evidence and fires
 * transitions only on dossiers assigned to them; the griffie records only PS-side evidence.
 */
export const ACTIONS = [
  'dossier.create',
  'dossier.read',
  'dossier.assign',
  'evidence.record',
  'evidence.record-ps-side',
  'transition.fire',
  'waiver.request',
  'waiver.decide',
  'audit.read',
  'audit.verify',
  'audit.export',
  'workflow.read',
  'workflow.migrate',
  'compliance.read',
  'termijn.read',
  'user.manage',
  'user.list-teamleiders',
  'token.manage-own',
  'token.issue-first',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'dossier.create': ['beleidsmedewerker'],
  'dossier.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor'],
  'dossier.assign': ['teamleider'],
  'evidence.record': ['beleidsmedewerker'],
  'evidence.record-ps-side': ['griffie'],
  'transition.fire': ['beleidsmedewerker'],
  'waiver.request': ['beleidsmedewerker'],
  'waiver.decide': ['teamleider'],
  'audit.read': ['griffie', 'auditor'],
  'audit.verify': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'],
  'audit.export': ['auditor'],
  'workflow.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'],
  // Issue #16: a teamleider decides when a running dossier moves to a newer version of its workflow.
  'workflow.migrate': ['teamleider'],
  'compliance.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor'],
  'termijn.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'],
  'user.manage': ['beheerder'],
  // Issue #11: a beleidsmedewerker names the teamleider who should decide a waiver (ids and names only).
  'user.list-teamleiders': ['beleidsmedewerker', 'teamleider'],
  // Issue #12: everyone creates, lists and revokes tokens for their own account; a beheerder hands a new user
  // their first token (and may revoke any token), never another one.
  'token.manage-own': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'],
  'token.issue-first': ['beheerder'],
};

/**
 * The role combinations one user may hold (issue #12, segregation of duties): one table, documented in the README
 * and walked by the e2e tests. The beheerder manages accounts and holds no other role (else it could hand itself
 * any duty); the auditor writes nothing (it checks what the others wrote); the griffie serves Provinciale Staten
 * (artikel 104a, eerste lid, Provinciewet) and the beleidsmedewerker and teamleider serve Gedeputeerde Staten, so they
 * are not combined either — as the law keeps the two offices apart ("Een secretaris is niet tevens griffier",
 * artikel 97, tweede lid, Provinciewet).
 * A beleidsmedewerker who is also teamleider still never decides their own waiver (waivers.service.ts).
 */
export const ALLOWED_ROLE_SETS: readonly (readonly Role[])[] = [
  ['beleidsmedewerker'],
  ['teamleider'],
  ['griffie'],
  ['auditor'],
  ['beheerder'],
  ['beleidsmedewerker', 'teamleider'],
];

const roleKey = (roles: readonly Role[]) => [...new Set(roles)].sort().join('+');
const ALLOWED_KEYS = new Set(ALLOWED_ROLE_SETS.map(roleKey));

/** Whether one user may hold exactly these roles together. */
export function allowedRoleSet(roles: readonly Role[]): boolean {
  return ALLOWED_KEYS.has(roleKey(roles));
}

/** Why a combination is refused, in plain words, English and Dutch (null when it is allowed). */
export function roleSetProblem(roles: readonly Role[]): { en: string; nl: string } | null {
  if (allowedRoleSet(roles)) return null;
  const set = new Set(roles);
  if (set.size === 0) return { en: 'at least one role is required', nl: 'moet ten minste één rol bevatten' };
  if (set.has('beheerder'))
    return {
      en: 'beheerder cannot be combined with any other role (segregation of duties)',
      nl: 'beheerder kan niet met een andere rol worden gecombineerd (scheiding van functies)',
    };
  if (set.has('auditor'))
    return {
      en: 'auditor cannot be combined with a role that writes dossiers (segregation of duties)',
      nl: 'auditor kan niet worden gecombineerd met een rol die dossiers wijzigt (scheiding van functies)',
    };
  if (set.has('griffie'))
    return {
      en: 'griffie (Provinciale Staten) cannot be combined with beleidsmedewerker or teamleider (Gedeputeerde Staten)',
      nl: 'griffie (Provinciale Staten) kan niet worden gecombineerd met beleidsmedewerker of teamleider (Gedeputeerde Staten)',
    };
  return { en: `the combination ${[...set].join(' + ')} is not allowed`, nl: `de combinatie ${[...set].join(' + ')} is niet toegestaan` };
}

export function may(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => PERMISSIONS[action].includes(r));
}

/** Any of several actions (e.g. recording evidence: own dossier, or PS-side for the griffie). */
export function mayAny(roles: readonly Role[], actions: readonly Action[]): boolean {
  return actions.some((a) => may(roles, a));
}

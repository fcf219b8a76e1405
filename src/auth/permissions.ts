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
  'compliance.read',
  'termijn.read',
  'user.manage',
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
  'compliance.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor'],
  'termijn.read': ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor', 'beheerder'],
  'user.manage': ['beheerder'],
};

export function may(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => PERMISSIONS[action].includes(r));
}

/** Any of several actions (e.g. recording evidence: own dossier, or PS-side for the griffie). */
export function mayAny(roles: readonly Role[], actions: readonly Action[]): boolean {
  return actions.some((a) => may(roles, a));
}

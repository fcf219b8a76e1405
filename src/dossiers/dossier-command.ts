import { AccessDenied, ActorContext, DomainError } from '../common';
import { Tx } from '../database';
import { DossierRepository, DossierRow } from './dossier.repository';

/** Ownership (domain-brief X-01): a beleidsmedewerker works only on dossiers assigned to them. */
export function isAssignee(row: Pick<DossierRow, 'assigneeId'>, actor: ActorContext | null): boolean {
  return row.assigneeId === actor?.id;
}

export type AssigneeAction = 'transition.fire' | 'evidence.record' | 'waiver.request';
const X01 = { requirementId: 'X-01' };
/** The X-01 refusal of each command that only the dossier's assignee may give, as the API has always worded it. */
const ONLY_THE_ASSIGNEE: Record<AssigneeAction, [en: string, details: Record<string, unknown>, nl?: string]> = {
  'transition.fire': ['only its assigned beleidsmedewerker may fire transitions (X-01).', X01],
  'evidence.record': ['only its assigned beleidsmedewerker records evidence on it (X-01).', { reason: 'not-assigned' }],
  'waiver.request': ['only its beleidsmedewerker requests waivers.', X01, 'Dit dossier is niet aan u toegewezen; alleen de toegewezen beleidsmedewerker vraagt er vrijstellingen voor aan.'],
};

export function notAssigned(action: AssigneeAction, dossierId: string): AccessDenied {
  const [en, details, nl] = ONLY_THE_ASSIGNEE[action];
  return new AccessDenied({ actions: [action], dossierId, reason: 'not-assigned' }, `Dossier ${dossierId} is not assigned to you; ${en}`, details, nl);
}

export function versionConflict(id: string, expected: number, actual: number | null): DomainError {
  return new DomainError(
    'version-conflict',
    `Dossier ${id} is at version ${actual ?? 'a newer version'}, not ${expected}. Reload it and try again.`,
    { expectedVersion: expected, currentVersion: actual },
  );
}

/** The dossier (404 when there is none); `lock`ed for a write. */
export async function findDossier(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<DossierRow> {
  const row = await DossierRepository.load(tx, id, opts);
  if (!row) throw DomainError.notFound('Dossier', id);
  return row;
}

/** What a command checks before it writes: X-01 for `onlyAssignee`, and the optimistic `expectedVersion`. */
export interface Opening {
  onlyAssignee?: AssigneeAction;
  expectedVersion?: number;
}

/**
 * The opening of every dossier command, inside its transaction: the dossier locked until commit (404 when there is
 * none), then the checks of `opening`, in that order. A refusal is thrown as AccessDenied: whoever answers the
 * request writes it to the access log.
 */
export async function openDossier(tx: Tx, id: string, actor: ActorContext | null, opening: Opening = {}): Promise<DossierRow> {
  const row = await findDossier(tx, id, { lock: true });
  if (opening.onlyAssignee && !isAssignee(row, actor)) throw notAssigned(opening.onlyAssignee, id);
  if (opening.expectedVersion !== undefined && row.version !== opening.expectedVersion) throw versionConflict(id, opening.expectedVersion, row.version);
  return row;
}

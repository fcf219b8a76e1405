import { Role } from '../../workflows/facts';

/** Who issued the token a request was made with, when that was not its own user (issue #12). */
export interface TokenIssuer {
  /** The issuing actor's id (a user id, or `cli:<account>` for the command line). */
  id: string;
  name: string;
  /** The token that was used. */
  tokenId: string;
}

/** Who does something: the authenticated user, or the system itself (CLI bootstrap, the timer job). */
export interface ActorContext {
  id: string;
  name: string;
  roles: Role[];
  /** The API token of this request (absent for the system, the CLI and web sessions). */
  tokenId?: string;
  /**
   * Set when the token was issued by someone other than its user: every audit event of the request records it
   * (payload `tokenIssuedBy`) and the auditor's flags list the dossier actions taken with it.
   */
  tokenIssuedBy?: TokenIssuer;
}

export const SYSTEM_ACTOR: ActorContext = { id: 'system', name: 'Kaderwijzer', roles: [] };

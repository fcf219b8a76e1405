import { Role } from '../../workflows/facts';

/** Who does something: the authenticated user, or the system itself (CLI bootstrap, the timer job). */
export interface ActorContext {
  id: string;
  name: string;
  roles: Role[];
}

export const SYSTEM_ACTOR: ActorContext = { id: 'system', name: 'Kaderwijzer', roles: [] };

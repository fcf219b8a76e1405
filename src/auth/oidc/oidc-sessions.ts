import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';

/**
 * What sign-in through the identity provider needs from the web application's sessions (src/web/session): start one
 * for a user, and end the current one, handing back its ID token for RP-initiated logout.
 */
export interface OidcSessions {
  start(res: Response, userId: string, opts: { method: 'oidc'; idToken?: string }): Promise<unknown>;
  end(req: Request, res: Response): Promise<{ idToken: string | null } | null>;
  /** The signed-in user of this request, or null. */
  currentUserId(req: Request): Promise<string | null>;
}

export const OIDC_SESSIONS = Symbol('OIDC_SESSIONS');

export const MINIMAL_SESSION_COOKIE = 'kw_oidc_sessie';

/**
 * A minimal in-memory session, used only until the web application's SessionService is wired in (it keeps no state
 * across restarts or instances). The cookie holds a random 256-bit id; the map its SHA-256.
 */
export class MinimalOidcSessions implements OidcSessions {
  private readonly sessions = new Map<string, { userId: string; idToken: string | null; expiresAt: number }>();

  constructor(
    private readonly secure: boolean,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 8 * 3_600_000,
  ) {}

  start(res: Response, userId: string, opts: { method: 'oidc'; idToken?: string }): Promise<unknown> {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(hash(id), { userId, idToken: opts.idToken ?? null, expiresAt: this.now() + this.ttlMs });
    res.cookie(MINIMAL_SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/', maxAge: this.ttlMs });
    return Promise.resolve(undefined);
  }

  end(req: Request, res: Response): Promise<{ idToken: string | null } | null> {
    const id = cookie(req, MINIMAL_SESSION_COOKIE);
    res.clearCookie(MINIMAL_SESSION_COOKIE, { path: '/' });
    if (!id) return Promise.resolve(null);
    const s = this.sessions.get(hash(id));
    this.sessions.delete(hash(id));
    return Promise.resolve(s ? { idToken: s.idToken } : null);
  }

  currentUserId(req: Request): Promise<string | null> {
    const id = cookie(req, MINIMAL_SESSION_COOKIE);
    const s = id ? this.sessions.get(hash(id)) : undefined;
    return Promise.resolve(s && s.expiresAt > this.now() ? s.userId : null);
  }
}

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

/** One cookie of the request (the first of duplicates). */
export function cookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Role } from '../../../workflows/facts';
import { ActorContext, Clock } from '../../common';
import { roleSetProblem } from '../../auth';
import { withTokenIssuer } from '../../users';
import { Db } from '../../database';

/** The session cookie. HttpOnly, SameSite=Lax, Secure when the request came over TLS (or a trusted proxy says so). */
export const SESSION_COOKIE = 'kw_sessie';

export interface SessionOptions {
  /** A session ends after this long without a request. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
  /** last_seen_at is written at most this often (a page view is then a pure read). */
  touchEveryMs: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, touchEveryMs: 60_000 };
export const SESSION_OPTIONS = Symbol('SESSION_OPTIONS');

export type SignInMethod = 'token' | 'oidc';

export interface StartOptions {
  method: SignInMethod;
  /** OpenID Connect: the id token, kept for RP-initiated logout. */
  idToken?: string;
  /** Token sign-in: the API token used; revoking or expiring it ends the session. */
  tokenId?: string;
}

/** A live session: who, how, and the synchronizer token its forms must carry. */
export interface WebSession {
  /** SHA-256 of the session id (hex); the id itself is only in the cookie. */
  idHash: string;
  actor: ActorContext;
  method: SignInMethod;
  idToken: string | null;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  method: string;
  token_id: string | null;
  id_token: string | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  ended_at: string | null;
  name: string;
  roles: string;
  disabled_at: string | null;
  token_revoked_at: string | null;
  token_expires_at: string | null;
  token_missing: number | null;
  issued_by: string | null;
  issued_by_name: string | null;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const hashId = (id: string): string => createHash('sha256').update(id).digest('hex');

/** The value of one cookie from the Cookie header (no cookie middleware needed; the first of duplicates wins). */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

/** Constant-time comparison of two strings of possibly different length. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

/**
 * Server-side sessions of the web application. The cookie holds a random 256-bit id; the table holds its SHA-256,
 * the user, how they signed in, a CSRF synchronizer token, and the idle and absolute expiry. `end` removes the
 * session on the server, so a copied cookie is worthless after sign-out.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SESSION_OPTIONS) private readonly options: SessionOptions,
  ) {}

  /** Start a session for a user and set its cookie. A previous session of this browser is ended first. */
  async start(res: Response, userId: string, opts: StartOptions): Promise<WebSession> {
    const req = res.req;
    if (req) await this.end(req, res, 'replaced');
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const iso = now.toISOString();
    const expiresAt = new Date(now.getTime() + this.options.absoluteMs).toISOString();
    const idleExpiresAt = new Date(now.getTime() + this.options.idleMs).toISOString();
    const user = await this.db.transaction(async (tx) => {
      const u = await tx.get<{ name: string; roles: string; disabled_at: string | null }>('SELECT name, roles, disabled_at FROM app_user WHERE id = ?', [userId]);
      if (!u || u.disabled_at) return null;
      await tx.run(
        `INSERT INTO web_session (id_hash, user_id, method, token_id, id_token, csrf_token, created_at, last_seen_at, idle_expires_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [hashId(id), userId, opts.method, opts.tokenId ?? null, opts.idToken ?? null, csrf, iso, iso, idleExpiresAt, expiresAt],
      );
      return u;
    });
    if (!user) throw new Error(`SessionService.start: user ${userId} does not exist or is disabled`);
    this.setCookie(res, id, req ? this.isSecure(req) : false);
    return {
      idHash: hashId(id),
      actor: { id: userId, name: user.name, roles: JSON.parse(user.roles) as Role[] },
      method: opts.method,
      idToken: opts.idToken ?? null,
      csrfToken: csrf,
      createdAt: iso,
      expiresAt,
    };
  }

  /** The live session of this request, or null (no cookie, unknown, ended, expired, user disabled, token revoked). */
  async current(req: Request): Promise<WebSession | null> {
    const id = readCookie(req, SESSION_COOKIE);
    if (!id || !SESSION_ID.test(id)) return null;
    const idHash = hashId(id);
    const row = await this.db.read((tx) =>
      tx.get<SessionRow>(
        `SELECT s.*, u.name, u.roles, u.disabled_at, t.revoked_at AS token_revoked_at, t.expires_at AS token_expires_at, t.issued_by, t.issued_by_name,
                CASE WHEN s.token_id IS NOT NULL AND t.id IS NULL THEN 1 ELSE 0 END AS token_missing
           FROM web_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN api_token t ON t.id = s.token_id
          WHERE s.id_hash = ?`,
        [idHash],
      ),
    );
    if (!row || row.ended_at) return null;
    const now = this.clock.now();
    const iso = now.toISOString();
    const roles = JSON.parse(row.roles) as Role[];
    const invalid =
      // Issue #12: a user whose roles are no longer an allowed combination (or none) has no session either.
      roleSetProblem(roles) !== null ||
      row.disabled_at !== null || row.token_revoked_at !== null || Number(row.token_missing) === 1 || (row.token_expires_at !== null && row.token_expires_at <= iso);
    const expired = row.expires_at <= iso || row.idle_expires_at <= iso;
    if (invalid || expired) {
      await this.endByHash(idHash, expired ? 'expired' : 'credentials-invalid');
      return null;
    }
    if (now.getTime() - Date.parse(row.last_seen_at) >= this.options.touchEveryMs) {
      const idle = new Date(Math.min(now.getTime() + this.options.idleMs, Date.parse(row.expires_at))).toISOString();
      await this.db.transaction((tx) => tx.run('UPDATE web_session SET last_seen_at = ?, idle_expires_at = ? WHERE id_hash = ? AND ended_at IS NULL', [iso, idle, idHash]));
    }
    return {
      idHash,
      actor: withTokenIssuer({ id: row.user_id, name: row.name, roles }, row.token_id ? { id: row.token_id, user_id: row.user_id, issued_by: row.issued_by, issued_by_name: row.issued_by_name } : null),
      method: row.method as SignInMethod,
      idToken: row.id_token,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  /**
   * End this request's session on the server and clear the cookie. Returns the ended session (with the id token,
   * for RP-initiated logout), or null when there was none.
   */
  async end(req: Request, res: Response, reason = 'signed-out'): Promise<WebSession | null> {
    const session = await this.current(req);
    const id = readCookie(req, SESSION_COOKIE);
    if (id && SESSION_ID.test(id)) await this.endByHash(hashId(id), reason);
    if (id !== null) this.clearCookie(res, this.isSecure(req));
    return session;
  }

  /** End every live session of a user (for example when their roles change). */
  async endAllFor(userId: string, reason: string): Promise<number> {
    const now = this.clock.now().toISOString();
    const r = await this.db.transaction((tx) => tx.run('UPDATE web_session SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL', [now, reason, userId]));
    return r.changes;
  }

  /** Remove sessions that ended or expired more than a day ago. */
  async purge(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - 86_400_000).toISOString();
    const r = await this.db.transaction((tx) => tx.run('DELETE FROM web_session WHERE expires_at < ? OR ended_at < ?', [cutoff, cutoff]));
    return r.changes;
  }

  /** Is this request's connection TLS (directly, or per the `trust proxy` setting of the application)? */
  isSecure(req: Request): boolean {
    return req.secure === true;
  }

  private async endByHash(idHash: string, reason: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction((tx) => tx.run('UPDATE web_session SET ended_at = ?, end_reason = ? WHERE id_hash = ? AND ended_at IS NULL', [now, reason, idHash]));
  }

  private setCookie(res: Response, id: string, secure: boolean): void {
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: this.options.absoluteMs });
  }

  private clearCookie(res: Response, secure: boolean): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }
}

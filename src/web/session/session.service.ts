import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Role } from '../../../workflows/facts';
import { ActorContext, Clock } from '../../common';
import { roleSetProblem } from '../../auth';
import { UserRepository, withTokenIssuer } from '../../users';
import { Db } from '../../database';
import { SessionRepository } from './session.repository';

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
      const u = await UserRepository.find(tx, userId);
      if (!u || u.disabledAt) return null;
      await SessionRepository.insert(tx, {
        idHash: hashId(id), userId, method: opts.method, tokenId: opts.tokenId ?? null, idToken: opts.idToken ?? null, csrfToken: csrf,
        createdAt: iso, lastSeenAt: iso, idleExpiresAt, expiresAt,
      });
      return u;
    });
    if (!user) throw new Error(`SessionService.start: user ${userId} does not exist or is disabled`);
    this.setCookie(res, id, req ? this.isSecure(req) : false);
    return {
      idHash: hashId(id),
      actor: { id: userId, name: user.name, roles: user.roles as Role[] },
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
    const found = await this.db.read((tx) => SessionRepository.withCredentials(tx, idHash));
    if (!found || found.session.endedAt) return null;
    const { session: s, user, token } = found;
    const now = this.clock.now();
    const iso = now.toISOString();
    const roles = user.roles as Role[];
    const invalid =
      // Issue #12: a user whose roles are no longer an allowed combination (or none) has no session either.
      roleSetProblem(roles) !== null ||
      user.disabledAt !== null ||
      token === 'missing' ||
      (token !== null && (token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= iso)));
    const expired = s.expiresAt <= iso || s.idleExpiresAt <= iso;
    if (invalid || expired) {
      await this.endByHash(idHash, expired ? 'expired' : 'credentials-invalid');
      return null;
    }
    if (now.getTime() - Date.parse(s.lastSeenAt) >= this.options.touchEveryMs) {
      const idle = new Date(Math.min(now.getTime() + this.options.idleMs, Date.parse(s.expiresAt))).toISOString();
      await this.db.transaction((tx) => SessionRepository.touch(tx, idHash, iso, idle));
    }
    const issuer = token !== null ? { id: s.tokenId!, userId: s.userId, issuedBy: token.issuedBy, issuedByName: token.issuedByName } : null;
    return {
      idHash,
      actor: withTokenIssuer({ id: s.userId, name: user.name, roles }, issuer),
      method: s.method as SignInMethod,
      idToken: s.idToken,
      csrfToken: s.csrfToken,
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
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
    return this.db.transaction((tx) => SessionRepository.end(tx, { userId }, { endedAt: now, endReason: reason }));
  }

  /** Is this request's connection TLS (directly, or per the `trust proxy` setting of the application)? */
  isSecure(req: Request): boolean {
    return req.secure === true;
  }

  private async endByHash(idHash: string, reason: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction((tx) => SessionRepository.end(tx, { idHash }, { endedAt: now, endReason: reason }));
  }

  private setCookie(res: Response, id: string, secure: boolean): void {
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: this.options.absoluteMs });
  }

  private clearCookie(res: Response, secure: boolean): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Role, ROLES } from '../../workflows/facts';
import { AuditService } from '../audit';
import { may, roleSetProblem } from '../auth';
import { AccessDenied, ActorContext, Clock, DomainError, OffsetPage, SYSTEM_ACTOR } from '../common';
import { ApiTokenEntity, Db, isUniqueViolation, Tx, UserEntity } from '../database';
import { TokenRepository } from './token.repository';
import { PageRequest, UserRepository } from './user.repository';

export interface UserView {
  id: string;
  name: string;
  roles: Role[];
  createdAt: string;
  createdBy: string;
  disabledAt: string | null;
}

export interface TokenView {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
  /** Who created the token (a user id, `cli:<account>`, or `system` for the bootstrap token). */
  issuedBy: string | null;
  issuedByName: string | null;
}

/** Token format: `kw_<token id>.<secret>`; only SHA-256 of the 32-byte secret is stored. */
const TOKEN_RE = /^kw_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
/** A fixed id, so two instances starting on an empty database cannot both create the first beheerder. */
export const BOOTSTRAP_USER_ID = '00000000-0000-4000-8000-000000000001';
/** The actor that provisions users who sign in through the identity provider. */
export const OIDC_ACTOR_ID = 'oidc';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

const toUser = (u: UserEntity): UserView => ({
  id: u.id,
  name: u.name,
  roles: u.roles as Role[],
  createdAt: u.createdAt,
  createdBy: u.createdBy,
  disabledAt: u.disabledAt,
});

const isActive = (t: ApiTokenEntity, now: string): boolean => !t.revokedAt && !(t.expiresAt && t.expiresAt <= now);

function toToken(t: ApiTokenEntity, now: string): TokenView {
  const status = t.revokedAt ? 'revoked' : isActive(t, now) ? 'active' : 'expired';
  return {
    id: t.id,
    userId: t.userId,
    label: t.label,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    status,
    issuedBy: t.issuedBy,
    issuedByName: t.issuedByName,
  };
}

export function validateRoles(roles: readonly string[], field = 'roles'): Role[] {
  if (!roles.length) throw DomainError.validation([{ field, message: 'at least one role is required' }]);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw DomainError.validation([{ field, message: `unknown role(s) ${bad.join(', ')}; one of: ${ROLES.join(', ')}` }]);
  const unique = [...new Set(roles)] as Role[];
  const problem = roleSetProblem(unique);
  if (problem) throw DomainError.validation([{ field, message: problem.en, nl: `Rollen: ${problem.nl}.` }]);
  return unique;
}

/** last_used_at is written at most once per this many milliseconds per token (a read must not become a write each time). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The issuer recorded on a token: who created it. The service itself (`system`) issues only the bootstrap token. */
const issuerOf = (actor: ActorContext) => ({ id: actor.id, name: actor.name });

/**
 * The actor of a request made with a token (the API, or a web session started with one): with `tokenIssuedBy` when
 * someone other than the user issued that token.
 */
export function withTokenIssuer(actor: ActorContext, token: TokenIssuer | null): ActorContext {
  const issuer = token ? foreignIssuer(token) : undefined;
  return issuer ? { ...actor, tokenIssuedBy: issuer } : actor;
}

type TokenIssuer = Pick<ApiTokenEntity, 'id' | 'userId' | 'issuedBy' | 'issuedByName'>;

/** A token someone other than its user issued: actions taken with it name the issuer (issue #12). */
function foreignIssuer(t: TokenIssuer) {
  if (!t.issuedBy || t.issuedBy === t.userId || t.issuedBy === SYSTEM_ACTOR.id) return undefined;
  return { id: t.issuedBy, name: t.issuedByName ?? t.issuedBy, tokenId: t.id };
}

/**
 * Users, roles and API tokens. A token is shown once, when it is made; afterwards only its id, label
 * and dates can be listed. Every change is an audit event in the `system` stream.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private async insertToken(tx: Tx, userId: string, label: string, expiresAt: string | null, now: string, issuer: { id: string; name: string }) {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const secretHash = sha256(secret).toString('hex');
    await TokenRepository.insert(tx, { id, userId, secretHash, label, createdAt: now, expiresAt, issuedBy: issuer.id, issuedByName: issuer.name });
    return { id, token: `kw_${id}.${secret}` };
  }

  async createUser(
    actor: ActorContext,
    input: { name: string; roles: readonly string[]; tokenLabel?: string; tokenExpiresAt?: string | null; id?: string },
  ): Promise<{ user: UserView; token: string; tokenId: string }> {
    const name = input.name?.trim();
    if (!name) throw DomainError.validation([{ field: 'name', message: 'must not be empty' }]);
    if (name.length > 200) throw DomainError.validation([{ field: 'name', message: 'must be at most 200 characters' }]);
    const roles = validateRoles(input.roles);
    const now = this.clock.now().toISOString();
    if (input.tokenExpiresAt && input.tokenExpiresAt <= now)
      throw DomainError.validation([{ field: 'tokenExpiresAt', message: 'must lie in the future' }]);
    return this.db.transaction(async (tx) => {
      const id = input.id ?? randomUUID();
      await UserRepository.insert(tx, { id, name, roles, createdAt: now, createdBy: actor.id });
      const t = await this.insertToken(tx, id, input.tokenLabel ?? 'initial', input.tokenExpiresAt ?? null, now, issuerOf(actor));
      await this.audit.append(tx, {
        actor,
        action: 'user.created',
        occurredAt: now,
        payload: { after: { id, name, roles }, token: { id: t.id, label: input.tokenLabel ?? 'initial', expiresAt: input.tokenExpiresAt ?? null } },
      });
      const user: UserView = { id, name, roles, createdAt: now, createdBy: actor.id, disabledAt: null };
      return { user, token: t.token, tokenId: t.id };
    });
  }

  /**
   * On the first start with an empty database: one `beheerder` with a one-time token. Returns the token,
   * or null when users exist (the fixed id makes a second instance starting at the same time lose the race).
   */
  async bootstrap(actor: ActorContext): Promise<string | null> {
    if (await this.db.read((tx) => UserRepository.any(tx))) return null;
    try {
      const { token } = await this.createUser(actor, { id: BOOTSTRAP_USER_ID, name: 'beheerder', roles: ['beheerder'], tokenLabel: 'bootstrap' });
      return token;
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  /**
   * A new token for `userId` (issue #12, segregation of duties). A user creates tokens for their own account; a
   * beheerder only hands a user their first one (a user who has never had a token, e.g. one provisioned through the
   * identity provider). A user who creates their own token with the token a beheerder handed them exchanges it: the
   * handed-over token is revoked in the same transaction, so whoever else saw it cannot use it any more.
   * With `recover` (the command line only), an operator on the server may issue a token to a user whose tokens are
   * all revoked or expired; that token, too, names its issuer on every action.
   */
  async createToken(
    actor: ActorContext,
    userId: string,
    input: { label?: string; expiresAt?: string | null },
    opts: { recover?: boolean } = {},
  ): Promise<{ tokenId: string; token: string; userId: string; label: string; expiresAt: string | null; revokedTokenId: string | null }> {
    const now = this.clock.now().toISOString();
    if (input.expiresAt && input.expiresAt <= now) throw DomainError.validation([{ field: 'expiresAt', message: 'must lie in the future' }]);
    const outcome = await this.db.transaction(async (tx) => {
      if (!(await UserRepository.find(tx, userId))) throw DomainError.notFound('User', userId);
      const own = actor.id === userId;
      // The service itself (never a request: set-up, tests) is not bound by the rule; its tokens are not foreign-issued either.
      if (!own && actor.id !== SYSTEM_ACTOR.id) {
        const tokens = await TokenRepository.ofUser(tx, userId);
        const first = tokens.length === 0;
        const recovery = opts.recover === true && !tokens.some((t) => isActive(t, now));
        if (!may(actor.roles, 'token.issue-first')) return { denied: 'not-own-account' as const };
        if (!first && !recovery) return { denied: 'not-first-token' as const };
      }
      const label = input.label?.trim() || 'token';
      const t = await this.insertToken(tx, userId, label, input.expiresAt ?? null, now, issuerOf(actor));
      // Exchanging a handed-over token: the one this request was made with stops working now.
      const exchanged = own && actor.tokenIssuedBy ? actor.tokenIssuedBy.tokenId : null;
      if (exchanged) await TokenRepository.revoke(tx, exchanged, now);
      await this.audit.append(tx, {
        actor,
        action: 'token.created',
        occurredAt: now,
        payload: {
          userId,
          token: { id: t.id, label, expiresAt: input.expiresAt ?? null },
          issuedBy: actor.id,
          ...(exchanged ? { revokedHandedOverToken: exchanged } : {}),
          ...(!own && opts.recover ? { recovery: true } : {}),
        },
      });
      return { tokenId: t.id, token: t.token, userId, label, expiresAt: input.expiresAt ?? null, revokedTokenId: exchanged };
    });
    if (!('denied' in outcome)) return outcome;
    // A refusal: whoever answers the request writes it to the access log, with the request's path.
    throw new AccessDenied(
      { actions: ['token.issue-first'], reason: outcome.denied },
      outcome.denied === 'not-own-account'
        ? 'You may create tokens for your own account only.'
        : `User ${userId} already has a token: only the user themself creates further tokens (a beheerder hands out the first one only, and may revoke tokens).`,
      { reason: outcome.denied },
      outcome.denied === 'not-own-account'
        ? 'U mag alleen tokens voor uw eigen account aanmaken.'
        : `Gebruiker ${userId} heeft al een token: alleen de gebruiker zelf maakt verdere tokens aan. De beheerder geeft alleen het eerste token uit en kan tokens intrekken.`,
    );
  }

  /** Revoke a token: a beheerder any token, everyone else their own. */
  async revokeToken(actor: ActorContext, tokenId: string): Promise<TokenView> {
    const now = this.clock.now().toISOString();
    const outcome = await this.db.transaction(async (tx) => {
      const token = await TokenRepository.find(tx, tokenId);
      if (!token) throw DomainError.notFound('Token', tokenId);
      if (token.userId !== actor.id && !may(actor.roles, 'user.manage') && actor.id !== SYSTEM_ACTOR.id) return null;
      if (!token.revokedAt) {
        await TokenRepository.revoke(tx, tokenId, now);
        await this.audit.append(tx, { actor, action: 'token.revoked', occurredAt: now, payload: { userId: token.userId, tokenId } });
      }
      return toToken({ ...token, revokedAt: token.revokedAt ?? now }, now);
    });
    if (outcome) return outcome;
    throw new AccessDenied({ actions: ['user.manage'], reason: 'not-own-token' }, 'You may revoke your own tokens only.', { reason: 'not-own-token' }, 'U mag alleen uw eigen tokens intrekken.');
  }

  /**
   * A person signed in through the identity provider (issue #12): the user for (issuer, subject), created on the first
   * sign-in, with the roles their claim maps to now — a role the claim no longer carries is taken away here. `roles`
   * empty (no mapped role) refuses the sign-in; an existing user then keeps no role, so their API tokens stop
   * working too. One transaction, one audit event (`user.created`, `user.roles-changed` or `user.sign-in-refused`).
   */
  async signInWithOidc(
    person: { issuer: string; subject: string; name: string },
    mapped: { ok: boolean; roles: Role[]; reason?: string },
  ): Promise<{ ok: true; user: UserView } | { ok: false; reason: string; userId: string | null }> {
    const now = this.clock.now().toISOString();
    const actor: ActorContext = { id: OIDC_ACTOR_ID, name: 'identiteitsprovider (OpenID Connect)', roles: [] };
    const name = person.name.trim().slice(0, 200) || person.subject.slice(0, 200);
    const who = { issuer: person.issuer, subject: person.subject };
    return this.db.transaction(async (tx) => {
      const row = await UserRepository.findByOidc(tx, person.issuer, person.subject);
      const before = row ? row.roles : [];
      const after = mapped.ok ? mapped.roles : [];
      const changed = JSON.stringify(before) !== JSON.stringify(after);
      if (row && changed) {
        await UserRepository.setRoles(tx, row.id, after);
        await this.audit.append(tx, { actor, action: 'user.roles-changed', occurredAt: now, payload: { userId: row.id, ...who, before, after } });
      }
      if (!mapped.ok || (row && row.disabledAt)) {
        const reason = row?.disabledAt ? 'disabled' : (mapped.reason ?? 'no-mapped-role');
        await this.audit.append(tx, { actor, action: 'user.sign-in-refused', occurredAt: now, payload: { userId: row?.id ?? null, ...who, reason } });
        return { ok: false as const, reason, userId: row?.id ?? null };
      }
      if (row) return { ok: true as const, user: toUser({ ...row, roles: after }) };
      const id = randomUUID();
      await UserRepository.insert(tx, { id, name, roles: after, createdAt: now, createdBy: actor.id, oidcIssuer: person.issuer, oidcSubject: person.subject });
      await this.audit.append(tx, { actor, action: 'user.created', occurredAt: now, payload: { after: { id, name, roles: after }, ...who } });
      return { ok: true as const, user: { id, name, roles: after, createdAt: now, createdBy: actor.id, disabledAt: null } };
    });
  }

  /**
   * Change a user's roles (a beheerder, on the command line): validated against the role-combination table, one
   * audit event with before and after. A user provisioned through the identity provider gets their roles from it
   * at every sign-in instead.
   */
  async setRoles(actor: ActorContext, userId: string, roles: readonly string[]): Promise<UserView> {
    const after = validateRoles(roles);
    const now = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      const row = await UserRepository.find(tx, userId);
      if (!row) throw DomainError.notFound('User', userId);
      if (row.oidcSubject)
        throw DomainError.validation([
          {
            field: 'roles',
            message: 'this user signs in through the identity provider, which decides their roles (oidc.roleMapping)',
            nl: 'Rollen: deze gebruiker logt in via de provincie; de rollen komen daarvandaan (oidc.roleMapping).',
          },
        ]);
      const before = row.roles as Role[];
      await UserRepository.setRoles(tx, userId, after);
      await this.audit.append(tx, { actor, action: 'user.roles-changed', occurredAt: now, payload: { userId, before, after } });
      return toUser({ ...row, roles: after });
    });
  }

  listUsers(): Promise<UserView[]> {
    return this.db.read(async (tx) => (await UserRepository.all(tx)).map(toUser));
  }

  /** One page of {@link listUsers}, in the same order. */
  pageUsers(page: PageRequest): Promise<OffsetPage<UserView>> {
    return this.db.read(async (tx) => {
      const { rows, total } = await UserRepository.page(tx, page);
      return { items: rows.map(toUser), total, ...page };
    });
  }

  /** Active teamleiders, names and ids only, by name (issue #11: a beleidsmedewerker names the one to decide a waiver). */
  pageTeamleiders(page: PageRequest): Promise<OffsetPage<{ id: string; name: string }>> {
    return this.db.read(async (tx) => {
      const { rows, total } = await UserRepository.activeTeamleiders(tx, page);
      return { items: rows.map((u) => ({ id: u.id, name: u.name })), total, ...page };
    });
  }

  listTokens(userId?: string): Promise<TokenView[]> {
    const now = this.clock.now().toISOString();
    return this.db.read(async (tx) => (await TokenRepository.all(tx, userId)).map((t) => toToken(t, now)));
  }

  /** One page of {@link listTokens}, in the same order. */
  pageTokens(userId: string | undefined, page: PageRequest): Promise<OffsetPage<TokenView>> {
    const now = this.clock.now().toISOString();
    return this.db.read(async (tx) => {
      const { rows, total } = await TokenRepository.page(tx, userId, page);
      return { items: rows.map((t) => toToken(t, now)), total, ...page };
    });
  }

  /**
   * The actor behind a bearer token, or null. The secret is compared in constant time. A user whose stored roles
   * are a combination no longer allowed (issue #12) is refused until a beheerder changes them. `lastUsedAt` is kept
   * to the minute.
   */
  async authenticate(token: string): Promise<ActorContext | null> {
    const m = TOKEN_RE.exec(token);
    if (!m) return null;
    const [, id, secret] = m;
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const found = await this.db.read((tx) => TokenRepository.withUser(tx, id));
    const expected = found ? Buffer.from(found.token.secretHash, 'hex') : Buffer.alloc(32);
    const ok = timingSafeEqual(sha256(secret), expected);
    if (!found || !ok || !isActive(found.token, nowIso) || found.user.disabledAt) return null;
    const { token: t, user } = found;
    const roles = user.roles as Role[];
    if (roleSetProblem(roles)) return null;
    if (!t.lastUsedAt || Date.parse(t.lastUsedAt) <= now.getTime() - LAST_USED_RESOLUTION_MS) {
      await this.db.transaction((tx) => TokenRepository.touch(tx, id, nowIso));
    }
    const issuer = foreignIssuer(t);
    return { id: t.userId, name: user.name, roles, tokenId: t.id, ...(issuer ? { tokenIssuedBy: issuer } : {}) };
  }
}

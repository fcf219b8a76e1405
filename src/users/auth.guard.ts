import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { AccessDenied, DomainError, setRateLimitHeaders } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { UsersService } from './users.service';
import { Action, AuthedRequest, mayAny, PERMISSION_KEY, PUBLIC_KEY } from '../auth';

/** Failed authentications are counted per client address over this window (issue #12). */
export const AUTH_FAILURE_WINDOW_MS = 60_000;

/** The route pattern of a request (`/api/v1/dossiers/:id`), never the raw path: bounded, whatever the client sent. */
export function routePattern(req: AuthedRequest): string {
  const route = (req as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? route.path : '(no route)';
}

/**
 * Step 1 of 3 (before the rate limiter): who is calling. Every request except the public ones needs
 * `Authorization: Bearer <token>` (401 otherwise). A failed authentication counts against the client address, never
 * against the token it names, so knowing a token's id does not let anyone lock its owner out; past
 * `rateLimitPerMinute` failures a minute an address gets 429 instead of 401.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    // A public route needs no token; one that is sent anyway is checked like anywhere else (401 when it is not valid).
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]) && header === undefined) return true;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const actor = m ? await this.users.authenticate(m[1]) : null;
    if (actor) {
      req.actor = actor;
      return true;
    }
    const limit = this.config.rateLimitPerMinute;
    const hits = await this.storage.increment(`auth-failure:${req.ip ?? 'unknown'}`, AUTH_FAILURE_WINDOW_MS, limit, AUTH_FAILURE_WINDOW_MS, 'auth-failure');
    const blocked = hits.totalHits > limit || hits.isBlocked;
    // The failures window is the one that matters to this caller: its headers go on the 401 and the 429 (OpenAPI document).
    const reset = Math.max(0, blocked ? hits.timeToBlockExpire : hits.timeToExpire);
    setRateLimitHeaders(ctx.switchToHttp().getResponse<Response>(), { limit, remaining: Math.max(0, limit - hits.totalHits), reset }, blocked);
    if (blocked) {
      throw new DomainError('rate-limited', 'Too many failed authentications from your address; retry later.');
    }
    throw new DomainError('unauthenticated', m ? 'The bearer token is not valid, expired or revoked.' : 'Send Authorization: Bearer <token>.');
  }
}

/**
 * Step 3 of 3 (after the rate limiter): a route's `@Allow(...)` actions are checked against the actor's roles (403
 * otherwise, itself an audit event that records the route pattern and a hash of the raw path, never the path itself:
 * ProblemDetailsFilter writes it).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const actor = req.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Send Authorization: Bearer <token>.');
    const actions = this.reflector.getAllAndOverride<Action[] | undefined>(PERMISSION_KEY, targets);
    if (actions && !mayAny(actor.roles, actions)) {
      const dossierId = typeof req.params?.id === 'string' ? req.params.id : null;
      throw new AccessDenied({ actions, dossierId, route: routePattern(req) }, `Your role(s) ${actor.roles.join(', ')} may not ${actions.join(' or ')}.`, {
        requiredActions: actions,
      });
    }
    return true;
  }
}

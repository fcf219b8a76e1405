import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UsersService } from '../users/users.service';
import { AccessLog } from './access-log.service';
import { AuthedRequest, PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators';
import { Action, mayAny } from './permissions';

/**
 * Every request except the public ones needs `Authorization: Bearer <token>` (401 otherwise); a route's
 * `@Allow(...)` actions are checked against the actor's roles (403 otherwise, itself an audit event).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const actor = m ? await this.users.authenticate(m[1]) : null;
    if (!actor) throw new DomainError('unauthenticated', m ? 'The bearer token is not valid, expired or revoked.' : 'Send Authorization: Bearer <token>.');
    req.actor = actor;
    const actions = this.reflector.getAllAndOverride<Action[] | undefined>(PERMISSION_KEY, targets);
    if (actions && !mayAny(actor.roles, actions)) {
      const dossierId = typeof req.params?.id === 'string' ? req.params.id : null;
      await this.accessLog.denied(actor, { method: req.method, path: req.path, actions, dossierId }, this.clock.now());
      throw new DomainError('forbidden', `Your role(s) ${actor.roles.join(', ')} may not ${actions.join(' or ')}.`, { requiredActions: actions });
    }
    return true;
  }
}

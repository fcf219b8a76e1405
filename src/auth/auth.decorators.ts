import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { ActorContext } from '../common';
import { Action } from './permissions';

export const PUBLIC_KEY = 'kw:public';
export const PERMISSION_KEY = 'kw:permission';

/** No token needed (health, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs a role that may do at least one of these actions (src/auth/permissions.ts). */
export const Allow = (...actions: Action[]) => SetMetadata(PERMISSION_KEY, actions);

export type AuthedRequest = Request & { actor?: ActorContext; id?: string };

/** The authenticated actor of this request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): ActorContext => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});

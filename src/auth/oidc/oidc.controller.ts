import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth.decorators';
import { DomainError } from '../../common/domain-error';
import { UsersService } from '../../users/users.service';
import { LOGIN_STATE_COOKIE } from './login-state';
import { CALLBACK_PATH, OidcService } from './oidc.service';
import { cookie, OIDC_SESSIONS, OidcSessions } from './oidc-sessions';

/**
 * The browser side of sign-in through the identity provider: `/inloggen/oidc` starts it, the provider sends the
 * browser back to `/inloggen/callback`, `/uitloggen/oidc` ends the session here and at the provider. Not part of the
 * API (no OpenAPI entry): these answer browsers with redirects.
 */
@ApiExcludeController()
@Controller()
export class OidcController {
  constructor(
    @Inject(OidcService) private readonly oidc: OidcService,
    @Inject(OIDC_SESSIONS) private readonly sessions: OidcSessions,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  private get secure(): boolean {
    return this.oidc.publicUrl.startsWith('https:');
  }

  @Get('inloggen/oidc')
  @Public()
  async start(@Query('terug') returnTo: unknown, @Res() res: Response): Promise<void> {
    const { url, cookie: sealed, maxAgeMs } = await this.oidc.begin(returnTo);
    res.cookie(LOGIN_STATE_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/inloggen', maxAge: maxAgeMs });
    res.redirect(302, url);
  }

  @Get(CALLBACK_PATH.slice(1))
  @Public()
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const sealed = cookie(req, LOGIN_STATE_COOKIE);
    // The login state is used once, whatever the outcome.
    res.clearCookie(LOGIN_STATE_COOKIE, { path: '/inloggen' });
    const { user, idToken, returnTo } = await this.oidc.complete(req.originalUrl, sealed);
    await this.sessions.start(res, user.id, { method: 'oidc', idToken });
    res.redirect(302, returnTo);
  }

  /** Who is signed in with this browser (until the web application's pages take this over). */
  @Get('inloggen/sessie')
  @Public()
  async session(@Req() req: Request) {
    const userId = await this.sessions.currentUserId(req);
    const user = userId ? await this.users.getUser(userId) : undefined;
    if (!user) throw new DomainError('unauthenticated', 'Not signed in.');
    return { id: user.id, name: user.name, roles: user.roles, method: 'oidc' };
  }

  @Get('uitloggen/oidc')
  @Public()
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ended = await this.sessions.end(req, res);
    res.redirect(302, await this.oidc.endSessionUrl(ended?.idToken ?? null));
  }
}

import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth';
import { DomainError } from '../../common';
import { readCookie, SessionService } from '../session/session.service';
import { safeReturn, startPage } from '../sign-in.controller';
import { errorPage } from '../views/error-page';
import { WebRequest } from '../web.guard';
import { LOGIN_STATE_COOKIE } from './login-state';
import { CALLBACK_PATH, OidcService } from './oidc.service';

/**
 * The browser side of sign-in through the identity provider (issue #12): `/inloggen/oidc` sends the browser to the
 * provider, which sends it back to `/inloggen/callback`; there a web session starts (src/web/session). Signing out is
 * the web application's `POST /uitloggen`, which ends the session and then the provider's (RP-initiated logout).
 * Not part of the API (no OpenAPI entry): these answer browsers with redirects and Dutch pages.
 */
@ApiExcludeController()
@Public()
@Controller()
export class OidcController {
  constructor(
    @Inject(OidcService) private readonly oidc: OidcService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  private get secure(): boolean {
    return this.oidc.publicUrl.startsWith('https:');
  }

  @Get('inloggen/oidc')
  async start(@Query('terug') terug: unknown, @Req() req: WebRequest, @Res() res: Response): Promise<void> {
    try {
      const { url, cookie, maxAgeMs } = await this.oidc.begin(safeReturn(terug));
      res.cookie(LOGIN_STATE_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/inloggen', maxAge: maxAgeMs });
      res.redirect(302, url);
    } catch (e) {
      this.fail(req, res, e);
    }
  }

  @Get(CALLBACK_PATH.slice(1))
  async callback(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    const sealed = readCookie(req, LOGIN_STATE_COOKIE);
    // The login state is used once, whatever the outcome.
    res.clearCookie(LOGIN_STATE_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/inloggen' });
    try {
      const { user, idToken, returnTo } = await this.oidc.complete(req.originalUrl, sealed);
      await this.sessions.start(res, user.id, { method: 'oidc', idToken });
      res.redirect(303, returnTo === '/' ? startPage(user.roles) : returnTo);
    } catch (e) {
      const userId = e instanceof DomainError && typeof e.details.userId === 'string' ? e.details.userId : null;
      // A person who lost every role: their other sessions end too.
      if (userId) await this.sessions.endAllFor(userId, 'roles-removed');
      this.fail(req, res, e);
    }
  }

  private fail(req: WebRequest, res: Response, e: unknown): void {
    if (!(e instanceof DomainError)) throw e;
    const ctx = { session: null, path: req.path };
    const [status, title, text] =
      e.code === 'forbidden'
        ? [403, 'Geen toegang', e.details.reason === 'disabled' ? 'Uw account in Kaderwijzer is uitgeschakeld.' : 'Uw account bij de provincie heeft geen rol in Kaderwijzer. Vraag de beheerder om een rol.']
        : e.code === 'unauthenticated'
          ? [401, 'Inloggen mislukt', 'Het inloggen via de provincie kon niet worden bevestigd. Begin opnieuw op de inlogpagina.']
          : [503, 'Inloggen niet mogelijk', 'De inlogdienst van de provincie is nu niet bereikbaar. Probeer het later opnieuw.'];
    res.status(status).type('html').send(errorPage(ctx, status, title, text));
  }
}

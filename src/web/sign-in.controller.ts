import { Controller, Get, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { Public } from '../auth';
import { OidcService } from './oidc/oidc.service';
import { UsersService } from '../users';
import { stylesheet } from './assets';
import { formValue, queryValue } from './form';
import { SessionService } from './session/session.service';
import { signInPage, signOutPage } from './views/sign-in';
import { LOGIN_CSRF_COOKIE, WebController, WebPublic, WebRedirect, WebRequest } from './web.guard';

/** Where to go after signing in: a local path only (never another site). */
export function safeReturn(terug: unknown): string {
  return typeof terug === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(terug) && !terug.startsWith('/inloggen') ? terug : '/';
}

/** The start page of each role. */
export function startPage(roles: readonly string[]): string {
  if (roles.includes('beleidsmedewerker')) return '/dossiers';
  if (roles.includes('teamleider')) return '/teamleider';
  if (roles.includes('griffie')) return '/griffie';
  if (roles.includes('auditor')) return '/dossiers';
  return '/werkstroom';
}

const TOKEN_ID = /^kw_([0-9a-f]{16})\./;

@WebController()
export class SignInController {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(UsersService) private readonly users: UsersService,
    // Present only when sign-in through the province's identity provider is configured (issue #12).
    @Optional() @Inject(OidcService) private readonly oidc?: OidcService,
  ) {}

  @Get()
  home(@Req() req: WebRequest) {
    throw new WebRedirect(startPage(req.actor!.roles));
  }

  @Get('inloggen')
  @WebPublic()
  signInForm(@Req() req: WebRequest, @Res() res: Response) {
    const signedOut = queryValue(req, 'uitgelogd') !== undefined;
    if (req.webSession && !signedOut) throw new WebRedirect(safeReturn(queryValue(req, 'terug')));
    this.page(req, res, 200, { terug: safeReturn(queryValue(req, 'terug')), signedOut });
  }

  @Post('inloggen')
  @WebPublic()
  async signIn(@Req() req: WebRequest, @Res() res: Response) {
    const token = formValue(req, 'token').trim();
    const terug = safeReturn(formValue(req, 'terug'));
    if (!token) return this.page(req, res, 400, { terug, error: 'Vul uw token in.' });
    const actor = await this.users.authenticate(token);
    if (!actor) return this.page(req, res, 400, { terug, error: 'Dit token is onjuist, verlopen of ingetrokken. Vraag de beheerder om een nieuw token.' });
    await this.sessions.start(res, actor.id, { method: 'token', tokenId: TOKEN_ID.exec(token)![1] });
    res.clearCookie(LOGIN_CSRF_COOKIE, { path: '/inloggen' });
    res.redirect(303, terug === '/' ? startPage(actor.roles) : terug);
  }

  @Get('uitloggen')
  signOutForm(@Req() req: WebRequest, @Res() res: Response) {
    res.type('html').send(signOutPage({ session: req.webSession ?? null, path: req.path }));
  }

  @Post('uitloggen')
  async signOut(@Req() req: WebRequest, @Res() res: Response) {
    const ended = await this.sessions.end(req, res);
    // Signed in through the identity provider: end the session there too (RP-initiated logout).
    if (ended?.method === 'oidc' && this.oidc) return res.redirect(303, await this.oidc.endSessionUrl(ended.idToken));
    res.redirect(303, '/inloggen?uitgelogd=1');
  }

  private page(req: WebRequest, res: Response, status: number, opts: { terug: string; error?: string; signedOut?: boolean }) {
    const csrf = randomBytes(32).toString('base64url');
    res.cookie(LOGIN_CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/inloggen' });
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(status)
      .type('html')
      .send(signInPage({ session: null, path: req.path }, { ...opts, csrf, oidc: this.oidc !== undefined }));
  }
}

/** The stylesheet, under a content-hashed name: cached for a year. */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('assets')
export class AssetsController {
  @Get(':name')
  css(@Req() req: WebRequest, @Res() res: Response) {
    const s = stylesheet();
    if (req.path !== s.url) {
      res.status(404).type('text/plain').send('Niet gevonden');
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('ETag', s.etag);
    res.type('text/css; charset=utf-8').send(s.body);
  }
}

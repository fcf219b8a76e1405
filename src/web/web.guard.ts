import { applyDecorators, ArgumentsHost, CanActivate, Catch, Controller, ExceptionFilter, ExecutionContext, HttpException, Inject, Injectable, Logger, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessLog } from '../audit';
import { Action, mayAny, PERMISSION_KEY, Public } from '../auth';
import { AccessDenied, ActorContext, DomainError, ERROR_STATUS } from '../common';
import { formValue } from './form';
import { readCookie, sameSecret, SessionService, WebSession } from './session/session.service';
import { errorPage } from './views/error-page';

export type WebRequest = Request & { actor?: ActorContext; webSession?: WebSession | null; id?: string };

/** Pages that need no session (sign-in, assets). */
export const WEB_PUBLIC = 'kw:web-public';
export const WebPublic = () => SetMetadata(WEB_PUBLIC, true);

/** The double-submit cookie of the sign-in form (there is no session yet to tie a token to). */
export const LOGIN_CSRF_COOKIE = 'kw_inlog_csrf';

/** Go to another page (303 See Other after a POST). */
export class WebRedirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

/** A form that did not come from our own pages. */
export class CsrfRefused extends Error {
  constructor(readonly reason: string) {
    super(`cross-site request refused: ${reason}`);
  }
}

/** The origin this request was sent to, as a browser names it in `Origin`. */
export function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * A state-changing request must come from one of our own pages: its Origin (or, failing that, its Referer) must be
 * this site's, and it must carry the synchronizer token of the session (or of the sign-in form's cookie).
 */
export function checkCsrf(req: WebRequest, expected: string | null): void {
  const origin = req.get('origin');
  const own = ownOrigin(req);
  if (origin !== undefined) {
    if (origin !== own) throw new CsrfRefused('origin');
  } else {
    const referer = req.get('referer');
    if (referer !== undefined && referer !== own && !referer.startsWith(`${own}/`)) throw new CsrfRefused('referer');
  }
  const sent = formValue(req, '_csrf');
  if (!expected || !sent || !sameSecret(sent, expected)) throw new CsrfRefused('token');
}

/**
 * Every web page: the session (or a redirect to /inloggen), CSRF on POST, and the same permission table as the API
 * (`@Allow` on the handler; a refusal is an audit event, as in the API's AuthGuard: WebExceptionFilter writes it).
 */
@Injectable()
export class WebGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<WebRequest>();
    // helmet's no-referrer would make the browser send `Origin: null` with our own forms; same-origin keeps the
    // Origin (and Referer) for this site only.
    ctx.switchToHttp().getResponse<Response>().setHeader('Referrer-Policy', 'same-origin');
    const isPublic = this.reflector.getAllAndOverride<boolean>(WEB_PUBLIC, targets) ?? false;
    const session = await this.sessions.current(req);
    req.webSession = session;
    const post = req.method !== 'GET' && req.method !== 'HEAD';
    if (!session) {
      if (post && isPublic) checkCsrf(req, readCookie(req, LOGIN_CSRF_COOKIE));
      if (isPublic) return true;
      if (post) throw new CsrfRefused('session');
      throw new WebRedirect(req.originalUrl === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
    }
    if (post) checkCsrf(req, isPublic && req.path === '/inloggen' ? readCookie(req, LOGIN_CSRF_COOKIE) : session.csrfToken);
    req.actor = session.actor;
    const actions = this.reflector.getAllAndOverride<Action[] | undefined>(PERMISSION_KEY, targets);
    if (actions && !mayAny(session.actor.roles, actions)) {
      const dossierId = typeof req.params?.id === 'string' ? req.params.id : null;
      throw new AccessDenied({ actions, dossierId }, 'Uw rol geeft geen toegang tot deze pagina.', { requiredActions: actions });
    }
    return true;
  }
}

/** Web pages answer in HTML: redirects, a Dutch error page, never problem+json. A refusal is written to the access log first. */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  constructor(@Inject(AccessLog) private readonly accessLog: AccessLog) {}

  async catch(e: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<WebRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    e = await this.accessLog.refused(req, e).then(() => e, (failed: unknown) => failed);
    if (res.headersSent) return;
    const ctx = { session: req.webSession ?? null, path: req.path };
    if (e instanceof WebRedirect) {
      res.redirect(303, e.location);
      return;
    }
    if (e instanceof CsrfRefused) {
      res.status(403).type('html').send(
        errorPage(ctx, 403, 'Formulier geweigerd', e.reason === 'session'
          ? 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.'
          : 'Dit formulier is verlopen of komt niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens.'),
      );
      return;
    }
    if (e instanceof DomainError) {
      const status: number = ERROR_STATUS[e.code];
      const text =
        e.code === 'not-found'
          ? 'Deze pagina of dit dossier bestaat niet.'
          : e.code === 'forbidden'
            ? 'U heeft geen toegang tot deze pagina of handeling met uw rol.'
            : e.message;
      res.status(status).type('html').send(errorPage(ctx, status, status === 404 ? 'Niet gevonden' : status === 403 ? 'Geen toegang' : 'Dat lukte niet', text));
      return;
    }
    if (e instanceof HttpException && e.getStatus() < 500) {
      const status = e.getStatus();
      res.status(status).type('html').send(errorPage(ctx, status, status === 404 ? 'Niet gevonden' : 'Ongeldig verzoek', status === 404 ? 'Deze pagina bestaat niet.' : 'Het verzoek kon niet worden verwerkt.'));
      return;
    }
    this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    res.status(500).type('html').send(errorPage(ctx, 500, 'Er ging iets mis', 'Er ging aan onze kant iets mis. Probeer het later nog eens.'));
  }
}

/** A controller of web pages: left out of the API document, past the API's token guard, behind WebGuard, its errors as pages. */
export const WebController = (path?: string) =>
  applyDecorators(path === undefined ? Controller() : Controller(path), UseFilters(WebExceptionFilter), UseGuards(WebGuard), Public(), ApiExcludeController());

import { Provider, Type } from '@nestjs/common';
import { DEFAULT_SESSION_OPTIONS, SESSION_OPTIONS, SessionService } from './session/session.service';
import { DossierPagesController } from './dossiers.pages';
import { GriffiePagesController } from './griffie.pages';
import { HistoryPagesController } from './history.pages';
import { WorkflowPagesController } from './workflow.pages';
import { TeamPagesController } from './team.pages';
import { AssetsController, SignInController } from './sign-in.controller';
import { WebGuard } from './web.guard';

/**
 * The web application (issue #15): server-rendered pages on the same services as the API. Registered in AppModule
 * itself, so the pages reach the very providers the API controllers use.
 */
export const WEB_CONTROLLERS: Type<unknown>[] = [AssetsController, SignInController, DossierPagesController, TeamPagesController, GriffiePagesController, HistoryPagesController, WorkflowPagesController];

export const WEB_PROVIDERS: Provider[] = [{ provide: SESSION_OPTIONS, useValue: DEFAULT_SESSION_OPTIONS }, SessionService, WebGuard];

/** Paths served by the web application rather than the API: form bodies, HTML errors. */
export function isWebPath(path: string): boolean {
  return !path.startsWith('/api/') && path !== '/api' && path !== '/health' && !path.startsWith('/health/');
}

import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuditorModule } from '../auditor';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { ComplianceModule } from '../compliance';
import { InfrastructureModule } from '../database';
import { DossiersModule } from '../dossiers';
import { UsersModule } from '../users';
import { WorkflowCatalogueModule } from '../workflow-catalogue';
import { WorkflowMigrationsModule } from '../workflow-migrations';
import { DEFAULT_SESSION_OPTIONS, SESSION_OPTIONS, SessionService } from './session/session.service';
import { DossierPagesController } from './dossiers.pages';
import { GriffiePagesController } from './griffie.pages';
import { HistoryPagesController } from './history.pages';
import { MigrationPagesController } from './migration.pages';
import { WorkflowPagesController } from './workflow.pages';
import { TeamPagesController } from './team.pages';
import { AssetsController, SignInController } from './sign-in.controller';
import { WebGuard } from './web.guard';

export interface WebOptions {
  /** Sign-in through the province's identity provider (issue #12): only when the OIDC settings are present. */
  oidc: boolean;
}

/**
 * The web application (issue #15): server-rendered pages on the same services as the API, with its own sessions
 * and guard.
 */
@Module({})
export class WebModule {
  static register(options: WebOptions): DynamicModule {
    return {
      module: WebModule,
      imports: [InfrastructureModule, AuditModule, UsersModule, WorkflowCatalogueModule, DossiersModule, ComplianceModule, AuditorModule, WorkflowMigrationsModule],
      controllers: [
        AssetsController,
        SignInController,
        DossierPagesController,
        TeamPagesController,
        MigrationPagesController,
        GriffiePagesController,
        HistoryPagesController,
        WorkflowPagesController,
        ...(options.oidc ? [OidcController] : []),
      ],
      providers: [{ provide: SESSION_OPTIONS, useValue: DEFAULT_SESSION_OPTIONS }, SessionService, WebGuard, ...(options.oidc ? [OidcService] : [])],
    };
  }
}

/** Paths served by the web application rather than the API: form bodies, HTML errors. */
export function isWebPath(path: string): boolean {
  return !path.startsWith('/api/') && path !== '/api' && path !== '/health' && !path.startsWith('/health/');
}

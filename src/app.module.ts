import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit';
import { AuditorModule } from './auditor';
import { AuthedRequest } from './auth';
import { AuthenticationGuard, AuthGuard, UsersModule } from './users';
import { httpLogOptions, LogSetup, RateLimitGuard } from './common';
import { ComplianceModule } from './compliance';
import { dataSourceOptions, InfrastructureModule, InfrastructureOptions } from './database';
import { DossiersModule } from './dossiers';
import { HealthController } from './health.controller';
import { TermijnenModule } from './termijnen';
import { WebModule } from './web';
import { WorkflowCatalogueModule } from './workflow-catalogue';
import { WorkflowMigrationsModule } from './workflow-migrations';

export interface AppModuleOptions extends InfrastructureOptions {
  /** The service's log (src/common/logging.ts): with it, one log line per request and Nest's own lines go there. */
  log?: LogSetup;
}

/**
 * Per-token rate limit: the token id of the request's *authenticated* actor (AuthenticationGuard runs first), so a
 * request naming someone else's token id with a wrong secret never counts against that token (issue #12).
 */
function tokenTracker(req: Record<string, unknown>): string {
  const actor = (req as unknown as AuthedRequest).actor;
  return actor?.tokenId ? `token:${actor.tokenId}` : actor ? `user:${actor.id}` : `ip:${(req as unknown as Request).ip}`;
}

/**
 * The application: the feature modules, composed. Each feature module imports what it uses; this module adds only
 * what holds for every request (logging, rate limits, the guards) and the health endpoint.
 */
@Module({})
export class AppModule {
  static register(opts: AppModuleOptions): DynamicModule {
    const perMinute = opts.config.rateLimitPerMinute;
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(opts),
        InfrastructureModule,
        // The entities' repositories, the EntityManager and the DataSource, on the connection the caller opened (and migrated).
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(opts.config.database),
          dataSourceFactory: () => Promise.resolve(opts.db.dataSource),
        }),
        AuditModule,
        UsersModule,
        WorkflowCatalogueModule,
        TermijnenModule,
        DossiersModule,
        ComplianceModule,
        AuditorModule,
        WorkflowMigrationsModule,
        WebModule.register({ oidc: Boolean(opts.config.oidc) }),
        ...(opts.log ? [LoggerModule.forRoot({ pinoHttp: httpLogOptions(opts.log) })] : []),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'ip', ttl: 60_000, limit: perMinute, getTracker: (req) => `ip:${(req as unknown as Request).ip}` },
            { name: 'token', ttl: 60_000, limit: perMinute, getTracker: tokenTracker },
          ],
        }),
      ],
      controllers: [HealthController],
      providers: [
        // In this order: who is calling (failures limited per address), the rate limits, then what they may do.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}

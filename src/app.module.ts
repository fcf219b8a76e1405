import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { AuditService } from './audit/audit.service';
import { AuditorModule } from './audit/auditor.module';
import { AccessLog } from './auth/access-log.service';
import { AuthedRequest } from './auth/auth.decorators';
import { AuthenticationGuard, AuthGuard } from './auth/auth.guard';
import { OIDC_CONTROLLERS, OIDC_PROVIDERS } from './auth/oidc/oidc.module';
import { Clock, SystemClock } from './common/clock';
import { httpLogOptions, LogSetup } from './common/logging';
import { RateLimitGuard } from './common/rate-limit.guard';
import { ComplianceModule } from './compliance/compliance.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { Db } from './database/db';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossiersService } from './dossiers/dossiers.service';
import { EvidenceController } from './dossiers/evidence/evidence.controller';
import { EvidenceService } from './dossiers/evidence/evidence.service';
import { HealthController } from './health.controller';
import { MigrationsModule } from './migrations/migrations.module';
import { TermijnenModule } from './termijnen/termijnen.module';
import { TransitionsController } from './dossiers/transitions/transitions.controller';
import { TransitionsService } from './dossiers/transitions/transitions.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WaiversController } from './dossiers/waivers/waivers.controller';
import { WaiversService } from './dossiers/waivers/waivers.service';
import { WEB_CONTROLLERS, WEB_PROVIDERS } from './web/web.module';
import { WorkflowsModule } from './workflow-catalogue/workflows.module';

export interface AppModuleOptions {
  config: AppConfig;
  db: Db;
  clock?: Clock;
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

/** Configuration, database and clock, shared by every feature module. */
@Global()
@Module({})
class CoreModule {
  static register(opts: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: opts.config },
        { provide: Db, useValue: opts.db },
        { provide: Clock, useValue: opts.clock ?? new SystemClock() },
        AuditService,
        AccessLog,
        UsersService,
      ],
      exports: [APP_CONFIG, Db, Clock, AuditService, AccessLog, UsersService],
    };
  }
}

@Module({})
export class AppModule {
  static register(opts: AppModuleOptions): DynamicModule {
    const perMinute = opts.config.rateLimitPerMinute;
    return {
      module: AppModule,
      imports: [
        CoreModule.register(opts),
        ScheduleModule.forRoot(), // the timer job's interval (src/compliance/timer.job.ts)
        WorkflowsModule,
        ComplianceModule,
        AuditorModule,
        TermijnenModule,
        MigrationsModule,
        ...(opts.log ? [LoggerModule.forRoot({ pinoHttp: httpLogOptions(opts.log) })] : []),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'ip', ttl: 60_000, limit: perMinute, getTracker: (req) => `ip:${(req as unknown as Request).ip}` },
            { name: 'token', ttl: 60_000, limit: perMinute, getTracker: tokenTracker },
          ],
        }),
      ],
      controllers: [
        HealthController,
        UsersController,
        DossiersController,
        EvidenceController,
        TransitionsController,
        WaiversController,
        ...WEB_CONTROLLERS,
        // Sign-in through the province's identity provider (issue #12), only when configured.
        ...(opts.config.oidc ? OIDC_CONTROLLERS : []),
      ],
      providers: [
        // In this order: who is calling (failures limited per address), the rate limits, then what they may do.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        DossiersService,
        EvidenceService,
        TransitionsService,
        WaiversService,
        ...WEB_PROVIDERS,
        ...(opts.config.oidc ? OIDC_PROVIDERS : []),
      ],
    };
  }
}

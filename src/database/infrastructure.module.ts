import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { Db } from './db';

/** What one application runs on: its configuration, its open database and its clock (tests pass a fixed one). */
export interface InfrastructureOptions {
  config: AppConfig;
  db: Db;
  clock?: Clock;
}

const INFRASTRUCTURE_OPTIONS = Symbol('InfrastructureOptions');

/**
 * The values `InfrastructureModule.forRoot` hands over. The only global provider: every application (an e2e test
 * starts many in one process) has its own database and clock, while the feature modules are static.
 */
@Module({})
class InfrastructureOptionsModule {}

/**
 * Configuration (`APP_CONFIG`), database (`Db`) and clock (`Clock`). Every feature module that uses one of them
 * imports this module; AppModule passes the values once with `InfrastructureModule.forRoot(options)`.
 */
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (o: InfrastructureOptions) => o.config, inject: [INFRASTRUCTURE_OPTIONS] },
    { provide: Db, useFactory: (o: InfrastructureOptions) => o.db, inject: [INFRASTRUCTURE_OPTIONS] },
    { provide: Clock, useFactory: (o: InfrastructureOptions) => o.clock ?? new SystemClock(), inject: [INFRASTRUCTURE_OPTIONS] },
  ],
  exports: [APP_CONFIG, Db, Clock],
})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureOptionsModule,
      global: true,
      providers: [{ provide: INFRASTRUCTURE_OPTIONS, useValue: options }],
      exports: [INFRASTRUCTURE_OPTIONS],
    };
  }
}

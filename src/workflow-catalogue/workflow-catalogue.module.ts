import { Module } from '@nestjs/common';
import { defaultRegistry, WorkflowRegistry } from '../../workflows/registry';
import { APP_CONFIG, AppConfig } from '../config';
import { InfrastructureModule } from '../database';
import { WorkflowsController } from './workflows.controller';

/**
 * The workflow catalogue: every `{ id, version }` the service knows, with its machine (`WorkflowRegistry`) and the
 * status the configuration gives it (`workflows.versions`), and its API.
 */
@Module({
  imports: [InfrastructureModule],
  providers: [{ provide: WorkflowRegistry, useFactory: (config: AppConfig) => defaultRegistry(config.workflows.versions), inject: [APP_CONFIG] }],
  controllers: [WorkflowsController],
  exports: [WorkflowRegistry],
})
export class WorkflowCatalogueModule {}

import { Global, Module } from '@nestjs/common';
import { defaultRegistry, WorkflowRegistry } from '../../workflows/registry';
import { APP_CONFIG, AppConfig } from '../config/config';
import { WorkflowsController } from './workflows.controller';

/** The workflow registry: every `{ id, version }` the service knows, with its machine and its configured status. */
@Global()
@Module({
  providers: [{ provide: WorkflowRegistry, useFactory: (config: AppConfig) => defaultRegistry(config.workflows.versions), inject: [APP_CONFIG] }],
  controllers: [WorkflowsController],
  exports: [WorkflowRegistry],
})
export class WorkflowsModule {}

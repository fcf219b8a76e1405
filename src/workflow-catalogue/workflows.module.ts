import { Global, Module } from '@nestjs/common';
import { defaultRegistry, WorkflowRegistry } from '../../workflows/registry';
import { WorkflowsController } from './workflows.controller';

/** The workflow registry: every `{ id, version }` the service knows, with its machine. */
@Global()
@Module({
  providers: [{ provide: WorkflowRegistry, useFactory: defaultRegistry }],
  controllers: [WorkflowsController],
  exports: [WorkflowRegistry],
})
export class WorkflowsModule {}

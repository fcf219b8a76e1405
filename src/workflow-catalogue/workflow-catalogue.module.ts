import { Module } from '@nestjs/common';
import { defaultRegistry, WorkflowRegistry } from '../../workflows/registry';
import { WorkflowsController } from './workflows.controller';

/** The workflow catalogue: every `{ id, version }` the service knows, with its machine (`WorkflowRegistry`), and its API. */
@Module({
  providers: [{ provide: WorkflowRegistry, useFactory: defaultRegistry }],
  controllers: [WorkflowsController],
  exports: [WorkflowRegistry],
})
export class WorkflowCatalogueModule {}

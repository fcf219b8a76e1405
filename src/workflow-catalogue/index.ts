export { WorkflowCatalogueModule } from './workflow-catalogue.module';
export { describeWorkflow } from './workflows.controller';

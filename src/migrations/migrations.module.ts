import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { InfrastructureModule } from '../database/infrastructure.module';
import { WorkflowCatalogueModule } from '../workflow-catalogue/workflow-catalogue.module';
import { MigrationsController } from './migrations.controller';
import { MigrationsService } from './migrations.service';

/**
 * Moving dossiers between versions of their workflow (issue #16): the endpoint, the service the CLI's
 * `workflow:migrate` uses too, and their reads and writes (migration.repository.ts).
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule, ComplianceModule],
  controllers: [MigrationsController],
  providers: [MigrationsService],
  exports: [MigrationsService],
})
export class MigrationsModule {}

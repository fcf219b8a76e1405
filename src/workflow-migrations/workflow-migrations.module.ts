import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { InfrastructureModule } from '../database';
import { DossiersModule } from '../dossiers';
import { WorkflowCatalogueModule } from '../workflow-catalogue';
import { MigrationsController } from './migrations.controller';
import { MigrationsService } from './migrations.service';

/**
 * Moving dossiers between versions of their workflow (issue #16): the endpoint, the service the CLI's
 * `workflow:migrate` uses too, and their reads and writes (migration.repository.ts).
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule, DossiersModule],
  controllers: [MigrationsController],
  providers: [MigrationsService],
  exports: [MigrationsService],
})
export class WorkflowMigrationsModule {}

import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '../audit';
import { InfrastructureModule } from '../database';
import { WorkflowCatalogueModule } from '../workflow-catalogue';
import { ComplianceController } from './compliance.controller';
import { DossiersModule } from '../dossiers';
import { ComplianceService } from './compliance.service';
import { TimerJob } from './timer.job';

/**
 * The griffie's compliance views (issue #4): the read endpoints under /api/v1/compliance over the projection every
 * dossier command keeps up to date in its own transaction (src/dossiers/compliance-projection/), and the timer job
 * that lets legal deadlines pass by themselves.
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule, DossiersModule, ScheduleModule.forRoot()],
  controllers: [ComplianceController],
  providers: [ComplianceService, TimerJob],
  exports: [ComplianceService, TimerJob],
})
export class ComplianceModule {}

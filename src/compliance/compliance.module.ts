import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '../audit/audit.module';
import { InfrastructureModule } from '../database/infrastructure.module';
import { WorkflowCatalogueModule } from '../workflow-catalogue/workflow-catalogue.module';
import { ComplianceController } from './compliance.controller';
import { ComplianceProjector } from './compliance.projector';
import { ComplianceService } from './compliance.service';
import { TimerJob } from './timer.job';

/**
 * The griffie's compliance views (issue #4): the projection the dossier, evidence, transition and waiver services
 * keep up to date in their own transactions (`ComplianceProjector`, exported for them), the read endpoints under
 * /api/v1/compliance, and the timer job that lets legal deadlines pass by themselves.
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule, ScheduleModule.forRoot()],
  controllers: [ComplianceController],
  providers: [ComplianceProjector, ComplianceService, TimerJob],
  exports: [ComplianceProjector, ComplianceService, TimerJob],
})
export class ComplianceModule {}

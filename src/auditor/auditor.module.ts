import { Module } from '@nestjs/common';
import { InfrastructureModule } from '../database';
import { WorkflowCatalogueModule } from '../workflow-catalogue';
import { AuditModule } from '../audit';
import { AuditTrailController, DossierAuditController } from './auditor.controller';
import { AuditorService } from './auditor.service';

/**
 * The auditor's views (issue #5): a dossier's history, its state on any past moment rebuilt from the audit trail,
 * flags and the streamed export.
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule],
  controllers: [DossierAuditController, AuditTrailController],
  providers: [AuditorService],
  exports: [AuditorService],
})
export class AuditorModule {}

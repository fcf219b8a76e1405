import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditTrailController, DossierAuditController } from './auditor.controller';
import { AuditorService } from './auditor.service';

/**
 * The auditor's views (issue #5): a dossier's history, its state on any past moment rebuilt from the audit trail,
 * flags, the streamed export, and chain verification (`AuditController`). `AuditService` (append, verify) is
 * provided globally by the core module, since every write appends to the trail.
 */
@Module({
  controllers: [AuditController, DossierAuditController, AuditTrailController],
  providers: [AuditorService],
  exports: [AuditorService],
})
export class AuditorModule {}

import { Module } from '@nestjs/common';
import { AuditTrailController, DossierAuditController } from './auditor.controller';
import { AuditorService } from './auditor.service';

/**
 * The auditor's views (issue #5): a dossier's history, its state on any past moment rebuilt from the audit trail,
 * flags, and the streamed export. `AuditService` (append, verify) is provided globally by the core module;
 * `GET /api/v1/audit/verify` is `AuditController`, registered with the application module.
 */
@Module({
  controllers: [DossierAuditController, AuditTrailController],
  providers: [AuditorService],
  exports: [AuditorService],
})
export class AuditorModule {}

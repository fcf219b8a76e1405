import { Module } from '@nestjs/common';
import { AccessLog } from './access-log.service';
import { InfrastructureModule } from '../database';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * The audit trail: every write appends to it in its own transaction (`AuditService`), refused access included
 * (`AccessLog`); chain verification and anchors under /api/v1/audit (`AuditController`).
 */
@Module({
  imports: [InfrastructureModule],
  controllers: [AuditController],
  providers: [AuditService, AccessLog],
  exports: [AuditService, AccessLog],
})
export class AuditModule {}

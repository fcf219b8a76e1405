import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { InfrastructureModule } from '../database/infrastructure.module';
import { WorkflowCatalogueModule } from '../workflow-catalogue/workflow-catalogue.module';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { TransitionsController } from './transitions/transitions.controller';
import { TransitionsService } from './transitions/transitions.service';
import { WaiversController } from './waivers/waivers.controller';
import { WaiversService } from './waivers/waivers.service';

/**
 * Dossiers and every command on one: create and edit, evidence, transitions, waivers. They share the dossier
 * store, its facts and its view, and each command is one transaction that also appends to the audit trail.
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule, ComplianceModule],
  controllers: [DossiersController, EvidenceController, TransitionsController, WaiversController],
  providers: [DossiersService, EvidenceService, TransitionsService, WaiversService],
  exports: [DossiersService, EvidenceService, TransitionsService, WaiversService],
})
export class DossiersModule {}

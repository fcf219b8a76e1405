import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { InfrastructureModule } from '../database';
import { WorkflowCatalogueModule } from '../workflow-catalogue';
import { ComplianceProjector } from './compliance-projection/compliance.projector';
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
 * store, its facts and its view. Each command is one transaction that also appends to the audit trail and rewrites
 * the dossier's row of the compliance projection (`ComplianceProjector`, read by the compliance module).
 */
@Module({
  imports: [InfrastructureModule, AuditModule, WorkflowCatalogueModule],
  controllers: [DossiersController, EvidenceController, TransitionsController, WaiversController],
  providers: [DossiersService, EvidenceService, TransitionsService, WaiversService, ComplianceProjector],
  exports: [DossiersService, EvidenceService, TransitionsService, WaiversService, ComplianceProjector],
})
export class DossiersModule {}

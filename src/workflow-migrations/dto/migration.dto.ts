import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches } from 'class-validator';
import { DOSSIER_EVENTS } from '../../../workflows/facts';
import { FINAL_STATES, PHASE_IDS } from '../../../workflows/evidence';
import { DossierViewDto, TextDto, WorkflowRefDto } from '../../dossiers';
import { DossierVersion, NonBlankString } from '../../common';

const STATES = [...PHASE_IDS, ...FINAL_STATES];
const SHOWN = ['satisfied', 'unsatisfied', 'not-applicable', 'waived'];
const REQ_ID = { type: 'string', maxLength: 16, pattern: '^[A-Z][A-Z0-9]*-[0-9A-Za-z]{1,8}$', example: 'G2-01' } as const;
const REQ_IDS = { type: 'array', maxItems: 200, items: REQ_ID } as const;
const EVENTS: ApiPropertyOptions = { type: 'array', maxItems: DOSSIER_EVENTS.length, items: { type: 'string', enum: [...DOSSIER_EVENTS] } };

export class MigrateDossierDto {
  @ApiProperty({
    maxLength: 32,
    pattern: '^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$',
    example: '2025',
    description: 'The version of the dossier’s own workflow to move to: newer than its current one, active, and knowing its phase.',
  })
  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, { message: 'must be a workflow version: letters, digits, dots and dashes, at most 32' })
  targetVersion!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The dossier `version` you read; a stale one gives 409 …/version-conflict.' })
  @DossierVersion()
  expectedVersion!: number;

  @ApiProperty({ minLength: 1, maxLength: 10000, pattern: '\\S', description: 'Why the dossier moves (kept in the audit trail).' })
  @NonBlankString(1, 10000, 'must not be blank')
  reason!: string;

  @ApiProperty({ description: 'True: answer 200 with what would change and write nothing. False: move (201).' })
  @IsBoolean()
  dryRun!: boolean;
}

export class RequirementReadingDto {
  @ApiProperty({ enum: ['X', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'] }) transition!: string;
  @ApiProperty({ enum: ['hard', 'advisory'] }) severity!: string;
  @ApiProperty() waivable!: boolean;
  @ApiProperty({ enum: SHOWN }) status!: string;
}

export class RequirementChangeDto {
  @ApiProperty({ enum: DOSSIER_EVENTS }) event!: string;
  @ApiProperty(REQ_ID) id!: string;
  @ApiProperty({
    enum: ['added', 'removed', 'status-changed', 'rule-changed'],
    description: '`added`: only the new version has it; `removed`: only the old one; `status-changed`: met, open, waived or not applicable differently; `rule-changed`: same status, but hard/advisory, waivable or the rule differ.',
  })
  change!: string;
  @ApiProperty({ type: TextDto }) label!: TextDto;
  @ApiProperty({ type: RequirementReadingDto, nullable: true }) before!: RequirementReadingDto | null;
  @ApiProperty({ type: RequirementReadingDto, nullable: true }) after!: RequirementReadingDto | null;
}

export class EvidenceCitationDto {
  @ApiProperty(REQ_ID) requirementId!: string;
  @ApiProperty({ enum: SHOWN }) status!: string;
}

export class EvidenceReadingDto {
  @ApiProperty({ type: 'string', maxLength: 100, pattern: '^[0-9A-Za-z:-]{1,100}$', description: 'The evidence record (or waiver) id.' }) evidenceId!: string;
  @ApiProperty({ type: 'string', nullable: true, maxLength: 40, pattern: '^[a-z-]{1,40}$' }) kind!: string | null;
  @ApiProperty({ type: [EvidenceCitationDto], maxItems: 200, description: 'The requirements that rest on it now.' }) before!: EvidenceCitationDto[];
  @ApiProperty({ type: [EvidenceCitationDto], maxItems: 200, description: 'The requirements that would rest on it after the move.' }) after!: EvidenceCitationDto[];
}

export class AdvanceOutlookDto {
  @ApiProperty({ enum: STATES }) to!: string;
  @ApiProperty() allowed!: boolean;
  @ApiProperty(REQ_IDS) blocking!: string[];
  @ApiProperty(REQ_IDS) explanationsRequired!: string[];
}

export class AdvanceComparisonDto {
  @ApiProperty({ type: AdvanceOutlookDto, nullable: true }) before!: AdvanceOutlookDto | null;
  @ApiProperty({ type: AdvanceOutlookDto, nullable: true }) after!: AdvanceOutlookDto | null;
}

export class CanAdvanceDto {
  @ApiProperty() before!: boolean;
  @ApiProperty() after!: boolean;
}

export class EventsComparisonDto {
  @ApiProperty(EVENTS) before!: string[];
  @ApiProperty(EVENTS) after!: string[];
}

export class MigrationSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 }) added!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 }) removed!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 }) statusChanged!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 }) ruleChanged!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100000 }) evidenceReadDifferently!: number;
  @ApiProperty({ description: 'False when the move changes nothing the dossier’s next steps depend on.' }) changed!: boolean;
}

export class MigrationReportDto {
  @ApiProperty({ type: WorkflowRefDto }) from!: WorkflowRefDto;
  @ApiProperty({ type: WorkflowRefDto }) to!: WorkflowRefDto;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ type: [RequirementChangeDto], maxItems: 1000, description: 'Requirements of the next transitions that are added, removed, or read differently.' })
  requirements!: RequirementChangeDto[];
  @ApiProperty({ type: [EvidenceReadingDto], maxItems: 100000, description: 'Evidence the new version reads differently.' })
  evidence!: EvidenceReadingDto[];
  @ApiProperty({ type: AdvanceComparisonDto }) advance!: AdvanceComparisonDto;
  @ApiProperty({ type: CanAdvanceDto, description: 'Whether ADVANCE passes (given the explanations asked for) now and after the move.' }) canAdvance!: CanAdvanceDto;
  @ApiProperty({ ...REQ_IDS, description: 'Hard requirements that would block ADVANCE after the move and do not now.' }) newlyBlocking!: string[];
  @ApiProperty({ type: EventsComparisonDto }) events!: EventsComparisonDto;
  @ApiProperty({ type: MigrationSummaryDto }) summary!: MigrationSummaryDto;
}

export class MigrationResultDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) dossierId!: string;
  @ApiProperty({ type: WorkflowRefDto }) from!: WorkflowRefDto;
  @ApiProperty({ type: WorkflowRefDto }) to!: WorkflowRefDto;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) expectedVersion!: number;
  @ApiProperty({ type: 'integer', minimum: 2, maximum: Number.MAX_SAFE_INTEGER, nullable: true, description: 'The dossier’s version after the move; null for a dry run.' })
  newVersion!: number | null;
  @ApiProperty({ type: 'string', format: 'uuid', maxLength: 36, nullable: true, description: 'The audit event `dossier.migrated`; null for a dry run.' })
  auditEventId!: string | null;
  @ApiProperty({ type: MigrationReportDto }) report!: MigrationReportDto;
  @ApiProperty({ type: DossierViewDto, nullable: true, description: 'The dossier after the move; null for a dry run.' }) dossier!: DossierViewDto | null;
}

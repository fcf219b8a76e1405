import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_EVENTS } from '../../../workflows/facts';
import { BESLUITTYPES, BESLUITVORMERS, FINAL_STATES, HERKOMSTEN, INSTRUMENT_TYPES, PHASE_IDS } from '../../../workflows/evidence';

const STATES = [...PHASE_IDS, ...FINAL_STATES];

export class TextDto {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class WorkflowRefDto {
  @ApiProperty({ example: 'drenthe-verbindend-besturen' }) id!: string;
  @ApiProperty({ example: '2021' }) version!: string;
}

export class ClassificationDto {
  @ApiProperty({ nullable: true, type: Boolean }) strategisch!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) strategischMotivatie!: string | null;
  @ApiProperty({ nullable: true, enum: BESLUITVORMERS }) besluitvormer!: string | null;
  @ApiProperty({ nullable: true, enum: BESLUITTYPES }) besluittype!: string | null;
  @ApiProperty({ nullable: true, enum: INSTRUMENT_TYPES }) instrumentType!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) ingrijpend!: boolean | null;
  @ApiProperty({ nullable: true, enum: HERKOMSTEN }) herkomst!: string | null;
  @ApiProperty({ nullable: true, type: String }) herkomstBron!: string | null;
}

export class RequirementOriginDto {
  @ApiProperty({ enum: ['seed', 'law', 'practice', 'data'] }) kind!: string;
  @ApiProperty({ description: 'Seed quote or legal citation.' }) basis!: string;
  @ApiProperty({ description: 'False where the legal point is unverified (domain-brief).' }) verified!: boolean;
}

export class RequirementViewDto {
  @ApiProperty({ example: 'G2-01' }) id!: string;
  @ApiProperty({ enum: ['hard', 'advisory'] }) severity!: string;
  @ApiProperty() waivable!: boolean;
  @ApiProperty({ enum: ['satisfied', 'unsatisfied', 'not-applicable'] }) status!: string;
  @ApiProperty({ type: TextDto }) label!: TextDto;
  @ApiProperty({ type: TextDto, description: 'What is missing (unsatisfied), what satisfied it, or why it does not apply.' })
  explanation!: TextDto;
  @ApiProperty({ type: RequirementOriginDto }) origin!: RequirementOriginDto;
  @ApiProperty({ type: [String], description: 'Evidence record ids the outcome rests on.' }) evidence!: string[];
  @ApiProperty({ enum: ['nothing', 'evidence', 'explanation-or-evidence', 'waiver-or-evidence'] }) toPass!: string;
  @ApiProperty({ nullable: true, type: Object, example: { id: 'uuid', status: 'approved' } }) waiver!: { id: string; status: string } | null;
}

export class NextTransitionDto {
  @ApiProperty({ enum: ['ADVANCE'] }) event!: 'ADVANCE';
  @ApiProperty({ enum: STATES }) to!: string;
  @ApiProperty({ description: 'ADVANCE succeeds now, given an explanation for each id in explanationsRequired.' }) allowed!: boolean;
  @ApiProperty({ type: [String], description: 'Hard requirements that block.' }) blocking!: string[];
  @ApiProperty({ type: [String], description: 'Unmet advisory requirements that need an explanation on ADVANCE.' }) explanationsRequired!: string[];
  @ApiProperty({ type: [String], description: 'Unmet hard requirements passed by an approved waiver.' }) waived!: string[];
  @ApiProperty({ type: [RequirementViewDto] }) requirements!: RequirementViewDto[];
}

export class DossierSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ type: TextDto }) phaseLabel!: TextDto;
  @ApiProperty({ description: 'Optimistic-concurrency version; send it back as expectedVersion.' }) version!: number;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date' }) enteredPhaseOn!: string;
  @ApiProperty({ nullable: true, type: String }) previousDossierId!: string | null;
  @ApiProperty({ nullable: true, type: String }) followUpDossierId!: string | null;
}

export class DossierViewDto extends DossierSummaryDto {
  @ApiProperty({ type: ClassificationDto }) classification!: ClassificationDto;
  @ApiProperty({ enum: DOSSIER_EVENTS, isArray: true }) acceptedEvents!: string[];
  @ApiPropertyOptional({ type: NextTransitionDto, nullable: true, description: 'null in a final state.' }) next!: NextTransitionDto | null;
}

export class DossierPageDto {
  @ApiProperty({ type: [DossierSummaryDto] }) items!: DossierSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class TransitionResultDto {
  @ApiProperty({ format: 'uuid' }) transitionId!: string;
  @ApiProperty({ enum: DOSSIER_EVENTS }) event!: string;
  @ApiProperty({ enum: STATES }) from!: string;
  @ApiProperty({ enum: STATES }) to!: string;
  @ApiProperty({ type: DossierViewDto }) dossier!: DossierViewDto;
  @ApiProperty({ nullable: true, type: String, description: 'NEW_CYCLE: the follow-up dossier.' }) followUpDossierId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Advisory id → explanation stored.' })
  explained!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Requirement id → waiver id used.' })
  waived!: Record<string, string>;
}

export class TransitionHistoryEntryDto {
  @ApiProperty() transitionId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() auditEventId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['done', 'refused'] }) outcome!: string;
  @ApiProperty({ enum: DOSSIER_EVENTS }) event!: string;
  @ApiProperty({ enum: STATES }) from!: string;
  @ApiProperty({ nullable: true, enum: STATES }) to!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, enum: ['requirements-unmet', 'event-not-accepted'] }) refusal!: string | null;
  @ApiProperty({ type: Object, example: { id: 'uuid', roles: ['beleidsmedewerker'] } }) actor!: { id: string; roles: string[] };
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) explanations!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) waiversUsed!: Record<string, string>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The requirement evaluation shown at this attempt.' }) evaluation!: unknown[];
  @ApiProperty({ nullable: true, type: String }) followUpDossierId!: string | null;
}

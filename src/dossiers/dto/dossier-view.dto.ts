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
  @ApiProperty({
    enum: ['satisfied', 'unsatisfied', 'not-applicable', 'waived'],
    description: '`waived`: not met, but an approved, unused waiver covers it; the explanation names who approved it and when.',
  })
  status!: string;
  @ApiProperty({ type: TextDto }) label!: TextDto;
  @ApiProperty({ type: TextDto, description: 'What is missing (unsatisfied), what satisfied it, or why it does not apply.' })
  explanation!: TextDto;
  @ApiProperty({ type: RequirementOriginDto }) origin!: RequirementOriginDto;
  @ApiProperty({ type: [String], description: 'Evidence record ids the outcome rests on.' }) evidence!: string[];
  @ApiProperty({ enum: ['nothing', 'evidence', 'explanation-or-evidence', 'waiver-or-evidence'] }) toPass!: string;
  @ApiProperty({ nullable: true, type: () => RequirementWaiverDto, description: 'The waiver used or open for it, if any.' })
  waiver!: RequirementWaiverDto | null;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Anne de Vries' }) name!: string | null;
}

export class RequirementWaiverDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'used'] }) status!: string;
  @ApiProperty() reasonCode!: string;
  @ApiProperty({ type: PersonDto }) requestedBy!: PersonDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: PersonDto, nullable: true }) decidedBy!: PersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

export class EventEvaluationDto {
  @ApiProperty({ enum: DOSSIER_EVENTS }) event!: string;
  @ApiProperty({ enum: STATES }) to!: string;
  @ApiProperty({ description: 'The event succeeds now, given an explanation for each id in explanationsRequired (and a reason where reasonRequired).' })
  allowed!: boolean;
  @ApiProperty({ type: [String], description: 'Unmet hard requirements without an approved waiver.' }) blocking!: string[];
  @ApiProperty({ type: [String], description: 'Unmet advisory requirements: the event must carry an explanation for each.' }) explanationsRequired!: string[];
  @ApiProperty({ type: [String], description: 'Unmet hard requirements an approved, unused waiver covers.' }) waived!: string[];
  @ApiProperty({ description: 'RETURN and WITHDRAW need a reason.' }) reasonRequired!: boolean;
  @ApiProperty({ type: [RequirementViewDto] }) requirements!: RequirementViewDto[];
}

export class CallerDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ description: 'The caller is the dossier’s assigned beleidsmedewerker.' }) isOwner!: boolean;
  @ApiProperty() mayRecordEvidence!: boolean;
  @ApiProperty({ description: 'The griffie records PS-side evidence.' }) mayRecordPsSideEvidence!: boolean;
  @ApiProperty({ description: 'Fire the events in `events` (the owner).' }) mayFire!: boolean;
  @ApiProperty() mayRequestWaiver!: boolean;
  @ApiProperty() mayDecideWaivers!: boolean;
  @ApiProperty() mayAssign!: boolean;
  @ApiProperty({ description: 'History, state on a date and flags of the dossier.' }) mayReadAudit!: boolean;
}

export class NextTransitionDto extends EventEvaluationDto {
  @ApiProperty({ enum: ['ADVANCE'] }) declare event: 'ADVANCE';
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
  @ApiProperty({ type: PersonDto, nullable: true, description: 'The owner (assigned beleidsmedewerker) by name; `assigneeId` is the same id.' })
  owner!: PersonDto | null;
  @ApiPropertyOptional({
    type: NextTransitionDto,
    nullable: true,
    description: 'The evaluation of ADVANCE (also in `events`); null in a final state. The dossier’s own evaluation: the same for every viewer.',
  })
  next!: NextTransitionDto | null;
  @ApiProperty({
    type: [EventEvaluationDto],
    description: 'Every event the phase accepts (ADVANCE, RETURN, WITHDRAW, NEW_CYCLE), each evaluated as the dossier’s owner would fire it now: the same for every viewer.',
  })
  events!: EventEvaluationDto[];
  @ApiProperty({ type: CallerDto, nullable: true, description: 'What the caller may do with this dossier (roles and ownership); not part of the evaluation.' })
  caller!: CallerDto | null;
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
  @ApiProperty({ type: Object, example: { id: 'uuid', roles: ['beleidsmedewerker'], name: 'Anne de Vries' }, description: 'Who attempted it, with their name.' })
  actor!: { id: string; roles: string[]; name: string | null };
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) explanations!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) waiversUsed!: Record<string, string>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The requirement evaluation shown at this attempt.' }) evaluation!: unknown[];
  @ApiProperty({ nullable: true, type: String }) followUpDossierId!: string | null;
}

/** `GET /dossiers/{id}/transitions`: one page of the attempts, in the order they were made. */
export class TransitionHistoryPageDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: [TransitionHistoryEntryDto] }) items!: TransitionHistoryEntryDto[];
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000 }) limit!: number;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Pass as afterSeq for the next page; null on the last page.' }) nextAfterSeq!: number | null;
}

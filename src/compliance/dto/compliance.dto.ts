/** OpenAPI schemas of the compliance responses (documentation only: the service builds plain objects). */
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { FINAL_STATES, PHASE_IDS } from '../../../workflows/evidence';
import { DASHBOARD_TIMER_IDS, TextDto, WorkflowRefDto } from '../../dossiers';
import { STARTNOTITIE_ISSUES } from '../compliance.service';

const STATES = [...PHASE_IDS, ...FINAL_STATES];

export class IdListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String] }) ids!: string[];
}

export class MatrixEntryDto {
  @ApiProperty({ example: 'G2-01' }) id!: string;
  @ApiProperty({ enum: ['hard', 'advisory'] }) severity!: string;
  @ApiProperty() waivable!: boolean;
  @ApiProperty({ enum: ['met', 'open', 'waived', 'not-applicable'] }) status!: string;
  @ApiProperty({ nullable: true, type: Object, example: { id: 'uuid', status: 'requested' } }) waiver!: { id: string; status: string } | null;
}

export class NextComplianceDto {
  @ApiProperty({ enum: STATES }) to!: string;
  @ApiProperty({ type: IdListDto, description: 'Hard requirements that block ADVANCE (no approved waiver).' }) hardOpen!: IdListDto;
  @ApiProperty({ type: IdListDto, description: 'Unmet advisory requirements: ADVANCE needs an explanation for each.' }) advisoryOpen!: IdListDto;
  @ApiProperty({ type: [String], description: 'Unmet hard requirements covered by an approved waiver.' }) waived!: string[];
  @ApiProperty({ type: [MatrixEntryDto], description: 'Every guard of the next transition: met, open, waived or not applicable.' }) matrix!: MatrixEntryDto[];
}

export class OwnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class OverdueTimerRefDto {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: DASHBOARD_TIMER_IDS }) timerId!: string;
  @ApiProperty({ format: 'date' }) computedEnd!: string;
  @ApiProperty() daysOverdue!: number;
}

export class OverdueListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [OverdueTimerRefDto] }) items!: OverdueTimerRefDto[];
}

export class TimerSummaryDto {
  @ApiProperty({ description: 'Timers not yet closed (running or overdue).' }) open!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Earliest end date of an open timer.' }) nextDeadline!: string | null;
  @ApiProperty({ type: OverdueListDto }) overdue!: OverdueListDto;
}

export class WaiverCountsDto {
  @ApiProperty({ type: IdListDto, description: 'Requested, or approved and not yet used.' }) pending!: IdListDto;
  @ApiProperty({ type: IdListDto }) used!: IdListDto;
}

export class StartnotitieDatesDto {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) adoptedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) sentToPsOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Statencommissie meeting on the startnotitie.' }) committeeOn!: string | null;
}

export class ReclassifiedCountDto {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastOn!: string | null;
}

export class ParticipationCountsDto {
  @ApiProperty({ description: 'Plan lines (level per target group and phase, and instruments).' }) planned!: number;
  @ApiProperty() realised!: number;
  @ApiProperty({ description: 'Plan lines of phases behind the dossier that were not carried out.' }) gaps!: number;
}

export class ComplianceItemDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ type: TextDto }) phaseLabel!: TextDto;
  @ApiProperty({ format: 'date' }) enteredPhaseOn!: string;
  @ApiProperty({ description: 'Calendar days since entering the phase, for `today`.' }) daysInPhase!: number;
  @ApiProperty({ nullable: true, enum: ['PS', 'GS'] }) besluitvormer!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) strategisch!: boolean | null;
  @ApiProperty({ nullable: true, type: OwnerDto }) owner!: OwnerDto | null;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty() dossierVersion!: number;
  @ApiProperty({ nullable: true, type: NextComplianceDto, description: 'null in a final state.' }) next!: NextComplianceDto | null;
  @ApiProperty({ type: WaiverCountsDto }) waivers!: WaiverCountsDto;
  @ApiProperty({ description: 'Advisory requirements passed with only an explanation at earlier transitions: the main signal that participation is skipped.' })
  advisoriesExplained!: number;
  @ApiProperty({ type: TimerSummaryDto }) timers!: TimerSummaryDto;
  @ApiProperty({ type: StartnotitieDatesDto }) startnotitie!: StartnotitieDatesDto;
  @ApiProperty({ type: ReclassifiedCountDto, description: 'Changes of strategisch from true to false.' }) reclassifiedToNonStrategic!: ReclassifiedCountDto;
  @ApiProperty({ type: ParticipationCountsDto }) participation!: ParticipationCountsDto;
  @ApiProperty({ format: 'date-time', description: 'When this row was last evaluated.' }) projectedAt!: string;
}

export class CompliancePageDto {
  @ApiProperty({ type: [ComplianceItemDto] }) items!: ComplianceItemDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Rows matching the filters, with `withTotal=true`; null otherwise.' }) total!: number | null;
  @ApiProperty({ nullable: true, type: Number }) limit!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when paging by cursor.' }) offset!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Send as `cursor` (same sort and order) for the next page; null on the last.' })
  nextCursor!: string | null;
  @ApiProperty({ format: 'date', description: 'The date (Europe/Amsterdam) relative values were computed for.' }) today!: string;
}

class PageMetaDto {
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number }) limit!: number | null;
  @ApiProperty() offset!: number;
  @ApiProperty({ format: 'date' }) today!: string;
}

export class WaiverRegisterItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ example: 'G2-01' }) requirementId!: string;
  @ApiProperty({ nullable: true, type: TextDto }) requirementLabel!: TextDto | null;
  @ApiProperty({ description: 'Reason code of X-04.' }) reasonCode!: string;
  @ApiProperty() motivation!: string;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'used'] }) status!: string;
  @ApiProperty({ type: OwnerDto }) requestedBy!: OwnerDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: OwnerDto, description: 'The teamleider the requester named, if any.' }) namedApprover!: OwnerDto | null;
  @ApiProperty({ nullable: true, type: OwnerDto }) decidedBy!: OwnerDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) usedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Audit event of the transition that used it.' }) usedByEvent!: string | null;
}

export class WaiverRegisterPageDto extends PageMetaDto {
  @ApiProperty({ type: [WaiverRegisterItemDto] }) items!: WaiverRegisterItemDto[];
}

export class TimerExpiryDto {
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date' }) expiredOn!: string;
  @ApiProperty({ nullable: true, type: String }) auditEventId!: string | null;
}

export class TimerItemDto {
  @ApiProperty() key!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ enum: DASHBOARD_TIMER_IDS, description: 'TM-01 zienswijzentermijn, TM-06 agenderingsrecht, TM-10 PS wensen en bedenkingen, TM-11 evaluation (217a).' })
  timerId!: string;
  @ApiProperty({ type: TextDto }) name!: TextDto;
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period, after any Algemene termijnenwet extension.' }) computedEnd!: string;
  @ApiProperty() basis!: string;
  @ApiProperty({ example: 'atw-2026.2' }) calendarRuleVersion!: string;
  @ApiProperty({ type: [String] }) extendedBy!: string[];
  @ApiProperty({ enum: ['running', 'overdue', 'closed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) closedReason!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '0 on the last day, negative once overdue.' }) daysLeft!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'TM-06: ondersteuners, drempel (400), drempelGehaald; TM-10: reactieOn; …' })
  details!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: TimerExpiryDto, description: 'When the timer job recorded timer.expired.' }) expiry!: TimerExpiryDto | null;
}

export class TimerPageDto extends PageMetaDto {
  @ApiProperty({ type: [TimerItemDto] }) items!: TimerItemDto[];
}

export class ReclassificationDto {
  @ApiProperty({ format: 'uuid' }) evidenceId!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date' }) recordedOn!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() reden!: string;
}

export class StartnotitieItemDto {
  @ApiProperty({ enum: STARTNOTITIE_ISSUES }) issue!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ nullable: true, type: Boolean }) strategisch!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ format: 'date' }) enteredPhaseOn!: string;
  @ApiProperty() daysInPhase!: number;
  @ApiProperty({ type: StartnotitieDatesDto }) startnotitie!: StartnotitieDatesDto;
  @ApiProperty({ type: [ReclassificationDto] }) reclassifications!: ReclassificationDto[];
}

export class StartnotitiePageDto extends PageMetaDto {
  @ApiProperty({ type: [StartnotitieItemDto] }) items!: StartnotitieItemDto[];
}

export class PlanLineDto {
  @ApiProperty({ enum: ['level', 'instrument'] }) kind!: string;
  @ApiProperty({ enum: PHASE_IDS }) fase!: string;
  @ApiProperty({ nullable: true, type: String }) doelgroep!: string | null;
  @ApiProperty({ description: 'Planned level (informeren, consulteren, meebeslissen) or instrument id.' }) planned!: string;
  @ApiProperty({ enum: ['realised', 'lower-level', 'scheduled', 'cancelled', 'missing'] }) status!: string;
  @ApiProperty({ description: 'The phase lies behind the dossier.' }) due!: boolean;
  @ApiProperty({ description: 'Due and not realised (a cancellation with a reason is not a gap).' }) gap!: boolean;
  @ApiProperty({ type: [String] }) activityIds!: string[];
}

export class UnplannedActivityDto {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty({ enum: PHASE_IDS }) fase!: string;
  @ApiProperty({ nullable: true, enum: ['informeren', 'consulteren', 'meebeslissen'] }) niveau!: string | null;
  @ApiProperty({ type: [String] }) doelgroepen!: string[];
}

export class ParticipationComparisonDto {
  @ApiProperty({ nullable: true, type: String, description: 'The document whose participatieparagraaf is the plan.' }) planSourceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) planSourceType!: string | null;
  @ApiProperty({ type: [PlanLineDto] }) lines!: PlanLineDto[];
  @ApiProperty({ type: [UnplannedActivityDto] }) unplanned!: UnplannedActivityDto[];
  @ApiProperty() planned!: number;
  @ApiProperty() realised!: number;
  @ApiProperty() gaps!: number;
}

export class ParticipationItemDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ type: ParticipationComparisonDto }) comparison!: ParticipationComparisonDto;
}

export class ParticipationPageDto extends PageMetaDto {
  @ApiProperty({ type: [ParticipationItemDto] }) items!: ParticipationItemDto[];
}

export class SummaryCountsDto {
  @ApiProperty({ enum: STATES }) phase!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Hard requirements of the next ADVANCE open.' }) blocked!: number;
  @ApiProperty({ description: 'Only advisory requirements open.' }) needsExplanation!: number;
  @ApiProperty({ description: 'Nothing open.' }) ready!: number;
  @ApiProperty() withOverdueTimers!: number;
  @ApiProperty() strategisch!: number;
}

export class SummaryTotalsDto extends OmitType(SummaryCountsDto, ['phase'] as const) {}

export class ExceptionListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'More than `maxItems` exceptions: the CSV export has them all.' }) truncated!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) items!: object[];
}

export class SummaryExceptionsDto {
  @ApiProperty({ type: ExceptionListDto, description: 'Waivers used by a transition in the period.' }) waiversUsed!: ExceptionListDto;
  @ApiProperty({ type: ExceptionListDto, description: 'Advisory requirements passed with only an explanation in the period.' })
  advisoriesExplained!: ExceptionListDto;
  @ApiProperty({ type: ExceptionListDto, description: 'Timers whose end fell in the period and that are still open past it.' }) overdueTimers!: ExceptionListDto;
  @ApiProperty({ type: ExceptionListDto, description: 'strategisch changed from true to false, recorded in the period.' }) reclassifications!: ExceptionListDto;
}

export class PeriodDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class ComplianceSummaryDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [SummaryCountsDto], description: 'Per phase and final state, at request time.' }) counts!: SummaryCountsDto[];
  @ApiProperty({ type: SummaryTotalsDto }) totals!: SummaryTotalsDto;
  @ApiProperty({ type: SummaryExceptionsDto }) exceptions!: SummaryExceptionsDto;
}

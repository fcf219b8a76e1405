import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bool, int, key, nullableText, text } from './columns';

/** The compliance projection: one row per dossier, rewritten in the transaction of every dossier write. */
@Entity('dossier_compliance')
export class DossierComplianceEntity {
  @PrimaryColumn(key('dossier_id')) dossierId!: string;
  @Column(text('title')) title!: string;
  @Column(text('workflow_id')) workflowId!: string;
  @Column(text('workflow_version')) workflowVersion!: string;
  @Column(int('dossier_version')) dossierVersion!: number;
  @Column(text('phase')) phase!: string;
  @Column(int('phase_order')) phaseOrder!: number;
  @Column(text('entered_phase_on')) enteredPhaseOn!: string;
  @Column(text('besluitvormer')) besluitvormer!: string;
  @Column(bool('strategisch', { nullable: true })) strategisch!: boolean | null;
  @Column(text('owner_id')) ownerId!: string;
  @Column(nullableText('next_to')) nextTo!: string | null;
  @Column(int('hard_open_count')) hardOpenCount!: number;
  @Column(text('hard_open_ids')) hardOpenIds!: string;
  @Column(int('advisory_open_count')) advisoryOpenCount!: number;
  @Column(text('advisory_open_ids')) advisoryOpenIds!: string;
  @Column(text('waived_ids')) waivedIds!: string;
  @Column(int('waivers_pending_count')) waiversPendingCount!: number;
  @Column(text('waivers_pending_ids')) waiversPendingIds!: string;
  @Column(int('waivers_used_count')) waiversUsedCount!: number;
  @Column(text('waivers_used_ids')) waiversUsedIds!: string;
  @Column(int('advisories_explained')) advisoriesExplained!: number;
  @Column(text('matrix')) matrix!: string;
  @Column(nullableText('startnotitie_adopted_on')) startnotitieAdoptedOn!: string | null;
  @Column(nullableText('startnotitie_sent_to_ps_on')) startnotitieSentToPsOn!: string | null;
  @Column(nullableText('startnotitie_committee_on')) startnotitieCommitteeOn!: string | null;
  @Column(int('reclassified_count')) reclassifiedCount!: number;
  @Column(nullableText('last_reclassified_on')) lastReclassifiedOn!: string | null;
  @Column(text('reclassifications')) reclassifications!: string;
  @Column(text('participation')) participation!: string;
  @Column(int('participation_planned')) participationPlanned!: number;
  @Column(int('participation_realised')) participationRealised!: number;
  @Column(int('participation_gaps')) participationGaps!: number;
  @Column(int('open_timers')) openTimers!: number;
  @Column(text('next_deadline')) nextDeadline!: string;
  @Column(text('projected_on')) projectedOn!: string;
  @Column(text('projected_at')) projectedAt!: string;
  @Column(text('updated_at')) updatedAt!: string;
}

/** A legal timer (domain-brief §9) derived from a dossier's evidence. */
@Entity('dossier_timer')
export class DossierTimerEntity {
  @PrimaryColumn(key('timer_key')) timerKey!: string;
  @Column(text('dossier_id')) dossierId!: string;
  @Column(text('timer_id')) timerId!: string;
  @Column(text('source_id')) sourceId!: string;
  @Column(text('start_on')) startOn!: string;
  @Column(text('computed_end')) computedEnd!: string;
  @Column(text('basis')) basis!: string;
  @Column(text('calendar_rule_version')) calendarRuleVersion!: string;
  @Column(text('extended_by')) extendedBy!: string;
  @Column(text('status')) status!: string;
  @Column(nullableText('closed_reason')) closedReason!: string | null;
  @Column(text('details')) details!: string;
}

/** The expiry of a timer, recorded exactly once (the key makes a second instance's insert a no-op). */
@Entity('timer_expiry')
export class TimerExpiryEntity {
  @PrimaryColumn(key('timer_key')) timerKey!: string;
  @Column(text('dossier_id')) dossierId!: string;
  @Column(text('timer_id')) timerId!: string;
  @Column(text('start_on')) startOn!: string;
  @Column(text('computed_end')) computedEnd!: string;
  @Column(text('basis')) basis!: string;
  @Column(text('calendar_rule_version')) calendarRuleVersion!: string;
  @Column(text('expired_on')) expiredOn!: string;
  @Column(text('recorded_at')) recordedAt!: string;
  @Column(nullableText('audit_event_id')) auditEventId!: string | null;
}

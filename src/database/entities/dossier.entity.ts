import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierState } from '../../../workflows/evidence';
import type { WaiverFact } from '../../../workflows/facts';
import { bool, int, key, nullableText, text } from './columns';

/** A dossier: its phase, version (optimistic concurrency), classification and owner. */
@Entity('dossier')
export class DossierEntity {
  @PrimaryColumn(key('id')) id!: string;
  @Column(text('title')) title!: string;
  @Column(text('workflow_id')) workflowId!: string;
  @Column(text('workflow_version')) workflowVersion!: string;
  @Column(text('state')) state!: DossierState;
  @Column(int('version')) version!: number;
  @Column(text('entered_phase_on')) enteredPhaseOn!: string;
  @Column(text('entered_phase_at')) enteredPhaseAt!: string;
  @Column(bool('strategisch', { nullable: true })) strategisch!: boolean | null;
  @Column(nullableText('besluitvormer')) besluitvormer!: string | null;
  @Column(nullableText('assignee_id')) assigneeId!: string | null;
  @Column(text('created_by')) createdBy!: string;
  @Column(text('created_at')) createdAt!: string;
  @Column(text('updated_at')) updatedAt!: string;
  @Column(nullableText('previous_dossier_id')) previousDossierId!: string | null;
  @Column(nullableText('follow_up_dossier_id')) followUpDossierId!: string | null;
}

/** An evidence record (append-only: the database refuses UPDATE and DELETE); `data` is JSON text. */
@Entity('evidence')
export class EvidenceEntity {
  @PrimaryColumn(key('id')) id!: string;
  @Column(text('dossier_id')) dossierId!: string;
  @Column(text('kind')) kind!: string;
  @Column(text('occurred_on')) occurredOn!: string;
  @Column(text('recorded_at')) recordedAt!: string;
  @Column(text('recorded_by')) recordedBy!: string;
  @Column(nullableText('supersedes')) supersedes!: string | null;
  /** The order guards and corrections follow within the dossier. */
  @Column(int('position')) position!: number;
  @Column(text('data')) data!: string;
}

/** A waiver: requested, approved or rejected, used once. */
@Entity('waiver')
export class WaiverEntity {
  @PrimaryColumn(key('id')) id!: string;
  @Column(text('dossier_id')) dossierId!: string;
  @Column(text('requirement_id')) requirementId!: string;
  @Column(text('reason_code')) reasonCode!: string;
  @Column(text('motivation')) motivation!: string;
  @Column(text('requested_by')) requestedBy!: string;
  @Column(text('requested_at')) requestedAt!: string;
  @Column(nullableText('approver_id')) approverId!: string | null;
  @Column(text('status')) status!: WaiverFact['status'];
  @Column(nullableText('decided_by')) decidedBy!: string | null;
  @Column(nullableText('decided_at')) decidedAt!: string | null;
  @Column(nullableText('decision_note')) decisionNote!: string | null;
  @Column(nullableText('used_at')) usedAt!: string | null;
  @Column(nullableText('used_by_event')) usedByEvent!: string | null;
}

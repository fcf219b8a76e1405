/**
 * OpenAPI response schemas of the auditor's endpoints (history, state on a date, flags, verification). Class names
 * are prefixed so they do not collide with other modules' schemas in the OpenAPI document.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DossierViewDto, EvidenceRecordDto, TextDto, WorkflowRefDto } from '../../dossiers';
import { FLAG_KINDS } from '../../audit';

const HEX64 = { type: String, pattern: '^[0-9a-f]{64}$', example: 'e24b3ccee1f1368d811e5e037f404621e005aa06334e570fd7a962dfe4baeb9d' } as const;

export class AuditActorDto {
  @ApiProperty({ example: '7d2e9b40-1c3a-4f5e-8a6b-9c0d1e2f3a4b' }) id!: string;
  @ApiProperty({ type: [String], example: ['beleidsmedewerker'] }) roles!: string[];
  @ApiProperty({ nullable: true, type: String, example: 'Anne de Vries', description: 'The person by name (null when the id is no user).' })
  name!: string | null;
}

export class AuditEvidenceReferenceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'document' }) kind!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) occurredOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) recordedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) supersedes!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The audit event that recorded this version; null when the trail has no such record.' })
  recordedInSeq!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hash of that event: pins this exact version of the record.' })
  recordedInHash!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A correction recorded before this event, if any.' }) supersededBy!: string | null;
}

export class AuditWaiverReferenceDto {
  @ApiProperty({ example: 'G2-01' }) requirementId!: string;
  @ApiProperty() waiverId!: string;
  @ApiProperty({ nullable: true, type: String }) reasonCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) motivation!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The beleidsmedewerker who asked.' }) requestedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The requester by name.' }) requestedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) requestedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The teamleider who approved (never the requester).' }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The approver by name.' }) approvedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
}

export class AuditReferencesDto {
  @ApiProperty({ type: [AuditEvidenceReferenceDto], description: 'Evidence the requirement evaluation rested on, as recorded in the trail.' })
  evidence!: AuditEvidenceReferenceDto[];
  @ApiProperty({ type: [AuditWaiverReferenceDto], description: 'Waivers the transition used.' }) waivers!: AuditWaiverReferenceDto[];
}

export class HistoryEntryDto {
  @ApiProperty({ description: 'Global order of the event.' }) seq!: number;
  @ApiProperty({ description: 'Position in the dossier’s hash chain.' }) streamSeq!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'date-time', description: 'Server time (UTC).' }) at!: string;
  @ApiProperty({ format: 'date', description: 'Calendar date in Europe/Amsterdam.' }) localDate!: string;
  @ApiProperty({ example: 'transition.refused' }) action!: string;
  @ApiProperty({ example: 'transition', description: 'The part of the action before the dot.' }) kind!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ type: WorkflowRefDto, nullable: true }) workflow!: WorkflowRefDto | null;
  @ApiProperty({ type: TextDto, description: 'One line in Dutch and English.' }) summary!: TextDto;
  @ApiProperty({
    type: Object,
    description:
      'Everything the event recorded, unchanged: for transitions `event`, `from`, `to`, `evaluation` (each requirement shown, with ' +
      'status, explanation and evidence ids), `explanations`, `waiversUsed`; for evidence the record (and `before` for a correction); ' +
      'for classification changes `before`, `after`, `reden`; for waivers the request and the decision with requester and approver.',
  })
  payload!: Record<string, unknown>;
  @ApiPropertyOptional({ type: AuditReferencesDto, description: 'Transitions only.' }) references?: AuditReferencesDto;
  @ApiProperty(HEX64) prevHash!: string;
  @ApiProperty(HEX64) hash!: string;
  @ApiPropertyOptional({ description: 'Set when the stored event cannot be read: the chain is damaged.' }) contentError?: string;
}

export class HistoryPageDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: [HistoryEntryDto] }) items!: HistoryEntryDto[];
  @ApiProperty() limit!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterSeq for the next page; null on the last page.' }) nextAfterSeq!: number | null;
}

export class AuditBrokenEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() stream!: string;
  @ApiProperty() streamSeq!: number;
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch', 'stream-seq-gap', 'seq-order'] }) reason!: string;
  @ApiProperty({ description: 'What the chain requires here (e.g. the recomputed hash).' }) expected!: string;
  @ApiProperty({ description: 'What the record holds.' }) found!: string;
}

export class AsOfChainDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiPropertyOptional({ type: AuditBrokenEventDto }) firstBroken?: AuditBrokenEventDto;
}

export class AsOfGapDto {
  @ApiProperty({ enum: ['carried-lessons-not-audited', 'unreadable-payload', 'missing-field', 'chain-broken'] }) kind!: string;
  @ApiProperty({ type: [Number] }) seqs!: number[];
  @ApiProperty({ type: TextDto }) description!: TextDto;
}

export class AsOfViewerDto {
  @ApiProperty({ enum: ['caller', 'assignee'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class AsOfLastEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() streamSeq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty(HEX64) hash!: string;
}

export class AsOfDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: AsOfViewerDto,
    description: 'The owner the evaluation was made for (the dossier’s assignee then): the evaluation is the dossier’s, the same for every viewer; `kind` echoes the `viewer` parameter.',
  })
  viewer!: AsOfViewerDto;
  @ApiProperty({ description: 'The dossier’s audit events up to `at`, replayed.' }) eventsApplied!: number;
  @ApiProperty({ type: AsOfLastEventDto }) lastEvent!: AsOfLastEventDto;
  @ApiProperty({ type: AsOfChainDto, description: 'Those events verified as a hash chain from the dossier’s first event.' }) chain!: AsOfChainDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Events that do not change the state (e.g. timer.*), by action.' })
  notApplied!: Record<string, number>;
  @ApiProperty({ type: [AsOfGapDto], description: 'What the trail does not contain, so the reconstruction is approximate there.' }) gaps!: AsOfGapDto[];
  @ApiProperty({ description: 'No gaps and an intact chain.' }) complete!: boolean;
}

export class AuditWaiverViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty() requirementId!: string;
  @ApiProperty() reasonCode!: string;
  @ApiProperty() motivation!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) approverId!: string | null;
  @ApiProperty({ nullable: true, type: String }) approverName!: string | null;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'used'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) usedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) usedByEvent!: string | null;
}

export class DossierStateDto extends DossierViewDto {
  @ApiProperty({ type: [EvidenceRecordDto], description: 'Every evidence record recorded by then, with `supersededBy` as it stood then.' })
  evidence!: EvidenceRecordDto[];
  @ApiProperty({ type: [String], description: 'Ids of the records in force then (not superseded).' }) evidenceInForce!: string[];
  @ApiProperty({ type: [AuditWaiverViewDto] }) waivers!: AuditWaiverViewDto[];
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
}

export class AuditFlagDto {
  @ApiProperty({ enum: FLAG_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: [Number], description: 'The audit events involved, ascending; the last one raised the flag.' }) seqs!: number[];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: TextDto }) description!: TextDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures behind the flag and the thresholds used.' })
  details!: Record<string, unknown>;
}

export class DossierFlagsDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: [AuditFlagDto], description: 'A page ends at an event boundary, so it may hold a few more flags than `limit`.' }) items!: AuditFlagDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterSeq for the next page; null when there are no more.' })
  nextAfterSeq!: number | null;
}

export class FlagPageDto {
  @ApiProperty({ type: [AuditFlagDto] }) items!: AuditFlagDto[];
  @ApiProperty() limit!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterSeq for the next page; null when there are no more.' })
  nextAfterSeq!: number | null;
}

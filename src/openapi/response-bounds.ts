/**
 * What the service keeps its answers to, for the response DTOs that do not say it themselves: each entry
 * is merged into the named schema's property (the DTO's own description, nullability and example stay).
 * Every bound here holds by construction — an id is a UUID the service generated, a timestamp comes from
 * `Date.toISOString()`, a title or motivation passed the request validator with that limit — and
 * test/e2e/openapi-responses.e2e.test.ts checks real answers against the result. An entry naming a schema
 * or property that no longer exists is reported by {@link staleResponseBounds} (and fails that test).
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DOCUMENT_TYPES, EVIDENCE_KINDS, FINAL_STATES, PHASE_IDS, WAIVER_REASON_CODES } from '../../workflows/evidence';
import { ROLES } from '../../workflows/facts';
import { ACTOR_ID, ANY_TEXT, ISO_INSTANT_MAX, LIST_MAX_ITEMS, MAX_HISTORY_PAGE, NON_BLANK, REQUIREMENT_ID, REQUIREMENT_MAP_KEYS, TEXT_MAX, UUID, UUID_HEX } from '../common';
import { MAX_EVIDENCE_PER_DOSSIER, MAX_WAIVERS_PER_DOSSIER } from '../dossiers';
import { MAX_GAPS_SHOWN, NOT_APPLIED_ACTIONS } from '../auditor';
import { FLAG_KINDS, SHOWN_VALUE_MAX } from '../audit';
import { EXTRA_DECREED_TEXT_MAX, VERLENGINGEN_MAX } from '../../workflows/law/algemene-termijnenwet';

type Fragment = SchemaObject;

const UUID_OR_SYSTEM = `^(?:system|${UUID_HEX})$`;
/** An audit stream: the dossier's id, or `system`. */
const STREAM: Fragment = { type: 'string', maxLength: 36, pattern: UUID_OR_SYSTEM };
const INSTANT: Fragment = { type: 'string', format: 'date-time', maxLength: ISO_INSTANT_MAX };
const HASH: Fragment = { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 };
/** A dossier title: CreateDossierDto allows 1–300 characters, not blank. */
const TITLE: Fragment = { type: 'string', maxLength: 300, ...NON_BLANK };
/** Motivations, reasons, notes that passed a 10 000-character, non-blank check. */
const LONG_TEXT: Fragment = { type: 'string', maxLength: 10_000, ...NON_BLANK };
/** A short text of an evidence record (IsShortText: 1–300 characters, not blank): doelgroepen, instrument ids. */
const EVIDENCE_SHORT_TEXT: Fragment = { type: 'string', maxLength: 300, ...NON_BLANK };
/** A legal timer's key: `<dossier>:<timer>:<source evidence, or fase:<phase>>:<computed end>` (compliance-timers.ts). */
const TIMER_KEY: Fragment = { type: 'string', pattern: `^${UUID_HEX}:TM-\\d{2}:(?:${UUID_HEX}|fase:[a-z-]{1,40}):\\d{4}-\\d{2}-\\d{2}$` };
/** A person's name: UsersService.createUser keeps 1–200 characters, trimmed, not blank. */
const NAME: Fragment = { type: 'string', maxLength: 200, ...NON_BLANK };
/** Optional texts CreateDossierDto takes as they come (also blank), up to its limit. */
const OPTIONAL_LONG_TEXT: Fragment = { type: 'string', maxLength: 10_000, ...ANY_TEXT };
const OPTIONAL_SHORT_TEXT: Fragment = { type: 'string', maxLength: 300, ...ANY_TEXT };
/** The teamleider's note with a decision: optional, up to 10 000 characters, any text. */
const NOTE: Fragment = { type: 'string', maxLength: 10_000, ...ANY_TEXT };
const REASON_CODE: Fragment = { type: 'string', enum: [...WAIVER_REASON_CODES] };
const ROLE_LIST: Fragment = { type: 'array', maxItems: ROLES.length, items: { type: 'string', enum: [...ROLES] } };
const WORKFLOW_ID: Fragment = { type: 'string', maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' };
const WORKFLOW_VERSION: Fragment = { type: 'string', maxLength: 32, pattern: '^[0-9A-Za-z][0-9A-Za-z.-]*$' };
/** An audit action: `dossier.created`, `transition.refused`, `timer.expired`, … */
const ACTION: Fragment = { type: 'string', maxLength: 64, pattern: '^[a-z][a-z-]*(?:\\.[a-z][a-z-]*)+$' };
/** Lists of requirement ids: never more than the workflow has requirements. */
const REQUIREMENT_IDS: Fragment = { type: 'array', maxItems: 200, items: REQUIREMENT_ID };
/** A page of at most 200 rows (the `limit` query parameter's maximum). */
const PAGE: Fragment = { type: 'array', maxItems: 200 };
/** A page of at most 1000 audit rows (`limit` 1–1000). */
const AUDIT_PAGE: Fragment = { type: 'array', maxItems: 1000 };

/** Map schemas keyed by requirement id, as components (each names every possible key; see REQUIREMENT_MAP_KEYS). */
export const REQUIREMENT_MAPS: Record<string, SchemaObject> = {
  RequirementExplanations: requirementMap('Requirement id → explanation (comply or explain), at most 60.', { $ref: '#/components/schemas/ExplanationText' }),
  RequirementWaivers: requirementMap('Requirement id → id of the waiver that passed it.', { type: 'string', format: 'uuid', maxLength: 36 }),
  ExplanationText: { type: 'string', maxLength: 10_000, ...NON_BLANK, description: 'An explanation of why an advisory requirement is not met.' },
};

function requirementMap(description: string, value: SchemaObject | ReferenceObject): SchemaObject {
  return {
    type: 'object',
    description,
    maxProperties: 60,
    additionalProperties: false,
    properties: Object.fromEntries(REQUIREMENT_MAP_KEYS.map((k) => [k, value])),
  };
}

const EXPLANATIONS: Fragment = { allOf: [{ $ref: '#/components/schemas/RequirementExplanations' }] };
const WAIVER_MAP: Fragment = { allOf: [{ $ref: '#/components/schemas/RequirementWaivers' }] };

/**
 * The most flags one audit event raises (audit/flags.ts): a transition flags each reclassification since the previous
 * one (at most the dossier's evidence records), each short advisory explanation (at most 60: FireTransitionDto), and
 * the token it was done with.
 */
const FLAGS_PER_EVENT_MAX = MAX_EVIDENCE_PER_DOSSIER + 60 + 1;
/** A page of flags ends at an event boundary: fewer than `limit` (at most 1000) flags, then all flags of one event. */
const FLAG_PAGE: Fragment = { type: 'array', maxItems: 1000 - 1 + FLAGS_PER_EVENT_MAX };

/** A text of a `{ nl, en }` pair: built from templates, cut at TEXT_MAX where it lists many records (common/bounded-text.ts). */
const TEXT: Fragment = { type: 'string', maxLength: TEXT_MAX, ...NON_BLANK };
const TEXT_PAIR: Fragment = { allOf: [{ $ref: '#/components/schemas/TextDto' }] };
/** Lists of a dossier's evidence records, or of their ids (src/dossiers/limits.ts). */
const EVIDENCE_LIST: Fragment = { type: 'array', maxItems: MAX_EVIDENCE_PER_DOSSIER };
const EVIDENCE_IDS: Fragment = { type: 'array', maxItems: MAX_EVIDENCE_PER_DOSSIER, items: UUID };
/** Lists of a dossier's waiver requests. */
const WAIVER_LIST: Fragment = { type: 'array', maxItems: MAX_WAIVERS_PER_DOSSIER };
/** The legal basis of a requirement or timer, from the workflow catalogue (response-bounds.spec.ts checks every one; 2025 cites with quotes, up to 731). */
export const CATALOGUE_BASIS_MAX = 1000;
const BASIS: Fragment = { type: 'string', maxLength: CATALOGUE_BASIS_MAX, ...NON_BLANK };
/** The Atw calendar a deadline used (`atw-2026.2`, `atw-2026.2+config-1a2b3c4d`), or `no-atw` for a window the Atw does not extend. */
export const CALENDAR_VERSION: Fragment = { type: 'string', maxLength: 40, pattern: '^(?:no-atw|atw-\\d{4}\\.\\d{1,4}(?:\\+config-[0-9a-f]{8})?)$' };
/**
 * Why a deadline moved past a day: `zaterdag`, `zondag`, a feestdag with its article, a decreed day with its decree
 * (configured ones: name and source bounded by EXTRA_DECREED_TEXT_MAX), or the art. 2 rule.
 */
const VERLENGING_REDEN_MAX = 100 + EXTRA_DECREED_TEXT_MAX.name + EXTRA_DECREED_TEXT_MAX.source;
const VERLENGING_REDEN: Fragment = { type: 'string', maxLength: VERLENGING_REDEN_MAX, ...NON_BLANK };
/** A timer's `extendedBy` line: the date, then the reason (describeVerlenging). */
const EXTENDED_BY: Fragment = { type: 'array', maxItems: VERLENGINGEN_MAX, items: { type: 'string', maxLength: VERLENGING_REDEN_MAX + 20, pattern: '^\\d{4}-\\d{2}-\\d{2}[ :]' } };
/** What a broken chain record holds or should hold, as the verifier shows it: cut at SHOWN_VALUE_MAX, never blank. */
const SHOWN: Fragment = { type: 'string', maxLength: SHOWN_VALUE_MAX, ...NON_BLANK };
/** Why a stored audit event cannot be read (audit-scan.ts `toEventRow`, export-format.ts). */
const CONTENT_ERRORS = [
  'the stored content is not valid JSON',
  'the stored content is not a JSON object',
  'the stored content is not in canonical form',
  ...['stream', 'streamSeq', 'id', 'occurredAt', 'actorId', 'actorRoles', 'action', 'dossierId', 'workflowId', 'workflowVersion', 'payload', 'prevHash'].map(
    (f) => `the stored content has no valid ${f}`,
  ),
];
const INT32_COUNT: Fragment = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 };
const SEQ_COUNT: Fragment = { type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
const DATE: Fragment = { type: 'string', format: 'date', maxLength: 10 };
/** A value the flag copies from the audit trail as it was recorded: its type is the recorded one. */
const recorded = (description: string): Fragment => ({ description });

/** `notApplied`: per action that does not change the state, how many events; any other action as `other` (audit/as-of.ts). */
const NOT_APPLIED: Fragment = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries([...NOT_APPLIED_ACTIONS, 'other'].map((a) => [a, SEQ_COUNT])),
};

/** A compliance timer's `details`, by timer (compliance-timers.ts): TM-01, TM-06, TM-10, TM-11. */
const TIMER_DETAILS: Fragment = {
  type: 'object',
  additionalProperties: false,
  properties: {
    weeks: { ...INT32_COUNT, description: 'TM-01: the period in weeks.' },
    zienswijzen: { ...INT32_COUNT, description: 'TM-01: zienswijzen recorded.' },
    reactienota: { type: 'boolean', description: 'TM-01: a reactienota is recorded.' },
    ondersteuners: { ...recorded('TM-06: valid supporters, as recorded.') },
    drempel: { ...INT32_COUNT, description: 'TM-06: the threshold (400).' },
    drempelGehaald: { type: 'boolean' },
    binnenBevoegdheidPs: { ...recorded('TM-06: within the powers of PS, as recorded.') },
    presidiumBesluitId: { ...UUID, nullable: true },
    reactieOn: { ...DATE, nullable: true, description: 'TM-10: when PS reacted.' },
    spoed: { type: 'boolean' },
    bron: { type: 'string', enum: ['evaluatieplan', 'cyclus'], description: 'TM-11: where the due date comes from.' },
    is217a: { type: 'boolean', nullable: true },
    rapportId: { ...UUID, nullable: true },
    maanden: { ...INT32_COUNT, description: 'TM-11: the configured evaluation cycle.' },
  },
};

/** A flag's `details`, by kind (audit/flags.ts): the figures, the thresholds and what the trail recorded. */
const FLAG_DETAILS: Fragment = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hours: { type: 'number', minimum: 0, maximum: 1e9 },
    thresholdHours: INT32_COUNT,
    changedFields: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64, pattern: '^[A-Za-z]+$' } },
    before: recorded('The classification before, as recorded.'),
    after: recorded('The classification after, as recorded.'),
    reden: recorded('The reason given, as recorded.'),
    transitionId: recorded('The transition, as recorded.'),
    waiverId: recorded('The waiver, as recorded.'),
    requirementId: recorded('The requirement, as recorded.'),
    reasonCode: recorded('The reason code, as recorded.'),
    requestedBy: recorded('Who requested the waiver, as recorded.'),
    requestedByName: { ...NAME, nullable: true },
    approvedBy: recorded('Who approved it, as recorded.'),
    approvedByName: { ...NAME, nullable: true },
    requestedAt: recorded('When it was requested, as recorded.'),
    approvedAt: recorded('When it was approved, as recorded.'),
    minutes: { type: 'number', minimum: 0, maximum: 1e9 },
    thresholdMinutes: INT32_COUNT,
    evidenceId: recorded('The evidence record, as recorded.'),
    evidenceKind: recorded('Its kind, as recorded.'),
    occurredOn: recorded('When it happened, as recorded.'),
    recordedAt: recorded('When it was recorded, as recorded.'),
    recordedBy: recorded('Who recorded it, as recorded.'),
    recordedByName: { ...NAME, nullable: true },
    days: { type: 'integer', format: 'int32', minimum: -1_000_000, maximum: 1_000_000 },
    thresholdDays: INT32_COUNT,
    explanation: recorded('The explanation given, as recorded.'),
    length: INT32_COUNT,
    minimumLength: INT32_COUNT,
    action: ACTION,
    actorId: recorded('Who acted, as recorded.'),
    tokenId: recorded('The token, as recorded.'),
    issuedBy: recorded('Who issued it, as recorded.'),
    issuedByName: recorded('Their name, as recorded.'),
  },
};

/**
 * An audit event's payload, as recorded: its members depend on the action (see the description). It stays open, as
 * the trail keeps every event unchanged across versions; the service writes at most this many members.
 */
const PAYLOAD: Fragment = { type: 'object', maxProperties: 32 };

/** A dossier as listed (DossierSummaryDto), shown (DossierViewDto) and reconstructed (DossierStateDto). */
const DOSSIER_SUMMARY: Record<string, Fragment> = {
  title: TITLE,
  assigneeId: UUID,
  createdBy: ACTOR_ID,
  createdAt: INSTANT,
  updatedAt: INSTANT,
  previousDossierId: UUID,
  followUpDossierId: UUID,
};
const DOSSIER_VIEW: Record<string, Fragment> = { ...DOSSIER_SUMMARY, acceptedEvents: { maxItems: 4 }, events: { maxItems: 4 } };
/** A waiver, as the API shows it (WaiverDto) and as the auditor reconstructs it (AuditWaiverViewDto). */
const WAIVER: Record<string, Fragment> = {
  requirementId: REQUIREMENT_ID,
  reasonCode: REASON_CODE,
  motivation: LONG_TEXT,
  requestedBy: ACTOR_ID,
  requestedAt: INSTANT,
  approverId: UUID,
  decidedBy: ACTOR_ID,
  decidedAt: INSTANT,
  decisionNote: NOTE,
  usedAt: INSTANT,
  usedByEvent: UUID,
  requestedByName: NAME,
  approverName: NAME,
  decidedByName: NAME,
};
/** The evaluation of a transition, recorded with its event (EventEvaluationDto) or shown for the next one (NextTransitionDto). */
const EVALUATION: Record<string, Fragment> = { blocking: REQUIREMENT_IDS, explanationsRequired: REQUIREMENT_IDS, waived: REQUIREMENT_IDS, requirements: { maxItems: 200 } };

export const RESPONSE_BOUNDS: Record<string, Record<string, Fragment>> = {
  TextDto: { nl: TEXT, en: TEXT },
  RequirementOriginDto: { basis: BASIS },
  TransitionHistoryPageDto: { dossierId: UUID, items: { type: 'array', maxItems: MAX_HISTORY_PAGE }, nextAfterSeq: { ...SEQ_COUNT, nullable: true } },
  VerifyResultDto: { heads: { type: 'array', maxItems: 1000 }, nextHeadsAfter: STREAM },
  BrokenEventDto: { stream: STREAM, expected: SHOWN, found: SHOWN },
  AuditBrokenEventDto: { stream: STREAM, expected: SHOWN, found: SHOWN },
  SinceCheckDto: { stream: STREAM, at: { ...INSTANT, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' }, expected: HASH, found: SHOWN },
  AuditReferencesDto: { evidence: EVIDENCE_LIST, waivers: WAIVER_LIST },
  AsOfGapDto: { seqs: { maxItems: 1, items: SEQ_COUNT } },
  DossierFlagsDto: { items: FLAG_PAGE },
  VerlengingDto: { reden: VERLENGING_REDEN },
  TermijnDto: { duur: { type: 'string', maxLength: 6, pattern: '^P[0-9]{1,4}[DWM]$' }, verlengingen: { type: 'array', maxItems: VERLENGINGEN_MAX }, kalenderversie: CALENDAR_VERSION },
  OverdueListDto: { items: { type: 'array', maxItems: MAX_EVIDENCE_PER_DOSSIER + 1 } },
  WorkflowRefDto: { id: WORKFLOW_ID, version: WORKFLOW_VERSION },
  // From CreateDossierDto (blank allowed) or a classificatie record (not blank): the weaker promise holds.
  ClassificationDto: { strategischMotivatie: OPTIONAL_LONG_TEXT, herkomstBron: OPTIONAL_SHORT_TEXT },
  PersonDto: { name: NAME },
  CallerDto: { id: ACTOR_ID, roles: ROLE_LIST },
  RequirementWaiverDto: { reasonCode: REASON_CODE, requestedAt: INSTANT, decidedAt: INSTANT },
  EventEvaluationDto: EVALUATION,
  // The texts of a 409 requirements-unmet, as those of the dossier view (explanations cut at TEXT_MAX).
  UnmetRequirementDto: { id: REQUIREMENT_ID, label: TEXT_PAIR, explanation: TEXT_PAIR, toPass: TEXT_PAIR },
  RequirementViewDto: { id: REQUIREMENT_ID, evidence: EVIDENCE_IDS },
  NextTransitionDto: EVALUATION,
  DossierSummaryDto: DOSSIER_SUMMARY,
  DossierViewDto: DOSSIER_VIEW,
  DossierPageDto: { items: PAGE },
  EvidenceRecordDto: { dossierId: UUID, recordedAt: INSTANT, recordedBy: ACTOR_ID },
  TransitionResultDto: { followUpDossierId: UUID, explained: EXPLANATIONS, waived: WAIVER_MAP },
  // The request's map: FireTransitionDto's validator accepts exactly these keys, at most 60, values 1–10 000 characters, not blank.
  FireTransitionDto: { explanations: EXPLANATIONS },
  TransitionHistoryEntryDto: {
    transitionId: UUID,
    auditEventId: UUID,
    at: INSTANT,
    reason: LONG_TEXT,
    followUpDossierId: UUID,
    explanations: EXPLANATIONS,
    waiversUsed: WAIVER_MAP,
    // One entry per requirement of the transition.
    evaluation: { maxItems: 200 },
  },
  WaiverDto: WAIVER,
  // compliance
  OwnerDto: { name: NAME },
  // Requirement ids (open requirements, at most 200) or waiver ids (pending, used: at most the dossier's waivers).
  IdListDto: { ids: { type: 'array', maxItems: Math.max(MAX_WAIVERS_PER_DOSSIER, 200), items: { type: 'string', maxLength: 36, pattern: `^(?:[A-Z][A-Z0-9]*-\\d{2}[a-z]?|${UUID_HEX})$` } } },
  MatrixEntryDto: { id: REQUIREMENT_ID },
  NextComplianceDto: { waived: REQUIREMENT_IDS, matrix: { maxItems: 200 } },
  ComplianceItemDto: { title: TITLE, projectedAt: INSTANT },
  CompliancePageDto: { items: PAGE, nextCursor: { type: 'string', maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$', description: 'Opaque; send it back as `cursor`.' } },
  WaiverRegisterItemDto: {
    title: TITLE,
    requirementId: REQUIREMENT_ID,
    reasonCode: REASON_CODE,
    motivation: LONG_TEXT,
    requestedAt: INSTANT,
    decidedAt: INSTANT,
    decisionNote: NOTE,
    usedAt: INSTANT,
    usedByEvent: UUID,
  },
  WaiverRegisterPageDto: { items: PAGE },
  TimerExpiryDto: { recordedAt: INSTANT, auditEventId: UUID },
  TimerPageDto: { items: PAGE },
  ReclassificationDto: { recordedAt: INSTANT, recordedBy: ACTOR_ID, reden: LONG_TEXT },
  StartnotitieItemDto: { title: TITLE, ownerId: UUID, reclassifications: EVIDENCE_LIST },
  StartnotitiePageDto: { items: PAGE },
  ParticipationItemDto: { title: TITLE, ownerId: UUID },
  ParticipationPageDto: { items: PAGE },
  PlanLineDto: { doelgroep: EVIDENCE_SHORT_TEXT, planned: EVIDENCE_SHORT_TEXT, activityIds: EVIDENCE_IDS },
  // An activity's doelgroepen passed IsTextList: at most 100.
  UnplannedActivityDto: { instrumentId: EVIDENCE_SHORT_TEXT, doelgroepen: { maxItems: 100, items: EVIDENCE_SHORT_TEXT } },
  // One line per level and per instrument of the plan (each list at most LIST_MAX_ITEMS); unplanned: activities.
  ParticipationComparisonDto: { planSourceId: UUID, planSourceType: { type: 'string', enum: [...DOCUMENT_TYPES] }, lines: { type: 'array', maxItems: 2 * LIST_MAX_ITEMS }, unplanned: EVIDENCE_LIST },
  TimerItemDto: {
    title: TITLE,
    key: TIMER_KEY,
    basis: BASIS,
    calendarRuleVersion: CALENDAR_VERSION,
    extendedBy: EXTENDED_BY,
    closedReason: { type: 'string', enum: ['presidium-besluit', 'ps-reactie', 'gs-besloten', 'evaluatie-gereed', 'dossier-verder', 'dossier-ingetrokken'] },
    details: TIMER_DETAILS,
  },
  OverdueTimerRefDto: { key: TIMER_KEY },
  // One row per phase and final state.
  ComplianceSummaryDto: { counts: { maxItems: PHASE_IDS.length + FINAL_STATES.length } },
  // At most `maxItems` (1–5000) exceptions; `truncated` says when there were more.
  ExceptionListDto: { items: { maxItems: 5000 } },
  // audit
  StreamHeadDto: { stream: STREAM, hash: HASH },
  AuditActorDto: { id: ACTOR_ID, roles: ROLE_LIST, name: NAME },
  AuditEvidenceReferenceDto: { kind: { type: 'string', enum: [...EVIDENCE_KINDS] }, id: UUID, recordedAt: INSTANT, recordedBy: ACTOR_ID, supersedes: UUID, recordedInHash: HASH, supersededBy: UUID },
  AuditWaiverReferenceDto: {
    requirementId: REQUIREMENT_ID,
    waiverId: UUID,
    reasonCode: REASON_CODE,
    motivation: LONG_TEXT,
    requestedBy: ACTOR_ID,
    requestedAt: INSTANT,
    approvedBy: ACTOR_ID,
    approvedAt: INSTANT,
    decisionNote: NOTE,
    requestedByName: NAME,
    approvedByName: NAME,
  },
  HistoryEntryDto: { at: INSTANT, action: ACTION, kind: { type: 'string', maxLength: 32, pattern: '^[a-z][a-z-]*$' }, payload: PAYLOAD, contentError: { type: 'string', enum: CONTENT_ERRORS } },
  HistoryPageDto: { items: AUDIT_PAGE },
  AuditWaiverViewDto: { id: UUID, dossierId: UUID, ...WAIVER },
  AsOfViewerDto: { id: ACTOR_ID, roles: ROLE_LIST },
  AsOfLastEventDto: { at: INSTANT, action: ACTION },
  AsOfDto: { at: INSTANT, notApplied: NOT_APPLIED, gaps: { type: 'array', maxItems: MAX_GAPS_SHOWN } },
  DossierStateDto: {
    ...DOSSIER_VIEW,
    evidence: EVIDENCE_LIST,
    evidenceInForce: EVIDENCE_IDS,
    waivers: WAIVER_LIST,
  },
  AuditFlagDto: { at: INSTANT, seqs: { maxItems: 2, items: SEQ_COUNT }, details: FLAG_DETAILS, kind: { type: 'string', enum: [...FLAG_KINDS] } },
  FlagPageDto: { items: FLAG_PAGE },
};

const isRef = (x: unknown): x is ReferenceObject => typeof x === 'object' && x !== null && '$ref' in x;

/** Merge a fragment into a property: its bounds win, the property's description, nullability and example stay. */
function merge(property: SchemaObject, fragment: Fragment): void {
  if (fragment.allOf) {
    // A map replaced by its component: only the description stays.
    const description = property.description;
    for (const key of Object.keys(property)) delete (property as Record<string, unknown>)[key];
    // Without a description to keep beside it, the reference alone (a one-schema allOf says nothing more).
    if (description) Object.assign(property, fragment, { description });
    else Object.assign(property, fragment.allOf[0]);
    return;
  }
  const { items, ...rest } = fragment;
  Object.assign(property, rest, { description: property.description ?? fragment.description });
  if (property.description === undefined) delete property.description;
  if (items && !isRef(items)) property.items = isRef(property.items) || !property.items ? items : { ...property.items, ...items };
}

/** Answers that are a bare list (by operationId): the most items they hold. */
export const OPERATION_LIST_BOUNDS: Record<string, number> = {
  EvidenceController_list: MAX_EVIDENCE_PER_DOSSIER,
  WaiversController_list: MAX_WAIVERS_PER_DOSSIER,
};

function applyOperationBounds(doc: OpenAPIObject): void {
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as { operationId?: string; responses?: Record<string, unknown> }[]) {
      const max = OPERATION_LIST_BOUNDS[op?.operationId ?? ''];
      if (max === undefined) continue;
      const ok = op.responses?.['200'] as { content?: Record<string, { schema?: SchemaObject }> } | undefined;
      const schema = ok?.content?.['application/json']?.schema;
      if (schema && !isRef(schema) && schema.type === 'array') schema.maxItems = max;
    }
  }
}

export function applyResponseBounds(doc: OpenAPIObject): void {
  applyOperationBounds(doc);
  const schemas = doc.components?.schemas ?? {};
  Object.assign(schemas, REQUIREMENT_MAPS);
  for (const [name, properties] of Object.entries(RESPONSE_BOUNDS)) {
    const schema = schemas[name];
    if (!schema || isRef(schema)) continue;
    for (const [prop, fragment] of Object.entries(properties)) {
      const property = schema.properties?.[prop];
      if (property && !isRef(property)) merge(property, fragment);
    }
  }
}

/** Entries of {@link RESPONSE_BOUNDS} whose schema or property the document does not have (renamed, removed). */
export function staleResponseBounds(doc: OpenAPIObject): string[] {
  const schemas = doc.components?.schemas ?? {};
  const stale: string[] = [];
  for (const [name, properties] of Object.entries(RESPONSE_BOUNDS)) {
    const schema = schemas[name];
    for (const prop of Object.keys(properties)) {
      if (!schema || isRef(schema) || !schema.properties?.[prop]) stale.push(`${name}.${prop}`);
    }
  }
  return stale;
}

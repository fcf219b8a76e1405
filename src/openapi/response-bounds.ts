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
import { ISO_INSTANT_MAX } from './bounds';
import { ANY_TEXT, NON_BLANK, REQUIREMENT_ID, REQUIREMENT_MAP_KEYS, UUID } from './text';

type Fragment = SchemaObject;

const UUID_HEX = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_OR_SYSTEM = `^(?:system|${UUID_HEX})$`;
/** A user id, `cli:<account>` for the command line (src/cli/run.ts keeps 64 characters of the account), or `system`. */
export const ACTOR_ID: Fragment = { type: 'string', maxLength: 68, pattern: `^(?:system|cli:.{1,64}|${UUID_HEX})$` };
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

export const RESPONSE_BOUNDS: Record<string, Record<string, Fragment>> = {
  WorkflowRefDto: { id: WORKFLOW_ID, version: WORKFLOW_VERSION },
  // From CreateDossierDto (blank allowed) or a classificatie record (not blank): the weaker promise holds.
  ClassificationDto: { strategischMotivatie: OPTIONAL_LONG_TEXT, herkomstBron: OPTIONAL_SHORT_TEXT },
  PersonDto: { name: NAME },
  CallerDto: { id: ACTOR_ID, roles: ROLE_LIST },
  RequirementWaiverDto: { reasonCode: REASON_CODE, requestedAt: INSTANT, decidedAt: INSTANT },
  EventEvaluationDto: { blocking: REQUIREMENT_IDS, explanationsRequired: REQUIREMENT_IDS, waived: REQUIREMENT_IDS, requirements: { maxItems: 200 } },
  UnmetRequirementDto: { id: REQUIREMENT_ID },
  RequirementViewDto: { id: REQUIREMENT_ID, evidence: { items: UUID } },
  NextTransitionDto: { blocking: REQUIREMENT_IDS, explanationsRequired: REQUIREMENT_IDS, waived: REQUIREMENT_IDS, requirements: { maxItems: 200 } },
  DossierSummaryDto: {
    title: TITLE,
    assigneeId: UUID,
    createdBy: ACTOR_ID,
    createdAt: INSTANT,
    updatedAt: INSTANT,
    previousDossierId: UUID,
    followUpDossierId: UUID,
  },
  DossierViewDto: {
    title: TITLE,
    assigneeId: UUID,
    createdBy: ACTOR_ID,
    createdAt: INSTANT,
    updatedAt: INSTANT,
    previousDossierId: UUID,
    followUpDossierId: UUID,
    acceptedEvents: { maxItems: 4 },
    events: { maxItems: 4 },
  },
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
  WaiverDto: {
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
  },
  // compliance
  OwnerDto: { name: NAME },
  // Requirement ids (open requirements) or waiver ids (pending, used); waivers per dossier have no upper bound.
  IdListDto: { ids: { type: 'array', items: { type: 'string', maxLength: 36, pattern: `^(?:[A-Z][A-Z0-9]*-\\d{2}[a-z]?|${UUID_HEX})$` } } },
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
  StartnotitieItemDto: { title: TITLE, ownerId: UUID },
  StartnotitiePageDto: { items: PAGE },
  ParticipationItemDto: { title: TITLE, ownerId: UUID },
  ParticipationPageDto: { items: PAGE },
  PlanLineDto: { doelgroep: EVIDENCE_SHORT_TEXT, planned: EVIDENCE_SHORT_TEXT, activityIds: { items: UUID } },
  // An activity's doelgroepen passed IsTextList: at most 100.
  UnplannedActivityDto: { instrumentId: EVIDENCE_SHORT_TEXT, doelgroepen: { maxItems: 100, items: EVIDENCE_SHORT_TEXT } },
  ParticipationComparisonDto: { planSourceId: UUID, planSourceType: { type: 'string', enum: [...DOCUMENT_TYPES] } },
  TimerItemDto: { title: TITLE, key: TIMER_KEY },
  OverdueTimerRefDto: { key: TIMER_KEY },
  // One row per phase and final state.
  ComplianceSummaryDto: { counts: { maxItems: PHASE_IDS.length + FINAL_STATES.length } },
  // At most `maxItems` (1–5000) exceptions; `truncated` says when there were more.
  ExceptionListDto: { items: { maxItems: 5000 } },
  // audit
  StreamHeadDto: { stream: STREAM, hash: HASH },
  BrokenEventDto: { stream: STREAM },
  AuditBrokenEventDto: { stream: STREAM },
  SinceCheckDto: { stream: STREAM },
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
  HistoryEntryDto: { at: INSTANT, action: ACTION, kind: { type: 'string', maxLength: 32, pattern: '^[a-z][a-z-]*$' } },
  HistoryPageDto: { items: AUDIT_PAGE },
  AuditWaiverViewDto: {
    id: UUID,
    dossierId: UUID,
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
  },
  AsOfViewerDto: { id: ACTOR_ID, roles: ROLE_LIST },
  AsOfLastEventDto: { at: INSTANT, action: ACTION },
  AsOfDto: { at: INSTANT },
  DossierStateDto: {
    title: TITLE,
    assigneeId: UUID,
    createdBy: ACTOR_ID,
    createdAt: INSTANT,
    updatedAt: INSTANT,
    previousDossierId: UUID,
    followUpDossierId: UUID,
    acceptedEvents: { maxItems: 4 },
    events: { maxItems: 4 },
    evidenceInForce: { items: UUID },
  },
  AuditFlagDto: { at: INSTANT },
  FlagPageDto: { items: AUDIT_PAGE },
};

const isRef = (x: unknown): x is ReferenceObject => typeof x === 'object' && x !== null && '$ref' in x;

/** Merge a fragment into a property: its bounds win, the property's description, nullability and example stay. */
function merge(property: SchemaObject, fragment: Fragment): void {
  if (fragment.allOf) {
    // A map replaced by its component: only the description stays.
    const description = property.description;
    for (const key of Object.keys(property)) delete (property as Record<string, unknown>)[key];
    Object.assign(property, fragment, description ? { description } : {});
    return;
  }
  const { items, ...rest } = fragment;
  Object.assign(property, rest, { description: property.description ?? fragment.description });
  if (property.description === undefined) delete property.description;
  if (items && !isRef(items)) property.items = isRef(property.items) || !property.items ? items : { ...property.items, ...items };
}

export function applyResponseBounds(doc: OpenAPIObject): void {
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

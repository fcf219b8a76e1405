/**
 * Query parameters of the compliance endpoints (src/common/query-dto.ts); OpenAPI declares them on the handlers
 * (compliance.controller.ts). The griffie pages read the same DTOs leniently (src/web/griffie.pages.tsx).
 */
import { BESLUITVORMERS, DossierState, WAIVER_REASON_CODES } from '../../../workflows/evidence';
import { ParamOptions, QueryBool, QueryCheck, QueryDate, QueryInt, QueryOneOf, QueryString, QueryUuid } from '../../common';
import { ALL_STATES, DASHBOARD_TIMER_IDS } from '../../dossiers';
import { SORT_FIELDS, SortField, STARTNOTITIE_ISSUES, StartnotitieIssue } from '../compliance.repository';

/** A repeated or nested parameter, in the words of the compliance endpoints since issue #4. */
const ONCE: ParamOptions = { repeated: 'must be given once', notSingle: 'must be a single value' };

export const FORMATS = ['json', 'csv'] as const;
export const WAIVER_STATUSES = ['requested', 'approved', 'rejected', 'used'] as const;
export const TIMER_STATUSES = ['open', 'running', 'overdue', 'closed', 'all'] as const;
export const LIMIT = { min: 1, max: 200 } as const;
export const OFFSET_MAX = 1_000_000_000;
export const MAX_ITEMS = { min: 1, max: 5000 } as const;
export const WORKFLOW_VERSION = /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/;
export const REQUIREMENT_ID_PATTERN = /^(X-0[1-5]|G[1-6]-\d{2})$/;

/** What every list takes: a page, and JSON or CSV. */
class PagedQueryDto {
  @QueryInt(LIMIT.min, LIMIT.max, ONCE) limit?: number;
  @QueryInt(0, OFFSET_MAX, ONCE) offset?: number;
  @QueryOneOf(FORMATS, ONCE) format?: (typeof FORMATS)[number];
}

/** `GET /api/v1/compliance`. */
export class ComplianceListQueryDto extends PagedQueryDto {
  @QueryOneOf(ALL_STATES, ONCE) phase?: DossierState;
  @QueryOneOf(BESLUITVORMERS, ONCE) besluitvormer?: string;
  @QueryBool(ONCE) strategisch?: boolean;
  @QueryUuid(ONCE) owner?: string;
  @QueryBool(ONCE) hasOverdue?: boolean;
  @QueryBool(ONCE) hasOpenHard?: boolean;
  @QueryString(32, WORKFLOW_VERSION, ONCE) workflowVersion?: string;
  @QueryOneOf(SORT_FIELDS, ONCE) sort?: SortField;
  @QueryOneOf(['asc', 'desc'], ONCE) order?: 'asc' | 'desc';
  @QueryString(1000, undefined, ONCE) cursor?: string;
  @QueryBool(ONCE) withTotal?: boolean;
}

/** `GET /api/v1/compliance/waivers`. */
export class WaiverRegisterQueryDto extends PagedQueryDto {
  @QueryOneOf(WAIVER_STATUSES, ONCE) status?: (typeof WAIVER_STATUSES)[number];
  @QueryOneOf(WAIVER_REASON_CODES, ONCE) reasonCode?: string;
  @QueryString(10, REQUIREMENT_ID_PATTERN, ONCE) requirementId?: string;
  @QueryUuid(ONCE) dossierId?: string;
  @QueryDate(ONCE) from?: string;
  @QueryDate(ONCE) to?: string;
}

/** `GET /api/v1/compliance/timers`. */
export class TimerQueryDto extends PagedQueryDto {
  @QueryOneOf(TIMER_STATUSES, ONCE) status?: (typeof TIMER_STATUSES)[number];
  @QueryOneOf(DASHBOARD_TIMER_IDS, ONCE) timerId?: string;
  @QueryUuid(ONCE) dossierId?: string;
}

/** `GET /api/v1/compliance/startnotitie`. */
export class StartnotitieQueryDto extends PagedQueryDto {
  @QueryOneOf(STARTNOTITIE_ISSUES, ONCE) issue?: StartnotitieIssue;
}

/** `GET /api/v1/compliance/participation`. */
export class ParticipationQueryDto extends PagedQueryDto {
  @QueryOneOf(ALL_STATES, ONCE) phase?: DossierState;
  @QueryUuid(ONCE) dossierId?: string;
  @QueryBool(ONCE) hasGaps?: boolean;
}

/** `GET /api/v1/compliance/summary`: a reporting period (both days required). */
export class SummaryQueryDto {
  @QueryDate(ONCE)
  @QueryCheck<SummaryQueryDto>((q) => (q.from === undefined ? 'is required' : null))
  from!: string;
  @QueryDate(ONCE)
  @QueryCheck<SummaryQueryDto>((q) => (q.to === undefined ? 'is required' : null))
  to!: string;
  @QueryInt(MAX_ITEMS.min, MAX_ITEMS.max, ONCE) maxItems?: number;
  @QueryOneOf(FORMATS, ONCE) format?: (typeof FORMATS)[number];
}

export { LIST_PARAMS, PARTICIPATION_PARAMS, STARTNOTITIE_PARAMS, SUMMARY_PARAMS, TIMER_PARAMS, WAIVER_PARAMS } from './compliance.controller';
export { COMPLIANCE_CSV, EXCEPTION_CSV, exceptionLines, PARTICIPATION_CSV, participationLines, STARTNOTITIE_CSV, TIMER_CSV, WAIVER_CSV } from './compliance.csv';
export { ComplianceModule } from './compliance.module';
export { amsterdamStartOfDay, ComplianceService, SORT_FIELDS } from './compliance.service';
export type { ComplianceItem, ComplianceSummary, ParticipationItem, SortField, StartnotitieIssue, StartnotitieItem, TimerItem, WaiverRegisterItem } from './compliance.service';
export { parseQuery } from './query-params';
export type { ParamSpec, ParsedQuery } from './query-params';

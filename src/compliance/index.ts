export { COMPLIANCE_CSV, EXCEPTION_CSV, exceptionLines, PARTICIPATION_CSV, participationLines, STARTNOTITIE_CSV, TIMER_CSV, WAIVER_CSV } from './compliance.csv';
export { ComplianceModule } from './compliance.module';
export { amsterdamStartOfDay, ComplianceService, SORT_FIELDS } from './compliance.service';
export type { ComplianceItem, ComplianceSummary, ParticipationItem, SortField, StartnotitieIssue, StartnotitieItem, TimerItem, WaiverRegisterItem } from './compliance.service';
export { ComplianceListQueryDto, ParticipationQueryDto, StartnotitieQueryDto, SummaryQueryDto, TimerQueryDto, WaiverRegisterQueryDto } from './dto/compliance-query.dto';

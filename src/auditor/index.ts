export { MAX_GAPS_SHOWN, NOT_APPLIED_ACTIONS } from './as-of';
export { sendAuditExport } from './auditor.controller';
export { AuditorModule } from './auditor.module';
export { AuditorService } from './auditor.service';
export type { DossierStateAsOf } from './auditor.service';
export type { HistoryEntry } from './history';

export { AuditorModule } from './auditor.module';
export { AuditorService } from './auditor.service';
export type { DossierStateAsOf } from './auditor.service';
export type { HistoryEntry } from './history';

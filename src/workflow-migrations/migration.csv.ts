/**
 * The per-dossier report of a bulk move (`workflow:migrate`) as Dutch-Excel CSV (src/compliance/csv.ts: BOM, `;`,
 * ja/nee, CRLF, formulas neutralised), with Dutch column headers a teamleider reads in Excel.
 */
import { CsvColumn, joinList, toCsv } from '../common';
import { RequirementChange } from '../../workflows/migration';
import { BulkMigrationRow } from './migrations.service';

const OUTCOME_NL: Record<BulkMigrationRow['outcome'], string> = {
  'would-move': 'zou overgaan',
  moved: 'overgezet',
  refused: 'geweigerd',
  failed: 'mislukt',
};

const ids = (r: BulkMigrationRow, change: RequirementChange['change']) =>
  joinList([...new Set((r.report?.requirements ?? []).filter((c) => c.change === change).map((c) => (c.event === 'ADVANCE' ? c.id : `${c.id} (${c.event})`)))]);

export const MIGRATION_CSV: CsvColumn<BulkMigrationRow>[] = [
  { header: 'dossier-id', value: (r) => r.dossierId },
  { header: 'titel', value: (r) => r.title },
  { header: 'fase', value: (r) => r.phase },
  { header: 'dossierversie', value: (r) => r.version },
  { header: 'van versie', value: (r) => (r.report ? `${r.report.from.id}@${r.report.from.version}` : null) },
  { header: 'naar versie', value: (r) => (r.report ? `${r.report.to.id}@${r.report.to.version}` : null) },
  { header: 'uitkomst', value: (r) => OUTCOME_NL[r.outcome] },
  { header: 'eisen erbij', value: (r) => ids(r, 'added') },
  { header: 'eisen vervallen', value: (r) => ids(r, 'removed') },
  { header: 'eisen met andere status', value: (r) => ids(r, 'status-changed') },
  { header: 'eisen anders geregeld', value: (r) => ids(r, 'rule-changed') },
  { header: 'vastleggingen anders gelezen (aantal)', value: (r) => r.report?.evidence.length ?? null },
  { header: 'kan nu door naar volgende fase', value: (r) => r.report?.canAdvance.before ?? null },
  { header: 'kan na overzetten door', value: (r) => r.report?.canAdvance.after ?? null },
  { header: 'nieuw blokkerend', value: (r) => joinList(r.report?.newlyBlocking) },
  { header: 'melding', value: (r) => r.error },
  { header: 'audit-gebeurtenis', value: (r) => r.auditEventId },
];

export const migrationCsv = (rows: readonly BulkMigrationRow[]): string => toCsv(MIGRATION_CSV, rows);

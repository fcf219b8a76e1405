export { MigrateDossierDto, MigrationResultDto } from './dto/migration.dto';
export { migrationCsv, MIGRATION_CSV } from './migration.csv';
export { MigrationRepository } from './migration.repository';
export { MigrationsModule } from './migrations.module';
export { MigrationsService } from './migrations.service';
export type { BulkMigrateCommand, BulkMigrationRow, MigrateCommand, MigrationResult } from './migrations.service';

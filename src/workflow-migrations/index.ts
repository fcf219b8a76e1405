export { MigrateDossierDto, MigrationResultDto } from './dto/migration.dto';
export { migrationCsv } from './migration.csv';
export { MigrationRepository } from './migration.repository';
export { MigrationsService } from './migrations.service';
export { WorkflowMigrationsModule } from './workflow-migrations.module';

export { dataSourceOptions, Db, isUniqueViolation, MIGRATION_LOCK_KEY, MIGRATIONS } from './db';
export type { Param, Reader, Row, Tx } from './db';
export { InfrastructureModule } from './infrastructure.module';
export type { InfrastructureOptions } from './infrastructure.module';
export * from './entities';
export { afterCopy, COPY_PLAN } from './copy-plan';
export type { CopyStep } from './copy-plan';

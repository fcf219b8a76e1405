export { dataSourceOptions, Db, isUniqueViolation } from './db';
export type { Param, Row, Tx } from './db';
export { InfrastructureModule } from './infrastructure.module';
export type { InfrastructureOptions } from './infrastructure.module';

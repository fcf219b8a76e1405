/** Validation and OpenAPI models of the evidence API. */
export * from './evidence-body';
export * from './evidence-data.dto';
export * from './procedure-data.dto';
export { IsIsoDate, IsIsoInstant } from './validators';

export { COMPLIANCE_SETTINGS } from './compliance-settings';
export type { ComplianceSettings } from './compliance-settings';
export { APP_CONFIG, ConfigError, loadConfig, maskUrl, parseDatabaseUrl } from './config';
export type { AppConfig, DatabaseConfig, OidcConfig } from './config';

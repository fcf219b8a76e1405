/**
 * Two projects, as in the style guide: fast unit specs beside the code, and integration/e2e suites on a real
 * database. With TEST_PG_ADMIN_URL set (`npm run test:pg`) only the integration project runs, on PostgreSQL,
 * without the SQLite-only crash test.
 */
// preact 11 is ES modules only: its .mjs files are compiled to CommonJS for Jest (test/support/esm-transform.js).
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }], '^.+\\.mjs$': '<rootDir>/test/support/esm-transform.js' };
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transformIgnorePatterns: ['/node_modules/(?!(preact|preact-render-to-string)/)'],
  setupFiles: ['<rootDir>/test/support/reset-native-sqlite.js'],
};
const onPostgres = Boolean(process.env.TEST_PG_ADMIN_URL);

const unit = { ...common, displayName: 'unit', roots: ['<rootDir>/workflows', '<rootDir>/src', '<rootDir>/scripts'], testMatch: ['**/*.spec.ts'] };
const integration = {
  ...common,
  displayName: onPostgres ? 'postgres' : 'integration',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: onPostgres ? ['/node_modules/', 'crash\\.test\\.ts$', '\\.browser\\.test\\.ts$'] : ['/node_modules/', '\\.browser\\.test\\.ts$'],
};
/** The web application in headless Chromium (test/web/*.browser.test.ts; `npm run test:web`). */
const web = { ...common, displayName: 'web', roots: ['<rootDir>/test/web'], testMatch: ['**/*.browser.test.ts'] };

module.exports = { projects: onPostgres ? [integration] : [unit, integration, web] };

/** Two projects, as in the style guide: fast unit specs beside the code, and integration/e2e suites on a real database. */
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/workflows', '<rootDir>/src', '<rootDir>/scripts'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
    },
  ],
};

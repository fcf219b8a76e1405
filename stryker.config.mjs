// Mutation testing of the rules (issue #17): `npm run test:mutation`. See README "Testing" and docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // findRelatedTests: a mutant runs only the spec files that import its file (and, per-test coverage, only the tests
  // that reach it). Without it every mutant loads every spec under workflows/, about ten times slower (issue #17).
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['workflows/**/*.ts', '!workflows/**/*.spec.ts', '!workflows/testing/**'],
  // Explanation texts are pinned by explicit expectations on what matters in them (id, missing fact, date).
  mutator: { excludedMutations: ['StringLiteral'] },
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 90, low: 90, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

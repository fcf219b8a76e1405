// Mutation testing of the rules (issue #17). `npm run test:mutation` (scripts/mutation.mjs) runs Stryker once per
// file under workflows/, with KW_MUTATION_SPECS naming that file's own specs. See README "Testing" and docs/testing.md.
const specs = process.env.KW_MUTATION_SPECS?.split(',').filter(Boolean);
const tag = process.env.KW_MUTATION_TAG ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // With KW_MUTATION_SPECS a mutant runs only the file's own specs (and, per-test coverage, only the tests in them that
  // reach it). Without it, findRelatedTests: every spec that imports the file, about twenty times slower.
  jest: specs
    ? { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false, config: { testMatch: specs.map((s) => `<rootDir>/${s}`) } }
    : { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['workflows/**/*.ts', '!workflows/**/*.spec.ts', '!workflows/testing/**'],
  // Explanation texts are pinned by explicit expectations on what matters in them (id, missing fact, date).
  mutator: { excludedMutations: ['StringLiteral'] },
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: process.env.KW_MUTATION_TAG ? `reports/mutation/files/${tag}.html` : 'reports/mutation/index.html' },
  jsonReporter: { fileName: process.env.KW_MUTATION_TAG ? `reports/mutation/files/${tag}.json` : 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 90, break: null },
  concurrency: 2,
  // One temporary folder per file, so two files can be tested side by side.
  tempDirName: `.stryker-tmp/${tag}`,
  cleanTempDir: 'always',
  ignorePatterns: ['/.stryker-tmp', '/reports', '/dist', '/dist-bench'],
};

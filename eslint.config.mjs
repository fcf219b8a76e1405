// @ts-check
import eslint from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The modules under src/ (README "Architecture"). Each one's index.ts is its public surface: a file outside the
 * module imports only that, never a file inside it.
 */
const MODULES = [
  'audit',
  'auditor',
  'auth',
  'cli',
  'common',
  'compliance',
  'config',
  'database',
  'dossiers',
  'openapi',
  'termijnen',
  'users',
  'web',
  'workflow-catalogue',
  'workflow-migrations',
];

/** Frameworks and I/O the rules in workflows/ may not use: they are pure, so the service, the CLI and the tests share them. */
const NOT_IN_RULES = [
  '@nestjs/*',
  'typeorm',
  'express',
  'pg',
  'better-sqlite3',
  'class-validator',
  'class-transformer',
  'config',
  'node:fs',
  'node:fs/*',
  'fs',
  'fs/*',
  'node:child_process',
  'node:net',
  'node:http',
  'node:https',
  'node:worker_threads',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'data/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Boundaries (README "Architecture"): no import cycles; a module is used through its index.ts only; the rules in
  // workflows/ use no framework, no I/O and nothing from src/.
  {
    files: ['src/**/*.{ts,tsx}', 'workflows/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...MODULES.map((name) => ({
              target: [`./src/!(${name})/**`, './src/*.{ts,tsx}'],
              from: `./src/${name}`,
              except: ['./index.ts'],
              message: `Import src/${name} through its index.ts, the module's public surface (README "Architecture").`,
            })),
            { target: './workflows', from: './src', message: 'The rules in workflows/ do not depend on the service.' },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: NOT_IN_RULES, message: 'The rules in workflows/ are pure: no framework, no I/O (README "Architecture").' }] },
      ],
    },
  },
  {
    // Migrations freeze what they need instead of importing application code (issue #13); until the audit-content
    // migration does, it reads the canonical event from the audit module's internals.
    files: ['src/database/migrations/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);

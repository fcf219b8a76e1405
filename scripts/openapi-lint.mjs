#!/usr/bin/env node
/**
 * `npm run lint:openapi`: build the published OpenAPI document (no server, no database but a throw-away
 * SQLite file), write it to a temp file and lint it with Spectral's OAS rules and the OWASP API Security
 * Top 10 ruleset (.spectral.mjs). Any finding of severity warning or worse fails; no rule is switched off.
 *   --out <file>   also keep the document there
 *   --json         Spectral's JSON report instead of the readable one
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require(join(root, 'test/support/ts-register.js'));
require('reflect-metadata');
const { buildPublishedDocument } = require(join(root, 'src/openapi/build.ts'));

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const doc = await buildPublishedDocument({});
const dir = mkdtempSync(join(tmpdir(), 'kaderwijzer-spectral-'));
const file = outAt >= 0 ? resolve(args[outAt + 1]) : join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(doc, null, 2));
const spectral = join(root, 'node_modules/.bin/spectral');
const run = spawnSync(
  spectral,
  ['lint', file, '--ruleset', join(root, '.spectral.mjs'), '--fail-severity', 'warn', '--format', args.includes('--json') ? 'json' : 'stylish'],
  { stdio: 'inherit' },
);
rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);

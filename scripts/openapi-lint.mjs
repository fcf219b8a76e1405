#!/usr/bin/env node
/**
 * `npm run lint:openapi` (part of `npm run lint`): build the published OpenAPI document (no server, no database
 * but a throw-away SQLite file), write it to a temp file and lint it twice, with no rule switched off:
 *  - Spectral with the OAS rules and the OWASP API Security Top 10 ruleset (.spectral.mjs);
 *  - Redocly CLI with its built-in `recommended` rules (redocly.yaml).
 * Any finding of severity warning or worse, from either, fails.
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
// Redocly counts warnings as passing; --max-problems keeps the report whole and the output is checked below.
const redocly = spawnSync(join(root, 'node_modules/.bin/redocly'), ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'], {
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
const redoclyOut = `${redocly.stdout ?? ''}${redocly.stderr ?? ''}`;
// Only the findings (the deprecation banner about the Node.js version is not one).
const findings = redoclyOut.split('\n').filter((l) => /^\s*\d+:\d+\s+(error|warning)\s/.test(l));
for (const l of findings) console.log(l);
const redoclyOk = redocly.status === 0 && findings.length === 0;
console.log(redoclyOk ? 'Redocly (recommended): no findings.' : `Redocly (recommended): ${findings.length} finding(s), exit ${redocly.status}.`);
rmSync(dir, { recursive: true, force: true });
process.exit(run.status === 0 && redoclyOk ? 0 : 1);

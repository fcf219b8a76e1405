#!/usr/bin/env node
/**
 * Builds the optional SQLite extension native/kwsha256.c into native/build/kwsha256.so (docs/audit-format.md §5.1):
 * SHA-256 inside the database, which makes whole-store verification about twice as fast. Runs after `npm ci` /
 * `npm install` (postinstall) and with `npm run build`.
 *
 * Needs a C compiler (`cc`, or $CC) and OpenSSL's headers and libcrypto (Debian: libssl-dev); SQLite's extension
 * header comes with better-sqlite3. After building, it loads the extension into better-sqlite3 and checks it against
 * node:crypto on a few texts; an extension that fails that check is removed. Without the extension everything works
 * the same, verification only hashes in JavaScript: so a failed build is a warning, not an error, unless --strict.
 *
 *   node scripts/build-native.mjs [--strict] [--force] [--out <dir>]
 *
 * --strict: exit 1 when it cannot be built. --force: build even when up to date. --out: build into <dir> instead of
 * native/build (the tests do, so as not to touch the extension the other tests load).
 */
import { execFileSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'kwsha256.c');
const outAt = process.argv.indexOf('--out');
const outDir = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : join(root, 'native', 'build');
const target = join(outDir, 'kwsha256.so');
const strict = process.argv.includes('--strict');
const force = process.argv.includes('--force');

function fail(message) {
  if (existsSync(target)) rmSync(target);
  const text = `native/kwsha256: ${message}\n  Verification will hash in JavaScript instead (correct, about half as fast).`;
  if (strict) {
    console.error(text);
    process.exit(1);
  }
  console.warn(text);
  process.exit(0);
}

/** The extension's kw_sha256_hex against node:crypto, its NULL for what is not valid UTF-8 text, and kw_chain_link. */
function selfCheck(file) {
  const require = createRequire(join(root, 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  try {
    db.loadExtension(file, 'sqlite3_kwsha_init');
    const texts = ['', 'a', '{"stream":"system"}', 'Eén “kader” — verbindend besturen 🌷', 'x'.repeat(100_000)];
    for (const t of texts) {
      const got = db.prepare('SELECT kw_sha256_hex(?) AS h').get(t).h;
      const want = hash('sha256', t, 'hex');
      if (got !== want) throw new Error(`kw_sha256_hex(${JSON.stringify(t.slice(0, 20))}) = ${got}, node:crypto ${want}`);
    }
    const ending = `{"action":"probe","prevHash":"${'0'.repeat(64)}","stream":"system","streamSeq":1,"workflowId":null}`;
    const link = db.prepare('SELECT kw_chain_link(?, ?) AS l').get(ending, hash('sha256', ending, 'hex')).l;
    if (link !== `${hash('sha256', ending, 'hex')}${'0'.repeat(64)}1,system"`) throw new Error(`kw_chain_link gave ${link}`);
    if (db.prepare("SELECT kw_chain_link(?, 'x') AS l").get(ending).l !== '!') throw new Error('kw_chain_link vouched for a wrong hash');
    const nulls = db
      .prepare("SELECT kw_sha256_hex(NULL) AS a, kw_sha256_hex(1) AS b, kw_sha256_hex(X'7b7d') AS c, kw_sha256_hex(CAST(X'c0af' AS TEXT)) AS d, kw_sha256_hex(CAST(X'eda080' AS TEXT)) AS e")
      .get();
    for (const [k, v] of Object.entries(nulls)) if (v !== null) throw new Error(`kw_sha256_hex case ${k} should be NULL, is ${v}`);
  } finally {
    db.close();
  }
}

if (process.platform === 'win32') fail('not built on Windows');
if (!existsSync(source)) fail(`${source} is missing`);
let sqliteHeaders;
try {
  sqliteHeaders = join(dirname(createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
} catch {
  fail('better-sqlite3 is not installed (run npm ci first)');
}
if (!force && existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) {
  try {
    selfCheck(target);
    process.exit(0); // up to date and sound
  } catch {
    // rebuild below
  }
}
mkdirSync(outDir, { recursive: true });
const partial = `${target}.${process.pid}.tmp`;
const cc = process.env.CC || 'cc';
const shared = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared'];
try {
  execFileSync(cc, ['-O2', '-fPIC', ...shared, '-Wall', '-Wextra', '-I', sqliteHeaders, source, '-o', partial, '-lcrypto'], { stdio: ['ignore', 'inherit', 'pipe'] });
} catch (e) {
  if (existsSync(partial)) rmSync(partial);
  const detail = e instanceof Error && 'stderr' in e && e.stderr ? String(e.stderr).trim().split('\n').slice(0, 5).join('\n  ') : String(e);
  fail(`could not compile with ${cc} (needs a C compiler and OpenSSL headers, e.g. Debian's libssl-dev):\n  ${detail}`);
}
try {
  selfCheck(partial);
} catch (e) {
  rmSync(partial);
  fail(`built, but failed its self-check: ${e instanceof Error ? e.message : String(e)}`);
}
renameSync(partial, target);
console.log(`native/kwsha256: built ${relative(root, target)} (SHA-256 inside SQLite for audit verification)`);

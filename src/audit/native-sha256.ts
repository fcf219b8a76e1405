/**
 * The optional SQLite extension native/kwsha256.c (docs/audit-format.md §5.1): `kw_sha256_hex(text)`, SHA-256 inside
 * the database. Built by scripts/build-native.mjs (after `npm ci`, and with `npm run build`) into
 * native/build/kwsha256.so; when it is missing or does not load, verification hashes in JavaScript with the same
 * result. Framework-free: the verification worker imports it.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let located: string | null | undefined;

/**
 * The built extension: native/build/kwsha256.so in the project's root (the nearest directory up from this module
 * that holds package.json, from src/ as from dist/src/); null when it has not been built.
 */
export function sha256ExtensionFile(): string | null {
  if (located === undefined) {
    located = null;
    for (let dir = __dirname; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) {
        const file = join(dir, 'native', 'build', 'kwsha256.so');
        if (existsSync(file)) located = file;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return located;
}

/** A canonical-looking ending and what kw_chain_link must make of it: the check that a loaded build is this one. */
const PROBE = `{"action":"probe","prevHash":"${'0'.repeat(64)}","stream":"system","streamSeq":1,"workflowId":null}`;

/**
 * Loads the extension (by default the built one) into `conn` and checks that it answers as this version of native/kwsha256.c does (both
 * functions, against node:crypto); false when it is not built, does not load or answers otherwise (a stale build):
 * then verification hashes in JavaScript.
 */
export function loadSha256Extension(conn: SqliteDatabase, file = sha256ExtensionFile()): boolean {
  if (file === null) return false;
  try {
    conn.loadExtension(file); // entry point sqlite3_kwsha_init, which SQLite derives from the file name
    const probeHash = hash('sha256', PROBE, 'hex');
    const [sha, link, refused] = conn.prepare("SELECT kw_sha256_hex(?), kw_chain_link(?, ?), kw_chain_link(?, 'x')").raw(true).get(PROBE, PROBE, probeHash, PROBE) as unknown[];
    return sha === probeHash && link === `${probeHash}${'0'.repeat(64)}1,system"` && refused === '!';
  } catch {
    return false;
  }
}

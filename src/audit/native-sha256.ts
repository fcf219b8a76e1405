/**
 * The optional SQLite extension native/kwsha256.c (docs/audit-format.md §5.1): `kw_sha256_hex(text)`, SHA-256 inside
 * the database. Built by scripts/build-native.mjs (after `npm ci`, and with `npm run build`) into
 * native/build/kwsha256.so; when it is missing or does not load, verification hashes in JavaScript with the same
 * result. Framework-free: the verification worker imports it.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
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

/** Loads the extension into `conn`; false when it is not built or does not load (then hash in JavaScript). */
export function loadSha256Extension(conn: SqliteDatabase): boolean {
  const file = sha256ExtensionFile();
  if (file === null) return false;
  try {
    conn.loadExtension(file); // entry point sqlite3_kwsha_init, which SQLite derives from the file name
    return true;
  } catch {
    return false;
  }
}

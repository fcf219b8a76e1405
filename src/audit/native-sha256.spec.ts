import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSha256Extension, sha256ExtensionFile } from './native-sha256';

describe('loading the SQLite extension', () => {
  let dir: string;
  let conn: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kw-ext-'));
    conn = new Database(':memory:');
  });
  afterEach(() => {
    conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the build in native/build of the project root and loads it', () => {
    const file = sha256ExtensionFile();
    expect(file).toBe(join(dirname(dirname(__dirname)), 'native', 'build', 'kwsha256.so'));
    expect(loadSha256Extension(conn)).toBe(true);
  });

  it('refuses a file that is not there, and a build that answers otherwise than this version (verification then hashes in JavaScript)', () => {
    expect(loadSha256Extension(conn, join(dir, 'missing.so'))).toBe(false);
    // An older build: kw_sha256_hex only, without kw_chain_link.
    const stale = join(dir, 'kwsha256.c');
    writeFileSync(
      stale,
      `#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
static void f(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; (void)v; sqlite3_result_text(c, "0", 1, SQLITE_STATIC); }
int sqlite3_kwsha_init(sqlite3 *db, char **e, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api); (void)e;
  return sqlite3_create_function(db, "kw_sha256_hex", 1, SQLITE_UTF8, 0, f, 0, 0);
}
`,
    );
    const headers = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
    execFileSync('cc', ['-shared', '-fPIC', '-I', headers, stale, '-o', join(dir, 'kwsha256.so')]);
    expect(loadSha256Extension(conn, join(dir, 'kwsha256.so'))).toBe(false);
  });
});

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** scripts/build-native.mjs into a directory of its own (never native/build, which other tests load). */
const SCRIPT = join(__dirname, 'build-native.mjs');

function build(out: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, '--out', out, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('scripts/build-native.mjs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kw-native-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds an extension that loads into better-sqlite3 and hashes as node:crypto does', () => {
    const r = build(dir, ['--force']);
    expect(r).toMatchObject({ status: 0 });
    expect(r.output).toContain('built');
    const conn = new Database(':memory:');
    try {
      conn.loadExtension(join(dir, 'kwsha256.so'));
      expect(conn.prepare('SELECT kw_sha256_hex(?)').pluck().get('Verbindend besturen ë')).toBe(hash('sha256', 'Verbindend besturen ë', 'hex'));
    } finally {
      conn.close();
    }
    // Up to date: nothing is built again.
    expect(build(dir)).toEqual({ status: 0, output: '' });
  });

  it('without a working compiler: warns and succeeds (verification then hashes in JavaScript); --strict fails', () => {
    const fakeCc = join(dir, 'cc');
    writeFileSync(fakeCc, '#!/bin/sh\necho "cc: no such compiler here" >&2\nexit 1\n');
    chmodSync(fakeCc, 0o755);
    const out = join(dir, 'out');
    const lenient = build(out, ['--force'], { CC: fakeCc });
    expect(lenient.status).toBe(0);
    expect(lenient.output).toContain('could not compile');
    expect(lenient.output).toContain('no such compiler here');
    expect(lenient.output).toContain('hash in JavaScript instead');
    expect(existsSync(join(out, 'kwsha256.so'))).toBe(false);
    const strict = build(out, ['--force', '--strict'], { CC: fakeCc });
    expect(strict.status).toBe(1);
    expect(strict.output).toContain('could not compile');
  });

  it('a built file that fails its self-check is not kept', () => {
    // A "compiler" that produces a library without the extension's entry point.
    const fakeCc = join(dir, 'cc');
    writeFileSync(fakeCc, `#!/bin/sh\nfor a; do case "$prev" in -o) out="$a";; esac; prev="$a"; done\necho 'int unrelated(void) { return 0; }' > ${dir}/x.c\nexec cc -shared -fPIC ${dir}/x.c -o "$out"\n`);
    chmodSync(fakeCc, 0o755);
    const out = join(dir, 'out');
    const r = build(out, ['--force'], { CC: fakeCc });
    expect(r.status).toBe(0);
    expect(r.output).toContain('failed its self-check');
    expect(existsSync(join(out, 'kwsha256.so'))).toBe(false);
  });
});

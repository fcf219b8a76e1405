import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { freshDatabaseUrl, onPostgres } from '../support/harness';

/** The command line on its own database: what an administrator types. */
describe(`command line (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kw-cli-'));
    const fresh = await freshDatabaseUrl(dir);
    drop = fresh.drop;
    env = { DATABASE_URL: fresh.url };
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')) }, env);
    return { code, out, err };
  }

  it('users:create prints the token as the last line, and users:list shows the user', async () => {
    const r = await cli('users:create', '--name', 'Anne de Vries', '--role', 'beleidsmedewerker', '--role', 'teamleider');
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toMatch(/^kw_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    const list = await cli('users:list');
    expect(list.out.join('\n')).toMatch(/beleidsmedewerker,teamleider\s+Anne de Vries/);
    const tokens = await cli('tokens:list', '--json');
    expect(JSON.stringify(tokens.out)).not.toContain(r.out.at(-1)!.split('.')[1]);
  });

  it('refuses unknown roles, unknown commands and missing flags with a message and a non-zero exit', async () => {
    const bad = await cli('users:create', '--name', 'x', '--role', 'koning');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/unknown role\(s\) koning/);
    expect((await cli('nonsense')).code).toBe(2);
    expect((await cli('users:create', '--role', 'auditor')).err.join('\n')).toMatch(/--name is required/);
  });

  it('workflow:show lists the phases and all 52 requirements; dossier:list works on an empty store', async () => {
    const w = await cli('workflow:show');
    expect(w.code).toBe(0);
    expect(w.out.join('\n')).toMatch(/52 requirements \(25 hard, 27 advisory\), 60 instruments, 15 timers/);
    expect(w.out.join('\n')).toMatch(/G2-01\s+hard\s+waivable/);
    const d = await cli('dossier:list');
    expect(d.out.at(-1)).toMatch(/0 of 0 dossier/);
  });

  it('audit:verify exits 0 on an intact chain and 1 naming the event when it is broken', async () => {
    const ok = await cli('audit:verify');
    expect(ok.code).toBe(0);
    expect(ok.out.join('\n')).toMatch(/^ok: \d+ events in \d+ stream/);
    // Tamper below the service: drop the append-only trigger as a database owner could, then change a payload.
    const { Db } = await import('../../src/database/db');
    const { loadConfig } = await import('../../src/config/config');
    const db = await Db.open(loadConfig(env).database);
    try {
      if (db.dialect === 'postgres') {
        await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
        await db.dataSource.query(`UPDATE audit_event SET content = replace(content, 'Anne', 'Anna') WHERE seq = (SELECT MIN(seq) FROM audit_event)`);
      } else {
        const conn = (db.dataSource.driver as unknown as { databaseConnection: { exec: (s: string) => void } }).databaseConnection;
        conn.exec('DROP TRIGGER audit_event_no_update');
        conn.exec(`UPDATE audit_event SET content = replace(content, 'Anne', 'Anna') WHERE seq = (SELECT MIN(seq) FROM audit_event)`);
      }
    } finally {
      await db.close();
    }
    const broken = await cli('audit:verify');
    expect(broken.code).toBe(1);
    expect(broken.out.join('\n')).toMatch(/BROKEN after 0 intact events: event seq 1 .*hash-mismatch/);
  });
});

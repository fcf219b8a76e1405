import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, runCli } from '../../src/cli/run';
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
    // The service creates the store on its first start; the command line only works on one that exists.
    const { Db } = await import('../../src/database/db');
    const { loadConfig } = await import('../../src/config/config');
    await (await Db.open(loadConfig(env).database)).close();
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    return cliOn(env, ...argv);
  }
  async function cliOn(e: NodeJS.ProcessEnv, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const info: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')), info: (l) => info.push(l) }, e);
    return { code, out, err, info };
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
    // Without --version it shows the newest active version (config/default.json: 2025, issue #16); 2021 is asked for.
    expect((await cli('workflow:show')).out[0]).toMatch(/^drenthe-verbindend-besturen@2025 /);
    const w = await cli('workflow:show', '--version', '2021');
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
        const conn = db.sqliteConnection!;
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

  it('refuses unknown options, missing values and stray words with exit code 2, naming the option, and does nothing', async () => {
    const typo = await cli('audit:verify', '--dosier', 'x');
    expect(typo).toMatchObject({ code: 2, out: [] });
    expect(typo.err[0]).toBe("error: unknown option '--dosier'");
    expect(typo.err.join('\n')).toMatch(/Did you mean --dossier\?/);
    expect(typo.info).toEqual([]); // refused before the database is opened
    const missing = await cli('audit:verify', '--dossier');
    expect(missing).toMatchObject({ code: 2, out: [] });
    expect(missing.err[0]).toMatch(/option '--dossier <id>' argument missing/);
    const swallowed = await cli('users:create', '--name', '--role', 'auditor');
    expect(swallowed).toMatchObject({ code: 2, out: [] });
    expect(swallowed.err[0]).toBe('--name needs a value');
    expect((await cli('users:list', 'extra')).code).toBe(2);
    expect((await cli('dossier:list', '--limit', '0')).err[0]).toBe('--limit must be a whole number from 1 to 200');
    expect((await cli('dossier:list', '--phase', 'klaar')).err[0]).toMatch(/^--phase must be one of: voorfase-agendasetting, /);
    expect((await cli('users:list')).out.join('\n')).not.toMatch(/auditor\s+--role|--name/); // nobody was created
  });

  it('has --help on every command, listing its options, and lists every command without arguments or with help', async () => {
    for (const command of COMMANDS) {
      const h = await cli(command.name, '--help');
      expect({ name: command.name, code: h.code }).toEqual({ name: command.name, code: 0 });
      const text = h.out.join('\n');
      expect(text).toContain(`Usage: npm run cli -- ${command.name} [options]`);
      for (const o of command.options) expect(text).toContain(o.flags.split(' ')[0]);
    }
    for (const argv of [[], ['help'], ['--help']]) {
      const list = await cli(...argv);
      expect(list.code).toBe(0);
      for (const command of COMMANDS) expect(list.out.join('\n')).toContain(command.name);
    }
  });

  it('says which database it uses, on stderr, apart from the output', async () => {
    const r = await cli('dossier:list');
    expect(r.info).toEqual([`Database: SQLite ${join(dir, 'test.sqlite')}`].map((l) => (onPostgres() ? expect.stringMatching(/^Database: PostgreSQL postgres:\/\//) : l)));
    expect(r.out.join('\n')).not.toContain('Database:');
  });

  it('refuses a SQLite file that does not exist instead of creating an empty store; audit:verify never says ok on it', async () => {
    const missing = join(dir, 'typo', 'kaderwijzer.sqlite');
    for (const argv of [['audit:verify'], ['users:list'], ['users:create', '--name', 'x', '--role', 'auditor']]) {
      const r = await cliOn({ DATABASE_URL: `sqlite:${missing}` }, ...argv);
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: 1, out: [] });
      expect(r.err.join('\n')).toMatch(new RegExp(`^The database file ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not exist \\(database\\.url / DATABASE_URL = sqlite:`));
    }
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    const copy = await cliOn({ DATABASE_URL: `sqlite:${join(dir, 'target.sqlite')}` }, 'db:copy', '--from', `sqlite:${missing}`);
    expect(copy.code).toBe(1);
    expect(copy.err[0]).toMatch(/does not exist \(--from = sqlite:/);
    expect(existsSync(missing)).toBe(false);
  });

  it('stops on a bad setting with the message naming it, before touching the database', async () => {
    const r = await cliOn({ ...env, RATE_LIMIT_PER_MINUTE: 'veel' }, 'users:list');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/^Invalid configuration .*:\n {2}- rateLimitPerMinute \(RATE_LIMIT_PER_MINUTE\): must be an integer number, got "veel"$/);
    expect(r.info).toEqual([]);
  });
});

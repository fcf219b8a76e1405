import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { configDir, loadConfig } from '../../src/config/config';
import { Db } from '../../src/database/db';

const ROOT = join(__dirname, '../..');
const REGISTER = join(__dirname, '../support/ts-register.js');

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `node src/main.ts` as a deployment runs it, with stdout and stderr captured (so not a terminal). */
function startService(env: NodeJS.ProcessEnv): Started {
  let out = '';
  let err = '';
  const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until<T>(what: string, probe: () => T | undefined, started: Started, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (started.child.exitCode !== null || Date.now() > end) throw new Error(`${what}: not seen.\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment of a service process: only what it needs (no NODE_ENV=test from jest, no terminal). */
const baseEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...extra });

describe('the service as started by a deployment', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kw-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('logs JSON lines without colour codes when stdout is not a terminal: a line per request with its id, user, role, address, route, status and duration, and no token', async () => {
    const url = `sqlite:${join(dir, 'log.sqlite')}`;
    await (await Db.open(loadConfig({ DATABASE_URL: url }).database)).close();
    const out: string[] = [];
    const created = await runCli(['users:create', '--name', 'Bea Beleid', '--role', 'beleidsmedewerker'], { out: (l) => out.push(...l.split('\n')), err: () => undefined }, { DATABASE_URL: url });
    expect(created).toBe(0);
    const token = out.at(-1)!;
    const secret = token.split('.')[1];

    const s = startService(baseEnv({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', TIMER_JOB_INTERVAL_SECONDS: '0', LOG_LEVEL: 'log' }));
    try {
      const port = await until('the start line', () => /Kaderwijzer on http:\/\/localhost:(\d+)/.exec(s.stdout())?.[1], s);
      const base = `http://127.0.0.1:${port}`;
      const ok = await fetch(`${base}/api/v1/dossiers?limit=5`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'log-test-1', cookie: 'session=geheim' } });
      expect(ok.status).toBe(200);
      const refused = await fetch(`${base}/api/v1/dossiers`, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA`, 'x-request-id': 'log-test-2' } });
      expect(refused.status).toBe(401);
      await until('both request lines', () => (s.stdout().includes('log-test-2') ? true : undefined), s);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }

    const text = s.stdout();
    expect(text).not.toContain('\u001b[');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('geheim');
    expect(text.toLowerCase()).not.toContain('bearer');
    const lines = text.split('\n').filter((l) => l.trim());
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>); // every line is JSON
    expect(entries.every((e) => typeof e.level === 'number' && typeof e.time === 'string' && typeof e.msg === 'string')).toBe(true);
    expect(entries.some((e) => e.context === 'NestApplication')).toBe(true); // Nest's own lines go through the same log

    const line = entries.find((e) => (e.req as { id?: string } | undefined)?.id === 'log-test-1');
    expect(line).toMatchObject({
      msg: 'GET /api/v1/dossiers 200',
      req: { id: 'log-test-1', method: 'GET', path: '/api/v1/dossiers', clientAddress: expect.stringMatching(/127\.0\.0\.1$/) },
      res: { statusCode: 200 },
      route: '/api/v1/dossiers',
      user: expect.any(String),
      roles: ['beleidsmedewerker'],
      durationMs: expect.any(Number),
    });
    expect(Object.keys(line!.req as object).sort()).toEqual(['clientAddress', 'id', 'method', 'path']); // no headers, no query
    const denied = entries.find((e) => (e.req as { id?: string } | undefined)?.id === 'log-test-2');
    expect(denied).toMatchObject({ msg: 'GET /api/v1/dossiers 401', res: { statusCode: 401 } });
    expect(denied!.user).toBeUndefined();
  }, 180_000);

  it('stops on a bad setting in config/, naming it, before opening the database', async () => {
    const config = join(dir, 'config');
    cpSync(configDir({}), config, { recursive: true });
    writeFileSync(join(config, 'local.json'), JSON.stringify({ compliance: { evaluationCycleMonths: 0 } }));
    const db = join(dir, 'never.sqlite');
    const s = startService(baseEnv({ NODE_CONFIG_DIR: config, DATABASE_URL: `sqlite:${db}` }));
    const code = await s.exited;
    expect(code).toBe(1);
    expect(s.stderr()).toContain('Invalid configuration');
    expect(s.stderr()).toContain('compliance.evaluationCycleMonths: must not be less than 1, got 0');
    expect(s.stdout()).not.toContain('Kaderwijzer on');
    expect(existsSync(db)).toBe(false);
  }, 120_000);
});

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabaseUrl } from '../support/harness';

jest.setTimeout(90_000);

const ROOT = join(__dirname, '../..');

/** Start src/main.ts as the service starts (a child process, TypeScript loaded directly), collecting all it writes. */
function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, TIMER_JOB_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Issue #12: the bootstrap beheerder token is never printed, never logged, and only made by a start that listens. */
describe('bootstrap token of the first start', () => {
  let dir: string;
  let busy: Server;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kw-bootstrap-'));
    const fresh = await freshDatabaseUrl(dir);
    drop = fresh.drop;
    // BOOTSTRAP_TOKEN_FILE: the default sits beside a SQLite file, or in ./data for PostgreSQL.
    env = { DATABASE_URL: fresh.url, HOST: '127.0.0.1', BOOTSTRAP_TOKEN_FILE: join(dir, 'secret', 'bootstrap-token') };
    busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', ok));
  });
  afterAll(async () => {
    await new Promise((ok) => busy.close(ok));
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates nothing and shows no token when the start fails (port in use)', async () => {
    const port = (busy.address() as { port: number }).port;
    const s = start({ ...env, PORT: String(port) });
    expect(await s.exited).not.toBe(0);
    expect(s.output()).not.toMatch(/kw_[0-9a-f]{16}\./);
    expect(existsSync(env.BOOTSTRAP_TOKEN_FILE!)).toBe(false);
  });

  it('once listening, writes the token to a file only this account can read and logs only its path', async () => {
    const s = start({ ...env, PORT: '0' });
    try {
      await waitFor(() => /token is in /.test(s.output()) || s.child.exitCode !== null, 60_000);
      const file = env.BOOTSTRAP_TOKEN_FILE!;
      expect(s.output()).toContain(`token is in ${file}`);
      const token = readFileSync(file, 'utf8').trim();
      expect(token).toMatch(/^kw_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(s.output()).not.toContain(token.split('.')[1]);
      expect(s.output()).not.toMatch(/kw_[0-9a-f]{16}\./);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});

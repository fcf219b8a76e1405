import { LoggerService } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../../workflows/facts';
import { createApp } from '../../src/app';
import { SYSTEM_ACTOR } from '../../src/common/actor';
import { FixedClock } from '../../src/common/clock';
import { logToStdout } from '../../src/common/logging';
import { AppConfig, loadConfig } from '../../src/config/config';
import { Db } from '../../src/database/db';
import { UsersService } from '../../src/users/users.service';

export const START = '2026-03-02T09:00:00.000Z';

export interface TestUser {
  id: string;
  token: string;
  name: string;
}

export interface Harness {
  app: NestExpressApplication;
  db: Db;
  clock: FixedClock;
  config: AppConfig;
  dir: string;
  dbPath: string;
  users: Record<'bm' | 'bm2' | 'tl' | 'tl2' | 'griffie' | 'auditor' | 'beheerder', TestUser>;
  http: () => ReturnType<typeof request>;
  /** Run SQL straight on the database, outside the service (for tests that tamper or inject faults). */
  exec: (sql: string) => Promise<void>;
  as: (user: TestUser) => {
    get: (url: string) => request.Test;
    post: (url: string, body?: unknown) => request.Test;
  };
  /** A web session of `user` (signed in through /inloggen) and its CSRF token, for posting the pages' forms. */
  signIn: (user: TestUser) => Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }>;
  close: () => Promise<void>;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

/** PostgreSQL suite (`npm run test:pg`): the admin URL; each harness creates and drops its own database. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL;
export const onPostgres = (): boolean => Boolean(PG_ADMIN_URL);

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one suite: a SQLite file in a temp dir, or (test:pg) a new PostgreSQL database. */
export async function freshDatabaseUrl(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_ADMIN_URL) return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: () => Promise.resolve() };
  const name = `kw_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh, migrated database with one user per role and a fixed clock. */
export async function startHarness(
  overrides: Partial<AppConfig> = {},
  opts: { logger?: LoggerService; /** Always SQLite, even in the PostgreSQL suite. */ sqlite?: boolean } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kaderwijzer-'));
  const dbPath = join(dir, 'test.sqlite');
  const fresh = opts.sqlite ? { url: `sqlite:${dbPath}`, drop: () => Promise.resolve() } : await freshDatabaseUrl(dir);
  const config = { ...loadConfig({ NODE_CONFIG_ENV: 'test', DATABASE_URL: fresh.url }), ...overrides }; // config/test.json
  const db = await Db.open(config.database);
  const clock = new FixedClock(new Date(START));
  // TEST_LOG=1: the service's log (JSON lines, a line per request) on stdout.
  const app = await createApp({ config, db, clock, logger: opts.logger ?? false, log: process.env.TEST_LOG && !opts.logger ? logToStdout('debug') : undefined });
  const usersService = app.get(UsersService);
  const make = async (name: string, roles: Role[]): Promise<TestUser> => {
    const r = await usersService.createUser(SYSTEM_ACTOR, { name, roles });
    return { id: r.user.id, token: r.token, name };
  };
  const users = {
    bm: await make('Bea Beleid', ['beleidsmedewerker']),
    bm2: await make('Bram Beleid', ['beleidsmedewerker']),
    tl: await make('Tineke Teamleider', ['teamleider']),
    tl2: await make('Teun Teamleider', ['teamleider']),
    griffie: await make('Greetje Griffie', ['griffie']),
    auditor: await make('Arend Auditor', ['auditor']),
    beheerder: await make('Bert Beheer', ['beheerder']),
  };
  const server = app.getHttpServer();
  const http = () => request(server);
  const as = (user: TestUser) => ({
    get: (url: string) => request(server).get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body?: unknown) => {
      const t = request(server).post(url).set('Authorization', `Bearer ${user.token}`);
      return body === undefined ? t : t.send(body as object);
    },
  });
  return {
    app,
    db,
    clock,
    config,
    dir,
    dbPath,
    users,
    http,
    as,
    exec: async (sql: string) => {
      if (db.dialect === 'postgres') await db.dataSource.query(sql);
      else (db.dataSource.driver as unknown as { databaseConnection: { exec: (s: string) => void } }).databaseConnection.exec(sql);
    },
    signIn: async (user: TestUser) => {
      const agent = request.agent(server);
      const form = await agent.get('/inloggen').expect(200);
      await agent.post('/inloggen').type('form').send({ token: user.token, _csrf: csrfOf(form.text) }).expect(303);
      const page = await agent.get('/uitloggen').expect(200);
      return { agent, csrf: csrfOf(page.text) };
    },
    close: async () => {
      await app.close();
      await db.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

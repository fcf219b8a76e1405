import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions, EntityManager, QueryRunner } from 'typeorm';
import { DatabaseConfig } from '../config';
import { ENTITIES } from './entities';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { ComplianceProjection1764400000000 } from './migrations/1764400000000-compliance-projection';
import { AuditContent1764500000000 } from './migrations/1764500000000-audit-content';
import { TokenIssuerAndOidc1764600000000 } from './migrations/1764600000000-token-issuer-and-oidc';
import { WebSession1764700000000 } from './migrations/1764700000000-web-session';
import { AuditVerifyColumns1764800000000 } from './migrations/1764800000000-audit-verify-columns';

export const MIGRATIONS = [
  InitialSchema1764300000000,
  ComplianceProjection1764400000000,
  AuditContent1764500000000,
  TokenIssuerAndOidc1764600000000,
  WebSession1764700000000,
  AuditVerifyColumns1764800000000,
];

/** The advisory lock key the migration run holds on PostgreSQL (an arbitrary constant, "kwmigr" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x6b776d696772;

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | undefined;

/**
 * One unit of work: an EntityManager bound to the transaction's connection (`em`), and, while the services move to
 * repositories, plain SQL with `?` placeholders. Every command of the service runs in exactly one of these; nothing
 * is undone by hand.
 */
export interface Tx {
  readonly dialect: 'sqlite' | 'postgres';
  readonly em: EntityManager;
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
}

export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (db.type === 'postgres') {
    return { type: 'postgres', url: db.url, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false, extra: { max: 10 } };
  }
  return {
    type: 'better-sqlite3',
    database: db.path,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    enableWAL: true,
    statementCacheSize: 200,
    prepareDatabase: (conn: SqliteDatabase) => {
      conn.pragma('synchronous = NORMAL');
      conn.pragma('foreign_keys = ON');
      conn.pragma('busy_timeout = 5000');
    },
  };
}

const toSqliteParam = (p: Param): string | number | null => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p);

/** SQLite: better-sqlite3's own prepared statements on TypeORM's connection — the lean path. */
class SqliteTx implements Tx {
  readonly dialect = 'sqlite' as const;
  constructor(
    readonly em: EntityManager,
    private readonly stmt: (sql: string) => Statement,
  ) {}
  all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return Promise.resolve(this.stmt(sql).all(...params.map(toSqliteParam)) as T[]);
  }
  get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return Promise.resolve(this.stmt(sql).get(...params.map(toSqliteParam)) as T | undefined);
  }
  run(sql: string, params: readonly Param[] = []): Promise<{ changes: number }> {
    const r = this.stmt(sql).run(...params.map(toSqliteParam));
    return Promise.resolve({ changes: r.changes });
  }
}

const pgSqlCache = new Map<string, string>();
function toPgSql(sql: string): string {
  let out = pgSqlCache.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    pgSqlCache.set(sql, out);
  }
  return out;
}

/** PostgreSQL: TypeORM's query runner on one pooled connection. */
class PgTx implements Tx {
  readonly dialect = 'postgres' as const;
  readonly em: EntityManager;
  constructor(private readonly runner: QueryRunner) {
    this.em = runner.manager;
  }
  async all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return (await this.runner.query(toPgSql(sql), params.map((p) => (p === undefined ? null : p)))) as T[];
  }
  async get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number }> {
    const r = (await this.runner.query(toPgSql(sql), params.map((p) => (p === undefined ? null : p)), true)) as { affected?: number };
    return { changes: r.affected ?? 0 };
  }
}

/** Is this error a unique-constraint violation (a concurrent writer got there first)? */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Is this a PostgreSQL serialization failure or deadlock that a retry resolves? */
export function isRetryable(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === '40001' || code === '40P01';
}

/**
 * The database: a TypeORM DataSource (entities, connection, migrations) plus `transaction()`, the one way the service
 * writes, and `read()`. On SQLite, TypeORM keeps one connection and one query runner, so transactions are serialised
 * in-process (an `await` inside one transaction must not let another's statements in) and run as BEGIN IMMEDIATE, so
 * a second process waits for the write lock instead of failing on the upgrade. On PostgreSQL each runs on a pooled
 * connection of its own, READ COMMITTED, retried on a serialization failure or deadlock.
 */
export class Db {
  readonly dialect: 'sqlite' | 'postgres';
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private readonly stmtCache = new Map<string, Statement>();
  private sqliteConn?: SqliteDatabase;

  constructor(readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  static async open(config: DatabaseConfig, opts: { migrate?: boolean } = {}): Promise<Db> {
    if (config.type === 'sqlite' && config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const ds = new DataSource(dataSourceOptions(config));
    await ds.initialize();
    const db = new Db(ds);
    if (db.dialect === 'sqlite') db.sqliteConn = (await ds.createQueryRunner().connect()) as SqliteDatabase;
    if (opts.migrate !== false) await db.migrate();
    return db;
  }

  /**
   * Run the pending migrations, as one instance at a time: instances started at the same moment on one database take
   * turns, and each one after the first finds nothing left to run. PostgreSQL: under a session-level advisory lock,
   * each migration in its own transaction. SQLite: all pending migrations in one BEGIN IMMEDIATE transaction (SQLite's
   * DDL is transactional), waited for without blocking the process, so another process or connection gets its turn.
   */
  async migrate(): Promise<string[]> {
    const run = async () => (await this.dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    if (this.dialect === 'sqlite') return this.queued(() => this.sqliteExclusive(run));
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await run();
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  /** Run `fn` in a BEGIN IMMEDIATE transaction taken without blocking (retried while another writer holds the file). */
  private async sqliteExclusive<T>(fn: () => Promise<T>): Promise<T> {
    const conn = this.sqliteConn!;
    const runner = this.dataSource.createQueryRunner() as QueryRunner & { isTransactionActive: boolean };
    const busyTimeout = conn.pragma('busy_timeout', { simple: true }) as number;
    conn.pragma('foreign_keys = OFF'); // as TypeORM runs migrations (a no-op inside a transaction)
    conn.pragma('busy_timeout = 0');
    try {
      for (const waitUntil = Date.now() + 600_000; ; ) {
        try {
          conn.exec('BEGIN IMMEDIATE');
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > waitUntil) throw e;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    } finally {
      conn.pragma(`busy_timeout = ${busyTimeout}`);
    }
    runner.isTransactionActive = true; // TypeORM's migration runner sees the transaction and opens none of its own
    try {
      const result = await fn();
      conn.exec('COMMIT');
      return result;
    } catch (e) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw e;
    } finally {
      runner.isTransactionActive = false;
      conn.pragma('foreign_keys = ON');
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private stmt = (sql: string): Statement => {
    let s = this.stmtCache.get(sql);
    if (!s) {
      s = this.sqliteConn!.prepare(sql);
      this.stmtCache.set(sql, s);
    }
    return s;
  };

  /** SQLite: run `fn` after every earlier unit of work on this connection has finished. */
  private queued<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.sqliteQueue.then(fn, fn);
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }

  /** Run `fn` in one transaction; commit when it resolves, roll back when it throws. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      return this.queued(async () => {
        const runner = this.dataSource.createQueryRunner() as QueryRunner & { isTransactionActive: boolean };
        this.stmt('BEGIN IMMEDIATE').run();
        // TypeORM's own writes (save, persistence) see the transaction and do not open one of their own.
        runner.isTransactionActive = true;
        try {
          const result = await fn(new SqliteTx(runner.manager, this.stmt));
          this.stmt('COMMIT').run();
          return result;
        } catch (e) {
          if (this.sqliteConn!.inTransaction) this.stmt('ROLLBACK').run();
          throw e;
        } finally {
          runner.isTransactionActive = false;
        }
      });
    }
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction('READ COMMITTED');
        const result = await fn(new PgTx(runner));
        await runner.commitTransaction();
        return result;
      } catch (e) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if (isRetryable(e) && attempt < 5) continue;
        throw e;
      } finally {
        await runner.release();
      }
    }
  }

  /** Is the database there and answering? One trivial query (the health check), queued like any other read. */
  async ping(): Promise<void> {
    await this.read((tx) => tx.em.query('SELECT 1'));
  }

  /** A read outside any write transaction (on SQLite it still waits for a running write to finish). */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.queued(() => fn(new SqliteTx(this.dataSource.createQueryRunner().manager, this.stmt)));
    return (async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        return await fn(new PgTx(runner));
      } finally {
        await runner.release();
      }
    })();
  }
}

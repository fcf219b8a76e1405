/**
 * Reading the audit trail in `seq` order, page by page, for verification, exports, flags and history: never all
 * events in memory, and on PostgreSQL inside one REPEATABLE READ snapshot so that a long read sees one consistent
 * store (without it, an event committed late with a lower `seq` than one already read would look like a gap).
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Db } from '../database/db';
import { AuditEventRow, AuditPayload, StoredAuditEventRow } from './hash-chain';

/** The columns of `audit_event`, in the order of {@link RawAuditRow}. */
export const AUDIT_COLUMNS =
  'seq, stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id, workflow_id, workflow_version, payload, prev_hash, hash';

/**
 * One `audit_event` row as the database returns it, as a tuple (cheaper than an object for a million rows):
 * seq, stream, stream_seq, id, occurred_at, actor_id, actor_roles (JSON text), action, dossier_id, workflow_id,
 * workflow_version, payload (canonical JSON text), prev_hash, hash. PostgreSQL returns `seq` as a string.
 */
export type RawAuditRow = [
  seq: number | string,
  stream: string,
  streamSeq: number | string,
  id: string,
  occurredAt: string,
  actorId: string,
  actorRoles: string,
  action: string,
  dossierId: string | null,
  workflowId: string | null,
  workflowVersion: string | null,
  payload: string,
  prevHash: string,
  hash: string,
];

/** Which rows to read. All conditions are combined with AND; rows always come in ascending `seq`. */
export interface ScanFilter {
  /** Only this chain (a dossier id or `system`). */
  stream?: string;
  /** Only events of this dossier (`dossier_id`, indexed). */
  dossierId?: string;
  /** Only these exact actions. */
  actions?: readonly string[];
  /**
   * Only events matching one of these: an entry ending in `.` is a prefix (`transition.` → every transition event),
   * any other entry an exact action (`transition.refused`).
   */
  actionMatch?: readonly string[];
  /** `occurred_at >= from` (ISO 8601 UTC with milliseconds, compared as text). */
  from?: string;
  /** `occurred_at <= to`. */
  to?: string;
  /** Only events after this global seq. */
  afterSeq?: number;
  /** Only events up to and including this global seq. */
  uptoSeq?: number;
}

/** Rows per page: large enough to amortise the query, small enough to stay in V8's young generation. */
export const DEFAULT_PAGE_SIZE = 1000;

type Where = { sql: string; params: (string | number)[] };

function whereClause(f: ScanFilter): Where {
  const parts: string[] = ['seq > ?'];
  const params: (string | number)[] = [];
  if (f.stream !== undefined) {
    parts.push('stream = ?');
    params.push(f.stream);
  }
  if (f.dossierId !== undefined) {
    parts.push('dossier_id = ?');
    params.push(f.dossierId);
  }
  if (f.actions !== undefined) {
    if (f.actions.length === 0) parts.push('1 = 0');
    else {
      parts.push(`action IN (${f.actions.map(() => '?').join(', ')})`);
      params.push(...f.actions);
    }
  }
  if (f.actionMatch !== undefined) {
    if (f.actionMatch.length === 0) parts.push('1 = 0');
    else {
      // substr() instead of LIKE: no wildcard escaping, and the same result on both databases.
      parts.push(`(${f.actionMatch.map((m) => (m.endsWith('.') ? 'substr(action, 1, ?) = ?' : 'action = ?')).join(' OR ')})`);
      for (const m of f.actionMatch) {
        if (m.endsWith('.')) params.push(m.length, m);
        else params.push(m);
      }
    }
  }
  if (f.from !== undefined) {
    parts.push('occurred_at >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    parts.push('occurred_at <= ?');
    params.push(f.to);
  }
  if (f.uptoSeq !== undefined) {
    parts.push('seq <= ?');
    params.push(f.uptoSeq);
  }
  return { sql: parts.join(' AND '), params };
}

/** The database file of a SQLite store, or null (PostgreSQL, in-memory). */
export function sqliteFile(db: Db): string | null {
  const file = (db.dataSource.options as { database?: unknown }).database;
  return db.dialect === 'sqlite' && typeof file === 'string' && file !== '' && file !== ':memory:' && existsSync(file) ? file : null;
}

/** Bytes of the SQLite file a read-only scan maps into memory: reads without a system call per page. */
export const SCAN_MMAP_BYTES = 1 << 30;

/** A read-only connection of its own to a SQLite file; null when that is not possible (the shared one is used then). */
function openReadOnly(file: string): SqliteDatabase | null {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
}

/** The better-sqlite3 connection under the data source, for raw-mode (tuple) reads; null on PostgreSQL. */
function sqliteConnection(db: Db): SqliteDatabase | null {
  if (db.dialect !== 'sqlite') return null;
  const conn = (db.dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  return conn && typeof conn.prepare === 'function' ? conn : null;
}

const pgStatements = new Map<string, string>();
function toPg(sql: string): string {
  let out = pgStatements.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    pgStatements.set(sql, out);
  }
  return out;
}

/** An `audit_event` row as read with `SELECT *` (column names as stored). */
export type AuditRowDb = {
  seq: string | number;
  stream: string;
  stream_seq: number | string;
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_roles: string;
  action: string;
  dossier_id: string | null;
  workflow_id: string | null;
  workflow_version: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
};

const pgTuple = (r: AuditRowDb): RawAuditRow => [
  r.seq,
  r.stream,
  r.stream_seq,
  r.id,
  r.occurred_at,
  r.actor_id,
  r.actor_roles,
  r.action,
  r.dossier_id,
  r.workflow_id,
  r.workflow_version,
  r.payload,
  r.prev_hash,
  r.hash,
];

/**
 * Reads `audit_event` in pages. On SQLite each page is one read in the database's queue (so it never sees a
 * half-done write of this process) in better-sqlite3's raw mode; `seq` order equals commit order there because
 * writers hold the database's write lock. With `snapshot` (long scans: verification, exports) a SQLite file is read
 * through a connection of its own, memory-mapped, in one read transaction. On PostgreSQL all pages come from one
 * read-only REPEATABLE READ transaction. Either is released when the iteration ends (also when the consumer stops
 * early).
 */
export class AuditScanner {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  async *pages(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<RawAuditRow[]> {
    const where = whereClause(filter);
    const sql = `SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE ${where.sql} ORDER BY seq LIMIT ?`;
    let after = filter.afterSeq ?? 0;
    const file = opts.snapshot ? sqliteFile(this.db) : null;
    const own = file === null ? null : openReadOnly(file);
    if (own !== null) {
      // A long scan of a SQLite file: its own read-only, memory-mapped connection in one read transaction (one
      // snapshot, and the application's connection stays free for requests meanwhile).
      try {
        own.pragma(`mmap_size = ${SCAN_MMAP_BYTES}`);
        const stmt = own.prepare(sql).raw(true);
        own.exec('BEGIN');
        for (;;) {
          const page = stmt.all(after, ...where.params, pageSize) as RawAuditRow[];
          if (page.length > 0) yield page;
          if (page.length < pageSize) break;
          after = Number(page[page.length - 1][0]);
        }
        own.exec('COMMIT');
      } finally {
        own.close();
      }
      return;
    }
    const conn = sqliteConnection(this.db);
    if (conn !== null) {
      let stmt = this.statements.get(sql);
      if (stmt === undefined) {
        stmt = conn.prepare(sql).raw(true);
        this.statements.set(sql, stmt);
      }
      const s = stmt;
      for (;;) {
        const page = await this.db.read(() => Promise.resolve(s.all(after, ...where.params, pageSize) as RawAuditRow[]));
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = Number(page[page.length - 1][0]);
      }
    }
    if (this.db.dialect === 'sqlite') {
      // No raw connection available (should not happen with better-sqlite3): fall back to object rows.
      for (;;) {
        const rows = await this.db.read((tx) => tx.all<AuditRowDb>(sql, [after, ...where.params, pageSize]));
        if (rows.length > 0) yield rows.map(pgTuple);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1].seq);
      }
    }
    const runner = this.db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const pgSql = toPg(sql);
      for (;;) {
        const rows = (await runner.query(pgSql, [after, ...where.params, pageSize])) as AuditRowDb[];
        if (rows.length > 0) yield rows.map(pgTuple);
        if (rows.length < pageSize) break;
        after = Number(rows[rows.length - 1].seq);
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** The rows one at a time (still read page by page). */
  async *rows(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<RawAuditRow> {
    for await (const page of this.pages(filter, pageSize, opts)) yield* page;
  }

  /** Number of rows the filter selects (for progress displays). */
  async count(filter: ScanFilter = {}): Promise<number> {
    const where = whereClause(filter);
    const r = await this.db.read((tx) => tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM audit_event WHERE ${where.sql}`, [filter.afterSeq ?? 0, ...where.params]));
    return Number(r?.n ?? 0);
  }
}

/**
 * `actor_roles` holds a handful of distinct values (`["beleidsmedewerker"]`, …); parsing each once instead of once
 * per row matters when a million rows are verified. The cache is bounded; odd values are parsed every time.
 */
export class RolesCache {
  private readonly cache = new Map<string, readonly string[]>();

  parse(text: string): readonly string[] {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    let roles: unknown;
    try {
      roles = JSON.parse(text);
    } catch {
      roles = text; // not JSON: verification reports the row as broken, never throws
    }
    const value = (Array.isArray(roles) ? Object.freeze([...(roles as string[])]) : roles) as readonly string[];
    if (this.cache.size < 256) this.cache.set(text, value);
    return value;
  }
}

/** A raw row for {@link ChainVerifier.addStored}: the payload stays the stored text (no parse). */
export function toStoredRow(r: RawAuditRow, roles: RolesCache): StoredAuditEventRow {
  return {
    seq: typeof r[0] === 'number' ? r[0] : Number(r[0]),
    stream: r[1],
    streamSeq: typeof r[2] === 'number' ? r[2] : Number(r[2]),
    id: r[3],
    occurredAt: r[4],
    actorId: r[5],
    actorRoles: roles.parse(r[6]),
    action: r[7],
    dossierId: r[8],
    workflowId: r[9],
    workflowVersion: r[10],
    payloadJson: r[11],
    prevHash: r[12],
    hash: r[13],
  };
}

/** A raw row with its payload parsed. `payloadError` is set (and `payload` empty) when the stored text is not a JSON object. */
export function toEventRow(r: RawAuditRow, roles: RolesCache): AuditEventRow & { payloadError?: string } {
  let payload: AuditPayload = {};
  let payloadError: string | undefined;
  try {
    const parsed: unknown = JSON.parse(r[11]);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as AuditPayload;
    else payloadError = 'the stored payload is not a JSON object';
  } catch {
    payloadError = 'the stored payload is not valid JSON';
  }
  const row: AuditEventRow & { payloadError?: string } = {
    seq: Number(r[0]),
    stream: r[1],
    streamSeq: Number(r[2]),
    id: r[3],
    occurredAt: r[4],
    actorId: r[5],
    actorRoles: roles.parse(r[6]),
    action: r[7],
    dossierId: r[8],
    workflowId: r[9],
    workflowVersion: r[10],
    payload,
    prevHash: r[12],
    hash: r[13],
  };
  if (payloadError !== undefined) row.payloadError = payloadError;
  return row;
}

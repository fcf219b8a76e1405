/**
 * Reading the audit trail in `seq` order, page by page, for verification, exports, flags and history: never all
 * events in memory, and on PostgreSQL inside one REPEATABLE READ snapshot so that a long read sees one consistent
 * store (without it, an event committed late with a lower `seq` than one already read would look like a gap).
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Db } from '../database';
import type { AuditEventRow } from './canonical-event';
import { STORED_EVENT_COLUMNS, StoredEvent } from './chain-verifier';

/** The columns of `audit_event` read by scans, in the order of {@link ScannedRow}. */
export const AUDIT_COLUMNS = STORED_EVENT_COLUMNS;

/**
 * One `audit_event` row as the database returns it, as a tuple (cheaper than an object for a million rows): the
 * global seq (PostgreSQL returns it as a string), the canonical JSON text of the event that was hashed (`content`,
 * docs/audit-format.md section 3), the stored hash, and stream, streamSeq and prevHash, which the database generates
 * from `content` (what the chain verifier links by).
 */
export type ScannedRow = [seq: number | string, content: string, hash: string, stream: string, streamSeq: number | string, prevHash: string];

/** The stored part of a row (seq, content, hash), as readers of the content need it; a {@link ScannedRow} is one. */
export type RawAuditRow = readonly [seq: number | string, content: string, hash: string, ...generated: unknown[]];

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

/**
 * Bytes of the SQLite file a long scan maps into memory (SQLite's default upper limit, SQLITE_MAX_MMAP_SIZE): pages
 * are read without a system call each.
 */
const SCAN_MMAP_BYTES = 0x7fff0000;

/**
 * A read-only, memory-mapped connection of its own to the store's SQLite file for a long scan; null for an in-memory
 * store or when the file cannot be opened (the shared connection is used then).
 */
function ownScan(db: Db): SqliteDatabase | null {
  const file = sqliteFile(db);
  if (file === null) return null;
  try {
    const conn = new Database(file, { readonly: true, fileMustExist: true });
    conn.pragma(`mmap_size = ${SCAN_MMAP_BYTES}`);
    return conn;
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

/** An `audit_event` row as read with {@link AUDIT_COLUMNS} in object form. */
export type AuditRowDb = { seq: string | number; content: string; hash: string; stream: string; stream_seq: number | string; prev_hash: string };

const pgTuple = (r: AuditRowDb): ScannedRow => [r.seq, r.content, r.hash, r.stream, r.stream_seq, r.prev_hash];

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

  pages(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<ScannedRow[]> {
    return this.scan<ScannedRow>(AUDIT_COLUMNS, filter, pageSize, opts.snapshot === true);
  }

  /**
   * The pages verification reads, in one snapshot: {@link pages}, but on SQLite each content as its bytes (a Buffer,
   * exactly what is stored): hashed as it is, never decoded into a string and encoded back to UTF-8.
   */
  verificationPages(filter: ScanFilter = {}): AsyncGenerator<StoredEvent[]> {
    const columns = this.db.dialect === 'sqlite' ? AUDIT_COLUMNS.replace('content', 'CAST(content AS BLOB) AS content') : AUDIT_COLUMNS;
    return this.scan<StoredEvent>(columns, filter, DEFAULT_PAGE_SIZE, true);
  }

  private async *scan<Row extends StoredEvent>(columns: string, filter: ScanFilter, pageSize: number, snapshot: boolean): AsyncGenerator<Row[]> {
    const where = whereClause(filter);
    const sql = `SELECT ${columns} FROM audit_event WHERE ${where.sql} ORDER BY seq LIMIT ?`;
    let after = filter.afterSeq ?? 0;
    const own = snapshot ? ownScan(this.db) : null;
    if (own !== null) {
      // A long scan of a SQLite file: its own read-only, memory-mapped connection in one read transaction (one
      // snapshot, and the application's connection stays free for requests meanwhile).
      try {
        const stmt = own.prepare(sql).raw(true);
        own.exec('BEGIN');
        for (;;) {
          const page = stmt.all(after, ...where.params, pageSize) as Row[];
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
        const page = await this.db.read(() => Promise.resolve(s.all(after, ...where.params, pageSize) as Row[]));
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = Number(page[page.length - 1][0]);
      }
    }
    if (this.db.dialect === 'sqlite') {
      // No raw connection available (should not happen with better-sqlite3): fall back to object rows.
      for (;;) {
        const rows = await this.db.read((tx) => tx.all<AuditRowDb>(sql, [after, ...where.params, pageSize]));
        if (rows.length > 0) yield (rows.map(pgTuple) as StoredEvent[] as Row[]);
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
        if (rows.length > 0) yield (rows.map(pgTuple) as StoredEvent[] as Row[]);
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
  async *rows(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<ScannedRow> {
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
 * A raw row as an {@link AuditEventRow}: the content parsed (one `JSON.parse`), `seq` and `hash` from their columns.
 * `contentError` is set (and the fields as far as they could be read) when the stored text is not an audit event.
 */
export function toEventRow(r: RawAuditRow): AuditEventRow & { contentError?: string } {
  const seq = Number(r[0]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(r[1]);
  } catch {
    return { ...UNREADABLE, actorRoles: [], payload: {}, seq, hash: r[2], contentError: 'the stored content is not valid JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ...UNREADABLE, actorRoles: [], payload: {}, seq, hash: r[2], contentError: 'the stored content is not a JSON object' };
  }
  const c = parsed as Record<string, unknown>;
  const row = {
    seq,
    stream: c.stream,
    streamSeq: c.streamSeq,
    id: c.id,
    occurredAt: c.occurredAt,
    actorId: c.actorId,
    actorRoles: c.actorRoles,
    action: c.action,
    dossierId: c.dossierId,
    workflowId: c.workflowId,
    workflowVersion: c.workflowVersion,
    payload: c.payload,
    prevHash: c.prevHash,
    hash: r[2],
  } as AuditEventRow & { contentError?: string };
  const wrong = wrongField(row);
  if (wrong !== null) row.contentError = `the stored content has no valid ${wrong}`;
  return row;
}

const UNREADABLE = {
  stream: '',
  streamSeq: 0,
  id: '',
  occurredAt: '',
  actorId: '',
  actorRoles: [] as string[],
  action: '',
  dossierId: null,
  workflowId: null,
  workflowVersion: null,
  payload: {},
  prevHash: '',
} satisfies Omit<AuditEventRow, 'seq' | 'hash'>;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** The first content field of the wrong type, or null. */
function wrongField(r: AuditEventRow): string | null {
  if (!isStr(r.stream)) return 'stream';
  if (typeof r.streamSeq !== 'number' || !Number.isSafeInteger(r.streamSeq)) return 'streamSeq';
  if (!isStr(r.id)) return 'id';
  if (!isStr(r.occurredAt)) return 'occurredAt';
  if (!isStr(r.actorId)) return 'actorId';
  if (!Array.isArray(r.actorRoles) || !r.actorRoles.every(isStr)) return 'actorRoles';
  if (!isStr(r.action)) return 'action';
  if (!isStrOrNull(r.dossierId)) return 'dossierId';
  if (!isStrOrNull(r.workflowId)) return 'workflowId';
  if (!isStrOrNull(r.workflowVersion)) return 'workflowVersion';
  if (r.payload === null || typeof r.payload !== 'object' || Array.isArray(r.payload)) return 'payload';
  if (!isStr(r.prevHash)) return 'prevHash';
  return null;
}

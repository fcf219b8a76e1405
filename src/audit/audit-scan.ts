/**
 * Reading the audit trail in `seq` order, page by page, for verification, exports, flags and history: never all
 * events in memory, and on PostgreSQL inside one REPEATABLE READ snapshot so that a long read sees one consistent
 * store (without it, an event committed late with a lower `seq` than one already read would look like a gap).
 */
import { Db } from '../database';
import { AuditRepository, ScanFilter } from './audit.repository';
import type { AuditEventRow } from './canonical-event';
import type { StoredEvent } from './chain-verifier';

export type { AuditRowDb, ScanFilter } from './audit.repository';

/**
 * One `audit_event` row as the database returns it, as a tuple (cheaper than an object for a million rows): the
 * global seq (PostgreSQL returns it as a string), the canonical JSON text of the event that was hashed (`content`,
 * docs/audit-format.md section 3), the stored hash, and stream, streamSeq and prevHash, which the database generates
 * from `content` (what the chain verifier links by).
 */
export type ScannedRow = [seq: number | string, content: string, hash: string, stream: string, streamSeq: number | string, prevHash: string];

/** The stored part of a row (seq, content, hash), as readers of the content need it; a {@link ScannedRow} is one. */
export type RawAuditRow = readonly [seq: number | string, content: string, hash: string, ...generated: unknown[]];

/** Rows per page: large enough to amortise the query, small enough to stay in V8's young generation. */
export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Reads `audit_event` in pages ({@link AuditRepository.pages} through {@link Db.scan}). On SQLite each page is one
 * read in the database's queue (so it never sees a half-done write of this process); `seq` order equals commit order
 * there because writers hold the database's write lock. With `snapshot` (long scans: verification, exports) a SQLite
 * file is read through a connection of its own in one read transaction. On PostgreSQL all pages come from one
 * read-only REPEATABLE READ transaction. Either is released when the iteration ends (also when the consumer stops
 * early).
 */
export class AuditScanner {
  constructor(private readonly db: Db) {}

  pages(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<ScannedRow[]> {
    return AuditRepository.pages<ScannedRow>(this.db, filter, pageSize, { snapshot: opts.snapshot === true });
  }

  /**
   * The pages verification reads, in one snapshot: {@link pages}, but on SQLite each content as its bytes (a Buffer,
   * exactly what is stored): hashed as it is, never decoded into a string and encoded back to UTF-8.
   */
  verificationPages(filter: ScanFilter = {}): AsyncGenerator<StoredEvent[]> {
    return AuditRepository.pages<StoredEvent>(this.db, filter, DEFAULT_PAGE_SIZE, { snapshot: true, contentAsBytes: true });
  }

  /** The rows one at a time (still read page by page). */
  async *rows(filter: ScanFilter = {}, pageSize = DEFAULT_PAGE_SIZE, opts: { snapshot?: boolean } = {}): AsyncGenerator<ScannedRow> {
    for await (const page of this.pages(filter, pageSize, opts)) yield* page;
  }

  /** Number of rows the filter selects (for progress displays). */
  count(filter: ScanFilter = {}): Promise<number> {
    return this.db.read((tx) => AuditRepository.count(tx, filter));
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

/**
 * The audit trail's storage (`audit_event`, `audit_anchor`): every statement on them lives here. The append and the
 * scans are hot (every command appends; verification reads a million rows), so they are prepared SQL; the rest goes
 * through the entities.
 */
import { AuditAnchorEntity, AuditEventEntity, Db, DossierEntity, Reader, Tx } from '../database';
import type { StreamHead } from './canonical-event';
import { STORED_EVENT_COLUMNS, StoredEvent } from './chain-verifier';

/** An `audit_event` row as read with {@link STORED_EVENT_COLUMNS} in object form. */
export type AuditRowDb = { seq: string | number; content: string; hash: string; stream: string; stream_seq: number | string; prev_hash: string };

/** An anchored head as looked up: the stored event at its position (all null when there is none), and the seq of the event after it. */
/**
 * What the store holds at an anchored head's position: the event there (`seq` null when there is none), and the seq of
 * the event after it in its stream (`nextSeq`, null when nothing followed).
 */
export type AnchoredHeadRow = { seq: number | null; content: string | Buffer | null; hash: string | null; nextSeq: number | null };

/** Which rows a scan reads. All conditions are combined with AND; rows always come in ascending `seq`. */
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

type Where = { sql: string; params: (string | number)[] };

/** The condition of a scan; its first parameter (`seq > ?`) is the seq the page starts after. */
function whereClause(f: ScanFilter): Where {
  const parts: string[] = ['seq > ?'];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.stream !== undefined) add('stream = ?', f.stream);
  if (f.dossierId !== undefined) add('dossier_id = ?', f.dossierId);
  if (f.actions !== undefined) {
    if (f.actions.length === 0) add('1 = 0');
    else add(`action IN (${f.actions.map(() => '?').join(', ')})`, ...f.actions);
  }
  if (f.actionMatch !== undefined) {
    if (f.actionMatch.length === 0) add('1 = 0');
    else {
      // substr() instead of LIKE: no wildcard escaping, and the same result on both databases.
      add(
        `(${f.actionMatch.map((m) => (m.endsWith('.') ? 'substr(action, 1, ?) = ?' : 'action = ?')).join(' OR ')})`,
        ...f.actionMatch.flatMap((m) => (m.endsWith('.') ? [m.length, m] : [m])),
      );
    }
  }
  if (f.from !== undefined) add('occurred_at >= ?', f.from);
  if (f.to !== undefined) add('occurred_at <= ?', f.to);
  if (f.uptoSeq !== undefined) add('seq <= ?', f.uptoSeq);
  return { sql: parts.join(' AND '), params };
}

const HEAD_SQL = 'SELECT stream_seq, hash FROM audit_event WHERE stream = ? ORDER BY stream_seq DESC LIMIT 1';
const INSERT_SQL = 'INSERT INTO audit_event (content, hash) VALUES (?, ?) RETURNING seq';

export const AuditRepository = {
  /**
   * The head of a stream (null for a new one), for the next append in this transaction. On PostgreSQL the stream is
   * locked first (to commit), so two transactions never read the same head.
   */
  async head(tx: Tx, stream: string): Promise<{ streamSeq: number; hash: string } | null> {
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [stream]);
    const head = await tx.get<{ stream_seq: number | string; hash: string }>(HEAD_SQL, [stream]);
    return head ? { streamSeq: Number(head.stream_seq), hash: head.hash } : null;
  },

  /** Insert a sealed event (its text and hash; every other column is generated from the text); its global seq. */
  async insert(tx: Tx, content: string, hash: string): Promise<number> {
    const r = await tx.get<{ seq: number | string }>(INSERT_SQL, [content, hash]);
    return Number(r!.seq);
  },

  /** Events of one dossier in seq order: by action (an entry ending in `.` is a LIKE prefix) and period `[from, to)`. */
  listForDossier(
    tx: Tx,
    dossierId: string,
    filter: { actions?: string[]; from?: string; to?: string; limit: number; afterSeq?: number },
  ): Promise<AuditRowDb[]> {
    const where = ['dossier_id = ?'];
    const params: (string | number)[] = [dossierId];
    if (filter.actions?.length) {
      where.push(`(${filter.actions.map(() => 'action LIKE ?').join(' OR ')})`);
      params.push(...filter.actions.map((a) => (a.endsWith('.') ? `${a}%` : a)));
    }
    if (filter.from) {
      where.push('occurred_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('occurred_at < ?');
      params.push(filter.to);
    }
    if (filter.afterSeq) {
      where.push('seq > ?');
      params.push(filter.afterSeq);
    }
    return tx.all<AuditRowDb>(`SELECT ${STORED_EVENT_COLUMNS} FROM audit_event WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${filter.limit}`, params);
  },

  /** The global seq of the event at this position of a stream, if there is one. */
  async seqAt(tx: Tx, stream: string, streamSeq: number): Promise<number | undefined> {
    const e = await tx.em.findOne(AuditEventEntity, { select: { seq: true }, where: { stream, streamSeq } });
    return e === null ? undefined : Number(e.seq);
  },

  /** Per anchored head, in the order given: one statement, two index lookups each. */
  async anchoredHeads(reader: Reader, heads: readonly StreamHead[]): Promise<AnchoredHeadRow[]> {
    const list = JSON.stringify(heads.map((h) => [h.stream, h.streamSeq]));
    const pg = reader.dialect === 'postgres';
    const from = pg
      ? '(SELECT x.value ->> 0 AS s, (x.value ->> 1)::bigint AS n FROM jsonb_array_elements(?::jsonb) AS x(value)) h'
      : '(SELECT x.value ->> 0 AS s, x.value ->> 1 AS n FROM json_each(?) x) h';
    const rows = await reader.all<{ s: string; n: number | string; seq: number | string | null; content: string | Buffer | null; hash: string | null; next_seq: number | string | null }>(
      `SELECT h.s, h.n, e.seq, ${pg ? 'e.content' : 'CAST(e.content AS BLOB) AS content'}, e.hash, (SELECT n.seq FROM audit_event n WHERE n.stream = h.s AND n.stream_seq = h.n + 1) AS next_seq
         FROM ${from} LEFT JOIN audit_event e ON e.stream = h.s AND e.stream_seq = h.n`,
      [list],
    );
    const byHead = new Map(rows.map((r) => [`${Number(r.n)}\n${r.s}`, r]));
    return heads.map((h) => {
      const r = byHead.get(`${h.streamSeq}\n${h.stream}`);
      if (r === undefined) throw new Error(`anchored head ${h.stream} #${h.streamSeq} was not looked up`);
      return { seq: r.seq === null ? null : Number(r.seq), content: r.content, hash: r.hash, nextSeq: r.next_seq === null ? null : Number(r.next_seq) };
    });
  },

  /** Keep the heads of an anchor by the digest of its line (once). */
  async recordAnchor(tx: Tx, digest: string, line: string, heads: string): Promise<void> {
    if (!(await tx.em.existsBy(AuditAnchorEntity, { digest }))) await tx.em.insert(AuditAnchorEntity, { digest, line, heads });
  },

  /** The heads kept for an anchor's digest (their JSON text), if any. */
  async anchorHeads(tx: Tx, digest: string): Promise<string | undefined> {
    return (await tx.em.findOne(AuditAnchorEntity, { select: { heads: true }, where: { digest } }))?.heads;
  },

  /** True when the dossier exists as a row, or at least as an audit stream (its history outlives anything else). */
  async dossierExists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.em.existsBy(DossierEntity, { id })) || (await tx.em.existsBy(AuditEventEntity, { stream: id }));
  },

  /** Number of events the filter selects. */
  async count(tx: Tx, filter: ScanFilter): Promise<number> {
    const where = whereClause(filter);
    const r = await tx.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM audit_event WHERE ${where.sql}`, [filter.afterSeq ?? 0, ...where.params]);
    return Number(r?.n ?? 0);
  },

  /**
   * The events the filter selects, in seq order, as tuples of {@link STORED_EVENT_COLUMNS}, in pages of `pageSize`
   * ({@link Db.scan}: with `snapshot` one consistent state of the store). `contentAsBytes`: on SQLite each content as
   * the bytes stored (a Buffer), for hashing as it is.
   */
  async *pages<Row extends StoredEvent>(db: Db, filter: ScanFilter, pageSize: number, opts: { snapshot: boolean; contentAsBytes?: boolean }): AsyncGenerator<Row[]> {
    const where = whereClause(filter);
    const columns = opts.contentAsBytes && db.dialect === 'sqlite' ? STORED_EVENT_COLUMNS.replace('content', 'CAST(content AS BLOB) AS content') : STORED_EVENT_COLUMNS;
    const sql = `SELECT ${columns} FROM audit_event WHERE ${where.sql} ORDER BY seq LIMIT ?`;
    yield* db.scan(async function* (reader: Reader) {
      for (let after = filter.afterSeq ?? 0; ; ) {
        const page = await reader.tuples<Row>(sql, [after, ...where.params, pageSize]);
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = Number(page[page.length - 1][0]);
      }
    }, { snapshot: opts.snapshot });
  },
};

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ActorContext } from '../common/actor';
import { Db, Tx } from '../database/db';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AUDIT_COLUMNS, AuditRowDb, AuditScanner, DEFAULT_PAGE_SIZE, ScanFilter, sqliteFile, toEventRow } from './audit-scan';
import { Anchor, AuditEventRow, AuditPayload, ChainVerifier, sealEventText, SYSTEM_STREAM, VerifyResult } from './hash-chain';
import { joinSegments, SegmentRange, SegmentResult, segmentResult, splitRange } from './segmented-verify';
import type { SegmentTask } from './verify.worker';

/** What a service passes to {@link AuditService.append}; the stream, ids and hashes are filled in. */
export interface AppendAuditEvent {
  actor: ActorContext;
  action: string;
  occurredAt: string;
  dossierId?: string | null;
  workflow?: { id: string; version: string } | null;
  payload: AuditPayload;
}


/** A row as read with `SELECT seq, content, hash` (object form), its content parsed. */
export function toAuditRow(r: AuditRowDb): AuditEventRow {
  const { contentError, ...row } = toEventRow([r.seq, r.content, r.hash]);
  if (contentError !== undefined) throw new Error(`audit_event seq ${String(r.seq)}: ${contentError}`);
  return row;
}

const INSERT_SQL = 'INSERT INTO audit_event (content, hash) VALUES (?, ?)';
const HEAD_SQL = 'SELECT stream_seq, hash FROM audit_event WHERE stream = ? ORDER BY stream_seq DESC LIMIT 1';

/**
 * The append-only, hash-chained audit trail (docs/audit-format.md). Every write of the service appends
 * exactly one event inside its own transaction; a dossier's events form one stream, everything else the
 * `system` stream. The database refuses UPDATE and DELETE on the table.
 */
@Injectable()
export class AuditService {
  /** Page-by-page reads of the trail (verification, exports, the auditor's views). */
  readonly scanner: AuditScanner;

  constructor(@Inject(Db) private readonly db: Db) {
    this.scanner = new AuditScanner(db);
  }

  /** Seal and insert the next event of its stream. Must run inside the caller's transaction. */
  async append(tx: Tx, e: AppendAuditEvent): Promise<AuditEventRow> {
    const stream = e.dossierId ?? SYSTEM_STREAM;
    // PostgreSQL: one writer per stream at a time (held to commit), so two transactions never read the same head.
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [stream]);
    const head = await tx.get<{ stream_seq: number | string; hash: string }>(HEAD_SQL, [stream]);
    const { sealed, content } = sealEventText(
      {
        stream,
        id: randomUUID(),
        occurredAt: e.occurredAt,
        actorId: e.actor.id,
        actorRoles: [...e.actor.roles],
        action: e.action,
        dossierId: e.dossierId ?? null,
        workflowId: e.workflow?.id ?? null,
        workflowVersion: e.workflow?.version ?? null,
        // Issue #12: an action taken with a token someone else issued names that issuer.
        payload: e.actor.tokenIssuedBy ? { ...e.payload, tokenIssuedBy: { ...e.actor.tokenIssuedBy } } : e.payload,
      },
      head ? { streamSeq: Number(head.stream_seq), hash: head.hash } : null,
    );
    // Only the hashed text and its hash are written; the columns queries use are generated from the text.
    const r = await tx.get<{ seq: number | string }>(`${INSERT_SQL} RETURNING seq`, [content, sealed.hash]);
    return { ...sealed, seq: Number(r!.seq) };
  }

  /** Events of one dossier in order, optionally filtered by action prefix and period. */
  async listForDossier(
    dossierId: string,
    filter: { actions?: string[]; from?: string; to?: string; limit?: number; afterSeq?: number } = {},
  ): Promise<AuditEventRow[]> {
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
    const limit = filter.limit ?? 1000;
    return this.db.read(async (tx) =>
      (await tx.all<AuditRowDb>(`SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${limit}`, params)).map(toAuditRow),
    );
  }

  /** Stream all events (or one dossier's) in seq order, in pages, without holding them all in memory. */
  async *iterate(opts: { dossierId?: string; pageSize?: number } = {}): AsyncGenerator<AuditEventRow> {
    for await (const r of this.scanner.rows(opts.dossierId ? { stream: opts.dossierId } : {}, opts.pageSize)) {
      const { contentError: _ignored, ...row } = toEventRow(r);
      yield row;
    }
  }

  /**
   * Verify the whole store, or one dossier's stream (docs/audit-format.md section 5). Reads page by page and hashes
   * each stored content as it is ({@link ChainVerifier.addContent}, src/audit/content-page.ts: no JSON parse); stops
   * at the first broken event. With `anchors`, also checks that every anchored head is still in the chain with its hash (section 8);
   * for one dossier only that dossier's anchored head is checked.
   *
   * A large SQLite store is verified in segments on worker threads (src/audit/segmented-verify.ts) with exactly the
   * sequential result; see {@link VerifyStoreOptions.parallel}.
   */
  async verify(opts: VerifyStoreOptions = {}): Promise<VerifyResult> {
    const stream = opts.dossierId;
    const anchors =
      stream === undefined ? (opts.anchors ?? []) : (opts.anchors ?? []).map((a) => ({ ...a, heads: a.heads.filter((h) => h.stream === stream) }));
    const native = opts.nativeSha256 !== false;
    let result: VerifyResult | null = null;
    if (stream === undefined && opts.parallel !== false) {
      const plan = await this.parallelPlan(opts.parallel);
      if (plan !== null) result = await this.verifySegmented(plan, anchors, native, opts.onProgress);
    }
    if (result === null) {
      const verifier = new ChainVerifier({ anchors });
      await this.feed(verifier, stream === undefined ? {} : { stream }, native, opts.onProgress);
      result = verifier.result();
    }
    for (const a of result.anchors ?? []) {
      if (!a.ok && a.stream !== undefined && a.streamSeq !== undefined) {
        const at = await this.db.read((tx) =>
          tx.get<{ seq: number | string }>('SELECT seq FROM audit_event WHERE stream = ? AND stream_seq = ?', [a.stream!, a.streamSeq!]),
        );
        if (at) a.seq = Number(at.seq);
      }
    }
    return result;
  }

  /**
   * Feeds the events the filter selects to `verifier` until it meets a broken event. A seq range of a SQLite store
   * (the whole store, or a segment) is read in windows and hashed where it lies, inside SQLite when `native` and
   * the extension loads (src/audit/content-page.ts); one stream, or PostgreSQL, row by row with the stored text
   * hashed as it is.
   */
  private async feed(verifier: ChainVerifier, filter: ScanFilter, native: boolean, onProgress?: (checked: number) => void, base = 0): Promise<void> {
    if (this.db.dialect === 'sqlite' && filter.stream === undefined && filter.dossierId === undefined) {
      const from = filter.afterSeq ?? 0;
      const to = filter.uptoSeq ?? (await this.maxSeq());
      let reported = -1;
      for await (const _ of this.scanner.verifyWindows(verifier, from, to, native)) {
        if (onProgress !== undefined && verifier.checked !== reported) onProgress(base + (reported = verifier.checked));
      }
      return;
    }
    for await (const page of this.scanner.pages(filter, DEFAULT_PAGE_SIZE, { snapshot: true })) {
      for (let i = 0; i < page.length; i++) {
        const r = page[i];
        verifier.addContent(typeof r[0] === 'number' ? r[0] : Number(r[0]), r[1], r[2]);
        if (!verifier.intact) return;
      }
      if (onProgress !== undefined) onProgress(base + verifier.checked);
    }
  }

  /** The highest seq in the store (0 when empty). */
  private async maxSeq(): Promise<number> {
    const r = await this.db.read((tx) => tx.get<{ hi: number | string | null }>('SELECT MAX(seq) AS hi FROM audit_event'));
    return r?.hi == null ? 0 : Number(r.hi);
  }

  /** Whether (and how) to verify the whole store in segments; null for one sequential pass. */
  private async parallelPlan(parallel: boolean | number | undefined): Promise<ParallelPlan | null> {
    if (this.db.dialect !== 'sqlite') return null; // one snapshot per segment is only safe where seq order is commit order
    const forced = typeof parallel === 'number' ? Math.max(1, Math.floor(parallel)) : null;
    const bounds = await this.db.read((tx) => tx.get<{ lo: number | null; hi: number | null }>('SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM audit_event'));
    if (!bounds || bounds.lo === null || bounds.hi === null) return null;
    const span = Number(bounds.hi) - Number(bounds.lo) + 1;
    const file = sqliteFile(this.db);
    const threads = file !== null && existsSync(VERIFY_WORKER);
    if (forced === null) {
      const parts = Math.min(availableParallelism(), MAX_VERIFY_WORKERS);
      if (!threads || parts < 2 || span < PARALLEL_MIN_EVENTS) return null;
      return { ranges: splitRange(Number(bounds.lo), Number(bounds.hi), parts), file };
    }
    return { ranges: splitRange(Number(bounds.lo), Number(bounds.hi), forced), file: threads ? file : null };
  }

  private async verifySegmented(plan: ParallelPlan, anchors: readonly Anchor[], native: boolean, onProgress?: (checked: number) => void): Promise<VerifyResult | null> {
    const done = plan.ranges.map(() => 0);
    const report = (i: number, n: number) => {
      done[i] = n;
      onProgress?.(done.reduce((a, b) => a + b, 0));
    };
    let results: SegmentResult[];
    try {
      results = await Promise.all(
        plan.ranges.map((range, i) =>
          plan.file === null
            ? this.segmentInProcess(range, anchors, native, (n) => report(i, n))
            : runVerifyWorker({ ...range, file: plan.file, anchors: [...anchors], nativeSha256: native }, (n) => report(i, n)),
        ),
      );
    } catch {
      return null; // a worker could not run (e.g. the file moved): verify in one pass instead
    }
    return joinSegments(results, anchors, async (range, verifier) => {
      await this.feed(verifier, { afterSeq: range.from, uptoSeq: range.to }, native);
      return verifier;
    });
  }

  private async segmentInProcess(range: SegmentRange, anchors: readonly Anchor[], native: boolean, onProgress: (n: number) => void): Promise<SegmentResult> {
    const verifier = new ChainVerifier({ openStart: true, start: { heads: [], lastSeq: range.from }, anchors });
    await this.feed(verifier, { afterSeq: range.from, uptoSeq: range.to }, native, onProgress);
    return segmentResult(range, verifier, anchors);
  }

  /** True when the dossier exists as a row, or at least as an audit stream (its history outlives anything else). */
  async dossierExists(id: string): Promise<boolean> {
    const found = await this.db.read(
      async (tx) =>
        (await tx.get('SELECT id FROM dossier WHERE id = ?', [id])) ?? (await tx.get('SELECT seq FROM audit_event WHERE stream = ? LIMIT 1', [id])),
    );
    return found !== undefined;
  }

  /** Number of events in the store, or in one dossier's stream (for progress displays). */
  count(opts: { dossierId?: string } = {}): Promise<number> {
    return this.scanner.count(opts.dossierId === undefined ? {} : { stream: opts.dossierId });
  }
}

/** Whole-store verification of at least this many events (by seq span) is split over worker threads. */
export const PARALLEL_MIN_EVENTS = 100_000;
/** At most this many verification threads. */
export const MAX_VERIFY_WORKERS = 4;
/** The compiled worker; absent when running from TypeScript sources (tests), which then verify in one thread. */
const VERIFY_WORKER = join(__dirname, 'verify.worker.js');

type ParallelPlan = { ranges: SegmentRange[]; file: string | null };

/** Runs one segment in a worker thread (src/audit/verify.worker.ts). */
function runVerifyWorker(task: SegmentTask, onProgress: (checked: number) => void): Promise<SegmentResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(VERIFY_WORKER, { workerData: task });
    let result: SegmentResult | null = null;
    worker.on('message', (m: { type: 'progress'; checked: number } | { type: 'done'; result: SegmentResult }) => {
      if (m.type === 'progress') onProgress(m.checked);
      else {
        result = m.result;
        onProgress(m.result.checked);
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result !== null ? resolve(result) : reject(new Error(`verification worker stopped with code ${code}`))));
  });
}

/** Options of {@link AuditService.verify}. */
export interface VerifyStoreOptions {
  /** Verify only this dossier's stream. */
  dossierId?: string;
  /** Called after each page with the number of events verified intact so far. */
  onProgress?: (checked: number) => void;
  /** Anchors taken earlier (`parseAnchor(line, file)`); a failing anchor makes the result not ok. */
  anchors?: readonly Anchor[];
  /**
   * Whole-store verification on SQLite: by default a store of at least {@link PARALLEL_MIN_EVENTS} events is split
   * into one segment per core (at most {@link MAX_VERIFY_WORKERS}) verified on worker threads, then joined; the
   * result is exactly that of one pass. `false`: always one pass. A number: that many segments, on worker threads
   * when available, otherwise one after the other in this thread (how the tests exercise the join).
   */
  parallel?: boolean | number;
  /**
   * Whole-store verification of a SQLite file hashes inside SQLite when the extension native/kwsha256.c is built
   * and loads (src/audit/native-sha256.ts), with exactly the result of hashing in JavaScript. `false`: always in
   * JavaScript (for comparison, or where the native code is not wanted).
   */
  nativeSha256?: boolean;
}

import { Inject, Injectable } from '@nestjs/common';
import { hash as sha256, randomUUID } from 'node:crypto';
import { ActorContext } from '../common';
import { Db, Tx } from '../database';
import { Anchor, AnchorCheck, parseAnchor, parseAnchorLine } from './anchor';
import { AuditScanner, toEventRow } from './audit-scan';
import { AnchoredHeadRow, AuditRepository, AuditRowDb, ScanFilter } from './audit.repository';
import { AuditEventRow, AuditPayload, sealEventText, StreamHead, SYSTEM_STREAM } from './canonical-event';
import { ChainVerifier, shownValue, StoredEvent, VerifyResult } from './chain-verifier';

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
    const head = await AuditRepository.head(tx, stream);
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
      head,
    );
    // Only the hashed text and its hash are written; the columns queries use are generated from the text. (Object.assign
    // onto the fresh event rather than a spread with a new property, which V8 builds on a slow path: every command appends.)
    return Object.assign(sealed, { seq: await AuditRepository.insert(tx, content, sealed.hash) });
  }

  /** Events of one dossier in order, optionally filtered by action prefix and period. */
  async listForDossier(
    dossierId: string,
    filter: { actions?: string[]; from?: string; to?: string; limit?: number; afterSeq?: number } = {},
  ): Promise<AuditEventRow[]> {
    const limit = filter.limit ?? 1000;
    return this.db.read(async (tx) => (await AuditRepository.listForDossier(tx, dossierId, { ...filter, limit })).map(toAuditRow));
  }

  /** Stream all events (or one dossier's) in seq order, in pages, without holding them all in memory. */
  async *iterate(opts: { dossierId?: string; pageSize?: number } = {}): AsyncGenerator<AuditEventRow> {
    for await (const r of this.scanner.rows(opts.dossierId ? { stream: opts.dossierId } : {}, opts.pageSize)) {
      const { contentError: _ignored, ...row } = toEventRow(r);
      yield row;
    }
  }

  /**
   * Verify the whole store, or one dossier's stream (docs/audit-format.md section 5): every event in seq order, page
   * by page (on PostgreSQL inside one read-only snapshot, a SQLite file through a read-only connection of its own),
   * each stored content hashed as it is and linked by the position the database generates from it; stops at the
   * first broken event. With `anchors`, also checks that every anchored head is still in the chain with its hash
   * (section 8); for one dossier only that dossier's anchored head is checked.
   */
  async verify(opts: VerifyStoreOptions = {}): Promise<VerifyResult> {
    const stream = opts.dossierId;
    const anchors =
      stream === undefined ? (opts.anchors ?? []) : (opts.anchors ?? []).map((a) => ({ ...a, heads: a.heads.filter((h) => h.stream === stream) }));
    const verifier = new ChainVerifier({ anchors });
    await this.feed(verifier, stream === undefined ? {} : { stream }, opts.onProgress);
    const result = verifier.result();
    for (const a of result.anchors ?? []) {
      if (!a.ok && a.stream !== undefined && a.streamSeq !== undefined) {
        const at = await this.db.read((tx) => AuditRepository.seqAt(tx, a.stream!, a.streamSeq!));
        if (at !== undefined) a.seq = at;
      }
    }
    return result;
  }

  /**
   * Verify only what was appended after an anchor (docs/audit-format.md section 8.1): every head the anchor pins
   * must still be in the store unchanged — the event at that stream and streamSeq, its stored hash the anchored
   * one and its content hashing to it — and every event after those heads is verified, each stream continuing
   * from its anchored head (a new stream from genesis). `checked` counts the events after the anchor; `since`
   * reports the heads. Costs one index lookup per anchored stream plus the events appended since.
   */
  async verifySince(anchor: Anchor, opts: { onProgress?: (checked: number) => void } = {}): Promise<VerifyResult & { since: AnchorCheck }> {
    let since: AnchorCheck = { ok: true, at: anchor.at, streams: anchor.streams };
    let lastCovered = 0; // the highest seq of an anchored head: every event after it is new
    let from = Number.MAX_SAFE_INTEGER; // the scan starts after this seq
    for await (const [heads, found] of this.anchoredHeads(anchor.heads)) {
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        const row = found[i];
        const computed = row.content === null ? undefined : sha256('sha256', row.content, 'hex');
        if (since.ok && (row.seq === null || row.hash !== h.hash || computed !== h.hash)) {
          since = {
            ok: false,
            at: anchor.at,
            streams: anchor.streams,
            reason: row.seq === null ? 'head-missing' : 'head-changed',
            stream: h.stream,
            streamSeq: h.streamSeq,
            expected: h.hash,
            found: row.seq === null ? '(no such event)' : shownValue(row.hash !== h.hash ? String(row.hash) : String(computed)),
            ...(row.seq === null ? {} : { seq: row.seq }),
          };
        }
        if (row.seq !== null) lastCovered = Math.max(lastCovered, row.seq);
        // A transaction still open when the anchor was taken (PostgreSQL) may have committed an event with a lower seq.
        if (row.nextSeq !== null) from = Math.min(from, row.nextSeq - 1);
      }
    }
    from = Math.min(from, lastCovered);
    const anchored = new Map(anchor.heads.map((h) => [h.stream, h.streamSeq]));
    const verifier = new ChainVerifier({ start: { heads: anchor.heads, lastSeq: from } });
    // Between `from` and the last anchored head, events the anchor covers are passed over (their heads were checked).
    const covered = (r: StoredEvent) => Number(r[0]) <= lastCovered && Number(r[4]) <= (anchored.get(r[3]) ?? 0);
    await this.feed(verifier, { afterSeq: from }, opts.onProgress, covered);
    const result = verifier.result();
    return { ...result, ok: result.ok && since.ok, since };
  }

  /**
   * Per chunk of anchored heads: the heads and what the store holds at their positions. In chunks, so that the stored
   * texts of many thousands of heads are never held (or collected) at once, read as one long scan (on a SQLite file its
   * own memory-mapped connection: a head is a random read into a large file).
   */
  private anchoredHeads(heads: readonly StreamHead[]): AsyncGenerator<[StreamHead[], AnchoredHeadRow[]]> {
    return this.db.scan(
      async function* (reader) {
        for (let c = 0; c < heads.length; c += HEAD_CHUNK) {
          const chunk = heads.slice(c, c + HEAD_CHUNK);
          yield [chunk, await AuditRepository.anchoredHeads(reader, chunk)];
        }
      },
      { snapshot: true },
    );
  }

  /**
   * Keeps the heads of an anchor in the store (`audit_anchor`), so that `verify?since=<line>` finds them by the
   * line's digest. Taking the same anchor twice keeps one copy.
   */
  async recordAnchor(line: string, heads: readonly StreamHead[]): Promise<void> {
    const parsed = parseAnchor(line, heads); // the heads must be the ones the line was made from
    const text = JSON.stringify(parsed.heads);
    await this.db.transaction((tx) => AuditRepository.recordAnchor(tx, parsed.digest, line, text));
  }

  /**
   * The anchor a published line names, with the heads kept in the store when it was taken; null when this store
   * has none for the line's digest. Throws AnchorError for a malformed line, or kept heads that do not match it.
   */
  async storedAnchor(line: string): Promise<Anchor | null> {
    const parsed = parseAnchorLine(line);
    const heads = await this.db.read((tx) => AuditRepository.anchorHeads(tx, parsed.digest));
    return heads === undefined ? null : parseAnchor(line, heads);
  }

  /** Feeds the events the filter selects (in seq order, one snapshot) to `verifier` until it meets a broken one. */
  private async feed(verifier: ChainVerifier, filter: ScanFilter, onProgress?: (checked: number) => void, skip?: (r: StoredEvent) => boolean): Promise<void> {
    for await (const page of this.scanner.verificationPages(filter)) {
      for (let i = 0; i < page.length; i++) {
        if (skip !== undefined && skip(page[i])) continue;
        verifier.add(page[i]);
        if (!verifier.intact) return;
      }
      if (onProgress !== undefined) onProgress(verifier.checked);
    }
  }

  /** True when the dossier exists as a row, or at least as an audit stream (its history outlives anything else). */
  dossierExists(id: string): Promise<boolean> {
    return this.db.read((tx) => AuditRepository.dossierExists(tx, id));
  }

  /** Number of events in the store, or in one dossier's stream (for progress displays). */
  count(opts: { dossierId?: string } = {}): Promise<number> {
    return this.scanner.count(opts.dossierId === undefined ? {} : { stream: opts.dossierId });
  }
}

/** Anchored heads looked up per statement. */
const HEAD_CHUNK = 1000;

/** Options of {@link AuditService.verify}. */
export interface VerifyStoreOptions {
  /** Verify only this dossier's stream. */
  dossierId?: string;
  /** Called after each page with the number of events verified intact so far. */
  onProgress?: (checked: number) => void;
  /** Anchors taken earlier (`parseAnchor(line, file)`); a failing anchor makes the result not ok. */
  anchors?: readonly Anchor[];
}

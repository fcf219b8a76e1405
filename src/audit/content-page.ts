/**
 * The fast path of whole-store verification on SQLite: a window of events is read as ONE page of bytes instead of
 * a thousand rows, and every event is hashed where it lies in that page.
 *
 * Reading a row into JavaScript costs more than hashing it (a string is decoded from UTF-8 for the content, and
 * must be encoded to UTF-8 again to be hashed). So the database concatenates the window itself
 * ({@link CONTENT_PAGE_SQL}): the seqs and the byte lengths of every hash and content (lists of whole numbers),
 * all stored hashes as one byte string, and all contents as one byte string. The page is fully length-delimited,
 * so no byte of a stored value (however it was tampered with) can shift the framing: each event gets exactly its
 * own bytes. Rows come in `seq` order (a rowid range scan); {@link ChainVerifier} checks that seq increases, so any
 * other order would be reported, never passed.
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { ChainVerifier, contentPositionBytes } from './hash-chain';
import { loadSha256Extension } from './native-sha256';

/**
 * Events with `from < seq <= to`, as {@link ContentPage}. Parameters: from, to. All six aggregates run over the
 * same rows in the same order, in one statement. (Three lists of numbers cost the database less than one list of
 * concatenated triples.) A NULL adds nothing to a concatenation and counts as length 0, so the framing holds.
 */
export const CONTENT_PAGE_SQL = `SELECT
    group_concat(seq, ',') AS seqs,
    group_concat(coalesce(octet_length(hash), 0), ',') AS hash_lengths,
    group_concat(coalesce(octet_length(content), 0), ',') AS content_lengths,
    CAST(group_concat(hash, '') AS BLOB) AS hashes,
    CAST(group_concat(content, '') AS BLOB) AS body,
    group_concat(typeof(content) = 'text' AND typeof(hash) = 'text', '') AS texts
  FROM audit_event WHERE seq > ? AND seq <= ?`;

/**
 * One window of events, all null when it holds none: the seqs, the byte lengths of the stored hashes and of the
 * stored contents (each a comma-separated list of whole numbers), all stored hashes, all stored contents, and per
 * event `1` when both its content and its hash are stored as TEXT, else `0`.
 */
export type ContentPage = [seqs: string | null, hashLengths: string | null, contentLengths: string | null, hashes: Buffer | null, body: Buffer | null, texts: string | null];

/**
 * Bytes of the SQLite file a read-only scan maps into memory (SQLite's default upper limit, SQLITE_MAX_MMAP_SIZE):
 * pages are read without a system call each.
 */
export const SCAN_MMAP_BYTES = 0x7fff0000;

/** Seq numbers per window: about 1.3 MB of page at typical event sizes. */
export const CONTENT_WINDOW = 1000;

const EMPTY = Buffer.alloc(0);

/** One stored row, `[seq, content, hash]` exactly as a row-by-row read returns it; undefined when there is none. */
export type StoredRow = (seq: number) => [seq: number, content: unknown, hash: unknown] | undefined;

/** The event at `seq` read whole and verified as row-by-row verification does: the slow way, for odd values. */
function addStoredRow(verifier: ChainVerifier, seq: number, storedRow: StoredRow): void {
  const row = storedRow(seq);
  if (row === undefined) throw new Error(`audit_event seq ${seq} vanished within one read transaction`);
  verifier.addContent(seq, row[1] as string, row[2] as string);
}

/** Reads one stored row through `conn`, for the slow way of {@link feedContentPage} and {@link feedLinkPage}. */
export function storedRowReader(conn: SqliteDatabase): StoredRow {
  const row = conn.prepare('SELECT seq, content, hash FROM audit_event WHERE seq = ?').raw(true);
  return (seq) => row.get(seq) as ReturnType<StoredRow>;
}

/**
 * Feeds the events of one page to `verifier` in order, until it meets a broken one. Returns the number of events
 * the page holds. Each content is hashed where it lies in `body`; its position is read from its last
 * (at most TAIL_BYTES) bytes decoded as Latin-1 ({@link contentPositionBytes}); the stored hashes are read from one
 * decoding of all hashes, and decoded again as UTF-8 where one does not match (so a report shows a damaged hash
 * exactly as stored). An event whose content or hash is not stored as TEXT, or whose content is not valid UTF-8,
 * is read whole with `storedRow` and verified row by row ({@link ChainVerifier.addContent}): JavaScript reads such
 * a value differently from its bytes (as a Buffer, or with replacement characters), and the result must be exactly
 * that of row-by-row verification.
 */
export function feedContentPage(verifier: ChainVerifier, page: ContentPage, storedRow: StoredRow): number {
  const [seqs, hashLengths, contentLengths, storedHashes, storedBody, texts] = page;
  if (seqs === null || hashLengths === null || contentLengths === null || texts === null) return 0;
  // A concatenation of nothing but NULLs is NULL (all hashes or contents of the window NULL): no bytes.
  const hashes = storedHashes ?? EMPTY;
  const body = storedBody ?? EMPTY;
  const hashText = hashes.toString('latin1');
  // Read positions in the three lists of whole numbers, in the hashes and in the body.
  let i = 0;
  let j = 0;
  let k = 0;
  let h = 0;
  let b = 0;
  let events = 0;
  let c: number;
  while (i < seqs.length) {
    let seq = 0;
    let hashLength = 0;
    let contentLength = 0;
    while (i < seqs.length && (c = seqs.charCodeAt(i++)) !== 44) seq = seq * 10 + (c - 48);
    while (j < hashLengths.length && (c = hashLengths.charCodeAt(j++)) !== 44) hashLength = hashLength * 10 + (c - 48);
    while (k < contentLengths.length && (c = contentLengths.charCodeAt(k++)) !== 44) contentLength = contentLength * 10 + (c - 48);
    const end = b + contentLength;
    if (texts.charCodeAt(events) === 49 /* '1' */ && isUtf8(body.subarray(b, end))) {
      const pos = contentPositionBytes(body, b, end);
      const computed = typeof pos === 'string' ? '' : hash('sha256', body.subarray(b, end), 'hex');
      // The stored hash as the row holds it; read again as UTF-8 only where it does not match (a damaged value).
      const stored = hashLength === computed.length && hashText.startsWith(computed, h) ? computed : hashes.toString('utf8', h, h + hashLength);
      verifier.addRead(seq, pos, stored, computed);
    } else {
      addStoredRow(verifier, seq, storedRow);
    }
    h += hashLength;
    b = end;
    events++;
    if (!verifier.intact) break;
  }
  return events;
}

/**
 * The windows of `(from, to]` read through `conn` (which the caller keeps in one read transaction for a consistent
 * snapshot). `statement` may be passed in to reuse a prepared one.
 */
export function* contentPages(conn: SqliteDatabase, from: number, to: number, statement?: Statement): Generator<ContentPage> {
  const stmt = statement ?? conn.prepare(CONTENT_PAGE_SQL).raw(true);
  for (let lo = from; lo < to; lo += CONTENT_WINDOW) {
    yield stmt.get(lo, Math.min(to, lo + CONTENT_WINDOW)) as ContentPage;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Hashed inside SQLite (native/kwsha256.c)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Events with `from < seq <= to`, as {@link LinkPage}, on a connection with the extension loaded
 * ({@link openScanConnection}). Parameters: from, to. The database hashes every content where it lies and reads its
 * position in the chain (`kw_chain_link`, native/kwsha256.c), and hands over one short ASCII record per event: for
 * an event whose stored hash is the SHA-256 of its content (valid UTF-8 text) and whose position reads plainly,
 * `<hash: 64 hex><prevHash: 64 hex><streamSeq digits>,<stream>"`; for any other event `!`. No content is copied into
 * JavaScript whole.
 */
export const LINK_PAGE_SQL = `SELECT
    group_concat(seq, ',') AS seqs,
    CAST(group_concat(kw_chain_link(content, hash), '') AS BLOB) AS links
  FROM audit_event WHERE seq > ? AND seq <= ?`;

/** One window of events read with {@link LINK_PAGE_SQL}, both null when it holds none. */
export type LinkPage = [seqs: string | null, links: Buffer | null];

const BANG = 33; // '!': the database did not vouch for this event
const COMMA = 44;
const QUOTE = 34;

/**
 * Feeds the events of one {@link LinkPage} to `verifier` in order, until it meets a broken one; returns the number of
 * events the page holds. For an event the database vouched for, its record says exactly what row-by-row
 * verification ({@link ChainVerifier.addContent}) reads from the stored text: the content is valid UTF-8 text whose
 * SHA-256 is the stored hash, and `contentPosition` of it gives this prevHash, stream and streamSeq (kw_chain_link
 * accepts only the plain ASCII form of that ending). Every other event is read whole with `storedRow` and verified
 * row by row, so the result is always exactly that of row-by-row verification.
 */
export function feedLinkPage(verifier: ChainVerifier, page: LinkPage, storedRow: StoredRow): number {
  const [seqs, links] = page;
  if (seqs === null || links === null) return 0;
  let i = 0;
  let r = 0;
  let events = 0;
  let c: number;
  while (i < seqs.length) {
    let seq = 0;
    while (i < seqs.length && (c = seqs.charCodeAt(i++)) !== COMMA) seq = seq * 10 + (c - 48);
    if (links[r] === BANG) {
      r++;
      addStoredRow(verifier, seq, storedRow);
    } else {
      const hash = links.toString('latin1', r, r + 64);
      const prevHash = links.toString('latin1', r + 64, r + 128);
      r += 128;
      let streamSeq = 0;
      while (r < links.length && (c = links[r++]) !== COMMA) streamSeq = streamSeq * 10 + (c - 48);
      const s = r;
      while (r < links.length && links[r] !== QUOTE) r++;
      const stream = links.toString('latin1', s, r++);
      verifier.addRead(seq, { stream, streamSeq, prevHash }, hash, hash);
    }
    events++;
    if (!verifier.intact) break;
  }
  return events;
}

/**
 * A read-only connection of its own to a SQLite file for a long scan, memory-mapped, with the SHA-256 extension
 * loaded when `native` and it loads. `native` in the result says whether it did.
 */
export function openScanConnection(file: string, native: boolean): { conn: SqliteDatabase; native: boolean } {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    conn.pragma(`mmap_size = ${SCAN_MMAP_BYTES}`); // read through the page cache without a system call per page
    return { conn, native: native && loadSha256Extension(conn) };
  } catch (e) {
    conn.close();
    throw e;
  }
}

/**
 * Verifies the events with `from < seq <= to` read through `conn` (which the caller keeps in one read transaction):
 * hashed inside SQLite ({@link feedLinkPage}) when `native` (the extension is loaded on `conn`), else in
 * JavaScript ({@link feedContentPage}). Yields after each window, so that a caller can report progress; stops at the
 * first broken event.
 */
export function* verifyWindows(conn: SqliteDatabase, native: boolean, verifier: ChainVerifier, from: number, to: number): Generator<void> {
  const storedRow = storedRowReader(conn);
  if (!native) {
    for (const page of contentPages(conn, from, to)) {
      feedContentPage(verifier, page, storedRow);
      if (!verifier.intact) return;
      yield;
    }
    return;
  }
  const stmt = conn.prepare(LINK_PAGE_SQL).raw(true);
  for (let lo = from; lo < to; lo += CONTENT_WINDOW) {
    feedLinkPage(verifier, stmt.get(lo, Math.min(to, lo + CONTENT_WINDOW)) as LinkPage, storedRow);
    if (!verifier.intact) return;
    yield;
  }
}

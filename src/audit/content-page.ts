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
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { ChainVerifier, contentPositionBytes } from './hash-chain';

/**
 * Events with `from < seq <= to`, as {@link ContentPage}. Parameters: from, to. All five aggregates run over the
 * same rows in the same order, in one statement. (Three lists of numbers cost the database less than one list of
 * concatenated triples.)
 */
export const CONTENT_PAGE_SQL = `SELECT
    group_concat(seq, ',') AS seqs,
    group_concat(octet_length(hash), ',') AS hash_lengths,
    group_concat(octet_length(content), ',') AS content_lengths,
    CAST(group_concat(hash, '') AS BLOB) AS hashes,
    CAST(group_concat(content, '') AS BLOB) AS body
  FROM audit_event WHERE seq > ? AND seq <= ?`;

/**
 * One window of events, all null when it holds none: the seqs, the byte lengths of the stored hashes and of the
 * stored contents (each a comma-separated list of whole numbers), all stored hashes, all stored contents.
 */
export type ContentPage = [seqs: string | null, hashLengths: string | null, contentLengths: string | null, hashes: Buffer | null, body: Buffer | null];

/**
 * Bytes of the SQLite file a read-only scan maps into memory (SQLite's default upper limit, SQLITE_MAX_MMAP_SIZE):
 * pages are read without a system call each.
 */
export const SCAN_MMAP_BYTES = 0x7fff0000;

/** Seq numbers per window: about 1.3 MB of page at typical event sizes. */
export const CONTENT_WINDOW = 1000;

/**
 * Feeds the events of one page to `verifier` in order, until it meets a broken one. Returns the number of events
 * the page holds. Each content is hashed where it lies in `body`; its position is read from its last
 * (at most TAIL_BYTES) bytes decoded as Latin-1 ({@link contentPositionBytes}); the stored hashes are read from one
 * decoding of all hashes, and decoded again as UTF-8 where one does not match (so a report shows a damaged hash
 * exactly as stored).
 */
export function feedContentPage(verifier: ChainVerifier, page: ContentPage): number {
  const [seqs, hashLengths, contentLengths, hashes, body] = page;
  if (seqs === null || hashLengths === null || contentLengths === null || hashes === null || body === null) return 0;
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
    const pos = contentPositionBytes(body, b, end);
    const computed = typeof pos === 'string' ? '' : hash('sha256', body.subarray(b, end), 'hex');
    // The stored hash as the row holds it; read again as UTF-8 only where it does not match (a damaged value).
    const stored = hashLength === computed.length && hashText.startsWith(computed, h) ? computed : hashes.toString('utf8', h, h + hashLength);
    verifier.addRead(seq, pos, stored, computed);
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

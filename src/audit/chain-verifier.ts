/**
 * Verifying the hash chains (docs/audit-format.md section 5): one path for SQLite and PostgreSQL, in plain JavaScript.
 *
 * Each stored event is read as the database keeps it: its global `seq`, the canonical text that was hashed
 * (`content`), the stored `hash`, and its position in the chain — `stream`, `stream_seq` and `prev_hash` — which the
 * database generates from that same text (generated columns, so they cannot disagree with it). The verifier hashes
 * the text as it is (one SHA-256, no JSON parse) and links the event to the head of its stream.
 */
import { hash as sha256 } from 'node:crypto';
import { Anchor, AnchorCheck, byStream, checkAnchor, normalizeHeads } from './anchor';
import { GENESIS_HASH, StreamHead } from './canonical-event';
import { quoteJsonString } from './canonical-json';

/**
 * One stored event as read with {@link STORED_EVENT_COLUMNS}: seq (PostgreSQL returns BIGINT as a string), the hashed
 * text, the stored hash, and stream, streamSeq and prevHash as the database reads them from the text.
 */
export type StoredEvent = [
  seq: number | string,
  content: string | Buffer,
  hash: string,
  stream: string,
  streamSeq: number | string,
  prevHash: string | null,
];

/** The columns of `audit_event` that make a {@link StoredEvent}, in its order. */
export const STORED_EVENT_COLUMNS = 'seq, content, hash, stream, stream_seq, prev_hash';

export type BrokenReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'stream-seq-gap' | 'seq-order';

export type BrokenEvent = {
  seq: number;
  stream: string;
  streamSeq: number;
  reason: BrokenReason;
  /** What the chain requires at this point (recomputed hash, previous hash, next streamSeq, `> lastSeq`). */
  expected: string;
  /** What the row holds. */
  found: string;
};

export type VerifyResult = {
  /** The chain is intact (and, when anchors were given, every anchor holds). */
  ok: boolean;
  /** Events verified intact. Counting stops at the first broken event, which is not counted. */
  checked: number;
  /** Number of streams seen (= heads.length). */
  streams: number;
  /** Last intact event per stream, sorted by stream (UTF-16 code units). Suitable for `formatAnchor`. */
  heads: StreamHead[];
  firstBroken?: BrokenEvent;
  /** One result per anchor passed in the options, in the same order. */
  anchors?: AnchorCheck[];
};

export type VerifierOptions = {
  /** Anchors to check against the chain; positions they name are remembered while verifying. */
  anchors?: readonly Anchor[];
  /**
   * Continue from known-good heads (an anchor's) instead of from genesis: only events after these heads may follow.
   * `lastSeq` is the global seq below which no event is read.
   */
  start?: { heads: readonly StreamHead[]; lastSeq: number };
};

/**
 * Streaming verifier. Feed stored events in ascending global `seq` order with {@link add}; it keeps one head per
 * stream (memory is O(streams), not O(events)). After the first broken event further rows are ignored, so
 * `firstBroken` always names the earliest problem and `checked` counts only the events before it.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, { streamSeq: number; hash: string }>();
  private readonly anchors: readonly Anchor[];
  /** stream → (streamSeq → hash once seen) for the positions named by the anchors. */
  private readonly watch: Map<string, Map<number, string | undefined>> | null;
  private lastSeq: number;
  private count = 0;
  private broken: BrokenEvent | undefined;

  constructor(options: VerifierOptions = {}) {
    this.anchors = options.anchors ?? [];
    this.lastSeq = options.start?.lastSeq ?? 0;
    for (const h of normalizeHeads(options.start?.heads ?? [])) this.heads.set(h.stream, { streamSeq: h.streamSeq, hash: h.hash });
    if (this.anchors.length === 0) {
      this.watch = null;
    } else {
      this.watch = new Map();
      for (const anchor of this.anchors) {
        for (const h of anchor.heads) {
          let positions = this.watch.get(h.stream);
          if (positions === undefined) this.watch.set(h.stream, (positions = new Map<number, string | undefined>()));
          positions.set(h.streamSeq, undefined);
        }
      }
    }
  }

  /** False once a broken event has been seen. */
  get intact(): boolean {
    return this.broken === undefined;
  }

  /** Events verified intact so far. */
  get checked(): number {
    return this.count;
  }

  /** Verifies the next stored event (events must come in ascending `seq` order). Ignored after the first broken one. */
  add(row: StoredEvent): void {
    if (this.broken !== undefined) return;
    const seq = typeof row[0] === 'number' ? row[0] : Number(row[0]);
    const stream = row[3];
    const streamSeq = typeof row[4] === 'number' ? row[4] : Number(row[4]);
    const prevHash = row[5];
    const stored = row[2];
    if (!Number.isSafeInteger(seq) || seq <= this.lastSeq) {
      this.fail(seq, stream, streamSeq, 'seq-order', this.lastSeq === 0 ? 'a positive integer' : `> ${this.lastSeq}`, String(row[0]));
      return;
    }
    const head = this.heads.get(stream);
    const expectedStreamSeq = head === undefined ? 1 : head.streamSeq + 1;
    if (streamSeq !== expectedStreamSeq) {
      this.fail(seq, stream, streamSeq, 'stream-seq-gap', String(expectedStreamSeq), String(row[4]));
      return;
    }
    const expectedPrev = head === undefined ? GENESIS_HASH : head.hash;
    if (prevHash !== expectedPrev) {
      this.fail(seq, stream, streamSeq, 'prev-hash-mismatch', expectedPrev, String(prevHash));
      return;
    }
    const content = row[1];
    const computed = typeof content === 'string' || Buffer.isBuffer(content) ? sha256('sha256', content, 'hex') : '(content is not text)';
    if (computed !== stored) {
      this.fail(seq, stream, streamSeq, 'hash-mismatch', computed, String(stored));
      return;
    }
    // The columns must say what the hashed text says. Generated columns cannot be written through SQL, but a STORED one
    // can be edited in the database file, or turned into a plain column (PostgreSQL: DROP EXPRESSION) and updated;
    // the canonical text holds these three keys in a row, near its end.
    const position = `,"prevHash":"${prevHash}","stream":${quoteJsonString(stream)},"streamSeq":${streamSeq},"workflowId":`;
    if (content.lastIndexOf(position) < 0) {
      this.fail(seq, stream, streamSeq, 'hash-mismatch', '(the hashed text at this stream, streamSeq and prevHash)', '(a text that holds another position)');
      return;
    }
    if (head === undefined) this.heads.set(stream, { streamSeq, hash: computed });
    else {
      head.streamSeq = streamSeq;
      head.hash = computed;
    }
    this.lastSeq = seq;
    this.count++;
    if (this.watch !== null) {
      const positions = this.watch.get(stream);
      if (positions !== undefined && positions.has(streamSeq)) positions.set(streamSeq, computed);
    }
  }

  /**
   * Hash of an intact event, if known: the current head of each stream, and the positions named by the anchors
   * given to the constructor. `undefined` for anything else.
   */
  hashAt(stream: string, streamSeq: number): string | undefined {
    const watched = this.watch?.get(stream)?.get(streamSeq);
    if (watched !== undefined) return watched;
    const head = this.heads.get(stream);
    return head !== undefined && head.streamSeq === streamSeq ? head.hash : undefined;
  }

  result(): VerifyResult {
    const heads: StreamHead[] = [];
    for (const [stream, h] of this.heads) heads.push({ stream, streamSeq: h.streamSeq, hash: h.hash });
    heads.sort(byStream);
    const result: VerifyResult = { ok: this.broken === undefined, checked: this.count, streams: heads.length, heads };
    if (this.broken !== undefined) result.firstBroken = { ...this.broken };
    if (this.anchors.length > 0) {
      const lookup = (stream: string, streamSeq: number) => this.hashAt(stream, streamSeq);
      result.anchors = this.anchors.map((a) => checkAnchor(a, lookup));
      if (result.anchors.some((a) => !a.ok)) result.ok = false;
    }
    return result;
  }

  private fail(seq: number, stream: unknown, streamSeq: number, reason: BrokenReason, expected: string, found: string): void {
    this.broken = { seq, stream: String(stream), streamSeq, reason, expected: shownValue(expected), found: shownValue(found) };
  }
}

/** The longest `expected` or `found` a report shows: a hash is 64 characters, a tampered field may be any text. */
export const SHOWN_VALUE_MAX = 200;

/**
 * A stored value as a report shows it: at most {@link SHOWN_VALUE_MAX} characters (a longer one is cut, ending in
 * `…`), and never blank (an empty or blank value is shown as its JSON string, `""`).
 */
export function shownValue(value: string): string {
  const s = value.trim() === '' ? JSON.stringify(value) : value;
  if (s.length <= SHOWN_VALUE_MAX) return s;
  // Cut on a code point, never between the halves of a surrogate pair.
  return `${Array.from(s.slice(0, SHOWN_VALUE_MAX)).slice(0, -2).join('')}…`;
}

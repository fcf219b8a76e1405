/**
 * Verification of a large store in segments that can run in parallel (one worker thread per core), with exactly the
 * result of the sequential verifier — same `ok`, `checked`, `heads`, `firstBroken` and anchor checks.
 *
 * 1. The seq range is cut into segments. Each segment is verified on its own with `openStart`: every check of
 *    docs/audit-format.md section 5 is made, except that the first event of each stream in the segment is accepted
 *    where it stands; those entry points are reported, with the segment's last intact event per stream (exits) and
 *    the hashes of anchored positions seen.
 * 2. The segments are joined in order: each entry point must continue the heads left by the segments before it
 *    (streamSeq one higher, prevHash equal to the head's hash, or 1 and the genesis hash for a new stream).
 * 3. The first segment that is broken, internally or at a join, is verified again sequentially, starting from the
 *    joined heads, so the first broken event, `checked` and `heads` are exactly what the sequential verifier reports.
 *
 * Pure apart from the callbacks that run a segment; src/audit/verify.worker.ts runs one segment in a worker thread.
 */
import {
  Anchor,
  checkAnchor,
  ChainVerifier,
  GENESIS_HASH,
  SegmentEntry,
  StreamHead,
  VerifyResult,
} from './hash-chain';

/** A half-open seq range: events with `from < seq <= to`. */
export interface SegmentRange {
  from: number;
  to: number;
}

/** What verifying one segment on its own reports (plain data: it crosses a worker-thread boundary). */
export interface SegmentResult extends SegmentRange {
  intact: boolean;
  /** Events verified intact (all of them when intact). */
  checked: number;
  entries: SegmentEntry[];
  /** Last intact event of each stream in the segment. */
  exits: StreamHead[];
  /** Hashes of the anchored positions met in the segment (before any break). */
  watched: StreamHead[];
}

/** A stored event: its seq, canonical text (`content`) and stored hash. */
export interface StoredEvent {
  seq: number;
  content: string;
  hash: string;
}

/** Verifies one segment's events (ascending seq, all within the range) without knowing the heads before it. */
export function verifySegment(range: SegmentRange, rows: Iterable<StoredEvent>, anchors: readonly Anchor[] = [], onProgress?: (checked: number) => void): SegmentResult {
  const v = new ChainVerifier({ openStart: true, start: { heads: [], lastSeq: range.from }, anchors });
  let n = 0;
  for (const row of rows) {
    v.addContent(row.seq, row.content, row.hash);
    if (!v.intact) break;
    if (onProgress !== undefined && ++n % 10_000 === 0) onProgress(v.checked);
  }
  return segmentResult(range, v, anchors);
}

/** The {@link SegmentResult} of a verifier that has been fed one segment. */
export function segmentResult(range: SegmentRange, v: ChainVerifier, anchors: readonly Anchor[]): SegmentResult {
  const watched: StreamHead[] = [];
  for (const a of anchors) {
    for (const h of a.heads) {
      const hash = v.hashAt(h.stream, h.streamSeq);
      if (hash !== undefined) watched.push({ stream: h.stream, streamSeq: h.streamSeq, hash });
    }
  }
  return { ...range, intact: v.intact, checked: v.checked, entries: [...v.entries], exits: v.result().heads, watched };
}

/** Cuts `[minSeq, maxSeq]` into at most `parts` ranges of about equal width. */
export function splitRange(minSeq: number, maxSeq: number, parts: number): SegmentRange[] {
  const from0 = minSeq - 1;
  const width = Math.max(1, Math.ceil((maxSeq - from0) / Math.max(1, parts)));
  const out: SegmentRange[] = [];
  for (let from = from0; from < maxSeq; from += width) out.push({ from, to: Math.min(maxSeq, from + width) });
  return out;
}

/**
 * Joins segment results (in seq order). `reverify` must verify the given segment sequentially with a verifier built
 * from the options passed (start heads and anchors), stopping at the first broken event, and return that verifier.
 */
export async function joinSegments(
  results: readonly SegmentResult[],
  anchors: readonly Anchor[],
  reverify: (range: SegmentRange, verifier: ChainVerifier) => Promise<ChainVerifier>,
): Promise<VerifyResult> {
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  const watched = new Map<string, string>();
  const key = (stream: string, streamSeq: number) => `${streamSeq}\n${stream}`;
  let checked = 0;
  for (const seg of results) {
    const joins = seg.entries.every((e) => {
      const h = heads.get(e.stream);
      return h === undefined ? e.streamSeq === 1 && e.prevHash === GENESIS_HASH : e.streamSeq === h.streamSeq + 1 && e.prevHash === h.hash;
    });
    if (!seg.intact || !joins) {
      const start: StreamHead[] = [...heads].map(([stream, h]) => ({ stream, streamSeq: h.streamSeq, hash: h.hash }));
      const v = await reverify(seg, new ChainVerifier({ start: { heads: start, lastSeq: seg.from }, anchors }));
      const partial = v.result();
      if (partial.firstBroken !== undefined) {
        const result: VerifyResult = { ok: false, checked: checked + partial.checked, streams: partial.streams, heads: partial.heads, firstBroken: partial.firstBroken };
        if (anchors.length > 0) result.anchors = anchors.map((a) => checkAnchor(a, (s, n) => watched.get(key(s, n)) ?? v.hashAt(s, n)));
        return result;
      }
      // Not broken after all when verified from the real heads (cannot happen; handled rather than assumed).
      checked += partial.checked;
      for (const x of partial.heads) heads.set(x.stream, { streamSeq: x.streamSeq, hash: x.hash });
      for (const a of anchors) for (const h of a.heads) {
        const hash = v.hashAt(h.stream, h.streamSeq);
        if (hash !== undefined) watched.set(key(h.stream, h.streamSeq), hash);
      }
      continue;
    }
    checked += seg.checked;
    for (const x of seg.exits) heads.set(x.stream, { streamSeq: x.streamSeq, hash: x.hash });
    for (const w of seg.watched) watched.set(key(w.stream, w.streamSeq), w.hash);
  }
  const finalHeads = [...heads].map(([stream, h]) => ({ stream, streamSeq: h.streamSeq, hash: h.hash }));
  finalHeads.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  const result: VerifyResult = { ok: true, checked, streams: finalHeads.length, heads: finalHeads };
  if (anchors.length > 0) {
    const byStream = new Map(finalHeads.map((h) => [h.stream, h]));
    result.anchors = anchors.map((a) =>
      checkAnchor(a, (s, n) => watched.get(key(s, n)) ?? (byStream.get(s)?.streamSeq === n ? byStream.get(s)!.hash : undefined)),
    );
    result.ok = result.anchors.every((a) => a.ok);
  }
  return result;
}

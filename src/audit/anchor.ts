/**
 * Anchors (docs/audit-format.md section 8): the heads of every stream at one moment, published outside the database.
 *
 * An anchor has two parts:
 *   - the anchor LINE, short enough for a PS decision or a letter:
 *       kaderwijzer-anchor v1 <at> <digest> <streams>
 *     where <digest> = SHA-256 hex of canonicalJson(heads sorted by stream), each head {hash, stream, streamSeq};
 *   - the anchor FILE, the heads list itself (JSON). It needs no protection: the digest in the published line
 *     authenticates it, and a missing or altered file makes the check fail, never pass.
 * Checking: for every head in the file, the current chain must contain the event (stream, streamSeq) with exactly
 * that hash. Because each hash covers the previous one, that proves every event up to the anchor is unchanged, so
 * even a consistent rewrite of the whole database (all hashes recomputed) is detected.
 */
import { canonicalJson } from './canonical-json';
import { HEX64, ISO_UTC_MS, sha256Hex, StreamHead } from './canonical-event';

export const ANCHOR_PREFIX = 'kaderwijzer-anchor';
export const ANCHOR_VERSION = 'v1';

/** The parsed anchor line. */
export type AnchorLine = { version: 'v1'; at: string; digest: string; streams: number };

/** An anchor line together with the heads it pins (from the anchor file), checked to match. */
export type Anchor = AnchorLine & { heads: StreamHead[] };

export type AnchorCheck = {
  ok: boolean;
  at: string;
  streams: number;
  /** Set when not ok: the anchored event is absent from the chain, or present with another hash. */
  reason?: 'head-missing' | 'head-changed';
  stream?: string;
  streamSeq?: number;
  /** The global seq of the anchored event where it is still present (filled in by the database verifier). */
  seq?: number;
  expected?: string;
  found?: string;
};

/** Thrown for a malformed anchor line or an anchor file that does not belong to the line. */
export class AnchorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorError';
  }
}

export function byStream(a: StreamHead, b: StreamHead): number {
  return a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0; // UTF-16 code-unit order
}

export function normalizeHeads(heads: readonly StreamHead[]): StreamHead[] {
  const out = heads.map((h) => {
    if (typeof h?.stream !== 'string' || h.stream === '') throw new AnchorError('head stream must be a non-empty string');
    if (typeof h.streamSeq !== 'number' || !Number.isSafeInteger(h.streamSeq) || h.streamSeq < 1) {
      throw new AnchorError(`head streamSeq of stream ${h.stream} must be a positive integer`);
    }
    if (typeof h.hash !== 'string' || !HEX64.test(h.hash)) {
      throw new AnchorError(`head hash of stream ${h.stream} must be 64 lowercase hex characters`);
    }
    return { stream: h.stream, streamSeq: h.streamSeq, hash: h.hash };
  });
  out.sort(byStream);
  for (let i = 1; i < out.length; i++) {
    if (out[i].stream === out[i - 1].stream) throw new AnchorError(`stream ${out[i].stream} appears twice`);
  }
  return out;
}

/** SHA-256 hex of the canonical JSON of the heads sorted by stream. */
export function anchorDigest(heads: readonly StreamHead[]): string {
  return sha256Hex(canonicalJson(normalizeHeads(heads)));
}

/** `kaderwijzer-anchor v1 <at> <digest> <streams>`; `at` is ISO 8601 UTC with milliseconds. */
export function formatAnchor(heads: readonly StreamHead[], at: string): string {
  if (typeof at !== 'string' || !ISO_UTC_MS.test(at)) {
    throw new AnchorError('anchor time must be ISO 8601 UTC with milliseconds');
  }
  return `${ANCHOR_PREFIX} ${ANCHOR_VERSION} ${at} ${anchorDigest(heads)} ${heads.length}`;
}

/** The anchor file to keep with the line: `{"anchor": <line>, "heads": [...]}`, one head per line, sorted. */
export function formatAnchorFile(heads: readonly StreamHead[], at: string): string {
  const line = formatAnchor(heads, at);
  const sorted = normalizeHeads(heads);
  const body = sorted.map((h) => '    ' + JSON.stringify(h)).join(',\n');
  return `{\n  "anchor": ${JSON.stringify(line)},\n  "heads": [${sorted.length === 0 ? '' : '\n' + body + '\n  '}]\n}\n`;
}

export function parseAnchorLine(line: string): AnchorLine {
  const parts = String(line).trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] !== ANCHOR_PREFIX) {
    throw new AnchorError(`not an anchor line (expected "${ANCHOR_PREFIX} v1 <at> <digest> <streams>")`);
  }
  const [, version, at, digest, streams] = parts;
  if (version !== ANCHOR_VERSION) throw new AnchorError(`unsupported anchor version ${version}`);
  if (!ISO_UTC_MS.test(at)) throw new AnchorError('anchor time must be ISO 8601 UTC with milliseconds');
  if (!HEX64.test(digest)) throw new AnchorError('anchor digest must be 64 lowercase hex characters');
  if (!/^(0|[1-9]\d{0,15})$/.test(streams)) throw new AnchorError('anchor stream count must be a whole number');
  return { version: ANCHOR_VERSION, at, digest, streams: Number(streams) };
}

/**
 * Combines a published anchor line with its anchor file (JSON text, or the parsed object / a bare heads array)
 * and checks that the file is the one the line was made from (digest and stream count).
 */
export function parseAnchor(line: string, file: string | { heads: readonly StreamHead[] } | readonly StreamHead[]): Anchor {
  const parsed = parseAnchorLine(line);
  let data: unknown = file;
  if (typeof file === 'string') {
    try {
      data = JSON.parse(file);
    } catch {
      throw new AnchorError('anchor file is not valid JSON');
    }
  }
  const rawHeads: unknown = Array.isArray(data) ? data : (data as { heads?: unknown } | null)?.heads;
  if (!Array.isArray(rawHeads)) throw new AnchorError('anchor file has no "heads" array');
  const heads = normalizeHeads(rawHeads as StreamHead[]);
  if (heads.length !== parsed.streams) {
    throw new AnchorError(`anchor file has ${heads.length} streams, the anchor line says ${parsed.streams}`);
  }
  const digest = sha256Hex(canonicalJson(heads));
  if (digest !== parsed.digest) {
    throw new AnchorError(`anchor file does not match the anchor line (digest ${digest}, line says ${parsed.digest})`);
  }
  return { ...parsed, heads };
}

/**
 * For each head pinned by the anchor, `lookup(stream, streamSeq)` must return exactly the anchored hash (the hash
 * of that event in the current, verified chain; `undefined` when it has no such event). Reports the first stream
 * (in stream order) that fails.
 */
export function checkAnchor(
  anchor: Anchor,
  lookup: (stream: string, streamSeq: number) => string | undefined,
): AnchorCheck {
  for (const h of anchor.heads) {
    const found = lookup(h.stream, h.streamSeq);
    if (found !== h.hash) {
      return {
        ok: false,
        at: anchor.at,
        streams: anchor.streams,
        reason: found === undefined ? 'head-missing' : 'head-changed',
        stream: h.stream,
        streamSeq: h.streamSeq,
        expected: h.hash,
        found: found ?? '(no such event)',
      };
    }
  }
  return { ok: true, at: anchor.at, streams: anchor.streams };
}

/**
 * The audit trail's hash chain: how an event's hash is computed, how the next event of a stream is sealed, how a
 * sequence of rows is verified, and the anchor line that pins the chain heads outside the database.
 *
 * Framework-free on purpose (only node:crypto): the API, the CLI and the tests share this one definition.
 * docs/audit-format.md is the normative description for auditors; scripts/verify-audit-export.mjs is an
 * independent re-implementation that must agree with this file.
 */
import { hash as nodeHash } from 'node:crypto';
import { CanonicalJsonError, canonicalJson, canonicalJsonObject, needsJsonEscape, quoteJsonString } from './canonical-json';

/** `prevHash` of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stream for events that do not belong to a dossier (users, tokens, workflow definitions). */
export const SYSTEM_STREAM = 'system';

/** The JSON object stored as an event's payload (before/after, requirement evaluation, …). */
export type AuditPayload = Record<string, unknown>;

/** Everything that is hashed: all fields of an `audit_event` row except `seq` and `hash`. */
export type AuditEventContent = {
  /** The dossier id for dossier events, {@link SYSTEM_STREAM} otherwise. */
  stream: string;
  /** 1-based position within `stream`. */
  streamSeq: number;
  /** uuid of the event. */
  id: string;
  /** ISO 8601 UTC with milliseconds, e.g. `2025-03-04T09:15:00.000Z`. */
  occurredAt: string;
  actorId: string;
  actorRoles: readonly string[];
  /** e.g. `dossier.created`, `transition.done`, `transition.refused`. */
  action: string;
  dossierId: string | null;
  workflowId: string | null;
  workflowVersion: string | null;
  payload: AuditPayload;
  /** Hash of the previous event in the same stream, {@link GENESIS_HASH} for the first one. */
  prevHash: string;
};

/** One `audit_event` row, and one line of the JSON Lines export. */
export type AuditEventRow = AuditEventContent & {
  /** Global 1-based order assigned by the database; NOT hashed (it may differ after a copy). */
  seq: number;
  /** SHA-256 (lowercase hex) of the canonical JSON of the content. */
  hash: string;
};

/** An event as the application builds it, before it is linked into its stream. */
export type UnsealedAuditEvent = Omit<AuditEventContent, 'prevHash' | 'streamSeq'>;

/** The last event of a stream, as far as it is known. */
export type StreamHead = { stream: string; streamSeq: number; hash: string };

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Thrown when an event does not have the shape required by the format. */
export class AuditFormatError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'AuditFormatError';
  }
}

/** SHA-256 of the UTF-8 bytes of `text`, lowercase hex. */
export function sha256Hex(text: string): string {
  return nodeHash('sha256', text, 'hex'); // strings are hashed as their UTF-8 bytes
}

// ---------------------------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------------------------

function str(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new AuditFormatError(`audit event field ${field} must be a string`);
  return quoteJsonString(v);
}

function nullableStr(v: unknown, field: string): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') throw new AuditFormatError(`audit event field ${field} must be a string or null`);
  return quoteJsonString(v);
}

function roles(v: unknown): string {
  if (!Array.isArray(v)) throw new AuditFormatError('audit event field actorRoles must be an array of strings');
  let out = '[';
  for (let i = 0; i < v.length; i++) {
    const r: unknown = v[i];
    if (typeof r !== 'string') throw new AuditFormatError('audit event field actorRoles must be an array of strings');
    out += (i === 0 ? '' : ',') + quoteJsonString(r);
  }
  return out + ']';
}

function positiveInt(v: unknown, field: string): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    throw new AuditFormatError(`audit event field ${field} must be a positive integer`);
  }
  return String(v);
}

/** The canonical JSON text of a payload (which must be a plain JSON object). */
export function canonicalPayload(payload: unknown): string {
  try {
    return canonicalJsonObject(payload);
  } catch (e) {
    if (e instanceof CanonicalJsonError) throw new CanonicalJsonError(e.reason, '$.payload' + e.path.slice(1));
    throw e;
  }
}

/**
 * The canonical JSON of the hashed content, with the payload given as its canonical JSON text: the text the
 * database keeps as `content` and the hash is computed over. The keys are written out pre-sorted (UTF-16 order:
 * action, actorId, actorRoles, dossierId, id, occurredAt, payload, prevHash, stream, streamSeq, workflowId,
 * workflowVersion); the unit tests assert the result equals `canonicalJson` of the picked fields.
 *
 * Fast path: every field has the right type and no string needs escaping (true for uuids, hashes, ISO times,
 * role and action names), so strings go between quotes as they are. Anything else takes the checked path.
 */
export function canonicalEventText(c: Omit<AuditEventContent, 'payload'>, payloadText: string): string {
  const action = c.action;
  const actorId = c.actorId;
  const actorRoles = c.actorRoles;
  const dossierId = c.dossierId;
  const id = c.id;
  const occurredAt = c.occurredAt;
  const prevHash = c.prevHash;
  const stream = c.stream;
  const streamSeq = c.streamSeq;
  const workflowId = c.workflowId;
  const workflowVersion = c.workflowVersion;
  if (
    typeof action === 'string' &&
    !needsJsonEscape(action) &&
    typeof actorId === 'string' &&
    !needsJsonEscape(actorId) &&
    typeof id === 'string' &&
    !needsJsonEscape(id) &&
    typeof occurredAt === 'string' &&
    !needsJsonEscape(occurredAt) &&
    typeof prevHash === 'string' &&
    !needsJsonEscape(prevHash) &&
    typeof stream === 'string' &&
    !needsJsonEscape(stream) &&
    (dossierId === null || (typeof dossierId === 'string' && !needsJsonEscape(dossierId))) &&
    (workflowId === null || (typeof workflowId === 'string' && !needsJsonEscape(workflowId))) &&
    (workflowVersion === null || (typeof workflowVersion === 'string' && !needsJsonEscape(workflowVersion))) &&
    Number.isSafeInteger(streamSeq) &&
    streamSeq >= 1 &&
    Array.isArray(actorRoles)
  ) {
    let roleList = '';
    let plain = true;
    for (let i = 0; i < actorRoles.length; i++) {
      const role: unknown = actorRoles[i];
      if (typeof role !== 'string' || needsJsonEscape(role)) {
        plain = false;
        break;
      }
      roleList += (i === 0 ? '"' : ',"') + role + '"';
    }
    if (plain) {
      return (
        '{"action":"' +
        action +
        '","actorId":"' +
        actorId +
        '","actorRoles":[' +
        roleList +
        '],"dossierId":' +
        (dossierId === null ? 'null' : '"' + dossierId + '"') +
        ',"id":"' +
        id +
        '","occurredAt":"' +
        occurredAt +
        '","payload":' +
        payloadText +
        ',"prevHash":"' +
        prevHash +
        '","stream":"' +
        stream +
        '","streamSeq":' +
        String(streamSeq) +
        ',"workflowId":' +
        (workflowId === null ? 'null' : '"' + workflowId + '"') +
        ',"workflowVersion":' +
        (workflowVersion === null ? 'null' : '"' + workflowVersion + '"') +
        '}'
      );
    }
  }
  return checkedEnvelope(c, payloadText);
}

/** Same output as the fast path of {@link canonicalEventText}, escaping strings and naming the first bad field. */
function checkedEnvelope(c: Omit<AuditEventContent, 'payload'>, payloadText: string): string {
  return (
    '{"action":' +
    str(c.action, 'action') +
    ',"actorId":' +
    str(c.actorId, 'actorId') +
    ',"actorRoles":' +
    roles(c.actorRoles) +
    ',"dossierId":' +
    nullableStr(c.dossierId, 'dossierId') +
    ',"id":' +
    str(c.id, 'id') +
    ',"occurredAt":' +
    str(c.occurredAt, 'occurredAt') +
    ',"payload":' +
    payloadText +
    ',"prevHash":' +
    str(c.prevHash, 'prevHash') +
    ',"stream":' +
    str(c.stream, 'stream') +
    ',"streamSeq":' +
    positiveInt(c.streamSeq, 'streamSeq') +
    ',"workflowId":' +
    nullableStr(c.workflowId, 'workflowId') +
    ',"workflowVersion":' +
    nullableStr(c.workflowVersion, 'workflowVersion') +
    '}'
  );
}

/**
 * The exact text that is hashed: `canonicalJson` of the twelve content fields. Other properties (`seq`, `hash`,
 * anything else on the object) are ignored.
 */
export function canonicalEventContent(c: AuditEventContent): string {
  return canonicalEventText(c, canonicalPayload(c.payload));
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of {@link canonicalEventContent}. */
export function hashEvent(content: AuditEventContent): string {
  return sha256Hex(canonicalEventText(content, canonicalPayload(content.payload)));
}

/**
 * One line of the JSON Lines export (without the newline): the canonical JSON of the fourteen row fields, so
 * `{"action":…,"hash":…,…,"seq":…,…}`. Lines must be exactly this text: the offline verifier rejects a line that
 * is not canonical, so that what a reader sees is what was hashed. Throws for a malformed row.
 */
export function formatExportLine(row: AuditEventRow): string {
  canonicalEventContent(row); // validates the content fields
  if (!Number.isSafeInteger(row.seq) || row.seq < 1) throw new AuditFormatError('audit event seq must be a positive integer');
  if (typeof row.hash !== 'string' || !HEX64.test(row.hash)) {
    throw new AuditFormatError('audit event hash must be 64 lowercase hex characters');
  }
  return canonicalJson({
    seq: row.seq,
    stream: row.stream,
    streamSeq: row.streamSeq,
    id: row.id,
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorRoles: row.actorRoles,
    action: row.action,
    dossierId: row.dossierId,
    workflowId: row.workflowId,
    workflowVersion: row.workflowVersion,
    payload: row.payload,
    prevHash: row.prevHash,
    hash: row.hash,
  });
}

/**
 * Builds the next event of a stream: `streamSeq` = head + 1 (1 for a new stream), `prevHash` = head hash
 * ({@link GENESIS_HASH} for a new stream), and `hash`. `head` must be the current last event of `event.stream`
 * (the caller reads it inside the same transaction that inserts the result).
 */
export function sealEvent(
  event: UnsealedAuditEvent,
  head: { streamSeq: number; hash: string } | null,
): AuditEventContent & { hash: string } {
  return sealEventText(event, head).sealed;
}

/** {@link sealEvent}, also returning the canonical text that was hashed (what the database stores as `content`). */
export function sealEventText(
  event: UnsealedAuditEvent,
  head: { streamSeq: number; hash: string } | null,
): { sealed: AuditEventContent & { hash: string }; content: string } {
  if (typeof event.stream !== 'string' || event.stream === '') {
    throw new AuditFormatError('audit event stream must be a non-empty string');
  }
  if (typeof event.occurredAt !== 'string' || !ISO_UTC_MS.test(event.occurredAt)) {
    throw new AuditFormatError(
      `audit event occurredAt must be ISO 8601 UTC with milliseconds, got ${JSON.stringify(event.occurredAt)}`,
    );
  }
  if (head !== null) {
    if (!Number.isSafeInteger(head.streamSeq) || head.streamSeq < 1) {
      throw new AuditFormatError('stream head streamSeq must be a positive integer');
    }
    if (typeof head.hash !== 'string' || !HEX64.test(head.hash)) {
      throw new AuditFormatError('stream head hash must be 64 lowercase hex characters');
    }
  }
  const content: AuditEventContent = {
    stream: event.stream,
    streamSeq: head === null ? 1 : head.streamSeq + 1,
    id: event.id,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorRoles: event.actorRoles,
    action: event.action,
    dossierId: event.dossierId,
    workflowId: event.workflowId,
    workflowVersion: event.workflowVersion,
    payload: event.payload,
    prevHash: head === null ? GENESIS_HASH : head.hash,
  };
  const text = canonicalEventContent(content);
  return { sealed: { ...content, hash: sha256Hex(text) }, content: text };
}

/** Where a stored event sits in its chain. */
export type ContentPosition = { stream: string; streamSeq: number; prevHash: string };

const PREV_HASH_KEY = ',"prevHash":"';
const STREAM_KEY = '","stream":"';
const STREAM_SEQ_KEY = '","streamSeq":';
const WORKFLOW_ID_KEY = ',"workflowId":';

/**
 * Reads `stream`, `streamSeq` and `prevHash` from the canonical text of an event without parsing all of it: in
 * canonical form they are the 8th to 10th of the twelve keys, so the text ends in
 * `,"prevHash":"<64 hex>","stream":"<stream>","streamSeq":<n>,"workflowId":…,"workflowVersion":…}`. The last
 * occurrence of `,"prevHash":"` is the top-level key: only strings follow it, and in a JSON string every quote is
 * escaped. Returns what is wrong when the text does not have this shape. It does not check the rest of the text:
 * the hash does (any change to the bytes changes it).
 */
export function contentPosition(text: string): ContentPosition | string {
  return contentPositionIn(text, 0, text.length);
}

/**
 * {@link contentPosition} of `text.slice(from, to)`, without copying it out (`text` may hold many events). The
 * strings returned may share memory with `text`; whoever keeps one long-term stores a copy ({@link ownCopy}).
 */
export function contentPositionIn(text: string, from: number, to: number): ContentPosition | string {
  const k = text.lastIndexOf(PREV_HASH_KEY, to - PREV_HASH_KEY.length);
  if (k < from) return 'no "prevHash" key';
  return positionAt(text, k, to);
}

/** The position read from the `,"prevHash":"` key at `k` (the last one before `to`). */
function positionAt(text: string, k: number, to: number): ContentPosition | string {
  const h = k + PREV_HASH_KEY.length;
  if (h + 64 + STREAM_KEY.length > to || !text.startsWith(STREAM_KEY, h + 64)) return '"prevHash" is not 64 characters followed by "stream"';
  const s = h + 64 + STREAM_KEY.length;
  const e = text.indexOf(STREAM_SEQ_KEY, s);
  if (e < 0 || e + STREAM_SEQ_KEY.length > to) return 'no "streamSeq" after "stream"';
  let stream = text.slice(s, e);
  if (stream.includes('\\')) {
    try {
      stream = JSON.parse(`"${stream}"`) as string;
    } catch {
      return '"stream" is not a JSON string';
    }
  }
  let i = e + STREAM_SEQ_KEY.length;
  let streamSeq = 0;
  const first = i;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i - first < 16 && i < to; c = text.charCodeAt(++i)) streamSeq = streamSeq * 10 + (c - 48);
  if (i === first || i + WORKFLOW_ID_KEY.length > to || !text.startsWith(WORKFLOW_ID_KEY, i)) {
    return '"streamSeq" is not a whole number followed by "workflowId"';
  }
  return { stream, streamSeq, prevHash: text.slice(h, h + 64) };
}

/** Bytes at the end of an event's text that suffice to read its position (its last keys take ~220 bytes). */
export const TAIL_BYTES = 300;

/** {@link contentPosition} of the UTF-8 text `bytes[start, end)`, decoding only its end where that suffices. */
export function contentPositionBytes(bytes: Buffer, start: number, end: number): ContentPosition | string {
  const from = Math.max(start, end - TAIL_BYTES);
  return contentPositionTail(bytes, start, end, bytes.toString('latin1', from, end), 0, end - from);
}

/**
 * {@link contentPosition} of the UTF-8 text `bytes[start, end)`, given `tail.slice(tailFrom, tailTo)`: its last
 * bytes (up to {@link TAIL_BYTES}) decoded as Latin-1, which maps each byte to one character. That reading is used
 * when it finds the position with a stream and prevHash in ASCII: then it is exactly what the whole text, decoded
 * as UTF-8, gives (the tail is the end of the text, the last `,"prevHash":"` in it is the last in the text, and
 * every character read is ASCII). Otherwise the text is decoded and read in full.
 */
export function contentPositionTail(bytes: Buffer, start: number, end: number, tail: string, tailFrom: number, tailTo: number): ContentPosition | string {
  return tailPosition(tail, tailFrom, tailTo) ?? contentPosition(bytes.toString('utf8', start, end));
}

/**
 * The position read from an event's tail, `tail.slice(tailFrom, tailTo)`: its last bytes (up to {@link TAIL_BYTES};
 * all of them for a shorter text) decoded as Latin-1, when that reading is certain to be what the whole text,
 * decoded as UTF-8, gives (see {@link contentPositionTail}); null when the whole text must be read instead.
 */
export function tailPosition(tail: string, tailFrom: number, tailTo: number): ContentPosition | null {
  const p = contentPositionIn(tail, tailFrom, tailTo);
  return typeof p !== 'string' && isAscii(p.stream) && isAscii(p.prevHash) ? p : null;
}

const NOT_ASCII = /[\x7f-\uffff]/;
function isAscii(s: string): boolean {
  return !NOT_ASCII.test(s);
}

/**
 * A copy of `s` that shares no memory with a larger string (a slice of a page of events would otherwise keep the
 * whole page alive for as long as the copy is kept, e.g. as the key of a stream head).
 */
function ownCopy(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

// ---------------------------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------------------------

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
  /** Last intact event per stream, sorted by stream (UTF-16 code units). Suitable for {@link formatAnchor}. */
  heads: StreamHead[];
  firstBroken?: BrokenEvent;
  /** One result per anchor passed in the options, in the same order. */
  anchors?: AnchorCheck[];
};

/** The first event of a stream within a segment verified with `openStart`. */
export type SegmentEntry = {
  stream: string;
  seq: number;
  streamSeq: number;
  prevHash: string;
};

/** The fields the verifier reads besides the hashed content. */
type RowPosition = Pick<AuditEventRow, 'seq' | 'stream' | 'streamSeq' | 'prevHash' | 'hash'>;

export type VerifyOptions = {
  /** Anchors to check against the chain; positions they name are remembered while verifying. */
  anchors?: readonly Anchor[];
  /**
   * Continue from known-good heads (e.g. from a previous verification) instead of from genesis: only events after
   * these heads may follow. `lastSeq` is the global seq of the last event already verified.
   */
  start?: { heads: readonly StreamHead[]; lastSeq: number };
  /**
   * Verify a segment of the store whose preceding heads are not known yet (parallel verification): the first event
   * of a stream not in `start.heads` may have any `streamSeq` and `prevHash`. Those first events are kept in
   * {@link ChainVerifier.entries}; whoever joins the segments must check them against the heads before the segment.
   */
  openStart?: boolean;
  /** Called with the running `checked` count every `progressEvery` events (default 10 000). */
  onProgress?: (checked: number) => void;
  progressEvery?: number;
};

/**
 * Streaming verifier. Feed rows in ascending global `seq` order with {@link add}; it keeps one head per stream
 * (memory is O(streams), not O(events)). After the first broken event further rows are ignored, so
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
  private readonly openStart: boolean;
  private readonly entered: SegmentEntry[] = [];

  constructor(options: Pick<VerifyOptions, 'anchors' | 'start' | 'openStart'> = {}) {
    this.openStart = options.openStart === true;
    this.anchors = options.anchors ?? [];
    this.lastSeq = options.start?.lastSeq ?? 0;
    for (const h of normalizeHeads(options.start?.heads ?? [])) {
      this.heads.set(h.stream, { streamSeq: h.streamSeq, hash: h.hash });
    }
    if (this.anchors.length === 0) {
      this.watch = null;
    } else {
      this.watch = new Map();
      for (const anchor of this.anchors) {
        for (const h of anchor.heads) {
          let positions = this.watch.get(h.stream);
          if (positions === undefined) {
            positions = new Map<number, string | undefined>();
            this.watch.set(h.stream, positions);
          }
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

  /** With `openStart`: the first event of each stream met (that had no start head), in the order met. */
  get entries(): readonly SegmentEntry[] {
    return this.entered;
  }

  /** Verifies the next row (rows must come in ascending `seq` order). Ignored after the first broken event. */
  add(row: AuditEventRow): void {
    if (this.broken !== undefined) return;
    const head = this.link(row);
    if (head === false) return;
    let computed: string;
    try {
      computed = hashEvent(row);
    } catch (e) {
      this.fail(row, 'hash-mismatch', `(content cannot be hashed: ${(e as Error).message})`, String(row.hash));
      return;
    }
    this.commit(row, head, computed);
  }

  /**
   * As {@link add}, for an event as the database keeps it: its canonical text (the `content` column) and stored
   * hash. The text is hashed as it is, and its position in the chain read from its end ({@link contentPosition}),
   * so verifying costs one SHA-256 and no JSON parse. A separate method on purpose: a row never chooses which of
   * the two is hashed.
   */
  addContent(seq: number, content: string, hash: string): void {
    if (this.broken !== undefined) return;
    const pos = typeof content === 'string' ? contentPosition(content) : 'not text';
    this.addRead(seq, pos, hash, typeof pos === 'string' ? '' : sha256Hex(content));
  }

  /**
   * {@link addContent} for a stored event whose canonical text is `bytes[start, end)` as UTF-8. The bytes are
   * hashed where they are.
   */
  addContentBytes(seq: number, bytes: Buffer, start: number, end: number, hash: string): void {
    if (this.broken !== undefined) return;
    const pos = contentPositionBytes(bytes, start, end);
    this.addRead(seq, pos, hash, typeof pos === 'string' ? '' : nodeHash('sha256', bytes.subarray(start, end), 'hex'));
  }

  /**
   * The last step of {@link addContent}, for a reader that has read the event's position from its stored text
   * ({@link contentPositionTail}) and hashed that text itself: src/audit/content-page.ts, which reads pages of
   * events as bytes. `computed` is ignored when the position could not be read.
   */
  addRead(seq: number, pos: ContentPosition | string, hash: string, computed: string): void {
    if (this.broken !== undefined) return;
    if (typeof pos === 'string') {
      const row = { seq, stream: '(unreadable)', streamSeq: 0, prevHash: '', hash };
      if (this.link(row, true) === false) return;
      this.fail(row, 'hash-mismatch', `(content is not a canonical audit event: ${pos})`, String(hash));
      return;
    }
    const row = { seq, stream: pos.stream, streamSeq: pos.streamSeq, prevHash: pos.prevHash, hash };
    const head = this.link(row);
    if (head === false) return;
    this.commit(row, head, computed);
  }

  /**
   * Checks seq order, streamSeq and prevHash; returns the stream head (null for a new stream) or false. With
   * `seqOnly`, only the seq order (for a row whose position could not be read).
   */
  private link(row: RowPosition, seqOnly = false): { streamSeq: number; hash: string } | null | false {
    const seq = row.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= this.lastSeq) {
      this.fail(row, 'seq-order', this.lastSeq === 0 ? 'a positive integer' : `> ${this.lastSeq}`, String(seq));
      return false;
    }
    if (seqOnly) return null;
    const head = this.heads.get(row.stream);
    if (head === undefined && this.openStart) {
      // The stream's previous events lie before this segment: accept its position, to be checked when joining.
      this.entered.push({ stream: ownCopy(row.stream), seq, streamSeq: row.streamSeq, prevHash: ownCopy(String(row.prevHash)) });
      if (!Number.isSafeInteger(row.streamSeq) || row.streamSeq < 1) {
        this.fail(row, 'stream-seq-gap', 'a positive integer', String(row.streamSeq));
        return false;
      }
      return null;
    }
    const expectedStreamSeq = head === undefined ? 1 : head.streamSeq + 1;
    if (row.streamSeq !== expectedStreamSeq) {
      this.fail(row, 'stream-seq-gap', String(expectedStreamSeq), String(row.streamSeq));
      return false;
    }
    const expectedPrev = head === undefined ? GENESIS_HASH : head.hash;
    if (row.prevHash !== expectedPrev) {
      this.fail(row, 'prev-hash-mismatch', expectedPrev, String(row.prevHash));
      return false;
    }
    return head ?? null;
  }

  private commit(row: RowPosition, head: { streamSeq: number; hash: string } | null, computed: string): void {
    if (computed !== row.hash) {
      this.fail(row, 'hash-mismatch', computed, String(row.hash));
      return;
    }
    if (head === null) {
      this.heads.set(ownCopy(row.stream), { streamSeq: row.streamSeq, hash: computed });
    } else {
      head.streamSeq = row.streamSeq;
      head.hash = computed;
    }
    this.lastSeq = row.seq;
    this.count++;
    if (this.watch !== null) {
      const positions = this.watch.get(row.stream);
      if (positions !== undefined && positions.has(row.streamSeq)) positions.set(row.streamSeq, computed);
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

  private fail(row: RowPosition, reason: BrokenReason, expected: string, found: string): void {
    this.broken = { seq: row.seq, stream: ownCopy(String(row.stream)), streamSeq: row.streamSeq, reason, expected: ownCopy(expected), found: ownCopy(found) };
  }
}

/** Verifies rows given in ascending `seq` order; stops reading at the first broken event. */
export function verifyEvents(rows: Iterable<AuditEventRow>, options: VerifyOptions = {}): VerifyResult {
  const verifier = new ChainVerifier(options);
  const every = Math.max(1, options.progressEvery ?? 10_000);
  const onProgress = options.onProgress;
  for (const row of rows) {
    verifier.add(row);
    if (!verifier.intact) break;
    if (onProgress !== undefined && verifier.checked % every === 0) onProgress(verifier.checked);
  }
  return verifier.result();
}

/** {@link verifyEvents} over an async source (a database cursor, a file being read); stops at the first break. */
export async function verifyEventsAsync(
  rows: AsyncIterable<AuditEventRow>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const verifier = new ChainVerifier(options);
  const every = Math.max(1, options.progressEvery ?? 10_000);
  const onProgress = options.onProgress;
  for await (const row of rows) {
    verifier.add(row);
    if (!verifier.intact) break;
    if (onProgress !== undefined && verifier.checked % every === 0) onProgress(verifier.checked);
  }
  return verifier.result();
}

// ---------------------------------------------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------------------------------------------
//
// An anchor pins the head of every stream at one moment. It has two parts:
//   - the anchor LINE, short enough for a PS decision or a letter:
//       kaderwijzer-anchor v1 <at> <digest> <streams>
//     where <digest> = SHA-256 hex of canonicalJson(heads sorted by stream), each head {hash, stream, streamSeq};
//   - the anchor FILE, the heads list itself (JSON). It needs no protection: the digest in the published line
//     authenticates it, and a missing or altered file makes the check fail, never pass.
// Checking: for every head in the file, the current chain must contain the event (stream, streamSeq) with exactly
// that hash. Because each hash covers the previous one, that proves every event up to the anchor is unchanged, so
// even a consistent rewrite of the whole database (all hashes recomputed) is detected.

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

function byStream(a: StreamHead, b: StreamHead): number {
  return a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0; // UTF-16 code-unit order
}

function normalizeHeads(heads: readonly StreamHead[]): StreamHead[] {
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

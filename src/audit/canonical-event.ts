/**
 * The canonical audit event (docs/audit-format.md sections 2–4): its fields, the exact text that is hashed, how the
 * next event of a stream is sealed, and one line of the JSON Lines export.
 *
 * Framework-free on purpose (only node:crypto): the API, the CLI, the migrations and the tests share this one
 * definition. docs/audit-format.md is the normative description for auditors; scripts/verify-audit-export.mjs is an
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

/** 64 lowercase hex digits: a SHA-256. */
export const HEX64 = /^[0-9a-f]{64}$/;
/** ISO 8601 UTC with milliseconds. */
export const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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
  return { sealed: Object.assign(content, { hash: sha256Hex(text) }), content: text };
}

/**
 * Test helper: verify audit rows given as objects (the shape of the export and of `sealEvent`) with the one verifier
 * the application has, by storing them the way the database does — the canonical text that was hashed, the stored
 * hash, and stream, streamSeq and prevHash as the database generates them from the text.
 */
import { AuditEventRow, canonicalEventContent, sha256Hex } from '../../src/audit/canonical-event';
import { ChainVerifier, StoredEvent, VerifierOptions, VerifyResult } from '../../src/audit/chain-verifier';

/** A row as the database keeps it: the content is the canonical text of its fields, the hash as given. */
export function storedEvent(row: AuditEventRow): StoredEvent {
  return [row.seq, canonicalEventContent(row), row.hash, row.stream, row.streamSeq, row.prevHash];
}

/**
 * An event stored as `content` (any text) and `hash`, with the position read from the text as the database's
 * generated columns read it (`json_extract(content, '$.stream')`, …).
 */
export function storedText(seq: number, content: string, hash: string): StoredEvent {
  const parsed = JSON.parse(content) as { stream: string; streamSeq: number; prevHash: string };
  return [seq, content, hash, parsed.stream, parsed.streamSeq, parsed.prevHash];
}

/** Verifies stored events in the order given, stopping at the first broken one. */
export function verifyStored(rows: Iterable<StoredEvent>, options: VerifierOptions = {}): VerifyResult {
  const v = new ChainVerifier(options);
  for (const r of rows) {
    v.add(r);
    if (!v.intact) break;
  }
  return v.result();
}

/** Verifies rows given as objects: each stored as {@link storedEvent}. */
export function verifyRows(rows: Iterable<AuditEventRow>, options: VerifierOptions = {}): VerifyResult {
  return verifyStored([...rows].map(storedEvent), options);
}

/** SHA-256 of the canonical content of a row: the hash it should have. */
export const hashOf = (row: Omit<AuditEventRow, 'seq' | 'hash'>): string => sha256Hex(canonicalEventContent(row));

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { hashOf, storedEvent, storedText, verifyRows as verifyEvents, verifyStored } from '../../test/support/chain';
import { Anchor, AnchorError, anchorDigest, checkAnchor, formatAnchor, formatAnchorFile, parseAnchor, parseAnchorLine } from './anchor';
import {
  AuditEventContent,
  AuditEventRow,
  GENESIS_HASH,
  UnsealedAuditEvent,
  canonicalEventContent,
  canonicalEventText,
  canonicalPayload,
  sealEvent,
  sealEventText,
} from './canonical-event';
import { ChainVerifier, StoredEvent, VerifierOptions as VerifyOptions, VerifyResult } from './chain-verifier';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const CONTENT_FIELDS = [
  'stream',
  'streamSeq',
  'id',
  'occurredAt',
  'actorId',
  'actorRoles',
  'action',
  'dossierId',
  'workflowId',
  'workflowVersion',
  'payload',
  'prevHash',
] as const;

function pick(row: AuditEventContent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CONTENT_FIELDS) out[f] = row[f];
  return out;
}

const DOSSIERS = ['3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18', '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'];

function unsealed(stream: string, i: number): UnsealedAuditEvent {
  const dossier = stream === 'system' ? null : stream;
  return {
    stream,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    occurredAt: new Date(Date.UTC(2025, 2, 3, 9) + i * 61_000).toISOString(),
    actorId: `user-${i % 3}`,
    actorRoles: i % 2 ? ['beleidsmedewerker'] : ['teamleider', 'griffie'],
    action: dossier === null ? 'user.created' : i % 5 === 0 ? 'transition.refused' : 'transition.done',
    dossierId: dossier,
    workflowId: dossier === null ? null : 'drenthe-verbindend-besturen',
    workflowVersion: dossier === null ? null : '2021',
    payload: dossier === null ? { user: `user-${i}`, roles: ['teamleider'] } : {
      before: { phase: 'voorbereiding-beleid', version: i },
      after: { phase: 'ontwikkeling-voorstel', version: i + 1 },
      evaluation: [{ id: 'G2-01', status: i % 5 === 0 ? 'unmet' : 'met', label: 'Startnotitie “participatie”' }],
      note: i % 7 === 0 ? 'regel 1\nregel 2 — Ëén "quote"' : undefined,
    },
  };
}

/** Interleaves `perStream` events over the system stream and two dossiers, with gaps in seq (as a DB may). */
function buildChain(perStream: number): AuditEventRow[] {
  const streams = ['system', ...DOSSIERS];
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  const rows: AuditEventRow[] = [];
  let seq = 0;
  for (let i = 0; i < perStream * streams.length; i++) {
    const stream = streams[(i * 7) % streams.length];
    const sealed = sealEvent(unsealed(stream, i), heads.get(stream) ?? null);
    heads.set(stream, sealed);
    seq += i % 4 === 3 ? 2 : 1;
    rows.push({ seq, ...sealed });
  }
  return rows;
}

/** Deep copy, so a test can tamper without touching the shared chain. */
const copy = (rows: AuditEventRow[]): AuditEventRow[] => JSON.parse(JSON.stringify(rows));

/** Recompute streamSeq, prevHash and hash of every event of `stream` (a forger who rewrites consistently). */
function reseal(rows: AuditEventRow[], stream: string): AuditEventRow[] {
  let head: { streamSeq: number; hash: string } | null = null;
  return rows.map((r) => {
    if (r.stream !== stream) return r;
    const { seq, hash: _h, prevHash: _p, streamSeq: _s, ...rest } = r;
    const sealed = sealEvent(rest, head);
    head = sealed;
    return { seq, ...sealed };
  });
}

const streamRows = (rows: AuditEventRow[], stream: string) => rows.filter((r) => r.stream === stream);

/** Events as the database keeps them: the canonical text that was hashed, the hash, the generated position. */
const stored = (rows: readonly AuditEventRow[]): StoredEvent[] => rows.map(storedEvent);

/** Stored events verified as the application verifies them, stopping at the first broken one. */
const verifyContents = (rows: readonly StoredEvent[], options: VerifyOptions = {}): VerifyResult => verifyStored(rows, options);

/**
 * {@link verifyEvents} of the rows, after checking that verifying them as the database hands them over, the
 * position read from the stored text (as its generated columns do), gives exactly the same result.
 */
function verifyAll(rows: AuditEventRow[], options: VerifyOptions = {}): VerifyResult {
  const expected = verifyEvents(rows, options);
  expect(verifyContents(rows.map((r) => storedText(r.seq, canonicalEventContent(r), r.hash)), options)).toEqual(expected);
  return expected;
}

describe('hashing', () => {
  const example: AuditEventContent = {
    stream: '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18',
    streamSeq: 2,
    id: 'c41d8e27-5b9a-4e63-a0f2-1d7e3b8c6a95',
    occurredAt: '2025-03-04T09:15:00.000Z',
    actorId: '7d2e9b40-1c3a-4f5e-8a6b-9c0d1e2f3a4b',
    actorRoles: ['beleidsmedewerker'],
    action: 'transition.done',
    dossierId: '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18',
    workflowId: 'drenthe-verbindend-besturen',
    workflowVersion: '2021',
    payload: {
      event: 'ADVANCE',
      from: 'voorfase-agendasetting',
      to: 'voorbereiding-beleid',
      evaluation: [{ id: 'G1-01', status: 'met', label: 'Startnotitie “participatie” vastgesteld' }],
    },
    prevHash: '1db30033637a6ccf84e83ab164cf476b534fd0fdba4e2c5a2b59c205dfeef9cc',
  };

  it('matches the worked example in docs/audit-format.md (a format change must be deliberate)', () => {
    expect(canonicalEventContent(example)).toBe(
      '{"action":"transition.done","actorId":"7d2e9b40-1c3a-4f5e-8a6b-9c0d1e2f3a4b","actorRoles":["beleidsmedewerker"],' +
        '"dossierId":"3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18","id":"c41d8e27-5b9a-4e63-a0f2-1d7e3b8c6a95",' +
        '"occurredAt":"2025-03-04T09:15:00.000Z","payload":{"evaluation":[{"id":"G1-01",' +
        '"label":"Startnotitie “participatie” vastgesteld","status":"met"}],"event":"ADVANCE",' +
        '"from":"voorfase-agendasetting","to":"voorbereiding-beleid"},' +
        '"prevHash":"1db30033637a6ccf84e83ab164cf476b534fd0fdba4e2c5a2b59c205dfeef9cc",' +
        '"stream":"3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18","streamSeq":2,"workflowId":"drenthe-verbindend-besturen",' +
        '"workflowVersion":"2021"}',
    );
    expect(hashOf(example)).toBe('e24b3ccee1f1368d811e5e037f404621e005aa06334e570fd7a962dfe4baeb9d');
  });

  it('is SHA-256 of the canonical JSON of the twelve content fields, ignoring seq, hash and anything else', () => {
    const withExtras = { ...example, seq: 99, hash: 'x', extra: 'not hashed' } as AuditEventContent;
    expect(canonicalEventContent(withExtras)).toBe(canonicalJson(pick(example)));
    expect(hashOf(withExtras)).toBe(sha256(canonicalJson(pick(example))));
  });

  it('takes the escaping path for strings that need it, with the same result as canonicalJson', () => {
    const odd: AuditEventContent = {
      ...example,
      actorId: 'naam "met" quotes\\',
      actorRoles: ['rol\tmet tab', 'ÿ', '😀'],
      action: 'x\u0001',
      dossierId: null,
      workflowId: null,
      workflowVersion: 'v\uD800',
      stream: 'system',
    };
    expect(canonicalEventContent(odd)).toBe(canonicalJson(pick(odd)));
    expect(hashOf(odd)).toBe(sha256(canonicalJson(pick(odd))));
  });

  it('agrees with canonicalJson for every event of a generated chain', () => {
    for (const row of buildChain(20)) {
      expect(canonicalEventContent(row)).toBe(canonicalJson(pick(row)));
      expect(row.hash).toBe(sha256(canonicalJson(pick(row))));
    }
  });

  it.each<[string, Partial<Record<keyof AuditEventContent, unknown>>, RegExp]>([
    ['a numeric streamSeq given as text', { streamSeq: '2' }, /streamSeq must be a positive integer/],
    ['streamSeq 0', { streamSeq: 0 }, /streamSeq must be a positive integer/],
    ['a missing dossierId', { dossierId: undefined }, /dossierId must be a string or null/],
    ['a non-string role', { actorRoles: ['a', 1] }, /actorRoles must be an array of strings/],
    ['an array payload', { payload: [] }, /expected a JSON object, got an array at \$\.payload/],
    ['a Date in the payload', { payload: { at: new Date(0) } }, /Date is not allowed.*at \$\.payload\.at/],
    ['a Date as occurredAt', { occurredAt: new Date(0) }, /occurredAt must be a string/],
  ])('rejects %s', (_name, change, message) => {
    expect(() => hashOf({ ...example, ...change } as AuditEventContent)).toThrow(message);
  });

  it('canonicalEventText puts the payload text in as given: with the canonical payload it is canonicalEventContent', () => {
    const { payload, ...rest } = example;
    const text = canonicalEventText(rest, canonicalPayload(payload));
    expect(text).toBe(canonicalEventContent(example));
    expect(sha256(text)).toBe(hashOf(example));
    const spacedPayload = canonicalPayload(payload).replace(',', ', ');
    const spaced = canonicalEventText(rest, spacedPayload);
    expect(spaced).toContain(`"payload":${spacedPayload},"prevHash":`);
    expect(sha256(spaced)).not.toBe(hashOf(example));
  });

  it('canonicalEventText takes the escaping path like canonicalEventContent and rejects the same malformed fields', () => {
    const odd: AuditEventContent = { ...example, actorId: 'naam "met" quotes\\', actorRoles: ['ÿ', '😀'], stream: 'a\u0001b', workflowId: null };
    const { payload, ...rest } = odd;
    expect(canonicalEventText(rest, canonicalPayload(payload))).toBe(canonicalJson(pick(odd)));
    expect(() => canonicalEventText({ ...rest, streamSeq: 0 }, '{}')).toThrow(/streamSeq must be a positive integer/);
    expect(() => canonicalEventText({ ...rest, dossierId: 1 as unknown as string }, '{}')).toThrow(/dossierId must be a string or null/);
  });
});

describe('sealEvent', () => {
  it('starts a stream at streamSeq 1 with the genesis prevHash, then links to the head', () => {
    const first = sealEvent(unsealed('system', 1), null);
    expect(first.streamSeq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first.hash).toBe(hashOf(first));
    const second = sealEvent(unsealed('system', 2), first);
    expect(second.streamSeq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sealEventText also returns the canonical text that was hashed, the content the database keeps', () => {
    const head = sealEvent(unsealed(DOSSIERS[0], 1), null);
    const { sealed, content } = sealEventText(unsealed(DOSSIERS[0], 7), head);
    expect(sealed).toEqual(sealEvent(unsealed(DOSSIERS[0], 7), head));
    expect(content).toBe(canonicalEventContent(sealed));
    expect(sha256(content)).toBe(sealed.hash);
    expect(JSON.parse(content)).toEqual(JSON.parse(JSON.stringify(pick(sealed))));
  });

  it('does not carry extra properties of its input into the event', () => {
    const sealed = sealEvent({ ...unsealed('system', 1), seq: 5, note: 'x' } as UnsealedAuditEvent, null);
    expect(Object.keys(sealed).sort()).toEqual([...CONTENT_FIELDS, 'hash'].sort());
  });

  it.each<[string, Partial<UnsealedAuditEvent>, { streamSeq: number; hash: string } | null, RegExp]>([
    ['a local time', { occurredAt: '2025-03-04T10:15:00+01:00' }, null, /occurredAt must be ISO 8601 UTC with milliseconds/],
    ['no milliseconds', { occurredAt: '2025-03-04T09:15:00Z' }, null, /occurredAt/],
    ['an empty stream', { stream: '' }, null, /stream must be a non-empty string/],
    ['a malformed head hash', {}, { streamSeq: 1, hash: 'ABC' }, /head hash must be 64 lowercase hex/],
    ['a head streamSeq of 0', {}, { streamSeq: 0, hash: GENESIS_HASH }, /head streamSeq/],
  ])('rejects %s', (_name, change, head, message) => {
    expect(() => sealEvent({ ...unsealed('system', 1), ...change }, head)).toThrow(message);
  });
});

describe('verification', () => {
  const chain = buildChain(30); // 90 events: system + two dossiers, 30 each
  const seqOf = (rows: AuditEventRow[], stream: string, streamSeq: number) =>
    rows.find((r) => r.stream === stream && r.streamSeq === streamSeq)!.seq;

  it('accepts an intact chain and reports the heads per stream, sorted', () => {
    const result = verifyAll(chain);
    expect(result).toMatchObject({ ok: true, checked: 90, streams: 3 });
    expect(result.firstBroken).toBeUndefined();
    expect(result.heads.map((h) => h.stream)).toEqual([...DOSSIERS, 'system'].sort());
    for (const h of result.heads) {
      const last = streamRows(chain, h.stream).at(-1)!;
      expect(h).toEqual({ stream: h.stream, streamSeq: 30, hash: last.hash });
    }
  });

  it('accepts an empty chain', () => {
    expect(verifyAll([])).toEqual({ ok: true, checked: 0, streams: 0, heads: [] });
  });

  it('detects one changed byte of a payload, naming that event', () => {
    const rows = copy(chain);
    const victim = streamRows(rows, DOSSIERS[0])[10];
    (victim.payload.after as { phase: string }).phase = 'ontwikkeling-voorsteL';
    const result = verifyAll(rows);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: victim.seq, stream: DOSSIERS[0], streamSeq: 11, reason: 'hash-mismatch' });
    expect(result.firstBroken!.found).toBe(victim.hash);
    expect(result.firstBroken!.expected).toBe(hashOf(victim));
    expect(result.checked).toBe(rows.findIndex((r) => r === victim)); // everything before it, not the broken one
  });

  it('detects a changed envelope field (actor, time, action) the same way', () => {
    for (const change of [{ actorId: 'someone-else' }, { occurredAt: '2025-03-03T09:00:00.001Z' }, { action: 'transition.done' }]) {
      const rows = copy(chain);
      rows[5] = { ...rows[5], ...change };
      if (JSON.stringify(rows[5]) === JSON.stringify(chain[5])) continue; // the change happened to be a no-op
      expect(verifyAll(rows).firstBroken).toMatchObject({ seq: rows[5].seq, reason: 'hash-mismatch' });
    }
  });

  it('detects a modified event whose own hash was recomputed, at the next event of its stream', () => {
    const rows = copy(chain);
    const i = rows.findIndex((r) => r.stream === 'system' && r.streamSeq === 4);
    rows[i].payload = { forged: true };
    rows[i].hash = hashOf(rows[i]);
    expect(verifyAll(rows).firstBroken).toMatchObject({
      seq: seqOf(rows, 'system', 5),
      stream: 'system',
      streamSeq: 5,
      reason: 'prev-hash-mismatch',
      expected: rows[i].hash,
      found: chain[i].hash,
    });
  });

  it('detects a deleted event in the middle of a stream at the next event of that stream', () => {
    const rows = copy(chain).filter((r) => !(r.stream === DOSSIERS[1] && r.streamSeq === 12));
    expect(verifyAll(rows).firstBroken).toMatchObject({
      seq: seqOf(rows, DOSSIERS[1], 13),
      stream: DOSSIERS[1],
      reason: 'stream-seq-gap',
      expected: '12',
      found: '13',
    });
  });

  it('detects a deletion disguised by renumbering the rest of the stream', () => {
    const rows = copy(chain)
      .filter((r) => !(r.stream === DOSSIERS[1] && r.streamSeq === 12))
      .map((r) => (r.stream === DOSSIERS[1] && r.streamSeq > 12 ? { ...r, streamSeq: r.streamSeq - 1 } : r));
    expect(verifyAll(rows).firstBroken).toMatchObject({
      seq: seqOf(chain, DOSSIERS[1], 13),
      streamSeq: 12,
      reason: 'prev-hash-mismatch',
    });
  });

  it('cannot see a deleted last event of a stream by itself (anchors can, see below)', () => {
    const rows = copy(chain).filter((r) => !(r.stream === 'system' && r.streamSeq === 30));
    expect(verifyAll(rows).ok).toBe(true);
  });

  it('detects two events of a stream swapped in the global order', () => {
    const rows = copy(chain);
    const a = rows.findIndex((r) => r.stream === DOSSIERS[0] && r.streamSeq === 7);
    const b = rows.findIndex((r) => r.stream === DOSSIERS[0] && r.streamSeq === 8);
    [rows[a].seq, rows[b].seq] = [rows[b].seq, rows[a].seq];
    rows.sort((x, y) => x.seq - y.seq); // an export is always in seq order
    expect(verifyAll(rows).firstBroken).toMatchObject({
      seq: chain[a].seq,
      streamSeq: 8,
      reason: 'stream-seq-gap',
      expected: '7',
      found: '8',
    });
  });

  it('detects rows delivered out of seq order', () => {
    const rows = copy(chain);
    [rows[20], rows[21]] = [rows[21], rows[20]];
    expect(verifyAll(rows).firstBroken).toMatchObject({
      seq: chain[20].seq,
      reason: 'seq-order',
      expected: `> ${chain[21].seq}`,
      found: String(chain[20].seq),
    });
    const dup = copy(chain);
    dup[30].seq = dup[29].seq;
    expect(verifyAll(dup).firstBroken).toMatchObject({ seq: dup[29].seq, reason: 'seq-order' });
    expect(verifyAll([{ ...chain[0], seq: 0 }]).firstBroken).toMatchObject({ reason: 'seq-order', expected: 'a positive integer' });
  });

  it('detects a forged event inserted with a correct hash, at the genuine event it displaces', () => {
    const rows = copy(chain);
    const i = rows.findIndex((r) => r.stream === 'system' && r.streamSeq === 10);
    const before = rows.find((r) => r.stream === 'system' && r.streamSeq === 9)!;
    const forged = sealEvent({ ...unsealed('system', 999), payload: { after: { role: 'beheerder' } } }, before);
    rows.splice(i, 0, { seq: rows[i].seq - 0.5, ...forged });
    rows.forEach((r, k) => (r.seq = k + 1)); // renumber seq so the order checks out
    const result = verifyAll(rows);
    expect(result.firstBroken).toMatchObject({ seq: i + 2, stream: 'system', streamSeq: 10, reason: 'stream-seq-gap', expected: '11' });
  });

  it('detects a forged event inserted with a made-up hash, naming the forged event', () => {
    const rows = copy(chain);
    const i = rows.findIndex((r) => r.stream === 'system' && r.streamSeq === 10);
    rows[i] = { ...rows[i], payload: { after: { role: 'beheerder' } } }; // keeps the genuine hash and prevHash
    expect(verifyAll(rows).firstBroken).toMatchObject({ seq: rows[i].seq, reason: 'hash-mismatch' });
  });

  it('reports stored content that is not text as broken instead of throwing', () => {
    const rows = stored(chain);
    for (const odd of [null, 42, { text: 'x' }]) {
      const bad = rows.map((r, i): StoredEvent => (i === 3 ? [r[0], odd as unknown as string, r[2], r[3], r[4], r[5]] : r));
      expect(verifyContents(bad).firstBroken).toMatchObject({ seq: chain[3].seq, reason: 'hash-mismatch', expected: '(content is not text)', found: chain[3].hash });
    }
  });

  it('stops at the first broken event: later damage is not reported and checked stops counting', () => {
    const rows = copy(chain);
    rows[10].actorId = 'x';
    rows[50].actorId = 'y';
    const verifier = new ChainVerifier();
    for (const r of rows) verifier.add(storedEvent(r));
    expect(verifier.intact).toBe(false);
    const result = verifier.result();
    expect(result.firstBroken!.seq).toBe(rows[10].seq);
    expect(result.checked).toBe(10);
    expect(verifier.checked).toBe(10);
    // the heads are those of the intact prefix
    expect(result.heads.reduce((n, h) => n + h.streamSeq, 0)).toBe(10);
  });

  it('verifies stored events (seq, content, hash and the generated position), and detects a changed text', () => {
    const rows = chain.map((r) => storedText(r.seq, canonicalEventContent(r), r.hash));
    expect(verifyContents(rows)).toMatchObject({ ok: true, checked: 90, streams: 3 });
    expect(verifyContents(rows)).toEqual(verifyEvents(chain));
    const bad = rows.map((r, i): StoredEvent => (i === 40 ? storedText(r[0] as number, (r[1] as string).replace('met', 'MET'), r[2]) : r));
    expect(bad[40][1]).not.toBe(rows[40][1]);
    const result = verifyContents(bad);
    expect(result.firstBroken).toEqual({
      seq: chain[40].seq,
      stream: chain[40].stream,
      streamSeq: chain[40].streamSeq,
      reason: 'hash-mismatch',
      expected: sha256(bad[40][1] as string),
      found: chain[40].hash,
    });
    expect(result.checked).toBe(40);
  });

  it('hashes the stored text as it is, string or bytes: a text with the same fields in another form does not verify', () => {
    const rows = chain.map((r) => storedText(r.seq, canonicalEventContent(r), r.hash));
    const asBytes = rows.map((r): StoredEvent => [r[0], Buffer.from(r[1] as string, 'utf8'), r[2], r[3], r[4], r[5]]);
    expect(verifyContents(asBytes)).toEqual(verifyContents(rows));
    const spaced = rows.map((r, i) => (i === 7 ? storedText(r[0] as number, (r[1] as string).replace('"payload":{', '"payload": {'), r[2]) : r));
    expect(verifyContents(spaced).firstBroken).toMatchObject({ seq: chain[7].seq, reason: 'hash-mismatch', found: chain[7].hash });
    const extra = rows.map((r, i) => (i === 8 ? storedText(r[0] as number, (r[1] as string).replace('{"action"', '{"extra":1,"action"'), r[2]) : r));
    expect(verifyContents(extra).firstBroken).toMatchObject({ seq: chain[8].seq, reason: 'hash-mismatch' });
  });

  it('a stored hash in upper case is not the hash', () => {
    const rows = stored(chain).map((r, i): StoredEvent => (i === 3 ? [r[0], r[1], r[2].toUpperCase(), r[3], r[4], r[5]] : r));
    expect(verifyContents(rows).firstBroken).toMatchObject({ seq: chain[3].seq, reason: 'hash-mismatch', expected: chain[3].hash });
  });

  it('does not trust position columns that disagree with the hashed text (a STORED column edited in the file)', () => {
    // The forger rewrites one event and reseals it, then patches only the next event's prev_hash column: every hash
    // matches its text and every column links, but the next event's text still names the old hash.
    const rows = stored(chain);
    const k = rows.findIndex((r) => r[3] === DOSSIERS[0] && r[4] === 5);
    const next = rows.findIndex((r) => r[3] === DOSSIERS[0] && r[4] === 6);
    const forged = { ...chain[k], payload: { vervalst: true } };
    const content = canonicalEventContent(forged);
    const hash = sha256(content);
    const patched = rows.map((r, i): StoredEvent => (i === k ? [r[0], content, hash, r[3], r[4], r[5]] : i === next ? [r[0], r[1], r[2], r[3], r[4], hash] : r));
    expect(verifyContents(patched).firstBroken).toMatchObject({ seq: chain[next].seq, stream: DOSSIERS[0], streamSeq: 6, reason: 'hash-mismatch' });
    expect(verifyContents(patched).checked).toBe(next);
    // A stream or streamSeq column that is not the text's is refused the same way.
    const otherSeq = rows.map((r, i): StoredEvent => (i === 0 ? [r[0], r[1], r[2], r[3], Number(r[4]) + 0, r[5]] : r));
    expect(verifyContents(otherSeq).ok).toBe(true);
    const renamed = rows.map((r, i): StoredEvent => (i === 0 ? [r[0], r[1], r[2], 'elders', r[4], r[5]] : r));
    expect(verifyContents(renamed).firstBroken).toMatchObject({ seq: chain[0].seq, stream: 'elders', reason: 'hash-mismatch' });
  });

  it('takes seq as text (PostgreSQL BIGINT) and a position the database could not read as a break', () => {
    const asText = stored(chain).map((r): StoredEvent => [String(r[0]), r[1], r[2], r[3], String(r[4]), r[5]]);
    expect(verifyContents(asText)).toEqual(verifyEvents(chain));
    const noPrev = stored(chain).map((r, i): StoredEvent => (i === 5 ? [r[0], r[1], r[2], r[3], r[4], null] : r));
    expect(verifyContents(noPrev).firstBroken).toMatchObject({ seq: chain[5].seq, reason: 'prev-hash-mismatch', found: 'null' });
  });

  it('can resume from heads verified earlier', () => {
    const first = verifyAll(chain.slice(0, 40));
    const rest = verifyAll(chain.slice(40), { start: { heads: first.heads, lastSeq: chain[39].seq } });
    expect(rest).toMatchObject({ ok: true, checked: 50, streams: 3 });
    expect(rest.heads).toEqual(verifyAll(chain).heads);
    const wrong = verifyAll(chain.slice(41), { start: { heads: first.heads, lastSeq: chain[39].seq } });
    expect(wrong.firstBroken?.reason).toBe('stream-seq-gap');
  });
});

describe('anchors', () => {
  const chain = buildChain(20);
  const AT = '2025-03-31T12:00:00.000Z';
  const upToAnchor = chain.slice(0, 40);
  const anchorHeads = verifyEvents(upToAnchor).heads;
  const line = formatAnchor(anchorHeads, AT);
  const file = formatAnchorFile(anchorHeads, AT);
  const anchor: Anchor = parseAnchor(line, file);

  it('prints one line: prefix, version, time, digest of the sorted heads, number of streams', () => {
    expect(line).toMatch(/^kaderwijzer-anchor v1 2025-03-31T12:00:00\.000Z [0-9a-f]{64} 3$/);
    const sorted = [...anchorHeads].sort((a, b) => (a.stream < b.stream ? -1 : 1));
    expect(line.split(' ')[3]).toBe(sha256(canonicalJson(sorted.map((h) => ({ stream: h.stream, streamSeq: h.streamSeq, hash: h.hash })))));
    expect(anchorDigest([...anchorHeads].reverse())).toBe(anchorDigest(anchorHeads)); // order of input does not matter
    expect(parseAnchorLine(`  ${line.replace(/ /g, '   ')}\n`)).toEqual({ version: 'v1', at: AT, digest: line.split(' ')[3], streams: 3 });
  });

  it('writes an anchor file that parses back to the same heads', () => {
    expect(JSON.parse(file)).toEqual({ anchor: line, heads: anchor.heads });
    expect(anchor.heads).toEqual(anchorHeads);
    expect(parseAnchor(line, anchorHeads)).toEqual(anchor);
    expect(parseAnchor(line, { heads: [...anchorHeads].reverse() })).toEqual(anchor);
  });

  it.each<[string, () => Anchor]>([
    ['a changed hash in the file', () => parseAnchor(line, file.replace(/"hash":"(.)/, (_m, c: string) => `"hash":"${c === 'a' ? 'b' : 'a'}`))],
    ['a stream missing from the file', () => parseAnchor(line, anchorHeads.slice(1))],
    ['a stream listed twice', () => parseAnchor(line.replace(/ 3$/, ' 4'), [...anchorHeads, anchorHeads[0]])],
    ['an earlier streamSeq in the file', () => parseAnchor(line, anchorHeads.map((h, i) => (i === 0 ? { ...h, streamSeq: h.streamSeq - 1 } : h)))],
    ['a file that is not JSON', () => parseAnchor(line, '{heads')],
    ['a file without heads', () => parseAnchor(line, '{}')],
    ['another version', () => parseAnchor(line.replace(' v1 ', ' v2 '), file)],
    ['a line with a local time', () => parseAnchor(line.replace(AT, '2025-03-31T14:00:00.000+02:00'), file)],
    ['a truncated digest', () => parseAnchor(line.replace(/ ([0-9a-f]{64}) /, (_m, d: string) => ` ${d.slice(1)} `), file)],
    ['something else entirely', () => parseAnchor('hello world', file)],
  ])('refuses %s', (_name, parse) => {
    expect(parse).toThrow(AnchorError);
  });

  it('holds for the chain it was taken from, and after more events were appended', () => {
    expect(verifyAll(upToAnchor, { anchors: [anchor] })).toMatchObject({ ok: true, anchors: [{ ok: true, at: AT, streams: 3 }] });
    expect(verifyAll(chain, { anchors: [anchor] })).toMatchObject({ ok: true, checked: 60, anchors: [{ ok: true }] });
  });

  it('detects a consistent rewrite of a whole stream that the chain alone cannot see', () => {
    const victim = DOSSIERS[0];
    let rows = copy(chain);
    const target = rows.find((r) => r.stream === victim && r.streamSeq === 3)!;
    target.payload = { ...target.payload, note: 'achteraf aangepast' };
    rows = reseal(rows, victim);
    const plain = verifyAll(rows);
    expect(plain.ok).toBe(true); // every hash recomputed: the chain is internally consistent
    const anchored = verifyAll(rows, { anchors: [anchor] });
    expect(anchored.ok).toBe(false);
    expect(anchored.firstBroken).toBeUndefined();
    const headAtAnchor = anchor.heads.find((h) => h.stream === victim)!;
    expect(anchored.anchors![0]).toMatchObject({
      ok: false,
      reason: 'head-changed',
      stream: victim,
      streamSeq: headAtAnchor.streamSeq,
      expected: headAtAnchor.hash,
    });
  });

  it('detects a rewrite of the whole database, every stream resealed', () => {
    let rows = copy(chain).map((r) => ({ ...r, actorId: r.actorId.toUpperCase() }));
    for (const s of ['system', ...DOSSIERS]) rows = reseal(rows, s);
    expect(verifyAll(rows).ok).toBe(true);
    const result = verifyAll(rows, { anchors: [anchor] });
    expect(result.ok).toBe(false);
    expect(result.anchors![0].reason).toBe('head-changed');
  });

  it('detects a stream truncated back to before the anchor', () => {
    const victim = DOSSIERS[1];
    const headAtAnchor = anchor.heads.find((h) => h.stream === victim)!;
    const rows = chain.filter((r) => r.stream !== victim || r.streamSeq < headAtAnchor.streamSeq);
    expect(verifyAll(rows).ok).toBe(true);
    expect(verifyAll(rows, { anchors: [anchor] }).anchors![0]).toMatchObject({
      ok: false,
      reason: 'head-missing',
      stream: victim,
      found: '(no such event)',
    });
  });

  it('checks several anchors in one pass', () => {
    const later = parseAnchor(formatAnchor(verifyAll(chain).heads, '2025-06-30T12:00:00.000Z'), verifyAll(chain).heads);
    const result = verifyAll(chain, { anchors: [anchor, later] });
    expect(result.anchors!.map((a) => a.ok)).toEqual([true, true]);
    const truncated = verifyAll(chain.slice(0, 50), { anchors: [anchor, later] });
    expect(truncated.anchors!.map((a) => a.ok)).toEqual([true, false]);
    expect(truncated.ok).toBe(false);
  });

  it('checkAnchor works with any lookup, e.g. a database query', () => {
    const byKey = new Map(chain.map((r) => [`${r.stream}#${r.streamSeq}`, r.hash]));
    const lookup = (stream: string, streamSeq: number) => byKey.get(`${stream}#${streamSeq}`);
    expect(checkAnchor(anchor, lookup)).toEqual({ ok: true, at: AT, streams: 3 });
    byKey.set(`system#${anchor.heads.find((h) => h.stream === 'system')!.streamSeq}`, 'f'.repeat(64));
    expect(checkAnchor(anchor, lookup)).toMatchObject({ ok: false, reason: 'head-changed', stream: 'system', found: 'f'.repeat(64) });
  });

  it('an empty chain gives a valid anchor with zero streams', () => {
    const empty = formatAnchor([], AT);
    expect(empty).toBe(`kaderwijzer-anchor v1 ${AT} ${sha256('[]')} 0`);
    expect(parseAnchor(empty, formatAnchorFile([], AT)).heads).toEqual([]);
  });
});

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { createAuditEventTable } from '../database/migrations/1764500000000-audit-content';
import { CONTENT_PAGE_SQL, CONTENT_WINDOW, ContentPage, contentPages, feedContentPage, LINK_PAGE_SQL, LinkPage, StoredRow, storedRowReader, verifyWindows } from './content-page';
import { loadSha256Extension, sha256ExtensionFile } from './native-sha256';
import { ChainVerifier, ContentPosition, contentPosition, GENESIS_HASH, sealEventText, sha256Hex, VerifyOptions, VerifyResult } from './hash-chain';

/** An event as the database keeps it. */
type Stored = { seq: number; content: string; hash: string };

/** Streams with a uuid, plain text, non-ASCII characters and characters that JSON escapes. */
const STREAMS = ['system', '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18', 'dossier-ë-😀', 'citaat "a\\b"\ttab'];

type EventSpec = { stream: number; text: string; pad: number; gap: number };

/** Seals events of the given streams in order; `gap` is the step in seq to the event (a database may skip seqs). */
function sealChain(specs: readonly EventSpec[]): Stored[] {
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  let seq = 0;
  return specs.map((s, i) => {
    const stream = STREAMS[s.stream % STREAMS.length];
    const { sealed, content } = sealEventText(
      {
        stream,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        occurredAt: new Date(Date.UTC(2026, 2, 2) + i * 60_000).toISOString(),
        actorId: `u${i % 3}`,
        actorRoles: ['beleidsmedewerker'],
        action: 'evidence.recorded',
        dossierId: stream === 'system' ? null : stream,
        workflowId: stream === 'system' ? null : 'drenthe-verbindend-besturen',
        workflowVersion: null,
        payload: { i, tekst: s.text, ...(s.pad > 0 ? { bijlage: 'Ë'.repeat(s.pad) } : {}) },
      },
      heads.get(stream) ?? null,
    );
    heads.set(stream, sealed);
    seq += s.gap;
    return { seq, content, hash: sealed.hash };
  });
}

/** Exactly what CONTENT_PAGE_SQL returns for these rows (in this order); all null for none. */
function page(rows: readonly Stored[]): ContentPage {
  if (rows.length === 0) return [null, null, null, null, null, null];
  return [
    rows.map((r) => r.seq).join(','),
    rows.map((r) => Buffer.byteLength(r.hash)).join(','),
    rows.map((r) => Buffer.byteLength(r.content)).join(','),
    Buffer.concat(rows.map((r) => Buffer.from(r.hash))),
    Buffer.concat(rows.map((r) => Buffer.from(r.content))),
    rows.map(() => '1').join(''),
  ];
}

/** The slow way of a hand-built page: the rows themselves, by seq. */
function rowsBySeq(rows: readonly Stored[]): StoredRow {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return (seq) => {
    const r = bySeq.get(seq);
    return r === undefined ? undefined : [r.seq, r.content, r.hash];
  };
}

/** Row by row with addContent, as PostgreSQL and single streams are verified. */
function byRows(rows: readonly Stored[], options: VerifyOptions = {}): { result: VerifyResult; entries: unknown[] } {
  const v = new ChainVerifier(options);
  for (const r of rows) {
    v.addContent(r.seq, r.content, r.hash);
    if (!v.intact) break;
  }
  return { result: v.result(), entries: [...v.entries] };
}

/** Page by page; the pages hold `sizes[0]`, `sizes[1]`, … rows (cycling), as the windows of a real read would. */
function byPages(rows: readonly Stored[], sizes: readonly number[], options: VerifyOptions = {}): { result: VerifyResult; entries: unknown[] } {
  const v = new ChainVerifier(options);
  let fed = 0;
  for (let i = 0, p = 0; i < rows.length; p++) {
    const n = sizes[p % sizes.length];
    const events = feedContentPage(v, page(rows.slice(i, i + n)), rowsBySeq(rows));
    fed += events;
    if (!v.intact) {
      expect(events).toBeLessThanOrEqual(n);
      break;
    }
    expect(events).toBe(Math.min(n, rows.length - i));
    i += n;
  }
  const result = v.result();
  expect(fed).toBe(result.checked + (result.firstBroken === undefined ? 0 : 1)); // nothing read past the break
  return { result, entries: [...v.entries] };
}


type Tamper =
  | { op: 'flip'; at: number; pos: number }
  | { op: 'hash'; at: number; hash: (h: string) => string }
  | { op: 'nonAsciiContent'; at: number; pos: number }
  | { op: 'swap'; at: number }
  | { op: 'delete'; at: number };

/** Wrong stored hashes: another hex digit, other lengths, commas and digits (as in the index), non-ASCII bytes. */
const WRONG_HASHES: ((h: string) => string)[] = [
  (h) => h.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
  (h) => h.toUpperCase(),
  (h) => h + 'ff',
  (h) => h.slice(0, 40),
  () => '',
  (h) => `${h.slice(0, 10)},${h.slice(11)}`,
  (h) => `${h},12,64,700`,
  () => '1,2,3',
  (h) => `é${h.slice(1)}`,
  (h) => `😀${h}`,
  (h) => h.slice(0, 62) + '€',
];

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), pos: fc.nat() }),
  fc.record({ op: fc.constant('hash' as const), at: fc.nat(), hash: fc.constantFrom(...WRONG_HASHES) }),
  fc.record({ op: fc.constant('nonAsciiContent' as const), at: fc.nat(), pos: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
);

/** Positions of the ASCII characters of a text (a change there keeps it valid UTF-8 of the same length). */
function asciiPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) out.push(i);
  return out;
}

function tamper(rows: Stored[], t: Tamper): Stored[] {
  const out = rows.map((r) => ({ ...r }));
  if (out.length === 0) return out;
  const k = t.at % out.length;
  switch (t.op) {
    case 'flip': {
      // One byte of the content changed into another ASCII byte.
      const positions = asciiPositions(out[k].content);
      const p = positions[t.pos % positions.length];
      const text = out[k].content;
      out[k].content = text.slice(0, p) + String.fromCharCode(text.charCodeAt(p) ^ 1) + text.slice(p + 1);
      return out;
    }
    case 'hash':
      // As a database returns it: text is UTF-8, so a lone surrogate left by a second tamper reads back as U+FFFD.
      out[k].hash = Buffer.from(t.hash(out[k].hash)).toString();
      return out;
    case 'nonAsciiContent': {
      // An ASCII character replaced by one of two bytes: the content grows by a byte.
      const positions = asciiPositions(out[k].content);
      const p = positions[t.pos % positions.length];
      out[k].content = out[k].content.slice(0, p) + 'é' + out[k].content.slice(p + 1);
      return out;
    }
    case 'swap': {
      if (k + 1 >= out.length) return out;
      const [a, b] = [out[k], out[k + 1]];
      out[k] = { ...b, seq: a.seq };
      out[k + 1] = { ...a, seq: b.seq };
      return out;
    }
    case 'delete':
      return out.filter((_r, i) => i !== k);
  }
}

const TEXTS = ['', 'regel', 'Ëén “participatie” 😀', '1,2,3', ',"prevHash":"', 'a"b\\c', '\u0000\u001f', '\ud800'];
const textArb = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: 'binary', maxLength: 12 }));
const specArb: fc.Arbitrary<EventSpec> = fc.record({
  stream: fc.nat({ max: STREAMS.length - 1 }),
  text: textArb,
  pad: fc.constantFrom(0, 0, 0, 300),
  gap: fc.constantFrom(1, 1, 1, 2, 5),
});
const sizesArb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 });

describe('content pages', () => {
  it('the chains below have contents read whole and read by their end, and non-ASCII contents', () => {
    const rows = sealChain(STREAMS.flatMap((_s, stream) => [0, 300].map((pad) => ({ stream, text: 'é', pad, gap: 1 }))));
    expect(rows.some((r) => Buffer.byteLength(r.content) <= 512)).toBe(true);
    expect(rows.some((r) => Buffer.byteLength(r.content) > 512)).toBe(true);
    expect(rows.every((r) => Buffer.byteLength(r.content) > r.content.length)).toBe(true);
  });

  it('an empty page holds no events and leaves the verifier as it was', () => {
    const v = new ChainVerifier();
    expect(feedContentPage(v, [null, null, null, null, null, null], () => undefined)).toBe(0);
    expect(v.intact).toBe(true);
    expect(v.result()).toEqual({ ok: true, checked: 0, streams: 0, heads: [] });
    expect(page([])).toEqual([null, null, null, null, null, null]);
  });

  it('an intact chain verifies page by page exactly as row by row', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 30 }), sizesArb, (specs, sizes) => {
        const rows = sealChain(specs);
        const expected = byRows(rows);
        expect(expected.result).toMatchObject({ ok: true, checked: rows.length });
        expect(byPages(rows, sizes)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('gives exactly the row-by-row result (first broken event, checked, heads, segment entries) whatever was tampered with', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 30 }),
        fc.array(tamperArb, { minLength: 1, maxLength: 3 }),
        sizesArb,
        fc.boolean(),
        (specs, tampers, sizes, open) => {
          const rows = tampers.reduce(tamper, sealChain(specs));
          const options: VerifyOptions = open ? { openStart: true, start: { heads: [], lastSeq: 0 } } : {};
          expect(byPages(rows, sizes, options)).toEqual(byRows(rows, options));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a wrong stored hash is reported at exactly its own seq, whatever its length or bytes', () => {
    const rows = sealChain(Array.from({ length: 24 }, (_x, i) => ({ stream: i % 4, text: i % 3 ? 'Ëén 😀' : 'a,b', pad: i % 5 === 0 ? 300 : 0, gap: 1 + (i % 2) })));
    for (const wrong of WRONG_HASHES) {
      for (const k of [0, 5, 11, 23]) {
        const tampered = rows.map((r, i) => (i === k ? { ...r, hash: wrong(r.hash) } : r));
        expect(tampered[k].hash).not.toBe(rows[k].hash);
        for (const sizes of [[1], [4], [24], [5, 2, 9]]) {
          const { result } = byPages(tampered, sizes);
          expect(result.firstBroken).toMatchObject({ seq: rows[k].seq, reason: 'hash-mismatch', expected: rows[k].hash });
          expect(result.checked).toBe(k);
        }
      }
    }
  });

  it('reads every event of a page with exactly its own bytes, whatever a stored value holds (the framing cannot shift)', () => {
    // A recording verifier that is never broken, so every event of the page is handed over.
    // Each call is compared with what the event's own bytes give: its position read from its whole text, and its
    // hash (when the position could be read), next to its stored hash.
    type Call = { seq: number; pos: ContentPosition | string; hash: string; computed: string };
    const record = (p: ContentPage) => {
      const calls: Call[] = [];
      const recorder = {
        intact: true,
        addRead: (seq: number, pos: ContentPosition | string, hash: string, computed: string) => calls.push({ seq, pos, hash, computed }),
      };
      expect(feedContentPage(recorder as unknown as ChainVerifier, p, () => undefined)).toBe(calls.length);
      return calls;
    };
    const expected = (rows: readonly Stored[]): Call[] =>
      rows.map((r) => {
        const pos = contentPosition(r.content);
        return { seq: r.seq, pos, hash: r.hash, computed: typeof pos === 'string' ? '' : sha256Hex(r.content) };
      });
    const wellFormed = (s: string) => Buffer.from(s).toString() === s;
    const valueArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', ',', '1,2,3', ',,', '0', '€😀é'), fc.string({ unit: fc.constantFrom(',', '1', '9'), maxLength: 10 })).filter(wellFormed);
    const asciiHashArb = fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 80 }), fc.string({ unit: fc.constantFrom(',', '0', '7', 'a'), maxLength: 70 }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 1_000_000 }), content: valueArb, hash: asciiHashArb }), { minLength: 1, maxLength: 20 }),
        (specs) => {
          let seq = 0;
          const rows = specs.map((s) => ({ seq: (seq += s.gap), content: s.content, hash: s.hash }));
          expect(record(page(rows))).toEqual(expected(rows));
        },
      ),
      { numRuns: 300 },
    );
    // A stored hash of other bytes than characters: the events after it still get their own bytes.
    const rows = sealChain([0, 1, 2, 3, 1, 2].map((stream) => ({ stream, text: 'Ëén', pad: 0, gap: 1 })));
    for (const wrong of ['é'.repeat(64), `😀${rows[2].hash}`, '€,1,2']) {
      const tampered = rows.map((r, i) => (i === 2 ? { ...r, hash: wrong } : r));
      const calls = record(page(tampered));
      expect(calls).toEqual(expected(tampered));
      expect(calls.filter((c) => typeof c.pos !== 'string')).toHaveLength(rows.length);
    }
  });

  it('a content that grew by non-ASCII bytes is reported at its seq and does not shift the events after it', () => {
    const rows = sealChain(Array.from({ length: 12 }, (_x, i) => ({ stream: i % 4, text: 'tekst', pad: i % 2 ? 300 : 0, gap: 1 })));
    for (const k of [0, 4, 7]) {
      const tampered = rows.map((r, i) => (i === k ? { ...r, content: r.content.replace('tekst', 'tëkst') } : r));
      expect(Buffer.byteLength(tampered[k].content)).toBe(Buffer.byteLength(rows[k].content) + 1);
      for (const sizes of [[12], [3]]) {
        const got = byPages(tampered, sizes);
        expect(got.result.firstBroken).toMatchObject({ seq: rows[k].seq, reason: 'hash-mismatch', found: rows[k].hash });
        expect(got).toEqual(byRows(tampered));
      }
    }
  });
});

describe('content pages read from SQLite', () => {
  /** An in-memory store with the real audit table; rows inserted with their seq when `withSeq`. */
  function store(rows: readonly Stored[], withSeq = false): Database.Database {
    const conn = new Database(':memory:');
    conn.exec(createAuditEventTable('audit_event', false));
    const insert = withSeq
      ? conn.prepare('INSERT INTO audit_event (seq, content, hash) VALUES (?, ?, ?)')
      : conn.prepare('INSERT INTO audit_event (content, hash) VALUES (?, ?)');
    conn.transaction(() => {
      for (const r of rows) {
        if (withSeq) insert.run(r.seq, r.content, r.hash);
        else insert.run(r.content, r.hash);
      }
    })();
    return conn;
  }

  /** The stored rows, read back as the row-by-row verifier reads them. */
  const readRows = (conn: Database.Database) =>
    (conn.prepare('SELECT seq, content, hash FROM audit_event ORDER BY seq').raw(true).all() as [number, string, string][]).map(
      ([seq, content, hash]): Stored => ({ seq, content, hash }),
    );
  const maxSeq = (conn: Database.Database) => conn.prepare('SELECT MAX(seq) FROM audit_event').pluck().get() as number;

  function verifyPages(conn: Database.Database, from: number, to: number, options: VerifyOptions = {}) {
    const v = new ChainVerifier(options);
    let pages = 0;
    const storedRow = storedRowReader(conn);
    for (const p of contentPages(conn, from, to)) {
      pages++;
      feedContentPage(v, p, storedRow);
      if (!v.intact) break;
    }
    return { result: v.result(), entries: [...v.entries], pages };
  }

  /** 2 300 events over the four streams, some with long non-ASCII contents: three windows of CONTENT_WINDOW seqs. */
  const specs: EventSpec[] = Array.from({ length: 2300 }, (_x, i) => ({
    stream: (i * 7) % 5 % STREAMS.length,
    text: i % 3 === 0 ? `regel ${i} “é” 😀` : `regel ${i}`,
    pad: i % 10 === 0 ? 300 : 0,
    gap: 1,
  }));
  const chain = sealChain(specs);

  it('SQLite builds exactly the pages the tests build by hand', () => {
    const conn = store(chain);
    try {
      const pages = [...contentPages(conn, 0, maxSeq(conn))];
      expect(CONTENT_WINDOW).toBe(1000);
      expect(pages).toHaveLength(3);
      pages.forEach(([seqs, hashLengths, contentLengths, hashes, body], w) => {
        const [wantSeqs, wantHashLengths, wantContentLengths, wantHashes, wantBody] = page(
          chain.filter((r) => r.seq > w * CONTENT_WINDOW && r.seq <= (w + 1) * CONTENT_WINDOW),
        );
        expect([seqs, hashLengths, contentLengths]).toEqual([wantSeqs, wantHashLengths, wantContentLengths]);
        // Buffer.equals: Jest's deep equality compares a megabyte byte by byte far more slowly.
        expect(Buffer.isBuffer(hashes) && hashes.equals(wantHashes!)).toBe(true);
        expect(Buffer.isBuffer(body) && body.equals(wantBody!)).toBe(true);
        expect(body!.length).toBe(chain.slice(w * CONTENT_WINDOW, (w + 1) * CONTENT_WINDOW).reduce((n, r) => n + Buffer.byteLength(r.content), 0));
      });
      expect(conn.prepare(CONTENT_PAGE_SQL).raw(true).get(5000, 6000)).toEqual([null, null, null, null, null, null]);
    } finally {
      conn.close();
    }
  });

  it('verifies a real store over several windows exactly as row by row', () => {
    const conn = store(chain);
    try {
      const rows = readRows(conn);
      expect(rows).toEqual(chain); // seq 1..n and every content and hash as inserted, non-ASCII included
      const got = verifyPages(conn, 0, maxSeq(conn));
      expect(got.pages).toBe(3);
      const expected = byRows(rows);
      expect(expected.result).toMatchObject({ ok: true, checked: 2300, streams: STREAMS.length });
      expect({ result: got.result, entries: got.entries }).toEqual(expected);
    } finally {
      conn.close();
    }
  });

  it('verifies a range that crosses a window boundary as a segment, exactly as row by row', () => {
    const conn = store(chain);
    try {
      for (const [from, to] of [
        [700, 1800],
        [999, 1001],
        [1000, 2000],
        [1500, 2300],
      ]) {
        const options = (): VerifyOptions => ({ openStart: true, start: { heads: [], lastSeq: from } });
        const got = verifyPages(conn, from, to, options());
        expect(got.pages).toBe(Math.ceil((to - from) / CONTENT_WINDOW));
        const within = chain.filter((r) => r.seq > from && r.seq <= to);
        const expected = byRows(within, options());
        expect(expected.result).toMatchObject({ ok: true, checked: to - from });
        expect(expected.entries).toHaveLength(new Set(within.map((r) => (JSON.parse(r.content) as { stream: string }).stream)).size);
        expect({ result: got.result, entries: got.entries }).toEqual(expected);
      }
    } finally {
      conn.close();
    }
  });

  it('reads seq gaps, including a window without any event, as the row-by-row verifier does', () => {
    // seq 1..900, then from 2 500 on: the window (1000, 2000] is empty.
    const rows = sealChain(specs.slice(0, 1000)).map((r, i) => (i < 900 ? r : { ...r, seq: r.seq + 1600 }));
    const conn = store(rows, true);
    try {
      const pages = [...contentPages(conn, 0, maxSeq(conn))];
      expect(pages).toHaveLength(3);
      expect(pages[1]).toEqual([null, null, null, null, null, null]);
      const got = verifyPages(conn, 0, maxSeq(conn));
      expect(got.result).toMatchObject({ ok: true, checked: 1000 });
      expect({ result: got.result, entries: got.entries }).toEqual(byRows(readRows(conn)));
    } finally {
      conn.close();
    }
  });

  it.each<[string, (rows: Stored[]) => { rows: Stored[]; seq: number; reason: string }]>([
    ['a hash with a comma and another length', (rows) => ({ rows: tamper(rows, { op: 'hash', at: 1500, hash: (h) => `${h},1,2` }), seq: 1501, reason: 'hash-mismatch' })],
    ['a hash with non-ASCII bytes', (rows) => ({ rows: tamper(rows, { op: 'hash', at: 1999, hash: (h) => `é${h.slice(1)}` }), seq: 2000, reason: 'hash-mismatch' })],
    ['a content with a non-ASCII character more', (rows) => ({ rows: rows.map((r, i) => (i === 1200 ? { ...r, content: r.content.replace('regel', 'rëgel') } : r)), seq: 1201, reason: 'hash-mismatch' })],
    ['an edited content of the same length', (rows) => ({ rows: rows.map((r, i) => (i === 999 ? { ...r, content: r.content.replace('regel', 'regeL') } : r)), seq: 1000, reason: 'hash-mismatch' })],
    [
      'two events of a stream swapped',
      // Events 1000 and 1002 are of the same stream (see `specs`): seq 1001 then holds the later one.
      (rows) => ({ rows: rows.map((r, i) => (i === 1000 ? { ...rows[1002], seq: r.seq } : i === 1002 ? { ...rows[1000], seq: r.seq } : r)), seq: 1001, reason: 'stream-seq-gap' }),
    ],
  ])('finds %s in a real store at the same event as row by row', (_name, make) => {
    const t = make(chain);
    const conn = store(t.rows);
    try {
      const got = verifyPages(conn, 0, maxSeq(conn));
      const expected = byRows(readRows(conn));
      expect(expected.result.firstBroken).toMatchObject({ seq: t.seq, reason: t.reason });
      expect({ result: got.result, entries: got.entries }).toEqual(expected);
    } finally {
      conn.close();
    }
  });

  it('finds a deleted event in a real store (a seq missing) at the next event of its stream', () => {
    const k = 1234;
    const rows = chain.filter((_r, i) => i !== k);
    const conn = store(rows, true);
    try {
      const stream = (JSON.parse(chain[k].content) as { stream: string }).stream;
      const next = chain.slice(k + 1).find((r) => (JSON.parse(r.content) as { stream: string }).stream === stream)!;
      const got = verifyPages(conn, 0, maxSeq(conn));
      expect(got.result.firstBroken).toMatchObject({ seq: next.seq, stream, reason: 'stream-seq-gap' });
      expect({ result: got.result, entries: got.entries }).toEqual(byRows(readRows(conn)));
      expect(got.result.heads.every((h) => h.hash !== GENESIS_HASH)).toBe(true);
    } finally {
      conn.close();
    }
  });
});

describe('hashed inside SQLite (native/kwsha256.c)', () => {
  /** An in-memory connection with the extension loaded. Fails, never skips, when the extension was not built. */
  function withExtension(): Database.Database {
    if (sha256ExtensionFile() === null) {
      throw new Error('native/build/kwsha256.so is missing: run `node scripts/build-native.mjs --strict` (needs cc and OpenSSL headers)');
    }
    const conn = new Database(':memory:');
    expect(loadSha256Extension(conn)).toBe(true);
    return conn;
  }

  /** Bytes that make valid and invalid UTF-8 alike: ASCII, lead and continuation bytes, overlongs, surrogates, > U+10FFFF. */
  const utf8ishArb = fc
    .array(fc.constantFrom(0x41, 0x22, 0x5c, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xc1, 0xaf, 0xf4, 0x90, 0x8f, 0xbf, 0xf5, 0xff, 0x00), { maxLength: 24 })
    .map((b) => Buffer.from(b));

  it('kw_sha256_hex is the SHA-256 of node:crypto over the UTF-8 text, and NULL for anything that is not valid UTF-8 text', () => {
    const conn = withExtension();
    try {
      const ofText = conn.prepare('SELECT kw_sha256_hex(?)').pluck();
      const ofBytesAsText = conn.prepare('SELECT kw_sha256_hex(CAST(? AS TEXT))').pluck();
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
          expect(ofText.get(s)).toBe(sha256Hex(s));
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(fc.oneof(utf8ishArb, fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b))), (bytes) => {
          expect(ofBytesAsText.get(bytes)).toBe(isUtf8(bytes) ? hash('sha256', bytes, 'hex') : null);
        }),
        { numRuns: 2000 },
      );
      // Each kind of invalid UTF-8 on its own: overlong, surrogate, above U+10FFFF, truncated, stray continuation.
      for (const hex of ['c0af', 'e08080', 'eda080', 'f4908080', 'e282', '80', 'ff', '41c3']) {
        expect(ofBytesAsText.get(Buffer.from(hex, 'hex'))).toBeNull();
      }
      expect(conn.prepare("SELECT kw_sha256_hex(NULL), kw_sha256_hex(1), kw_sha256_hex(1.5), kw_sha256_hex(X'7b7d')").raw(true).get()).toEqual([null, null, null, null]);
    } finally {
      conn.close();
    }
  });

  /** Canonical endings changed and then sealed again (a correct hash of the changed bytes), as a thorough forger would. */
  const RESEALS: ((content: string) => string)[] = [
    (c) => c.replace(/"streamSeq":(\d+)/, (_m, d: string) => `"streamSeq":0${d}`),
    (c) => c.replace(/"streamSeq":\d+/, '"streamSeq":1234567890123456'),
    (c) => c.replace(/"streamSeq":\d+/, '"streamSeq":12345678901234567'),
    (c) => c.replace(/"streamSeq":\d+/, '"streamSeq":123456789012345'),
    (c) => c.replace(/"streamSeq":\d+/, '"streamSeq":-1'),
    (c) => c.replace(/"streamSeq":(\d+)/, (_m, d: string) => `"streamSeq":${Number(d) + 1}`),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":"système"'),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":"sys\\u0074em"'),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":"a"b"'),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":"tab\there"'),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":""'),
    (c) => c.replace(/"stream":"[^"]*"/, '"stream":"system"'),
    (c) => c.replace(/"prevHash":"([0-9a-f]{64})"/, (_m, h: string) => `"prevHash":"${h.toUpperCase()}"`),
    (c) => c.replace(/"prevHash":"([0-9a-f]{64})"/, (_m, h: string) => `"prevHash":"${h.slice(1)}"`),
    (c) => c.replace(/"prevHash":"([0-9a-f]{64})"/, (_m, h: string) => `"prevHash":"${h.slice(0, 63)}é"`),
    (c) => c.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${'f'.repeat(64)}"`),
    (c) => c.replace(/,"workflowId":/, ',"workflowID":'),
    (c) => c.replace(/}$/, `,"x":1,"prevHash":"${'a'.repeat(64)}","stream":"system","streamSeq":1,"workflowId":null}`),
    (c) => c.replace(/}$/, `,"prevHash":"${'a'.repeat(64)}","stream":"system"}`),
    (c) => c.slice(0, 40),
    (c) => `${c} `,
    (c) => c.replace('evidence', 'evidencë'),
  ];

  /** A stored value as a file edited below the application may hold it (no type, no constraint). */
  type Raw = { seq: number; content: string | Buffer | number | null; hash: string | Buffer | null; bytesAsText?: boolean; resealed?: boolean };
  type RawTamper =
    | { op: 'byte'; at: number; pos: number; byte: number }
    | { op: 'type'; at: number; what: 'contentBlob' | 'hashBlob' | 'contentNull' | 'hashNull' | 'contentNumber' | 'hashUpper' }
    | { op: 'reseal'; at: number; how: number };
  const rawTamperArb: fc.Arbitrary<RawTamper> = fc.oneof(
    fc.record({ op: fc.constant('byte' as const), at: fc.nat(), pos: fc.nat(), byte: fc.constantFrom(0xff, 0xc3, 0x80, 0xed, 0x22, 0x5c, 0x2c, 0x48, 0x00) }),
    fc.record({ op: fc.constant('type' as const), at: fc.nat(), what: fc.constantFrom('contentBlob' as const, 'hashBlob' as const, 'contentNull' as const, 'hashNull' as const, 'contentNumber' as const, 'hashUpper' as const) }),
    fc.record({ op: fc.constant('reseal' as const), at: fc.nat(), how: fc.nat({ max: RESEALS.length - 1 }) }),
  );

  function rawTamper(rows: Raw[], t: RawTamper): Raw[] {
    const out = rows.map((r) => ({ ...r }));
    if (out.length === 0) return out;
    const r = out[t.at % out.length];
    const text = typeof r.content === 'string' ? r.content : Buffer.isBuffer(r.content) ? r.content.toString('latin1') : String(r.content);
    switch (t.op) {
      case 'byte': {
        const bytes = typeof r.content === 'string' ? Buffer.from(r.content) : Buffer.isBuffer(r.content) ? Buffer.from(r.content) : Buffer.from(text);
        if (bytes.length > 0) bytes[t.pos % bytes.length] = t.byte;
        r.content = bytes;
        r.bytesAsText = true;
        return out;
      }
      case 'type':
        if (t.what === 'contentBlob') r.content = typeof r.content === 'string' ? Buffer.from(r.content) : r.content;
        if (t.what === 'contentBlob') r.bytesAsText = false;
        if (t.what === 'hashBlob') r.hash = typeof r.hash === 'string' ? Buffer.from(r.hash) : r.hash;
        if (t.what === 'contentNull') r.content = null;
        if (t.what === 'hashNull') r.hash = null;
        if (t.what === 'contentNumber') r.content = 42;
        if (t.what === 'hashUpper') r.hash = typeof r.hash === 'string' ? r.hash.toUpperCase() : r.hash;
        return out;
      case 'reseal': {
        if (typeof r.content !== 'string') return out;
        r.content = RESEALS[t.how](r.content);
        r.hash = sha256Hex(r.content);
        r.resealed = true;
        return out;
      }
    }
  }

  /** A store as a file edited below the application may hold it: the three columns the verifier reads, no constraints. */
  function bareStore(rows: readonly Raw[]): Database.Database {
    const conn = withExtension();
    conn.exec('CREATE TABLE audit_event (seq INTEGER PRIMARY KEY, content, hash)');
    const asText = conn.prepare('INSERT INTO audit_event (seq, content, hash) VALUES (?, CAST(? AS TEXT), ?)');
    const plain = conn.prepare('INSERT INTO audit_event (seq, content, hash) VALUES (?, ?, ?)');
    for (const r of rows) (r.bytesAsText === true ? asText : plain).run(r.seq, r.content, r.hash);
    return conn;
  }

  /** Row by row as better-sqlite3 returns the values (text decoded, with U+FFFD for invalid UTF-8; BLOB as Buffer). */
  function rawByRows(conn: Database.Database, options: VerifyOptions): { result: VerifyResult; entries: unknown[] } {
    const v = new ChainVerifier(options);
    for (const [seq, content, hashValue] of conn.prepare('SELECT seq, content, hash FROM audit_event ORDER BY seq').raw(true).iterate() as Iterable<[number, string, string]>) {
      v.addContent(seq, content, hashValue);
      if (!v.intact) break;
    }
    return { result: v.result(), entries: [...v.entries] };
  }

  function windows(conn: Database.Database, native: boolean, from: number, to: number, options: VerifyOptions) {
    const v = new ChainVerifier(options);
    let pages = 0;
    for (const _ of verifyWindows(conn, native, v, from, to)) pages++;
    return { result: v.result(), entries: [...v.entries], pages };
  }

  it('kw_chain_link vouches only for what row-by-row verification reads from the same stored values', () => {
    const conn = withExtension();
    try {
      const link = conn.prepare('SELECT kw_chain_link(?, ?)').pluck();
      const linkBytes = conn.prepare('SELECT kw_chain_link(CAST(? AS TEXT), ?)').pluck();
      let vouched = 0;
      let vouchedResealed = 0;
      fc.assert(
        fc.property(fc.array(specArb, { minLength: 1, maxLength: 8 }), fc.array(rawTamperArb, { maxLength: 2 }), (specs, tampers) => {
          const rows = tampers.reduce(rawTamper, sealChain(specs) as Raw[]);
          for (const r of rows) {
            const record = (r.bytesAsText === true ? linkBytes : link).get(r.content, r.hash) as string;
            if (record === '!') continue;
            vouched++;
            if (r.resealed === true) vouchedResealed++;
            // What a row-by-row read of the same values sees.
            const content = Buffer.isBuffer(r.content) ? r.content.toString('utf8') : r.content;
            expect(typeof content).toBe('string');
            expect(typeof r.hash).toBe('string');
            expect(sha256Hex(content as string)).toBe(r.hash);
            const m = /^([0-9a-f]{64})([0-9a-f]{64})(\d{1,15}),([\x20-\x7e]+)"$/.exec(record);
            expect(m).not.toBeNull();
            expect(m![1]).toBe(r.hash);
            expect(contentPosition(content as string)).toEqual({ prevHash: m![2], streamSeq: Number(m![3]), stream: m![4] });
          }
        }),
        { numRuns: 400 },
      );
      // The property above was not vacuous: sound events, and events changed and sealed again, were vouched for.
      expect(vouched).toBeGreaterThan(300);
      expect(vouchedResealed).toBeGreaterThan(5);
      // Every forged ending on every kind of event: vouched for exactly when the JavaScript reading is plain.
      const sound = (content: string, record: string) => {
        const m = /^([0-9a-f]{64})([0-9a-f]{64})(\d{1,15}),([\x20-\x7e]+)"$/.exec(record);
        expect(m).not.toBeNull();
        expect(m![1]).toBe(sha256Hex(content));
        expect(contentPosition(content)).toEqual({ prevHash: m![2], streamSeq: Number(m![3]), stream: m![4] });
      };
      const events = sealChain(STREAMS.flatMap((_s, stream) => [0, 300].map((pad) => ({ stream, text: 'tekst', pad, gap: 1 }))));
      const vouchedBy = RESEALS.map((reseal) =>
        events.filter((e) => {
          const content = reseal(e.content);
          const record = link.get(content, sha256Hex(content)) as string;
          if (record !== '!') sound(content, record);
          return record !== '!';
        }).length,
      );
      // Plain streams (two of the four, each with a short and a long event): a leading zero, 15 digits, another
      // streamSeq, another plain stream (also for the stream that held escapes: the rest of it stays behind, with a
      // quote), an upper-case prevHash (only a genesis hash, all digits, is unchanged by that), another prevHash,
      // a later key, trailing bytes and other payload bytes are read as JavaScript reads them.
      expect([0, 3, 5, 11, 12, 15, 17, 20, 21].map((k) => vouchedBy[k])).toEqual([4, 4, 4, 6, 2, 4, 8, 4, 4]);
      // 16 or 17 digits, a negative number, non-ASCII, escapes, quotes, control characters, an empty stream, a short
      // or non-ASCII prevHash, a missing key, a cut text: always read whole instead.
      expect([1, 2, 4, 6, 7, 8, 9, 10, 13, 14, 16, 18, 19].map((k) => vouchedBy[k])).toEqual(Array(13).fill(0));
      // A sound event in a plain stream is vouched for; one in a stream with non-ASCII or escaped characters is not.
      const [plain, uuid, nonAscii, escaped] = sealChain(STREAMS.map((_s, stream) => ({ stream, text: 'é', pad: 0, gap: 1 })));
      expect(link.get(plain.content, plain.hash)).toBe(`${plain.hash}${GENESIS_HASH}1,system"`);
      expect(link.get(uuid.content, uuid.hash)).toBe(`${uuid.hash}${GENESIS_HASH}1,${STREAMS[1]}"`);
      expect(link.get(nonAscii.content, nonAscii.hash)).toBe('!');
      expect(link.get(escaped.content, escaped.hash)).toBe('!');
      expect(link.get(plain.content, plain.hash.toUpperCase())).toBe('!');
      expect(link.get(plain.content, null)).toBe('!');
      expect(link.get(null, plain.hash)).toBe('!');
    } finally {
      conn.close();
    }
  });

  it('verifies exactly as row by row (and as hashing in JavaScript), whatever was tampered with in the stored values', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 30 }),
        fc.array(tamperArb, { maxLength: 2 }),
        fc.array(rawTamperArb, { maxLength: 3 }),
        fc.boolean(),
        (specs, tampers, raws, open) => {
          const rows = raws.reduce(rawTamper, tampers.reduce(tamper, sealChain(specs)) as Raw[]);
          const conn = bareStore(rows);
          try {
            const options = (): VerifyOptions => (open ? { openStart: true, start: { heads: [], lastSeq: 0 } } : {});
            const to = rows.length === 0 ? 0 : rows[rows.length - 1].seq;
            const { pages: _n, ...native } = windows(conn, true, 0, to, options());
            expect(native).toEqual(rawByRows(conn, options()));
            const { pages: _m, ...js } = windows(conn, false, 0, to, options());
            expect(js).toEqual(native);
          } finally {
            conn.close();
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('verifies a real store over several windows, and segments of it, exactly as in JavaScript and row by row', () => {
    const conn = withExtension();
    try {
      conn.exec(createAuditEventTable('audit_event', false));
      const insert = conn.prepare('INSERT INTO audit_event (content, hash) VALUES (?, ?)');
      const rows = sealChain(Array.from({ length: 2300 }, (_x, i) => ({ stream: (i * 7) % 5 % STREAMS.length, text: i % 3 === 0 ? `regel ${i} “é” 😀` : `regel ${i}`, pad: i % 10 === 0 ? 300 : 0, gap: 1 })));
      conn.transaction(() => rows.forEach((r) => insert.run(r.content, r.hash)))();
      for (const [from, to, open] of [
        [0, 2300, false],
        [700, 1800, true],
        [999, 1001, true],
      ] as const) {
        const options = (): VerifyOptions => (open ? { openStart: true, start: { heads: [], lastSeq: from } } : {});
        const native = windows(conn, true, from, to, options());
        expect(native.pages).toBe(Math.ceil((to - from) / CONTENT_WINDOW));
        expect(native.result).toMatchObject({ ok: true, checked: to - from });
        expect(native).toEqual(windows(conn, false, from, to, options()));
        expect({ result: native.result, entries: native.entries }).toEqual(byRows(rows.filter((r) => r.seq > from && r.seq <= to), options()));
      }
      // Events of the two plain streams were vouched for by the database, the others read whole.
      const links = conn.prepare(LINK_PAGE_SQL).raw(true).get(0, 1000) as LinkPage;
      const vouched = links[1]!.toString('latin1').split('"').length - 1;
      expect(vouched).toBe(rows.slice(0, 1000).filter((r) => (JSON.parse(r.content) as { stream: string }).stream.match(/^[\x20-\x7e]+$/) && !/["\\]/.test((JSON.parse(r.content) as { stream: string }).stream)).length);
      expect(vouched).toBeGreaterThan(300);
    } finally {
      conn.close();
    }
  });
});

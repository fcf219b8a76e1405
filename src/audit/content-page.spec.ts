import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createAuditEventTable } from '../database/migrations/1764500000000-audit-content';
import { CONTENT_PAGE_SQL, CONTENT_WINDOW, ContentPage, contentPages, feedContentPage } from './content-page';
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
  if (rows.length === 0) return [null, null, null, null, null];
  return [
    rows.map((r) => r.seq).join(','),
    rows.map((r) => Buffer.byteLength(r.hash)).join(','),
    rows.map((r) => Buffer.byteLength(r.content)).join(','),
    Buffer.concat(rows.map((r) => Buffer.from(r.hash))),
    Buffer.concat(rows.map((r) => Buffer.from(r.content))),
  ];
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
    const events = feedContentPage(v, page(rows.slice(i, i + n)));
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
    expect(feedContentPage(v, [null, null, null, null, null])).toBe(0);
    expect(v.intact).toBe(true);
    expect(v.result()).toEqual({ ok: true, checked: 0, streams: 0, heads: [] });
    expect(page([])).toEqual([null, null, null, null, null]);
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
      expect(feedContentPage(recorder as unknown as ChainVerifier, p)).toBe(calls.length);
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
    for (const p of contentPages(conn, from, to)) {
      pages++;
      feedContentPage(v, p);
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
      expect(conn.prepare(CONTENT_PAGE_SQL).raw(true).get(5000, 6000)).toEqual([null, null, null, null, null]);
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
      expect(pages[1]).toEqual([null, null, null, null, null]);
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

import fc from 'fast-check';
import { Anchor, AuditEventContent, ChainVerifier, parseAnchor, formatAnchor, formatAnchorFile, sealEventText, VerifyResult } from './hash-chain';
import { joinSegments, SegmentRange, splitRange, StoredEvent, verifySegment } from './segmented-verify';

const STREAMS = ['system', '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18', '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', 'c41d8e27-5b9a-4e63-a0f2-1d7e3b8c6a95'];

/** A sealed chain as stored: `picks[i]` chooses the stream of event i; seq has gaps. */
function chain(picks: number[]): StoredEvent[] {
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  return picks.map((p, i) => {
    const stream = STREAMS[p % STREAMS.length];
    const { sealed, content } = sealEventText(
      {
        stream, id: `e-${i}`, occurredAt: new Date(Date.UTC(2026, 2, 2) + i * 60_000).toISOString(), actorId: `u${i % 3}`, actorRoles: ['beleidsmedewerker'],
        action: 'evidence.recorded', dossierId: stream === 'system' ? null : stream, workflowId: null, workflowVersion: null, payload: { i, tekst: `regel ${i} “é”` },
      },
      heads.get(stream) ?? null,
    );
    heads.set(stream, sealed);
    return { seq: 10 + i * 3, content, hash: sealed.hash };
  });
}

/** The event a stored row holds. */
const parse = (r: StoredEvent) => JSON.parse(r.content) as AuditEventContent;

/** Feeds rows to `v` with addContent until the first broken one. */
function feed(v: ChainVerifier, rows: Iterable<StoredEvent>): ChainVerifier {
  for (const r of rows) {
    v.addContent(r.seq, r.content, r.hash);
    if (!v.intact) break;
  }
  return v;
}

function sequential(rows: readonly StoredEvent[], anchors: Anchor[]): VerifyResult {
  return feed(new ChainVerifier({ anchors }), rows).result();
}

async function segmented(rows: readonly StoredEvent[], anchors: Anchor[], parts: number): Promise<VerifyResult> {
  const within = (s: SegmentRange) => rows.filter((r) => r.seq > s.from && r.seq <= s.to);
  const ranges = rows.length === 0 ? [] : splitRange(rows[0].seq, rows[rows.length - 1].seq, parts);
  const results = ranges.map((s) => verifySegment(s, within(s), anchors));
  expect(results.reduce((n, r) => n + (r.intact ? r.checked : 0), 0)).toBeLessThanOrEqual(rows.length);
  return joinSegments(results, anchors, (s, v) => Promise.resolve(feed(v, within(s))));
}

type Tamper =
  | { op: 'none' }
  | { op: 'edit'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'swap'; at: number }
  | { op: 'reseal'; at: number }
  | { op: 'forge'; at: number }
  | { op: 'garble'; at: number }
  | { op: 'rehash'; at: number }
  | { op: 'truncate'; keep: number };

/** The same kinds of tampering as test/integration/tamper.test.ts, on rows in memory. */
function tamper(rows: StoredEvent[], t: Tamper): StoredEvent[] {
  const out = rows.map((r) => ({ ...r }));
  if (out.length === 0 || t.op === 'none') return out;
  const k = 'at' in t ? t.at % out.length : 0;
  switch (t.op) {
    case 'edit':
      out[k].content = out[k].content.replace('regel', 'regeL');
      return out;
    case 'delete':
      return out.filter((_r, i) => i !== k);
    case 'swap': {
      if (k + 1 >= out.length) return out;
      const [a, b] = [out[k], out[k + 1]];
      out[k] = { ...b, seq: a.seq };
      out[k + 1] = { ...a, seq: b.seq };
      return out;
    }
    case 'reseal': {
      // Change event k and reseal every later event of its stream: consistent, only an anchor can tell.
      const stream = parse(out[k]).stream;
      let head: { streamSeq: number; hash: string } | null = null;
      return out.map((r) => {
        const e = parse(r);
        if (e.stream !== stream) return r;
        const { prevHash: _p, streamSeq: _s, payload, ...rest } = e;
        const { sealed, content } = sealEventText({ ...rest, payload: r === out[k] ? { ...payload, tekst: 'herschreven' } : payload }, head);
        head = sealed;
        return { seq: r.seq, content, hash: sealed.hash };
      });
    }
    case 'forge': {
      const r = out[k];
      const e = parse(r);
      const forged = sealEventText({ ...e, id: 'forged', payload: { vervalst: true } }, { streamSeq: e.streamSeq, hash: r.hash });
      out.splice(k + 1, 0, { seq: r.seq + 1, content: forged.content, hash: forged.sealed.hash });
      return out;
    }
    case 'garble':
      // Cut inside the tail: the position of the event cannot be read.
      out[k].content = out[k].content.slice(0, out[k].content.lastIndexOf(',"prevHash":"') + 20);
      return out;
    case 'rehash':
      out[k].hash = out[k].hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      return out;
    case 'truncate':
      return out.slice(0, t.keep % (out.length + 1));
  }
}

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant<Tamper>({ op: 'none' }),
  fc.nat().map((at): Tamper => ({ op: 'edit', at })),
  fc.nat().map((at): Tamper => ({ op: 'delete', at })),
  fc.nat().map((at): Tamper => ({ op: 'swap', at })),
  fc.nat().map((at): Tamper => ({ op: 'reseal', at })),
  fc.nat().map((at): Tamper => ({ op: 'forge', at })),
  fc.nat().map((at): Tamper => ({ op: 'garble', at })),
  fc.nat().map((at): Tamper => ({ op: 'rehash', at })),
  fc.nat().map((keep): Tamper => ({ op: 'truncate', keep })),
);

describe('segmented verification', () => {
  it('splits a seq range into contiguous ranges that cover it exactly', () => {
    expect(splitRange(1, 10, 3)).toEqual([{ from: 0, to: 4 }, { from: 4, to: 8 }, { from: 8, to: 10 }]);
    expect(splitRange(5, 5, 4)).toEqual([{ from: 4, to: 5 }]);
  });

  it('gives exactly the sequential result (ok, checked, heads, first broken event, anchors) whatever was tampered with', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 40 }),
        tamperArb,
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (picks, t, parts, anchorAt) => {
          const genuine = chain(picks);
          const anchors: Anchor[] = [];
          if (anchorAt !== undefined) {
            const heads = sequential(genuine.slice(0, (anchorAt % genuine.length) + 1), []).heads;
            const at = '2026-03-31T12:00:00.000Z';
            anchors.push(parseAnchor(formatAnchor(heads, at), formatAnchorFile(heads, at)));
          }
          const rows = tamper(genuine, t);
          expect(await segmented(rows, anchors, parts)).toEqual(sequential(rows, anchors));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('catches a break at a segment boundary that neither segment sees alone', async () => {
    const rows = chain([1, 1, 1, 1, 1, 1]);
    const without = rows.filter((_r, i) => i !== 2); // the third event of the stream deleted
    // Segments (.., seq 13] and (13, ..]: each is internally consistent, the join is not.
    const results = [verifySegment({ from: 0, to: 13 }, without.filter((r) => r.seq <= 13)), verifySegment({ from: 13, to: 100 }, without.filter((r) => r.seq > 13))];
    expect(results.map((r) => r.intact)).toEqual([true, true]);
    const joined = await joinSegments(results, [], (s, v) => Promise.resolve(feed(v, without.filter((x) => x.seq > s.from && x.seq <= s.to))));
    expect(joined.firstBroken).toMatchObject({ seq: rows[3].seq, reason: 'stream-seq-gap', expected: '3', found: '4' });
    expect(joined.checked).toBe(2);
  });
});

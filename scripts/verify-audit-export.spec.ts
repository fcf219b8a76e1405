/**
 * The offline verifier is an independent re-implementation: these tests feed it exports written by the
 * application's own code (src/audit) and check that both agree, and that the script catches tampering.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAnchor, formatAnchorFile } from '../src/audit/anchor';
import { AuditEventRow, AuditPayload, formatExportLine, sealEvent } from '../src/audit/canonical-event';
import { verifyRows as verifyEvents } from '../test/support/chain';

const SCRIPT = join(__dirname, 'verify-audit-export.mjs');
const DOSSIERS = ['3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18', '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'];

/** Payloads chosen to exercise every corner of the canonical form. */
const TRICKY: AuditPayload[] = [
  { after: { title: 'Windpark “De Drentse Monden” — fase 2', strategisch: true, besluitvormer: 'PS' } },
  { '10': 'a', '2': 'b', '1': 'c', b: 1, a: 2, B: 3, é: 4, '\uFFFD': 5, '\u{1F600}': 6 },
  { text: 'regel 1\nregel 2\ttab "quote" \\ backslash \u0001 \u007f \u2028 lone:\uD800 pair:😀' },
  { numbers: [0, -0, 1.5, -2, 1e21, 1e-7, 0.1 + 0.2, 5e-324, Number.MAX_SAFE_INTEGER, 123456789012345680000] },
  { nested: { z: [{ b: null, a: [true, false, [], {}] }], y: { x: { w: 'diep' } } }, skipped: undefined },
  { evaluation: [{ id: 'G2-01', status: 'unmet', severity: 'blocking', waivable: false, explanation: 'Geen startnotitie' }] },
];

function buildRows(perStream: number): AuditEventRow[] {
  const streams = ['system', ...DOSSIERS];
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  const rows: AuditEventRow[] = [];
  for (let i = 0; i < perStream * streams.length; i++) {
    const stream = streams[(i * 5) % streams.length];
    const dossierId = stream === 'system' ? null : stream;
    const sealed = sealEvent(
      {
        stream,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        occurredAt: new Date(Date.UTC(2025, 2, 3, 9) + i * 90_000).toISOString(),
        actorId: i % 4 === 0 ? 'naam met "quotes" en é' : `user-${i % 3}`,
        actorRoles: i % 2 ? ['beleidsmedewerker'] : ['teamleider', 'griffie'],
        action: dossierId === null ? 'user.created' : 'transition.done',
        dossierId,
        workflowId: dossierId === null ? null : 'drenthe-verbindend-besturen',
        workflowVersion: dossierId === null ? null : '2021',
        payload: TRICKY[i % TRICKY.length],
      },
      heads.get(stream) ?? null,
    );
    heads.set(stream, sealed);
    rows.push({ seq: 100 + i * 2, ...sealed }); // seq with gaps, not starting at 1
  }
  return rows;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaderwijzer-audit-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
function write(text: string, name = `export-${++fileNo}.jsonl`): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}
const toJsonl = (rows: AuditEventRow[]) => rows.map((r) => formatExportLine(r) + '\n').join('');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/verify-audit-export.mjs', () => {
  const rows = buildRows(12); // 36 events in 3 streams
  const jsonl = toJsonl(rows);
  const lines = jsonl.trimEnd().split('\n');

  it('accepts an export written by the application (both implementations agree)', () => {
    expect(verifyEvents(rows).ok).toBe(true);
    const r = run(write(jsonl));
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe('ok: 36 events in 3 streams');
    expect(r.code).toBe(0);
  });

  it('accepts CRLF line endings, a byte-order mark and a blank last line', () => {
    const r = run(write('\uFEFF' + lines.join('\r\n') + '\r\n\r\n'));
    expect(r.out.trim()).toBe('ok: 36 events in 3 streams');
    expect(r.code).toBe(0);
  });

  it('accepts an empty export', () => {
    expect(run(write('')).out.trim()).toBe('ok: 0 events in 0 streams');
  });

  it('detects one flipped byte in a payload and names the event', () => {
    const k = 7;
    const victim = rows[k];
    const flipped = lines[k].replace(/("payload":\{.*?)([a-z])/, (_m, head: string, c: string) => head + (c === 'a' ? 'b' : 'a'));
    expect(flipped).not.toBe(lines[k]);
    const r = run(write([...lines.slice(0, k), flipped, ...lines.slice(k + 1)].join('\n') + '\n'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at seq ${victim.seq} (line ${k + 1}, stream ${victim.stream}, streamSeq ${victim.streamSeq}): hash-mismatch`);
    expect(r.out).toContain(`found:    ${victim.hash}`);
    expect(r.out).toContain(`the ${k} event(s) before it are intact`);
  });

  it('detects a deleted line at the next event of that stream', () => {
    const k = 10;
    const next = rows.slice(k + 1).find((r) => r.stream === rows[k].stream)!;
    const r = run(write(lines.filter((_l, i) => i !== k).join('\n')));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at seq ${next.seq}`);
    expect(r.out).toContain('stream-seq-gap');
  });

  it('detects lines out of seq order', () => {
    const swapped = [...lines];
    [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
    const r = run(write(swapped.join('\n')));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at seq ${rows[4].seq}`);
    expect(r.out).toMatch(/seq-order|stream-seq-gap/);
  });

  it('rejects a line that is not canonical even when it parses to the same event', () => {
    const spaced = lines[3].replace('","', '", "');
    const r = run(write([...lines.slice(0, 3), spaced, ...lines.slice(4)].join('\n')));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at seq ${rows[3].seq}`);
    expect(r.out).toContain('bad-format');
  });

  it('rejects duplicate keys (a reader could see the other value)', () => {
    // JSON.parse keeps the last of two equal keys; the line shows both.
    expect(lines[1]).toContain(`"actorId":"${rows[1].actorId}"`);
    const dup = lines[1].replace(`"actorId":"${rows[1].actorId}"`, `"actorId":"iemand anders","actorId":"${rows[1].actorId}"`);
    const r = run(write([lines[0], dup, ...lines.slice(2)].join('\n')));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at seq ${rows[1].seq}`);
    expect(r.out).toContain('bad-format');
  });

  it('rejects extra or missing fields, and lines that are not JSON', () => {
    const extra = lines[0].replace(/\}$/, ',"zzz":"niet gehasht"}');
    expect(run(write([extra, ...lines.slice(1)].join('\n'))).out).toContain('field zzz');
    const missing = lines[0].replace(/,"workflowVersion":[^,}]*/, '');
    expect(run(write([missing, ...lines.slice(1)].join('\n'))).out).toContain('field workflowVersion');
    const notJson = run(write(`${lines[0]}\n{kapot\n`));
    expect(notJson.code).toBe(1);
    expect(notJson.out).toContain('BROKEN at line 2: bad-format');
  });

  it('splits lines only at a line feed: U+2028, U+2029 and U+0085 in a payload stay inside their line', () => {
    // Canonical JSON writes these characters as they are; node:readline ends a line at U+2028/U+2029 from Node 24 on,
    // which made the verifier report genuine exports as bad-format there. Runs on every Node version of the CI.
    const heads = new Map<string, { streamSeq: number; hash: string }>();
    const withSeparators = buildRows(2).map((r, i) => {
      const { seq, hash: _h, prevHash: _p, streamSeq: _s, ...rest } = r;
      const sealed = sealEvent({ ...rest, payload: { tekst: `regel${i}\u2028volgende\u2029alinea\u0085einde`, [`sleutel\u2028${i}`]: 'x' } }, heads.get(r.stream) ?? null);
      heads.set(r.stream, sealed);
      return { seq, ...sealed };
    });
    const text = toJsonl(withSeparators);
    expect(text).toContain('\u2028');
    expect(text.split('\n').length).toBe(withSeparators.length + 1);
    const ok = run(write(text));
    expect(ok.out.trim()).toBe(`ok: ${withSeparators.length} events in 3 streams`);
    expect(ok.code).toBe(0);
    // Tampering is still found at the right line (numbered by line feeds only).
    const k = 4;
    const lineList = text.trimEnd().split('\n');
    lineList[k] = lineList[k].replace('volgende', 'Volgende');
    const broken = run(write(lineList.join('\n') + '\n'));
    expect(broken.code).toBe(1);
    const victim = withSeparators[k];
    expect(broken.out).toContain(`BROKEN at seq ${victim.seq} (line ${k + 1}, stream ${victim.stream}, streamSeq ${victim.streamSeq}): hash-mismatch`);
  });

  describe('with an anchor', () => {
    const AT = '2025-03-31T12:00:00.000Z';
    const atAnchor = verifyEvents(rows.slice(0, 20)).heads;
    const line = formatAnchor(atAnchor, AT);
    let anchorFile: string;
    beforeAll(() => {
      anchorFile = write(formatAnchorFile(atAnchor, AT), 'anchor.json');
    });

    it('confirms the anchor on the genuine export', () => {
      const r = run(write(jsonl), '--anchor', line, '--anchor-file', anchorFile);
      expect(r.out.trim()).toBe(`ok: 36 events in 3 streams; anchor ${AT} holds (3 streams)`);
      expect(r.code).toBe(0);
    });

    it('detects a consistent rewrite of a stream that the chain alone accepts', () => {
      const victim = DOSSIERS[1];
      let head: { streamSeq: number; hash: string } | null = null;
      const rewritten = rows.map((r) => {
        if (r.stream !== victim) return r;
        const { seq, hash: _h, prevHash: _p, streamSeq: _s, ...rest } = r;
        const sealed = sealEvent(r.streamSeq === 2 ? { ...rest, actorId: 'iemand anders' } : rest, head);
        head = sealed;
        return { seq, ...sealed };
      });
      const file = write(toJsonl(rewritten));
      expect(run(file).code).toBe(0); // every hash recomputed: internally consistent
      const r = run(file, '--anchor', line, '--anchor-file', anchorFile);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`ANCHOR ${AT} FAILED for stream ${victim}`);
    });

    it('detects an export truncated to before the anchor', () => {
      const r = run(write(toJsonl(rows.slice(0, 15))), '--anchor', line, '--anchor-file', anchorFile);
      expect(r.code).toBe(1);
      expect(r.out).toContain('(no such event in the export)');
    });

    it('refuses an anchor file that does not belong to the line', () => {
      const forged = write(formatAnchorFile(verifyEvents(rows).heads, AT), 'other-anchor.json');
      const r = run(write(jsonl), '--anchor', line, '--anchor-file', forged);
      expect(r.code).toBe(1);
      expect(r.out).toContain('ANCHOR FILE DOES NOT MATCH THE ANCHOR LINE');
    });

    it('exits 2 on usage errors', () => {
      expect(run().code).toBe(2);
      expect(run(write(jsonl), '--anchor', line).code).toBe(2);
      expect(run(write(jsonl), '--anchor', 'kaderwijzer-anchor v1 nonsense', '--anchor-file', anchorFile).code).toBe(2);
    });
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { Harness, onPostgres, startHarness } from '../support/harness';

const SCRIPT = join(__dirname, '../../scripts/verify-audit-export.mjs');

/**
 * `npm run cli -- audit:export | audit:anchor | audit:verify` on a real database that the API filled with
 * transitions (done and refused), waivers (requested, approved, used), evidence (recorded and corrected) and a
 * reclassification; the exports are checked with the independent script, as an auditor would.
 */
describe(`audit commands on a real database (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  let env: NodeJS.ProcessEnv;
  let id: string;
  let total: number;
  let exported: Awaited<ReturnType<typeof cli>>;

  /** all.jsonl with one letter changed in the payload of the waiver approval; returns that event. */
  function writeAltered() {
    const lines = readFileSync(file('all.jsonl'), 'utf8').trimEnd().split('\n');
    const k = lines.findIndex((l) => l.includes('"action":"waiver.approved"'));
    const altered = [...lines];
    altered[k] = lines[k].replace(/termijn dringt/g, 'termijn drong');
    expect(altered[k]).not.toBe(lines[k]);
    writeFileSync(file('altered.jsonl'), altered.join('\n') + '\n');
    return { line: k + 1, row: JSON.parse(lines[k]) as { seq: number; stream: string; streamSeq: number; hash: string } };
  }

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')) }, env);
    return { code, out, err };
  }
  const script = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 });
  const file = (name: string) => join(h.dir, name);

  beforeAll(async () => {
    h = await startHarness();
    env = { DATABASE_URL: h.config.database.url };
    const bm = h.as(h.users.bm);
    const base = '/api/v1/dossiers';
    const d = await bm.post(base, { title: 'Regionale Energiestrategie “RES 2.0”', strategisch: true, besluitvormer: 'PS' }).expect(201);
    id = d.body.id;
    await bm.post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    await bm.post(`${base}/${id}/evidence`, { kind: 'classificatie', occurredOn: '2026-03-02', data: { besluittype: 'verordening', instrumentType: 'none', herkomst: 'gs-initiatief', reden: 'Intake' } }).expect(201);
    const w = await bm.post(`${base}/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt; termijn dringt.' }).expect(201);
    await h.as(h.users.tl).post(`${base}/${id}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(200);
    const v = (await bm.get(`${base}/${id}`).expect(200)).body as { version: number; next: { explanationsRequired: string[] } };
    const explanations = Object.fromEntries(v.next.explanationsRequired.map((r) => [r, `Toelichting ${r}: afgewogen — “zie nota”.`]));
    await bm.post(`${base}/${id}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations }).expect(201);
    const a = await bm.post(`${base}/${id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', data: { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Regel 1\nregel 2 met "quotes", komma\'s en é' } }).expect(201);
    await bm.post(`${base}/${id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-01', supersedes: a.body.id, data: { vraag: 'inwonersinitiatief', antwoord: false, toelichting: 'Gecorrigeerd.' } }).expect(201);
    await bm.post(base, { title: 'Tweede dossier', strategisch: false, besluitvormer: 'GS' }).expect(201);
    const n = await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event'));
    total = Number(n!.n);
    exported = await cli('audit:export', '--out', file('all.jsonl')); // the export the tests below read
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports the whole store as JSON Lines that the independent script verifies', () => {
    const r = exported;
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`exported ${total} events as jsonl to ${file('all.jsonl')}`);
    const lines = readFileSync(file('all.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(total);
    const actions = new Set(lines.map((l) => (JSON.parse(l) as { action: string }).action));
    for (const a of ['user.created', 'dossier.created', 'transition.refused', 'transition.done', 'classification.changed', 'waiver.requested', 'waiver.approved', 'evidence.recorded', 'evidence.superseded']) {
      expect({ a, present: actions.has(a) }).toEqual({ a, present: true });
    }
    const v = script(file('all.jsonl'));
    expect(v.stderr).toBe('');
    expect(v.stdout.trim()).toBe(`ok: ${total} events in 3 streams`);
    expect(v.status).toBe(0);
    expect(readdirSync(h.dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('exports one dossier, which verifies on its own, and writes to stdout without --out', async () => {
    const one = await cli('audit:export', '--dossier', id, '--out', file('one.jsonl'));
    expect(one.code).toBe(0);
    const lines = readFileSync(file('one.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.every((l) => (JSON.parse(l) as { stream: string }).stream === id)).toBe(true);
    expect(script(file('one.jsonl')).stdout.trim()).toBe(`ok: ${lines.length} events in 1 streams`);

    const stdout = await cli('audit:export', '--dossier', id);
    expect(stdout.code).toBe(0);
    expect(stdout.out).toEqual(lines); // nothing but the export on stdout
    const csv = await cli('audit:export', '--dossier', id, '--format', 'csv');
    expect(csv.out).toHaveLength(lines.length + 1);
    expect(csv.out.every((l) => l.endsWith('\r'))).toBe(true); // CR LF line ends, also on stdout
  });

  it('exports CSV for Dutch Excel (BOM, Dutch headers, ;): one row per event, the payload as its canonical JSON', async () => {
    const r = await cli('audit:export', '--format', 'csv', '--out', file('all.csv'));
    expect(r.code).toBe(0);
    const bom = readFileSync(file('all.csv'), 'utf8');
    // Issue #11: the audit CSV follows the Dutch-Excel conventions of the other CSVs (was: commas, English headers, no BOM).
    expect(bom.startsWith('\uFEFF')).toBe(true);
    const text = bom.slice(1);
    expect(text.startsWith('volgnummer;stroom;volgnummer in stroom;gebeurtenis-id;tijdstip (UTC);gebruiker-id;rollen;actie;dossier-id;workflow;workflowversie;inhoud (JSON);vorige hash;hash\r\n')).toBe(true);
    // A minimal RFC 4180 reader: quoted fields may hold commas, quotes and line breaks.
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ';') {
        row.push(field);
        field = '';
      } else if (c === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i++;
      } else field += c;
    }
    expect(rows).toHaveLength(total + 1);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const jsonl = readFileSync(file('all.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    rows.slice(1).forEach((r, i) => {
      expect(Number(r[0])).toBe(jsonl[i].seq);
      expect(JSON.parse(r[11])).toEqual(jsonl[i].payload);
      expect(r[13]).toBe(jsonl[i].hash);
    });
    expect(text).toContain('regel 2 met \\""quotes\\""'); // the quote escaped in JSON, then doubled by CSV
  });

  it('takes an anchor, verifies against it, and the independent script checks the export against it too', async () => {
    const anchor = await cli('audit:anchor', '--out', file('anchor.json'));
    expect(anchor.code).toBe(0);
    const line = anchor.out.at(-1)!;
    expect(line).toMatch(/^kaderwijzer-anchor v1 \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z [0-9a-f]{64} 3$/);
    expect(JSON.parse(readFileSync(file('anchor.json'), 'utf8'))).toMatchObject({ anchor: line, heads: expect.any(Array) });
    // Refuses to overwrite an anchor file.
    expect((await cli('audit:anchor', '--out', file('anchor.json'))).code).toBe(1);

    const ok = await cli('audit:verify', '--anchor', line, '--anchor-file', file('anchor.json'));
    expect(ok.out).toEqual([`ok: ${total} events in 3 stream(s) verified.`, `anchor ${line.split(' ')[2]} holds (3 streams)`]);
    expect(ok.code).toBe(0);
    const dossierOnly = await cli('audit:verify', '--dossier', id, '--anchor', line, '--anchor-file', file('anchor.json'));
    expect(dossierOnly.code).toBe(0);

    // Later events do not break an anchor.
    await h.as(h.users.bm).post('/api/v1/dossiers', { title: 'Na het anker', strategisch: false, besluitvormer: 'GS' }).expect(201);
    expect((await cli('audit:verify', '--anchor', line, '--anchor-file', file('anchor.json'))).code).toBe(0);
    await cli('audit:export', '--out', file('later.jsonl'));
    const s = script(file('later.jsonl'), '--anchor', line, '--anchor-file', file('anchor.json'));
    expect(s.stdout.trim()).toMatch(/; anchor .* holds \(3 streams\)$/);
    expect(s.status).toBe(0);

    // An anchor file that does not belong to the line fails; so does a truncated export.
    const forged = JSON.parse(readFileSync(file('anchor.json'), 'utf8')) as { heads: { streamSeq: number }[] };
    forged.heads[0].streamSeq += 1;
    writeFileSync(file('forged.json'), JSON.stringify(forged));
    const bad = await cli('audit:verify', '--anchor', line, '--anchor-file', file('forged.json'));
    expect(bad.code).toBe(1);
    expect(bad.out[0]).toMatch(/^ANCHOR FILE .*forged\.json DOES NOT MATCH THE ANCHOR LINE/);
    const lines = readFileSync(file('later.jsonl'), 'utf8').trimEnd().split('\n');
    writeFileSync(file('truncated.jsonl'), lines.slice(0, 3).join('\n') + '\n');
    const t = script(file('truncated.jsonl'), '--anchor', line, '--anchor-file', file('anchor.json'));
    expect(t.status).toBe(1);
    expect(t.stdout).toMatch(/ANCHOR .* FAILED for stream/);
  });

  it('the independent script names the event when a CLI export is altered', () => {
    const { line, row } = writeAltered();
    const v = script(file('altered.jsonl'));
    expect(v.status).toBe(1);
    expect(v.stdout).toContain(`BROKEN at seq ${row.seq} (line ${line}, stream ${row.stream}, streamSeq ${row.streamSeq}): hash-mismatch`);
    expect(v.stdout).toContain(`found:    ${row.hash}`);
  });

  // docs/audit-format.md section 7.2 claims a dozen lines of Python suffice: run exactly that code on a real export.
  const python = spawnSync('python3', ['--version']).status === 0;
  (python ? it : it.skip)('the Python verifier printed in docs/audit-format.md accepts the real export and rejects an altered one', () => {
    const doc = readFileSync(join(__dirname, '../../docs/audit-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### 7.2'), doc.indexOf('### 7.3'));
    const code = /```python\n([\s\S]*?)```/.exec(section)![1];
    writeFileSync(file('verify.py'), code);
    const ok = spawnSync('python3', [file('verify.py'), file('all.jsonl')], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe(`ok: ${total} events in 3 streams`);
    expect(ok.status).toBe(0);
    writeAltered();
    const bad = spawnSync('python3', [file('verify.py'), file('altered.jsonl')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/hash-mismatch/);
  });

  it('refuses bad options with exit code 2 and a message', async () => {
    for (const argv of [
      ['audit:export', '--format', 'xml'],
      ['audit:export', '--dossier', 'abc'],
      ['audit:export', '--out'],
      ['audit:verify', '--anchor', 'kaderwijzer-anchor v1 x'],
      ['audit:verify', '--anchor', 'kaderwijzer-anchor v1 nonsense', '--anchor-file', file('anchor.json')],
      ['audit:verify', '--anchor', 'kaderwijzer-anchor v1 2026-03-02T09:00:00.000Z ' + '0'.repeat(64) + ' 3', '--anchor-file', file('missing.json')],
    ]) {
      const r = await cli(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err[0].length).toBeGreaterThan(5);
    }
    expect(existsSync(file('missing.json'))).toBe(false);
    const unknown = await cli('audit:verify', '--dossier', '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18');
    expect(unknown).toMatchObject({ code: 1, err: ['Dossier 3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18 does not exist.'] });
  });
});

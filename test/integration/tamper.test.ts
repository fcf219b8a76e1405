import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '../../src/audit/audit.service';
import { AuditRowDb, toEventRow } from '../../src/audit/audit-scan';
import { formatAnchor, parseAnchor } from '../../src/audit/anchor';
import { AuditEventRow, canonicalEventContent, canonicalEventText, canonicalPayload, sealEventText, sha256Hex } from '../../src/audit/canonical-event';
import { runCli } from '../../src/cli/run';
import { loadConfig } from '../../src/config/config';
import { Db } from '../../src/database/db';
import { Harness, onPostgres, startHarness } from '../support/harness';

/**
 * Tampering below the application, on the real database file (SQLite) or database (PostgreSQL), as someone with
 * database access would: first the append-only triggers are dropped or disabled, then events are changed, deleted,
 * swapped, forged or the whole chain is rewritten. Verification (HTTP, CLI) must name the right event each time.
 *
 * An event is stored as `content` (the canonical JSON text that was hashed) and `hash`; the columns queries use
 * (stream, stream_seq, id, …) are generated from `content` by the database. So every tamper below edits `content`
 * (and, where the attacker is thorough, `hash`): there is no other column left to change.
 */
/** Incremental verification from an anchor that pins nothing, without its `since` check: the full pass's answer. */
async function sinceNothing(audit: AuditService) {
  const { since, ...rest } = await audit.verifySince(parseAnchor(formatAnchor([], '2026-01-01T00:00:00.000Z'), []));
  expect(since).toEqual({ ok: true, at: '2026-01-01T00:00:00.000Z', streams: 0 });
  return rest;
}

describe(`tampering with the audit trail in the database (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  /** A second connection to the same SQLite file, opened by a test after it edited the file on disk. */
  let reopened: Db | undefined;
  let dossier: string;
  const base = '/api/v1/dossiers';

  /** The rows as stored, their content parsed (a content that is no longer an audit event is read as far as it goes). */
  const rows = async (): Promise<AuditEventRow[]> =>
    (await h.db.read((tx) => tx.all<AuditRowDb>('SELECT seq, content, hash FROM audit_event ORDER BY seq'))).map((r) => {
      const { contentError: _ignored, ...row } = toEventRow([r.seq, r.content, r.hash]);
      return row;
    });
  /** One row exactly as stored: the hashed text and the recorded hash. */
  const stored = async (seq: number) => {
    const r = (await h.db.read((tx) => tx.get<AuditRowDb>('SELECT seq, content, hash FROM audit_event WHERE seq = ?', [seq])))!;
    return { seq: Number(r.seq), content: r.content, hash: r.hash };
  };
  type Verified = {
    ok: boolean;
    checked: number;
    firstBroken?: { seq: number; stream: string; streamSeq: number; reason: string; expected: string; found: string };
  };
  /**
   * GET /api/v1/audit/verify; for the whole store also checks that the service answers the same, and that verifying
   * "since" an anchor of no heads (everything is new) reports exactly what the full pass reports.
   */
  const verify = async (qs = ''): Promise<Verified> => {
    const body = (await h.as(h.users.auditor).get(`/api/v1/audit/verify${qs}`).expect(200)).body as Verified;
    if (qs === '') {
      const audit = h.app.get(AuditService);
      const single = await audit.verify();
      // The answer lists the heads a page at a time: all of them here (fewer than headsLimit), so no next page.
      expect(body).toEqual({ ...JSON.parse(JSON.stringify(single)), nextHeadsAfter: null });
      expect(await sinceNothing(audit)).toEqual(single);
    }
    return body;
  };
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => out.push(...l.split('\n')) }, { DATABASE_URL: h.config.database.url });
    return { code, out };
  }

  /** What an attacker with database access does first. */
  async function disableAppendOnly() {
    if (onPostgres()) await h.exec('ALTER TABLE audit_event DISABLE TRIGGER ALL');
    else {
      await h.exec('DROP TRIGGER audit_event_no_update');
      await h.exec('DROP TRIGGER audit_event_no_delete');
    }
  }

  /** Replace the stored text of the event at `seq` (and its recorded hash, when given); the triggers must be gone. */
  async function overwrite(seq: number, content: string, hash?: string) {
    const changed = await h.db.transaction((tx) =>
      hash === undefined
        ? tx.run('UPDATE audit_event SET content = ? WHERE seq = ?', [content, seq])
        : tx.run('UPDATE audit_event SET content = ?, hash = ? WHERE seq = ?', [content, hash, seq]),
    );
    expect(changed.changes).toBe(1);
  }
  /** Insert an event as the application would, with whatever hash the forger chose; returns its seq. */
  async function insert(content: string, hash: string): Promise<number> {
    const r = await h.db.transaction((tx) => tx.get<{ seq: number | string }>('INSERT INTO audit_event (content, hash) VALUES (?, ?) RETURNING seq', [content, hash]));
    return Number(r!.seq);
  }

  beforeEach(async () => {
    h = await startHarness();
    const bm = h.as(h.users.bm);
    const d = await bm.post(base, { title: 'Windpark Drentse Monden', strategisch: true, besluitvormer: 'PS' }).expect(201);
    dossier = d.body.id;
    await bm.post(`${base}/${dossier}/transitions`, { event: 'ADVANCE', expectedVersion: 1 }).expect(409);
    await bm.post(`${base}/${dossier}/evidence`, { kind: 'classificatie', occurredOn: '2026-03-02', data: { besluittype: 'verordening', instrumentType: 'none', herkomst: 'gs-initiatief', reden: 'Intake' } }).expect(201);
    const w = await bm.post(`${base}/${dossier}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: "Motivering volgt; 't is dringend." }).expect(201);
    await h.as(h.users.tl).post(`${base}/${dossier}/waivers/${w.body.id}/decision`, { decision: 'approve' }).expect(200);
    const v = (await bm.get(`${base}/${dossier}`).expect(200)).body as { version: number; next: { explanationsRequired: string[] } };
    const explanations = Object.fromEntries(v.next.explanationsRequired.map((r) => [r, `Toelichting ${r}: bewust afgewogen.`]));
    await bm.post(`${base}/${dossier}/transitions`, { event: 'ADVANCE', expectedVersion: v.version, explanations }).expect(201);
    await bm.post(`${base}/${dossier}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-02', data: { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Ja.' } }).expect(201);
    await bm.post(base, { title: 'Ander dossier', strategisch: false, besluitvormer: 'GS' }).expect(201);
    expect(await verify()).toMatchObject({ ok: true });
    // What the database holds is exactly the canonical text of each event, and its hash.
    for (const r of await rows()) {
      const s = await stored(r.seq);
      expect(s.content).toBe(canonicalEventContent(r));
      expect(s.hash).toBe(sha256Hex(s.content));
    }
    await disableAppendOnly();
  });
  afterEach(async () => {
    await reopened?.close();
    reopened = undefined;
    await h?.close();
  });

  const dossierRows = async () => (await rows()).filter((r) => r.stream === dossier);
  const countBefore = async (seq: number) => (await rows()).filter((r) => r.seq < seq).length;

  it('one changed byte in a payload: hash-mismatch at that event, with the recomputed and the recorded hash', async () => {
    const victim = (await dossierRows()).find((r) => r.action === 'transition.done')!;
    const { content } = await stored(victim.seq);
    const at = content.indexOf('"to":"') + 6; // the phase the transition went to, inside the payload
    expect(at).toBeGreaterThan(content.indexOf('"payload":{'));
    const altered = content.slice(0, at) + (content[at] === 'o' ? 'p' : 'o') + content.slice(at + 1); // one byte
    const [was, now] = [Buffer.from(content), Buffer.from(altered)];
    expect(now.length).toBe(was.length);
    expect(now.filter((b, i) => b !== was[i]).length).toBe(1);
    await overwrite(victim.seq, altered);

    const r = await verify();
    const expected = sha256Hex(altered);
    expect(r).toMatchObject({ ok: false, checked: await countBefore(victim.seq) });
    expect(r.firstBroken).toEqual({ seq: victim.seq, stream: dossier, streamSeq: victim.streamSeq, reason: 'hash-mismatch', expected, found: victim.hash });
    const perDossier = await verify(`?dossierId=${dossier}`);
    expect(perDossier.firstBroken).toEqual(r.firstBroken); // the row path names the same event as the whole store
    expect(perDossier.checked).toBe(victim.streamSeq - 1);
    const c = await cli('audit:verify');
    expect(c.code).toBe(1);
    expect(c.out[0]).toBe(`BROKEN after ${r.checked} intact events: event seq ${victim.seq} (stream ${dossier} #${victim.streamSeq}): hash-mismatch`);
    // The state on a later date says it was rebuilt from a damaged chain.
    const state = await h.as(h.users.auditor).get(`${base}/${dossier}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`).expect(200);
    expect(state.body.asOf).toMatchObject({ complete: false, chain: { ok: false, firstBroken: { seq: victim.seq, reason: 'hash-mismatch' } } });
    expect(state.body.asOf.gaps).toEqual([expect.objectContaining({ kind: 'chain-broken', seqs: [victim.seq] })]);
    expect(state.body.asOf.eventsApplied).toBe(victim.streamSeq - 1); // replayed up to the broken event only
    expect(state.body.phase).toBe('voorfase-agendasetting');
  });

  it('a payload that is no longer a JSON object: verification names it; history, state and export still answer', async () => {
    const victim = (await dossierRows())[2];
    // The database only accepts JSON with the generated fields in it, so the payload becomes a string.
    const altered = canonicalEventText(victim, '"{kapot"');
    await overwrite(victim.seq, altered);
    expect((await verify()).firstBroken).toEqual({
      seq: victim.seq, stream: dossier, streamSeq: victim.streamSeq, reason: 'hash-mismatch', expected: sha256Hex(altered), found: victim.hash,
    });
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toMatchObject({ seq: victim.seq, reason: 'hash-mismatch', expected: sha256Hex(altered) });
    const history = await h.as(h.users.auditor).get(`${base}/${dossier}/history`).expect(200);
    const entry = history.body.items.find((e: { seq: number }) => e.seq === victim.seq);
    expect(entry).toMatchObject({ contentError: 'the stored content has no valid payload' });
    const state = await h.as(h.users.auditor).get(`${base}/${dossier}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`).expect(200);
    expect(state.body.asOf.gaps).toEqual([expect.objectContaining({ kind: 'chain-broken', seqs: [victim.seq] })]);
    const exported = await h.as(h.users.auditor).get('/api/v1/audit/export').expect(200);
    const lines = String(exported.text).trimEnd().split('\n');
    expect(lines).toHaveLength((await rows()).length);
    // The damaged row is exported as stored, not repaired: the independent script stops there.
    expect(lines.map((l) => JSON.parse(l) as { seq: number; content?: string }).find((l) => l.seq === victim.seq)).toEqual({ seq: victim.seq, content: altered, hash: victim.hash });
    writeFileSync(join(h.dir, 'damaged.jsonl'), exported.text);
    const v = spawnSync(process.execPath, [join(__dirname, '../../scripts/verify-audit-export.mjs'), join(h.dir, 'damaged.jsonl')], { encoding: 'utf8' });
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`^BROKEN at seq ${victim.seq} .*: bad-format`));
  });

  it('an event rewritten as the same JSON in another layout: not canonical, named by its seq', async () => {
    const victim = (await dossierRows())[1];
    const { content } = await stored(victim.seq);
    const altered = JSON.stringify(JSON.parse(content), null, 1); // same fields and values, with whitespace
    expect(JSON.parse(altered)).toEqual(JSON.parse(content));
    await overwrite(victim.seq, altered);
    // The database still reads its place in the chain from the text; the hash of the text no longer matches.
    const broken = { seq: victim.seq, stream: dossier, streamSeq: victim.streamSeq, reason: 'hash-mismatch', expected: sha256Hex(altered), found: victim.hash };
    const r = await verify();
    expect(r.firstBroken).toEqual(broken);
    expect(r.checked).toBe(await countBefore(victim.seq));
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toEqual(broken);
  });

  it('a dossier whose very first event was altered: its state cannot be rebuilt (409), and verification says where', async () => {
    const first = (await dossierRows())[0];
    const { content } = await stored(first.seq);
    const altered = content.replace(`"actorId":"${first.actorId}"`, '"actorId":"iemand-anders"');
    expect(altered).not.toBe(content);
    await overwrite(first.seq, altered);
    expect((await verify()).firstBroken).toMatchObject({ seq: first.seq, reason: 'hash-mismatch', expected: sha256Hex(altered), found: first.hash });
    // The generated columns follow the content: the database itself now names someone else as the actor.
    expect(await h.db.read((tx) => tx.get<{ actor_id: string }>('SELECT actor_id FROM audit_event WHERE seq = ?', [first.seq]))).toEqual({ actor_id: 'iemand-anders' });
    const state = await h.as(h.users.auditor).get(`${base}/${dossier}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`).expect(409);
    expect(state.body.firstBroken).toMatchObject({ seq: first.seq, reason: 'hash-mismatch' });
  });

  it('a deleted event: stream-seq-gap at the next event of that dossier', async () => {
    const ds = await dossierRows();
    const victim = ds[3];
    const next = ds[4];
    await h.exec(`DELETE FROM audit_event WHERE seq = ${victim.seq}`);
    const r = await verify();
    expect(r.firstBroken).toEqual({
      seq: next.seq, stream: dossier, streamSeq: next.streamSeq, reason: 'stream-seq-gap', expected: String(victim.streamSeq), found: String(next.streamSeq),
    });
    expect(r.checked).toBe(await countBefore(next.seq));
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toEqual(r.firstBroken);
  });

  it('a deleted last event is invisible to the chain alone, but an anchor taken before names it (head-missing)', async () => {
    const anchor = await cli('audit:anchor', '--out', join(h.dir, 'anchor.json'));
    const ds = await dossierRows();
    const last = ds[ds.length - 1];
    await h.exec(`DELETE FROM audit_event WHERE seq = ${last.seq}`);
    expect((await verify()).ok).toBe(true);
    const c = await cli('audit:verify', '--anchor', anchor.out.at(-1)!, '--anchor-file', join(h.dir, 'anchor.json'));
    expect(c.code).toBe(1);
    expect(c.out).toContain(`ANCHOR ${anchor.out.at(-1)!.split(' ')[2]} FAILED: head-missing for stream ${dossier} at streamSeq ${last.streamSeq}`);
  });

  it('two events of a dossier swapped (their whole content and hash): stream-seq-gap at the earlier position', async () => {
    const ds = await dossierRows();
    const [a, b] = [ds[2], ds[3]];
    const [sa, sb] = [await stored(a.seq), await stored(b.seq)];
    // Out of the way of the unique keys (id; stream and streamSeq) first: park b under another id and position.
    await overwrite(b.seq, canonicalEventContent({ ...b, id: 'tijdelijk', streamSeq: 999 }));
    await overwrite(a.seq, sb.content, sb.hash);
    await overwrite(b.seq, sa.content, sa.hash);
    expect(await stored(a.seq)).toEqual({ ...sb, seq: a.seq });
    const r = await verify();
    expect(r.firstBroken).toEqual({ seq: a.seq, stream: dossier, streamSeq: b.streamSeq, reason: 'stream-seq-gap', expected: String(a.streamSeq), found: String(b.streamSeq) });
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toEqual(r.firstBroken);
  });

  it('two payloads swapped: hash-mismatch at the earlier event', async () => {
    const ds = await dossierRows();
    const [a, b] = [ds[1], ds[2]];
    const [ca, cb] = [canonicalEventText(a, canonicalPayload(b.payload)), canonicalEventText(b, canonicalPayload(a.payload))];
    await overwrite(a.seq, ca);
    await overwrite(b.seq, cb);
    expect((await verify()).firstBroken).toEqual({ seq: a.seq, stream: dossier, streamSeq: a.streamSeq, reason: 'hash-mismatch', expected: sha256Hex(ca), found: a.hash });
  });

  it('a forged event with a made-up hash appended to a dossier: hash-mismatch naming the forged event', async () => {
    const ds = await dossierRows();
    const head = ds[ds.length - 1];
    const content = canonicalEventContent({ ...head, id: '0b6f3c1e-2a47-4d8e-9f10-6c5d4b3a2918', streamSeq: head.streamSeq + 1, prevHash: head.hash, action: 'waiver.approved' });
    const forgedSeq = await insert(content, sha256Hex('vervalst'));
    expect(forgedSeq).toBe((await rows()).at(-1)!.seq);
    const broken = { seq: forgedSeq, stream: dossier, streamSeq: head.streamSeq + 1, reason: 'hash-mismatch', expected: sha256Hex(content), found: sha256Hex('vervalst') };
    expect((await verify()).firstBroken).toEqual(broken);
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toEqual(broken);
  });

  it('a forged event slipped into the middle with a correct hash (later events renumbered): stream-seq-gap at the genuine event it displaced', async () => {
    const ds = await dossierRows();
    const before = ds[2];
    const displaced = ds[3];
    // A waiver approval that never happened, sealed correctly on top of event #3 with the application's own library.
    const forged = sealEventText(
      { ...before, id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', action: 'waiver.approved', actorId: h.users.tl.id, actorRoles: ['teamleider'], payload: { forged: true } },
      { streamSeq: before.streamSeq, hash: before.hash },
    );
    // Every later event moves up one place in its stream (from the last one down, to keep streamSeq unique); the
    // forger cannot reseal them without changing the dossier's head, so their recorded hashes stay.
    for (const r of ds.filter((x) => x.streamSeq > before.streamSeq).reverse()) {
      await overwrite(r.seq, canonicalEventContent({ ...r, streamSeq: r.streamSeq + 1 }));
    }
    await insert(forged.content, forged.sealed.hash);
    const r = await verify();
    expect(r.firstBroken).toEqual({
      seq: displaced.seq, stream: dossier, streamSeq: displaced.streamSeq + 1, reason: 'stream-seq-gap', expected: String(displaced.streamSeq), found: String(displaced.streamSeq + 1),
    });
    expect((await verify(`?dossierId=${dossier}`)).firstBroken).toEqual(r.firstBroken);
  });

  it('the whole chain rewritten consistently after an anchor: the chain verifies, the anchor names the rewritten dossier', async () => {
    const anchorFile = join(h.dir, 'anchor.json');
    const taken = await cli('audit:anchor', '--out', anchorFile);
    expect(taken.code).toBe(0);
    const line = taken.out.at(-1)!;
    const anchor = parseAnchor(line, readFileSync(anchorFile, 'utf8'));
    const anchoredHead = anchor.heads.find((x) => x.stream === dossier)!;
    // Before the rewrite, verifying since the anchor holds, with the heads kept in the store or from the file.
    for (const args of [[], ['--anchor-file', anchorFile]]) {
      const since = await cli('audit:verify', '--since', line, ...args);
      expect(since.out[0]).toBe(`Since anchor ${anchor.at}: 0 event(s) appended after its ${anchor.streams} head(s).`);
      expect(since.out).toContain(`anchor ${anchor.at} holds (${anchor.streams} streams)`);
      expect(since.code).toBe(0);
    }
    expect((await cli('audit:verify', '--since', 'kaderwijzer-anchor v1 nonsense')).code).toBe(2);

    // Change the dossier's title in its very first event, then reseal every event of every stream from genesis.
    const all = await rows();
    const heads = new Map<string, { streamSeq: number; hash: string }>();
    for (const r of all) {
      const payload = r.seq === all.find((x) => x.stream === dossier)!.seq ? { ...r.payload, after: { ...(r.payload.after as object), title: 'Zonnepark Drentse Monden' } } : r.payload;
      const { seq, hash: _h, prevHash: _p, streamSeq: _s, ...fields } = r;
      const { sealed, content } = sealEventText({ ...fields, payload }, heads.get(r.stream) ?? null);
      heads.set(r.stream, sealed);
      // Stored as the application stores it: the canonical text that was hashed, and its hash.
      await overwrite(seq, content, sealed.hash);
    }
    expect(heads.get(dossier)!.hash).not.toBe(anchoredHead.hash);
    expect((await stored(all.find((x) => x.stream === dossier)!.seq)).content).toContain('Zonnepark Drentse Monden');

    const plain = await cli('audit:verify');
    expect(plain.out[0]).toMatch(/^ok: /); // consistent: the chain alone cannot tell
    expect(plain.code).toBe(0);
    expect(await verify()).toMatchObject({ ok: true, checked: all.length });
    const c = await cli('audit:verify', '--anchor', line, '--anchor-file', anchorFile);
    expect(c.code).toBe(1);
    const seq = all.find((x) => x.stream === dossier && x.streamSeq === anchoredHead.streamSeq)!.seq;
    expect(c.out).toContain(`ANCHOR ${anchor.at} FAILED: head-changed for stream ${dossier} at streamSeq ${anchoredHead.streamSeq} (event seq ${seq})`);
    expect(c.out).toContain(`  expected ${anchoredHead.hash}`);
    expect(c.out).toContain(`  found    ${heads.get(dossier)!.hash}`);
    // Verifying since the anchor names the same head, without reading the history before it.
    const since = await cli('audit:verify', '--since', line);
    expect(since.code).toBe(1);
    expect(since.out).toContain(`ANCHOR ${anchor.at} FAILED: head-changed for stream ${dossier} at streamSeq ${anchoredHead.streamSeq} (event seq ${seq})`);
    expect(since.out).toContain(`  found    ${heads.get(dossier)!.hash}`);
  });

  if (onPostgres()) {
    it('a rewritten event covered by editing the next event\'s prev_hash column (made plain with DROP EXPRESSION): named at that next event', async () => {
      const [a, b] = (await dossierRows()).slice(0, 2);
      const { content } = await stored(a.seq);
      const altered = content.replace('Windpark Drentse Monden', 'Zonnepark Drentse Monden');
      expect(altered).not.toBe(content);
      const hash = sha256Hex(altered);
      await overwrite(a.seq, altered, hash);
      await h.exec('ALTER TABLE audit_event ALTER COLUMN prev_hash DROP EXPRESSION');
      await h.exec(`UPDATE audit_event SET prev_hash = '${hash}' WHERE seq = ${b.seq}`);
      const r = await verify();
      expect(r.firstBroken).toMatchObject({ seq: b.seq, stream: dossier, streamSeq: b.streamSeq, reason: 'hash-mismatch' });
      expect(r.checked).toBe(await countBefore(b.seq));
    });
  }

  // Below the database engine itself: only SQLite keeps the trail in one file that can be edited with any tool.
  if (!onPostgres()) {
    it('one letter changed in the SQLite file on disk: hash-mismatch at that event, for the whole store and for the dossier', async () => {
      const victim = (await dossierRows()).find((r) => r.action === 'waiver.requested')!;
      const { content } = await stored(victim.seq);
      // "'t is dringend" becomes "'t is dringent": one letter for another, so the text stays valid JSON.
      const at = content.indexOf('dringend.') + 'dringen'.length;
      expect(content[at]).toBe('d');
      const altered = content.slice(0, at) + 't' + content.slice(at + 1);

      // Close the database cleanly: the last connection checkpoints the write-ahead log into the file and removes it.
      await h.db.close();
      expect(existsSync(`${h.dbPath}-wal`)).toBe(false);
      const pristine = readFileSync(h.dbPath);
      const file = Buffer.from(pristine);
      const needle = Buffer.from(content, 'utf8');
      const found: number[] = [];
      for (let i = file.indexOf(needle); i >= 0; i = file.indexOf(needle, i + 1)) found.push(i);
      // Free space in a page may still hold an old copy of the record: change the copy the table actually reads.
      const offset = Buffer.byteLength(content.slice(0, at), 'utf8');
      const readBack = () => {
        const conn = new Database(h.dbPath, { readonly: true, fileMustExist: true });
        try {
          return (conn.prepare('SELECT content FROM audit_event WHERE seq = ?').get(victim.seq) as { content: string }).content;
        } finally {
          conn.close();
        }
      };
      let live: number | undefined;
      for (const i of found) {
        file[i + offset] = 't'.charCodeAt(0);
        writeFileSync(h.dbPath, file);
        if (readBack() === altered) {
          live = i;
          break;
        }
        file[i + offset] = 'd'.charCodeAt(0);
        writeFileSync(h.dbPath, file);
      }
      expect(live).toBeDefined();
      // Exactly one byte of the file differs from what the database wrote: that letter.
      const now = readFileSync(h.dbPath);
      expect(now.length).toBe(pristine.length);
      expect([...now.keys()].filter((i) => now[i] !== pristine[i])).toEqual([live! + offset]);

      // Open the file again, as the CLI or a restarted server would. SQLite itself sees nothing wrong.
      reopened = await Db.open(loadConfig({ DATABASE_URL: `sqlite:${h.dbPath}` }).database);
      const db = reopened;
      expect(await db.read((tx) => tx.all('PRAGMA integrity_check'))).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.read((tx) => tx.get<{ content: string }>('SELECT content FROM audit_event WHERE seq = ?', [victim.seq]))).toEqual({ content: altered });
      const audit = new AuditService(db);
      const broken = { seq: victim.seq, stream: dossier, streamSeq: victim.streamSeq, reason: 'hash-mismatch', expected: sha256Hex(altered), found: victim.hash };

      // The whole store: in one pass, and incrementally from an anchor of no heads.
      const whole = await audit.verify();
      expect(whole).toMatchObject({ ok: false, checked: await db.read(async (tx) => Number((await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_event WHERE seq < ?', [victim.seq]))!.n)) });
      expect(whole.firstBroken).toEqual(broken);
      expect(await sinceNothing(audit)).toEqual(whole);
      // The dossier alone, read row by row.
      const perDossier = await audit.verify({ dossierId: dossier });
      expect(perDossier.firstBroken).toEqual(broken);
      expect(perDossier.checked).toBe(victim.streamSeq - 1);
      const c = await cli('audit:verify');
      expect(c.code).toBe(1);
      expect(c.out[0]).toBe(`BROKEN after ${whole.checked} intact events: event seq ${victim.seq} (stream ${dossier} #${victim.streamSeq}): hash-mismatch`);
    });
  }
});

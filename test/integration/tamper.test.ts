import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService, toAuditRow } from '../../src/audit/audit.service';
import { AuditEventRow, canonicalPayload, hashStoredEvent, parseAnchor, sealEvent, sha256Hex } from '../../src/audit/hash-chain';
import { runCli } from '../../src/cli/run';
import { Harness, onPostgres, startHarness } from '../support/harness';

/**
 * Tampering below the application, on the real database file (SQLite) or database (PostgreSQL), as someone with
 * database access would: first the append-only triggers are dropped or disabled, then events are changed, deleted,
 * swapped, forged or the whole chain is rewritten. Verification (HTTP, CLI) must name the right event each time.
 */
describe(`tampering with the audit trail in the database (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  let dossier: string;
  const base = '/api/v1/dossiers';

  type DbRow = Parameters<typeof toAuditRow>[0];
  /** The rows as stored (a payload that is no longer JSON is read as {}). */
  const rows = async (): Promise<AuditEventRow[]> =>
    (await h.db.read((tx) => tx.all<DbRow>('SELECT * FROM audit_event ORDER BY seq'))).map((r) =>
      toAuditRow({ ...r, payload: r.payload.startsWith('{"') || r.payload === '{}' ? r.payload : '{}' }),
    );
  const rawRow = async (seq: number) => (await h.db.read((tx) => tx.get<DbRow>('SELECT * FROM audit_event WHERE seq = ?', [seq])))!;
  const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
  type Verified = {
    ok: boolean;
    checked: number;
    firstBroken?: { seq: number; stream: string; streamSeq: number; reason: string; expected: string; found: string };
  };
  /** GET /api/v1/audit/verify; for the whole store also checks that verification in segments (as on worker threads) agrees exactly. */
  const verify = async (qs = ''): Promise<Verified> => {
    const body = (await h.as(h.users.auditor).get(`/api/v1/audit/verify${qs}`).expect(200)).body as Verified;
    if (qs === '') {
      const audit = h.app.get(AuditService);
      const single = await audit.verify({ parallel: false });
      for (const parts of [2, 3, 5]) expect(await audit.verify({ parallel: parts })).toEqual(single);
      expect(body).toEqual(JSON.parse(JSON.stringify(single)));
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

  /** Replace every column except seq of the row at `seq` with `values` (the triggers must be gone). */
  async function overwrite(seq: number, v: DbRow) {
    await h.exec(
      `UPDATE audit_event SET stream = ${lit(v.stream)}, stream_seq = ${lit(Number(v.stream_seq))}, id = ${lit(v.id)}, occurred_at = ${lit(v.occurred_at)},
        actor_id = ${lit(v.actor_id)}, actor_roles = ${lit(v.actor_roles)}, action = ${lit(v.action)}, dossier_id = ${lit(v.dossier_id)},
        workflow_id = ${lit(v.workflow_id)}, workflow_version = ${lit(v.workflow_version)}, payload = ${lit(v.payload)},
        prev_hash = ${lit(v.prev_hash)}, hash = ${lit(v.hash)} WHERE seq = ${seq}`,
    );
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
    await disableAppendOnly();
  });
  afterEach(async () => {
    await h?.close();
  });

  const dossierRows = async () => (await rows()).filter((r) => r.stream === dossier);
  const countBefore = async (seq: number) => (await rows()).filter((r) => r.seq < seq).length;

  it('one changed byte in a payload: hash-mismatch at that event, with the recomputed and the recorded hash', async () => {
    const victim = (await dossierRows()).find((r) => r.action === 'transition.done')!;
    const raw = await rawRow(victim.seq);
    const at = raw.payload.indexOf('"to":"') + 6;
    const altered = raw.payload.slice(0, at) + (raw.payload[at] === 'o' ? 'p' : 'o') + raw.payload.slice(at + 1); // one byte
    expect(altered.length).toBe(raw.payload.length);
    await h.exec(`UPDATE audit_event SET payload = ${lit(altered)} WHERE seq = ${victim.seq}`);

    const r = await verify();
    const expected = hashStoredEvent({ ...victim, payloadJson: altered });
    expect(r).toMatchObject({ ok: false, checked: await countBefore(victim.seq) });
    expect(r.firstBroken).toEqual({ seq: victim.seq, stream: dossier, streamSeq: victim.streamSeq, reason: 'hash-mismatch', expected, found: victim.hash });
    const perDossier = await verify(`?dossierId=${dossier}`);
    expect(perDossier.firstBroken).toMatchObject({ seq: victim.seq, reason: 'hash-mismatch' });
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

  it('a payload that is no longer JSON: verification names it; history, state and export still answer', async () => {
    const victim = (await dossierRows())[2];
    await h.exec(`UPDATE audit_event SET payload = '{kapot' WHERE seq = ${victim.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: victim.seq, reason: 'hash-mismatch', expected: expect.stringMatching(/^\(content cannot be hashed/) });
    const history = await h.as(h.users.auditor).get(`${base}/${dossier}/history`).expect(200);
    const entry = history.body.items.find((e: { seq: number }) => e.seq === victim.seq);
    expect(entry).toMatchObject({ payload: {}, payloadError: 'the stored payload is not valid JSON' });
    const state = await h.as(h.users.auditor).get(`${base}/${dossier}/state?at=${encodeURIComponent(h.clock.now().toISOString())}`).expect(200);
    expect(state.body.asOf.gaps).toEqual([expect.objectContaining({ kind: 'chain-broken', seqs: [victim.seq] })]);
    const exported = await h.as(h.users.auditor).get('/api/v1/audit/export').expect(200);
    const lines = String(exported.text).trimEnd().split('\n');
    expect(lines).toHaveLength((await rows()).length);
    // The damaged row is exported as stored, not repaired: the independent script stops there.
    writeFileSync(join(h.dir, 'damaged.jsonl'), exported.text);
    const v = spawnSync(process.execPath, [join(__dirname, '../../scripts/verify-audit-export.mjs'), join(h.dir, 'damaged.jsonl')], { encoding: 'utf8' });
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`^BROKEN at seq ${victim.seq} .*: bad-format`));
    expect(v.stdout).toContain('field payload');
  });

  it('a dossier whose very first event was altered: its state cannot be rebuilt (409), and verification says where', async () => {
    const first = (await dossierRows())[0];
    await h.exec(`UPDATE audit_event SET actor_id = 'iemand-anders' WHERE seq = ${first.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: first.seq, reason: 'hash-mismatch' });
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

  it('two events of a dossier swapped (all their contents): stream-seq-gap at the earlier position', async () => {
    const ds = await dossierRows();
    const [a, b] = [ds[2], ds[3]];
    const [ra, rb] = [await rawRow(a.seq), await rawRow(b.seq)];
    await h.exec(`UPDATE audit_event SET id = 'tmp', stream_seq = -1 WHERE seq = ${b.seq}`); // out of the way of the unique keys
    await overwrite(a.seq, rb);
    await overwrite(b.seq, ra);
    const r = await verify();
    expect(r.firstBroken).toEqual({ seq: a.seq, stream: dossier, streamSeq: b.streamSeq, reason: 'stream-seq-gap', expected: String(a.streamSeq), found: String(b.streamSeq) });
  });

  it('two payloads swapped: hash-mismatch at the earlier event', async () => {
    const ds = await dossierRows();
    const [a, b] = [ds[1], ds[2]];
    const [ra, rb] = [await rawRow(a.seq), await rawRow(b.seq)];
    await h.exec(`UPDATE audit_event SET payload = ${lit(rb.payload)} WHERE seq = ${a.seq}`);
    await h.exec(`UPDATE audit_event SET payload = ${lit(ra.payload)} WHERE seq = ${b.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: a.seq, reason: 'hash-mismatch', found: a.hash });
  });

  it('a forged event with a made-up hash appended to a dossier: hash-mismatch naming the forged event', async () => {
    const ds = await dossierRows();
    const head = ds[ds.length - 1];
    const forged = { ...(await rawRow(head.seq)), id: '0b6f3c1e-2a47-4d8e-9f10-6c5d4b3a2918', stream_seq: head.streamSeq + 1, prev_hash: head.hash, hash: sha256Hex('vervalst'), action: 'waiver.approved' };
    await h.exec(
      `INSERT INTO audit_event (stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id, workflow_id, workflow_version, payload, prev_hash, hash)
       VALUES (${[forged.stream, forged.stream_seq, forged.id, forged.occurred_at, forged.actor_id, forged.actor_roles, forged.action, forged.dossier_id, forged.workflow_id, forged.workflow_version, forged.payload, forged.prev_hash, forged.hash].map(lit).join(', ')})`,
    );
    const forgedSeq = (await rows()).at(-1)!.seq;
    expect((await verify()).firstBroken).toMatchObject({ seq: forgedSeq, stream: dossier, streamSeq: head.streamSeq + 1, reason: 'hash-mismatch', found: forged.hash });
  });

  it('a forged event slipped into the middle with a correct hash (later events renumbered): stream-seq-gap at the genuine event it displaced', async () => {
    const ds = await dossierRows();
    const before = ds[2];
    const displaced = ds[3];
    // A waiver approval that never happened, sealed correctly on top of event #3 with the application's own library.
    const sealed = sealEvent(
      { ...before, id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', action: 'waiver.approved', actorId: h.users.tl.id, actorRoles: ['teamleider'], payload: { forged: true } },
      { streamSeq: before.streamSeq, hash: before.hash },
    );
    await h.exec(`UPDATE audit_event SET stream_seq = stream_seq + 1000 WHERE stream = ${lit(dossier)} AND stream_seq > ${before.streamSeq}`);
    await h.exec(`UPDATE audit_event SET stream_seq = stream_seq - 999 WHERE stream = ${lit(dossier)} AND stream_seq > 1000`);
    await h.exec(
      `INSERT INTO audit_event (stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id, workflow_id, workflow_version, payload, prev_hash, hash)
       VALUES (${[sealed.stream, sealed.streamSeq, sealed.id, sealed.occurredAt, sealed.actorId, JSON.stringify(sealed.actorRoles), sealed.action, sealed.dossierId, sealed.workflowId, sealed.workflowVersion, JSON.stringify(sealed.payload), sealed.prevHash, sealed.hash].map(lit).join(', ')})`,
    );
    const r = await verify();
    expect(r.firstBroken).toEqual({
      seq: displaced.seq, stream: dossier, streamSeq: displaced.streamSeq + 1, reason: 'stream-seq-gap', expected: String(displaced.streamSeq), found: String(displaced.streamSeq + 1),
    });
  });

  it('the whole chain rewritten consistently after an anchor: the chain verifies, the anchor names the rewritten dossier', async () => {
    const anchorFile = join(h.dir, 'anchor.json');
    const taken = await cli('audit:anchor', '--out', anchorFile);
    expect(taken.code).toBe(0);
    const line = taken.out.at(-1)!;
    const anchor = parseAnchor(line, readFileSync(anchorFile, 'utf8'));
    const anchoredHead = anchor.heads.find((x) => x.stream === dossier)!;

    // Change the dossier's title in its very first event, then reseal every event of every stream from genesis.
    const all = await rows();
    const heads = new Map<string, { streamSeq: number; hash: string }>();
    for (const r of all) {
      const payload = r.seq === all.find((x) => x.stream === dossier)!.seq ? { ...r.payload, after: { ...(r.payload.after as object), title: 'Zonnepark Drentse Monden' } } : r.payload;
      const { seq, hash: _h, prevHash: _p, streamSeq: _s, ...content } = r;
      const sealed = sealEvent({ ...content, payload }, heads.get(r.stream) ?? null);
      heads.set(r.stream, sealed);
      // Stored as the application stores it: the canonical text of the payload.
      await h.exec(`UPDATE audit_event SET payload = ${lit(canonicalPayload(sealed.payload))}, prev_hash = ${lit(sealed.prevHash)}, hash = ${lit(sealed.hash)} WHERE seq = ${seq}`);
    }
    expect(heads.get(dossier)!.hash).not.toBe(anchoredHead.hash);

    const plain = await cli('audit:verify');
    expect(plain.out[0]).toMatch(/^ok: /); // consistent: the chain alone cannot tell
    expect(plain.code).toBe(0);
    const c = await cli('audit:verify', '--anchor', line, '--anchor-file', anchorFile);
    expect(c.code).toBe(1);
    const seq = all.find((x) => x.stream === dossier && x.streamSeq === anchoredHead.streamSeq)!.seq;
    expect(c.out).toContain(`ANCHOR ${anchor.at} FAILED: head-changed for stream ${dossier} at streamSeq ${anchoredHead.streamSeq} (event seq ${seq})`);
    expect(c.out).toContain(`  expected ${anchoredHead.hash}`);
    expect(c.out).toContain(`  found    ${heads.get(dossier)!.hash}`);
  });
});

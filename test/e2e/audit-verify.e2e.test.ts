import { formatAnchor } from '../../src/audit/anchor';
import { AuditService } from '../../src/audit/audit.service';
import { SYSTEM_STREAM } from '../../src/audit/canonical-event';
import { Harness, onPostgres, startHarness } from '../support/harness';

/**
 * GET /api/v1/audit/verify (issue #13, #12): `?since=<anchor line>` verifies only what was appended after an anchor
 * taken on this store and proves the anchored heads unchanged; a malformed line is a 400 naming `query.since`; a
 * beheerder (who reads no dossiers) is shown no dossier ids.
 */
describe(`GET /api/v1/audit/verify: since an anchor, and what a beheerder sees (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  let dossier: string;
  const base = '/api/v1/dossiers';
  type Body = {
    ok: boolean;
    checked: number;
    streams: number;
    heads: { stream: string; streamSeq: number; hash: string }[];
    firstBroken?: { seq: number; stream: string; streamSeq: number; reason: string; expected: string; found: string };
    since?: { ok: boolean; at: string; streams: number; reason?: string; stream?: string; streamSeq?: number; seq?: number; expected?: string; found?: string };
  };
  const get = async (who: keyof Harness['users'], qs = '', status = 200) =>
    (await h.as(h.users[who]).get(`/api/v1/audit/verify${qs}`).expect(status)).body as Body;

  /** Takes an anchor as `audit:anchor` does: verify, format the line, keep the heads in the store. */
  async function anchor(): Promise<{ line: string; heads: Body['heads']; events: number }> {
    const audit = h.app.get(AuditService);
    const r = await audit.verify();
    expect(r.ok).toBe(true);
    const line = formatAnchor(r.heads, h.clock.now().toISOString());
    await audit.recordAnchor(line, r.heads);
    return { line, heads: r.heads, events: r.checked };
  }
  const since = (line: string) => `?since=${encodeURIComponent(line)}`;
  const newDossier = async (title: string) =>
    ((await h.as(h.users.bm).post(base, { title, strategisch: false, besluitvormer: 'GS' }).expect(201)).body as { id: string }).id;
  const evidence = (id: string, n: number) =>
    h.as(h.users.bm).post(`${base}/${id}/evidence`, { kind: 'checkvraag', occurredOn: '2026-03-02', data: { vraag: 'inwonersinitiatief', antwoord: n % 2 === 0, toelichting: `Stand ${n}.` } }).expect(201);
  async function overwrite(seq: number, content: string) {
    if (onPostgres()) await h.exec('ALTER TABLE audit_event DISABLE TRIGGER ALL');
    else await h.exec('DROP TRIGGER audit_event_no_update');
    await h.db.transaction((tx) => tx.run('UPDATE audit_event SET content = ? WHERE seq = ?', [content, seq]));
  }

  beforeEach(async () => {
    h = await startHarness();
    dossier = await newDossier('Windpark Drentse Monden');
    await evidence(dossier, 1);
  });
  afterEach(async () => {
    await h?.close();
  });

  it('verifies only the events appended after the anchor, from the anchored heads, and ends with the same heads as a full pass', async () => {
    const a = await anchor();
    const fresh = await newDossier('Zonnepark Hooghalen');
    await evidence(dossier, 2);
    await evidence(fresh, 3);
    const full = await get('auditor');
    const total = Number((await h.db.read((tx) => tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_event')))!.n);
    expect(full).toMatchObject({ ok: true, checked: total });
    const r = await get('auditor', since(a.line));
    expect(r.since).toEqual({ ok: true, at: a.line.split(' ')[2], streams: a.heads.length });
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(total - a.events);
    expect(r.checked).toBe(3); // the dossier created and two evidence records: one event per write
    expect(r.heads).toEqual(full.heads);
    expect(r.streams).toBe(full.streams);
    // Nothing appended since: nothing to verify, the heads still hold.
    const again = await anchor();
    expect(await get('auditor', since(again.line))).toMatchObject({ ok: true, checked: 0, since: { ok: true } });
  });

  it('names an anchored head whose stored text was changed (head-changed), and one that is gone from the store (head-missing)', async () => {
    const a = await anchor();
    const head = a.heads.find((x) => x.stream === dossier)!;
    const row = (await h.db.read((tx) => tx.get<{ seq: number | string; content: string }>('SELECT seq, content FROM audit_event WHERE stream = ? AND stream_seq = ?', [dossier, head.streamSeq])))!;
    await overwrite(Number(row.seq), row.content.replace('Stand 1.', 'Stand 9.'));
    const r = await get('auditor', since(a.line));
    expect(r.ok).toBe(false);
    expect(r.since).toMatchObject({ ok: false, reason: 'head-changed', stream: dossier, streamSeq: head.streamSeq, seq: Number(row.seq), expected: head.hash });
    expect(r.since!.found).not.toBe(head.hash);

    if (onPostgres()) await h.exec('DELETE FROM audit_event WHERE seq = ' + String(Number(row.seq)));
    else {
      await h.exec('DROP TRIGGER audit_event_no_delete');
      await h.exec(`DELETE FROM audit_event WHERE seq = ${Number(row.seq)}`);
    }
    expect((await get('auditor', since(a.line))).since).toMatchObject({ ok: false, reason: 'head-missing', stream: dossier, found: '(no such event)' });
  });

  it('finds a broken event appended after the anchor, counting only the events after the anchor before it', async () => {
    const a = await anchor();
    await evidence(dossier, 2);
    await evidence(dossier, 3);
    const rows = await h.db.read((tx) => tx.all<{ seq: number | string; content: string; hash: string }>('SELECT seq, content, hash FROM audit_event WHERE stream = ? ORDER BY seq', [dossier]));
    const victim = rows.find((x) => x.content.includes('Stand 3.'))!;
    await overwrite(Number(victim.seq), victim.content.replace('Stand 3.', 'Stand 4.'));
    const r = await get('auditor', since(a.line));
    expect(r.since).toMatchObject({ ok: true });
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: Number(victim.seq), stream: dossier, reason: 'hash-mismatch', found: victim.hash });
    const full = await get('auditor');
    expect(full.firstBroken).toEqual(r.firstBroken);
    expect(r.checked).toBe(full.checked - a.events);
  });

  it('refuses a malformed anchor line as a 400 naming query.since, and an anchor this store did not take as a 404', async () => {
    for (const bad of ['nonsense', 'kaderwijzer-anchor v1 2026-03-02T09:00:00.000Z abc 1', `kaderwijzer-anchor v2 2026-03-02T09:00:00.000Z ${'a'.repeat(64)} 1`]) {
      const body = (await h.as(h.users.auditor).get(`/api/v1/audit/verify${since(bad)}`).expect(400)).body as { errors: { field: string }[] };
      expect(body.errors.map((e) => e.field)).toEqual(['query.since']);
    }
    const a = await anchor();
    const both = (await h.as(h.users.auditor).get(`/api/v1/audit/verify${since(a.line)}&dossierId=${dossier}`).expect(400)).body as { errors: { field: string }[] };
    expect(both.errors.map((e) => e.field)).toEqual(['query.since']);
    await h.as(h.users.auditor).get(`/api/v1/audit/verify?since=x&since=y`).expect(400);
    const other = formatAnchor([{ stream: SYSTEM_STREAM, streamSeq: 1, hash: 'a'.repeat(64) }], '2026-03-02T09:00:00.000Z');
    await h.as(h.users.auditor).get(`/api/v1/audit/verify${since(other)}`).expect(404);
  });

  it('shows a beheerder only the system stream: no dossier ids in heads or in a broken event; other roles see every stream', async () => {
    const auditorView = await get('auditor');
    expect(auditorView.heads.map((x) => x.stream)).toContain(dossier);
    const beheerder = await get('beheerder');
    expect(beheerder).toMatchObject({ ok: true, checked: auditorView.checked, streams: auditorView.streams });
    expect(beheerder.heads).toEqual(auditorView.heads.filter((x) => x.stream === SYSTEM_STREAM));
    expect(JSON.stringify(beheerder)).not.toContain(dossier);
    for (const role of ['bm', 'tl', 'griffie'] as const) expect(await get(role)).toEqual(auditorView);
    await h.as(h.users.beheerder).get(`/api/v1/audit/verify?dossierId=${dossier}`).expect(403);

    const row = (await h.db.read((tx) => tx.get<{ seq: number | string; content: string }>('SELECT seq, content FROM audit_event WHERE stream = ? AND stream_seq = 2', [dossier])))!;
    await overwrite(Number(row.seq), row.content.replace('Stand 1.', 'Stand 2.'));
    const broken = await get('beheerder');
    expect(broken.firstBroken).toMatchObject({ seq: Number(row.seq), stream: '(dossier)', reason: 'hash-mismatch' });
    expect(JSON.stringify(broken)).not.toContain(dossier);
    expect((await get('auditor')).firstBroken).toMatchObject({ seq: Number(row.seq), stream: dossier });
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Harness, startHarness } from '../support/harness';

/**
 * Crash safety on SQLite: a process killed with SIGKILL in the middle of a stream of writes leaves a store
 * that opens cleanly, in which every transition is complete with its audit event or absent, and whose
 * chains verify. SQLite only: `npm run test:pg` leaves this file out (jest.config.js).
 */
describe('crash safety (SQLite, SIGKILL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('recovers from SIGKILL mid-stream with every transition whole or absent', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const d = await h
        .as(h.users.bm)
        .post('/api/v1/dossiers', { title: `Crash ${i}`, strategisch: false, strategischMotivatie: 'x', besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'gs-initiatief' })
        .expect(201);
      ids.push(d.body.id);
    }
    const child = spawn(process.execPath, ['-r', join(__dirname, '../support/ts-register.js'), join(__dirname, '../support/crash-writer.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: h.config.database.url,
        CRASH_ACTOR: JSON.stringify({ id: h.users.bm.id, name: 'bm', roles: ['beleidsmedewerker'] }),
        CRASH_DOSSIERS: JSON.stringify(ids),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let committed = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        committed += c.toString().split('\n').filter(Boolean).length;
        // Kill it well into the stream, at an arbitrary point of a write.
        if (committed >= 60) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
    });
    await new Promise((r) => child.once('close', r));
    expect(committed).toBeGreaterThanOrEqual(60);

    // Reopen through the service: state and audit trail agree for every dossier.
    const verify = await h.as(h.users.auditor).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
    for (const id of ids) {
      const row = await h.db.read((tx) => tx.get<{ state: string; version: number }>('SELECT state, version FROM dossier WHERE id = ?', [id]));
      const done = await h.db.read((tx) =>
        tx.all<{ content: string }>("SELECT content FROM audit_event WHERE dossier_id = ? AND action = 'transition.done' ORDER BY stream_seq", [id]),
      );
      // version 1 at creation, +1 per completed transition; the state is the target of the last one.
      expect(Number(row!.version)).toBe(1 + done.length);
      const last = done.at(-1);
      expect(row!.state).toBe(last ? (JSON.parse(last.content) as { payload: { to: string } }).payload.to : 'voorfase-agendasetting');
      const evidenceRows = await h.db.read(async (tx) => Number((await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM evidence WHERE dossier_id = ?', [id]))!.n));
      const evidenceEvents = await h.db.read(async (tx) =>
        Number((await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_event WHERE dossier_id = ? AND action IN ('evidence.recorded', 'classification.changed', 'dossier.created')", [id]))!.n),
      );
      expect(evidenceRows).toBe(evidenceEvents);
    }
    // And the store takes new writes.
    await h.as(h.users.bm).post(`/api/v1/dossiers/${ids[0]}/evidence`, { kind: 'leerpunten', occurredOn: '2026-03-01', data: { leerpunten: 'na de crash' } }).expect(201);
  }, 60_000);
});

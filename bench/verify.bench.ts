/**
 * npm run bench:verify — audit-chain verification speed on a large store, next to plain SHA-256 over the same bytes,
 * and incremental verification after an anchor next to a full pass.
 *
 * 1. Generates BENCH_EVENTS (default 1,000,000) sealed audit events with realistic payloads (evidence records,
 *    requirement evaluations with explanations in Dutch and English, classification changes, waivers; 500–1000
 *    bytes of canonical JSON) over BENCH_DOSSIERS dossier streams plus the `system` stream, straight into a SQLite
 *    file that the application's migrations created (chunked multi-row INSERTs in large transactions; the two plain
 *    secondary indexes are rebuilt once at the end with the migration's own statements).
 * 2. Verifies the whole store through the path `npm run cli -- audit:verify` and `GET /api/v1/audit/verify` use,
 *    `AuditService.verify()` on a `Db` opened on that file (plain JavaScript, one thread), and measures in the same
 *    run plain SHA-256 (node:crypto, one thread) over exactly the bytes verification hashes (the stored canonical
 *    text of every event, read beforehand into a Buffer of its own; only the hashing is timed). Target: verification
 *    at ≥ 0.3 of that rate.
 * 3. Takes an anchor of the store as it was BENCH_SINCE (default 1,000) events before its end, and verifies what was
 *    appended after it (`AuditService.verifySince`, as `audit:verify --since` and `GET /api/v1/audit/verify?since=`
 *    do): every anchored head checked, the last events verified. Target: under 1/100 of the full pass.
 *
 * The machine is shared and its speed drifts, so each measurement is made in BENCH_ROUNDS (default 3) rounds, each
 * verification right next to its baseline, and the median is reported.
 *
 * BENCH_FILE=<path> keeps the generated database there and reuses it on the next run.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAnchor, parseAnchor } from '../src/audit/anchor';
import { AuditService } from '../src/audit/audit.service';
import { sealEventText, StreamHead, SYSTEM_STREAM, UnsealedAuditEvent } from '../src/audit/canonical-event';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 20_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const SINCE = Number(process.env.BENCH_SINCE ?? 1_000);
const CHUNK = 500; // rows per INSERT statement (2 parameters each)
const ROLES = [['beleidsmedewerker'], ['teamleider'], ['griffie'], ['beleidsmedewerker', 'teamleider']] as const;

/** A uuid-shaped id that sorts by creation (like UUIDv7), so index inserts stay cheap while generating. */
function id(n: number, salt: number): string {
  const h = n.toString(16).padStart(12, '0');
  const s = (salt * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return `${s}-${h.slice(0, 4)}-7${h.slice(4, 7)}-8${h.slice(7, 10)}-${h.slice(10)}${s}${s.slice(0, 2)}`;
}

const REQUIREMENTS = ['X-01', 'X-02', 'G2-01', 'G2-03', 'G2-05', 'G2-09'];
const TEXTS = [
  { nl: 'Startnotitie “RES 2.0” met participatieparagraaf, vastgesteld door GS op 24 februari.', en: 'Startnotitie with participation section, adopted by GS.' },
  { nl: 'De vraag over ruimte voor inwonersinitiatief is beantwoord.', en: 'The question on room for residents’ initiative was answered.' },
  { nl: 'Ontbreekt: het besluit van GS over inspraak (afd. 3.4 Awb).', en: 'Missing: the GS decision on inspraak (Awb 3.4).' },
];

/** A payload of the kind `action` carries in the real application, 500–1000 bytes once canonical. */
function payload(action: string, n: number, dossier: string): Record<string, unknown> {
  const t = TEXTS[n % TEXTS.length];
  const recordedAt = new Date(Date.UTC(2026, 2, 2, 9) + n * 1000).toISOString();
  switch (action) {
    case 'evidence.recorded':
      return {
        phase: 'voorbereiding-beleid',
        evidence: {
          id: id(n, 7), dossierId: dossier, kind: 'document', occurredOn: '2026-02-20', recordedAt, recordedBy: id(n % 97, 3), supersedes: null,
          data: {
            documentType: 'startnotitie', titel: `Startnotitie dossier ${n}`, vastgesteldDoorGsOn: '2026-02-24',
            participatieparagraaf: { doel: t.nl, doelgroepen: ['inwoners', 'energiecoöperaties'], planning: 'Voorjaar 2026 bijeenkomsten.', informatievindplaats: 'https://www.provincie.drenthe.nl/energie' },
          },
        },
      };
    case 'transition.done':
    case 'transition.refused':
      return {
        transitionId: id(n, 11), event: 'ADVANCE', from: 'voorbereiding-beleid', to: 'ontwikkeling-voorstel', expectedVersion: 3, reason: null,
        explanations: { 'G2-05': 'Bewust afgewogen: geen aanvullende doelgroepen.' },
        evaluation: REQUIREMENTS.slice(0, 3 + (n % 2)).map((r, i) => ({
          id: r, severity: i < 2 ? 'hard' : 'advisory', waivable: i > 1, status: (n + i) % 3 === 0 ? 'unsatisfied' : 'satisfied',
          explanation: { nl: TEXTS[(n + i) % 3].nl.slice(0, 40), en: TEXTS[(n + i) % 3].en.slice(0, 30) }, evidence: [id(n + i, 7)],
        })),
        ...(action === 'transition.done' ? { newVersion: 4, waiversUsed: {} } : { refusal: 'requirements-unmet' }),
      };
    case 'classification.changed':
      return {
        phase: 'voorfase-agendasetting', reden: 'Classificatie aangevuld na intake',
        before: { strategisch: false, besluitvormer: 'GS', besluittype: null, instrumentType: null },
        after: { strategisch: true, besluitvormer: 'PS', besluittype: 'verordening', instrumentType: 'none' },
        evidence: { id: id(n, 7), kind: 'classificatie', occurredOn: '2026-03-01', recordedAt, data: { strategisch: true, strategischMotivatie: t.nl, reden: 'Intake' } },
      };
    case 'waiver.approved':
      return {
        requester: id(n % 97, 3), approver: id(n % 89, 5),
        before: { id: id(n, 13), requirementId: 'G2-01', reasonCode: 'ondergeschikte-wijziging', motivation: t.nl, status: 'requested', requestedAt: recordedAt },
        after: { id: id(n, 13), requirementId: 'G2-01', reasonCode: 'ondergeschikte-wijziging', motivation: t.nl, status: 'approved', decidedAt: recordedAt },
      };
    default:
      return { after: { id: id(n, 17), name: `Medewerker ${n}`, roles: ['beleidsmedewerker'] }, note: t.nl };
  }
}

const ACTIONS = ['evidence.recorded', 'evidence.recorded', 'transition.refused', 'transition.done', 'evidence.recorded', 'classification.changed', 'waiver.approved'];

function generate(path: string): { bytes: number } {
  const conn = new Database(path);
  conn.pragma('journal_mode = OFF');
  conn.pragma('synchronous = OFF');
  conn.pragma('locking_mode = EXCLUSIVE');
  conn.pragma('cache_size = -1000000');
  conn.pragma('temp_store = MEMORY');
  // The two plain secondary indexes are rebuilt once at the end (faster than a million incremental inserts), with
  // the exact statements the migration created them with; the unique keys stay in place throughout.
  const indexes = conn
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_event' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) conn.exec(`DROP INDEX ${ix.name}`);
  const sql = (rows: number) => `INSERT INTO audit_event (content, hash) VALUES ${Array(rows).fill('(?, ?)').join(',')}`;
  const full = conn.prepare(sql(CHUNK));
  const heads = new Map<string, { streamSeq: number; hash: string }>();
  const dossiers = Array.from({ length: DOSSIERS }, (_, i) => id(i, 1));
  let bytes = 0;
  const params: (string | number | null)[] = [];
  const flush = (rows: number) => {
    (rows === CHUNK ? full : conn.prepare(sql(rows))).run(params);
    params.length = 0;
  };
  conn.exec('BEGIN');
  for (let n = 0; n < EVENTS; n++) {
    const system = n % 50 === 0;
    // Dossiers take turns in small blocks, as real work interleaves: consecutive events often share a stream.
    const stream = system ? SYSTEM_STREAM : dossiers[(Math.floor(n / 3) * 7919) % DOSSIERS];
    const action = system ? 'user.created' : ACTIONS[n % ACTIONS.length];
    const event: UnsealedAuditEvent = {
      stream,
      id: id(n, 2),
      occurredAt: new Date(Date.UTC(2026, 2, 2, 9) + n * 1000).toISOString(),
      actorId: id(n % 97, 3),
      actorRoles: [...ROLES[n % ROLES.length]],
      action,
      dossierId: system ? null : stream,
      workflowId: system ? null : 'drenthe-verbindend-besturen',
      workflowVersion: system ? null : '2021',
      payload: payload(action, n, stream),
    };
    const { sealed, content } = sealEventText(event, heads.get(stream) ?? null);
    heads.set(stream, { streamSeq: sealed.streamSeq, hash: sealed.hash });
    bytes += Buffer.byteLength(content);
    params.push(content, sealed.hash);
    if (params.length === CHUNK * 2) flush(CHUNK);
    if ((n + 1) % 50_000 === 0) {
      conn.exec('COMMIT; BEGIN');
      if (process.stderr.isTTY) process.stderr.write(`\rgenerating: ${(n + 1).toLocaleString('en')} / ${EVENTS.toLocaleString('en')}   `);
    }
  }
  if (params.length > 0) flush(params.length / 2);
  conn.exec('COMMIT');
  for (const ix of indexes) conn.exec(ix.sql);
  if (process.stderr.isTTY) process.stderr.write('\n');
  conn.close();
  return { bytes };
}

/**
 * Plain SHA-256 (node:crypto, one thread) over exactly the bytes verification hashes: the stored canonical text of
 * every event, read page by page into a Buffer of its own; only the hashing is timed.
 */
function plainSha256(path: string): { seconds: number; cpuSeconds: number; events: number; bytes: number } {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const page = conn.prepare('SELECT seq, CAST(content AS BLOB) FROM audit_event WHERE seq > ? ORDER BY seq LIMIT 1000').raw(true);
    let seconds = 0;
    let cpuSeconds = 0;
    let events = 0;
    let bytes = 0;
    let sink = 0;
    for (let after = 0; ; ) {
      const rows = page.all(after) as [number, Buffer][];
      if (rows.length === 0) break;
      after = rows[rows.length - 1][0];
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (let i = 0; i < rows.length; i++) sink ^= hash('sha256', rows[i][1], 'hex').charCodeAt(0);
      const c = process.cpuUsage(c0);
      seconds += (performance.now() - t0) / 1000;
      cpuSeconds += (c.user + c.system) / 1e6;
      events += rows.length;
      for (const r of rows) bytes += r[1].length;
    }
    if (sink === -1) console.log(sink); // keep the loop from being optimised away
    return { seconds, cpuSeconds, events, bytes };
  } finally {
    conn.close();
  }
}

/** The heads of every stream as they were when the event at `seq` was the last one (an anchor taken then). */
function headsAt(path: string, seq: number): StreamHead[] {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return conn
      .prepare(
        `SELECT a.stream, a.stream_seq AS streamSeq, a.hash FROM audit_event a
           JOIN (SELECT stream, MAX(stream_seq) AS m FROM audit_event WHERE seq <= ? GROUP BY stream) h ON h.stream = a.stream AND h.m = a.stream_seq`,
      )
      .all(seq) as StreamHead[];
  } finally {
    conn.close();
  }
}

async function main() {
  // BENCH_FILE: keep (and on later runs reuse) the generated database there instead of a temporary directory.
  const keep = process.env.BENCH_FILE;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'kw-bench-verify-'));
  const path = keep ?? join(dir!, 'audit.sqlite');
  try {
    const config = loadConfig({ DATABASE_URL: `sqlite:${path}` });
    if (!keep || !existsSync(path)) {
      await (await Db.open(config.database)).close(); // the real schema, from the migrations
      const g0 = performance.now();
      const { bytes } = generate(path);
      const genSeconds = (performance.now() - g0) / 1000;
      console.log(
        `generated ${EVENTS.toLocaleString('en')} events in ${DOSSIERS.toLocaleString('en')} dossier streams + system: ` +
          `canonical text ${Math.round(bytes / EVENTS)} bytes per event on average, file ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${genSeconds.toFixed(1)} s`,
      );
    }

    const db = await Db.open(config.database);
    try {
      // The service object the CLI and the API use, on the same kind of Db; built directly rather than through
      // the whole AppModule so that the benchmark measures verification, not the wiring of unrelated modules.
      const audit = new AuditService(db);
      const total = await audit.count();
      const full = async () => {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = await audit.verify();
        const c = process.cpuUsage(c0);
        if (!r.ok || r.checked !== total) throw new Error(`verification failed: ${JSON.stringify(r.firstBroken ?? r)}`);
        return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, streams: r.streams };
      };
      const maxSeq = Number((await db.read((tx) => tx.get<{ m: number }>('SELECT MAX(seq) AS m FROM audit_event')))!.m);
      const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
      const us = (s: number, n: number) => ((s * 1e6) / n).toFixed(2);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

      // Reading alone: the pages verification reads, through the same scanner, nothing hashed or checked. What a
      // verifier cannot avoid, so plain / (read + plain) is the best ratio any verifier over these rows can reach.
      const readOnly = async () => {
        const t0 = performance.now();
        let n = 0;
        for await (const page of audit.scanner.verificationPages()) n += page.length;
        if (n !== total) throw new Error(`reading saw ${n} events, the store has ${total}`);
        return (performance.now() - t0) / 1000;
      };

      // Full pass next to plain SHA-256 over the same bytes, and reading alone, in rounds.
      const rounds: { verify: Awaited<ReturnType<typeof full>>; plain: ReturnType<typeof plainSha256>; read: number }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const verify = await full();
        const plain = plainSha256(path);
        if (plain.events !== total) throw new Error(`plain SHA-256 saw ${plain.events} events, the store has ${total}`);
        rounds.push({ verify, plain, read: await readOnly() });
      }
      const avg = Math.round(rounds[0].plain.bytes / rounds[0].plain.events);
      console.log(`${total.toLocaleString('en')} events in ${rounds[0].verify.streams.toLocaleString('en')} streams, ${avg} bytes hashed per event; ${ROUNDS} rounds of (full verification, plain SHA-256):`);
      const ratios = rounds.map(({ verify, plain }, i) => {
        const ratio = total / verify.seconds / (plain.events / plain.seconds);
        console.log(
          `  round ${i + 1}: verify as the CLI/API do (plain JavaScript, one thread) ${rate(total, verify.seconds)} events/s (${verify.seconds.toFixed(2)} s), ` +
            `plain SHA-256 ${rate(plain.events, plain.seconds)} events/s → ratio ${ratio.toFixed(2)}`,
        );
        return ratio;
      });
      console.log(`full pass / plain SHA-256 over the same bytes, median of ${ROUNDS}: ${median(ratios).toFixed(2)} (target ≥ 0.3; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
      const ceilings = rounds.map(({ plain, read }) => plain.seconds / (read + plain.seconds));
      console.log(
        `reading the same rows alone (no hashing, no checks): ${us(median(rounds.map((r) => r.read)), total)} µs per event, ` +
          `plain SHA-256 ${us(median(rounds.map((r) => r.plain.seconds)), total)} µs → the best ratio a verifier reading these rows can reach: ${median(ceilings).toFixed(2)}`,
      );

      // Incremental: an anchor taken SINCE events before the end, then only what came after it.
      const cut = Number((await db.read((tx) => tx.get<{ s: number }>('SELECT seq AS s FROM audit_event ORDER BY seq DESC LIMIT 1 OFFSET ?', [SINCE])))!.s);
      const heads = headsAt(path, cut);
      const anchor = parseAnchor(formatAnchor(heads, '2026-12-05T08:00:00.000Z'), heads);
      const sinceSeconds: number[] = [];
      const fullSeconds: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const r = await audit.verifySince(anchor);
        sinceSeconds.push((performance.now() - t0) / 1000);
        if (!r.ok || r.checked !== maxSeq - cut) throw new Error(`verification since the anchor failed: ${JSON.stringify({ ...r, heads: r.heads.length })}`);
        fullSeconds.push((await full()).seconds);
      }
      const sinceRatios = sinceSeconds.map((s, i) => s / fullSeconds[i]);
      // The same with an anchor taken at the very end: nothing appended, so only the anchored heads are checked.
      const endHeads = headsAt(path, maxSeq);
      const end = parseAnchor(formatAnchor(endHeads, '2026-12-05T09:00:00.000Z'), endHeads);
      const headsSeconds: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const r = await audit.verifySince(end);
        headsSeconds.push((performance.now() - t0) / 1000);
        if (!r.ok || r.checked !== 0) throw new Error(`verification since an anchor at the end failed: ${JSON.stringify({ ...r, heads: r.heads.length })}`);
      }
      console.log(
        `since an anchor of ${heads.length.toLocaleString('en')} heads, the last ${(maxSeq - cut).toLocaleString('en')} events: ` +
          `${(median(sinceSeconds) * 1000).toFixed(1)} ms (rounds ${sinceSeconds.map((s) => (s * 1000).toFixed(1)).join(', ')} ms) against a full pass of ` +
          `${median(fullSeconds).toFixed(2)} s → ${median(sinceRatios).toFixed(4)} of a full pass (target < 0.01)`,
      );
      // The heads' part grows with the number of dossiers, not with the store: how many streams the target allows.
      const perHead = median(headsSeconds) / end.heads.length;
      console.log(
        `  of which checking the anchored heads alone (an anchor at the end, nothing appended): ${(median(headsSeconds) * 1000).toFixed(1)} ms, ` +
          `${(perHead * 1e6).toFixed(1)} µs per head → the heads stay under 1/100 of a full pass for an anchor of up to ` +
          `${Math.floor(median(fullSeconds) / 100 / perHead).toLocaleString('en')} streams`,
      );
      console.log(
        `CPU time per event: verify ${us(median(rounds.map((r) => r.verify.cpuSeconds)), total)} µs, plain SHA-256 ${us(median(rounds.map((r) => r.plain.cpuSeconds)), total)} µs; ` +
          `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      );
    } finally {
      await db.close();
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

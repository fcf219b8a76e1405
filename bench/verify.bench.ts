/**
 * npm run bench:verify — audit-chain verification speed on a large store, next to plain SHA-256 over the same bytes.
 *
 * 1. Generates BENCH_EVENTS (default 1,000,000) sealed audit events with realistic payloads (evidence records,
 *    requirement evaluations with explanations in Dutch and English, classification changes, waivers; 500–1000
 *    bytes of canonical JSON) over BENCH_DOSSIERS dossier streams plus the `system` stream, straight into a SQLite
 *    file that the application's migrations created (chunked multi-row INSERTs in large transactions; the two plain
 *    secondary indexes are rebuilt once at the end with the migration's own statements).
 * 2. Verifies the whole store through the path `npm run cli -- audit:verify` and `GET /api/v1/audit/verify` use,
 *    `AuditService.verify()` on a `Db` opened on that file: by default in segments on worker threads (one per core,
 *    the result identical to one pass), hashing inside SQLite when the extension native/kwsha256.c is built (the
 *    first line says whether it is); for comparison once more in one thread (`parallel: false`), and once hashing in
 *    JavaScript (`nativeSha256: false`), the way a machine without a C compiler verifies.
 * 3. Measures, in the same run, plain SHA-256 (node:crypto, one thread) over exactly the bytes that verification
 *    hashed (the stored canonical text of every event, each copied into a Buffer of its own beforehand) and prints
 *    the rates and their ratio (target ≥ 0.5) for the verification as shipped and for one thread, how long reading
 *    the pages alone takes, and CPU time per event (less sensitive to other load on the machine than wall-clock
 *    rates). For honesty about the baseline it also prints SHA-256 inside SQLite alone (read and hash every event,
 *    no chain), which, without node:crypto's cost per call, is faster than the plain SHA-256 baseline.
 *
 * The machine is shared and its speed drifts, so verification and its baseline are measured in BENCH_ROUNDS
 * (default 3) pairs, each right after the other, and the median pair ratio is reported.
 *
 * BENCH_FILE=<path> keeps the generated database there and reuses it on the next run.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditService, MAX_VERIFY_WORKERS } from '../src/audit/audit.service';
import { openScanConnection } from '../src/audit/content-page';
import { sealEventText, SYSTEM_STREAM, UnsealedAuditEvent } from '../src/audit/hash-chain';
import { sha256ExtensionFile } from '../src/audit/native-sha256';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 20_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
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

/** Reads every event as the verifier does (byte pages), without hashing: the cost of the database alone. */
async function readOnly(audit: AuditService, total: number): Promise<{ seconds: number; bytes: number }> {
  let bytes = 0;
  const t0 = performance.now();
  for await (const [, , , , body] of audit.scanner.contentPages(0, total)) bytes += body?.length ?? 0;
  return { seconds: (performance.now() - t0) / 1000, bytes };
}

/**
 * Plain SHA-256 (node:crypto, one thread) over exactly the bytes verification hashes: the stored canonical text of
 * every event, each copied into a Buffer of its own beforehand, page by page; only the hashing is timed.
 */
async function plainSha256(audit: AuditService, total: number): Promise<{ seconds: number; cpuSeconds: number; events: number; bytes: number }> {
  let seconds = 0;
  let cpuSeconds = 0;
  let events = 0;
  let bytes = 0;
  let sink = 0;
  for await (const [, , contentLengths, , body] of audit.scanner.contentPages(0, total)) {
    if (contentLengths === null || body === null) continue;
    const buffers: Buffer[] = [];
    let at = 0;
    for (const length of contentLengths.split(',').map(Number)) {
      buffers.push(Buffer.from(body.subarray(at, at + length)));
      at += length;
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < buffers.length; i++) sink ^= hash('sha256', buffers[i], 'hex').charCodeAt(0);
    const c = process.cpuUsage(c0);
    seconds += (performance.now() - t0) / 1000;
    cpuSeconds += (c.user + c.system) / 1e6;
    events += buffers.length;
    for (const b of buffers) bytes += b.length;
  }
  if (sink === -1) console.log(sink); // keep the loop from being optimised away
  return { seconds, cpuSeconds, events, bytes };
}

/** Reads and hashes every event inside SQLite (the extension's kw_sha256_hex), nothing else; null without the extension. */
function sqliteSha256Alone(path: string): { seconds: number; events: number } | null {
  const { conn, native } = openScanConnection(path, true);
  try {
    if (!native) return null;
    const t0 = performance.now();
    const events = conn.prepare('SELECT count(*) FROM audit_event WHERE kw_sha256_hex(content) = hash').pluck().get() as number;
    return { seconds: (performance.now() - t0) / 1000, events };
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
      const timed = async (parallel: boolean, nativeSha256 = true) => {
        const t0 = performance.now();
        const c0 = process.cpuUsage(); // all threads of the process, workers included
        const r = await audit.verify({ parallel, nativeSha256 });
        const c = process.cpuUsage(c0);
        const seconds = (performance.now() - t0) / 1000;
        if (!r.ok || r.checked !== total) throw new Error(`verification failed: ${JSON.stringify(r.firstBroken ?? r)}`);
        return { seconds, cpuSeconds: (c.user + c.system) / 1e6, streams: r.streams };
      };
      const maxSeq = Number((await db.read((tx) => tx.get<{ m: number }>('SELECT MAX(seq) AS m FROM audit_event')))!.m);
      // This machine is shared: its speed drifts over seconds. So the two sides are measured in ROUNDS pairs, each
      // verification right next to its baseline, and the median of the pair ratios is the result.
      const rounds: { multi: Awaited<ReturnType<typeof timed>>; plain: Awaited<ReturnType<typeof plainSha256>> }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const multi = await timed(true);
        const plain = await plainSha256(audit, maxSeq);
        if (plain.events !== total) throw new Error(`plain SHA-256 saw ${plain.events} events, the store has ${total}`);
        rounds.push({ multi, plain });
      }
      const single = await timed(false);
      const plainAfterSingle = await plainSha256(audit, maxSeq);
      const inJs = await timed(true, false);
      const plainAfterJs = await plainSha256(audit, maxSeq);
      const inSqlite = sqliteSha256Alone(path);
      const { seconds: readSeconds } = await readOnly(audit, maxSeq);
      const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
      const us = (s: number, n: number) => ((s * 1e6) / n).toFixed(2);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const threads = Math.min(availableParallelism(), MAX_VERIFY_WORKERS);
      const avg = Math.round(rounds[0].plain.bytes / rounds[0].plain.events);
      const extension = sha256ExtensionFile();
      console.log(
        `SHA-256 inside SQLite (native/kwsha256.c): ${extension === null ? 'NOT BUILT, verification hashes in JavaScript (node scripts/build-native.mjs)' : `loaded from ${extension}`}`,
      );
      console.log(`${total.toLocaleString('en')} events, ${avg} bytes hashed per event, ${availableParallelism()} cores; ${ROUNDS} rounds of (verify, plain SHA-256):`);
      const ratios = rounds.map(({ multi, plain }, i) => {
        const ratio = total / multi.seconds / (plain.events / plain.seconds);
        console.log(
          `  round ${i + 1}: verify as the CLI/API do (${threads} worker threads) ${rate(total, multi.seconds)} events/s (${multi.seconds.toFixed(2)} s, ${multi.streams} streams), ` +
            `plain SHA-256 (one thread) ${rate(plain.events, plain.seconds)} events/s → ratio ${ratio.toFixed(2)}`,
        );
        return ratio;
      });
      const singleRatio = total / single.seconds / (plainAfterSingle.events / plainAfterSingle.seconds);
      console.log(`ratio verify / plain SHA-256, median of ${ROUNDS}: ${median(ratios).toFixed(2)} (target ≥ 0.5; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
      console.log(
        `verify in one thread (parallel: false): ${rate(total, single.seconds)} events/s (${single.seconds.toFixed(2)} s), plain SHA-256 then ` +
          `${rate(plainAfterSingle.events, plainAfterSingle.seconds)} events/s → ratio ${singleRatio.toFixed(2)}`,
      );
      const jsRatio = total / inJs.seconds / (plainAfterJs.events / plainAfterJs.seconds);
      console.log(
        `verify hashing in JavaScript (nativeSha256: false, ${threads} worker threads): ${rate(total, inJs.seconds)} events/s (${inJs.seconds.toFixed(2)} s), plain SHA-256 then ` +
          `${rate(plainAfterJs.events, plainAfterJs.seconds)} events/s → ratio ${jsRatio.toFixed(2)}; reading its byte pages alone ${readSeconds.toFixed(2)} s`,
      );
      if (inSqlite !== null) {
        console.log(
          `for reference, SHA-256 inside SQLite alone (read and hash every event in one thread, no chain): ${rate(inSqlite.events, inSqlite.seconds)} events/s ` +
            `(${inSqlite.seconds.toFixed(2)} s); verification in one thread reaches ${(inSqlite.seconds / single.seconds).toFixed(2)} of it`,
        );
      }
      console.log(
        `CPU time per event: verify ${us(single.cpuSeconds, total)} µs in one thread (${us(median(rounds.map((r) => r.multi.cpuSeconds)), total)} µs over all threads), ` +
          `plain SHA-256 ${us(median(rounds.map((r) => r.plain.cpuSeconds)), total)} µs; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
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

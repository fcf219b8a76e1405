import type { StreamHead } from '../audit';
import { ChainVerifier, STORED_EVENT_COLUMNS } from '../audit';
import { DatabaseConfig } from '../config';
import { Db, Param, Row, Tx } from '../database';

/** Tables in an order that satisfies the foreign keys; any other table of the source is copied after them. */
const ORDERED = ['app_user', 'api_token', 'dossier', 'evidence', 'waiver', 'audit_event'];
const ORDER_BY: Record<string, string> = {
  app_user: 'created_at, id',
  api_token: 'created_at, id',
  dossier: 'created_at, id',
  evidence: 'dossier_id, position',
  waiver: 'requested_at, id',
  audit_event: 'seq',
};
const PAGE = 2000;
/** Columns to select and insert, where not every column: the audit table's other columns are generated from `content`. */
const COLUMNS: Record<string, string> = { audit_event: 'seq, content, hash' };

export interface CopyReport {
  tables: Array<{ table: string; rows: number }>;
  verified: { ok: boolean; checked: number; streams: number };
  headsMatch: boolean;
  seconds: number;
}

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'postgres'
      ? await db.read((tx) => tx.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
      : await db.read((tx) => tx.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
  return rows.map((r) => r.name).filter((n) => n !== 'migrations' && n !== 'typeorm_metadata');
}

async function booleanColumns(tx: Tx, table: string): Promise<Set<string>> {
  if (tx.dialect !== 'postgres') return new Set();
  const rows = await tx.all<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND data_type = 'boolean'",
    [table],
  );
  return new Set(rows.map((r) => r.column_name));
}

async function heads(db: Db): Promise<StreamHead[]> {
  const rows = await db.read((tx) =>
    tx.all<{ stream: string; stream_seq: number | string; hash: string }>(
      'SELECT a.stream, a.stream_seq, a.hash FROM audit_event a JOIN (SELECT stream, MAX(stream_seq) AS m FROM audit_event GROUP BY stream) h ON h.stream = a.stream AND h.m = a.stream_seq ORDER BY a.stream',
    ),
  );
  return rows.map((r) => ({ stream: r.stream, streamSeq: Number(r.stream_seq), hash: r.hash }));
}

/**
 * Copy a whole store (typically SQLite → PostgreSQL) into an empty, migrated target in one transaction,
 * then verify the target's chains and that every stream ends on the same head as in the source.
 */
export async function copyStore(
  from: DatabaseConfig,
  to: DatabaseConfig,
  progress: (table: string, copied: number, total: number) => void = () => undefined,
): Promise<CopyReport> {
  const started = Date.now();
  const source = await Db.open(from, { migrate: false });
  const target = await Db.open(to);
  try {
    const sourceTables = await tableNames(source);
    for (const t of ORDERED) if (!sourceTables.includes(t)) throw new Error(`The source has no table ${t}: is it a Kaderwijzer store?`);
    const occupied = await target.read((tx) => tx.get('SELECT 1 AS x FROM audit_event UNION ALL SELECT 1 FROM dossier UNION ALL SELECT 1 FROM app_user LIMIT 1'));
    if (occupied) throw new Error('The target already holds data; db:copy only fills an empty store.');
    const targetTables = await tableNames(target);
    const tables = [...ORDERED, ...sourceTables.filter((t) => !ORDERED.includes(t)).sort()];
    const missing = tables.filter((t) => !targetTables.includes(t));
    if (missing.length) throw new Error(`The target lacks table(s) ${missing.join(', ')}: run the same version of Kaderwijzer on both.`);

    const report: CopyReport['tables'] = [];
    await target.transaction(async (tx) => {
      for (const table of tables) {
        const total = Number((await source.read((s) => s.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)))!.n);
        const bools = await booleanColumns(tx, table);
        let copied = 0;
        for (let offset = 0; offset < total; offset += PAGE) {
          const rows = await source.read((s) => s.all<Row>(`SELECT ${COLUMNS[table] ?? '*'} FROM ${table} ORDER BY ${ORDER_BY[table] ?? '1'} LIMIT ? OFFSET ?`, [PAGE, offset]));
          for (const row of rows) {
            const r: Row = { ...row };
            // Self-references of dossiers are set after all dossiers exist.
            if (table === 'dossier') {
              r.previous_dossier_id = null;
              r.follow_up_dossier_id = null;
            }
            for (const c of bools) if (r[c] !== null && r[c] !== undefined) r[c] = Boolean(r[c]);
            const cols = Object.keys(r);
            await tx.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => r[c] as Param));
          }
          copied += rows.length;
          progress(table, copied, total);
        }
        report.push({ table, rows: copied });
      }
      const links = await source.read((s) =>
        s.all<{ id: string; previous_dossier_id: string | null; follow_up_dossier_id: string | null }>(
          'SELECT id, previous_dossier_id, follow_up_dossier_id FROM dossier WHERE previous_dossier_id IS NOT NULL OR follow_up_dossier_id IS NOT NULL',
        ),
      );
      for (const l of links) await tx.run('UPDATE dossier SET previous_dossier_id = ?, follow_up_dossier_id = ? WHERE id = ?', [l.previous_dossier_id, l.follow_up_dossier_id, l.id]);
      if (tx.dialect === 'postgres') await tx.get("SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), COALESCE((SELECT MAX(seq) FROM audit_event), 0) + 1, false)");
    });

    // The copy is verified from its own bytes: the stored text of every event hashed as it is in the target.
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      type Row = { seq: number | string; content: string; hash: string; stream: string; stream_seq: number | string; prev_hash: string };
      const page = await target.read((tx) => tx.all<Row>(`SELECT ${STORED_EVENT_COLUMNS} FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?`, [after, PAGE]));
      for (const r of page) verifier.add([r.seq, r.content, r.hash, r.stream, r.stream_seq, r.prev_hash]);
      if (page.length < PAGE || !verifier.intact) break;
      after = Number(page[page.length - 1].seq);
    }
    const result = verifier.result();
    const [a, b] = [await heads(source), await heads(target)];
    return {
      tables: report,
      verified: { ok: result.ok, checked: result.checked, streams: result.streams },
      headsMatch: JSON.stringify(a) === JSON.stringify(b),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await source.close();
    await target.close();
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verification reads everything it links by from the database (issue #13, docs/audit-format.md section 4.1):
 *
 * - `audit_event.prev_hash`, generated from `content` like `stream` and `stream_seq`, and all three STORED: the
 *   verifier hashes the stored text as it is and takes the event's place in its chain from these columns, so it never
 *   parses the text itself. On PostgreSQL `stream` and `stream_seq` were STORED already and `prev_hash` is added. On
 *   SQLite, where a column added to a table can only be VIRTUAL (computed from the JSON at every read, which costs
 *   verification about 40 % of its speed), the table is rebuilt once with the three columns STORED (about 100 bytes
 *   more per event); the other generated columns stay VIRTUAL. Every event keeps its `seq`, `content` and `hash`
 *   byte for byte, so existing stores keep verifying; the table is append-only again afterwards.
 * - `audit_anchor`: the heads file of every anchor `audit:anchor` takes, by its digest, so that
 *   `GET /api/v1/audit/verify?since=<anchor line>` can check the heads the line pins. The table needs no protection:
 *   a head list is only used when its digest is the one in the line the auditor holds. Append-only all the same.
 */
/** SQLite's audit table with the chain columns STORED (frozen here as this migration creates it). */
const SQLITE_AUDIT_EVENT_WITH_CHAIN = `CREATE TABLE audit_event_new (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      content TEXT NOT NULL,
      hash TEXT NOT NULL,
      stream TEXT GENERATED ALWAYS AS (json_extract(content, '$.stream')) STORED NOT NULL,
      stream_seq INTEGER GENERATED ALWAYS AS (json_extract(content, '$.streamSeq')) STORED NOT NULL,
      prev_hash TEXT GENERATED ALWAYS AS (json_extract(content, '$.prevHash')) STORED NOT NULL,
      id TEXT GENERATED ALWAYS AS (json_extract(content, '$.id')) VIRTUAL NOT NULL,
      occurred_at TEXT GENERATED ALWAYS AS (json_extract(content, '$.occurredAt')) VIRTUAL NOT NULL,
      actor_id TEXT GENERATED ALWAYS AS (json_extract(content, '$.actorId')) VIRTUAL NOT NULL,
      action TEXT GENERATED ALWAYS AS (json_extract(content, '$.action')) VIRTUAL NOT NULL,
      dossier_id TEXT GENERATED ALWAYS AS (json_extract(content, '$.dossierId')) VIRTUAL,
      CONSTRAINT uq_audit_event_id UNIQUE (id),
      CONSTRAINT uq_audit_event_stream_seq UNIQUE (stream, stream_seq)
    )`;

const SQLITE_AUDIT_EVENT_INDEXES_AND_TRIGGERS = [
  'CREATE INDEX idx_audit_dossier ON audit_event (dossier_id, seq)',
  'CREATE INDEX idx_audit_action ON audit_event (action, seq)',
  `CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: UPDATE refused'); END`,
  `CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: DELETE refused'); END`,
];

export class AuditVerifyColumns1764800000000 implements MigrationInterface {
  name = 'AuditVerifyColumns1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    if (pg) {
      // PostgreSQL's JSON types cannot hold U+0000: read as U+2400 for the generated columns only (as in 1764500000000).
      await q.query(
        `ALTER TABLE audit_event ADD COLUMN prev_hash TEXT GENERATED ALWAYS AS ((replace(content, '\\u0000', '\\u2400')::jsonb ->> 'prevHash')) STORED NOT NULL`,
      );
    } else {
      await q.query(SQLITE_AUDIT_EVENT_WITH_CHAIN);
      await q.query('INSERT INTO audit_event_new (seq, content, hash) SELECT seq, content, hash FROM audit_event ORDER BY seq');
      // The next seq stays above every seq ever handed out (also by transactions that were rolled back).
      const [next] = (await q.query("SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'")) as { seq: number }[];
      await q.query('DROP TABLE audit_event'); // with its indexes, constraints and triggers
      await q.query('ALTER TABLE audit_event_new RENAME TO audit_event');
      if (next !== undefined) await q.query("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'audit_event'", [next.seq]);
      for (const sql of SQLITE_AUDIT_EVENT_INDEXES_AND_TRIGGERS) await q.query(sql);
    }
    await q.query(`CREATE TABLE audit_anchor (
      digest TEXT PRIMARY KEY,
      line TEXT NOT NULL,
      heads TEXT NOT NULL
    )`);
    if (pg) {
      await q.query(`CREATE FUNCTION audit_anchor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_anchor is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation'; END $$`);
      await q.query('CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE OR DELETE ON audit_anchor FOR EACH ROW EXECUTE FUNCTION audit_anchor_append_only()');
    } else {
      await q.query(`CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor BEGIN SELECT RAISE(ABORT, 'audit_anchor is append-only: UPDATE refused'); END`);
      await q.query(`CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor BEGIN SELECT RAISE(ABORT, 'audit_anchor is append-only: DELETE refused'); END`);
    }
  }

  down(): Promise<void> {
    throw new Error('AuditVerifyColumns1764800000000 cannot be reverted: restore a backup instead');
  }
}

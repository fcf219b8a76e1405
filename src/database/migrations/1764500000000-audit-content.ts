import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail keeps the exact bytes that were hashed (issue #5, docs/audit-format.md section 4).
 *
 * Before: one column per field and the payload as canonical JSON text; verification had to read fourteen columns
 * and rebuild the canonical text of every event before hashing it. After: `content` holds the canonical JSON text
 * of the event (docs/audit-format.md section 3) byte for byte, next to its `hash`, so verifying an event is one
 * SHA-256 over one stored value. The columns that queries filter and sort on are generated from `content` by the
 * database (VIRTUAL on SQLite: no extra storage; STORED on PostgreSQL), so they can never disagree with what was
 * hashed, and cannot be updated on their own.
 *
 * Existing events are carried over in seq order with their seq and hash unchanged; their content is the text that
 * was hashed when they were written, rebuilt from the old columns with the stored payload text as it is.
 */
export class AuditContent1764500000000 implements MigrationInterface {
  name = 'AuditContent1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    await q.query(createAuditEventTable('audit_event_new', pg));

    const page = 1000;
    let after = 0;
    for (;;) {
      const rows = (await q.query(
        `SELECT seq, stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id, workflow_id, workflow_version, payload, prev_hash, hash
           FROM audit_event WHERE seq > ${pg ? '$1' : '?'} ORDER BY seq LIMIT ${page}`,
        [after],
      )) as OldRow[];
      for (const r of rows) {
        await q.query(`INSERT INTO audit_event_new (seq, content, hash) VALUES (${pg ? '$1, $2, $3' : '?, ?, ?'})`, [r.seq, contentOf(r), r.hash]);
      }
      if (rows.length < page) break;
      after = Number(rows[rows.length - 1].seq);
    }

    await q.query('DROP TABLE audit_event'); // with its indexes, constraints and triggers
    await q.query('ALTER TABLE audit_event_new RENAME TO audit_event');
    // The next seq follows the carried-over events (1 for an empty store).
    if (pg) await q.query("SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), COALESCE((SELECT MAX(seq) FROM audit_event), 0) + 1, false)");
    for (const sql of auditEventIndexesAndTriggers(pg)) await q.query(sql);
  }

  down(): Promise<void> {
    throw new Error('AuditContent1764500000000 cannot be reverted: restore a backup instead');
  }
}

type OldRow = {
  seq: number | string;
  stream: string;
  stream_seq: number | string;
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_roles: string;
  action: string;
  dossier_id: string | null;
  workflow_id: string | null;
  workflow_version: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
};

/**
 * The text the old verifier hashed for a row: the canonical envelope around the stored payload text (docs/audit-format.md
 * section 3: the twelve fields in key order, strings as JSON.stringify writes them). Frozen here as it was when this
 * migration was written, so a later change to the application's serializer cannot change what this migration writes.
 */
function contentOf(r: OldRow): string {
  const q = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));
  try {
    const roles = JSON.parse(r.actor_roles) as unknown;
    if (!Array.isArray(roles) || !roles.every((x) => typeof x === 'string')) throw new Error('actor_roles is not a list of role names');
    const streamSeq = Number(r.stream_seq);
    if (!Number.isSafeInteger(streamSeq) || streamSeq < 1) throw new Error(`stream_seq ${String(r.stream_seq)} is not a positive integer`);
    JSON.parse(r.payload); // the generated columns need the whole text to be JSON
    return (
      `{"action":${q(r.action)},"actorId":${q(r.actor_id)},"actorRoles":[${roles.map(q).join(',')}],"dossierId":${q(r.dossier_id)},` +
      `"id":${q(r.id)},"occurredAt":${q(r.occurred_at)},"payload":${r.payload},"prevHash":${q(r.prev_hash)},"stream":${q(r.stream)},` +
      `"streamSeq":${streamSeq},"workflowId":${q(r.workflow_id)},"workflowVersion":${q(r.workflow_version)}}`
    );
  } catch (e) {
    throw new Error(
      `audit_event seq ${String(r.seq)} cannot be carried over (${(e as Error).message}); the trail was damaged before this upgrade: ` +
        'verify it with the previous version (audit:verify) and restore a backup',
    );
  }
}

/**
 * The audit table: `seq`, `content` (the canonical JSON text that is hashed), `hash`, and the fields queries need,
 * generated from `content`. NOT NULL on a generated column makes the database refuse content without that field.
 */
function createAuditEventTable(name: string, pg: boolean): string {
  // PostgreSQL's JSON types cannot hold U+0000, which canonical JSON writes as the escape \u0000 (a refused request
  // may record such a path): for the generated columns only, that escape is read as U+2400 (␀). `content` and `hash`
  // are untouched, and none of the generated fields is ever written with U+0000 by the application.
  const json = `replace(content, '\\u0000', '\\u2400')::jsonb`;
  const gen = (path: string, type = 'TEXT') =>
    pg
      ? `${type} GENERATED ALWAYS AS (${type === 'TEXT' ? `(${json} ->> '${path}')` : `((${json} ->> '${path}')::${type})`}) STORED`
      : `${type} GENERATED ALWAYS AS (json_extract(content, '$.${path}')) VIRTUAL`;
  return `CREATE TABLE ${name} (
      seq ${pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'},
      content TEXT NOT NULL,
      hash TEXT NOT NULL,
      stream ${gen('stream')} NOT NULL,
      stream_seq ${gen('streamSeq', pg ? 'BIGINT' : 'INTEGER')} NOT NULL,
      id ${gen('id')} NOT NULL,
      occurred_at ${gen('occurredAt')} NOT NULL,
      actor_id ${gen('actorId')} NOT NULL,
      action ${gen('action')} NOT NULL,
      dossier_id ${gen('dossierId')},
      CONSTRAINT uq_audit_event_id UNIQUE (id),
      CONSTRAINT uq_audit_event_stream_seq UNIQUE (stream, stream_seq)
    )`;
}

/** The secondary indexes and the append-only triggers of the audit table (the trigger function exists since the initial schema). */
function auditEventIndexesAndTriggers(pg: boolean): string[] {
  const out = ['CREATE INDEX idx_audit_dossier ON audit_event (dossier_id, seq)', 'CREATE INDEX idx_audit_action ON audit_event (action, seq)'];
  if (pg) {
    out.push(
      `CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  } else {
    out.push(
      `CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: UPDATE refused'); END`,
      `CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: DELETE refused'); END`,
    );
  }
  return out;
}

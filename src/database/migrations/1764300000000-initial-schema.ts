import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial schema, one script per database. Instants and calendar dates are stored as ISO 8601 text in
 * both databases: the audit chain hashes them byte for byte, so they must round-trip exactly.
 * Evidence and audit events are append-only: triggers refuse UPDATE and DELETE at the database level.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const serial = pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const bool = pg ? 'BOOLEAN' : 'INTEGER';

    await q.query(`CREATE TABLE app_user (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      roles TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      disabled_at TEXT NULL
    )`);
    await q.query(`CREATE TABLE api_token (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES app_user(id),
      secret_hash TEXT NOT NULL,
      label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NULL,
      revoked_at TEXT NULL,
      last_used_at TEXT NULL
    )`);
    await q.query(`CREATE INDEX idx_api_token_user ON api_token (user_id)`);

    await q.query(`CREATE TABLE dossier (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      workflow_id TEXT NOT NULL,
      workflow_version TEXT NOT NULL,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      entered_phase_on TEXT NOT NULL,
      entered_phase_at TEXT NOT NULL,
      strategisch ${bool} NULL,
      besluitvormer TEXT NULL,
      assignee_id TEXT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      previous_dossier_id TEXT NULL REFERENCES dossier(id),
      follow_up_dossier_id TEXT NULL REFERENCES dossier(id)
    )`);
    await q.query(`CREATE INDEX idx_dossier_state ON dossier (state, created_at)`);
    await q.query(`CREATE INDEX idx_dossier_assignee ON dossier (assignee_id)`);

    await q.query(`CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossier(id),
      kind TEXT NOT NULL,
      occurred_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      supersedes TEXT NULL UNIQUE REFERENCES evidence(id),
      position INTEGER NOT NULL,
      data TEXT NOT NULL,
      UNIQUE (dossier_id, position)
    )`);

    await q.query(`CREATE TABLE waiver (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossier(id),
      requirement_id TEXT NOT NULL,
      reason_code TEXT NOT NULL,
      motivation TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      approver_id TEXT NULL,
      status TEXT NOT NULL,
      decided_by TEXT NULL,
      decided_at TEXT NULL,
      decision_note TEXT NULL,
      used_at TEXT NULL,
      used_by_event TEXT NULL
    )`);
    await q.query(`CREATE INDEX idx_waiver_dossier ON waiver (dossier_id, status)`);

    await q.query(`CREATE TABLE audit_event (
      seq ${serial},
      stream TEXT NOT NULL,
      stream_seq INTEGER NOT NULL,
      id TEXT NOT NULL UNIQUE,
      occurred_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_roles TEXT NOT NULL,
      action TEXT NOT NULL,
      dossier_id TEXT NULL,
      workflow_id TEXT NULL,
      workflow_version TEXT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (stream, stream_seq)
    )`);
    await q.query(`CREATE INDEX idx_audit_dossier ON audit_event (dossier_id, seq)`);
    await q.query(`CREATE INDEX idx_audit_action ON audit_event (action, seq)`);

    for (const table of ['audit_event', 'evidence']) {
      if (pg) {
        await q.query(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION '${table} is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation'; END $$`);
        await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`);
        await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`);
      } else {
        await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only: UPDATE refused'); END`);
        await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only: DELETE refused'); END`);
      }
    }
  }

  down(): Promise<void> {
    throw new Error('The initial schema holds the audit trail and cannot be rolled back; restore a backup instead.');
  }
}

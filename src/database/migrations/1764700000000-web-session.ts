import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of the web application (issue #15; reused by the OpenID Connect sign-in of issue #12).
 *
 * Only the SHA-256 of the random session id is stored: a copy of this table does not let anyone take over a
 * session. `token_id` names the API token a token sign-in used, so revoking or expiring that token ends its
 * sessions too; `id_token` keeps the OpenID Connect id token for RP-initiated logout. A session ends on the server
 * (`ended_at`) at sign-out, after `idle_expires_at` without a request, and at `expires_at` whatever happens.
 */
export class WebSession1764700000000 implements MigrationInterface {
  name = 'WebSession1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE web_session (
      id_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES app_user(id),
      method TEXT NOT NULL,
      token_id TEXT NULL,
      id_token TEXT NULL,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      idle_expires_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT NULL,
      end_reason TEXT NULL
    )`);
    await q.query('CREATE INDEX web_session_user ON web_session (user_id)');
    await q.query('CREATE INDEX web_session_expires ON web_session (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE web_session');
  }
}

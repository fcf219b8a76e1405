import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #12: who issued each API token, and people who sign in through the province's identity provider.
 *
 * - `api_token.issued_by` / `issued_by_name`: the actor that created the token. A token someone else issued is
 *   marked on every action taken with it (audit payload `tokenIssuedBy`). Existing tokens get the actor of the
 *   audit event that created them (`user.created` or `token.created`, whose payload names the token id).
 * - `app_user.oidc_issuer` / `oidc_subject`: the identity-provider account (issuer URL and `sub` claim) a user was
 *   provisioned from; unique together, so one account is one user.
 */
export class TokenIssuerAndOidc1764600000000 implements MigrationInterface {
  name = 'TokenIssuerAndOidc1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const p = (n: number) => (pg ? `$${n}` : '?');
    await q.query('ALTER TABLE api_token ADD COLUMN issued_by TEXT NULL');
    await q.query('ALTER TABLE api_token ADD COLUMN issued_by_name TEXT NULL');
    await q.query('ALTER TABLE app_user ADD COLUMN oidc_issuer TEXT NULL');
    await q.query('ALTER TABLE app_user ADD COLUMN oidc_subject TEXT NULL');
    await q.query('CREATE UNIQUE INDEX uq_app_user_oidc ON app_user (oidc_issuer, oidc_subject)');

    // Backfill from the audit trail, page by page (idx_audit_action).
    let after = 0;
    for (;;) {
      const rows = (await q.query(
        `SELECT seq, content FROM audit_event WHERE action IN ('user.created', 'token.created') AND seq > ${p(1)} ORDER BY seq LIMIT 500`,
        [after],
      )) as { seq: number | string; content: string }[];
      for (const r of rows) {
        const e = JSON.parse(r.content) as { actorId?: unknown; payload?: { token?: { id?: unknown } } };
        const tokenId = e.payload?.token?.id;
        if (typeof tokenId === 'string' && typeof e.actorId === 'string') {
          await q.query(`UPDATE api_token SET issued_by = ${p(1)} WHERE id = ${p(2)} AND issued_by IS NULL`, [e.actorId, tokenId]);
        }
      }
      if (rows.length < 500) break;
      after = Number(rows[rows.length - 1].seq);
    }
    await q.query(`UPDATE api_token SET issued_by_name = (SELECT name FROM app_user WHERE app_user.id = api_token.issued_by) WHERE issued_by IS NOT NULL`);
  }

  down(): Promise<void> {
    throw new Error('TokenIssuerAndOidc1764600000000 cannot be reverted: restore a backup instead');
  }
}

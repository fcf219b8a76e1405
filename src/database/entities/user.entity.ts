import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText, key, nullableText, text } from './columns';

/** A person who works with the system (`app_user`); `roles` is a JSON array of role names. */
@Entity('app_user')
export class UserEntity {
  @PrimaryColumn(key('id')) id!: string;
  @Column(text('name')) name!: string;
  @Column(text('roles', { transformer: jsonText<string[]>() })) roles!: string[];
  @Column(text('created_at')) createdAt!: string;
  @Column(text('created_by')) createdBy!: string;
  @Column(nullableText('disabled_at')) disabledAt!: string | null;
  @Column(nullableText('oidc_issuer')) oidcIssuer!: string | null;
  @Column(nullableText('oidc_subject')) oidcSubject!: string | null;
}

/** An API token: only the hash of its secret is stored. */
@Entity('api_token')
export class ApiTokenEntity {
  @PrimaryColumn(key('id')) id!: string;
  @Column(text('user_id')) userId!: string;
  @Column(text('secret_hash')) secretHash!: string;
  @Column(text('label')) label!: string;
  @Column(text('created_at')) createdAt!: string;
  @Column(nullableText('expires_at')) expiresAt!: string | null;
  @Column(nullableText('revoked_at')) revokedAt!: string | null;
  @Column(nullableText('last_used_at')) lastUsedAt!: string | null;
  @Column(nullableText('issued_by')) issuedBy!: string | null;
  @Column(nullableText('issued_by_name')) issuedByName!: string | null;
}

/** A web session; only the SHA-256 of the session id is stored. */
@Entity('web_session')
export class WebSessionEntity {
  @PrimaryColumn(key('id_hash')) idHash!: string;
  @Column(text('user_id')) userId!: string;
  @Column(text('method')) method!: string;
  @Column(nullableText('token_id')) tokenId!: string | null;
  @Column(nullableText('id_token')) idToken!: string | null;
  @Column(text('csrf_token')) csrfToken!: string;
  @Column(text('created_at')) createdAt!: string;
  @Column(text('last_seen_at')) lastSeenAt!: string;
  @Column(text('idle_expires_at')) idleExpiresAt!: string;
  @Column(text('expires_at')) expiresAt!: string;
  @Column(nullableText('ended_at')) endedAt!: string | null;
  @Column(nullableText('end_reason')) endReason!: string | null;
}

/**
 * Configuration from the environment, validated once at start. A bad value stops the start with a
 * message naming the variable (product.md: `PORT`, `DATABASE_URL`; the CLI reads the same).
 */

import { COMPLIANCE_SETTINGS, ComplianceSettings } from '../compliance/compliance-settings';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string; url: string }
  | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Maximum JSON body size in bytes. */
  bodyLimitBytes: number;
  /** Allowed CORS origins; empty = CORS closed. */
  corsOrigins: string[];
  /** Requests per minute per token and per IP. */
  rateLimitPerMinute: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Interval of the timer job in seconds (0 = off). */
  timerJobIntervalSeconds: number;
  /** The legal calendar's deployment settings (issue #11): decreed days added without a release. */
  calendar: CalendarConfig;
  /** TM-10 / TM-11 windows the law leaves to the province (src/compliance/compliance-settings.ts). */
  compliance: ComplianceSettings;
  /** Sign-in through the province's identity provider (issue #12); null when the OIDC_* settings are absent. */
  oidc: OidcConfig | null;
}

/**
 * A day the Crown declared equal to a holiday (artikel 3, derde lid, Algemene termijnenwet) that the built-in
 * calendar does not know yet: added by a beheerder through configuration, without a release.
 */
export interface ExtraDecreedDay {
  /** yyyy-mm-dd */
  date: string;
  /** What the day is, in Dutch ("vrijdag na Hemelvaartsdag"). */
  name: string;
  /** The decree: Staatsblad or Staatscourant number, or its address. */
  source: string;
}

export interface CalendarConfig {
  extraDecreedDays: ExtraDecreedDay[];
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The ID-token / userinfo claim that carries the person's groups or roles. */
  rolesClaim: string;
  /** Claim value → Kaderwijzer roles. */
  roleMapping: Record<string, string[]>;
  /** The service's public base URL (`PUBLIC_URL`, default `http://localhost:<PORT>`): the redirect URI is `<publicUrl>/inloggen/callback`. */
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/kaderwijzer.sqlite';

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  const n = Number(raw.trim());
  if (n < min || n > max) problems.push(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (!path) problems.push('DATABASE_URL sqlite:<path> needs a path, e.g. sqlite:./data/kaderwijzer.sqlite');
    return { type: 'sqlite', path, url: raw };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const u = new URL(raw);
      if (!u.hostname) problems.push('DATABASE_URL postgres://… needs a host');
    } catch {
      problems.push('DATABASE_URL is not a valid postgres:// URL');
    }
    return { type: 'postgres', url: raw };
  }
  problems.push(`DATABASE_URL must start with sqlite: or postgres://, got "${raw.replace(/:[^:@/]*@/, ':***@')}"`);
  return { type: 'sqlite', path: '', url: raw };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = parseInteger('PORT', env.PORT, 3000, 0, 65535, problems);
  const bodyLimitBytes = parseInteger('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, 256 * 1024, 1024, 16 * 1024 * 1024, problems);
  const rateLimitPerMinute = parseInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600, 1, 1_000_000, problems);
  const timerJobIntervalSeconds = parseInteger('TIMER_JOB_INTERVAL_SECONDS', env.TIMER_JOB_INTERVAL_SECONDS, 3600, 0, 86_400, problems);
  const database = parseDatabaseUrl(env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL, problems);
  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) problems.push(`LOG_LEVEL must be error, warn, log or debug, got "${logLevel}"`);
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS entries must be origins like https://example.nl, got "${origin}"`);
  }
  const host = env.HOST?.trim() || '0.0.0.0';
  const oidc: OidcConfig | null =
    env.OIDC_ISSUER_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          issuerUrl: env.OIDC_ISSUER_URL,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          rolesClaim: env.OIDC_ROLES_CLAIM?.trim() || 'roles',
          roleMapping: {},
          publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
        }
      : null;
  if (oidc && !/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(oidc.publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL like https://kaderwijzer.drenthe.nl, got "${oidc.publicUrl}"`);
  if (oidc && !/^https?:\/\/[^/\s]+/.test(oidc.issuerUrl)) problems.push(`OIDC_ISSUER_URL must be an http(s) URL, got "${oidc.issuerUrl}"`);
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    database,
    bodyLimitBytes,
    corsOrigins,
    rateLimitPerMinute,
    logLevel,
    timerJobIntervalSeconds,
    calendar: { extraDecreedDays: [] },
    compliance: { ...COMPLIANCE_SETTINGS },
    oidc,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The deployment's settings: `config/` at the top of the repository, read with the `config` package
 * (default.json, then <NODE_CONFIG_ENV or NODE_ENV>.json, then local.json and local-<env>.json), with the environment
 * variables of custom-environment-variables.json (`PORT`, `DATABASE_URL`, …) overriding. Validated once at start with
 * the class-validator classes of config.schema.ts: a bad value stops the service and the CLI with a message naming
 * the setting (and its variable). docs/configuration.md describes every setting.
 */

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Load, Util } from 'config/lib/util';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ComplianceSettings } from './compliance-settings';
import { flattenValidationErrors } from '../common';
import { ConfigSchema } from './config.schema';
import type { WorkflowVersionStatus } from '../../workflows/status';

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
  /** TM-10 / TM-11 windows the law leaves to the province (src/config/compliance-settings.ts). */
  compliance: ComplianceSettings;
  /** Sign-in through the province's identity provider (issue #12); null when the OIDC_* settings are absent. */
  oidc: OidcConfig | null;
  /** Which workflow versions are active (docs/workflow-versions.md); a version not listed is retired. */
  workflows: WorkflowsConfig;
}

export interface WorkflowsConfig {
  versions: WorkflowVersionStatus[];
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
  /** The service's public base URL (`oidc.publicUrl`, `PUBLIC_URL`; default `http://localhost:<port>`): the redirect URI is `<publicUrl>/inloggen/callback`. */
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[], where = '') {
    super(`Invalid configuration${where}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/kaderwijzer.sqlite';

/** A database URL for messages: the password of a postgres:// URL replaced by ***. */
export const maskUrl = (raw: string): string => raw.replace(/:[^:@/]*@/, ':***@');

/** `name` is how messages call the value (`DATABASE_URL`, `database.url`, `--from`). */
export function parseDatabaseUrl(raw: string, problems: string[], name = 'DATABASE_URL'): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (!path) problems.push(`${name}: sqlite:<path> needs a path, e.g. sqlite:./data/kaderwijzer.sqlite`);
    return { type: 'sqlite', path, url: raw };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const u = new URL(raw);
      if (!u.hostname) problems.push(`${name}: postgres://… needs a host`);
    } catch {
      problems.push(`${name}: not a valid postgres:// URL`);
    }
    return { type: 'postgres', url: raw };
  }
  problems.push(`${name}: must start with sqlite: or postgres://, got "${maskUrl(raw)}"`);
  return { type: 'sqlite', path: '', url: raw };
}

/** The directory `config/`: NODE_CONFIG_DIR, else the first `config/default.json` above this file (src/ or dist/src/). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NODE_CONFIG_DIR) return resolve(env.NODE_CONFIG_DIR);
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'config', 'default.json'))) return join(dir, 'config');
    if (dirname(dir) === dir) return resolve('config');
  }
}

type Tree = Record<string, unknown>;

/**
 * The `config` package's loader, reading a given directory and a given environment instead of process-global
 * state (the package's singleton reads both once, at require time), so tests can load any directory.
 */
class ConfigLoad extends Load {
  /** Setting path (`oidc.clientId`) → environment variable (`OIDC_CLIENT_ID`), from custom-environment-variables.json. */
  readonly variables = new Map<string, string>();

  constructor(
    options: ConstructorParameters<typeof Load>[0],
    private readonly vars: NodeJS.ProcessEnv,
  ) {
    super(options);
  }

  protected override substituteDeep(map: object, _variables: Record<string, unknown>): Tree {
    const walk = (node: Tree, path: string[]) => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') this.variables.set([...path, k].join('.'), v);
        else if (v && typeof v === 'object') walk(v as Tree, [...path, k]);
      }
    };
    walk(map as Tree, []);
    return super.substituteDeep(map, this.vars) as Tree;
  }
}

const getPath = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const k of keys.slice(0, -1)) node = node[k] as Tree;
  node[keys.at(-1)!] = value;
}

/** Settings whose value never appears in a message. */
const SECRET = new Set(['oidc.clientSecret']);

/**
 * An environment variable is text; it takes the type of the setting's value in the files: a whole number for a
 * number (anything else stays text, and validation names it), a comma-separated list for a list, text otherwise.
 */
function coerce(fromFiles: unknown, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  if (typeof fromFiles === 'number') return /^-?\d+$/.test(text) ? Number(text) : text;
  if (Array.isArray(fromFiles)) return text.split(',').map((s) => s.trim()).filter(Boolean);
  return text;
}

export interface LoadConfigOptions {
  /** The directory to read instead of `config/` (tests). */
  dir?: string;
}

/**
 * Read, merge and validate the configuration. `env` stands for the whole environment (default: process.env): its
 * NODE_CONFIG_ENV / NODE_ENV choose the environment file, and the variables of custom-environment-variables.json
 * override the files. Throws a ConfigError listing every problem, each naming the setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: LoadConfigOptions = {}): AppConfig {
  const dir = opts.dir ?? configDir(env);
  const environments = (env.NODE_CONFIG_ENV || env.NODE_ENV || 'development').split(',').map((e) => e.trim()).filter(Boolean);
  const where = ` (${dir}, environment ${environments.join(',')})`;
  if (!existsSync(join(dir, 'default.json'))) throw new ConfigError([`${join(dir, 'default.json')} is missing`], where);
  // No host-specific files: what a deployment reads should not depend on the machine's name.
  const load = new ConfigLoad({ configDir: dir, nodeEnv: environments, hostName: '', skipConfigSources: true }, env);
  let fromFiles: Tree;
  try {
    Util.loadFileConfigs(load);
    fromFiles = Util.cloneDeep(load.config) as Tree;
    load.loadCustomEnvVars();
  } catch (e) {
    throw new ConfigError([(e as Error).message], where);
  }
  const raw = load.config as Tree;
  const fromEnv = new Map<string, string>();
  for (const [path, variable] of load.variables) {
    if (env[variable] === undefined || env[variable] === '') continue;
    fromEnv.set(path, variable);
    setPath(raw, path, coerce(getPath(fromFiles, path), getPath(raw, path)));
  }
  const label = (field: string) => {
    const variable = fromEnv.get(field.replace(/\[\d+\]/g, ''));
    return variable ? `${field} (${variable})` : field;
  };
  const shown = (field: string) => {
    const value = getPath(raw, field.replace(/\[(\d+)\]/g, '.$1'));
    if (SECRET.has(field) || value === undefined || (typeof value === 'object' && value !== null)) return '';
    return `, got ${JSON.stringify(typeof value === 'string' ? maskUrl(value) : value)}`;
  };

  const schema = plainToInstance(ConfigSchema, raw);
  const errors = validateSync(schema, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
  const problems = flattenValidationErrors(errors).map(({ field, message }) => {
    const missing = getPath(raw, field.replace(/\[(\d+)\]/g, '.$1')) === undefined;
    const text = message === 'is not allowed' ? 'is not a known setting (a typo?)' : missing ? 'is missing' : message;
    return `${label(field)}: ${text}${shown(field)}`;
  });

  const url = typeof schema.database?.url === 'string' ? schema.database.url.trim() : '';
  const database = parseDatabaseUrl(url || DEFAULT_DATABASE_URL, url ? problems : [], label('database.url'));
  const o = schema.oidc ?? {};
  const keys = ['issuerUrl', 'clientId', 'clientSecret'] as const;
  const missing = keys.filter((k) => o[k] === null || o[k] === undefined || o[k] === '');
  if (missing.length && missing.length < keys.length) {
    const name = (k: string) => `oidc.${k} (${load.variables.get(`oidc.${k}`) ?? '?'})`;
    problems.push(`oidc: issuerUrl, clientId and clientSecret go together; missing ${missing.map(name).join(', ')}`);
  }
  if (problems.length) throw new ConfigError(problems, where);
  const oidc: OidcConfig | null = missing.length
    ? null
    : {
        issuerUrl: o.issuerUrl!,
        clientId: o.clientId!,
        clientSecret: o.clientSecret!,
        rolesClaim: o.rolesClaim,
        roleMapping: o.roleMapping,
        publicUrl: (o.publicUrl || `http://localhost:${schema.port}`).replace(/\/+$/, ''),
      };

  return {
    port: schema.port,
    host: schema.host,
    database,
    bodyLimitBytes: schema.bodyLimitBytes,
    corsOrigins: [...schema.corsOrigins],
    rateLimitPerMinute: schema.rateLimitPerMinute,
    logLevel: schema.logLevel,
    timerJobIntervalSeconds: schema.timerJobIntervalSeconds,
    calendar: { extraDecreedDays: schema.calendar.extraDecreedDays.map((d) => ({ date: d.date, name: d.name.trim(), source: d.source.trim() })) },
    compliance: { psWensenEnBedenkingenWeeks: schema.compliance.psWensenEnBedenkingenWeeks, evaluationCycleMonths: schema.compliance.evaluationCycleMonths },
    oidc,
    workflows: { versions: schema.workflows.versions.map((v) => ({ id: v.id, version: v.version, status: v.status })) },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The shape of `config/*.json` as class-validator classes: what `loadConfig` checks before the service or the CLI
 * starts. Every key is required in `config/default.json`; an unknown key (a typo) is an error too.
 */

import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { ROLES } from '../../workflows/facts';
import { WORKFLOW_STATUSES, WorkflowStatus } from '../../workflows/status';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd string that names a real day (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date yyyy-mm-dd that exists', ...options },
      validator: { validate: isCalendarDate },
    });
}

/** `{ "<claim value>": ["<role>", …] }` with known roles only. */
function IsRoleMapping(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRoleMapping',
      target: object.constructor,
      propertyName,
      options: { message: `must map each claim value to a list of roles (${ROLES.join(', ')})`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((roles) => Array.isArray(roles) && roles.length > 0 && roles.every((r) => (ROLES as readonly unknown[]).includes(r))),
      },
    });
}

/** Entries of a list that occur more than once (by `key`). */
function NoDuplicates<T>(key: (item: T) => unknown, what: string) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'noDuplicates',
      target: object.constructor,
      propertyName,
      options: { message: `must not list the same ${what} twice` },
      validator: {
        validate: (value: unknown) => {
          if (!Array.isArray(value)) return true;
          const keys = (value as T[]).map(key);
          return new Set(keys).size === keys.length;
        },
      },
    });
}

export class DatabaseSettings {
  /** `sqlite:<path>` or `postgres://…`; checked further by parseDatabaseUrl. */
  @IsNotEmpty()
  @IsString()
  url!: string;
}

export class ExtraDecreedDaySettings {
  @IsCalendarDate()
  date!: string;

  @Matches(/\S/, { message: 'must not be empty' })
  @IsString()
  name!: string;

  @Matches(/\S/, { message: 'must not be empty' })
  @IsString()
  source!: string;
}

export class CalendarSettings {
  @NoDuplicates<ExtraDecreedDaySettings>((d) => d?.date, 'date')
  @ValidateNested({ each: true })
  @Type(() => ExtraDecreedDaySettings)
  @IsArray()
  extraDecreedDays!: ExtraDecreedDaySettings[];
}

export class ComplianceSettingsSchema {
  /** TM-10: weeks PS get for wensen en bedenkingen (artikel 167, vierde lid, Provinciewet). */
  @Min(1)
  @Max(52)
  @IsInt()
  psWensenEnBedenkingenWeeks!: number;

  /** TM-11: months between evaluations (artikel 217a Provinciewet, set by verordening). */
  @Min(1)
  @Max(120)
  @IsInt()
  evaluationCycleMonths!: number;
}

export class OidcSettings {
  @ValidateIf((_o, v) => v !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  issuerUrl!: string | null;

  @ValidateIf((_o, v) => v !== null)
  @IsNotEmpty()
  @IsString()
  clientId!: string | null;

  @ValidateIf((_o, v) => v !== null)
  @IsNotEmpty()
  @IsString()
  clientSecret!: string | null;

  @IsNotEmpty()
  @IsString()
  rolesClaim!: string;

  @IsRoleMapping()
  @IsObject()
  @IsDefined()
  roleMapping!: Record<string, string[]>;

  /** The service's public base URL, for the redirect URI registered at the provider (issue #12). */
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  publicUrl?: string | null;
}

/** One workflow version and what the deployment lets it do (docs/workflow-versions.md). */
export class WorkflowVersionSettings {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be a workflow id: lowercase letters, digits and dashes' })
  @IsString()
  id!: string;

  @Matches(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, { message: 'must be a workflow version: letters, digits, dots and dashes' })
  @IsString()
  version!: string;

  @IsIn(WORKFLOW_STATUSES)
  status!: WorkflowStatus;
}

export class WorkflowsSettings {
  /** A version not listed is retired; new dossiers start under the newest active version. */
  @NoDuplicates<WorkflowVersionSettings>((v) => `${v?.id}@${v?.version}`, 'version')
  @ValidateNested({ each: true })
  @Type(() => WorkflowVersionSettings)
  @IsArray()
  versions!: WorkflowVersionSettings[];
}

/** The whole file tree after merging default.json, <NODE_ENV>.json, local*.json and the environment variables. */
export class ConfigSchema {
  @Min(0)
  @Max(65535)
  @IsInt()
  port!: number;

  @IsNotEmpty()
  @IsString()
  host!: string;

  @ValidateNested()
  @IsDefined()
  @Type(() => DatabaseSettings)
  database!: DatabaseSettings;

  /** Maximum JSON body in bytes. */
  @Min(1024)
  @Max(16 * 1024 * 1024)
  @IsInt()
  bodyLimitBytes!: number;

  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'entries must be origins like https://example.nl' })
  @IsString({ each: true })
  @IsArray()
  corsOrigins!: string[];

  @Min(1)
  @Max(1_000_000)
  @IsInt()
  rateLimitPerMinute!: number;

  @IsIn(LOG_LEVELS)
  logLevel!: (typeof LOG_LEVELS)[number];

  /** 0 = the timer job does not run. */
  @Min(0)
  @Max(86_400)
  @IsInt()
  timerJobIntervalSeconds!: number;

  @ValidateNested()
  @IsDefined()
  @Type(() => CalendarSettings)
  calendar!: CalendarSettings;

  @ValidateNested()
  @IsDefined()
  @Type(() => ComplianceSettingsSchema)
  compliance!: ComplianceSettingsSchema;

  @ValidateNested()
  @IsDefined()
  @Type(() => OidcSettings)
  oidc!: OidcSettings;

  @ValidateNested()
  @IsDefined()
  @Type(() => WorkflowsSettings)
  workflows!: WorkflowsSettings;
}

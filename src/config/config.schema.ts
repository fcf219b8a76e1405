/**
 * The shape of `config/*.json` as class-validator classes: what `loadConfig` checks before the service or the CLI
 * starts. Every key is required in `config/default.json`; an unknown key (a typo) is an error too.
 */

import { applyDecorators } from '@nestjs/common';
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
import { isIsoDate } from '../../workflows/dates';
import { ROLES } from '../../workflows/facts';
import { WORKFLOW_STATUSES, WorkflowStatus } from '../../workflows/status';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date yyyy-mm-dd that exists', ...options },
      // A yyyy-mm-dd string that names a real day (no 2026-02-30).
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
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

/** A settings object, required, checked with its class (each helper lists its decorators as they would stand, bottom to top). */
const Nested = (cls: new () => object) => applyDecorators(Type(() => cls), IsDefined(), ValidateNested());
/** A whole number from `min` to `max`. */
const IntIn = (min: number, max: number) => applyDecorators(IsInt(), Max(max), Min(min));

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
  @IntIn(1, 52)
  psWensenEnBedenkingenWeeks!: number;

  /** TM-11: months between evaluations (artikel 217a Provinciewet, set by verordening). */
  @IntIn(1, 120)
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
  @IntIn(0, 65535)
  port!: number;

  @IsNotEmpty()
  @IsString()
  host!: string;

  @Nested(DatabaseSettings)
  database!: DatabaseSettings;

  /** Maximum JSON body in bytes. */
  @IntIn(1024, 16 * 1024 * 1024)
  bodyLimitBytes!: number;

  @Matches(/^https?:\/\/[^/\s]+$/, { each: true, message: 'entries must be origins like https://example.nl' })
  @IsString({ each: true })
  @IsArray()
  corsOrigins!: string[];

  @IntIn(1, 1_000_000)
  rateLimitPerMinute!: number;

  @IsIn(LOG_LEVELS)
  logLevel!: (typeof LOG_LEVELS)[number];

  /** 0 = the timer job does not run. */
  @IntIn(0, 86_400)
  timerJobIntervalSeconds!: number;

  @Nested(CalendarSettings)
  calendar!: CalendarSettings;

  @Nested(ComplianceSettingsSchema)
  compliance!: ComplianceSettingsSchema;

  @Nested(OidcSettings)
  oidc!: OidcSettings;

  @Nested(WorkflowsSettings)
  workflows!: WorkflowsSettings;
}

/**
 * Property decorators for the evidence DTOs. Each rule is one class-validator constraint that does the
 * whole check (type, emptiness, length, format) and says precisely what is wrong, so a field never gets
 * two messages and the message never depends on the order in which decorators run.
 *
 * Messages name no field: the field path is carried separately (`FieldError.field`). A list rule that
 * finds a bad item prefixes its message with the item index (`[2] must not be empty`); the error mapper
 * in parse-evidence-body.ts turns that into the path `data.doelgroepen[2]`.
 */
import { isURL, isUUID, registerDecorator, ValidateIf, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { isIsoDate } from '../../../../workflows/dates';
import { LIST_MAX_ITEMS } from '../../../common';

/** Names, titles, references, ids, channels. */
export const SHORT_TEXT_MAX = 300;
/** Motivations, explanations, summaries, participatieparagraaf texts. */
export const LONG_TEXT_MAX = 10_000;
export const URL_MAX = 2048;

/** `prb-JJJJ-N`: the Provinciaal blad number has at most nine digits (so the id is at most 18 characters). */
export const PRB_ID_PATTERN = /^prb-\d{4}-\d{1,9}$/;
export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Returns null when the value is valid, otherwise what is wrong with it. */
type Check = (value: unknown) => string | null;

/** The one place a rule becomes a class-validator constraint. `undefined` means the field is missing. */
function rule(name: string, check: Check): PropertyDecorator {
  const checked: Check = (value) => {
    if (value === undefined) return 'is required';
    if (value === null) return 'must not be null';
    return check(value);
  };
  return (target, propertyKey) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      validator: {
        validate: (value: unknown) => checked(value) === null,
        defaultMessage: (args) => checked(args?.value) ?? 'is not valid',
      },
    });
  };
}

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => decorators.forEach((d) => d(target, propertyKey));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** After class-transformer, a nested object is an instance of its DTO class, so not a plain object. */
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

const textProblem = (value: unknown, max: number): string | null => {
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim().length === 0) return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters long`;
  return null;
};

const uuidProblem = (value: unknown): string | null =>
  typeof value === 'string' && isUUID(value, 'all') ? null : 'must be a UUID';

/**
 * The field may be left out, and the OpenAPI document says so (`options` as for `@ApiPropertyOptional`);
 * when it is present (even as `null`) it is validated. Unlike `@IsOptional()`, `null` is not treated as
 * absent: the domain types have no nulls in evidence data.
 */
export function OptionalProperty(options: ApiPropertyOptions): PropertyDecorator {
  return compose(ValidateIf((_object: object, value: unknown) => value !== undefined), ApiPropertyOptional(options));
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not), checked with `isIsoDate`. */
export function IsIsoDate(): PropertyDecorator {
  return rule('isIsoDate', (v) =>
    typeof v === 'string' && isIsoDate(v) ? null : 'must be a calendar date in the form YYYY-MM-DD (e.g. 2026-03-02)',
  );
}

/** An ISO 8601 instant with seconds and a zone: `2026-03-02T09:15:00Z` or `2026-03-02T10:15:00+01:00`. */
export function IsIsoInstant(): PropertyDecorator {
  return rule('isIsoInstant', (v) => {
    const m = typeof v === 'string' ? ISO_INSTANT.exec(v) : null;
    return m && isIsoDate(m[1]) && !Number.isNaN(Date.parse(v as string))
      ? null
      : 'must be an ISO 8601 date-time with a time zone (e.g. 2026-03-02T09:15:00Z)';
  });
}

/** A string that is not blank after trimming and at most `max` characters long. */
export function IsText(max: number): PropertyDecorator {
  return rule('isText', (v) => textProblem(v, max));
}

export const IsShortText = (): PropertyDecorator => IsText(SHORT_TEXT_MAX);
export const IsLongText = (): PropertyDecorator => IsText(LONG_TEXT_MAX);

/** An absolute http(s) URL of at most 2048 characters. */
export function IsHttpUrl(): PropertyDecorator {
  return rule('isHttpUrl', (v) => {
    if (typeof v !== 'string') return 'must be a string';
    if (v.length > URL_MAX) return `must be at most ${URL_MAX} characters long`;
    const ok = isURL(v, {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_host: true,
      require_tld: false,
      allow_underscores: true,
    });
    return ok ? null : 'must be an http or https URL (e.g. https://www.provincie.drenthe.nl/…)';
  });
}

export function IsUuid(): PropertyDecorator {
  return rule('isUuid', uuidProblem);
}

export function IsOneOf(values: readonly string[]): PropertyDecorator {
  return rule('isOneOf', (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of: ${values.join(', ')}`,
  );
}

export function IsBool(): PropertyDecorator {
  return rule('isBool', (v) => (typeof v === 'boolean' ? null : 'must be true or false'));
}

/** A whole number in [min, max]. */
export function IsIntegerBetween(min: number, max: number): PropertyDecorator {
  return rule('isIntegerBetween', (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return 'must be a whole number';
    if (v < min || v > max) return `must be between ${min} and ${max}`;
    return null;
  });
}

/** A count: a whole number ≥ 0. */
export function IsCount(): PropertyDecorator {
  return rule('isCount', (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? null : 'must be a whole number of 0 or more',
  );
}

export function IsPattern(pattern: RegExp, message: string): PropertyDecorator {
  return rule('isPattern', (v) => (typeof v === 'string' && pattern.test(v) ? null : message));
}

function listRule(name: string, item: Check): PropertyDecorator {
  return rule(name, (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    if (v.length > LIST_MAX_ITEMS) return `must have at most ${LIST_MAX_ITEMS} items`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i]);
      if (problem) return `[${i}] ${problem}`;
    }
    return null;
  });
}

/** An array of at most 100 non-blank strings of at most `max` characters each. */
export function IsTextList(max: number = SHORT_TEXT_MAX): PropertyDecorator {
  return listRule('isTextList', (item) => (item === null ? 'must not be null' : textProblem(item, max)));
}

export function IsUuidList(): PropertyDecorator {
  return listRule('isUuidList', uuidProblem);
}

/** A nested object validated against `cls` (unknown fields in it are reported too). */
export function IsNested(cls: () => new () => object): PropertyDecorator {
  return compose(
    rule('isNestedObject', (v) => (isObject(v) ? null : 'must be an object')),
    ValidateNested(),
    Type(cls),
  );
}

/** An array of at most 100 objects, each validated against `cls`. */
export function IsNestedList(cls: () => new () => object): PropertyDecorator {
  return compose(
    listRule('isNestedList', (item) => (isObject(item) ? null : 'must be an object')),
    ValidateNested({ each: true }),
    Type(cls),
  );
}

/** The field may be left out or be `null`; otherwise it is validated. */
export function OptionalOrNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
}

/** A JSON object (not an array); its content is validated elsewhere. */
export function IsJsonObject(): PropertyDecorator {
  return rule('isJsonObject', (v) => (isObject(v) ? null : 'must be an object'));
}

/**
 * Decorators for query-parameter DTOs. A query string arrives as text (or, repeated, as a list): each decorator
 * parses its parameter in the transform step and the global validation pipe reports what failed, one message per
 * parameter, as a 400 problem naming `query.<name>` (strictValidationPipe). An unknown parameter is refused like an
 * unknown body field.
 */
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { isIsoDate } from '../../workflows/dates';
import { UUID_RE } from './validation';

/** A parameter that failed its check: carried from the transform to the validator, which reports the message. */
class QueryProblem {
  constructor(readonly message: string) {}
}

const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

export interface ParamOptions {
  /** Longest text accepted; longer is refused before parsing. */
  maxLength?: number;
  /** The message for a repeated (or nested) parameter; by default it must be given once. */
  notSingle?: string;
  /** The message for a repeated parameter when it differs from `notSingle` (which then covers a nested one). */
  repeated?: string;
}

let checks = 0;

function queryParam(parse: (raw: string) => unknown, options: ParamOptions = {}): PropertyDecorator {
  const transform = Transform(({ value }: { value: unknown }) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      const message = Array.isArray(value) ? (options.repeated ?? options.notSingle) : options.notSingle;
      return new QueryProblem(message ?? 'must be given once, as a single value');
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) return new QueryProblem(`must be at most ${options.maxLength} characters`);
    return parse(value);
  });
  const validate = ValidateBy({
    name: 'queryParam',
    validator: {
      validate: (v: unknown) => !(v instanceof QueryProblem),
      defaultMessage: (a?: ValidationArguments) => `${a?.property} ${(a?.value as QueryProblem).message}`,
    },
  });
  return (target, key) => {
    transform(target, key);
    validate(target, key);
  };
}

/** Text of at most `maxLength` characters. */
export const QueryText = (maxLength = 200) => queryParam((v) => v, { maxLength });

/**
 * Text of 1 to `maxLength` characters, matching `pattern` when given. Its own messages (`must be 1 to n characters`,
 * `has an invalid format`), so no length option.
 */
export const QueryString = (maxLength: number, pattern?: RegExp, options: Omit<ParamOptions, 'maxLength'> = {}) =>
  queryParam(
    (v) =>
      v.length === 0 || v.length > maxLength
        ? new QueryProblem(`must be 1 to ${maxLength} characters`)
        : !pattern || pattern.test(v)
          ? v
          : new QueryProblem('has an invalid format'),
    options,
  );

/** Text that passes `check`, which returns what is wrong with it (or null). */
export const QueryValue = (check: (v: string) => string | null, options: ParamOptions = {}) =>
  queryParam((v) => {
    const problem = check(v);
    return problem === null ? v : new QueryProblem(problem);
  }, options);

/** A UUID, lower-cased. */
export const QueryUuid = (options: ParamOptions = { maxLength: 100 }) => queryParam((v) => (UUID_RE.test(v) ? v.toLowerCase() : new QueryProblem('must be a UUID')), options);

/** A whole number in [min, max]. */
export const QueryInt = (min: number, max: number, options: ParamOptions = { maxLength: 20 }) =>
  queryParam((v) => (/^(0|[1-9]\d{0,15})$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : new QueryProblem(`must be a whole number from ${min} to ${max}`)), options);

/** A calendar date `YYYY-MM-DD` that exists. */
export const QueryDate = (options: ParamOptions = { maxLength: 10 }) => queryParam((v) => (isIsoDate(v) ? v : new QueryProblem('must be a calendar date YYYY-MM-DD')), options);

/**
 * An ISO 8601 date-time with a time zone (`2026-03-02T09:00:00Z`, `2026-03-02T10:00:00.000+01:00`), as UTC with
 * milliseconds, the form the audit trail stores (so it compares as text). Encode `+` as `%2B` in a URL.
 */
export const QueryDateTime = () => queryParam(parseDateTime, { maxLength: 40 });

export function parseDateTime(v: string): string | QueryProblem {
  const bad = new QueryProblem('must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T09:00:00Z (write + as %2B)');
  const m = DATE_TIME_RE.exec(v);
  if (!m) return bad;
  const [, y, mo, d, h, mi, s] = m;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > days || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return bad;
  const t = Date.parse(v);
  if (Number.isNaN(t) || t < Date.UTC(1970, 0, 1) || t > Date.UTC(9999, 11, 31)) return bad;
  return new Date(t).toISOString();
}

/** A comma-separated list whose items each pass `accept` (no empty items), without repeats. */
export const QueryList = (accept: (item: string) => boolean, describe: string) =>
  queryParam(
    (v) => {
      const items = v.split(',').map((s) => s.trim());
      const bad = items.filter((i) => i === '' || !accept(i));
      if (bad.length) return new QueryProblem(`${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${describe}`);
      return [...new Set(items)];
    },
    { maxLength: 500 },
  );

/** One of `values`. */
export const QueryOneOf = (values: readonly string[], options: ParamOptions = { maxLength: 50 }) =>
  queryParam((v) => (values.includes(v) ? v : new QueryProblem(`must be one of: ${values.join(', ')}`)), options);

/** `true` or `false`, as a boolean. */
export const QueryBool = (options: ParamOptions = {}) => queryParam((v) => (v === 'true' ? true : v === 'false' ? false : new QueryProblem('must be true or false')), options);

/** The DTO as far as it parsed: an invalid parameter reads as absent. */
function parsed<T>(a?: ValidationArguments): T {
  const o = (a?.object ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof QueryProblem ? undefined : v])) as T;
}

/**
 * A rule over several parameters, reported on this one: `check` gets the parsed DTO and returns the message, or null
 * when the rule holds. Not checked while this parameter is itself invalid.
 */
export function QueryCheck<T>(check: (dto: T) => string | null): PropertyDecorator {
  return ValidateBy({
    name: `queryCheck${++checks}`,
    validator: {
      validate: (v: unknown, a?: ValidationArguments) => v instanceof QueryProblem || check(parsed<T>(a)) === null,
      defaultMessage: (a?: ValidationArguments) => `${a?.property} ${check(parsed<T>(a))}`,
    },
  });
}

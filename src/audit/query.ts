/**
 * Strict parsing of the auditor endpoints' query strings: an unknown or repeated parameter, or a value of the wrong
 * form, is a 400 problem naming `query.<name>` (DomainError.validation), never a silent default.
 */
import { DomainError, FieldError } from '../common';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Collects the field errors of one query string; {@link QueryReader.done} throws them all at once. */
export class QueryReader {
  private readonly errors: FieldError[] = [];

  constructor(
    private readonly query: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    for (const k of Object.keys(query)) if (!allowed.includes(k)) this.errors.push({ field: `query.${k}`, message: 'is not allowed' });
  }

  private fail(name: string, message: string): undefined {
    this.errors.push({ field: `query.${name}`, message });
    return undefined;
  }

  /** The raw single value, or undefined when absent; a repeated parameter is an error. */
  string(name: string, maxLength = 200): string | undefined {
    const v = this.query[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.fail(name, 'must be given once, as a single value');
    if (v.length > maxLength) return this.fail(name, `must be at most ${maxLength} characters`);
    return v;
  }

  /** A UUID, lower-cased. */
  uuid(name: string): string | undefined {
    const v = this.string(name, 100);
    if (v === undefined) return undefined;
    if (!UUID_RE.test(v)) return this.fail(name, 'must be a UUID');
    return v.toLowerCase();
  }

  /** A whole number in [min, max]; `fallback` when absent. */
  int(name: string, min: number, max: number, fallback?: number): number | undefined {
    const v = this.string(name, 20);
    if (v === undefined) return fallback;
    if (!/^(0|[1-9]\d{0,15})$/.test(v) || Number(v) < min || Number(v) > max) return this.fail(name, `must be a whole number from ${min} to ${max}`);
    return Number(v);
  }

  /**
   * An ISO 8601 date-time with a time zone (`2026-03-02T09:00:00Z`, `2026-03-02T10:00:00.000+01:00`), returned as
   * UTC with milliseconds, the form the audit trail stores (so it compares as text). Encode `+` as `%2B` in a URL.
   */
  dateTime(name: string): string | undefined {
    const v = this.string(name, 40);
    if (v === undefined) return undefined;
    const m = DATE_TIME_RE.exec(v);
    const bad = () => this.fail(name, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T09:00:00Z (write + as %2B)');
    if (!m) return bad();
    const [, y, mo, d, h, mi, s] = m;
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > days || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return bad();
    const t = Date.parse(v);
    if (Number.isNaN(t) || t < Date.UTC(1970, 0, 1) || t > Date.UTC(9999, 11, 31)) return bad();
    return new Date(t).toISOString();
  }

  /** A comma-separated list whose items each pass `accept`; empty items are errors. */
  list(name: string, accept: (item: string) => boolean, describe: string): string[] | undefined {
    const v = this.string(name, 500);
    if (v === undefined) return undefined;
    const items = v.split(',').map((s) => s.trim());
    const bad = items.filter((i) => i === '' || !accept(i));
    if (bad.length) return this.fail(name, `${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${describe}`);
    return [...new Set(items)];
  }

  /** One of `values`; `fallback` when absent. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback?: T): T | undefined {
    const v = this.string(name, 50);
    if (v === undefined) return fallback;
    if (!(values as readonly string[]).includes(v)) return this.fail(name, `must be one of: ${values.join(', ')}`);
    return v as T;
  }

  /** Adds an error found by a cross-field check. */
  error(name: string, message: string): void {
    this.fail(name, message);
  }

  /** Throws the collected errors as one 400 problem. */
  done(): void {
    if (this.errors.length) throw DomainError.validation(this.errors);
  }
}

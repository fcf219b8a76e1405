import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { isIsoDate } from '../../workflows/dates';
import { DomainError, FieldError } from '../common';

/**
 * Strict query parameters for the compliance endpoints: every parameter is declared once (type, bounds, description),
 * the same declaration validates the request and documents it in OpenAPI. Unknown, repeated or invalid parameters
 * are a 400 naming each field as `query.<name>`.
 */
export type ParamSpec =
  | { kind: 'enum'; values: readonly string[]; description: string; default?: string }
  | { kind: 'bool'; description: string }
  | { kind: 'uuid'; description: string }
  | { kind: 'int'; min: number; max: number; description: string; default?: number }
  | { kind: 'date'; description: string; required?: boolean }
  | { kind: 'string'; maxLength: number; description: string; pattern?: RegExp };

type Parsed<S extends ParamSpec> = S extends { kind: 'bool' } ? boolean : S extends { kind: 'int' } ? number : string;
export type ParsedQuery<T extends Record<string, ParamSpec>> = { [K in keyof T]?: Parsed<T[K]> };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function parseOne(spec: ParamSpec, raw: string): { ok: true; value: string | number | boolean } | { ok: false; message: string } {
  switch (spec.kind) {
    case 'enum':
      return spec.values.includes(raw) ? { ok: true, value: raw } : { ok: false, message: `must be one of: ${spec.values.join(', ')}` };
    case 'bool':
      return raw === 'true' || raw === 'false' ? { ok: true, value: raw === 'true' } : { ok: false, message: 'must be true or false' };
    case 'uuid':
      return UUID_RE.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, message: 'must be a UUID' };
    case 'int': {
      if (!/^\d{1,10}$/.test(raw)) return { ok: false, message: `must be a whole number from ${spec.min} to ${spec.max}` };
      const n = Number(raw);
      return n >= spec.min && n <= spec.max ? { ok: true, value: n } : { ok: false, message: `must be a whole number from ${spec.min} to ${spec.max}` };
    }
    case 'date':
      return isIsoDate(raw) ? { ok: true, value: raw } : { ok: false, message: 'must be a calendar date YYYY-MM-DD' };
    case 'string':
      if (raw.length === 0 || raw.length > spec.maxLength) return { ok: false, message: `must be 1 to ${spec.maxLength} characters` };
      return !spec.pattern || spec.pattern.test(raw) ? { ok: true, value: raw } : { ok: false, message: 'has an invalid format' };
  }
}

/** Validate `query` against `spec`: all problems at once, as `DomainError.validation`. */
export function parseQuery<T extends Record<string, ParamSpec>>(query: Record<string, unknown>, spec: T): ParsedQuery<T> {
  const errors: FieldError[] = [];
  const out: Record<string, string | number | boolean> = {};
  for (const [name, raw] of Object.entries(query ?? {})) {
    const s = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!s) {
      errors.push({ field: `query.${name}`, message: 'is not allowed' });
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push({ field: `query.${name}`, message: Array.isArray(raw) ? 'must be given once' : 'must be a single value' });
      continue;
    }
    const r = parseOne(s, raw);
    if (r.ok) out[name] = r.value;
    else errors.push({ field: `query.${name}`, message: r.message });
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.kind === 'date' && s.required && out[name] === undefined && !errors.some((e) => e.field === `query.${name}`))
      errors.push({ field: `query.${name}`, message: 'is required' });
  }
  if (errors.length) throw DomainError.validation(errors);
  return out as ParsedQuery<T>;
}

/** OpenAPI for the same declaration: one `@ApiQuery` per parameter. */
export function ApiQueryParams(spec: Record<string, ParamSpec>) {
  return applyDecorators(
    ...Object.entries(spec).map(([name, s]) => {
      const schema =
        s.kind === 'enum'
          ? { type: 'string' as const, enum: [...s.values], ...(s.default ? { default: s.default } : {}) }
          : s.kind === 'bool'
            ? { type: 'boolean' as const }
            : s.kind === 'uuid'
              ? { type: 'string' as const, format: 'uuid' }
              : s.kind === 'int'
                ? { type: 'integer' as const, minimum: s.min, maximum: s.max, ...(s.default !== undefined ? { default: s.default } : {}) }
                : s.kind === 'date'
                  ? { type: 'string' as const, format: 'date' }
                  : { type: 'string' as const, maxLength: s.maxLength, pattern: s.pattern ? s.pattern.source : '^[\\s\\S]*$' };
      return ApiQuery({ name, required: s.kind === 'date' && s.required === true, description: s.description, schema });
    }),
  );
}

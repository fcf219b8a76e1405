/**
 * Canonical JSON for the audit trail, in the style of RFC 8785 (JSON Canonicalization Scheme).
 *
 * Deliberately framework-free (no Nest, no TypeORM): the API, the CLI and the offline verifier share this one
 * definition, and docs/audit-format.md describes it for people who re-implement it elsewhere.
 *
 * Rules:
 * - object members sorted by key, comparing UTF-16 code units (JavaScript's default string order);
 * - no whitespace anywhere;
 * - strings (keys and values) escaped exactly as `JSON.stringify` does (`\"`, `\\`, `\b \f \n \r \t`, other
 *   control characters as lowercase `\u00xx`, lone surrogates as lowercase `\udxxx`; everything else literally);
 * - numbers as `JSON.stringify` / ECMAScript `Number.prototype.toString` (`1e+21`, `-0` → `0`, `1e-7`);
 *   `NaN` and `±Infinity` are rejected;
 * - a member whose value is `undefined` is omitted (as `JSON.stringify` does); `undefined` as an array element (or
 *   a hole) or as the whole value is rejected;
 * - BigInt, functions, symbols, Dates, Maps, Sets, Buffers and other non-plain objects are rejected with a
 *   {@link CanonicalJsonError} naming the path. Callers convert Dates to ISO strings first; `toJSON` is never called.
 *
 * The serializer is hand-written for speed (it runs once per audit event when a chain is verified): no try/catch,
 * no path bookkeeping and no regex replace on the hot path. When a value is rejected, a second, slow walk finds the
 * first offending path for the error message.
 */

/** Nesting deeper than this is rejected (it also stops cyclic structures before the stack overflows). */
export const MAX_CANONICAL_DEPTH = 200;

/** Thrown for values that have no canonical JSON form. `path` is a JSONPath-like pointer, e.g. `$.after.tags[2]`. */
export class CanonicalJsonError extends TypeError {
  constructor(
    readonly reason: string,
    readonly path: string,
  ) {
    super(`canonical JSON: ${reason} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

/** Serializes `value` canonically. Throws {@link CanonicalJsonError} for values JSON cannot represent. */
export function canonicalJson(value: unknown): string {
  if (value !== undefined) {
    const out = serialize(value, 0);
    if (out !== undefined) return out;
  }
  throw explain(value);
}

/** Canonical JSON of an object (not an array, not null), e.g. an audit payload. */
export function canonicalJsonObject(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const out = serialize(value, 0);
    if (out !== undefined) return out;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CanonicalJsonError(`expected a JSON object, got ${describe(value)}`, '$');
  }
  throw explain(value);
}

/** True when `JSON.stringify(s)` is not simply `s` between double quotes. */
export function needsJsonEscape(s: string): boolean {
  return NEEDS_ESCAPE.test(s);
}

/** A JSON string literal for `s`, identical to `JSON.stringify(s)`. */
export function quoteJsonString(s: string): string {
  // Only quotes, backslashes, control characters and (possibly lone) surrogates need JSON.stringify's escaping;
  // the common case is just wrapped in quotes.
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/**
 * Any character outside "space and printable, except `"` and `\`, and not a surrogate". Written as a negated class
 * because V8 runs that noticeably faster than the positive one.
 */
const NEEDS_ESCAPE = /[^\u0020\u0021\u0023-\u005b\u005d-\ud7ff\ue000-\uffff]/;

/** Returns undefined when something inside cannot be serialized; {@link explain} then says what and where. */
function serialize(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return quoteJsonString(v);
    case 'number':
      // v - v is 0 for finite numbers and NaN otherwise. String(-0) is "0", as in JSON.stringify.
      return v - v === 0 ? String(v) : undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if (depth >= MAX_CANONICAL_DEPTH) return undefined;
      if (Array.isArray(v)) return serializeArray(v, depth + 1);
      return isPlainObject(v) ? serializeObject(v as Record<string, unknown>, depth + 1) : undefined;
    default:
      return undefined;
  }
}

function serializeArray(arr: readonly unknown[], depth: number): string | undefined {
  const n = arr.length;
  if (n === 0) return '[]';
  let out = '[';
  for (let i = 0; i < n; i++) {
    const item = arr[i];
    if (item === undefined) return undefined;
    const s = serialize(item, depth);
    if (s === undefined) return undefined;
    out += i === 0 ? s : ',' + s;
  }
  return out + ']';
}

function serializeObject(obj: Record<string, unknown>, depth: number): string | undefined {
  const keys = sortKeys(Object.keys(obj));
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const v = obj[key];
    if (v === undefined) continue;
    const s = serialize(v, depth);
    if (s === undefined) return undefined;
    out += (first ? '' : ',') + quoteJsonString(key) + ':' + s;
    first = false;
  }
  return out + '}';
}

/**
 * Sorts keys by UTF-16 code units (`<` on strings). Insertion sort for the usual handful of keys (and for keys
 * that are already in order, e.g. objects parsed from canonical JSON); the built-in sort (same order) otherwise.
 */
function sortKeys(keys: string[]): string[] {
  const n = keys.length;
  if (n > 12) return keys.sort();
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/**
 * A plain object's prototype is Object.prototype (of whatever realm) or null. Testing "the prototype has no
 * prototype" instead of only `=== Object.prototype` keeps objects from another realm (jest's vm, native addons)
 * working while rejecting Date, Map, Set, Buffer and class instances.
 */
function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

// ---- slow path: find the first problem and say where it is ----------------------------------------------------

function explain(value: unknown): CanonicalJsonError {
  return find(value, '$', 0) ?? new CanonicalJsonError('value cannot be serialized', '$');
}

function find(v: unknown, path: string, depth: number): CanonicalJsonError | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(v) ? undefined : new CanonicalJsonError(`non-finite number ${String(v)}`, path);
    case 'undefined':
      return new CanonicalJsonError('undefined has no JSON representation', path);
    case 'bigint':
      return new CanonicalJsonError('BigInt is not allowed (convert it to a number or string first)', path);
    case 'function':
      return new CanonicalJsonError('functions are not allowed', path);
    case 'symbol':
      return new CanonicalJsonError('symbols are not allowed', path);
    case 'object': {
      if (v === null) return undefined;
      if (depth >= MAX_CANONICAL_DEPTH) {
        return new CanonicalJsonError(`nesting deeper than ${MAX_CANONICAL_DEPTH} levels (cyclic?)`, path);
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          if (item === undefined) return new CanonicalJsonError('undefined (or a hole) in an array', `${path}[${i}]`);
          const e = find(item, `${path}[${i}]`, depth + 1);
          if (e) return e;
        }
        return undefined;
      }
      if (!isPlainObject(v)) return new CanonicalJsonError(describe(v), path);
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record).sort()) {
        if (record[key] === undefined) continue;
        const e = find(record[key], /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, depth + 1);
        if (e) return e;
      }
      return undefined;
    }
    default:
      return new CanonicalJsonError(`unsupported type ${typeof v}`, path);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v !== 'object') return typeof v;
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'Date') return 'Date is not allowed (convert it to an ISO 8601 string first)';
  const ctor = (v as { constructor?: { name?: unknown } }).constructor;
  const name = typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : tag;
  return `${name} is not a plain object or array`;
}

/**
 * Bounds the document states because the service enforces them, added where the decorators left them out:
 *  - implied by the schema itself: a `uuid` is 36 characters, a `date` 10, a fixed-length pattern its length;
 *  - declared by the request validators (class-validator): for every request DTO, the limits its
 *    decorators check (MaxLength, Matches, IsUUID, ArrayMaxSize, Min/Max, IsInt, IsIn and the evidence
 *    rules of src/dossiers/evidence/dto/validators.ts). So the document never promises more than the validator
 *    refuses, and never less.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ISO_INSTANT_MAX, LIST_MAX_ITEMS, NON_BLANK } from '../common';

const INT32_MAX = 2_147_483_647;

type Schema = SchemaObject;
const isRef = (x: unknown): x is ReferenceObject => typeof x === 'object' && x !== null && '$ref' in x;

/**
 * The longest string an anchored pattern (`^…$`) can match, when it has no unbounded repetition: literals,
 * escapes, character classes, groups with alternatives, and `?`, `{n}`, `{m,n}` quantifiers. Anything else
 * (`*`, `+`, `{n,}`, back-references, lookarounds) gives undefined: no bound is implied.
 */
export function patternMaxLength(pattern: string | undefined): number | undefined {
  if (!pattern || !pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const src = pattern.slice(1, -1);
  let i = 0;
  const fail = (): never => {
    throw new Error('unbounded');
  };
  // alternatives := sequence ('|' sequence)*; the longest alternative counts.
  const alternatives = (): number => {
    let best = sequence();
    while (src[i] === '|') {
      i++;
      best = Math.max(best, sequence());
    }
    return best;
  };
  const sequence = (): number => {
    let total = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') total += quantified(atom());
    return total;
  };
  const atom = (): number => {
    const c = src[i];
    if (c === '(') {
      i++;
      if (src[i] === '?') {
        if (src[i + 1] !== ':') fail();
        i += 2;
      }
      const n = alternatives();
      if (src[i] !== ')') fail();
      i++;
      return n;
    }
    if (c === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (src[i] !== ']') fail();
      i++;
      return 1;
    }
    if (c === '\\') {
      if (/[1-9bBk]/.test(src[i + 1] ?? '')) fail();
      i += 2;
      return 1;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '^' || c === '$') fail();
    i++;
    return 1;
  };
  const quantified = (n: number): number => {
    const c = src[i];
    if (c === '*' || c === '+') fail();
    if (c === '?') {
      i++;
      return n;
    }
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d+))?\}/.exec(src.slice(i)) ?? fail();
      if (m[0].includes(',') && m[2] === undefined) fail();
      i += m[0].length;
      return n * Number(m[2] ?? m[1]);
    }
    return n;
  };
  try {
    const n = alternatives();
    return i === src.length ? n : undefined;
  } catch {
    return undefined;
  }
}

function impliedMaxLength(s: Schema): number | undefined {
  if (s.format === 'uuid') return 36;
  if (s.format === 'date') return 10;
  return patternMaxLength(s.pattern);
}

/** Visit every schema object in the document (components, parameters, bodies, responses, headers). */
function eachSchema(node: unknown, visit: (s: Schema) => void, inSchema = false): void {
  if (Array.isArray(node)) return node.forEach((n) => eachSchema(n, visit, inSchema));
  if (typeof node !== 'object' || node === null || isRef(node)) return;
  const obj = node as Record<string, unknown>;
  if (inSchema) visit(obj);
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'example' || k === 'examples' || k === 'enum' || k === 'default') continue;
    if (k === 'schema' || k === 'items' || k === 'additionalProperties' || k === 'not') eachSchema(v, visit, true);
    else if (k === 'properties' || k === 'schemas') {
      if (v && typeof v === 'object') for (const child of Object.values(v)) eachSchema(child, visit, true);
    } else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf') eachSchema(v, visit, true);
    else eachSchema(v, visit, false);
  }
}

export function applyImpliedBounds(doc: OpenAPIObject): void {
  eachSchema(doc, (s) => {
    if (s.type === 'string' && s.maxLength === undefined && !s.enum) {
      const max = impliedMaxLength(s);
      if (max !== undefined) s.maxLength = max;
    }
    // An integer between two bounds is an int32 or an int64 by those bounds.
    if (s.type === 'integer' && s.minimum !== undefined && s.maximum !== undefined) integerFormat(s);
  });
}

/** The validation metadata of a class and its ancestors, by property. */
function validatorsByProperty(cls: new () => unknown): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  const out = new Map<string, ValidationMetadata[]>();
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const m of storage.validationMetadatas.get(c) ?? []) out.set(m.propertyName, [...(out.get(m.propertyName) ?? []), m]);
  }
  return out;
}

function setIfMissing<K extends keyof Schema>(s: Schema, key: K, value: Schema[K]): void {
  if (s[key] === undefined) s[key] = value;
}

/** What one validator guarantees about the value (or, with `each`, about every item). */
function applyValidator(property: Schema, m: ValidationMetadata): void {
  const c = (m.constraints ?? []) as unknown[];
  const items = property.type === 'array' && property.items && !isRef(property.items) ? (property.items) : undefined;
  const target = m.each && items ? items : property;
  switch (m.name) {
    case 'maxLength':
      return setIfMissing(target, 'maxLength', c[0] as number);
    case 'minLength':
      return setIfMissing(target, 'minLength', c[0] as number);
    case 'matches':
      if (c[0] instanceof RegExp && !c[0].flags) setIfMissing(target, 'pattern', c[0].source);
      return;
    case 'isUuid':
    case 'isUUID':
      setIfMissing(target, 'format', 'uuid');
      return setIfMissing(target, 'maxLength', 36);
    case 'isIn':
      if (Array.isArray(c[0]) && target.type === 'string') setIfMissing(target, 'enum', c[0] as string[]);
      return;
    case 'min':
      return setIfMissing(target, 'minimum', c[0] as number);
    case 'max':
      return setIfMissing(target, 'maximum', c[0] as number);
    case 'isInt':
      target.type = 'integer';
      return;
    case 'arrayMaxSize':
      return setIfMissing(property, 'maxItems', c[0] as number);
    case 'arrayMinSize':
      return setIfMissing(property, 'minItems', c[0] as number);
    // The evidence rules (src/dossiers/evidence/dto/validators.ts); their limits are declared by the api-schema fragments.
    case 'isText':
      return setIfMissing(property, 'pattern', NON_BLANK.pattern);
    case 'isTextList':
      setIfMissing(property, 'maxItems', LIST_MAX_ITEMS);
      if (items) setIfMissing(items, 'pattern', NON_BLANK.pattern);
      return;
    case 'isUuidList':
      setIfMissing(property, 'maxItems', LIST_MAX_ITEMS);
      if (items) {
        setIfMissing(items, 'format', 'uuid');
        setIfMissing(items, 'maxLength', 36);
      }
      return;
    case 'isNestedList':
      return setIfMissing(property, 'maxItems', LIST_MAX_ITEMS);
    case 'isIsoDate':
      setIfMissing(property, 'format', 'date');
      return setIfMissing(property, 'maxLength', 10);
    case 'isIsoInstant':
      setIfMissing(property, 'format', 'date-time');
      return setIfMissing(property, 'maxLength', ISO_INSTANT_MAX);
    case 'isCount':
      property.type = 'integer';
      setIfMissing(property, 'minimum', 0);
      return setIfMissing(property, 'maximum', Number.MAX_SAFE_INTEGER);
    default:
      return;
  }
}

/** An integer's format from its range: int32 when the range fits, else int64. */
function integerFormat(s: Schema): void {
  if (s.type !== 'integer' || s.format) return;
  const fits = s.minimum !== undefined && s.maximum !== undefined && s.minimum >= -INT32_MAX - 1 && s.maximum <= INT32_MAX;
  s.format = fits ? 'int32' : 'int64';
}

/** The request DTOs' validators, as bounds on their schemas (by class name, as @nestjs/swagger names them). */
export function applyValidatorBounds(doc: OpenAPIObject): void {
  const schemas = doc.components?.schemas ?? {};
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  for (const cls of storage.validationMetadatas.keys()) {
    if (typeof cls !== 'function') continue;
    const schema = schemas[cls.name];
    if (!schema || isRef(schema) || !schema.properties) continue;
    const byProperty = validatorsByProperty(cls as new () => unknown);
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isRef(property)) continue;
      for (const m of byProperty.get(name) ?? []) applyValidator(property, m);
      if (property.type === 'integer' && property.minimum !== undefined && property.maximum !== undefined) integerFormat(property);
    }
  }
}

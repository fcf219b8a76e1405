/**
 * Strict validation of the body of `POST /api/v1/dossiers/{id}/evidence`.
 *
 * 1. The body is copied into a fresh JSON tree: only plain objects, arrays and JSON primitives, no
 *    prototype-polluting keys (`__proto__`, `constructor`, `prototype`, nor any other name of an
 *    Object.prototype member), bounded depth. Nothing after
 *    this step sees the caller's objects.
 * 2. The envelope is validated against EvidenceBodyDto, then `data` against the DTO of its kind (for
 *    `procedure`, of its `stap`), with whitelist + forbidNonWhitelisted so unknown fields at any depth
 *    are errors.
 * 3. All problems are reported at once as `DomainError.validation` with field paths in request terms
 *    (`data.participatieparagraaf.niveaus[0].niveau`). Bad input never raises anything else.
 *
 * The data returned is the validated copy from step 1: plain objects with only known fields, ready to
 * be stored as JSON and hashed.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { isIsoDate } from '../../../../workflows/dates';
import { EVIDENCE_KINDS, PROCEDURE_STAPPEN } from '../../../../workflows/evidence';
import type { EvidenceDataByKind, EvidenceKind, ProcedureStap } from '../../../../workflows/evidence';
import { EMPTY_CLASSIFICATION } from '../../../../workflows/facts';
import { DomainError, type FieldError } from '../../../common';
import { EVIDENCE_DATA_DTOS, EvidenceBodyDto } from './evidence-envelope.dto';
import { PROCEDURE_DATA_DTOS } from './procedure-data.dto';
import { isPlainObject } from './validators';

export { EvidenceBodyDto, EvidenceRecordDto, EVIDENCE_DATA_DTOS, EVIDENCE_DATA_MODELS, EVIDENCE_DTO_MODELS } from './evidence-envelope.dto';

/** A validated evidence body; `data` has the shape of its kind. */
export type ParsedEvidence = {
  [K in EvidenceKind]: { kind: K; occurredOn: string; supersedes: string | null; data: EvidenceDataByKind[K] };
}[EvidenceKind];

/**
 * Keys that are never field names: `__proto__`, `constructor` and `prototype` can reach a prototype in
 * careless code downstream, and class-transformer silently skips every key that names an inherited
 * method (`toString`, `__defineGetter__`…), so the whitelist would never see them.
 */
function isForbiddenKey(key: string): boolean {
  return key === 'prototype' || key in Object.prototype;
}
/** The deepest valid path is body.data.participatieparagraaf.niveaus[0].niveau (depth 5). */
const MAX_DEPTH = 10;
/** Enough to fix a body; a body with thousands of unknown keys does not get thousands of messages. */
const MAX_ERRORS = 50;

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: true },
};

/** The fields a classificatie record can change (all but `reden`): those of a dossier's classification. */
const CLASSIFICATIE_FIELDS = Object.keys(EMPTY_CLASSIFICATION);

/**
 * Validates a request body and returns it typed by kind, or throws `DomainError.validation` listing
 * every invalid or unknown field.
 */
export function parseEvidenceBody(body: unknown): ParsedEvidence {
  if (!isPlainObject(body)) {
    throw DomainError.validation([{ field: 'body', message: 'must be a JSON object' }]);
  }
  const errors: FieldError[] = [];
  const tree = copyJson(body, '', 0, errors);
  if (errors.length > 0 || !isPlainObject(tree)) throw failure(errors);

  try {
    errors.push(...validateAgainst(EvidenceBodyDto, tree, ''));
    const { kind, data } = tree;
    if (isEvidenceKind(kind) && isPlainObject(data)) errors.push(...validateData(kind, data));
  } catch (e) {
    // A bug in a validator must not turn bad input into a 500; the input is refused either way.
    if (e instanceof DomainError) throw e;
    throw DomainError.validation([{ field: 'body', message: 'could not be validated' }]);
  }
  if (errors.length > 0) throw failure(errors);

  return {
    kind: tree.kind,
    occurredOn: tree.occurredOn,
    supersedes: tree.supersedes ?? null,
    data: tree.data,
  } as ParsedEvidence;
}

function failure(errors: FieldError[]): DomainError {
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
  return DomainError.validation(unique.slice(0, MAX_ERRORS));
}

function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === 'string' && (EVIDENCE_KINDS as readonly string[]).includes(value);
}

function isProcedureStap(value: unknown): value is ProcedureStap {
  return typeof value === 'string' && (PROCEDURE_STAPPEN as readonly string[]).includes(value);
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * A deep copy holding only JSON values, built from own enumerable keys. Forbidden keys, values JSON
 * cannot hold and nesting deeper than MAX_DEPTH are reported; the recursion is bounded by MAX_DEPTH.
 * `undefined` object members are dropped, as JSON.stringify would.
 */
function copyJson(value: unknown, path: string, depth: number, errors: FieldError[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    return value;
  }
  const field = path === '' ? 'body' : path;
  if (Array.isArray(value) || isPlainObject(value)) {
    if (depth >= MAX_DEPTH) {
      errors.push({ field, message: 'is nested too deeply' });
      return undefined;
    }
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out.push(item === undefined ? null : copyJson(item, `${path}[${i}]`, depth + 1, errors));
    }
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const keyPath = childPath(path, key);
      if (isForbiddenKey(key)) {
        errors.push({ field: keyPath, message: 'is not allowed' });
        continue;
      }
      const member = value[key];
      if (member === undefined) continue;
      out[key] = copyJson(member, keyPath, depth + 1, errors);
    }
    return out;
  }
  errors.push({ field, message: 'must be a JSON value' });
  return undefined;
}

function validateData(kind: EvidenceKind, data: Record<string, unknown>): FieldError[] {
  let dto: new () => object;
  if (kind === 'procedure') {
    const { stap } = data;
    if (!isProcedureStap(stap)) {
      const message = stap === undefined ? 'is required' : `must be one of: ${PROCEDURE_STAPPEN.join(', ')}`;
      return [{ field: 'data.stap', message }];
    }
    dto = PROCEDURE_DATA_DTOS[stap];
  } else {
    dto = EVIDENCE_DATA_DTOS[kind];
  }
  return [...validateAgainst(dto, data, 'data'), ...crossFieldErrors(kind, data)];
}

function validateAgainst(dto: new () => object, plain: Record<string, unknown>, prefix: string): FieldError[] {
  const instance = plainToInstance(dto, plain);
  const out: FieldError[] = [];
  flatten(validateSync(instance, VALIDATOR_OPTIONS), prefix, false, out);
  return out;
}

/** Rules that span fields, which no single property decorator can express. */
function crossFieldErrors(kind: EvidenceKind, data: Record<string, unknown>): FieldError[] {
  if (kind === 'classificatie' && !CLASSIFICATIE_FIELDS.some((f) => data[f] !== undefined)) {
    return [{ field: 'data', message: `must change at least one of: ${CLASSIFICATIE_FIELDS.join(', ')} (besides reden)` }];
  }
  if (kind === 'activiteit') {
    const { startOn, endOn } = data;
    if (typeof startOn === 'string' && typeof endOn === 'string' && isIsoDate(startOn) && isIsoDate(endOn) && endOn < startOn) {
      return [{ field: 'data.endOn', message: 'must not be before startOn' }];
    }
  }
  return [];
}

/** ValidationError tree → field errors with request paths; a node that is itself invalid is not descended. */
function flatten(errors: ValidationError[], prefix: string, inArray: boolean, out: FieldError[]): void {
  for (const error of errors) {
    const path = inArray ? `${prefix}[${error.property}]` : childPath(prefix, error.property);
    const first = Object.entries(error.constraints ?? {})[0];
    if (first) {
      out.push(fieldError(path, first[0], first[1]));
    } else if (error.children?.length) {
      flatten(error.children, path, Array.isArray(error.value), out);
    }
  }
}

function fieldError(path: string, constraint: string, message: string): FieldError {
  if (constraint === 'whitelistValidation') return { field: path, message: 'is not allowed' };
  if (constraint === 'nestedValidation') return { field: path, message: 'must be an object' };
  // List rules name the offending item as `[i] …` (validators.ts).
  const item = /^\[(\d+)\] ([\s\S]*)$/.exec(message);
  if (item) return { field: `${path}[${item[1]}]`, message: item[2] };
  return { field: path, message };
}

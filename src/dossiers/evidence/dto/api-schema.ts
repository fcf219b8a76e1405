/**
 * OpenAPI fragments shared by the evidence DTOs, so limits and formats are documented the same everywhere,
 * and the decorators that document a field with its fragment and validate it with the matching rule.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { NIVEAUS, PHASE_IDS } from '../../../../workflows/evidence';
import { LIST_MAX_ITEMS } from '../../../common';
import {
  CONTENT_HASH_PATTERN,
  IsBool,
  IsCount,
  IsHttpUrl,
  IsIsoDate,
  IsLongText,
  IsNested,
  IsNestedList,
  IsOneOf,
  IsPattern,
  IsShortText,
  IsTextList,
  IsUuid,
  IsUuidList,
  LONG_TEXT_MAX,
  OptionalProperty,
  PRB_ID_PATTERN,
  SHORT_TEXT_MAX,
  URL_MAX,
} from './validators';

/** `\S`: not blank, as IsText checks. */
export const API_SHORT_TEXT = { type: String, minLength: 1, maxLength: SHORT_TEXT_MAX, pattern: '\\S' } as const;
export const API_LONG_TEXT = { type: String, minLength: 1, maxLength: LONG_TEXT_MAX, pattern: '\\S' } as const;
export const API_DATE = { type: String, format: 'date', example: '2026-03-02' } as const;
export const API_URL = { type: String, format: 'uri', maxLength: URL_MAX, pattern: '^https?://' } as const;
export const API_UUID = { type: String, format: 'uuid', example: '3f2b8c1e-7d4a-4e6b-9c2d-1a2b3c4d5e6f' } as const;
export const API_PRB_ID = { type: String, pattern: PRB_ID_PATTERN.source, example: 'prb-2026-1234' } as const;
export const API_CONTENT_HASH = {
  type: String,
  pattern: CONTENT_HASH_PATTERN.source,
  description: 'SHA-256 van de inhoud: 64 kleine hexadecimale tekens.',
  example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
} as const;
export const API_SHORT_LIST = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: SHORT_TEXT_MAX, pattern: '\\S' },
  maxItems: LIST_MAX_ITEMS,
} as const;
export const API_COUNT = { type: 'integer', minimum: 0 } as const;
export const API_PHASE = { enum: [...PHASE_IDS], enumName: 'PhaseId' } as const;
export const API_NIVEAU = { enum: [...NIVEAUS], enumName: 'Niveau' } as const;

/** What a field adds to its fragment; `required: false` lets it be left out (OptionalProperty). */
interface FieldDoc {
  required?: boolean;
  description?: string;
  example?: unknown;
  enumName?: string;
}

/** A field documented by `api` plus `doc` and checked by `rule`, the rule that matches `api`. */
const field =
  (api: ApiPropertyOptions, rule: () => PropertyDecorator) =>
  ({ required = true, ...doc }: FieldDoc = {}): PropertyDecorator =>
    applyDecorators(rule(), required ? ApiProperty({ ...api, ...doc }) : OptionalProperty({ ...api, ...doc }));

export const ShortText = field(API_SHORT_TEXT, IsShortText);
export const LongText = field(API_LONG_TEXT, IsLongText);
export const IsoDate = field(API_DATE, IsIsoDate);
export const HttpUrl = field(API_URL, IsHttpUrl);
export const TextList = field(API_SHORT_LIST, IsTextList);
export const Count = field(API_COUNT, IsCount);
export const Bool = field({}, IsBool);
export const OneOfPhases = field(API_PHASE, () => IsOneOf(PHASE_IDS));
export const OneOfNiveaus = field(API_NIVEAU, () => IsOneOf(NIVEAUS));
export const OneOf = (values: readonly string[], doc?: FieldDoc): PropertyDecorator =>
  field({ enum: [...values] }, () => IsOneOf(values))(doc);
export const Uuid = field(API_UUID, IsUuid);
export const UuidList = field({ type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: LIST_MAX_ITEMS }, IsUuidList);
export const PrbId = field(API_PRB_ID, () =>
  IsPattern(PRB_ID_PATTERN, 'must be a Provinciaal blad id of the form prb-YYYY-N (e.g. prb-2026-1234)'),
);
export const ContentHash = field(API_CONTENT_HASH, () =>
  IsPattern(CONTENT_HASH_PATTERN, 'must be a SHA-256 hash: 64 lowercase hexadecimal characters'),
);
// @nestjs/swagger takes `type` for a lazy type only when it is a function named `type`, as these arrows are.
export const Nested = (cls: () => new () => object, doc?: FieldDoc): PropertyDecorator =>
  field({ type: () => cls() }, () => IsNested(cls))(doc);
export const NestedList = (cls: () => new () => object, doc?: FieldDoc): PropertyDecorator =>
  field({ type: () => [cls()], maxItems: LIST_MAX_ITEMS }, () => IsNestedList(cls))(doc);

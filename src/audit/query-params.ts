/**
 * Schemas of query parameters read by the audit and auditor endpoints' query DTOs (src/common/query-dto.ts): each states
 * the limit the decorator checks (query-params.spec.ts proves it refuses a value past each one).
 */
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** `QueryUuid`. */
export const QUERY_UUID: SchemaObject = { type: 'string', format: 'uuid', maxLength: 36 };

/** An audit stream: a dossier id or `system` (read with `QueryText` and checked against this pattern). */
export const QUERY_STREAM: SchemaObject = {
  type: 'string',
  maxLength: 36,
  pattern: '^(?:system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
};

/** `QueryDateTime`: at most 40 characters, with a time zone. */
export const QUERY_DATE_TIME: SchemaObject = {
  type: 'string',
  format: 'date-time',
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$',
};

/** `QueryInt(min, max)`. */
export const queryInt = (minimum: number, maximum: number): SchemaObject => ({
  type: 'integer',
  format: maximum <= 2_147_483_647 ? 'int32' : 'int64',
  minimum,
  maximum,
});

/** `QueryList`: comma-separated items of `item` (a pattern without anchors), at most 500 characters. */
export const queryList = (item: string): SchemaObject => ({
  type: 'string',
  maxLength: 500,
  pattern: `^\\s*(?:${item})\\s*(?:,\\s*(?:${item})\\s*)*$`,
});

/** `QueryText(maxLength)`. */
export const queryText = (maxLength: number): SchemaObject => ({ type: 'string', maxLength, pattern: '^[\\s\\S]*$' });

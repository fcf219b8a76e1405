/**
 * Query parameters of the lists that can grow without bound (issue #14): users, tokens, the transition history.
 * Each answer is one page with at most `limit` items; the published document states that maximum as `maxItems`.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=` and `?offset=` as the query string gives them: digits only, anything else stays a string and is refused. */
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value);
/** An optional whole number from `min` to `max` (the decorators as they would stand, bottom to top). */
const QueryInteger = (min: number, max: number) => applyDecorators(Max(max), Min(min), IsInt(), Transform(toInt), IsOptional());

/** The most users or tokens one page holds. */
export const MAX_PAGE = 200;
/** The most entries one page of a history holds (the audit history's `limit` has the same maximum). */
export const MAX_HISTORY_PAGE = 1000;

/** `?limit=&offset=`: a page of a list in a fixed order, with `total` in the answer. */
export class OffsetPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: MAX_PAGE, description: 'Items per page.' })
  @QueryInteger(1, MAX_PAGE)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0, description: 'Items to skip.' })
  @QueryInteger(0, 1_000_000_000)
  offset?: number;
}

/** `?limit=&afterSeq=`: a page of a history in audit order; the answer's `nextAfterSeq` asks for the next one. */
export class SeqPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_HISTORY_PAGE, default: MAX_HISTORY_PAGE, description: 'Entries per page.' })
  @QueryInteger(1, MAX_HISTORY_PAGE)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'The `nextAfterSeq` of the previous page.' })
  @QueryInteger(0, Number.MAX_SAFE_INTEGER)
  afterSeq?: number;
}

export interface OffsetPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

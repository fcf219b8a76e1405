import { ApiProperty } from '@nestjs/swagger';
import { isIsoDate } from '../../../workflows/dates';
import { CALENDAR_FIRST_DAY, LAST_AANVANG, MAX_DUUR, parseDuur } from '../../../workflows/law/algemene-termijnenwet';
import { ParamOptions, QueryCheck, QueryValue } from '../../common';

const AANVANG_MESSAGE = `must be a calendar date YYYY-MM-DD from ${CALENDAR_FIRST_DAY} to ${LAST_AANVANG}`;
const DUUR_MESSAGE = `must be an ISO 8601 duration of days, weeks or months, at most ten years (P1D…P${MAX_DUUR.D}D, P1W…P${MAX_DUUR.W}W, P1M…P${MAX_DUUR.M}M)`;

/** A repeated or nested parameter. */
const ONCE: ParamOptions = { repeated: 'must be given once', notSingle: 'must be a single value' };

/**
 * `GET /api/v1/termijnen?aanvang=…&duur=…` (src/common/query-dto.ts, through the global validation pipe; the `termijn`
 * command validates it with `parseTermijnQuery`): errors name `query.aanvang` / `query.duur`.
 */
export class TermijnQueryDto {
  @QueryValue((v) => (isIsoDate(v) && v >= CALENDAR_FIRST_DAY && v <= LAST_AANVANG ? null : AANVANG_MESSAGE), ONCE)
  @QueryCheck<TermijnQueryDto>((q) => (q.aanvang === undefined ? 'is required' : null))
  aanvang!: string;

  @QueryValue((v) => (parseDuur(v).ok ? null : DUUR_MESSAGE), ONCE)
  @QueryCheck<TermijnQueryDto>((q) => (q.duur === undefined ? 'is required' : null))
  duur!: string;
}

export const TERMIJN_QUERY_DOCS = {
  aanvang: {
    description: `The first day of the period (it counts, as art. 3:16, second paragraph, Awb counts it), ${CALENDAR_FIRST_DAY} to ${LAST_AANVANG}.`,
    example: '2025-04-18',
  },
  duur: { description: DUUR_MESSAGE.replace(/^must be an/, 'An'), example: 'P6W', pattern: '^P[0-9]{1,4}[DWM]$' },
} as const;

export class VerlengingDto {
  @ApiProperty({ format: 'date', example: '2025-05-29', description: 'A day the last day moved past.' })
  datum!: string;
  @ApiProperty({ example: 'Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)', description: 'Why, in Dutch, with its legal basis.' })
  reden!: string;
}

export class TermijnDto {
  @ApiProperty({ format: 'date', example: '2025-04-18' }) aanvang!: string;
  @ApiProperty({ example: 'P6W' }) duur!: string;
  @ApiProperty({ format: 'date', example: '2025-05-29', description: 'The last day before the Algemene termijnenwet is applied.' })
  laatsteDagZonderVerlenging!: string;
  @ApiProperty({ format: 'date', example: '2025-06-02', description: 'The last day of the period (inclusive), after art. 1 and 2 Atw.' })
  laatsteDag!: string;
  @ApiProperty({ type: [VerlengingDto], description: 'Every day the last day moved past, in order; empty when it did not move.' })
  verlengingen!: VerlengingDto[];
  @ApiProperty({ example: 'atw-2026.2', description: 'The calendar used; `+config-<hash>` when a beheerder configured extra decreed days.' })
  kalenderversie!: string;
}

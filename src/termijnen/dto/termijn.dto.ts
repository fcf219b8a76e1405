import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator } from 'class-validator';
import { isIsoDate } from '../../../workflows/dates';
import { CALENDAR_FIRST_DAY, LAST_AANVANG, MAX_DUUR, parseDuur } from '../../../workflows/law/algemene-termijnenwet';

/** One class-validator rule that does the whole check and says precisely what is wrong (null = valid). */
function rule(name: string, check: (value: unknown) => string | null): PropertyDecorator {
  const checked = (value: unknown): string | null => {
    if (value === undefined) return 'is required';
    if (Array.isArray(value)) return 'must be given once';
    if (typeof value !== 'string') return 'must be a single value';
    return check(value);
  };
  return (target, propertyKey) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      validator: { validate: (value: unknown) => checked(value) === null, defaultMessage: (args) => checked(args?.value) ?? 'is not valid' },
    });
}

const AANVANG_MESSAGE = `must be a calendar date YYYY-MM-DD from ${CALENDAR_FIRST_DAY} to ${LAST_AANVANG}`;
const DUUR_MESSAGE = `must be an ISO 8601 duration of days, weeks or months, at most ten years (P1D…P${MAX_DUUR.D}D, P1W…P${MAX_DUUR.W}W, P1M…P${MAX_DUUR.M}M)`;

/** `GET /api/v1/termijnen?aanvang=…&duur=…`: validated strictly; errors name `query.aanvang` / `query.duur`. */
export class TermijnQueryDto {
  @rule('isAanvang', (v) => (isIsoDate(v as string) && (v as string) >= CALENDAR_FIRST_DAY && (v as string) <= LAST_AANVANG ? null : AANVANG_MESSAGE))
  aanvang!: string;

  @rule('isDuur', (v) => (parseDuur(v as string).ok ? null : DUUR_MESSAGE))
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

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AtwCalendar,
  berekenTermijn,
  DEFAULT_ATW_CALENDAR,
  Termijn,
  useAtwCalendar,
  validateExtraDecreedDays,
  withExtraDecreedDays,
} from '../../workflows/law/algemene-termijnenwet';
import { DomainError, flattenValidationErrors } from '../common';
import { APP_CONFIG, AppConfig, ConfigError } from '../config';
import { TermijnQueryDto } from './dto/termijn.dto';

/**
 * The legal calendar of this deployment: the built-in one plus the decreed days a beheerder configured.
 * @throws ConfigError naming each invalid entry (the start stops, as for any bad setting).
 */
export function calendarFromConfig(config: Pick<AppConfig, 'calendar'>): AtwCalendar {
  const extra = config.calendar?.extraDecreedDays ?? [];
  const problems = validateExtraDecreedDays(extra);
  if (problems.length) throw new ConfigError(problems);
  return withExtraDecreedDays(DEFAULT_ATW_CALENDAR, extra);
}

/**
 * Validate the `termijn` command's input with the query DTO of `GET /api/v1/termijnen` (which the global pipe validates
 * over HTTP): every problem at once, each named `query.<name>`.
 */
export function parseTermijnQuery(query: Record<string, unknown>): TermijnQueryDto {
  // A nested value (`?aanvang[a]=1`) is one wrong value, not an object to validate field by field.
  const flat = Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, typeof v === 'object' && v !== null && !Array.isArray(v) ? null : v]));
  const dto = plainToInstance(TermijnQueryDto, flat);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length) throw DomainError.validation(flattenValidationErrors(errors, 'query'));
  return dto;
}

/**
 * Deadlines for every role. Makes the configured calendar the engine's active one at start, so every legal timer
 * (TM-01, TM-03, …) and this endpoint answer alike; restores the previous calendar when the application stops.
 */
@Injectable()
export class TermijnenService implements OnModuleDestroy {
  readonly calendar: AtwCalendar;
  private readonly previous: AtwCalendar;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.calendar = calendarFromConfig(config);
    this.previous = useAtwCalendar(this.calendar);
  }

  onModuleDestroy(): void {
    useAtwCalendar(this.previous);
  }

  bereken(aanvang: string, duur: string): Termijn {
    return berekenTermijn(aanvang, duur, { calendar: this.calendar });
  }
}

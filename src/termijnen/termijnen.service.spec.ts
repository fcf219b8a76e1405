import { BadRequestException } from '@nestjs/common';
import { DomainError } from '../common';
import { ConfigError } from '../config';
import { calendarFromConfig, parseTermijnQuery } from './termijnen.service';

describe('termijnen service helpers', () => {
  it('builds the calendar from configuration, and stops the start on a bad entry naming it', () => {
    expect(calendarFromConfig({ calendar: { extraDecreedDays: [] } }).version).toBe('atw-2026.2');
    expect(calendarFromConfig({ calendar: { extraDecreedDays: [{ date: '2029-05-11', name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 1' }] } }).version).toMatch(
      /^atw-2026\.2\+config-[0-9a-f]{8}$/,
    );
    expect(() => calendarFromConfig({ calendar: { extraDecreedDays: [{ date: '2029-13-01', name: 'x', source: '' }] } })).toThrow(ConfigError);
    try {
      calendarFromConfig({ calendar: { extraDecreedDays: [{ date: '2029-13-01', name: 'x', source: '' }] } });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'calendar.extraDecreedDays[0].date moet een datum yyyy-mm-dd zijn',
        'calendar.extraDecreedDays[0].source mag niet leeg zijn',
      ]);
    }
  });

  it('parses a valid query and names every bad field under query.', () => {
    expect(parseTermijnQuery({ aanvang: '2025-04-18', duur: 'P6W' })).toMatchObject({ aanvang: '2025-04-18', duur: 'P6W' });
    let error: unknown;
    try {
      parseTermijnQuery({ aanvang: { a: '1' }, duur: ['P6W', 'P7W'], x: '1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).not.toBeInstanceOf(BadRequestException);
    const fields = ((error as DomainError).details.errors as { field: string; message: string }[]).map((e) => `${e.field} ${e.message}`).sort();
    expect(fields).toEqual(['query.aanvang must be a single value', 'query.duur must be given once', 'query.x is not allowed']);
  });
});

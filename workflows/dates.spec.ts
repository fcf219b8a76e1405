import { addDays, addMonths, addYears, dayAfterMonths, daysBetween, isIsoDate, weekday } from './dates';

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
  ])('addMonths(%s, %d) = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));

  it.each([
    ['2025-04-18', 1, '2025-05-18'],
    ['2026-01-31', 1, '2026-03-01'], // February has no 31st: the period is over on 1 March
    ['2028-01-30', 1, '2028-03-01'],
    ['2028-01-29', 1, '2028-02-29'],
    ['2024-02-29', 12, '2025-03-01'],
    ['2027-03-01', 12, '2028-03-01'],
    ['2026-12-31', 2, '2027-03-01'],
    ['2026-05-31', 120, '2036-05-31'],
  ])('dayAfterMonths(%s, %d) = %s', (d, n, want) => expect(dayAfterMonths(d, n)).toBe(want));

  it('crosses the DST change without losing a day', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('validates calendar dates strictly', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });

  it.each([
    ['a year beyond 9999 with only a month, which Date reads as 1 January 10000', '+010000-01'],
    ['a negative year with only a month', '-000001-01'],
  ])('is not a YYYY-MM-DD date: %s (%s)', (_why, s) => expect(isIsoDate(s)).toBe(false));

  it('knows weekdays and leap-year anniversaries', () => {
    expect(weekday('2026-11-28')).toBe(6);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

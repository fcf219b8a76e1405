import { addDays, addMonths, addYears, daysBetween, isIsoDate, weekday } from './dates';

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
  ])('addMonths(%s, %d) = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));

  it('crosses the DST change without losing a day', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('validates calendar dates strictly', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });

  it('knows weekdays and leap-year anniversaries', () => {
    expect(weekday('2026-11-28')).toBe(6);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

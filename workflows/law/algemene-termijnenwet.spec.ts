import {
  AtwCalendar,
  DEFAULT_ATW_CALENDAR,
  atwRestDayReason,
  easterSunday,
  extendPerAtw,
  feestdagen,
  isAtwRestDay,
} from './algemene-termijnenwet';

describe('Algemene termijnenwet', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'], // earliest possible Easter
  ])('easterSunday(%d) = %s', (year, want) => expect(easterSunday(year)).toBe(want));

  it('rejects a non-Gregorian year', () => {
    expect(() => easterSunday(1200)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });

  it('lists the feestdagen of 2026 by date, with their basis', () => {
    expect(feestdagen(2026).map((d) => [d.date, d.name, d.basis.split(';')[0]])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag', 'Atw art. 3(1)'],
      ['2026-04-03', 'Goede Vrijdag', 'Atw art. 3(2)'],
      ['2026-04-05', 'Eerste Paasdag', 'Sunday (Atw art. 1(1))'],
      ['2026-04-06', 'Tweede Paasdag', 'Atw art. 3(1)'],
      ['2026-04-27', 'Koningsdag', 'Atw art. 3(1)'],
      ['2026-05-05', '5 mei', 'Atw art. 3(1)'],
      ['2026-05-14', 'Hemelvaartsdag', 'Atw art. 3(1)'],
      ['2026-05-24', 'Eerste Pinksterdag', 'Sunday (Atw art. 1(1))'],
      ['2026-05-25', 'Tweede Pinksterdag', 'Atw art. 3(1)'],
      ['2026-12-25', 'Eerste Kerstdag', 'Atw art. 3(1)'],
      ['2026-12-26', 'Tweede Kerstdag', 'Atw art. 3(1)'],
    ]);
  });

  it.each([
    [2025, '2025-04-26'], // 27 April 2025 is a Sunday
    [2026, '2026-04-27'],
    [2031, '2031-04-26'], // 27 April 2031 is a Sunday
  ])('Koningsdag %d is %s', (year, want) =>
    expect(feestdagen(year).find((d) => d.name === 'Koningsdag')?.date).toBe(want),
  );

  it('keeps Royal Decree days as versioned data (art. 3(3)), empty by default', () => {
    expect(DEFAULT_ATW_CALENDAR.designatedDays).toEqual([]);
    expect(DEFAULT_ATW_CALENDAR.version).toMatch(/^atw-/);
    const calendar: AtwCalendar = {
      version: 'test-1',
      designatedDays: [{ date: '2026-05-15', name: 'Vrijdag na Hemelvaartsdag', basis: 'Atw art. 3(3) (test)' }],
    };
    expect(isAtwRestDay('2026-05-15')).toBe(false);
    expect(isAtwRestDay('2026-05-15', calendar)).toBe(true);
    expect(feestdagen(2027, calendar).some((d) => d.date === '2026-05-15')).toBe(false);
  });

  it.each([
    ['2026-02-14', true], // Saturday
    ['2026-02-15', true], // Sunday
    ['2026-02-16', false], // Monday
    ['2026-04-03', true], // Goede Vrijdag
    ['2026-05-05', true], // 5 mei
    ['2026-12-24', false], // Christmas Eve is no feestdag
  ])('isAtwRestDay(%s) = %s', (date, want) => expect(isAtwRestDay(date)).toBe(want));

  it('explains why a day is a rest day', () => {
    expect(atwRestDayReason('2026-04-06')).toBe('2026-04-06 is Tweede Paasdag (Atw art. 3(1))');
    expect(atwRestDayReason('2026-04-07')).toBeNull();
  });

  describe('extendPerAtw', () => {
    it.each([
      // [start, plain end, extended end, case]
      ['2026-01-01', '2026-02-11', '2026-02-11', 'ends on a working day'],
      ['2026-01-04', '2026-02-14', '2026-02-16', 'art. 1(1): Saturday → Monday'],
      ['2026-02-21', '2026-04-03', '2026-04-07', 'art. 1(1): Goede Vrijdag → past Easter weekend and Tweede Paasdag'],
      ['2026-11-14', '2026-12-25', '2026-12-28', 'art. 1(1): Eerste Kerstdag (Fri) → Monday'],
      ['2026-04-03', '2026-04-05', '2026-04-08', 'art. 2: 3-day period gets two working days'],
      ['2026-12-25', '2026-12-27', '2026-12-29', 'art. 2: 3-day period over Christmas'],
      ['2026-04-04', '2026-04-05', '2026-04-07', 'art. 2 not for a 2-day period: art. 1(1) only'],
      ['2026-01-02', '2026-01-04', '2026-01-05', 'art. 2 satisfied after art. 1(1)'],
    ])('%s..%s → %s (%s)', (start, end, want) => expect(extendPerAtw(start, end).end).toBe(want));

    it('records a reason for every day the end moved', () => {
      const r = extendPerAtw('2026-04-03', '2026-04-05');
      expect(r.extendedBy).toEqual([
        'Atw art. 1(1): 2026-04-05 is a Sunday (Atw art. 1(1))',
        'Atw art. 1(1): 2026-04-06 is Tweede Paasdag (Atw art. 3(1))',
        'Atw art. 2: period needs two days that are no rest day; extended to 2026-04-08',
      ]);
      expect(extendPerAtw('2026-01-01', '2026-02-11').extendedBy).toEqual([]);
    });

    it('rejects invalid input', () => {
      expect(() => extendPerAtw('2026-02-30', '2026-03-10')).toThrow(RangeError);
      expect(() => extendPerAtw('2026-03-10', '2026-03-09')).toThrow(RangeError);
    });
  });
});

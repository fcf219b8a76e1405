/**
 * The legal calendar (issue #11). Every case names its source:
 * - [Atw] Algemene termijnenwet art. 1, 2, 3, as quoted on https://staatsrechtpraktijk.nl/nieuwjaarsdag-en-kerstmis-in-het-staatsrecht/
 *   and https://nl.wikipedia.org/wiki/Algemene_termijnenwet;
 * - [KB 2013] Besluit van 30 januari 2013 (Koningsdag), Stcrt. 2013, 4075, https://zoek.officielebekendmakingen.nl/stcrt-2013-4075.html;
 * - [KB 2016] Besluit van 24 oktober 2016, Stcrt. 2016, 58653, https://wetten.overheid.nl/BWBR0038666/2016-11-01;
 * - [KB 2023–2025], [KB 2026–2028] decrees named on https://sterfgeval.nl/…/70745 (Staatscourant number not found);
 * - [Awb 3:16] the period starts on the day of terinzagelegging (art. 3:16, tweede lid, Awb);
 * - [issue #11] the examples of the issue.
 */
import {
  activeAtwCalendar,
  AtwCalendar,
  berekenTermijn,
  CALENDAR_LAST_DAY,
  DECREED_DAYS,
  DEFAULT_ATW_CALENDAR,
  describeVerlenging,
  easterSunday,
  feestdagen,
  isAtwRestDay,
  parseDuur,
  restDay,
  unextendedEnd,
  useAtwCalendar,
  validateExtraDecreedDays,
  withExtraDecreedDays,
} from './algemene-termijnenwet';
import { addDays } from '../dates';

const NO_DECREES: AtwCalendar = { version: 'test-zonder-kb', decreedDays: [] };

describe('Algemene termijnenwet: the calendar', () => {
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

  it('lists the days of 2026 by date, with their basis in Dutch [Atw art. 3; KB 2026–2028]', () => {
    expect(feestdagen(2026, DEFAULT_ATW_CALENDAR).map((d) => [d.date, d.kind, d.reden])).toEqual([
      ['2026-01-01', 'feestdag', 'Nieuwjaarsdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-01-02', 'gelijkgesteld', expect.stringMatching(/^bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Nieuwjaarsdag \(Besluit gelijkstelling van 2 januari 2026/)],
      ['2026-04-03', 'feestdag', 'Goede Vrijdag (artikel 3, tweede lid, Algemene termijnenwet)'],
      ['2026-04-05', 'zondag', 'zondag'],
      ['2026-04-06', 'feestdag', 'Tweede Paasdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-04-27', 'feestdag', 'Koningsdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-05-05', 'feestdag', '5 mei (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-05-14', 'feestdag', 'Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-05-15', 'gelijkgesteld', expect.stringContaining('vrijdag na Hemelvaartsdag')],
      ['2026-05-24', 'zondag', 'zondag'],
      ['2026-05-25', 'feestdag', 'Tweede Pinksterdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-12-25', 'feestdag', 'Eerste Kerstdag (artikel 3, eerste lid, Algemene termijnenwet)'],
      ['2026-12-26', 'feestdag', 'Tweede Kerstdag (artikel 3, eerste lid, Algemene termijnenwet)'],
    ]);
  });

  it.each([
    [2025, '2025-04-26'], // 27 April 2025 is a Sunday [KB 2013]
    [2026, '2026-04-27'],
    [2031, '2031-04-26'], // 27 April 2031 is a Sunday [KB 2013]
    [2006, '2006-04-29'], // Koninginnedag: 30 April 2006 was a Sunday
    [2013, '2013-04-30'], // the last Koninginnedag [KB 2013]
    [2014, '2014-04-26'], // the first Koningsdag: 27 April 2014 was a Sunday [KB 2013]
    [2010, '2010-04-30'],
  ])('the King’s (Queen’s) day of %d is %s', (year, want) =>
    expect(feestdagen(year).find((d) => /^Kon/.test(d.name))?.date).toBe(want),
  );

  it('knows the decreed days of at least 2024–2027, each with its decree and whether its publication was found', () => {
    const dates = DECREED_DAYS.map((d) => d.date);
    for (const want of ['2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07']) expect(dates).toContain(want);
    for (const d of DECREED_DAYS) {
      expect(d.citation && d.source && d.name).toBeTruthy();
      expect(d.verified ? /^Stcrt\. \d{4}, \d+$/.test(d.citation) : /niet gevonden/.test(d.citation)).toBe(true);
      expect(isAtwRestDay(d.date, DEFAULT_ATW_CALENDAR)).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay()); // decreed days are working days
    }
    expect(DEFAULT_ATW_CALENDAR.version).toBe('atw-2026.2');
  });

  it.each([
    ['2026-02-14', 'zaterdag'],
    ['2026-02-15', 'zondag'],
    ['2026-02-16', null],
    ['2026-04-03', 'Goede Vrijdag (artikel 3, tweede lid, Algemene termijnenwet)'],
    ['2026-12-24', null], // Christmas Eve is no feestdag
    ['2026-12-26', 'Tweede Kerstdag (artikel 3, eerste lid, Algemene termijnenwet)'], // a Saturday, named as the feestdag
    ['2025-04-27', 'zondag'], // not Koningsdag: that moved to Saturday 26 April [KB 2013]
  ])('restDay(%s) → %s', (date, want) => expect(restDay(date, DEFAULT_ATW_CALENDAR)?.reden ?? null).toBe(want));

  it.each([
    ['Eerste Paasdag 2026', '2026-04-05'],
    ['Eerste Pinksterdag 2026', '2026-05-24'],
  ])('%s is a rest day as the Sunday it is (art. 1), not as a feestdag of art. 3', (_name, date) => {
    // A calendar of its own: the year's rest days are computed here, not found cached by an earlier test.
    const calendar: AtwCalendar = { ...DEFAULT_ATW_CALENDAR };
    expect(restDay(date, calendar)).toEqual({ date, name: 'zondag', kind: 'zondag', reden: 'zondag' });
  });
});

describe('Algemene termijnenwet: berekenTermijn, the one deadline function', () => {
  it('six weeks from Friday 18 April 2025: unextended Thursday 29 May (Hemelvaartsdag), last day Monday 2 June [issue #11; Awb 3:16; Atw art. 1, 3; KB 2023–2025]', () => {
    expect(berekenTermijn('2025-04-18', 'P6W', { calendar: DEFAULT_ATW_CALENDAR })).toEqual({
      aanvang: '2025-04-18',
      duur: 'P6W',
      laatsteDagZonderVerlenging: '2025-05-29',
      laatsteDag: '2025-06-02',
      verlengingen: [
        { datum: '2025-05-29', reden: 'Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)' },
        { datum: '2025-05-30', reden: expect.stringMatching(/^bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag \(Besluit gelijkstelling van 28 april 2023/) },
        { datum: '2025-05-31', reden: 'zaterdag' },
        { datum: '2025-06-01', reden: 'zondag' },
      ],
      kalenderversie: 'atw-2026.2',
    });
    // Without the decree the Friday would be the last day: the decreed day is what moves it.
    expect(berekenTermijn('2025-04-18', 'P6W', { calendar: NO_DECREES }).laatsteDag).toBe('2025-05-30');
  });

  it('six weeks from 21 November 2025 end on Monday 5 January 2026: Nieuwjaarsdag, decreed Friday 2 January, weekend [issue #11; KB 2026–2028]', () => {
    const t = berekenTermijn('2025-11-21', 'P6W', { calendar: DEFAULT_ATW_CALENDAR });
    expect(t.laatsteDagZonderVerlenging).toBe('2026-01-01');
    expect(t.laatsteDag).toBe('2026-01-05');
    expect(t.verlengingen.map((v) => v.datum)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
  });

  it('three days from Friday 2 January 2026 end on Tuesday 6 January: art. 2 wants two days that count [issue #11; Atw art. 1, 2]', () => {
    const t = berekenTermijn('2026-01-02', 'P3D', { calendar: DEFAULT_ATW_CALENDAR });
    expect(t).toMatchObject({ laatsteDagZonderVerlenging: '2026-01-04', laatsteDag: '2026-01-06' });
    expect(t.verlengingen).toEqual([
      { datum: '2026-01-04', reden: 'zondag' },
      { datum: '2026-01-05', reden: expect.stringMatching(/^artikel 2 Algemene termijnenwet: ten minste twee dagen/) },
    ]);
  });

  it.each([
    // [case, aanvang, duur, unextended end, last day, source]
    ['Easter: ends on Goede Vrijdag, runs past Easter to Tuesday', '2026-02-21', 'P6W', '2026-04-03', '2026-04-07', 'Atw art. 3, eerste en tweede lid'],
    ['Easter 2025: ends on Tweede Paasdag', '2025-03-10', 'P6W', '2025-04-20', '2025-04-22', 'Atw art. 1, 3 (Eerste Paasdag is a Sunday)'],
    ['art. 2 over Easter: three days from Goede Vrijdag', '2026-04-03', 'P3D', '2026-04-05', '2026-04-08', 'Atw art. 2'],
    ['Koningsdag on a Sunday: moved to Saturday 26 April 2025, Monday counts', '2025-04-26', 'P1D', '2025-04-26', '2025-04-28', 'KB 2013; Atw art. 1'],
    ['Koningsdag 2026 on a Monday', '2026-03-17', 'P6W', '2026-04-27', '2026-04-28', 'KB 2013; Atw art. 3'],
    ['5 mei on a Tuesday', '2026-04-29', 'P1W', '2026-05-05', '2026-05-06', 'Atw art. 3, eerste lid'],
    ['5 mei on a Monday (2025)', '2025-03-25', 'P6W', '2025-05-05', '2025-05-06', 'Atw art. 3, eerste lid'],
    ['Christmas 2026: Friday and Saturday, then Sunday', '2026-11-14', 'P6W', '2026-12-25', '2026-12-28', 'Atw art. 3, eerste lid'],
    ['Christmas 2024: Wednesday, Thursday, decreed Friday 27 December, weekend', '2024-11-14', 'P6W', '2024-12-25', '2024-12-30', 'Atw art. 3; KB 2023–2025'],
    ['art. 2 over Christmas 2026', '2026-12-25', 'P3D', '2026-12-27', '2026-12-29', 'Atw art. 2'],
    ['Pentecost 2026: ends on Eerste Pinksterdag, Tweede Pinksterdag follows', '2026-04-13', 'P6W', '2026-05-24', '2026-05-26', 'Atw art. 1, 3'],
    ['Hemelvaartsdag 2024 with decreed Friday 10 May', '2024-03-29', 'P6W', '2024-05-09', '2024-05-13', 'Atw art. 3; KB 2023–2025'],
    ['Hemelvaartsdag 2027 with decreed Friday 7 May', '2027-03-26', 'P6W', '2027-05-06', '2027-05-10', 'Atw art. 3; KB 2026–2028'],
    ['Hemelvaartsdag 2018 with decreed Friday 11 May', '2018-03-30', 'P6W', '2018-05-10', '2018-05-14', 'Atw art. 3; KB 2016 (Stcrt. 2016, 58653)'],
    ['a plain working day stays', '2026-01-01', 'P6W', '2026-02-11', '2026-02-11', 'Awb 3:16'],
    ['months: one month from 18 April ends 17 May (a Saturday) → Monday', '2025-04-18', 'P1M', '2025-05-17', '2025-05-19', 'Verordening 1182/71 art. 3(2)(c); Atw art. 1'],
    ['months: from 31 January to the last day of February', '2027-01-31', 'P1M', '2027-02-28', '2027-03-01', 'Verordening 1182/71 art. 3(2)(c); Atw art. 1'],
    ['months: twelve months from 29 February 2024', '2024-02-29', 'P12M', '2025-02-28', '2025-02-28', 'Verordening 1182/71 art. 3(2)(c)'],
    ['two days over a weekend: art. 1 only, art. 2 needs three days', '2026-04-04', 'P2D', '2026-04-05', '2026-04-07', 'Atw art. 1, 2'],
  ])('%s (%s %s → %s → %s) [%s]', (_case, aanvang, duur, plain, last) => {
    const t = berekenTermijn(aanvang, duur, { calendar: DEFAULT_ATW_CALENDAR });
    expect([t.laatsteDagZonderVerlenging, t.laatsteDag]).toEqual([plain, last]);
  });

  it('leaves a period the Atw does not cover unextended, and says so', () => {
    expect(berekenTermijn('2026-11-14', 'P6W', { atw: false })).toEqual({
      aanvang: '2026-11-14',
      duur: 'P6W',
      laatsteDagZonderVerlenging: '2026-12-25',
      laatsteDag: '2026-12-25',
      verlengingen: [],
      kalenderversie: 'no-atw',
    });
  });

  it('states every extension as a sentence for the timers', () => {
    const t = berekenTermijn('2025-04-18', 'P6W', { calendar: DEFAULT_ATW_CALENDAR });
    expect(t.verlengingen.map(describeVerlenging)).toEqual([
      '2025-05-29 is Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)',
      expect.stringMatching(/^2025-05-30 is een bij Koninklijk Besluit gelijkgestelde dag/),
      '2025-05-31 is een zaterdag',
      '2025-06-01 is een zondag',
    ]);
  });

  it('states an art. 2 extension as a sentence too', () => {
    const t = berekenTermijn('2026-01-02', 'P3D', { calendar: DEFAULT_ATW_CALENDAR });
    expect(t.verlengingen.map(describeVerlenging)).toEqual([
      '2026-01-04 is een zondag',
      '2026-01-05: artikel 2 Algemene termijnenwet: ten minste twee dagen die geen zaterdag, zondag of feestdag zijn',
    ]);
  });

  it.each([
    ['P6W', { aantal: 6, eenheid: 'W' }],
    ['P3D', { aantal: 3, eenheid: 'D' }],
    ['P120M', { aantal: 120, eenheid: 'M' }],
    ['P3653D', { aantal: 3653, eenheid: 'D' }],
  ])('parseDuur(%s)', (text, want) => expect(parseDuur(text)).toEqual({ ok: true, duur: want }));

  it.each(['', 'P', '6W', 'P0D', 'P121M', 'P523W', 'P3654D', 'P1Y', 'PT6H', 'P1M2D', 'p6w', 'P-1D', 'P1.5W', ' P6W'])('rejects duur %j', (text) =>
    expect(parseDuur(text)).toMatchObject({ ok: false, reden: expect.stringMatching(/P6W|tien jaar/) }),
  );

  it('rejects invalid input', () => {
    expect(() => berekenTermijn('2026-02-30', 'P6W')).toThrow(RangeError);
    expect(() => berekenTermijn('2026-02-01', 'P0W')).toThrow(RangeError);
    expect(() => berekenTermijn('2026-02-01', { aantal: 1.5, eenheid: 'W' })).toThrow(RangeError);
    expect(() => unextendedEnd('2026-2-1', { aantal: 1, eenheid: 'D' })).toThrow(RangeError);
  });

  it.each<[string, { aantal: number; eenheid: 'D' | 'W' | 'M' }]>([
    ['no days', { aantal: 0, eenheid: 'D' }],
    ['a negative number of months', { aantal: -1, eenheid: 'M' }],
    ['one day more than ten years', { aantal: 3654, eenheid: 'D' }],
    ['one week more than ten years', { aantal: 523, eenheid: 'W' }],
    ['one month more than ten years', { aantal: 121, eenheid: 'M' }],
  ])('rejects a duur object of %s, as parseDuur rejects its text', (_name, duur) =>
    expect(() => berekenTermijn('2026-02-02', duur, { calendar: DEFAULT_ATW_CALENDAR })).toThrow(/^duur out of range/),
  );

  it.each<[string, { aantal: number; eenheid: 'D' | 'W' | 'M' }, string]>([
    ['boundary: one day', { aantal: 1, eenheid: 'D' }, '2026-02-02'],
    ['boundary: ten years of days', { aantal: 3653, eenheid: 'D' }, '2036-02-02'],
    ['boundary: ten years of weeks', { aantal: 522, eenheid: 'W' }, '2036-02-03'],
    ['boundary: ten years of months', { aantal: 120, eenheid: 'M' }, '2036-02-01'],
  ])('accepts a duur object of %s', (_name, duur, plain) =>
    expect(berekenTermijn('2026-02-02', duur, { calendar: DEFAULT_ATW_CALENDAR }).laatsteDagZonderVerlenging).toBe(plain),
  );
});

describe('Algemene termijnenwet: decreed days from configuration', () => {
  const extra = [{ date: '2029-05-11', name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 12345' }];

  it('adds the days and changes the version with them', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, extra);
    expect(cal.version).toMatch(/^atw-2026\.2\+config-[0-9a-f]{8}$/);
    expect(isAtwRestDay('2029-05-11', DEFAULT_ATW_CALENDAR)).toBe(false);
    expect(restDay('2029-05-11', cal)?.reden).toBe('bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag (Stcrt. 2028, 12345)');
    // Hemelvaartsdag 2029 is Thursday 10 May: six weeks ending on it now run to Monday 14 May.
    expect(berekenTermijn('2029-03-30', 'P6W', { calendar: cal }).laatsteDag).toBe('2029-05-14');
    expect(berekenTermijn('2029-03-30', 'P6W', { calendar: DEFAULT_ATW_CALENDAR }).laatsteDag).toBe('2029-05-11');
    // Another list, another version; the same list, the same version; none, the built-in calendar.
    const other = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [{ ...extra[0], source: 'Stcrt. 2028, 99999' }]);
    expect(other.version).not.toBe(cal.version);
    expect(withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [...extra]).version).toBe(cal.version);
    expect(withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [])).toBe(DEFAULT_ATW_CALENDAR);
  });

  it('keeps the built-in entry when configuration repeats a known day', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [{ date: '2026-01-02', name: 'dubbel', source: 'x' }]);
    expect(cal.decreedDays.filter((d) => d.date === '2026-01-02')).toHaveLength(1);
    expect(cal.version).not.toBe(DEFAULT_ATW_CALENDAR.version);
  });

  it('validates entries: yyyy-mm-dd, name and source not empty, nothing else', () => {
    expect(validateExtraDecreedDays(extra)).toEqual([]);
    expect(validateExtraDecreedDays(undefined)).toEqual([]);
    expect(validateExtraDecreedDays('2029-05-11')).toEqual(['calendar.extraDecreedDays moet een lijst zijn van { date, name, source }']);
    expect(
      validateExtraDecreedDays([
        { date: '2029-02-30', name: 'x', source: 'y' },
        { date: '2029-05-11', name: ' ', source: '' },
        { date: '2029-05-11', name: 'x', source: 'y', extra: 1 },
        null,
        { date: '2300-01-01', name: 'x', source: 'y' },
      ]),
    ).toEqual([
      'calendar.extraDecreedDays[0].date moet een datum yyyy-mm-dd zijn',
      'calendar.extraDecreedDays[1].name mag niet leeg zijn',
      'calendar.extraDecreedDays[1].source mag niet leeg zijn',
      'calendar.extraDecreedDays[2].extra is niet toegestaan',
      'calendar.extraDecreedDays[2].date 2029-05-11 staat al eerder in de lijst',
      'calendar.extraDecreedDays[3] moet een object zijn met date, name en source',
      `calendar.extraDecreedDays[4].date moet tussen 2000-01-01 en ${CALENDAR_LAST_DAY} liggen`,
    ]);
    expect(() => withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [{ date: 'gisteren', name: 'x', source: 'y' }])).toThrow(RangeError);
  });

  const day = (date: string, over: Record<string, unknown> = {}) => ({ date, name: 'vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 12345', ...over });
  const days = (n: number) => Array.from({ length: n }, (_, i) => day(addDays('2030-01-01', i)));
  const P = 'calendar.extraDecreedDays';

  it.each<[string, unknown, string[]]>([
    ['nothing configured (null)', null, []],
    ['boundary: 100 days', days(100), []],
    ['boundary: 101 days are too many', days(101), [`${P} mag ten hoogste 100 dagen bevatten`]],
    ['an entry that is a text', ['2029-05-11'], [`${P}[0] moet een object zijn met date, name en source`]],
    ['an entry that is a list', [['2029-05-11', 'x', 'y']], [`${P}[0] moet een object zijn met date, name en source`]],
    ['a date that is a number', [day(20290511 as never)], [`${P}[0].date moet een datum yyyy-mm-dd zijn`]],
    ['boundary: the day before the calendar starts', [day('1999-12-31')], [`${P}[0].date moet tussen 2000-01-01 en 2200-12-31 liggen`]],
    ['boundary: the first day of the calendar', [day('2000-01-01')], []],
    ['boundary: the last day of the calendar', [day('2200-12-31')], []],
    ['boundary: the day after the calendar ends', [day('2201-01-01')], [`${P}[0].date moet tussen 2000-01-01 en 2200-12-31 liggen`]],
    ['a name that is a number', [day('2029-05-11', { name: 5 })], [`${P}[0].name mag niet leeg zijn`]],
    ['boundary: a name of 100 characters', [day('2029-05-11', { name: 'n'.repeat(100) })], []],
    ['boundary: a name of 100 characters with blanks around it', [day('2029-05-11', { name: ` ${'n'.repeat(100)} ` })], []],
    ['boundary: a name of 101 characters', [day('2029-05-11', { name: 'n'.repeat(101) })], [`${P}[0].name mag ten hoogste 100 tekens lang zijn`]],
    ['boundary: a source of 500 characters', [day('2029-05-11', { source: 's'.repeat(500) })], []],
    ['boundary: a source of 501 characters', [day('2029-05-11', { source: 's'.repeat(501) })], [`${P}[0].source mag ten hoogste 500 tekens lang zijn`]],
  ])('validates extra days: %s', (_name, value, problems) => expect(validateExtraDecreedDays(value)).toEqual(problems));

  it('records a configured day as given, trimmed, with its source as citation', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [day('2029-05-11', { name: ' vrijdag na Hemelvaartsdag ', source: ' Stcrt. 2028, 12345 ' })]);
    expect(cal.decreedDays.find((d) => d.date === '2029-05-11')).toEqual({
      date: '2029-05-11',
      name: 'vrijdag na Hemelvaartsdag',
      citation: 'Stcrt. 2028, 12345',
      source: 'Stcrt. 2028, 12345',
      verified: true,
    });
    expect(restDay('2029-05-11', cal)?.reden).toBe('bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag (Stcrt. 2028, 12345)');
  });

  it.each<[string, ReturnType<typeof day>[]]>([
    ['the same list', [day('2029-05-11')]],
    ['blanks around name and source', [day('2029-05-11', { name: ' vrijdag na Hemelvaartsdag', source: 'Stcrt. 2028, 12345 ' })]],
  ])('keeps the version of a configured calendar stable, as every stored end names it: %s', (_name, extra) =>
    // FNV-1a of [["2029-05-11","vrijdag na Hemelvaartsdag","Stcrt. 2028, 12345"]]: a changed hash would make stored ends
    // look computed by another calendar.
    expect(withExtraDecreedDays(DEFAULT_ATW_CALENDAR, extra).version).toBe('atw-2026.2+config-4b3c794e'),
  );

  it('gives the same days in any order the same version', () => {
    const a = day('2029-05-11');
    const b = day('2030-05-31');
    const c = day('2020-05-22');
    const version = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [a, b, c]).version;
    for (const order of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) expect(withExtraDecreedDays(DEFAULT_ATW_CALENDAR, order).version).toBe(version);
  });

  it('keeps the decreed days sorted by date when a configured day falls between built-in ones (2020, whose decree was not found)', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [day('2030-05-31'), day('2020-05-22'), day('2016-05-06')]);
    const dates = cal.decreedDays.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.slice(0, 2)).toEqual(['2016-05-06', '2017-04-28']);
    expect(dates.slice(7, 10)).toEqual(['2019-12-27', '2020-05-22', '2023-04-28']);
    expect(dates.at(-1)).toBe('2030-05-31');
  });

  it('lets a feestdag win over a configured day on the same date: the statute names it', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [day('2029-05-10', { name: 'Hemelvaartsdag bij besluit' })]);
    expect(restDay('2029-05-10', cal)).toMatchObject({ name: 'Hemelvaartsdag', kind: 'feestdag' });
    expect(feestdagen(2029, cal).filter((d) => d.date === '2029-05-10').map((d) => d.kind)).toEqual(['feestdag', 'gelijkgesteld']);
  });

  it('uses the active calendar when none is passed; useAtwCalendar sets it and returns the one before', () => {
    const cal = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [day('2029-05-11')]);
    const before = useAtwCalendar(cal);
    try {
      expect(before).toBe(DEFAULT_ATW_CALENDAR);
      expect(activeAtwCalendar()).toBe(cal);
      expect(isAtwRestDay('2029-05-11')).toBe(true);
      expect(berekenTermijn('2029-03-30', 'P6W')).toMatchObject({ laatsteDag: '2029-05-14', kalenderversie: cal.version });
    } finally {
      expect(useAtwCalendar(before)).toBe(cal);
    }
    expect(activeAtwCalendar()).toBe(DEFAULT_ATW_CALENDAR);
    expect(isAtwRestDay('2029-05-11')).toBe(false);
  });
});

/**
 * Properties of the legal calendar (issue #17), over every start date from 2000 to 2100 and durations of days,
 * weeks and months. The oracle below is written independently of the production code: JavaScript `Date` arithmetic,
 * and Easter by Gauss's algorithm (1816, with its two exceptions) instead of the Meeus–Jones–Butcher algorithm.
 */
import fc from 'fast-check';
import { berekenTermijn, DEFAULT_ATW_CALENDAR, Duur, easterSunday, MAX_DUUR } from './algemene-termijnenwet';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const plus = (date: string, days: number) => iso(ms(date) + days * DAY);

/** Gauss's Easter algorithm for the Gregorian calendar, with the exceptions for 26 and 25 April. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let march = 22 + d + e; // day in March; > 31 runs into April
  if (d === 29 && e === 6) march = 19 + 31;
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) march = 18 + 31;
  return iso(Date.UTC(year, 2, march));
}

/** Art. 3 Atw, independently: the feestdagen of a year plus the decreed days of the built-in calendar. */
const oracleYears = new Map<number, Set<string>>();
function oracleHolidays(year: number): Set<string> {
  let set = oracleYears.get(year);
  if (set) return set;
  const easter = gaussEaster(year);
  const kingsDay = year >= 2014 ? `${year}-04-27` : `${year}-04-30`;
  const kings = new Date(ms(kingsDay)).getUTCDay() === 0 ? plus(kingsDay, -1) : kingsDay;
  set = new Set([
    `${year}-01-01`,
    plus(easter, -2),
    plus(easter, 1),
    kings,
    `${year}-05-05`,
    plus(easter, 39),
    plus(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
    ...DEFAULT_ATW_CALENDAR.decreedDays.map((d) => d.date).filter((d) => d.startsWith(`${year}-`)),
  ]);
  oracleYears.set(year, set);
  return set;
}

function isRest(date: string): boolean {
  const wd = new Date(ms(date)).getUTCDay();
  return wd === 0 || wd === 6 || oracleHolidays(Number(date.slice(0, 4))).has(date);
}

/** Days that count in from..to (inclusive), up to `cap`. */
function countingDays(from: string, to: string, cap: number): number {
  let n = 0;
  for (let t = ms(from); t <= ms(to) && n < cap; t += DAY) if (!isRest(iso(t))) n++;
  return n;
}

/** The unextended end, independently: days and weeks by milliseconds, months by `Date.UTC` overflow. */
function oraclePlainEnd(aanvang: string, duur: Duur): string {
  if (duur.eenheid === 'D') return plus(aanvang, duur.aantal - 1);
  if (duur.eenheid === 'W') return plus(aanvang, 7 * duur.aantal - 1);
  const [y, m, d] = aanvang.split('-').map(Number);
  const target = Date.UTC(y, m - 1 + duur.aantal, d);
  // Date.UTC overflows a missing day into the next month: then the period ends on the last day of the target month.
  const overflowed = new Date(target).getUTCDate() !== d;
  return overflowed ? iso(Date.UTC(y, m - 1 + duur.aantal + 1, 0)) : iso(target - DAY);
}

const START = Date.UTC(2000, 0, 1);
const END = Date.UTC(2100, 11, 31);
const aanvang = fc.integer({ min: 0, max: (END - START) / DAY }).map((n) => iso(START + n * DAY));
// Every length the deadline function accepts (up to ten years), biased towards the common short ones.
const upTo = (max: number) => fc.oneof(fc.integer({ min: 1, max: Math.min(max, 60) }), fc.integer({ min: 1, max }));
const duur: fc.Arbitrary<Duur> = fc.oneof(
  upTo(MAX_DUUR.D).map((aantal) => ({ aantal, eenheid: 'D' as const })),
  upTo(MAX_DUUR.W).map((aantal) => ({ aantal, eenheid: 'W' as const })),
  upTo(MAX_DUUR.M).map((aantal) => ({ aantal, eenheid: 'M' as const })),
);
// Short periods near rest days are where art. 2 bites: bias some runs towards them.
const shortDuur: fc.Arbitrary<Duur> = fc.integer({ min: 1, max: 6 }).map((aantal) => ({ aantal, eenheid: 'D' as const }));
const RUNS = { numRuns: 2000 };

describe('Algemene termijnenwet: properties (fast-check, 2000–2100)', () => {
  it('Easter agrees with Gauss’s algorithm for every year from 1583 to 4099', () => {
    const mismatches: string[] = [];
    for (let year = 1583; year <= 4099; year++) if (easterSunday(year) !== gaussEaster(year)) mismatches.push(`${year}: ${easterSunday(year)} ≠ ${gaussEaster(year)}`);
    expect(mismatches).toEqual([]);
    expect(gaussEaster(2025)).toBe('2025-04-20'); // the oracle itself, on a known year
    expect(gaussEaster(1981)).toBe('1981-04-19'); // d = 29, e = 6: the 26 April exception
    expect(gaussEaster(1954)).toBe('1954-04-18'); // d = 28, e = 6: the 25 April exception
  });

  it.each([
    [2000, '2000-04-23'],
    [2001, '2001-04-15'],
    [2008, '2008-03-23'], // early: 23 March
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'], // latest possible: 25 April
    [2100, '2100-03-28'],
  ])('Easter %d is %s, as published', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(gaussEaster(year)).toBe(date);
  });

  it('the unextended end is the day the duration gives, counting the first day', () => {
    fc.assert(
      fc.property(aanvang, duur, (a, d) => {
        expect(berekenTermijn(a, d, { calendar: DEFAULT_ATW_CALENDAR }).laatsteDagZonderVerlenging).toBe(oraclePlainEnd(a, d));
      }),
      RUNS,
    );
  });

  it('the last day is never a Saturday, Sunday, feestdag or decreed day, and never before the unextended end', () => {
    fc.assert(
      fc.property(aanvang, fc.oneof(duur, shortDuur), (a, d) => {
        const t = berekenTermijn(a, d, { calendar: DEFAULT_ATW_CALENDAR });
        expect(isRest(t.laatsteDag)).toBe(false);
        expect(t.laatsteDag >= t.laatsteDagZonderVerlenging).toBe(true);
      }),
      RUNS,
    );
  });

  it('the extension is the shortest art. 1 and art. 2 allow, and every day passed over is explained', () => {
    fc.assert(
      fc.property(aanvang, fc.oneof(duur, shortDuur), (a, d) => {
        const t = berekenTermijn(a, d, { calendar: DEFAULT_ATW_CALENDAR });
        const art2 = ms(t.laatsteDagZonderVerlenging) - ms(a) >= 2 * DAY; // a period of at least three days
        const allowed = (day: string) => !isRest(day) && (!art2 || countingDays(a, day, 2) >= 2);
        expect(allowed(t.laatsteDag)).toBe(true);
        const passed: string[] = [];
        for (let day = t.laatsteDagZonderVerlenging; day < t.laatsteDag; day = plus(day, 1)) {
          expect(allowed(day)).toBe(false);
          passed.push(day);
        }
        expect(t.verlengingen.map((v) => v.datum)).toEqual(passed);
        for (const v of t.verlengingen) expect(v.reden).toMatch(isRest(v.datum) ? /^(zaterdag|zondag|.+\(artikel 3, (eerste|tweede) lid|bij Koninklijk Besluit)/ : /^artikel 2 /);
      }),
      RUNS,
    );
  });
});

/**
 * Algemene termijnenwet (Atw): statutory periods that end on a Saturday, Sunday or algemeen erkende feestdag.
 * Domain-brief §9, TM-15 (verified afterwards; see the notes below the §9 table).
 *
 * Pure functions over `YYYY-MM-DD` calendar dates; no clock is read. The days designated by Royal Decree
 * (art. 3(3)) are versioned data ({@link AtwCalendar}), never code, so every computed end date can record
 * which calendar it used.
 */
import { addDays, daysBetween, isIsoDate, weekday } from '../dates';

/** A day that counts as a rest day under the Atw, with the article that makes it one. */
export interface AtwDay {
  date: string;
  name: string;
  basis: string;
}

/**
 * The versioned data part of the Atw calendar: days designated by Royal Decree under art. 3(3).
 * `version` is stored with every computed end date (`calendar_rule_version`, domain-brief §9).
 */
export interface AtwCalendar {
  version: string;
  designatedDays: AtwDay[];
}

/**
 * The default calendar: the statutory feestdagen of art. 3(1) and 3(2) only.
 *
 * NOTE: `designatedDays` is deliberately empty. Art. 3(3) lets the Crown designate further days by Royal
 * Decree, published in the Staatscourant, usually for three years at a time (e.g. the Friday after
 * Hemelvaartsdag, bridge days next to a feestdag on a Tuesday or Thursday). None of those decrees was
 * verified in the domain brief; fill them from the Staatscourant and bump `version` when you do.
 */
export const DEFAULT_ATW_CALENDAR: AtwCalendar = Object.freeze({
  version: 'atw-2026.1',
  designatedDays: [],
});

const ART_3_1 = 'Atw art. 3(1)';
const ART_3_2 = 'Atw art. 3(2)';
const SUNDAY_DISPLAY = 'Sunday (Atw art. 1(1)); not listed in art. 3(1), shown for display';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function assertDate(date: string, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} must be a YYYY-MM-DD calendar date, got '${date}'`);
}

/** Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`year must be a Gregorian year, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The Atw feestdagen of `year`, sorted by date:
 * - art. 3(1): Nieuwjaarsdag, Tweede Paasdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag, Hemelvaartsdag,
 *   Koningsdag (27 April, or 26 April when the 27th is a Sunday) and 5 mei;
 * - art. 3(2): Goede Vrijdag;
 * - art. 3(3): the days designated by Royal Decree in `calendar` for that year.
 *
 * Eerste Paasdag and Eerste Pinksterdag always fall on a Sunday (already a rest day under art. 1(1)); they are
 * listed for display only. The current text (Koningsdag, since 2014) is applied to every year; the former
 * Koninginnedag is not modelled.
 */
export function feestdagen(year: number, calendar: AtwCalendar = DEFAULT_ATW_CALENDAR): AtwDay[] {
  const easter = easterSunday(year);
  const koningsdag = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  const days: AtwDay[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag', basis: ART_3_1 },
    { date: addDays(easter, -2), name: 'Goede Vrijdag', basis: ART_3_2 },
    { date: easter, name: 'Eerste Paasdag', basis: SUNDAY_DISPLAY },
    { date: addDays(easter, 1), name: 'Tweede Paasdag', basis: ART_3_1 },
    { date: koningsdag, name: 'Koningsdag', basis: ART_3_1 },
    { date: `${year}-05-05`, name: '5 mei', basis: ART_3_1 },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag', basis: ART_3_1 },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag', basis: SUNDAY_DISPLAY },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag', basis: ART_3_1 },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag', basis: ART_3_1 },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag', basis: ART_3_1 },
    ...calendar.designatedDays.filter((d) => d.date.startsWith(`${year}-`)),
  ];
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Why `date` is a rest day under the Atw (art. 1(1), art. 3), or `null` when it is a working day. */
export function atwRestDayReason(date: string, calendar: AtwCalendar = DEFAULT_ATW_CALENDAR): string | null {
  assertDate(date, 'date');
  const wd = weekday(date);
  if (wd === 6) return `${date} is a Saturday (Atw art. 1(1))`;
  if (wd === 0) return `${date} is a Sunday (Atw art. 1(1))`;
  const feestdag = feestdagen(Number(date.slice(0, 4)), calendar).find((d) => d.date === date);
  return feestdag ? `${date} is ${feestdag.name} (${feestdag.basis})` : null;
}

/** True for a Saturday, a Sunday, or a feestdag / designated day (Atw art. 1(1) with art. 3). */
export function isAtwRestDay(date: string, calendar: AtwCalendar = DEFAULT_ATW_CALENDAR): boolean {
  return atwRestDayReason(date, calendar) !== null;
}

/** The result of applying the Atw to a period: the (possibly later) end and why it moved. */
export interface AtwExtension {
  end: string;
  /** One human-readable reason per day the end moved past; empty when the plain end stands. */
  extendedBy: string[];
}

/**
 * Extend a statutory period `startOn..endOn` (both inclusive) per the Algemene termijnenwet:
 * - art. 1(1): a period that ends on a Saturday, Sunday or feestdag runs up to and including the next day that
 *   is none of these;
 * - art. 2: a period of at least three days is extended as far as needed to contain at least two days that are
 *   not a Saturday, Sunday or feestdag (counted over `startOn..end`, inclusive).
 *
 * The result is the first day on or after `endOn` that is not a rest day and, for periods of three days or more,
 * brings the count of working days in the period to at least two. Only use it for periods the Atw covers
 * (periods set by or under statute, counted forwards); the exclusions of Atw art. 4 are not verified in the
 * brief and are the caller's responsibility.
 */
export function extendPerAtw(startOn: string, endOn: string, calendar: AtwCalendar = DEFAULT_ATW_CALENDAR): AtwExtension {
  assertDate(startOn, 'startOn');
  assertDate(endOn, 'endOn');
  if (endOn < startOn) throw new RangeError(`endOn ${endOn} lies before startOn ${startOn}`);

  const extendedBy: string[] = [];
  let end = endOn;

  // Art. 1(1): move off a rest day.
  for (let reason = atwRestDayReason(end, calendar); reason !== null; reason = atwRestDayReason(end, calendar)) {
    extendedBy.push(`Atw art. 1(1): ${reason}`);
    end = addDays(end, 1);
  }

  // Art. 2: a period of at least three days must contain at least two working days.
  if (daysBetween(startOn, endOn) + 1 >= 3) {
    let workingDays = 0;
    for (let d = startOn; d <= end; d = addDays(d, 1)) if (!isAtwRestDay(d, calendar)) workingDays++;
    while (workingDays < 2) {
      const next = addDays(end, 1);
      const reason = atwRestDayReason(next, calendar);
      if (reason === null) {
        workingDays++;
        extendedBy.push(`Atw art. 2: period needs two days that are no rest day; extended to ${next}`);
      } else {
        extendedBy.push(`Atw art. 2: ${reason}`);
      }
      end = next;
    }
  }

  return { end, extendedBy };
}

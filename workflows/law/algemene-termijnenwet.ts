/**
 * Algemene termijnenwet (Atw): the legal calendar and the one deadline function of the engine (TM-15, issue #11).
 *
 * Pure functions over `YYYY-MM-DD` calendar dates; no clock is read. The law, as applied here:
 * - art. 1, eerste lid: a statutory period that ends on a Saturday, Sunday or algemeen erkende feestdag runs up to
 *   and including the next day that is none of these;
 * - art. 2: a period of at least three days is extended as far as needed to contain at least two days that are not
 *   a Saturday, Sunday or algemeen erkende feestdag;
 * - art. 3, eerste lid: Nieuwjaarsdag, Tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day the
 *   King's birthday is celebrated, and 5 mei; tweede lid: Goede Vrijdag; derde lid: days the Crown declares equal to
 *   them by decree published in the Staatscourant ({@link DECREED_DAYS}, versioned data, never code).
 *
 * Text of art. 1 and 3 as quoted by staatsrechtpraktijk.nl, "Nieuwjaarsdag en Kerstmis in het staatsrecht"
 * (https://staatsrechtpraktijk.nl/nieuwjaarsdag-en-kerstmis-in-het-staatsrecht/); art. 2 and the decree practice per
 * https://nl.wikipedia.org/wiki/Algemene_termijnenwet. Koningsdag: Besluit van 30 januari 2013, Stcrt. 2013, 4075
 * (https://zoek.officielebekendmakingen.nl/stcrt-2013-4075.html): 27 April, "behoudens uitzonderingen in verband met
 * zondagen" (26 April when the 27th is a Sunday); before 2014 Koninginnedag, 30 April (29 April when a Sunday).
 */
import { addDays, dayAfterMonths, daysBetween, isIsoDate, weekday } from '../dates';

/** A day the Crown declared equal to an algemeen erkende feestdag (art. 3, derde lid, Atw). */
export interface DecreedDay {
  date: string;
  /** What the day is, in Dutch ("vrijdag na Hemelvaartsdag"). */
  name: string;
  /** How the reden cites the decree: "Stcrt. 2016, 58653", or the decree's title when its number was not found. */
  citation: string;
  /** Where the decree (or the record of it) was found: an address. */
  source: string;
  /** False when the Staatscourant publication itself was not found in the public record (issue #11). */
  verified: boolean;
}

/** The versioned calendar: which decreed days are known. `version` is stored with every computed end date. */
export interface AtwCalendar {
  version: string;
  decreedDays: readonly DecreedDay[];
}

/** A decreed day added by a beheerder through configuration (`calendar.extraDecreedDays`), without a release. */
export interface ExtraDecreedDayInput {
  date: string;
  name: string;
  source: string;
}

const KB_2016 = {
  citation: 'Stcrt. 2016, 58653',
  source:
    'https://wetten.overheid.nl/BWBR0038666/2016-11-01 (Besluit van 24 oktober 2016, nr. 2016001827, houdende gelijkstelling van 28 april en 26 mei 2017, 11 mei en 24 en 31 december 2018 en 31 mei en 27 december 2019 met een algemeen erkende feestdag); Staatscourant-nummer per https://www.uitvaart.nl/juridisch/overige/uitvaartplechtigheid/is-28-april-2017-geen-werkdag/50535',
  verified: true,
};
const KB_2023_2025 = {
  citation: 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025; Staatscourant-nummer niet gevonden',
  source:
    'https://sterfgeval.nl/juridisch/overige/vragen-van-uitvaartondernemers/gemeentelijke-feestdag-bij-lijkbezorging-feestdagen-in-2026-2028/70745 (noemt de citeertitel van het besluit); de publicatie in de Staatscourant is niet gevonden',
  verified: false,
};
const KB_2026_2028 = {
  citation: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028; Staatscourant-nummer niet gevonden',
  source:
    'https://sterfgeval.nl/juridisch/overige/vragen-van-uitvaartondernemers/gemeentelijke-feestdag-bij-lijkbezorging-feestdagen-in-2026-2028/70745 (noemt de citeertitel van het besluit); de publicatie in de Staatscourant is niet gevonden',
  verified: false,
};

/**
 * The decreed days known to this release (art. 3, derde lid, Atw). The decrees of 2020–2022 were not found and are
 * not listed; a beheerder adds a missing or newly decreed day through `calendar.extraDecreedDays` in config/.
 */
export const DECREED_DAYS: readonly DecreedDay[] = Object.freeze(
  [
    { date: '2017-04-28', name: 'vrijdag na Koningsdag', ...KB_2016 },
    { date: '2017-05-26', name: 'vrijdag na Hemelvaartsdag', ...KB_2016 },
    { date: '2018-05-11', name: 'vrijdag na Hemelvaartsdag', ...KB_2016 },
    { date: '2018-12-24', name: 'maandag vóór Eerste Kerstdag', ...KB_2016 },
    { date: '2018-12-31', name: 'maandag vóór Nieuwjaarsdag', ...KB_2016 },
    { date: '2019-05-31', name: 'vrijdag na Hemelvaartsdag', ...KB_2016 },
    { date: '2019-12-27', name: 'vrijdag na Tweede Kerstdag', ...KB_2016 },
    { date: '2023-04-28', name: 'vrijdag na Koningsdag', ...KB_2023_2025 },
    { date: '2023-05-19', name: 'vrijdag na Hemelvaartsdag', ...KB_2023_2025 },
    { date: '2024-05-10', name: 'vrijdag na Hemelvaartsdag', ...KB_2023_2025 },
    { date: '2024-12-27', name: 'vrijdag na Tweede Kerstdag', ...KB_2023_2025 },
    { date: '2025-05-30', name: 'vrijdag na Hemelvaartsdag', ...KB_2023_2025 },
    { date: '2026-01-02', name: 'vrijdag na Nieuwjaarsdag', ...KB_2026_2028 },
    { date: '2026-05-15', name: 'vrijdag na Hemelvaartsdag', ...KB_2026_2028 },
    { date: '2027-05-07', name: 'vrijdag na Hemelvaartsdag', ...KB_2026_2028 },
    { date: '2028-04-28', name: 'vrijdag na Koningsdag', ...KB_2026_2028 },
    { date: '2028-05-26', name: 'vrijdag na Hemelvaartsdag', ...KB_2026_2028 },
  ].map((d) => Object.freeze(d)),
);

/** The built-in calendar. Bump `version` whenever {@link DECREED_DAYS} or the rules change. */
export const DEFAULT_ATW_CALENDAR: AtwCalendar = Object.freeze({ version: 'atw-2026.2', decreedDays: DECREED_DAYS });

/** The first and last day the calendar models (Koninginnedag/Koningsdag since 2000; the API bounds its input to these). */
export const CALENDAR_FIRST_DAY = '2000-01-01';
export const CALENDAR_LAST_DAY = '2200-12-31';
/** The latest first day a caller may ask for: ten years (the longest duration) before the calendar's last day. */
export const LAST_AANVANG = '2190-12-31';

// ---------------------------------------------------------------------------------------------------------------
// Extra decreed days from configuration
// ---------------------------------------------------------------------------------------------------------------

/**
 * The most extra decreed days a configuration may add, and the longest name and source: so the reason a deadline moved
 * (`verlengingen`, a timer's `extendedBy`) and the number of days it moved past stay bounded (the published API
 * document states both bounds; see VERLENGINGEN_MAX).
 */
export const EXTRA_DECREED_DAYS_MAX = 100;
export const EXTRA_DECREED_TEXT_MAX = { name: 100, source: 500 } as const;

/**
 * The most days a deadline can move past. A run of rest days longer than a week holds five weekdays per week, each
 * of them a feestdag or decreed day; with at most {@link EXTRA_DECREED_DAYS_MAX} configured days and the built-in ones
 * (a few per year), every run stays far below 200 days, and art. 2 adds at most one working day and a second run.
 */
export const VERLENGINGEN_MAX = 366;

/**
 * Problems with configured extra decreed days (`calendar.extraDecreedDays`), one message per problem naming the
 * entry; empty when the list is valid. Each entry needs a `date` (yyyy-mm-dd, a real calendar date within the
 * calendar's range), a non-empty `name` and a non-empty `source` (Staatscourant number or address of the decree).
 */
export function validateExtraDecreedDays(value: unknown, path = 'calendar.extraDecreedDays'): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [`${path} moet een lijst zijn van { date, name, source }`];
  const problems: string[] = [];
  if (value.length > EXTRA_DECREED_DAYS_MAX) problems.push(`${path} mag ten hoogste ${EXTRA_DECREED_DAYS_MAX} dagen bevatten`);
  const seen = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at} moet een object zijn met date, name en source`);
      return;
    }
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!['date', 'name', 'source'].includes(key)) problems.push(`${at}.${key} is niet toegestaan`);
    if (typeof e.date !== 'string' || !isIsoDate(e.date)) problems.push(`${at}.date moet een datum yyyy-mm-dd zijn`);
    else if (e.date < CALENDAR_FIRST_DAY || e.date > CALENDAR_LAST_DAY) problems.push(`${at}.date moet tussen ${CALENDAR_FIRST_DAY} en ${CALENDAR_LAST_DAY} liggen`);
    else if (seen.has(e.date)) problems.push(`${at}.date ${e.date} staat al eerder in de lijst`);
    else seen.add(e.date);
    for (const key of ['name', 'source'] as const) {
      if (typeof e[key] !== 'string' || e[key].trim() === '') problems.push(`${at}.${key} mag niet leeg zijn`);
      else if (e[key].trim().length > EXTRA_DECREED_TEXT_MAX[key]) problems.push(`${at}.${key} mag ten hoogste ${EXTRA_DECREED_TEXT_MAX[key]} tekens lang zijn`);
    }
  });
  return problems;
}

/** Orders days by their `YYYY-MM-DD` date (a stable sort keeps equal dates in their order). */
function byDate<T extends { date: string }>(x: T, y: T): number {
  return x.date < y.date ? -1 : x.date > y.date ? 1 : 0;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of the configured days (not a security hash). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * `base` plus decreed days from configuration. The version changes with the configured days
 * (`atw-2026.2+config-1a2b3c4d`), so every computed end records which calendar produced it.
 *
 * @throws RangeError when the entries are invalid ({@link validateExtraDecreedDays}).
 */
export function withExtraDecreedDays(base: AtwCalendar, extra: readonly ExtraDecreedDayInput[] | undefined): AtwCalendar {
  if (!extra || extra.length === 0) return base;
  const problems = validateExtraDecreedDays(extra);
  if (problems.length) throw new RangeError(problems.join('; '));
  const sorted = [...extra].sort(byDate);
  const known = new Set(base.decreedDays.map((d) => d.date));
  const added: DecreedDay[] = sorted
    .filter((d) => !known.has(d.date))
    .map((d) => ({ date: d.date, name: d.name.trim(), citation: d.source.trim(), source: d.source.trim(), verified: true }));
  const hash = fingerprint(JSON.stringify(sorted.map((d) => [d.date, d.name.trim(), d.source.trim()])));
  return Object.freeze({
    version: `${base.version}+config-${hash}`,
    decreedDays: Object.freeze([...base.decreedDays, ...added].sort(byDate)),
  });
}

let activeCalendar: AtwCalendar = DEFAULT_ATW_CALENDAR;

/**
 * The calendar the engine's timers use when none is passed: the built-in one plus the configured extra days.
 * Set once at start ({@link useAtwCalendar}); the functions below stay pure when given a calendar.
 */
export function activeAtwCalendar(): AtwCalendar {
  return activeCalendar;
}

/** Make `calendar` the one {@link activeAtwCalendar} returns (at start, from configuration); returns the previous one. */
export function useAtwCalendar(calendar: AtwCalendar): AtwCalendar {
  const previous = activeCalendar;
  activeCalendar = calendar;
  return previous;
}

// ---------------------------------------------------------------------------------------------------------------
// Feestdagen
// ---------------------------------------------------------------------------------------------------------------

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

/** Why a day is a rest day, as the termijnen endpoint states it. */
export type RestDayKind = 'zaterdag' | 'zondag' | 'feestdag' | 'gelijkgesteld';

/** A day of the Atw calendar: a feestdag (art. 3, eerste/tweede lid), a decreed day (derde lid), or a Sunday shown for display. */
export interface AtwDay {
  date: string;
  name: string;
  kind: RestDayKind;
  /** The Dutch reason the termijnen endpoint gives for this day. */
  reden: string;
}

export const ART_3_1 = 'artikel 3, eerste lid, Algemene termijnenwet';
export const ART_3_2 = 'artikel 3, tweede lid, Algemene termijnenwet';
export const ART_2_REDEN = 'artikel 2 Algemene termijnenwet: ten minste twee dagen die geen zaterdag, zondag of feestdag zijn';

function feestdag(date: string, name: string, basis: string): AtwDay {
  return { date, name, kind: 'feestdag', reden: `${name} (${basis})` };
}

function decreed(d: DecreedDay): AtwDay {
  return { date: d.date, name: d.name, kind: 'gelijkgesteld', reden: `bij Koninklijk Besluit gelijkgestelde dag: ${d.name} (${d.citation})` };
}

/** The day the King's (before 2014: Queen's) birthday is celebrated, per the decrees cited at the top. */
function koningsdag(year: number): AtwDay {
  if (year < 2014) {
    const date = weekday(`${year}-04-30`) === 0 ? `${year}-04-29` : `${year}-04-30`;
    return feestdag(date, 'Koninginnedag', ART_3_1);
  }
  const date = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  return feestdag(date, 'Koningsdag', ART_3_1);
}

/**
 * The Atw days of `year`, sorted by date: the feestdagen of art. 3, eerste lid, Goede Vrijdag (tweede lid), the
 * decreed days of `calendar` (derde lid), and Eerste Paas- and Pinksterdag, which always fall on a Sunday (a rest
 * day under art. 1) and are listed for display only.
 */
export function feestdagen(year: number, calendar: AtwCalendar = activeAtwCalendar()): AtwDay[] {
  const easter = easterSunday(year);
  const sunday = (date: string, name: string): AtwDay => ({ date, name, kind: 'zondag', reden: 'zondag' });
  const days: AtwDay[] = [
    feestdag(`${year}-01-01`, 'Nieuwjaarsdag', ART_3_1),
    feestdag(addDays(easter, -2), 'Goede Vrijdag', ART_3_2),
    sunday(easter, 'Eerste Paasdag'),
    feestdag(addDays(easter, 1), 'Tweede Paasdag', ART_3_1),
    koningsdag(year),
    feestdag(`${year}-05-05`, '5 mei', ART_3_1),
    feestdag(addDays(easter, 39), 'Hemelvaartsdag', ART_3_1),
    sunday(addDays(easter, 49), 'Eerste Pinksterdag'),
    feestdag(addDays(easter, 50), 'Tweede Pinksterdag', ART_3_1),
    feestdag(`${year}-12-25`, 'Eerste Kerstdag', ART_3_1),
    feestdag(`${year}-12-26`, 'Tweede Kerstdag', ART_3_1),
    ...calendar.decreedDays.filter((d) => d.date.startsWith(`${year}-`)).map(decreed),
  ];
  return days.sort(byDate);
}

/** Per calendar and year: the rest days by date (feestdagen and decreed days; weekends are computed). */
const yearCache = new WeakMap<AtwCalendar, Map<number, Map<string, AtwDay>>>();

function restDaysOf(year: number, calendar: AtwCalendar): Map<string, AtwDay> {
  let byYear = yearCache.get(calendar);
  if (!byYear) yearCache.set(calendar, (byYear = new Map<number, Map<string, AtwDay>>()));
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    // A feestdag wins over a decreed day on the same date (the statute names it); Sundays come from weekday().
    for (const d of feestdagen(year, calendar).reverse()) if (d.kind !== 'zondag') days.set(d.date, d);
    byYear.set(year, days);
  }
  return days;
}

/**
 * Why `date` is a rest day under the Atw, or `null` for a day that counts (art. 1, eerste lid, art. 3). A feestdag
 * that falls in a weekend is named as the feestdag (Tweede Kerstdag on a Saturday).
 */
export function restDay(date: string, calendar: AtwCalendar = activeAtwCalendar()): AtwDay | null {
  assertDate(date, 'date');
  const named = restDaysOf(Number(date.slice(0, 4)), calendar).get(date);
  if (named) return named;
  const wd = weekday(date);
  if (wd === 6) return { date, name: 'zaterdag', kind: 'zaterdag', reden: 'zaterdag' };
  if (wd === 0) return { date, name: 'zondag', kind: 'zondag', reden: 'zondag' };
  return null;
}

/** True for a Saturday, a Sunday, a feestdag or a decreed day (art. 1, eerste lid, with art. 3 Atw). */
export function isAtwRestDay(date: string, calendar: AtwCalendar = activeAtwCalendar()): boolean {
  return restDay(date, calendar) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Durations and the deadline function
// ---------------------------------------------------------------------------------------------------------------

/** A period length: days, weeks or calendar months (ISO 8601 `P6W`, `P3D`, `P1M`). */
export interface Duur {
  aantal: number;
  eenheid: 'D' | 'W' | 'M';
}

/** The longest period the deadline function accepts: ten years in each unit. */
export const MAX_DUUR: Readonly<Record<Duur['eenheid'], number>> = Object.freeze({ D: 3653, W: 522, M: 120 });

/**
 * Parse an ISO 8601 duration of one component in days, weeks or months (`P6W`, `P3D`, `P12M`), at least 1 and at
 * most ten years. Returns the reason in Dutch when it is not one.
 */
export function parseDuur(text: string): { ok: true; duur: Duur } | { ok: false; reden: string } {
  const m = /^P(\d{1,6})([DWM])$/.exec(text);
  if (!m) return { ok: false, reden: 'moet een ISO 8601-duur in dagen, weken of maanden zijn, zoals P6W, P3D of P1M' };
  const aantal = Number(m[1]);
  const eenheid = m[2] as Duur['eenheid'];
  if (aantal < 1 || aantal > MAX_DUUR[eenheid]) {
    return { ok: false, reden: `moet tussen P1${eenheid} en P${MAX_DUUR[eenheid]}${eenheid} liggen (ten hoogste tien jaar)` };
  }
  return { ok: true, duur: { aantal, eenheid } };
}

export function formatDuur(d: Duur): string {
  return `P${d.aantal}${d.eenheid}`;
}

/**
 * The last day of a period that starts ON `aanvang` (the first day counts, as art. 3:16, tweede lid, Awb counts the
 * zienswijzentermijn), before any Atw extension:
 * - days: `aanvang + n − 1`; weeks: `aanvang + 7n − 1` (six weeks from Friday 18 April 2025 end on Thursday 29 May);
 * - months: the day before the same day number `n` months later; when that month has no such day, its last day
 *   (one month from 18 April ends on 17 May, from 31 January on 28/29 February, twelve months from 1 March 2027 on
 *   29 February 2028, from 29 February 2024 on 28 February 2025). No statute in the brief fixes month arithmetic;
 *   this is the counting of TM-06 (one year from submission, the submission day included), applied to every month
 *   period so weeks and months count alike from the first day.
 */
export function unextendedEnd(aanvang: string, duur: Duur): string {
  assertDate(aanvang, 'aanvang');
  switch (duur.eenheid) {
    case 'D':
      return addDays(aanvang, duur.aantal - 1);
    case 'W':
      return addDays(aanvang, 7 * duur.aantal - 1);
    case 'M':
      return addDays(dayAfterMonths(aanvang, duur.aantal), -1);
  }
}

/** One day the last day moved past, and why. */
export interface Verlenging {
  datum: string;
  reden: string;
}

/** A computed period: the answer of `GET /api/v1/termijnen` and of every legal timer of the engine. */
export interface Termijn {
  aanvang: string;
  duur: string;
  laatsteDagZonderVerlenging: string;
  laatsteDag: string;
  verlengingen: Verlenging[];
  /** The calendar version used, or {@link NO_ATW} for a period the Atw does not extend. */
  kalenderversie: string;
}

/** Marker for periods to which the Algemene termijnenwet is not applied (set by a verordening, or a planning date). */
export const NO_ATW = 'no-atw';

export interface TermijnOptions {
  calendar?: AtwCalendar;
  /**
   * False for a period the Atw does not cover (not set by or under statute, e.g. TM-06 and TM-10): the last day is
   * the unextended end. Default true.
   */
  atw?: boolean;
}

/**
 * THE deadline function (issue #11): the last day of a period of `duur` starting on `aanvang`, extended per the
 * Algemene termijnenwet. The last day is the first day on or after the unextended end that
 * - is no Saturday, Sunday, feestdag or decreed day (art. 1, eerste lid), and
 * - for a period of at least three days, makes the period contain at least two such days that count (art. 2).
 * That is the shortest extension the Atw allows: every day passed over is listed in `verlengingen` with its reason.
 *
 * Only for periods the Atw covers (set by or under statute, counted forwards); the exclusions of art. 4 Atw are the
 * caller's responsibility.
 *
 * @throws RangeError on an invalid date or duration.
 */
export function berekenTermijn(aanvang: string, duur: Duur | string, opts: TermijnOptions = {}): Termijn {
  assertDate(aanvang, 'aanvang');
  let d: Duur;
  if (typeof duur === 'string') {
    const parsed = parseDuur(duur);
    if (!parsed.ok) throw new RangeError(`duur ${parsed.reden}, got '${duur}'`);
    d = parsed.duur;
  } else {
    d = duur;
    if (!Number.isInteger(d.aantal) || d.aantal < 1 || d.aantal > MAX_DUUR[d.eenheid]) throw new RangeError(`duur out of range: ${JSON.stringify(d)}`);
  }
  const plainEnd = unextendedEnd(aanvang, d);
  const base = { aanvang, duur: formatDuur(d), laatsteDagZonderVerlenging: plainEnd };
  if (opts.atw === false) return { ...base, laatsteDag: plainEnd, verlengingen: [], kalenderversie: NO_ATW };

  const calendar = opts.calendar ?? activeAtwCalendar();
  const art2 = daysBetween(aanvang, plainEnd) + 1 >= 3;
  // Days that count within aanvang..plainEnd−1, up to the two art. 2 asks for (no need to count further).
  let counting = 0;
  for (let day = aanvang; art2 && counting < 2 && day < plainEnd; day = addDays(day, 1)) if (!restDay(day, calendar)) counting++;

  const verlengingen: Verlenging[] = [];
  let end = plainEnd;
  for (;;) {
    const rest = restDay(end, calendar);
    if (rest) verlengingen.push({ datum: end, reden: rest.reden });
    else {
      counting++;
      if (!art2 || counting >= 2) break;
      verlengingen.push({ datum: end, reden: ART_2_REDEN });
    }
    end = addDays(end, 1);
  }
  return { ...base, laatsteDag: end, verlengingen, kalenderversie: calendar.version };
}

/**
 * The same extension as a sentence per day, as timers store it (`extendedBy`): "2026-06-14 is een zondag",
 * "2025-05-29 is Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)".
 */
export function describeVerlenging(v: Verlenging): string {
  if (v.reden === 'zaterdag' || v.reden === 'zondag') return `${v.datum} is een ${v.reden}`;
  if (v.reden === ART_2_REDEN) return `${v.datum}: ${v.reden}`;
  if (v.reden.startsWith('bij Koninklijk Besluit')) return `${v.datum} is een ${v.reden}`;
  return `${v.datum} is ${v.reden}`;
}

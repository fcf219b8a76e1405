/**
 * The bounds the published document declares for values that come from code and configuration rather than a
 * request validator (issue #14): each one checked against every source of the value.
 */
import { TIMERS } from '../../workflows/drenthe-verbindend-besturen/timers';
import {
  berekenTermijn,
  DEFAULT_ATW_CALENDAR,
  describeVerlenging,
  EXTRA_DECREED_DAYS_MAX,
  feestdagen,
  validateExtraDecreedDays,
  VERLENGINGEN_MAX,
  withExtraDecreedDays,
} from '../../workflows/law/algemene-termijnenwet';
import { defaultRegistry } from '../../workflows/registry';
import { shownValue, SHOWN_VALUE_MAX } from '../audit';
import { boundedText, TEXT_MAX } from '../common';
import { CALENDAR_VERSION, CATALOGUE_BASIS_MAX, RESPONSE_BOUNDS } from './response-bounds';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('response bounds that hold by construction', () => {
  it('every requirement and timer basis of every registered workflow fits CATALOGUE_BASIS_MAX and is not blank', () => {
    const bases = [...defaultRegistry().list().flatMap((w) => w.definition.requirements.map((r) => r.origin.basis)), ...TIMERS.map((t) => t.basis)];
    expect(bases.length).toBeGreaterThan(50);
    expect(bases.filter((b) => b.length > CATALOGUE_BASIS_MAX || !/\S/.test(b))).toEqual([]);
  });

  it('calendar versions match the published pattern: built in, with configured days, and no-atw', () => {
    const re = new RegExp(CALENDAR_VERSION.pattern!);
    const configured = withExtraDecreedDays(DEFAULT_ATW_CALENDAR, [{ date: '2030-06-03', name: 'Extra dag', source: 'Stcrt. 2030, 1' }]);
    for (const v of [DEFAULT_ATW_CALENDAR.version, configured.version, berekenTermijn('2026-03-02', 'P6W', { atw: false }).kalenderversie]) expect(v).toMatch(re);
    expect('atw-2026.2; DROP').not.toMatch(re);
  });

  it('configuration refuses more extra decreed days, or longer names and sources, than the document allows for', () => {
    const day = (i: number) => ({ date: addDays('2030-01-01', i), name: 'Dag', source: 'Stcrt.' });
    expect(validateExtraDecreedDays(Array.from({ length: EXTRA_DECREED_DAYS_MAX }, (_, i) => day(i)))).toEqual([]);
    expect(validateExtraDecreedDays(Array.from({ length: EXTRA_DECREED_DAYS_MAX + 1 }, (_, i) => day(i))).join()).toMatch(/ten hoogste 100/);
    expect(validateExtraDecreedDays([{ ...day(0), name: 'x'.repeat(101) }]).join()).toMatch(/name mag ten hoogste 100 tekens/);
    expect(validateExtraDecreedDays([{ ...day(0), source: 'x'.repeat(501) }]).join()).toMatch(/source mag ten hoogste 500 tekens/);
  });

  it('with the most extra decreed days in a row, longest names, a deadline moves past at most VERLENGINGEN_MAX days, each reason within the bound', () => {
    // Every weekday from 2 January 2030 on for 100 weekdays, plus the built-in feestdagen: the longest run there can be.
    const weekdays: string[] = [];
    for (let d = '2030-01-02'; weekdays.length < EXTRA_DECREED_DAYS_MAX; d = addDays(d, 1)) {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) weekdays.push(d);
    }
    const calendar = withExtraDecreedDays(
      DEFAULT_ATW_CALENDAR,
      weekdays.map((date) => ({ date, name: 'n'.repeat(100), source: 's'.repeat(500) })),
    );
    expect(feestdagen(2030, calendar).length).toBeGreaterThan(EXTRA_DECREED_DAYS_MAX);
    const t = berekenTermijn('2029-12-30', 'P3D', { calendar });
    expect(t.verlengingen.length).toBeGreaterThan(100);
    expect(t.verlengingen.length).toBeLessThanOrEqual(VERLENGINGEN_MAX);
    const reden = RESPONSE_BOUNDS.VerlengingDto.reden;
    for (const v of t.verlengingen) {
      expect(v.reden.length).toBeLessThanOrEqual(reden.maxLength!);
      expect(describeVerlenging(v).length).toBeLessThanOrEqual(reden.maxLength! + 20);
    }
  });

  it('a long text is cut to TEXT_MAX with a note; a short one stays as it is', () => {
    expect(boundedText('kort', 'nl')).toBe('kort');
    const cut = boundedText(`${'é'.repeat(TEXT_MAX)}😀`.repeat(2), 'nl');
    expect(cut.length).toBeLessThanOrEqual(TEXT_MAX);
    expect(cut).toMatch(/… \(\d+ tekens weggelaten\)$/);
    expect(boundedText('x'.repeat(TEXT_MAX + 1), 'en')).toMatch(/characters left out\)$/);
  });

  it('a stored value the verifier shows is at most SHOWN_VALUE_MAX characters and never blank', () => {
    expect(shownValue('abc')).toBe('abc');
    expect(shownValue('')).toBe('""');
    expect(shownValue('   ')).toBe('"   "');
    const long = shownValue('😀'.repeat(500));
    expect(long.length).toBeLessThanOrEqual(SHOWN_VALUE_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

import { AtwCalendar, berekenTermijn, DEFAULT_ATW_CALENDAR } from '../law/algemene-termijnenwet';
import {
  AGENDERINGSRECHT_DREMPEL,
  NO_ATW_EXTENSION,
  TIMERS,
  agenderingsrechtHerhalingGeblokkeerd,
  agenderingsrechtWindow,
  daysLeft,
  evaluatieVervaldatum,
  hasElapsed,
  inwerkingtredingToegestaan,
  isZienswijzeTijdig,
  kennisgevingOpTijd,
  terinzageNaBesluit,
  wensenEnBedenkingenWindow,
  zienswijzentermijn,
} from './timers';

describe('timers (domain-brief §9)', () => {
  it('lists TM-01 … TM-15 with the verified flags of the brief', () => {
    expect(TIMERS.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_, i) => `TM-${String(i + 1).padStart(2, '0')}`));
    expect(TIMERS.filter((t) => !t.verified).map((t) => t.id)).toEqual(['TM-04', 'TM-14']);
    for (const t of TIMERS) expect(t.name.nl && t.name.en && t.basis).toBeTruthy();
  });

  describe('TM-01 zienswijzentermijn (Awb 3:16, Atw)', () => {
    it('starts on the day of terinzagelegging: six weeks from Thu 1 Jan end on Wed 11 Feb', () => {
      expect(zienswijzentermijn('2026-01-01')).toEqual({
        timerId: 'TM-01',
        start: '2026-01-01',
        computedEnd: '2026-02-11',
        basis: 'Awb 3:16(1); Algemene termijnenwet art. 1(1), 2',
        calendarRuleVersion: DEFAULT_ATW_CALENDAR.version,
        extendedBy: [],
      });
    });

    it.each([
      ['2026-01-04', '2026-02-16', 'plain end Saturday 14 Feb → Monday'],
      ['2026-02-24', '2026-04-07', 'plain end Tweede Paasdag → Tuesday'],
      // Was Friday 15 May before issue #11: that Friday is decreed equal to a feestdag (Besluit gelijkstelling 2026–2028).
      ['2026-04-03', '2026-05-18', 'plain end Hemelvaartsdag → past the decreed Friday to Monday'],
      ['2026-03-25', '2026-05-06', 'plain end 5 mei → Wednesday'],
      ['2026-02-21', '2026-04-07', 'plain end Goede Vrijdag → Tuesday after Tweede Paasdag'],
      ['2026-11-14', '2026-12-28', 'plain end Fri 25 Dec (26 Dec is Saturday) → Monday 28 Dec'],
      ['2026-03-17', '2026-04-28', 'plain end Koningsdag (Mon 27 Apr) → Tuesday'],
    ])('start %s → end %s (%s)', (start, want) => {
      const t = zienswijzentermijn(start);
      expect(t.computedEnd).toBe(want);
      expect(t.extendedBy.length).toBeGreaterThan(0);
    });

    it('allows a longer statutory period but never a shorter one', () => {
      expect(zienswijzentermijn('2026-01-01', 8).computedEnd).toBe('2026-02-25');
      expect(() => zienswijzentermijn('2026-01-01', 5)).toThrow(RangeError);
      expect(() => zienswijzentermijn('2026-01-01', 6.5)).toThrow(RangeError);
      expect(() => zienswijzentermijn('2026-1-1')).toThrow(RangeError);
    });

    it('uses a versioned calendar with Royal Decree days', () => {
      const withoutDecrees: AtwCalendar = { version: 'test-zonder-kb', decreedDays: [] };
      const t = zienswijzentermijn('2026-04-03', 6, withoutDecrees);
      expect(t.computedEnd).toBe('2026-05-15');
      expect(t.calendarRuleVersion).toBe('test-zonder-kb');
      const d = zienswijzentermijn('2026-04-03', 6, DEFAULT_ATW_CALENDAR);
      expect(d.computedEnd).toBe('2026-05-18');
      expect(d.calendarRuleVersion).toBe('atw-2026.2');
      expect(d.extendedBy).toEqual([
        '2026-05-14 is Hemelvaartsdag (artikel 3, eerste lid, Algemene termijnenwet)',
        expect.stringMatching(/^2026-05-15 is een bij Koninklijk Besluit gelijkgestelde dag: vrijdag na Hemelvaartsdag/),
        '2026-05-16 is een zaterdag',
        '2026-05-17 is een zondag',
      ]);
    });

    it('is the one deadline function: the same end as GET /api/v1/termijnen gives', () => {
      for (const start of ['2025-04-18', '2025-11-21', '2026-12-01', '2027-04-01']) {
        for (const weeks of [6, 8, 52]) {
          const t = berekenTermijn(start, { aantal: weeks, eenheid: 'W' });
          expect(zienswijzentermijn(start, weeks)).toMatchObject({ start, computedEnd: t.laatsteDag, calendarRuleVersion: t.kalenderversie });
        }
      }
    });

    it.each([
      ['2026-02-11', true],
      ['2026-02-12', false],
      ['2025-12-20', true], // early zienswijze (Awb 6:10) is not rejected here
    ])('isZienswijzeTijdig(%s) = %s for the period ending 11 Feb', (on, want) =>
      expect(isZienswijzeTijdig(on, zienswijzentermijn('2026-01-01'))).toBe(want),
    );

    it('counts the extended end as on time', () => {
      const t = zienswijzentermijn('2026-01-04');
      expect(isZienswijzeTijdig('2026-02-16', t)).toBe(true);
      expect(isZienswijzeTijdig('2026-02-17', t)).toBe(false);
    });

    it.each([
      ['2026-02-01', false, 10],
      ['2026-02-11', false, 0],
      ['2026-02-12', true, -1],
    ])('on %s: elapsed %s, days left %d', (today, elapsed, left) => {
      const t = zienswijzentermijn('2026-01-01');
      expect(hasElapsed(t, today)).toBe(elapsed);
      expect(daysLeft(t, today)).toBe(left);
    });
  });

  it.each([
    ['2026-01-01', '2026-01-01', true],
    ['2025-12-31', '2026-01-01', true],
    ['2026-01-02', '2026-01-01', false],
  ])('TM-02 kennisgevingOpTijd(%s, %s) = %s (Awb 3:12)', (notice, start, want) =>
    expect(kennisgevingOpTijd(notice, start)).toBe(want),
  );

  describe('TM-06 agenderingsrecht window', () => {
    it.each([
      ['2026-03-10', '2027-03-09'],
      ['2028-02-29', '2029-02-28'], // leap-day submission
      ['2027-03-01', '2028-02-29'], // window runs through a leap day
      ['2028-02-28', '2029-02-27'],
    ])('submitted %s → open through %s, no Atw extension', (on, end) => {
      const w = agenderingsrechtWindow(on);
      expect(w).toMatchObject({ timerId: 'TM-06', start: on, computedEnd: end, calendarRuleVersion: NO_ATW_EXTENSION });
      expect(w.extendedBy).toEqual([]);
    });

    it('is not extended although the last day is a Sunday', () => {
      expect(agenderingsrechtWindow('2026-11-29').computedEnd).toBe('2027-11-28'); // a Sunday
    });

    it('expires the day after the last day', () => {
      const w = agenderingsrechtWindow('2026-03-10');
      expect(hasElapsed(w, '2027-03-09')).toBe(false);
      expect(hasElapsed(w, '2027-03-10')).toBe(true);
    });

    it('has a threshold of 400 supporters', () => expect(AGENDERINGSRECHT_DREMPEL).toBe(400));
  });

  it.each<[string | undefined, string, boolean, boolean, string]>([
    [undefined, '2026-03-10', false, false, 'never on the agenda'],
    ['2024-03-10', '2026-03-10', false, false, 'exactly two years before: free again'],
    ['2024-03-11', '2026-03-10', false, true, 'one day within the two years'],
    ['2026-03-10', '2026-03-10', false, true, 'same day'],
    ['2025-06-01', '2026-03-10', true, false, 'new facts'],
    ['2026-03-11', '2026-03-10', false, false, 'after the request: not in the look-back'],
    ['2026-02-28', '2028-02-29', false, false, 'leap-day request, two years back clamps to 28 Feb'],
    ['2026-03-01', '2028-02-29', false, true, 'leap-day request, inside'],
  ])('TM-07 herhaling: previous %s, request %s, new facts %s → blocked %s (%s)', (prev, req, facts, want) =>
    expect(agenderingsrechtHerhalingGeblokkeerd(prev, req, facts)).toBe(want),
  );

  describe('TM-03/TM-04 terinzage na besluit', () => {
    it('runs six weeks from the day after bekendmaking', () => {
      expect(terinzageNaBesluit('2026-01-01')).toMatchObject({
        timerId: 'TM-03',
        start: '2026-01-02',
        computedEnd: '2026-02-12',
        extendedBy: [],
      });
      expect(terinzageNaBesluit('2026-01-01').basis).toContain('Awb 6:7/6:8 (not verified in the brief)');
    });

    it('is extended per the Atw', () => {
      expect(terinzageNaBesluit('2026-11-13').computedEnd).toBe('2026-12-28');
    });
  });

  it.each([
    ['2026-07-01', '2026-07-01', true],
    ['2026-07-01', '2026-06-30', false],
    ['2026-07-01', '2026-07-02', true],
  ])('TM-13 inwerkingtredingToegestaan(published %s, effective %s) = %s (Awb 3:40)', (pub, eff, want) =>
    expect(inwerkingtredingToegestaan(pub, eff)).toBe(want),
  );

  it('TM-10 wensen en bedenkingen: a configured number of weeks, not extended (no statutory period)', () => {
    expect(wensenEnBedenkingenWindow('2026-03-02', 6)).toEqual({
      timerId: 'TM-10',
      start: '2026-03-02',
      computedEnd: '2026-04-12', // a Sunday, and it stays one
      basis: 'Pw 167(4); 6 weken (geen wettelijke termijn gevonden: instelling)',
      calendarRuleVersion: NO_ATW_EXTENSION,
      extendedBy: [],
    });
    expect(() => wensenEnBedenkingenWindow('2026-03-02', 0)).toThrow(RangeError);
  });

  it('TM-11 evaluation due date is configurable in months', () => {
    expect(evaluatieVervaldatum('2026-01-31', 12)).toMatchObject({ timerId: 'TM-11', computedEnd: '2027-01-31' });
    expect(evaluatieVervaldatum('2026-01-31', 1).computedEnd).toBe('2026-02-28');
    expect(() => evaluatieVervaldatum('2026-01-31', 0)).toThrow(RangeError);
  });
});

describe('timers reject input outside the law', () => {
  const t = zienswijzentermijn('2026-01-01');
  it.each<[string, () => unknown, RegExp]>([
    ['zienswijzentermijn: startOn', () => zienswijzentermijn('2026-02-30'), /startOn must be a YYYY-MM-DD calendar date, got '2026-02-30'/],
    ['isZienswijzeTijdig: ontvangenOn', () => isZienswijzeTijdig('11-02-2026', t), /ontvangenOn/],
    ['hasElapsed: today', () => hasElapsed(t, '2026-13-01'), /today/],
    ['daysLeft: today', () => daysLeft(t, ''), /today/],
    ['kennisgevingOpTijd: kennisgevingOn', () => kennisgevingOpTijd('2026-1-1', '2026-01-01'), /kennisgevingOn/],
    ['kennisgevingOpTijd: terinzageleggingStartOn', () => kennisgevingOpTijd('2026-01-01', '2026-1-1'), /terinzageleggingStartOn/],
    ['agenderingsrechtWindow: ingediendOn', () => agenderingsrechtWindow('2026-02-29'), /ingediendOn/],
    ['agenderingsrechtHerhalingGeblokkeerd: verzoekOn', () => agenderingsrechtHerhalingGeblokkeerd(undefined, 'gisteren', false), /verzoekOn/],
    ['agenderingsrechtHerhalingGeblokkeerd: vorigeAgenderingOn', () => agenderingsrechtHerhalingGeblokkeerd('2025-02-29', '2026-03-10', false), /vorigeAgenderingOn/],
    ['terinzageNaBesluit: kennisgevingBesluitOn', () => terinzageNaBesluit('2026-04-31'), /kennisgevingBesluitOn/],
    ['inwerkingtredingToegestaan: publishedOn', () => inwerkingtredingToegestaan('x', '2026-07-01'), /publishedOn/],
    ['inwerkingtredingToegestaan: effectiveOn', () => inwerkingtredingToegestaan('2026-07-01', 'x'), /effectiveOn/],
    ['evaluatieVervaldatum: startUitvoeringOn', () => evaluatieVervaldatum('2026-00-10', 12), /startUitvoeringOn/],
    ['evaluatieVervaldatum: 121 months', () => evaluatieVervaldatum('2026-01-31', 121), /months must be a whole number from 1 to 120, got 121/],
    ['evaluatieVervaldatum: 1.5 months', () => evaluatieVervaldatum('2026-01-31', 1.5), /got 1\.5/],
    ['wensenEnBedenkingenWindow: gelegenheidGebodenOn', () => wensenEnBedenkingenWindow('2026-3-2', 6), /gelegenheidGebodenOn/],
    ['wensenEnBedenkingenWindow: 523 weeks', () => wensenEnBedenkingenWindow('2026-03-02', 523), /weeks must be a whole number from 1 to 522, got 523/],
    ['wensenEnBedenkingenWindow: 1.5 weeks', () => wensenEnBedenkingenWindow('2026-03-02', 1.5), /got 1\.5/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it.each<[string, () => { computedEnd: string }, string]>([
    ['evaluatieVervaldatum accepts 1 month', () => evaluatieVervaldatum('2026-01-15', 1), '2026-02-15'],
    ['evaluatieVervaldatum accepts 120 months', () => evaluatieVervaldatum('2026-01-15', 120), '2036-01-15'],
    ['wensenEnBedenkingenWindow accepts 1 week', () => wensenEnBedenkingenWindow('2026-03-02', 1), '2026-03-08'],
    ['wensenEnBedenkingenWindow accepts 522 weeks', () => wensenEnBedenkingenWindow('2026-03-02', 522), '2036-03-02'],
    ['zienswijzentermijn accepts exactly six weeks', () => zienswijzentermijn('2026-01-01', 6), '2026-02-11'],
  ])('%s', (_name, call, end) => {
    expect(call().computedEnd).toBe(end);
  });

  it('TM-11 keeps the start of uitvoering as start, and names the frequency', () => {
    expect(evaluatieVervaldatum('2026-01-31', 12)).toEqual({
      timerId: 'TM-11',
      start: '2026-01-31',
      computedEnd: '2027-01-31',
      basis: 'Pw 217a; evaluation every 12 month(s) (frequency per provincial verordening)',
      calendarRuleVersion: NO_ATW_EXTENSION,
      extendedBy: [],
    });
  });
});

/**
 * The legal timers of domain-brief §9 (TM-01 … TM-15): metadata plus pure date functions the guards depend on.
 *
 * Dates are `YYYY-MM-DD` calendar dates (Europe/Amsterdam); "today" is always a parameter, never the clock.
 * Each computation returns what §9 says to store: `start`, `computedEnd`, `basis` and `calendarRuleVersion`.
 */
import { addDays, addYears, daysBetween, isIsoDate } from '../dates';
import { activeAtwCalendar, AtwCalendar, berekenTermijn, describeVerlenging, Duur, NO_ATW, Termijn } from '../law/algemene-termijnenwet';
import { Text } from '../requirement';

/** One legal timer of domain-brief §9, as the table states it. */
export interface TimerDefinition {
  /** 'TM-01' … 'TM-15'. */
  id: string;
  name: Text;
  duration: string;
  startsAt: string;
  /** What the engine does with it. */
  effect: string;
  /** The legal source (article). */
  basis: string;
  /** False where the brief marks the source unverified. */
  verified: boolean;
}

/** A computed timer: what the dossier stores and the audit snapshot shows (domain-brief §9, implementation notes). */
export interface TimerComputation {
  timerId: string;
  /** First day of the period (inclusive). */
  start: string;
  /** Last day of the period (inclusive), after any Atw extension. */
  computedEnd: string;
  basis: string;
  /** Which calendar rules produced `computedEnd` (Atw calendar version, or a marker when the Atw does not apply). */
  calendarRuleVersion: string;
  /** Why `computedEnd` lies later than the plain end; empty when it does not. */
  extendedBy: string[];
}

/** Marker for periods to which the Algemene termijnenwet is not applied. */
export const NO_ATW_EXTENSION = NO_ATW;

/** The 15 timers of domain-brief §9. TM-15 is verified per the notes below the §9 table. */
export const TIMERS: readonly TimerDefinition[] = Object.freeze([
  {
    id: 'TM-01',
    name: { nl: 'Zienswijzentermijn', en: 'Period for views (zienswijzen)' },
    duration: '6 weeks (longer if a statute says so)',
    startsAt: 'day the draft is placed ter inzage (and the notice is given)',
    effect: 'G3-02(d) blocks until elapsed; late zienswijzen flagged (Awb 6:9/6:10)',
    basis: 'Awb 3:16',
    verified: true,
  },
  {
    id: 'TM-02',
    name: { nl: 'Kennisgeving vóór terinzagelegging', en: 'Notice before inspection' },
    duration: 'ordering constraint (notice date ≤ start of inspection)',
    startsAt: '—',
    effect: 'G3-02(a)',
    basis: 'Awb 3:12',
    verified: true,
  },
  {
    id: 'TM-03',
    name: { nl: 'Stukken ter inzage na het besluit', en: 'Documents open for inspection after the decision' },
    duration: 'until the appeal period has ended',
    startsAt: 'publication/notice of the decision',
    effect: 'keep dossier documents public; reminder at end',
    basis: 'Awb 3:44(1)(a)',
    verified: true,
  },
  {
    id: 'TM-04',
    name: { nl: 'Bezwaar- en beroepstermijn (informatief)', en: 'Objection/appeal window (informational)' },
    duration: '6 weeks from the day after publication',
    startsAt: 'day after bekendmaking',
    effect: 'display only',
    basis: 'Awb 6:7/6:8 (standard; not retrieved)',
    verified: false,
  },
  {
    id: 'TM-05',
    name: { nl: 'Beslistermijn aanvraag (uov)', en: 'Decision on an application under the uov' },
    duration: '≤ 6 months after receipt (extendable, applicant heard)',
    startsAt: 'receipt of the application',
    effect: 'only for application-type dossiers',
    basis: 'Awb 3:18',
    verified: true,
  },
  {
    id: 'TM-06',
    name: { nl: 'Agenderingsrecht: looptijd voorstel', en: 'Agenderingsrecht open window' },
    duration: 'max 1 year from submission; threshold 400 supporters',
    startsAt: 'submission of the proposal',
    effect: 'G1-02; expire proposal',
    basis: 'Verordening Agenderingsrecht Drenthe (2018), as summarised on drentsparlement.nl [S6][S7]',
    verified: true,
  },
  {
    id: 'TM-07',
    name: { nl: 'Agenderingsrecht: herhalingsregel', en: 'Agenderingsrecht repeat rule' },
    duration: 'look-back 2 years (unless new facts)',
    startsAt: 'date of the request',
    effect: 'G1-02',
    basis: 'Verordening Agenderingsrecht Drenthe (2018), as summarised on drentsparlement.nl [S6]',
    verified: true,
  },
  {
    id: 'TM-08',
    name: { nl: 'Spreekrecht', en: 'Right to speak' },
    duration: 'max 5 minutes per speaker; registration deadline configurable (Drenthe value not found)',
    startsAt: 'committee meeting',
    effect: 'committee planning',
    basis: 'Drents Parlement, Beïnvloeding (spreekrecht) [S5]; comparisons [S26f–h]',
    verified: true,
  },
  {
    id: 'TM-09',
    name: { nl: 'Reactie vooroverleg', en: 'Vooroverleg response' },
    duration: "'redelijke termijn' (reasonable time): configurable",
    startsAt: 'documents sent to organisations',
    effect: 'advisory',
    basis: 'Algemene inspraakverordening provincie Drenthe art. 3',
    verified: true,
  },
  {
    id: 'TM-10',
    name: { nl: 'Wensen en bedenkingen PS', en: 'PS wishes and objections' },
    duration: 'no statutory number found: configurable; the GS decision must not precede it',
    startsAt: 'GS letter to PS',
    effect: 'G4-03',
    basis: 'Pw 167(4)',
    verified: true,
  },
  {
    id: 'TM-11',
    name: { nl: 'Evaluatiecyclus art. 217a Pw', en: '217a evaluation cycle' },
    duration: 'periodic; frequency set by provincial verordening',
    startsAt: '—',
    effect: 'evaluation due date on dossier',
    basis: 'Pw 217a',
    verified: true,
  },
  {
    id: 'TM-12',
    name: { nl: 'Kennisgeving participatie (projectbesluit)', en: 'Notice of participation (project decision)' },
    duration: 'no later than the start of the verkenning',
    startsAt: 'start of verkenning',
    effect: 'G2-10',
    basis: 'Ow 5.47(4), Ob 5.3',
    verified: true,
  },
  {
    id: 'TM-13',
    name: { nl: 'Inwerkingtreding na bekendmaking', en: 'Entry into force after publication' },
    duration: 'effective date ≥ publication date',
    startsAt: 'bekendmaking',
    effect: 'G4-04',
    basis: 'Awb 3:40',
    verified: true,
  },
  {
    id: 'TM-14',
    name: { nl: 'Woo actieve openbaarmaking', en: 'Woo active publication' },
    duration: 'no fixed term retrieved: configurable SLA',
    startsAt: 'document final',
    effect: 'advisory guards',
    basis: 'Woo 3.3',
    verified: false,
  },
  {
    id: 'TM-15',
    name: { nl: 'Verlenging wegens weekend of feestdag', en: 'Weekend/holiday extension of statutory periods' },
    duration:
      'a period ending on Sat/Sun/feestdag/decreed day runs to the next day that counts; ≥3-day periods contain 2 days that count',
    startsAt: '—',
    effect: 'date arithmetic for TM-01, TM-03/TM-04 and GET /api/v1/termijnen (one function: berekenTermijn)',
    basis: 'Algemene termijnenwet art. 1(1), 2, 3 (decreed days per art. 3(3): workflows/law/algemene-termijnenwet.ts)',
    verified: true,
  },
].map((t) => Object.freeze(t)));

function assertDate(date: string, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} must be a YYYY-MM-DD calendar date, got '${date}'`);
}

/** A timer as the dossier stores it, from the one deadline function's answer. */
function fromTermijn(timerId: string, basis: string, t: Termijn): TimerComputation {
  return {
    timerId,
    start: t.aanvang,
    computedEnd: t.laatsteDag,
    basis,
    calendarRuleVersion: t.kalenderversie,
    extendedBy: t.verlengingen.map(describeVerlenging),
  };
}

/**
 * Every legal timer computes its end with the one deadline function of the Algemene termijnenwet
 * ({@link berekenTermijn}); `atw: false` for the periods the Atw does not extend (they say why).
 */
export function timerTermijn(
  timerId: string,
  basis: string,
  aanvang: string,
  duur: Duur,
  opts: { calendar?: AtwCalendar; atw?: boolean } = {},
): TimerComputation {
  return fromTermijn(timerId, basis, berekenTermijn(aanvang, duur, opts));
}

/**
 * TM-01 — Zienswijzentermijn, Awb 3:16(1): six weeks (or a longer period a statute sets), starting ON the day the
 * draft is placed ter inzage. Six weeks starting Thursday 1 January end on Wednesday 11 February
 * (`start + 7·weeks − 1`), then extended per the Algemene termijnenwet (TM-15: art. 1(1), 2).
 *
 * @throws RangeError when `weeks` is not a whole number of at least 6 (Awb 3:16 allows only a longer period).
 */
export function zienswijzentermijn(
  startOn: string,
  weeks = 6,
  calendar: AtwCalendar = activeAtwCalendar(),
): TimerComputation {
  assertDate(startOn, 'startOn');
  if (!Number.isInteger(weeks) || weeks < 6) {
    throw new RangeError(`Awb 3:16: the zienswijzentermijn is at least six whole weeks, got ${weeks}`);
  }
  return timerTermijn('TM-01', 'Awb 3:16(1); Algemene termijnenwet art. 1(1), 2', startOn, { aantal: weeks, eenheid: 'W' }, { calendar });
}

/**
 * TM-01 — a zienswijze is on time when received on or before `computedEnd` (Awb 3:16; Awb 6:9).
 * For a posted zienswijze, Awb 6:9 counts the posting date (if it arrives within a week after the end): the
 * caller passes the date that counts. Early zienswijzen (Awb 6:10) are not rejected here.
 */
export function isZienswijzeTijdig(ontvangenOn: string, termijn: TimerComputation): boolean {
  assertDate(ontvangenOn, 'ontvangenOn');
  return ontvangenOn <= termijn.computedEnd;
}

/** True once `today` lies after the (inclusive) last day of the period. Any timer; e.g. G3-02(d) for TM-01. */
export function hasElapsed(termijn: TimerComputation, today: string): boolean {
  assertDate(today, 'today');
  return today > termijn.computedEnd;
}

/**
 * Calendar days from `today` to the last day of the period: 0 on the last day (still open), negative once the
 * period has elapsed (the number of days since).
 */
export function daysLeft(termijn: TimerComputation, today: string): number {
  assertDate(today, 'today');
  return daysBetween(today, termijn.computedEnd);
}

/**
 * TM-02 — Awb 3:12: the kennisgeving of the draft appears before the terinzagelegging. Following the brief
 * (G3-02(a)), a notice on the same day as the start of the inspection counts as on time.
 */
export function kennisgevingOpTijd(kennisgevingOn: string, terinzageleggingStartOn: string): boolean {
  assertDate(kennisgevingOn, 'kennisgevingOn');
  assertDate(terinzageleggingStartOn, 'terinzageleggingStartOn');
  return kennisgevingOn <= terinzageleggingStartOn;
}

/** TM-06 — minimum number of valid statements of support for an agenderingsvoorstel (Verordening Agenderingsrecht Drenthe 2018). */
export const AGENDERINGSRECHT_DREMPEL = 400;

/**
 * TM-06 — Verordening Agenderingsrecht Drenthe (2018): a proposal stays open for at most one year from
 * submission. The year (twelve months) counts the submission day itself, so `computedEnd` is the day before the
 * first anniversary (submitted 10 March 2026 → open through 9 March 2027). For a submission on 29 February the
 * window ends on 28 February.
 *
 * No Algemene termijnenwet extension: the period is set by a provincial verordening, not by statute, and the
 * brief gives no basis for applying the Atw to it.
 */
export function agenderingsrechtWindow(ingediendOn: string): TimerComputation {
  assertDate(ingediendOn, 'ingediendOn');
  return timerTermijn('TM-06', 'Verordening Agenderingsrecht Drenthe (2018): max. 1 jaar na indiening', ingediendOn, { aantal: 12, eenheid: 'M' }, { atw: false });
}

/**
 * TM-07 — Verordening Agenderingsrecht Drenthe (2018): a topic that was on the PS agenda in the two years before
 * the request cannot be put on it again, unless there are new facts.
 *
 * The two years end with the request day (inclusive), mirroring TM-06: blocked when
 * `verzoekOn − 2 years < vorigeAgenderingOn ≤ verzoekOn`. On the second anniversary of the previous agendering
 * the topic is free again. An agendering dated after the request is not in the look-back.
 */
export function agenderingsrechtHerhalingGeblokkeerd(
  vorigeAgenderingOn: string | undefined,
  verzoekOn: string,
  nieuweFeiten: boolean,
): boolean {
  assertDate(verzoekOn, 'verzoekOn');
  if (vorigeAgenderingOn === undefined || nieuweFeiten) return false;
  assertDate(vorigeAgenderingOn, 'vorigeAgenderingOn');
  return vorigeAgenderingOn > addYears(verzoekOn, -2) && vorigeAgenderingOn <= verzoekOn;
}

/**
 * TM-03 + TM-04 — Awb 3:44(1)(a): after the decision the documents stay ter inzage until the appeal period has
 * ended. That period (Awb 6:7/6:8, not verified in the brief) is six weeks, starting the day after the
 * bekendmaking; it is extended per the Algemene termijnenwet. `kennisgevingBesluitOn` is the day of the
 * bekendmaking / kennisgeving of the decision in the Provinciaal blad.
 */
export function terinzageNaBesluit(
  kennisgevingBesluitOn: string,
  calendar: AtwCalendar = activeAtwCalendar(),
): TimerComputation {
  assertDate(kennisgevingBesluitOn, 'kennisgevingBesluitOn');
  return timerTermijn(
    'TM-03',
    'Awb 3:44(1)(a); Awb 6:7/6:8 (not verified in the brief); Algemene termijnenwet art. 1(1), 2',
    addDays(kennisgevingBesluitOn, 1),
    { aantal: 6, eenheid: 'W' },
    { calendar },
  );
}

/** TM-13 — Awb 3:40: a decision does not take effect before it is published; the same day is allowed. */
export function inwerkingtredingToegestaan(publishedOn: string, effectiveOn: string): boolean {
  assertDate(publishedOn, 'publishedOn');
  assertDate(effectiveOn, 'effectiveOn');
  return effectiveOn >= publishedOn;
}

/**
 * TM-11 — Provinciewet 217a: the periodic evaluation cycle. The frequency is set by provincial verordening
 * (e.g. yearly in Noord-Brabant and Zeeland), so `months` is configurable. The due date is `months` calendar
 * months after the start of uitvoering (clamped to the month's last day): the last day of a period of `months`
 * that starts the day after. No Atw extension: it is a planning date for the compliance view, not a statutory period.
 */
export function evaluatieVervaldatum(startUitvoeringOn: string, months: number): TimerComputation {
  assertDate(startUitvoeringOn, 'startUitvoeringOn');
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`months must be a whole number from 1 to 120, got ${months}`);
  const t = timerTermijn('TM-11', `Pw 217a; evaluation every ${months} month(s) (frequency per provincial verordening)`, addDays(startUitvoeringOn, 1), { aantal: months, eenheid: 'M' }, { atw: false });
  return { ...t, start: startUitvoeringOn };
}

/**
 * TM-10 — Pw 167(4): the window PS have for wensen en bedenkingen, from the GS letter. The law sets no number, so the
 * province configures `weeks` (src/config/compliance-settings.ts); no Atw extension (not a statutory period).
 */
export function wensenEnBedenkingenWindow(gelegenheidGebodenOn: string, weeks: number): TimerComputation {
  assertDate(gelegenheidGebodenOn, 'gelegenheidGebodenOn');
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 522) throw new RangeError(`weeks must be a whole number from 1 to 522, got ${weeks}`);
  return timerTermijn(
    'TM-10',
    `Pw 167(4); ${weeks} weken (geen wettelijke termijn gevonden: instelling)`,
    gelegenheidGebodenOn,
    { aantal: weeks, eenheid: 'W' },
    { atw: false },
  );
}

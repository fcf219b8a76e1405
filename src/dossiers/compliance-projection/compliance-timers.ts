/**
 * The legal timers of domain-brief §9 that the griffie's dashboard shows, derived from a dossier's facts with the pure
 * date functions of workflows/drenthe-verbindend-besturen/timers.ts. Framework-free, and independent of "now": a timer
 * depends only on the records and the dossier's phase.
 *
 * A timer is `open` until its follow-up is recorded (or the dossier has moved past the phase it belongs to) and
 * `closed` after. Whether an open timer is still running or already overdue depends on the calendar, so that is
 * decided when the projection is read (`computed_end < today`), never stored.
 */
import { isIsoDate } from '../../../workflows/dates';
import { DocumentType } from '../../../workflows/evidence';
import { DossierFacts, procedureSteps } from '../../../workflows/facts';
import {
  AGENDERINGSRECHT_DREMPEL,
  agenderingsrechtWindow,
  evaluatieVervaldatum,
  NO_ATW_EXTENSION,
  TimerComputation,
  wensenEnBedenkingenWindow,
  zienswijzentermijn,
} from '../../../workflows/drenthe-verbindend-besturen/timers';
import { ComplianceSettings } from '../../config';
import { phaseOrder } from './compliance-settings';

/** The timers this dashboard derives (the others of §9 are ordering rules or display-only). */
export const DASHBOARD_TIMER_IDS = ['TM-01', 'TM-06', 'TM-10', 'TM-11'] as const;
export type DashboardTimerId = (typeof DASHBOARD_TIMER_IDS)[number];

export interface DerivedTimer extends TimerComputation {
  /** Unique over all dossiers: dossier, timer, the record it was computed from, and its end. */
  key: string;
  dossierId: string;
  timerId: DashboardTimerId;
  /** The evidence record (or phase marker) the timer was computed from. */
  sourceId: string;
  status: 'open' | 'closed';
  closedReason: string | null;
  /** Timer-specific facts: support count against the threshold (TM-06), reaction date (TM-10), … */
  details: Record<string, unknown>;
}

const EVALUATION_REPORTS: readonly DocumentType[] = ['evaluatierapport', 'statenonderzoek', 'nrk-rapport', 'extern-evaluatierapport'];

function timer(
  f: DossierFacts,
  c: TimerComputation,
  timerId: DashboardTimerId,
  sourceId: string,
  closedReason: string | null,
  details: Record<string, unknown>,
): DerivedTimer {
  return {
    ...c,
    key: `${f.dossierId}:${timerId}:${sourceId}:${c.computedEnd}`,
    dossierId: f.dossierId,
    timerId,
    sourceId,
    status: closedReason ? 'closed' : 'open',
    closedReason,
    details,
  };
}

/** Why a timer of a phase is over once the dossier left that phase (null while it is in it or before). */
function leftPhase(f: DossierFacts, lastPhaseOrder: number): string | null {
  if (f.state === 'ingetrokken') return 'dossier-ingetrokken';
  return phaseOrder(f.state) > lastPhaseOrder ? 'dossier-verder' : null;
}

/**
 * TM-01 — every terinzagelegging in force: the zienswijzentermijn (Awb 3:16, extended per the Algemene termijnenwet).
 * Closed once the dossier has moved past ontwikkeling-voorstel, where G3-02(d) holds it until the period has run.
 */
function zienswijzenTimers(f: DossierFacts): DerivedTimer[] {
  const zienswijzen = procedureSteps(f, 'zienswijze').length;
  const reactienota = f.documents.some((d) => d.data.documentType === 'reactienota');
  return procedureSteps(f, 'terinzagelegging').flatMap((t) => {
    const weeks = t.data.termijnWeken ?? 6;
    if (!isIsoDate(t.data.startOn) || !Number.isInteger(weeks) || weeks < 6) return [];
    return [timer(f, zienswijzentermijn(t.data.startOn, weeks), 'TM-01', t.id, leftPhase(f, phaseOrder('ontwikkeling-voorstel')), { weeks, zienswijzen, reactienota })];
  });
}

/**
 * TM-06 — every agenderingsverzoek in force: open for at most one year from submission, threshold 400 supporters.
 * Closed by a Presidium decision on the agendering, or once the dossier has left the voorfase.
 */
function agenderingsrechtTimers(f: DossierFacts): DerivedTimer[] {
  const presidium = f.decisions.find((b) => b.data.orgaan === 'Presidium' && b.data.onderwerp === 'agendering');
  return procedureSteps(f, 'agenderingsverzoek').flatMap((v) => {
    if (!isIsoDate(v.data.ingediendOn)) return [];
    const closed = presidium ? 'presidium-besluit' : leftPhase(f, phaseOrder('voorfase-agendasetting'));
    return [
      timer(f, agenderingsrechtWindow(v.data.ingediendOn), 'TM-06', v.id, closed, {
        ondersteuners: v.data.geldigeOndersteuners,
        drempel: AGENDERINGSRECHT_DREMPEL,
        drempelGehaald: v.data.geldigeOndersteuners >= AGENDERINGSRECHT_DREMPEL,
        binnenBevoegdheidPs: v.data.binnenBevoegdheidPs,
        presidiumBesluitId: presidium?.id ?? null,
      }),
    ];
  });
}

/**
 * TM-10 — every opportunity given to PS for wensen en bedenkingen (Pw 167(4)): a configured window from the GS
 * letter. Closed when PS reacted, when GS decided, or once the dossier has left kaderstelling-besluitvorming.
 */
function wensenEnBedenkingenTimers(f: DossierFacts, settings: ComplianceSettings): DerivedTimer[] {
  const gsBesluit = f.decisions.find((b) => b.data.orgaan === 'GS' && b.data.onderwerp === 'eindbesluit');
  return procedureSteps(f, 'wensen-en-bedenkingen')
    .filter((s) => s.data.partij === 'PS')
    .flatMap((s) => {
      const start = s.data.gelegenheidGebodenOn;
      if (!isIsoDate(start)) return [];
      // A window the province sets, not the law: the deadline function without the Atw extension.
      const c = wensenEnBedenkingenWindow(start, settings.psWensenEnBedenkingenWeeks);
      const closed = s.data.reactieOn ? 'ps-reactie' : gsBesluit ? 'gs-besloten' : leftPhase(f, phaseOrder('kaderstelling-besluitvorming'));
      return [timer(f, c, 'TM-10', s.id, closed, { reactieOn: s.data.reactieOn ?? null, spoed: s.data.spoed === true })];
    });
}

/**
 * TM-11 — Pw 217a: the evaluation due date while the decision is carried out and evaluated. The date of the
 * evaluatieplan when it gives one (`wanneer` as a calendar date), else the configured cycle from the start of the
 * uitvoering (the decision's entry into force, or its date). Closed once an evaluation report is recorded.
 */
function evaluatieTimers(f: DossierFacts, settings: ComplianceSettings): DerivedTimer[] {
  if (f.state !== 'uitvoering' && f.state !== 'controle-evaluatie') return [];
  const besluit = f.decisions.filter((b) => b.data.onderwerp === 'eindbesluit').at(-1);
  const start = besluit ? (besluit.data.inwerkingtredingOn ?? besluit.data.besluitdatum) : f.state === 'uitvoering' ? f.enteredPhaseOn : null;
  if (!start || !isIsoDate(start)) return [];
  const report = f.documents.find((d) => EVALUATION_REPORTS.includes(d.data.documentType));
  const closed = report ? 'evaluatie-gereed' : null;
  const plan = f.documents.filter((d) => d.data.documentType === 'evaluatieplan' && isIsoDate(d.data.evaluatieplan?.wanneer ?? '')).at(-1);
  if (plan) {
    const wanneer = plan.data.evaluatieplan!.wanneer!;
    const c: TimerComputation = {
      timerId: 'TM-11',
      start,
      computedEnd: wanneer,
      basis: 'Pw 217a; datum uit het evaluatieplan',
      calendarRuleVersion: NO_ATW_EXTENSION,
      extendedBy: [],
    };
    return [timer(f, c, 'TM-11', plan.id, closed, { bron: 'evaluatieplan', is217a: plan.data.evaluatieplan?.is217a ?? null, rapportId: report?.id ?? null })];
  }
  const c = evaluatieVervaldatum(start, settings.evaluationCycleMonths);
  return [
    timer(f, c, 'TM-11', besluit?.id ?? 'fase:uitvoering', closed, { bron: 'cyclus', maanden: settings.evaluationCycleMonths, rapportId: report?.id ?? null }),
  ];
}

/** Every dashboard timer of a dossier, in a stable order (timer id, then end date, then key). */
export function deriveTimers(f: DossierFacts, settings: ComplianceSettings): DerivedTimer[] {
  return [...zienswijzenTimers(f), ...agenderingsrechtTimers(f), ...wensenEnBedenkingenTimers(f, settings), ...evaluatieTimers(f, settings)].sort(
    (a, b) => a.timerId.localeCompare(b.timerId) || a.computedEnd.localeCompare(b.computedEnd) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/**
 * The CSV form of each compliance view: the same rows as the JSON, one line each, with Dutch column headers (a person
 * reads them in Excel); the values are the JSON's (ids, dates yyyy-mm-dd, ja/nee).
 */
import { amsterdamDate } from '../../workflows/facts';
import { ComplianceItem, ComplianceSummary, ParticipationItem, StartnotitieItem, TimerItem, WaiverRegisterItem } from './compliance.service';
import { CsvColumn, joinList } from '../common';

/** The matrix statuses as a person reads them. */
const MATRIX_STATUS_NL: Record<string, string> = { met: 'voldaan', open: 'open', waived: 'vrijgesteld', 'not-applicable': 'n.v.t.' };

export const COMPLIANCE_CSV: CsvColumn<ComplianceItem>[] = [
  { header: 'dossier-id', value: (i) => i.dossierId },
  { header: 'titel', value: (i) => i.title },
  { header: 'fase', value: (i) => i.phase },
  { header: 'in fase sinds', value: (i) => i.enteredPhaseOn },
  { header: 'dagen in fase', value: (i) => i.daysInPhase },
  { header: 'besluitvormer', value: (i) => i.besluitvormer },
  { header: 'strategisch', value: (i) => i.strategisch },
  { header: 'eigenaar-id', value: (i) => i.owner?.id },
  { header: 'eigenaar', value: (i) => i.owner?.name },
  { header: 'volgende fase', value: (i) => i.next?.to },
  { header: 'harde eisen open (aantal)', value: (i) => i.next?.hardOpen.count ?? 0 },
  { header: 'harde eisen open', value: (i) => joinList(i.next?.hardOpen.ids) },
  { header: 'adviserende eisen open (aantal)', value: (i) => i.next?.advisoryOpen.count ?? 0 },
  { header: 'adviserende eisen open', value: (i) => joinList(i.next?.advisoryOpen.ids) },
  { header: 'eisen met vrijstelling', value: (i) => joinList(i.next?.waived) },
  { header: 'vrijstellingen lopend (aantal)', value: (i) => i.waivers.pending.count },
  { header: 'vrijstellingen lopend', value: (i) => joinList(i.waivers.pending.ids) },
  { header: 'vrijstellingen gebruikt (aantal)', value: (i) => i.waivers.used.count },
  { header: 'vrijstellingen gebruikt', value: (i) => joinList(i.waivers.used.ids) },
  { header: 'adviserende eisen gepasseerd met toelichting', value: (i) => i.advisoriesExplained },
  { header: 'termijnen verstreken (aantal)', value: (i) => i.timers.overdue.count },
  { header: 'termijnen verstreken', value: (i) => joinList(i.timers.overdue.items.map((t) => `${t.timerId} ${t.computedEnd}`)) },
  { header: 'eerstvolgende einddatum', value: (i) => i.timers.nextDeadline },
  { header: 'startnotitie vastgesteld op', value: (i) => i.startnotitie.adoptedOn },
  { header: 'startnotitie verzonden aan PS op', value: (i) => i.startnotitie.sentToPsOn },
  { header: 'startnotitie in commissie op', value: (i) => i.startnotitie.committeeOn },
  { header: 'herclassificaties naar niet-strategisch', value: (i) => i.reclassifiedToNonStrategic.count },
  { header: 'participatie gepland', value: (i) => i.participation.planned },
  { header: 'participatie gerealiseerd', value: (i) => i.participation.realised },
  { header: 'participatie ontbrekend', value: (i) => i.participation.gaps },
  { header: 'eisenmatrix', value: (i) => joinList(i.next?.matrix.map((m) => `${m.id}=${MATRIX_STATUS_NL[m.status] ?? m.status}`)) },
  { header: 'workflowversie', value: (i) => i.workflow.version },
];

export const WAIVER_CSV: CsvColumn<WaiverRegisterItem>[] = [
  { header: 'vrijstelling-id', value: (w) => w.id },
  { header: 'dossier-id', value: (w) => w.dossierId },
  { header: 'titel', value: (w) => w.title },
  { header: 'fase', value: (w) => w.phase },
  { header: 'eis', value: (w) => w.requirementId },
  { header: 'omschrijving eis', value: (w) => w.requirementLabel?.nl },
  { header: 'redencode', value: (w) => w.reasonCode },
  { header: 'motivering', value: (w) => w.motivation },
  { header: 'status', value: (w) => w.status },
  { header: 'aangevraagd door', value: (w) => w.requestedBy.name ?? w.requestedBy.id },
  { header: 'aangevraagd op', value: (w) => amsterdamDate(w.requestedAt) },
  { header: 'besloten door', value: (w) => w.decidedBy?.name ?? w.decidedBy?.id },
  { header: 'besloten op', value: (w) => (w.decidedAt ? amsterdamDate(w.decidedAt) : null) },
  { header: 'toelichting bij besluit', value: (w) => w.decisionNote },
  { header: 'gebruikt op', value: (w) => (w.usedAt ? amsterdamDate(w.usedAt) : null) },
];

export const TIMER_CSV: CsvColumn<TimerItem>[] = [
  { header: 'dossier-id', value: (t) => t.dossierId },
  { header: 'titel', value: (t) => t.title },
  { header: 'fase', value: (t) => t.phase },
  { header: 'termijn-id', value: (t) => t.timerId },
  { header: 'termijn', value: (t) => t.name.nl },
  { header: 'begint op', value: (t) => t.start },
  { header: 'einddatum', value: (t) => t.computedEnd },
  { header: 'status', value: (t) => t.status },
  { header: 'dagen resterend', value: (t) => t.daysLeft },
  { header: 'grondslag', value: (t) => t.basis },
  { header: 'kalenderversie', value: (t) => t.calendarRuleVersion },
  { header: 'reden gesloten', value: (t) => t.closedReason },
  { header: 'details (JSON)', value: (t) => JSON.stringify(t.details) },
  { header: 'verstrijken vastgelegd op', value: (t) => t.expiry?.expiredOn },
];

export const STARTNOTITIE_CSV: CsvColumn<StartnotitieItem>[] = [
  { header: 'signaal', value: (s) => s.issue },
  { header: 'dossier-id', value: (s) => s.dossierId },
  { header: 'titel', value: (s) => s.title },
  { header: 'fase', value: (s) => s.phase },
  { header: 'strategisch', value: (s) => s.strategisch },
  { header: 'eigenaar-id', value: (s) => s.ownerId },
  { header: 'dagen in fase', value: (s) => s.daysInPhase },
  { header: 'startnotitie vastgesteld op', value: (s) => s.startnotitie.adoptedOn },
  { header: 'startnotitie verzonden aan PS op', value: (s) => s.startnotitie.sentToPsOn },
  { header: 'startnotitie in commissie op', value: (s) => s.startnotitie.committeeOn },
  { header: 'geherclassificeerd op', value: (s) => joinList(s.reclassifications.map((r) => r.recordedOn)) },
  { header: 'redenen herclassificatie', value: (s) => joinList(s.reclassifications.map((r) => r.reden)) },
];

/** One line per plan line, plus one per unplanned activity (kind `unplanned`). */
export interface ParticipationCsvLine {
  item: ParticipationItem;
  kind: string;
  fase: string;
  doelgroep: string | null;
  planned: string;
  status: string;
  due: boolean | null;
  gap: boolean | null;
  activityIds: string[];
}

export function participationLines(items: ParticipationItem[]): ParticipationCsvLine[] {
  return items.flatMap((item) => [
    ...item.comparison.lines.map((l) => ({ item, kind: l.kind, fase: l.fase, doelgroep: l.doelgroep, planned: l.planned, status: l.status, due: l.due, gap: l.gap, activityIds: l.activityIds })),
    ...item.comparison.unplanned.map((u) => ({
      item,
      kind: 'unplanned',
      fase: u.fase,
      doelgroep: u.doelgroepen.join(', '),
      planned: u.instrumentId,
      status: 'realised',
      due: null,
      gap: null,
      activityIds: [u.activityId],
    })),
  ]);
}

export const PARTICIPATION_CSV: CsvColumn<ParticipationCsvLine>[] = [
  { header: 'dossier-id', value: (l) => l.item.dossierId },
  { header: 'titel', value: (l) => l.item.title },
  { header: 'fase dossier', value: (l) => l.item.phase },
  { header: 'soort', value: (l) => l.kind },
  { header: 'fase plan', value: (l) => l.fase },
  { header: 'doelgroep', value: (l) => l.doelgroep },
  { header: 'gepland', value: (l) => l.planned },
  { header: 'status', value: (l) => l.status },
  { header: 'al verwacht', value: (l) => l.due },
  { header: 'ontbreekt', value: (l) => l.gap },
  { header: 'activiteiten', value: (l) => joinList(l.activityIds) },
];

/** The exceptions of the PS report, one line each: type, dossier, date, what, detail. */
export interface ExceptionCsvLine {
  type: 'waiver-used' | 'advisory-explained' | 'timer-overdue' | 'reclassified-to-non-strategic';
  dossierId: string;
  title: string;
  on: string;
  ref: string;
  detail: string;
}

export function exceptionLines(s: ComplianceSummary): ExceptionCsvLine[] {
  const e = s.exceptions;
  return [
    ...e.waiversUsed.items.map((w) => ({ type: 'waiver-used' as const, dossierId: w.dossierId, title: w.title, on: amsterdamDate(w.usedAt), ref: w.requirementId, detail: `${w.reasonCode}: ${w.motivation}` })),
    ...e.advisoriesExplained.items.map((x) => ({ type: 'advisory-explained' as const, dossierId: x.dossierId, title: x.title, on: x.explainedOn, ref: x.requirementId, detail: x.explanation })),
    ...e.overdueTimers.items.map((t) => ({ type: 'timer-overdue' as const, dossierId: t.dossierId, title: t.title, on: t.computedEnd, ref: t.timerId, detail: `${t.daysOverdue} dagen over de einddatum; ${t.basis}` })),
    ...e.reclassifications.items.map((r) => ({ type: 'reclassified-to-non-strategic' as const, dossierId: r.dossierId, title: r.title, on: r.recordedOn, ref: r.evidenceId, detail: r.reden })),
  ];
}

export const EXCEPTION_CSV: CsvColumn<ExceptionCsvLine>[] = [
  { header: 'soort', value: (x) => x.type },
  { header: 'dossier-id', value: (x) => x.dossierId },
  { header: 'titel', value: (x) => x.title },
  { header: 'datum', value: (x) => x.on },
  { header: 'verwijzing', value: (x) => x.ref },
  { header: 'toelichting', value: (x) => x.detail },
];

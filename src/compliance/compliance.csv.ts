/** The CSV form of each compliance view: the same rows as the JSON, one line each, with the JSON's field names as headers. */
import { amsterdamDate } from '../../workflows/facts';
import { ComplianceItem, ComplianceSummary, ParticipationItem, StartnotitieItem, TimerItem, WaiverRegisterItem } from './compliance.service';
import { CsvColumn, joinList } from './csv';

export const COMPLIANCE_CSV: CsvColumn<ComplianceItem>[] = [
  { header: 'dossierId', value: (i) => i.dossierId },
  { header: 'title', value: (i) => i.title },
  { header: 'phase', value: (i) => i.phase },
  { header: 'enteredPhaseOn', value: (i) => i.enteredPhaseOn },
  { header: 'daysInPhase', value: (i) => i.daysInPhase },
  { header: 'besluitvormer', value: (i) => i.besluitvormer },
  { header: 'strategisch', value: (i) => i.strategisch },
  { header: 'ownerId', value: (i) => i.owner?.id },
  { header: 'ownerName', value: (i) => i.owner?.name },
  { header: 'nextTo', value: (i) => i.next?.to },
  { header: 'hardOpenCount', value: (i) => i.next?.hardOpen.count ?? 0 },
  { header: 'hardOpenIds', value: (i) => joinList(i.next?.hardOpen.ids) },
  { header: 'advisoryOpenCount', value: (i) => i.next?.advisoryOpen.count ?? 0 },
  { header: 'advisoryOpenIds', value: (i) => joinList(i.next?.advisoryOpen.ids) },
  { header: 'waivedIds', value: (i) => joinList(i.next?.waived) },
  { header: 'waiversPendingCount', value: (i) => i.waivers.pending.count },
  { header: 'waiversPendingIds', value: (i) => joinList(i.waivers.pending.ids) },
  { header: 'waiversUsedCount', value: (i) => i.waivers.used.count },
  { header: 'waiversUsedIds', value: (i) => joinList(i.waivers.used.ids) },
  { header: 'advisoriesExplained', value: (i) => i.advisoriesExplained },
  { header: 'overdueTimerCount', value: (i) => i.timers.overdue.count },
  { header: 'overdueTimers', value: (i) => joinList(i.timers.overdue.items.map((t) => `${t.timerId} ${t.computedEnd}`)) },
  { header: 'nextDeadline', value: (i) => i.timers.nextDeadline },
  { header: 'startnotitieAdoptedOn', value: (i) => i.startnotitie.adoptedOn },
  { header: 'startnotitieSentToPsOn', value: (i) => i.startnotitie.sentToPsOn },
  { header: 'startnotitieCommitteeOn', value: (i) => i.startnotitie.committeeOn },
  { header: 'reclassifiedToNonStrategic', value: (i) => i.reclassifiedToNonStrategic.count },
  { header: 'participationPlanned', value: (i) => i.participation.planned },
  { header: 'participationRealised', value: (i) => i.participation.realised },
  { header: 'participationGaps', value: (i) => i.participation.gaps },
  { header: 'matrix', value: (i) => joinList(i.next?.matrix.map((m) => `${m.id}=${m.status}`)) },
];

export const WAIVER_CSV: CsvColumn<WaiverRegisterItem>[] = [
  { header: 'id', value: (w) => w.id },
  { header: 'dossierId', value: (w) => w.dossierId },
  { header: 'title', value: (w) => w.title },
  { header: 'phase', value: (w) => w.phase },
  { header: 'requirementId', value: (w) => w.requirementId },
  { header: 'requirementLabel', value: (w) => w.requirementLabel?.nl },
  { header: 'reasonCode', value: (w) => w.reasonCode },
  { header: 'motivation', value: (w) => w.motivation },
  { header: 'status', value: (w) => w.status },
  { header: 'requestedBy', value: (w) => w.requestedBy.name ?? w.requestedBy.id },
  { header: 'requestedOn', value: (w) => amsterdamDate(w.requestedAt) },
  { header: 'decidedBy', value: (w) => w.decidedBy?.name ?? w.decidedBy?.id },
  { header: 'decidedOn', value: (w) => (w.decidedAt ? amsterdamDate(w.decidedAt) : null) },
  { header: 'decisionNote', value: (w) => w.decisionNote },
  { header: 'usedOn', value: (w) => (w.usedAt ? amsterdamDate(w.usedAt) : null) },
];

export const TIMER_CSV: CsvColumn<TimerItem>[] = [
  { header: 'dossierId', value: (t) => t.dossierId },
  { header: 'title', value: (t) => t.title },
  { header: 'phase', value: (t) => t.phase },
  { header: 'timerId', value: (t) => t.timerId },
  { header: 'name', value: (t) => t.name.nl },
  { header: 'start', value: (t) => t.start },
  { header: 'computedEnd', value: (t) => t.computedEnd },
  { header: 'status', value: (t) => t.status },
  { header: 'daysLeft', value: (t) => t.daysLeft },
  { header: 'basis', value: (t) => t.basis },
  { header: 'calendarRuleVersion', value: (t) => t.calendarRuleVersion },
  { header: 'closedReason', value: (t) => t.closedReason },
  { header: 'details', value: (t) => JSON.stringify(t.details) },
  { header: 'expiryRecordedOn', value: (t) => t.expiry?.expiredOn },
];

export const STARTNOTITIE_CSV: CsvColumn<StartnotitieItem>[] = [
  { header: 'issue', value: (s) => s.issue },
  { header: 'dossierId', value: (s) => s.dossierId },
  { header: 'title', value: (s) => s.title },
  { header: 'phase', value: (s) => s.phase },
  { header: 'strategisch', value: (s) => s.strategisch },
  { header: 'ownerId', value: (s) => s.ownerId },
  { header: 'daysInPhase', value: (s) => s.daysInPhase },
  { header: 'startnotitieAdoptedOn', value: (s) => s.startnotitie.adoptedOn },
  { header: 'startnotitieSentToPsOn', value: (s) => s.startnotitie.sentToPsOn },
  { header: 'startnotitieCommitteeOn', value: (s) => s.startnotitie.committeeOn },
  { header: 'reclassifiedOn', value: (s) => joinList(s.reclassifications.map((r) => r.recordedOn)) },
  { header: 'reclassificationReasons', value: (s) => joinList(s.reclassifications.map((r) => r.reden)) },
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
  { header: 'dossierId', value: (l) => l.item.dossierId },
  { header: 'title', value: (l) => l.item.title },
  { header: 'phase', value: (l) => l.item.phase },
  { header: 'kind', value: (l) => l.kind },
  { header: 'fase', value: (l) => l.fase },
  { header: 'doelgroep', value: (l) => l.doelgroep },
  { header: 'planned', value: (l) => l.planned },
  { header: 'status', value: (l) => l.status },
  { header: 'due', value: (l) => l.due },
  { header: 'gap', value: (l) => l.gap },
  { header: 'activityIds', value: (l) => joinList(l.activityIds) },
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
  { header: 'type', value: (x) => x.type },
  { header: 'dossierId', value: (x) => x.dossierId },
  { header: 'title', value: (x) => x.title },
  { header: 'on', value: (x) => x.on },
  { header: 'ref', value: (x) => x.ref },
  { header: 'detail', value: (x) => x.detail },
];

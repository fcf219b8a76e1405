/**
 * Flags an auditor looks for (domain-brief §10.2): patterns in the audit trail that are allowed but deserve a second
 * look — evidence back-dated far before it was recorded, a reclassification shortly before a transition (the
 * classification decides which guards apply), advisory requirements passed with a token explanation, and waivers
 * approved within minutes of the request. A flag is a question, not a finding.
 *
 * Framework-free and pure: feed events in `seq` order to a {@link FlagDetector}; it keeps a little state per dossier.
 */
import { daysBetween } from '../../workflows/dates';
import { amsterdamDate, EMPTY_CLASSIFICATION, RuleSettings } from '../../workflows/facts';
import { Text } from '../../workflows/requirement';
import type { AuditEventRow } from './canonical-event';

/** The kinds of flag, in the order they are described in the API. */
export const FLAG_KINDS = [
  'backdated-evidence',
  'reclassification-before-transition',
  'short-advisory-explanation',
  'quick-waiver-approval',
  'token-issued-by-another',
] as const;
/** One of {@link FLAG_KINDS}. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A classification change this many hours or less before a transition is flagged. */
export const RECLASSIFICATION_WINDOW_HOURS = 48;
/**
 * An explanation of an unmet advisory requirement shorter than this (after trimming) is flagged, and a transition
 * refuses one (400) since issue #11: the one minimum of comply-or-explain. Older trails may still hold shorter ones.
 */
export const MIN_ADVISORY_EXPLANATION_LENGTH = 20;
/** A waiver approved less than this many minutes after it was requested is flagged. */
export const QUICK_WAIVER_APPROVAL_MINUTES = 15;

/** The audit actions the detector reads; nothing else can raise a flag. */
export const FLAG_SOURCE_ACTIONS = [
  'evidence.recorded',
  'evidence.superseded',
  'classification.changed',
  'transition.done',
  'waiver.requested',
  'waiver.approved',
  // Read only for `token-issued-by-another` (any dossier action can be taken with such a token).
  'dossier.created',
  'dossier.assigned',
  'transition.refused',
  'waiver.rejected',
] as const;

/** One flag: what, where (dossier and the audit events by seq, the last one being the event that raised it), why. */
export interface AuditFlag {
  kind: FlagKind;
  dossierId: string;
  /** The audit events involved, ascending; the last one raised the flag. */
  seqs: number[];
  /** When the raising event happened. */
  at: string;
  description: Text;
  /** The figures behind the flag (days, hours, minutes, requirement, thresholds…). */
  details: Record<string, unknown>;
}

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const CLASSIFICATION_FIELDS = Object.keys(EMPTY_CLASSIFICATION);

interface DossierState {
  /** Classification changes since the last transition.done. */
  reclassifications: { seq: number; at: string; changed: string[]; before: Payload; after: Payload; reden: unknown }[];
  /** waiver id → seq of its waiver.requested event. */
  waiverRequests: Map<string, number>;
}

const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/**
 * Raises flags while it is fed a dossier's (or the whole store's) events in ascending `seq` order.
 * `settingsFor` gives the rule settings of the workflow an event was recorded under (the back-dating threshold is
 * `settings.backdatingFlagDays`); when it returns undefined, back-dating is not judged for that event.
 */
export class FlagDetector {
  private readonly dossiers = new Map<string, DossierState>();

  constructor(
    private readonly settingsFor: (workflow: { id: string; version: string }) => RuleSettings | undefined,
    private readonly kinds: ReadonlySet<FlagKind> = new Set(FLAG_KINDS),
    /** Names of the people the flags mention (user id → name); an id without a name is shown as the id. */
    private readonly names: ReadonlyMap<string, string> = new Map(),
  ) {}

  private nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** The flags this event raises (often none). */
  add(e: AuditEventRow): AuditFlag[] {
    if (e.dossierId === null) return [];
    let st = this.dossiers.get(e.dossierId);
    if (st === undefined) {
      st = { reclassifications: [], waiverRequests: new Map() };
      this.dossiers.set(e.dossierId, st);
    }
    const p = e.payload;
    const out: AuditFlag[] = [];
    if (this.kinds.has('token-issued-by-another')) tokenIssuedByAnother(e, out);
    switch (e.action) {
      case 'evidence.recorded':
      case 'evidence.superseded':
      case 'classification.changed': {
        this.backdating(e, out);
        if (e.action === 'classification.changed') {
          const before = obj(p.before) ?? {};
          const after = obj(p.after) ?? {};
          // A field filled in for the first time is the intake classification G1 asks for, not a reclassification: only a
          // value that changes counts.
          const changed = CLASSIFICATION_FIELDS.filter(
            (f) => (before[f] ?? null) !== null && JSON.stringify(before[f]) !== JSON.stringify(after[f] ?? null),
          );
          if (changed.length > 0) {
            const pick = (c: Payload) => Object.fromEntries(changed.map((f) => [f, c[f] ?? null]));
            st.reclassifications.push({ seq: e.seq, at: e.occurredAt, changed, before: pick(before), after: pick(after), reden: p.reden ?? null });
          }
        }
        break;
      }
      case 'transition.done': {
        if (this.kinds.has('reclassification-before-transition')) {
          for (const r of st.reclassifications) {
            const hours = hoursBetween(r.at, e.occurredAt);
            if (hours < 0 || hours > RECLASSIFICATION_WINDOW_HOURS) continue;
            out.push({
              kind: 'reclassification-before-transition',
              dossierId: e.dossierId,
              seqs: [r.seq, e.seq],
              at: e.occurredAt,
              description: {
                nl:
                  `De classificatie (${r.changed.join(', ')}) is ${formatHours(hours, 'nl')} vóór de overgang ${str(p.event) ?? ''} ` +
                  `${str(p.from) ?? ''} → ${str(p.to) ?? ''} gewijzigd (grens ${RECLASSIFICATION_WINDOW_HOURS} uur); de classificatie bepaalt welke eisen gelden.`,
                en:
                  `The classification (${r.changed.join(', ')}) changed ${formatHours(hours, 'en')} before the transition ${str(p.event) ?? ''} ` +
                  `${str(p.from) ?? ''} → ${str(p.to) ?? ''} (threshold ${RECLASSIFICATION_WINDOW_HOURS} hours); the classification decides which requirements apply.`,
              },
              details: {
                hours: round1(hours),
                thresholdHours: RECLASSIFICATION_WINDOW_HOURS,
                changedFields: r.changed,
                before: r.before,
                after: r.after,
                reden: r.reden,
                transitionId: p.transitionId ?? null,
              },
            });
          }
        }
        st.reclassifications = [];
        if (this.kinds.has('short-advisory-explanation')) this.shortExplanations(e, out);
        break;
      }
      case 'waiver.requested': {
        const w = obj(p.waiver);
        if (w && typeof w.id === 'string') st.waiverRequests.set(w.id, e.seq);
        break;
      }
      case 'waiver.approved': {
        if (!this.kinds.has('quick-waiver-approval')) break;
        const w = obj(p.after) ?? obj(p.before);
        const requestedAt = str(w?.requestedAt);
        if (w === null || requestedAt === null || Number.isNaN(Date.parse(requestedAt))) break;
        const minutes = (Date.parse(e.occurredAt) - Date.parse(requestedAt)) / 60_000;
        if (minutes >= QUICK_WAIVER_APPROVAL_MINUTES) break;
        const requestSeq = typeof w.id === 'string' ? st.waiverRequests.get(w.id) : undefined;
        const requesterId = str(p.requester) ?? str(w.requestedBy) ?? '?';
        const approverId = str(p.approver) ?? e.actorId;
        const requester = this.nameOf(requesterId);
        const approver = this.nameOf(approverId);
        out.push({
          kind: 'quick-waiver-approval',
          dossierId: e.dossierId,
          seqs: requestSeq === undefined ? [e.seq] : [requestSeq, e.seq],
          at: e.occurredAt,
          description: {
            nl: `De vrijstelling voor ${String(w.requirementId)} is ${formatMinutes(minutes, 'nl')} na de aanvraag goedgekeurd (grens ${QUICK_WAIVER_APPROVAL_MINUTES} minuten): aangevraagd door ${requester}, goedgekeurd door ${approver}.`,
            en: `The waiver for ${String(w.requirementId)} was approved ${formatMinutes(minutes, 'en')} after the request (threshold ${QUICK_WAIVER_APPROVAL_MINUTES} minutes): requested by ${requester}, approved by ${approver}.`,
          },
          details: {
            waiverId: w.id,
            requirementId: w.requirementId,
            reasonCode: w.reasonCode,
            requestedBy: requesterId,
            requestedByName: this.names.get(requesterId) ?? null,
            approvedBy: approverId,
            approvedByName: this.names.get(approverId) ?? null,
            requestedAt,
            approvedAt: e.occurredAt,
            minutes: round1(minutes),
            thresholdMinutes: QUICK_WAIVER_APPROVAL_MINUTES,
          },
        });
        break;
      }
    }
    return out;
  }

  private backdating(e: AuditEventRow, out: AuditFlag[]): void {
    if (!this.kinds.has('backdated-evidence') || e.workflowId === null || e.workflowVersion === null) return;
    const rec = obj(e.payload.evidence);
    const occurredOn = str(rec?.occurredOn);
    const recordedAt = str(rec?.recordedAt) ?? e.occurredAt;
    if (rec === null || occurredOn === null || !ISO_DATE.test(occurredOn) || Number.isNaN(Date.parse(recordedAt))) return;
    const threshold = this.settingsFor({ id: e.workflowId, version: e.workflowVersion })?.backdatingFlagDays;
    if (threshold === undefined) return;
    const recordedOn = amsterdamDate(recordedAt);
    const days = daysBetween(occurredOn, recordedOn);
    if (days <= threshold) return;
    out.push({
      kind: 'backdated-evidence',
      dossierId: e.dossierId!,
      seqs: [e.seq],
      at: e.occurredAt,
      description: {
        nl: `Vastlegging ${String(rec.id)} (${String(rec.kind)}) is op ${recordedOn} door ${this.nameOf(str(rec.recordedBy) ?? e.actorId)} vastgelegd, ${days} dagen na de datum waarop het plaatsvond (${occurredOn}); grens ${threshold} dagen.`,
        en: `Evidence ${String(rec.id)} (${String(rec.kind)}) was recorded on ${recordedOn} by ${this.nameOf(str(rec.recordedBy) ?? e.actorId)}, ${days} days after the date it happened (${occurredOn}); threshold ${threshold} days.`,
      },
      details: {
        evidenceId: rec.id,
        evidenceKind: rec.kind,
        occurredOn,
        recordedAt,
        recordedBy: str(rec.recordedBy) ?? e.actorId,
        recordedByName: this.names.get(str(rec.recordedBy) ?? e.actorId) ?? null,
        days,
        thresholdDays: threshold,
      },
    });
  }

  private shortExplanations(e: AuditEventRow, out: AuditFlag[]): void {
    const explanations = obj(e.payload.explanations) ?? {};
    const evaluation = Array.isArray(e.payload.evaluation) ? (e.payload.evaluation as unknown[]).map(obj) : [];
    for (const [requirementId, raw] of Object.entries(explanations)) {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text.length >= MIN_ADVISORY_EXPLANATION_LENGTH) continue;
      const shown = evaluation.find((x) => x?.id === requirementId);
      if (shown && shown.severity !== undefined && shown.severity !== 'advisory') continue;
      out.push({
        kind: 'short-advisory-explanation',
        dossierId: e.dossierId!,
        seqs: [e.seq],
        at: e.occurredAt,
        description: {
          nl: `Adviserende eis ${requirementId} is bij ${str(e.payload.event) ?? 'de overgang'} ${str(e.payload.from) ?? ''} → ${str(e.payload.to) ?? ''} gepasseerd met een toelichting van ${text.length} teken(s): “${text}” (minimaal ${MIN_ADVISORY_EXPLANATION_LENGTH} verwacht).`,
          en: `Advisory requirement ${requirementId} was passed at ${str(e.payload.event) ?? 'the transition'} ${str(e.payload.from) ?? ''} → ${str(e.payload.to) ?? ''} with an explanation of ${text.length} character(s): “${text}” (at least ${MIN_ADVISORY_EXPLANATION_LENGTH} expected).`,
        },
        details: { requirementId, explanation: text, length: text.length, minimumLength: MIN_ADVISORY_EXPLANATION_LENGTH, transitionId: e.payload.transitionId ?? null },
      });
    }
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Issue #12: an action taken with a token that someone other than its user issued (a beheerder, an operator on the
 * command line). The audit service records the issuer in the payload (`tokenIssuedBy`); the question for the
 * auditor is whether the user took the action, or the one who had the token in hand.
 */
function tokenIssuedByAnother(e: AuditEventRow, out: AuditFlag[]): void {
  const issuer = obj(e.payload.tokenIssuedBy);
  if (issuer === null || e.dossierId === null) return;
  const by = str(issuer.name) ?? str(issuer.id) ?? '?';
  out.push({
    kind: 'token-issued-by-another',
    dossierId: e.dossierId,
    seqs: [e.seq],
    at: e.occurredAt,
    description: {
      nl: `${e.action} is uitgevoerd als ${e.actorId} met token ${str(issuer.tokenId) ?? '?'}; dat token is niet door deze gebruiker zelf aangemaakt, maar door ${by}.`,
      en: `${e.action} was done as ${e.actorId} with token ${str(issuer.tokenId) ?? '?'}, which was not created by that user but by ${by}.`,
    },
    details: { action: e.action, actorId: e.actorId, tokenId: issuer.tokenId ?? null, issuedBy: issuer.id ?? null, issuedByName: issuer.name ?? null },
  });
}

function formatHours(h: number, lang: 'nl' | 'en'): string {
  if (h < 1) return formatMinutes(h * 60, lang);
  return lang === 'nl' ? `${round1(h)} uur` : `${round1(h)} hours`;
}

function formatMinutes(m: number, lang: 'nl' | 'en'): string {
  const v = Math.max(0, Math.round(m * 10) / 10);
  return lang === 'nl' ? `${v} minuten` : `${v} minutes`;
}

/**
 * As-of reconstruction (domain-brief §10.2): a dossier's row, evidence and waivers at a past moment, rebuilt from
 * its audit events alone — never from the current tables. The result is fed to the same `projectFacts` /
 * `toDossierView` code the live API uses, so the requirement evaluation is the one that was shown then.
 *
 * Framework-free and pure: events in, state out.
 */
import { DossierState, EvidenceRecord, FINAL_STATES, PHASE_IDS } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { Text } from '../../workflows/requirement';
import type { DossierRow, WaiverRow } from '../dossiers';
import type { AuditEventRow } from '../audit';
import { text } from './history';

/** Something the trail does not contain, so the reconstruction is approximate there. */
/**
 * The actions of a dossier's stream that do not change its state, each counted by name in `notApplied`; any other
 * action the replay does not know counts as `other` (so the answer has a fixed set of keys).
 */
export const NOT_APPLIED_ACTIONS = ['timer.started', 'timer.expired'] as const;

/** The most gaps a state answer lists (the first ones; `complete` is false whenever there is one). */
export const MAX_GAPS_SHOWN = 1000;

export interface ReplayGap {
  kind: 'carried-lessons-not-audited' | 'unreadable-payload' | 'missing-field' | 'chain-broken';
  /** Events involved (global seq). */
  seqs: number[];
  description: Text;
}

/** Lessons a NEW_CYCLE transition of the previous dossier copied into this (follow-up) dossier. */
export interface CarriedLessons {
  /** The `transition.done` event of the previous dossier that created this one. */
  event: AuditEventRow;
  /** The previous dossier's lesson records it names in `lessonsCarried`, as recorded in its trail. */
  records: EvidenceRecord[];
}

/** The dossier as its audit trail says it was. */
export interface ReplayedDossier {
  row: DossierRow;
  /** Every evidence record recorded by then, in the order recorded (classification records included). */
  evidence: EvidenceRecord[];
  /** Waivers by then, in the order the store lists them (requested_at, id). */
  waivers: WaiverRow[];
  /** The events applied, in order. */
  applied: AuditEventRow[];
  /** Actions present in the trail that do not change the dossier's state (e.g. `timer.*`), with their count. */
  notApplied: Record<string, number>;
  gaps: ReplayGap[];
}

type Payload = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const STATES: readonly string[] = [...PHASE_IDS, ...FINAL_STATES];
/** A phase or final state of the kader; anything else in a payload is not replayed. */
const isState = (v: unknown): v is DossierState => typeof v === 'string' && STATES.includes(v);
const obj = (v: unknown): Payload | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : null);

function toWaiverRow(v: Payload, dossierId: string): WaiverRow {
  return {
    id: text(v.id),
    dossierId: str(v.dossierId) ?? dossierId,
    requirementId: text(v.requirementId),
    reasonCode: text(v.reasonCode),
    motivation: text(v.motivation, ''),
    requestedBy: text(v.requestedBy),
    requestedAt: text(v.requestedAt),
    approverId: str(v.approverId),
    status: v.status as WaiverRow['status'],
    decidedBy: str(v.decidedBy),
    decidedAt: str(v.decidedAt),
    decisionNote: str(v.decisionNote),
    usedAt: str(v.usedAt),
    usedByEvent: str(v.usedByEvent),
  };
}

function toEvidence(v: Payload, dossierId: string): EvidenceRecord {
  return {
    id: text(v.id),
    dossierId: str(v.dossierId) ?? dossierId,
    kind: v.kind as EvidenceRecord['kind'],
    occurredOn: text(v.occurredOn),
    recordedAt: text(v.recordedAt),
    recordedBy: text(v.recordedBy),
    supersedes: str(v.supersedes),
    data: (obj(v.data) ?? {}) as EvidenceRecord['data'],
  };
}

/**
 * Replays the events of one dossier stream, in stream order, that happened at or before `at` (ISO 8601 UTC): the
 * prefix of the stream up to the first event after `at`. Returns null when the dossier did not exist yet.
 *
 * Reading of the payloads (what each service writes; see the tests for the exact shapes):
 * - `dossier.created`: `after` = the dossier summary, `classification` = `{ evidenceId, …data }` of the first
 *   classificatie record (recorded by the creator at that moment, on that Amsterdam date);
 * - `evidence.recorded` / `evidence.superseded` / `classification.changed`: `evidence` = the full record;
 * - `transition.done`: `to`, `newVersion`, `waiversUsed`, `followUpDossierId`; the phase is entered at the event's time;
 * - `dossier.assigned`: `after.assigneeId`, `after.version`;
 * - `dossier.migrated`: `to` (the workflow version that applies from then on), `newVersion`;
 * - `waiver.requested`: `waiver`; `waiver.approved` / `waiver.rejected`: `after` (full waiver views).
 */
export function replayDossier(
  events: readonly (AuditEventRow & { contentError?: string })[],
  at: string,
  carried?: CarriedLessons | null,
): ReplayedDossier | null {
  let row: DossierRow | null = null;
  const evidence: EvidenceRecord[] = [];
  const waivers = new Map<string, WaiverRow>();
  const applied: AuditEventRow[] = [];
  const notApplied: Record<string, number> = {};
  const gaps: ReplayGap[] = [];

  for (const e of events) {
    if (e.occurredAt > at) break;
    applied.push(e);
    if (e.contentError !== undefined) {
      gaps.push({
        kind: 'unreadable-payload',
        seqs: [e.seq],
        description: {
          nl: `Gebeurtenis ${e.seq} (${e.action}) is onleesbaar (${e.contentError}); de keten is beschadigd.`,
          en: `Event ${e.seq} (${e.action}) cannot be read (${e.contentError}); the chain is damaged.`,
        },
      });
      continue;
    }
    const p = e.payload;
    if (e.action === 'dossier.created') {
      const after = obj(p.after);
      if (after === null || !isState(after.phase)) {
        gaps.push(missing(e, 'after.phase'));
        continue;
      }
      const wf = obj(after.workflow);
      const dossierId = str(after.id) ?? e.dossierId ?? e.stream;
      row = {
        id: dossierId,
        title: text(after.title, ''),
        workflowId: str(wf?.id) ?? e.workflowId ?? '',
        workflowVersion: str(wf?.version) ?? e.workflowVersion ?? '',
        state: after.phase,
        version: Number(after.version ?? 1),
        enteredPhaseOn: str(after.enteredPhaseOn) ?? amsterdamDate(e.occurredAt),
        enteredPhaseAt: e.occurredAt,
        strategisch: null,
        besluitvormer: null,
        assigneeId: str(after.assigneeId),
        createdBy: str(after.createdBy) ?? e.actorId,
        createdAt: str(after.createdAt) ?? e.occurredAt,
        updatedAt: str(after.updatedAt) ?? e.occurredAt,
        previousDossierId: str(after.previousDossierId),
        followUpDossierId: str(after.followUpDossierId),
      };
      const c = obj(p.classification);
      if (c !== null) {
        const { evidenceId, ...data } = c;
        evidence.push({
          id: String(evidenceId),
          dossierId,
          kind: 'classificatie',
          occurredOn: amsterdamDate(e.occurredAt),
          recordedAt: e.occurredAt,
          recordedBy: e.actorId,
          supersedes: null,
          data: data as EvidenceRecord['data'],
        });
      } else gaps.push(missing(e, 'classification'));
      // NEW_CYCLE inserts the carried lessons in the same transaction, right after the classification record, but
      // writes no audit event for them: their ids are not in the trail (see ReplayGap). Should a later version audit
      // them (evidence.recorded with data.overgenomenUit), those events are replayed instead.
      const audited = new Set(
        events.map((x) => obj(obj(x.payload.evidence)?.data)?.overgenomenUit).filter((v): v is string => typeof v === 'string'),
      );
      const missingLessons = (carried?.records ?? []).filter((l) => !audited.has(l.id));
      if (carried && missingLessons.length > 0) {
        for (const l of missingLessons) {
          evidence.push({
            id: `overgenomen:${l.id}`,
            dossierId,
            kind: 'leerpunten',
            occurredOn: l.occurredOn,
            recordedAt: carried.event.occurredAt,
            recordedBy: carried.event.actorId,
            supersedes: null,
            data: { ...(l.data as object), overgenomenUit: l.id } as EvidenceRecord['data'],
          });
        }
        gaps.push({
          kind: 'carried-lessons-not-audited',
          seqs: [carried.event.seq],
          description: {
            nl:
              `${missingLessons.length} leerpunten-vastlegging(en) zijn bij NEW_CYCLE (gebeurtenis ${carried.event.seq} van dossier ` +
              `${carried.event.dossierId}) overgenomen zonder eigen audit-gebeurtenis; hun id's staan niet in de audittrail en ` +
              `zijn hier weergegeven als "overgenomen:<oorspronkelijk id>".`,
            en:
              `${missingLessons.length} lessons record(s) were copied by NEW_CYCLE (event ${carried.event.seq} of dossier ` +
              `${carried.event.dossierId}) without an audit event of their own; their ids are not in the audit trail and are ` +
              `shown here as "overgenomen:<original id>".`,
          },
        });
      }
      continue;
    }
    if (row === null) continue; // nothing can happen to a dossier before it exists
    switch (e.action) {
      case 'evidence.recorded':
      case 'evidence.superseded':
      case 'classification.changed': {
        const rec = obj(p.evidence);
        if (rec === null) {
          gaps.push(missing(e, 'evidence'));
          break;
        }
        evidence.push(toEvidence(rec, row.id));
        if (e.action === 'classification.changed') row.updatedAt = e.occurredAt;
        break;
      }
      case 'transition.done': {
        const to = p.to;
        if (!isState(to)) {
          gaps.push(missing(e, 'to'));
          break;
        }
        row.state = to;
        row.version = typeof p.newVersion === 'number' ? p.newVersion : row.version + 1;
        row.enteredPhaseOn = amsterdamDate(e.occurredAt);
        row.enteredPhaseAt = e.occurredAt;
        row.updatedAt = e.occurredAt;
        const followUp = str(p.followUpDossierId);
        if (followUp !== null) row.followUpDossierId = followUp;
        for (const waiverId of Object.values(obj(p.waiversUsed) ?? {})) {
          const w = waivers.get(String(waiverId));
          if (w) waivers.set(w.id, { ...w, status: 'used', usedAt: e.occurredAt, usedByEvent: e.id });
        }
        break;
      }
      case 'transition.refused':
        break; // a refused attempt changes nothing but the history
      case 'dossier.assigned': {
        const after = obj(p.after);
        if (after === null) {
          gaps.push(missing(e, 'after'));
          break;
        }
        row.assigneeId = str(after.assigneeId);
        if (typeof after.version === 'number') row.version = after.version;
        row.updatedAt = e.occurredAt;
        break;
      }
      case 'dossier.migrated': {
        const to = obj(p.to);
        if (to === null || typeof to.id !== 'string' || typeof to.version !== 'string') {
          gaps.push(missing(e, 'to'));
          break;
        }
        row.workflowId = to.id;
        row.workflowVersion = to.version;
        row.version = typeof p.newVersion === 'number' ? p.newVersion : row.version + 1;
        row.updatedAt = e.occurredAt;
        break;
      }
      case 'waiver.requested': {
        const w = obj(p.waiver);
        if (w === null) gaps.push(missing(e, 'waiver'));
        else waivers.set(String(w.id), toWaiverRow(w, row.id));
        break;
      }
      case 'waiver.approved':
      case 'waiver.rejected': {
        const w = obj(p.after);
        if (w === null) gaps.push(missing(e, 'after'));
        else waivers.set(String(w.id), toWaiverRow(w, row.id));
        break;
      }
      default: {
        const key = (NOT_APPLIED_ACTIONS as readonly string[]).includes(e.action) ? e.action : 'other';
        notApplied[key] = (notApplied[key] ?? 0) + 1;
      }
    }
  }
  if (row === null) return null;
  const sortedWaivers = [...waivers.values()].sort((a, b) =>
    a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return { row, evidence, waivers: sortedWaivers, applied, notApplied, gaps };
}

function missing(e: AuditEventRow, field: string): ReplayGap {
  return {
    kind: 'missing-field',
    seqs: [e.seq],
    description: {
      nl: `Gebeurtenis ${e.seq} (${e.action}) mist het veld ${field} of het heeft geen geldige waarde; deze stap kon niet worden nagespeeld.`,
      en: `Event ${e.seq} (${e.action}) lacks the field ${field}, or its value is not valid; this step could not be replayed.`,
    },
  };
}

/** Ids of the records in force (not superseded by a later record) among `evidence`. */
export function evidenceInForce(evidence: readonly EvidenceRecord[]): string[] {
  const superseded = new Set(evidence.map((r) => r.supersedes).filter((s): s is string => s !== null));
  return evidence.filter((r) => !superseded.has(r.id)).map((r) => r.id);
}

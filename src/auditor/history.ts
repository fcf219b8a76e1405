/**
 * A dossier's history for auditors: every audit event of its stream, with a one-line summary in Dutch and English,
 * the recorded payload unchanged, and — for transitions — the evidence and waivers the evaluation rested on,
 * resolved from the same trail (so an auditor sees what each id was when it was used).
 *
 * Framework-free and pure.
 */
import { amsterdamDate } from '../../workflows/facts';
import { boundedPair, NameIndex, nameOf, NO_NAMES, person } from '../common';
import { Text } from '../../workflows/requirement';
import type { AuditEventRow, AuditPayload } from '../audit';

/**
 * The kinds a history can be filtered on: the part of the action before the dot. `timer` events come from the timer
 * job (timers started and expired). Refused requests (`access.denied`) are in the `system` stream, not a dossier's.
 */
export const HISTORY_KINDS = ['dossier', 'evidence', 'classification', 'transition', 'waiver', 'timer'] as const;

/** An evidence record named by a requirement evaluation, as the trail recorded it. */
export interface EvidenceReference {
  id: string;
  kind: string | null;
  occurredOn: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  supersedes: string | null;
  /** The audit event that recorded it (its hash pins this exact version); null when the trail has no such record. */
  recordedInSeq: number | null;
  recordedInHash: string | null;
  /** A later record that corrected it, if that correction happened before this event. */
  supersededBy: string | null;
}

/** A waiver used by a transition: who asked, who approved (segregation of duties), why. */
export interface WaiverReference {
  requirementId: string;
  waiverId: string;
  reasonCode: string | null;
  motivation: string | null;
  requestedBy: string | null;
  /** The requester by name. */
  requestedByName: string | null;
  requestedAt: string | null;
  approvedBy: string | null;
  /** The approver by name. */
  approvedByName: string | null;
  approvedAt: string | null;
  decisionNote: string | null;
}

/** One entry of `GET /api/v1/dossiers/{id}/history`. */
export interface HistoryEntry {
  seq: number;
  streamSeq: number;
  eventId: string;
  /** Server time (UTC). */
  at: string;
  /** The calendar date in Europe/Amsterdam. */
  localDate: string;
  action: string;
  kind: string;
  /** Who did it: id, roles and name (null when the id is no user's). */
  actor: { id: string; roles: readonly string[]; name: string | null };
  workflow: { id: string; version: string } | null;
  summary: Text;
  /** Everything the event recorded, unchanged (before/after, the evaluation shown, explanations…). */
  payload: AuditPayload;
  /**
   * For transitions: the evidence the evaluation rested on and the waivers used or cited (X-04 cites waivers as its
   * evidence), resolved from the trail.
   */
  references?: { evidence: EvidenceReference[]; waivers: WaiverReference[] };
  prevHash: string;
  hash: string;
  /** Set when the stored payload cannot be read (the chain is damaged; `payload` is then empty). */
  contentError?: string;
}

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A payload value as text for a summary: strings as they are, other scalars printed, anything else as JSON. */
export function text(v: unknown, fallback = '?'): string {
  if (v === null || v === undefined) return fallback;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? fallback;
}

/**
 * What the references of a transition are resolved against: the evidence and waiver events of the dossier, read
 * in `seq` order. Feed every such event (whatever the page or filter of the history) with {@link add}.
 */
export class ReferenceIndex {
  private readonly evidence = new Map<string, EvidenceReference>();
  private readonly supersededAt = new Map<string, { by: string; seq: number }>();
  private readonly waivers = new Map<string, { view: Payload; requestedAt: string | null; approvedAt: string | null }>();

  /** Takes in one event of the dossier (others than those of {@link REFERENCE_ACTIONS} are ignored). */
  add(e: AuditEventRow): void {
    const p = e.payload;
    if (e.action === 'dossier.created') {
      const c = obj(p.classification);
      if (c && typeof c.evidenceId === 'string') {
        this.evidence.set(c.evidenceId, {
          id: c.evidenceId, kind: 'classificatie', occurredOn: amsterdamDate(e.occurredAt), recordedAt: e.occurredAt, recordedBy: e.actorId,
          supersedes: null, recordedInSeq: e.seq, recordedInHash: e.hash, supersededBy: null,
        });
      }
      return;
    }
    if (e.action === 'evidence.recorded' || e.action === 'evidence.superseded' || e.action === 'classification.changed') {
      const r = obj(p.evidence);
      if (!r || typeof r.id !== 'string') return;
      const supersedes = str(r.supersedes);
      this.evidence.set(r.id, {
        id: r.id, kind: str(r.kind), occurredOn: str(r.occurredOn), recordedAt: str(r.recordedAt), recordedBy: str(r.recordedBy),
        supersedes, recordedInSeq: e.seq, recordedInHash: e.hash, supersededBy: null,
      });
      if (supersedes !== null) this.supersededAt.set(supersedes, { by: r.id, seq: e.seq });
      return;
    }
    if (e.action === 'waiver.requested') {
      const w = obj(p.waiver);
      if (w && typeof w.id === 'string') this.waivers.set(w.id, { view: w, requestedAt: str(w.requestedAt) ?? e.occurredAt, approvedAt: null });
      return;
    }
    if (e.action === 'waiver.approved' || e.action === 'waiver.rejected') {
      const w = obj(p.after);
      if (w && typeof w.id === 'string') {
        const prev = this.waivers.get(w.id);
        this.waivers.set(w.id, {
          view: w,
          requestedAt: prev?.requestedAt ?? str(w.requestedAt),
          approvedAt: e.action === 'waiver.approved' ? e.occurredAt : null,
        });
      }
    }
  }

  /** The evidence named by `ids`, as known just before the event at `seq`. */
  evidenceAt(ids: readonly string[], seq: number): EvidenceReference[] {
    return ids.map((id) => {
      const known = this.evidence.get(id);
      const sup = this.supersededAt.get(id);
      if (!known || (known.recordedInSeq !== null && known.recordedInSeq > seq)) {
        return { id, kind: null, occurredOn: null, recordedAt: null, recordedBy: null, supersedes: null, recordedInSeq: null, recordedInHash: null, supersededBy: null };
      }
      return { ...known, supersededBy: sup && sup.seq < seq ? sup.by : null };
    });
  }

  /** True when `id` names a waiver (requirement evaluations such as X-04 cite waivers as their evidence). */
  isWaiver(id: string): boolean {
    return this.waivers.has(id);
  }

  /** The waiver as last recorded: its request and decision (`requirementId` null: take the waiver's own). */
  waiver(requirementId: string | null, waiverId: string, names: NameIndex = NO_NAMES): WaiverReference {
    const w = this.waivers.get(waiverId);
    const v = w?.view ?? {};
    return {
      requirementId: requirementId ?? text(v.requirementId, ''),
      waiverId,
      reasonCode: str(v.reasonCode),
      motivation: str(v.motivation),
      requestedBy: str(v.requestedBy),
      requestedByName: names.get(str(v.requestedBy) ?? '') ?? null,
      requestedAt: w?.requestedAt ?? null,
      approvedBy: str(v.decidedBy),
      approvedByName: names.get(str(v.decidedBy) ?? '') ?? null,
      approvedAt: w?.approvedAt ?? str(v.decidedAt),
      decisionNote: str(v.decisionNote),
    };
  }
}

/** The actions whose events {@link ReferenceIndex} reads. */
export const REFERENCE_ACTIONS = ['dossier.created', 'evidence.recorded', 'evidence.superseded', 'classification.changed', 'waiver.requested', 'waiver.approved', 'waiver.rejected'];

/** Builds the history entry of one event; `refs` must hold the dossier's reference events up to this one. */
export function toHistoryEntry(e: AuditEventRow & { contentError?: string }, refs: ReferenceIndex | null, names: NameIndex = NO_NAMES): HistoryEntry {
  const dot = e.action.indexOf('.');
  const entry: HistoryEntry = {
    seq: e.seq,
    streamSeq: e.streamSeq,
    eventId: e.id,
    at: e.occurredAt,
    localDate: Number.isNaN(Date.parse(e.occurredAt)) ? e.occurredAt.slice(0, 10) : amsterdamDate(e.occurredAt),
    action: e.action,
    kind: dot === -1 ? e.action : e.action.slice(0, dot),
    actor: { id: e.actorId, roles: e.actorRoles, name: person(names, e.actorId).name },
    workflow: e.workflowId !== null && e.workflowVersion !== null ? { id: e.workflowId, version: e.workflowVersion } : null,
    summary: e.contentError ? { nl: `Onleesbare gebeurtenis (${e.contentError}).`, en: `Unreadable event (${e.contentError}).` } : boundedPair(summarize(e, names)),
    payload: e.payload,
    prevHash: e.prevHash,
    hash: e.hash,
  };
  if (e.contentError !== undefined) entry.contentError = e.contentError;
  if (refs !== null && e.action.startsWith('transition.')) {
    const evaluation = Array.isArray(e.payload.evaluation) ? (e.payload.evaluation as unknown[]) : [];
    const ids = new Set<string>();
    for (const item of evaluation) for (const id of (obj(item)?.evidence as unknown[] | undefined) ?? []) if (typeof id === 'string') ids.add(id);
    const used = Object.entries(obj(e.payload.waiversUsed) ?? {}).map(([requirementId, waiverId]) => refs.waiver(requirementId, String(waiverId), names));
    const cited = [...ids].filter((id) => refs.isWaiver(id) && !used.some((w) => w.waiverId === id)).map((id) => refs.waiver(null, id, names));
    entry.references = {
      evidence: refs.evidenceAt([...ids].filter((id) => !refs.isWaiver(id)), e.seq),
      waivers: [...used, ...cited],
    };
  }
  return entry;
}

const yes = (v: unknown, nl: boolean) => (v === true ? (nl ? 'ja' : 'yes') : v === false ? (nl ? 'nee' : 'no') : text(v, '—'));

/** A one-line description of an event in Dutch and English. */
export function summarize(e: AuditEventRow, names: NameIndex = NO_NAMES): Text {
  const p = e.payload;
  const who = (v: unknown, fallback = '?') => (typeof v === 'string' ? nameOf(names, v) : fallback);
  switch (e.action) {
    case 'dossier.created': {
      const a = obj(p.after) ?? {};
      const c = obj(p.classification) ?? {};
      const prev = str(a.previousDossierId);
      return {
        nl: `Dossier “${text(a.title, '')}” aangemaakt in ${text(a.phase)} (strategisch: ${yes(c.strategisch, true)}, besluitvormer: ${yes(c.besluitvormer, true)})${prev ? `, vervolg op dossier ${prev}` : ''}.`,
        en: `Dossier “${text(a.title, '')}” created in ${text(a.phase)} (strategic: ${yes(c.strategisch, false)}, decision-maker: ${yes(c.besluitvormer, false)})${prev ? `, follow-up of dossier ${prev}` : ''}.`,
      };
    }
    case 'dossier.assigned': {
      const from = str(obj(p.before)?.assigneeId);
      const to = str(obj(p.after)?.assigneeId);
      return {
        nl: `Toegewezen aan ${to ? who(to) : '—'} (was ${from ? who(from) : 'niemand'}).`,
        en: `Assigned to ${to ? who(to) : '—'} (was ${from ? who(from) : 'nobody'}).`,
      };
    }
    case 'dossier.migrated': {
      const from = obj(p.from) ?? {};
      const to = obj(p.to) ?? {};
      const reason = str(p.reason);
      return {
        nl: `Overgezet van versie ${text(from.version)} naar ${text(to.version)} van ${text(to.id)} (dossierversie ${text(p.newVersion)})${reason ? `; reden: “${reason}”` : ''}.`,
        en: `Moved from version ${text(from.version)} to ${text(to.version)} of ${text(to.id)} (dossier version ${text(p.newVersion)})${reason ? `; reason: “${reason}”` : ''}.`,
      };
    }
    case 'evidence.recorded':
    case 'evidence.superseded': {
      const r = obj(p.evidence) ?? {};
      const d = obj(r.data) ?? {};
      const what = [r.kind, d.documentType ?? d.stap ?? d.vraag ?? d.onderwerp ?? d.instrumentId].filter((x) => typeof x === 'string').join(' / ');
      if (e.action === 'evidence.superseded') {
        return {
          nl: `Vastlegging ${text(r.supersedes)} gecorrigeerd door ${text(r.id)} (${what}), plaatsgevonden op ${text(r.occurredOn)}.`,
          en: `Evidence ${text(r.supersedes)} corrected by ${text(r.id)} (${what}), happened on ${text(r.occurredOn)}.`,
        };
      }
      return {
        nl: `Vastlegging ${text(r.id)} (${what}) vastgelegd, plaatsgevonden op ${text(r.occurredOn)}.`,
        en: `Evidence ${text(r.id)} (${what}) recorded, happened on ${text(r.occurredOn)}.`,
      };
    }
    case 'classification.changed': {
      const before = obj(p.before) ?? {};
      const after = obj(p.after) ?? {};
      const changes = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
      const list = (nl: boolean) => (changes.length ? changes.map((k) => `${k} ${yes(before[k], nl)} → ${yes(after[k], nl)}`).join('; ') : nl ? 'geen velden gewijzigd' : 'no field changed');
      const reden = str(p.reden);
      return {
        nl: `Classificatie gewijzigd: ${list(true)}${reden ? `; reden: “${reden}”` : ''}.`,
        en: `Classification changed: ${list(false)}${reden ? `; reason: “${reden}”` : ''}.`,
      };
    }
    case 'transition.done': {
      const expl = Object.keys(obj(p.explanations) ?? {}).length;
      const waived = Object.keys(obj(p.waiversUsed) ?? {}).length;
      return {
        nl: `${text(p.event)} uitgevoerd: ${text(p.from)} → ${text(p.to)} (versie ${text(p.newVersion)}; ${expl} toelichting(en), ${waived} vrijstelling(en) gebruikt).`,
        en: `${text(p.event)} done: ${text(p.from)} → ${text(p.to)} (version ${text(p.newVersion)}; ${expl} explanation(s), ${waived} waiver(s) used).`,
      };
    }
    case 'transition.refused': {
      const evaluation = Array.isArray(p.evaluation) ? (p.evaluation as unknown[]).map(obj) : [];
      const unmet = evaluation.filter((x) => x && x.blockReason !== undefined).map((x) => String(x!.id));
      const why = p.refusal === 'event-not-accepted' ? `niet toegestaan in ${text(p.from)}` : `niet voldaan: ${unmet.join(', ') || '—'}`;
      const whyEn = p.refusal === 'event-not-accepted' ? `not accepted in ${text(p.from)}` : `unmet: ${unmet.join(', ') || '—'}`;
      return { nl: `${text(p.event)} geweigerd (${why}).`, en: `${text(p.event)} refused (${whyEn}).` };
    }
    case 'waiver.requested': {
      const w = obj(p.waiver) ?? {};
      return {
        nl: `Vrijstelling gevraagd voor ${text(w.requirementId)} (${text(w.reasonCode)}) door ${who(w.requestedBy ?? e.actorId)}.`,
        en: `Waiver requested for ${text(w.requirementId)} (${text(w.reasonCode)}) by ${who(w.requestedBy ?? e.actorId)}.`,
      };
    }
    case 'waiver.approved':
    case 'waiver.rejected': {
      const w = obj(p.after) ?? {};
      const ok = e.action === 'waiver.approved';
      return {
        nl: `Vrijstelling voor ${text(w.requirementId)} ${ok ? 'goedgekeurd' : 'afgewezen'} door ${who(p.approver ?? e.actorId)} (gevraagd door ${who(p.requester ?? w.requestedBy)}).`,
        en: `Waiver for ${text(w.requirementId)} ${ok ? 'approved' : 'rejected'} by ${who(p.approver ?? e.actorId)} (requested by ${who(p.requester ?? w.requestedBy)}).`,
      };
    }
    default: {
      const detail = ['timerId', 'computedEnd', 'expiredOn', 'label'].map((k) => (typeof p[k] === 'string' ? `${k} ${text(p[k])}` : null)).filter(Boolean);
      const tail = detail.length ? ` (${detail.join(', ')})` : '';
      if (e.action.startsWith('timer.')) return { nl: `Termijn: ${e.action}${tail}.`, en: `Timer: ${e.action}${tail}.` };
      return { nl: `${e.action}${tail}.`, en: `${e.action}${tail}.` };
    }
  }
}

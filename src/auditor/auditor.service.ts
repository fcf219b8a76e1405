import { Inject, Injectable } from '@nestjs/common';
import { EvidenceRecord } from '../../workflows/evidence';
import { projectFacts } from '../../workflows/facts';
import { WorkflowRegistry } from '../../workflows/registry';
import { ActorContext, Clock, DomainError } from '../common';
import { DossierView, peopleOf, toDossierView, toWaiverFact, toWaiverView, WaiverView } from '../dossiers';
import { loadAllNames, loadNames } from '../users';
import { Db } from '../database';
import { CarriedLessons, evidenceInForce, MAX_GAPS_SHOWN, ReplayGap, replayDossier } from './as-of';
import { AuditEventRow, AuditFlag, AuditService, BrokenEvent, ChainVerifier, FLAG_KINDS, FLAG_SOURCE_ACTIONS, FlagDetector, FlagKind, RawAuditRow, ScanFilter, toEventRow } from '../audit';
import { HistoryEntry, REFERENCE_ACTIONS, ReferenceIndex, toHistoryEntry } from './history';

/** Filters of {@link AuditorService.history}. */
export interface HistoryQuery {
  /** Kinds (`transition`) or exact actions (`transition.refused`); all when absent. */
  kinds?: readonly string[];
  /** occurredAt ≥ from (ISO 8601 UTC with milliseconds). */
  from?: string;
  /** occurredAt ≤ to. */
  to?: string;
  afterSeq?: number;
  limit: number;
}

/** One page of a dossier's history. */
export interface HistoryPage {
  dossierId: string;
  items: HistoryEntry[];
  limit: number;
  /** Pass as `afterSeq` for the next page; null on the last page. */
  nextAfterSeq: number | null;
}

/** Whose `next` evaluation `state?at=` shows: the caller's (as `GET /dossiers/{id}` does), or the assignee's then. */
export type StateViewer = 'caller' | 'assignee';

/** An evidence record as it stood at the reconstructed moment. */
export type EvidenceAsOf = EvidenceRecord & { supersededBy: string | null };

/** `GET /dossiers/{id}/state?at=`: the dossier view as it was, plus what it was rebuilt from. */
export interface DossierStateAsOf extends DossierView {
  evidence: EvidenceAsOf[];
  evidenceInForce: string[];
  waivers: WaiverView[];
  asOf: {
    at: string;
    viewer: { kind: StateViewer; id: string | null; roles: string[] };
    /** The dossier's audit events up to `at`, all of which were replayed (or counted in `notApplied`). */
    eventsApplied: number;
    lastEvent: { seq: number; streamSeq: number; at: string; action: string; hash: string };
    /**
     * Those events verified as a chain from the dossier's first event (docs/audit-format.md section 5). When it is
     * broken, only the events before the broken one were replayed (see `gaps`).
     */
    chain: { ok: boolean; checked: number; firstBroken?: BrokenEvent };
    notApplied: Record<string, number>;
    gaps: ReplayGap[];
    /** True when the trail held everything needed: no gaps, an intact chain. */
    complete: boolean;
  };
}

/** One page of flags. */
export interface FlagPage {
  items: AuditFlag[];
  limit: number;
  /** Pass as `afterSeq` for the next page (flags are ordered by the seq of the event that raised them); null when done. */
  nextAfterSeq: number | null;
}

/**
 * The auditor's views (issue #5): a dossier's full history, its state on any past moment rebuilt from the audit
 * trail alone, and flags. Read-only: nothing here writes.
 */
@Injectable()
export class AuditorService {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Db) private readonly db: Db,
  ) {}

  /** 404 unless the dossier exists (as a row, or at least as an audit stream). */
  async assertDossier(id: string): Promise<void> {
    if (!(await this.audit.dossierExists(id))) throw DomainError.notFound('Dossier', id);
  }

  private async firstPage(filter: ScanFilter, size: number): Promise<RawAuditRow[]> {
    for await (const page of this.audit.scanner.pages(filter, size)) return page;
    return [];
  }

  /** Every audit event of the dossier in order, filtered and paginated, transitions with their references resolved. */
  async history(dossierId: string, q: HistoryQuery): Promise<HistoryPage> {
    await this.assertDossier(dossierId);
    const filter: ScanFilter = { dossierId, from: q.from, to: q.to, afterSeq: q.afterSeq };
    if (q.kinds) filter.actionMatch = q.kinds.map((k) => (k.includes('.') ? k : `${k}.`));
    const raw = await this.firstPage(filter, q.limit + 1);
    const rows = raw.slice(0, q.limit).map((r) => toEventRow(r));
    let refs: ReferenceIndex | null = null;
    if (rows.some((r) => r.action.startsWith('transition.'))) {
      refs = new ReferenceIndex();
      const last = rows[rows.length - 1].seq;
      for await (const r of this.audit.scanner.rows({ dossierId, actions: REFERENCE_ACTIONS })) {
        const e = toEventRow(r);
        if (e.seq > last) break;
        refs.add(e);
      }
    }
    const names = await this.db.read((tx) => loadAllNames(tx));
    return {
      dossierId,
      items: rows.map((e) => toHistoryEntry(e, refs, names)),
      limit: q.limit,
      nextAfterSeq: raw.length > q.limit ? rows[rows.length - 1].seq : null,
    };
  }

  /**
   * The dossier as it was at `at`, rebuilt from its audit events alone and evaluated with the same code as
   * `GET /dossiers/{id}` (so `next` is the evaluation that was shown then, for the same viewer).
   */
  async stateAt(actor: ActorContext, dossierId: string, at: string, viewer: StateViewer = 'caller'): Promise<DossierStateAsOf> {
    const now = this.clock.now().toISOString();
    if (at > now) throw DomainError.validation([{ field: 'query.at', message: `lies in the future (now is ${now}); the past only` }]);
    await this.assertDossier(dossierId);

    const verifier = new ChainVerifier();
    const events: (AuditEventRow & { contentError?: string })[] = [];
    // The stream's prefix up to the first event after `at`, verified as it is read; replay stops at a broken event,
    // because from there on the trail can no longer be trusted to say what happened.
    scan: for await (const page of this.audit.scanner.pages({ stream: dossierId })) {
      for (const r of page) {
        const e = toEventRow(r);
        if (e.contentError === undefined && e.occurredAt > at) break scan;
        verifier.add(r);
        if (!verifier.intact) break scan;
        events.push(e);
      }
    }
    const carried = await this.carriedLessons(events[0]);
    const replayed = replayDossier(events, at, carried);
    const chain = verifier.result();
    if (replayed !== null && chain.firstBroken) {
      const b = chain.firstBroken;
      replayed.gaps.push({
        kind: 'chain-broken',
        seqs: [b.seq],
        description: {
          nl: `De keten van dit dossier is gebroken bij gebeurtenis ${b.seq} (${b.reason}); de toestand is opgebouwd uit de ${events.length} gebeurtenis(sen) daarvóór.`,
          en: `This dossier's chain is broken at event ${b.seq} (${b.reason}); the state was rebuilt from the ${events.length} event(s) before it.`,
        },
      });
    }
    if (replayed === null && chain.firstBroken) {
      throw new DomainError(
        'invalid-state',
        `The audit trail of dossier ${dossierId} is broken at its first event; no state can be rebuilt from it.`,
        { firstBroken: chain.firstBroken },
        'De audittrail van dit dossier is bij de eerste gebeurtenis gebroken; er valt geen toestand uit op te bouwen.',
      );
    }
    if (replayed === null) {
      throw new DomainError('not-found', `Dossier ${dossierId} did not exist yet at ${at}.`, { resource: 'Dossier', id: dossierId, at });
    }
    const { row } = replayed;
    const workflow = this.registry.get({ id: row.workflowId, version: row.workflowVersion });
    if (!workflow) throw new Error(`Dossier ${dossierId} ran under unknown workflow ${row.workflowId}@${row.workflowVersion}`);

    // The evaluation is the dossier's: as its owner at `at` would fire each event (X-01 against the assignee), the same
    // for every viewer and the same GET /dossiers/{id} showed then. `viewer` no longer changes it.
    const owner = row.assigneeId === null ? null : { id: row.assigneeId, roles: ['beleidsmedewerker' as const] };
    // The same projection loadDossierFacts makes for GET /dossiers/{id}, over the replayed records instead of the tables.
    const facts = projectFacts({
      dossier: { id: row.id, state: row.state, enteredPhaseOn: row.enteredPhaseOn, assigneeId: row.assigneeId },
      evidence: replayed.evidence,
      waivers: replayed.waivers.map(toWaiverFact),
      now: at,
      attempt: null,
      settings: workflow.definition.settings,
    });
    const loaded = { row, workflow, evidence: replayed.evidence, waivers: replayed.waivers, facts };
    const names = await this.db.read((tx) => loadNames(tx, peopleOf(loaded)));
    const view = toDossierView(loaded, { caller: actor, names });
    const supersededBy = new Map(replayed.evidence.filter((r) => r.supersedes).map((r) => [r.supersedes!, r.id]));
    const last = replayed.applied[replayed.applied.length - 1];
    return {
      ...view,
      evidence: replayed.evidence.map((r) => ({ ...r, supersededBy: supersededBy.get(r.id) ?? null })),
      evidenceInForce: evidenceInForce(replayed.evidence),
      waivers: replayed.waivers.map((w) => toWaiverView(w, names)),
      asOf: {
        at,
        viewer: { kind: viewer, id: owner?.id ?? null, roles: owner ? [...owner.roles] : [] },
        eventsApplied: replayed.applied.length,
        lastEvent: { seq: last.seq, streamSeq: last.streamSeq, at: last.occurredAt, action: last.action, hash: last.hash },
        chain: { ok: chain.ok, checked: chain.checked, ...(chain.firstBroken ? { firstBroken: chain.firstBroken } : {}) },
        notApplied: replayed.notApplied,
        gaps: replayed.gaps.slice(0, MAX_GAPS_SHOWN),
        complete: replayed.gaps.length === 0 && chain.ok,
      },
    };
  }

  /** For a follow-up dossier: the NEW_CYCLE event of its predecessor and the lesson records it copied. */
  private async carriedLessons(created: AuditEventRow | undefined): Promise<CarriedLessons | null> {
    const prev = created?.action === 'dossier.created' ? (created.payload.after as { previousDossierId?: unknown } | undefined)?.previousDossierId : null;
    if (typeof prev !== 'string') return null;
    let event: AuditEventRow | null = null;
    const records = new Map<string, EvidenceRecord>();
    for await (const r of this.audit.scanner.rows({ stream: prev, actions: ['transition.done', 'evidence.recorded', 'evidence.superseded'] })) {
      const e = toEventRow(r);
      if (e.action === 'transition.done') {
        if (e.payload.followUpDossierId === created!.dossierId) {
          event = e;
          break;
        }
      } else {
        const rec = e.payload.evidence as EvidenceRecord | undefined;
        if (rec && typeof rec.id === 'string') records.set(rec.id, rec);
      }
    }
    if (event === null) return null;
    const ids = Array.isArray(event.payload.lessonsCarried) ? (event.payload.lessonsCarried as unknown[]) : [];
    return { event, records: ids.map((id) => records.get(String(id))).filter((r): r is EvidenceRecord => r !== undefined) };
  }

  /**
   * Flags over the whole store or one dossier, ordered by the seq of the event that raised them. The detector reads
   * every relevant event from the start (context such as the waiver request), and returns flags raised after
   * `afterSeq`; a page ends at an event boundary, so it may hold a few more than `limit`.
   */
  async flags(opts: { dossierId?: string; kinds?: readonly FlagKind[]; afterSeq?: number; limit: number }): Promise<FlagPage> {
    const names = await this.db.read((tx) => loadAllNames(tx));
    const detector = new FlagDetector((wf) => this.registry.get(wf)?.definition.settings, new Set(opts.kinds ?? FLAG_KINDS), names);
    const items: AuditFlag[] = [];
    const afterSeq = opts.afterSeq ?? 0;
    const filter: ScanFilter = { actions: FLAG_SOURCE_ACTIONS };
    if (opts.dossierId !== undefined) filter.dossierId = opts.dossierId;
    let nextAfterSeq: number | null = null;
    // Across the whole store this is a long scan: read it through its own snapshot.
    for await (const r of this.audit.scanner.rows(filter, undefined, { snapshot: opts.dossierId === undefined })) {
      const e = toEventRow(r);
      if (e.contentError !== undefined) continue;
      const raised = detector.add(e);
      if (e.seq <= afterSeq || raised.length === 0) continue;
      items.push(...raised);
      if (items.length >= opts.limit) {
        nextAfterSeq = e.seq;
        break;
      }
    }
    return { items, limit: opts.limit, nextAfterSeq };
  }

  /** All flags of one dossier (404 when it does not exist). */
  async dossierFlags(dossierId: string, kinds?: readonly FlagKind[]): Promise<AuditFlag[]> {
    await this.assertDossier(dossierId);
    return (await this.flags({ dossierId, kinds, limit: Number.MAX_SAFE_INTEGER })).items;
  }
}

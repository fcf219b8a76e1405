import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WAIVER_REASON_CODES, WaiverReasonCode } from '../../../workflows/evidence';
import { WorkflowRegistry } from '../../../workflows/registry';
import { Text } from '../../../workflows/requirement';
import { AuditService } from '../../audit';
import { AccessDenied, ActorContext, Clock, DomainError, NameIndex, NO_NAMES, person } from '../../common';
import { ComplianceProjector } from '../compliance-projection/compliance.projector';
import { loadNames, UserRepository } from '../../users';
import { Db, Tx } from '../../database';
import { openDossier } from '../dossier-command';
import { DossierRepository, WaiverRow } from '../dossier.repository';
import { isFinal } from '../dossier.view';
import { assertRoomFor } from '../limits';

export interface WaiverView {
  id: string;
  dossierId: string;
  requirementId: string;
  reasonCode: string;
  motivation: string;
  requestedBy: string;
  /** The requester by name. */
  requestedByName: string | null;
  requestedAt: string;
  approverId: string | null;
  /** The teamleider the requester named as approver, by name. */
  approverName: string | null;
  status: WaiverRow['status'];
  decidedBy: string | null;
  /** Who approved or rejected it, by name. */
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  usedAt: string | null;
  usedByEvent: string | null;
}

/** The ids of the people a waiver names. */
export const waiverPeople = (ws: readonly WaiverRow[]): (string | null)[] => ws.flatMap((w) => [w.requestedBy, w.approverId, w.decidedBy]);

/** A waiver as the audit trail records it (ids only: the trail's format does not change with names). */
export type WaiverRecord = Omit<WaiverView, 'requestedByName' | 'approverName' | 'decidedByName'>;

export const toWaiverRecord = (w: WaiverRow): WaiverRecord => ({
  id: w.id,
  dossierId: w.dossierId,
  requirementId: w.requirementId,
  reasonCode: w.reasonCode,
  motivation: w.motivation,
  requestedBy: w.requestedBy,
  requestedAt: w.requestedAt,
  approverId: w.approverId,
  status: w.status,
  decidedBy: w.decidedBy,
  decidedAt: w.decidedAt,
  decisionNote: w.decisionNote,
  usedAt: w.usedAt,
  usedByEvent: w.usedByEvent,
});

/** A waiver as the API shows it: the record, and the people in it by name. */
export const toWaiverView = (w: WaiverRow, names: NameIndex = NO_NAMES): WaiverView => ({
  ...toWaiverRecord(w),
  requestedByName: person(names, w.requestedBy).name,
  approverName: person(names, w.approverId)?.name ?? null,
  decidedByName: person(names, w.decidedBy)?.name ?? null,
});


/** Why a requirement cannot be waived, by its origin: what a person can do instead. */
const WAIVER_REFUSAL: Record<string, Text> = {
  advisory: {
    nl: 'het is een adviserende eis. Voldoe eraan, of geef bij de overgang een toelichting waarom niet (pas toe of leg uit).',
    en: 'it is an advisory requirement. Meet it, or explain with the transition why not (comply or explain).',
  },
  law: {
    nl: 'de eis volgt uit de wet, en van de wet kan niemand vrijstelling geven. Leg vast wat de eis vraagt.',
    en: 'the requirement follows from the law, from which nobody can grant a waiver. Record what it asks for.',
  },
  data: {
    nl: 'de eis bewaakt dat de vastgelegde gegevens volledig zijn. Vul de gegevens aan.',
    en: 'the requirement ensures the recorded data are complete. Complete the data.',
  },
  seed: {
    nl: 'het kader staat voor deze eis geen uitzondering toe. Leg vast wat de eis vraagt.',
    en: 'the kader allows no exception to this requirement. Record what it asks for.',
  },
  practice: {
    nl: 'de eis regelt wie wat mag of hoe vrijstellingen zelf werken. Leg vast wat de eis vraagt.',
    en: 'the requirement governs who may do what, or how waivers themselves work. Record what it asks for.',
  },
};

const WAIVER_STATUS_NL: Record<string, string> = { requested: 'aangevraagd', approved: 'goedgekeurd', rejected: 'afgewezen', used: 'gebruikt' };

/**
 * Waivers (domain-brief X-04): a motivated exception to a seed/policy-derived hard requirement. Requested
 * by the dossier's beleidsmedewerker, approved or rejected by a teamleider who is not the requester
 * (segregation of duties), used once by the transition it lets through. Law-derived requirements can never
 * be waived. Every step is an audit event.
 */
@Injectable()
export class WaiversService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ComplianceProjector) private readonly compliance: ComplianceProjector,
  ) {}

  async request(
    actor: ActorContext,
    dossierId: string,
    cmd: { requirementId: string; reasonCode: WaiverReasonCode; motivation: string; approverId?: string },
  ): Promise<WaiverView> {
    const now = this.clock.now();
    const iso = now.toISOString();
    return this.db.transaction(async (tx) => {
      const row = await openDossier(tx, dossierId, actor, { onlyAssignee: 'waiver.request' });
      if (isFinal(row.state))
        throw new DomainError('invalid-state', `Dossier ${dossierId} is ${row.state}; no waiver can be requested for it.`, { phase: row.state },
          `Het dossier is ${row.state}; er kan geen vrijstelling meer voor worden aangevraagd.`);
      const def = this.registry.get({ id: row.workflowId, version: row.workflowVersion })!.definition;
      const req = def.requirements.find((r) => r.id === cmd.requirementId);
      if (!req) throw DomainError.validation([{ field: 'requirementId', message: `${cmd.requirementId} is not a requirement of ${def.id}@${def.version}` }]);
      if (req.severity !== 'hard' || !req.waivable) {
        const why = WAIVER_REFUSAL[req.severity === 'hard' ? req.origin.kind : 'advisory'];
        throw new DomainError(
          'waiver-not-allowed',
          `No waiver is possible for ${req.id} (${req.label.en}): ${why.en}`,
          { requirementId: req.id, severity: req.severity, origin: req.origin.label },
          `Voor ${req.id} (${req.label.nl}) is geen vrijstelling mogelijk: ${why.nl}`,
        );
      }
      if (!(WAIVER_REASON_CODES as readonly string[]).includes(cmd.reasonCode))
        throw DomainError.validation([{ field: 'reasonCode', message: `must be one of: ${WAIVER_REASON_CODES.join(', ')}` }]);
      if (cmd.approverId) {
        if (cmd.approverId === actor.id) throw DomainError.validation([{ field: 'approverId', message: 'the approver must be someone other than the requester' }]);
        const approver = await UserRepository.find(tx, cmd.approverId);
        if (!approver || approver.disabledAt || !approver.roles.includes('teamleider'))
          throw DomainError.validation([{ field: 'approverId', message: 'must be the id of an active user with role teamleider' }]);
      }
      if (await DossierRepository.hasOpenWaiver(tx, dossierId, req.id))
        throw new DomainError('waiver-conflict', `There is already an open waiver for ${req.id} on this dossier.`, { requirementId: req.id },
          `Voor ${req.id} loopt in dit dossier al een vrijstelling (aangevraagd of goedgekeurd en nog niet gebruikt).`);
      assertRoomFor('waivers', dossierId, await DossierRepository.waiverCount(tx, dossierId));
      const w: WaiverRow = {
        id: randomUUID(),
        dossierId,
        requirementId: req.id,
        reasonCode: cmd.reasonCode,
        motivation: cmd.motivation.trim(),
        requestedBy: actor.id,
        requestedAt: iso,
        approverId: cmd.approverId ?? null,
        status: 'requested',
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        usedAt: null,
        usedByEvent: null,
      };
      await DossierRepository.insertWaiver(tx, w);
      await this.audit.append(tx, {
        actor, action: 'waiver.requested', occurredAt: iso, dossierId, workflow: { id: def.id, version: def.version },
        payload: { waiver: toWaiverRecord(w), phase: row.state },
      });
      await this.compliance.project(tx, dossierId, now);
      return toWaiverView(w, await loadNames(tx, waiverPeople([w])));
    });
  }

  async decide(
    actor: ActorContext,
    dossierId: string,
    waiverId: string,
    cmd: { decision: 'approve' | 'reject'; note?: string },
  ): Promise<WaiverView> {
    const now = this.clock.now();
    const iso = now.toISOString();
    return this.db.transaction(async (tx) => {
      const row = await openDossier(tx, dossierId, actor);
      const w = await DossierRepository.waiver(tx, dossierId, waiverId);
      if (!w) throw DomainError.notFound('Waiver', waiverId);
      const own = w.requestedBy === actor.id;
      if (own || (w.approverId && w.approverId !== actor.id)) {
        const reason = own ? 'own-request' : 'not-named-approver';
        throw new AccessDenied(
          { actions: ['waiver.decide'], dossierId, reason },
          own ? 'You requested this waiver; another teamleider must decide it (segregation of duties).' : 'The requester named another teamleider as approver of this waiver.',
          { reason },
          own
            ? 'U hebt deze vrijstelling zelf aangevraagd; een andere teamleider moet erover beslissen (functiescheiding).'
            : 'De aanvrager heeft een andere teamleider gevraagd over deze vrijstelling te beslissen.',
        );
      }
      if (w.status !== 'requested')
        throw new DomainError('waiver-conflict', `Waiver ${waiverId} is ${w.status}; only a requested waiver can be decided.`, { waiverStatus: w.status },
          `Over deze vrijstelling is al beslist (${WAIVER_STATUS_NL[w.status] ?? w.status}); alleen over een aangevraagde vrijstelling kan worden beslist.`);
      const status = cmd.decision === 'approve' ? 'approved' : 'rejected';
      const decision = { status, decidedBy: actor.id, decidedAt: iso, decisionNote: cmd.note ?? null } as const;
      if (!(await DossierRepository.decideWaiver(tx, waiverId, decision)))
        throw new DomainError('waiver-conflict', `Waiver ${waiverId} was decided by someone else just now.`, {}, 'Iemand anders heeft zojuist over deze vrijstelling beslist.');
      const after: WaiverRow = { ...w, ...decision };
      await this.audit.append(tx, {
        actor, action: `waiver.${status}`, occurredAt: iso, dossierId, workflow: { id: row.workflowId, version: row.workflowVersion },
        payload: { before: toWaiverRecord(w), after: toWaiverRecord(after), requester: w.requestedBy, approver: actor.id },
      });
      await this.compliance.project(tx, dossierId, now);
      return toWaiverView(after, await loadNames(tx, waiverPeople([after])));
    });
  }

  /**
   * A transition uses the approved waivers `ids` of the dossier (each once: a racing transition that used one first
   * wins, and this one is undone). The dossier's waivers afterwards.
   */
  async use(tx: Tx, waivers: readonly WaiverRow[], ids: readonly string[], by: { at: string; byEvent: string }): Promise<WaiverRow[]> {
    for (const id of ids) {
      if (!(await DossierRepository.useWaiver(tx, id, by.at, by.byEvent)))
        throw new DomainError('waiver-conflict', `Waiver ${id} was used by another transition.`, { waiverId: id }, 'Een andere overgang heeft deze vrijstelling zojuist gebruikt.');
    }
    const used = new Set(ids);
    return waivers.map((w) => (used.has(w.id) ? { ...w, status: 'used' as const, usedAt: by.at, usedByEvent: by.byEvent } : w));
  }

  async list(dossierId: string): Promise<WaiverView[]> {
    return this.db.read(async (tx) => {
      if (!(await DossierRepository.exists(tx, dossierId))) throw DomainError.notFound('Dossier', dossierId);
      const ws = await DossierRepository.waivers(tx, dossierId);
      const names = await loadNames(tx, waiverPeople(ws));
      return ws.map((w) => toWaiverView(w, names));
    });
  }
}

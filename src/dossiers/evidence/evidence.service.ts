import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EvidenceRecord } from '../../../workflows/evidence';
import { amsterdamDate, mergeClassification } from '../../../workflows/facts';
import { isCatalogueInstrument, OTHER_INSTRUMENT_ID } from '../../../workflows/drenthe-verbindend-besturen/instruments';
import { AuditService } from '../../audit';
import { may } from '../../auth';
import { AccessDenied, ActorContext, Clock, DomainError, FieldError } from '../../common';
import { ComplianceProjector } from '../compliance-projection/compliance.projector';
import { Db, isUniqueViolation } from '../../database';
import { isAssignee, notAssigned, openDossier } from '../dossier-command';
import { DossierRepository } from '../dossier.repository';
import { isFinal } from '../dossier.view';
import { assertRoomFor } from '../limits';
import { ParsedEvidence } from './dto';
import { dateErrors } from './date-checks';
import { isPsSideEvidence, maySupersede } from './ps-side';

export interface EvidenceView extends EvidenceRecord {
  supersededBy: string | null;
}

/** Checks that need the dossier's other records (the DTO checked the shape already). */
function crossChecks(p: ParsedEvidence, inForce: EvidenceRecord[], today: string): FieldError[] {
  // Dates that lie in the future or out of order within the record (issue #11).
  const errors: FieldError[] = dateErrors(p, inForce, today);
  if (p.kind === 'activiteit') {
    const d = p.data;
    if (d.instrumentId === OTHER_INSTRUMENT_ID ? !d.instrumentLabel?.trim() : !isCatalogueInstrument(d.instrumentId))
      errors.push({
        field: 'data.instrumentId',
        message: d.instrumentId === OTHER_INSTRUMENT_ID ? 'instrumentId "other" needs an instrumentLabel' : `"${d.instrumentId}" is not in the instrument catalogue (GET /api/v1/workflows/…); use "other" with an instrumentLabel`,
      });
  }
  if (p.kind === 'document' && p.data.beantwoordtZienswijzen?.length) {
    const zienswijzen = new Set(inForce.filter((r) => r.kind === 'procedure' && (r.data as { stap: string }).stap === 'zienswijze').map((r) => r.id));
    p.data.beantwoordtZienswijzen.forEach((id, i) => {
      if (!zienswijzen.has(id)) errors.push({ field: `data.beantwoordtZienswijzen[${i}]`, message: `${id} is not a zienswijze recorded on this dossier` });
    });
  }
  if (p.kind === 'publicatie' && p.data.documentId && !inForce.some((r) => r.id === p.data.documentId && r.kind === 'document'))
    errors.push({ field: 'data.documentId', message: `${p.data.documentId} is not a document recorded on this dossier` });
  return errors;
}

/**
 * Evidence (vastleggingen): immutable records; a correction is a new record that supersedes the old one.
 * The database refuses UPDATE and DELETE on the table.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ComplianceProjector) private readonly compliance: ComplianceProjector,
  ) {}

  async record(actor: ActorContext, dossierId: string, p: ParsedEvidence): Promise<EvidenceView> {
    const now = this.clock.now();
    const iso = now.toISOString();
    const today = amsterdamDate(now);
    try {
      return await this.db.transaction(async (tx) => {
        const row = await openDossier(tx, dossierId, actor);
        const ownsIt = may(actor.roles, 'evidence.record') && isAssignee(row, actor);
        const psSide = may(actor.roles, 'evidence.record-ps-side') && isPsSideEvidence(p.kind, p.data);
        if (!ownsIt && !psSide) {
          if (!may(actor.roles, 'evidence.record-ps-side')) throw notAssigned('evidence.record', dossierId);
          throw new AccessDenied(
            { actions: ['evidence.record'], dossierId, reason: 'not-ps-side' },
            'The griffie records PS-side evidence only (committee sessions, spreekrecht, hearings, Drents Panel, Drenthe in Debat, agenderingsrecht, PS decisions).',
            { reason: 'not-ps-side' },
          );
        }
        if (isFinal(row.state))
          throw new DomainError('invalid-state', `Dossier ${dossierId} is ${row.state}; no evidence can be added to it.`, { phase: row.state });

        const all = await DossierRepository.evidence(tx, dossierId);
        assertRoomFor('evidence', dossierId, all.length);
        const supersededIds = new Set(all.map((r) => r.supersedes).filter(Boolean));
        const inForce = all.filter((r) => !supersededIds.has(r.id));
        let superseded: EvidenceRecord | undefined;
        if (p.supersedes) {
          superseded = all.find((r) => r.id === p.supersedes);
          if (!superseded) throw DomainError.validation([{ field: 'supersedes', message: `${p.supersedes} is not an evidence record of this dossier` }]);
          if (superseded.kind !== p.kind)
            throw DomainError.validation([{ field: 'supersedes', message: `a ${p.kind} record can only supersede a ${p.kind} record, not a ${superseded.kind}` }]);
          if (p.kind === 'classificatie')
            throw DomainError.validation([{ field: 'supersedes', message: 'classification changes are not superseded; record a new classificatie' }]);
          if (!maySupersede(ownsIt ? 'owner' : 'ps-side', superseded))
            throw new AccessDenied(
              { actions: ['evidence.record'], dossierId, reason: 'supersede-not-ps-side' },
              'The griffie corrects PS-side evidence only: this record was not recorded on the PS side, so only the dossier\'s beleidsmedewerker may supersede it.',
              { reason: 'supersede-not-ps-side' },
              'De griffie corrigeert alleen vastleggingen van de kant van Provinciale Staten; deze vastlegging is dat niet, dus alleen de beleidsmedewerker van het dossier mag haar vervangen.',
            );
          if (supersededIds.has(superseded.id))
            throw new DomainError('evidence-conflict', `Evidence ${superseded.id} has already been superseded; supersede its latest correction.`, {
              evidenceId: superseded.id,
            });
        }
        const errors = crossChecks(p, inForce, today);
        if (errors.length) throw DomainError.validation(errors);

        const record: EvidenceRecord = {
          id: randomUUID(),
          dossierId,
          kind: p.kind,
          occurredOn: p.occurredOn,
          recordedAt: iso,
          recordedBy: actor.id,
          supersedes: p.supersedes,
          data: p.data,
        };
        await DossierRepository.insertEvidence(tx, record);
        const ref = { id: row.workflowId, version: row.workflowVersion };
        let projected = row;
        if (p.kind === 'classificatie') {
          const history = all.filter((r) => r.kind === 'classificatie') as EvidenceRecord<'classificatie'>[];
          const before = mergeClassification(history);
          const after = mergeClassification([...history, record as EvidenceRecord<'classificatie'>]);
          await DossierRepository.update(tx, dossierId, { strategisch: after.strategisch, besluitvormer: after.besluitvormer, updatedAt: iso });
          await this.audit.append(tx, {
            actor, action: 'classification.changed', occurredAt: iso, dossierId, workflow: ref,
            payload: { evidence: record, before, after, reden: p.data.reden, phase: row.state },
          });
          projected = { ...row, strategisch: after.strategisch, besluitvormer: after.besluitvormer, updatedAt: iso };
        } else {
          await this.audit.append(tx, {
            actor, action: superseded ? 'evidence.superseded' : 'evidence.recorded', occurredAt: iso, dossierId, workflow: ref,
            payload: { evidence: record, ...(superseded ? { before: superseded } : {}), phase: row.state },
          });
        }
        // The records are in hand already: the new one sits at the next position, after all the others.
        await this.compliance.writeFromRecords(tx, projected, [...all, record], now);
        return { ...record, supersededBy: null };
      });
    } catch (e) {
      if (isUniqueViolation(e) && p.supersedes)
        throw new DomainError('evidence-conflict', `Evidence ${p.supersedes} has already been superseded.`, { evidenceId: p.supersedes });
      throw e;
    }
  }

  async list(dossierId: string, filter: { kind?: string; includeSuperseded?: boolean } = {}): Promise<EvidenceView[]> {
    return this.db.read(async (tx) => {
      if (!(await DossierRepository.exists(tx, dossierId))) throw DomainError.notFound('Dossier', dossierId);
      const all = await DossierRepository.evidence(tx, dossierId);
      const supersededBy = new Map(all.filter((r) => r.supersedes).map((r) => [r.supersedes!, r.id]));
      return all
        .map((r) => ({ ...r, supersededBy: supersededBy.get(r.id) ?? null }))
        .filter((r) => (filter.kind ? r.kind === filter.kind : true))
        .filter((r) => filter.includeSuperseded !== false || r.supersededBy === null);
    });
  }
}

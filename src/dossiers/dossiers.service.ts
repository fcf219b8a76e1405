import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeelnameRegel, deelnameOverzicht } from '../../workflows/drenthe-verbindend-besturen/2025/deelname';
import { Besluitvormer, Besluittype, ClassificatieData, DossierState, EvidenceRecord, Herkomst, InstrumentType } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { DEFAULT_WORKFLOW_ID, WorkflowRegistry } from '../../workflows/registry';
import { AuditService } from '../audit';
import { may } from '../auth';
import { AccessDenied, ActorContext, Clock, DomainError } from '../common';
import { ComplianceProjector } from './compliance-projection/compliance.projector';
import { Db, Tx } from '../database';
import { versionConflict } from './dossier-command';
import { loadDossierFacts, LoadedDossier } from './dossier-facts';
import { DossierRow, DossierRepository } from './dossier.repository';
import { loadNames, UserRepository } from '../users';
import { dossierSummary, DossierView, peopleOf, toDossierView } from './dossier.view';

/** The dossier view for `caller`, with the people it mentions by name. */
export async function renderDossier(tx: Tx, loaded: LoadedDossier, caller: ActorContext | null): Promise<DossierView> {
  return toDossierView(loaded, { caller, names: await loadNames(tx, peopleOf(loaded)) });
}

export interface CreateDossierCommand {
  title: string;
  strategisch: boolean;
  strategischMotivatie?: string;
  besluitvormer: Besluitvormer;
  besluittype?: Besluittype;
  instrumentType?: InstrumentType;
  herkomst?: Herkomst;
  herkomstBron?: string;
  assigneeId?: string;
  workflow?: { id: string; version: string };
}

export interface ListDossiersQuery {
  phase?: DossierState;
  strategisch?: boolean;
  besluitvormer?: Besluitvormer;
  assigneeId?: string;
  q?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class DossiersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ComplianceProjector) private readonly compliance: ComplianceProjector,
  ) {}

  /**
   * Insert a dossier with its first classification record and audit event. Used by create and NEW_CYCLE; the
   * caller stores the compliance projection once the dossier is complete (NEW_CYCLE adds the lessons first).
   */
  async insertDossier(
    tx: Tx,
    actor: ActorContext,
    cmd: CreateDossierCommand & { previousDossierId?: string },
    now: Date,
  ): Promise<DossierRow> {
    const workflow = cmd.workflow ? this.registry.get(cmd.workflow) : this.registry.latestActive(DEFAULT_WORKFLOW_ID);
    if (!workflow) throw DomainError.validation([{ field: 'workflow', message: `unknown workflow ${cmd.workflow?.id}@${cmd.workflow?.version}` }]);
    const def = workflow.definition;
    const iso = now.toISOString();
    const today = amsterdamDate(now);
    const row: DossierRow = {
      id: randomUUID(),
      title: cmd.title.trim(),
      workflowId: def.id,
      workflowVersion: def.version,
      state: def.phases[0],
      version: 1,
      enteredPhaseOn: today,
      enteredPhaseAt: iso,
      strategisch: cmd.strategisch,
      besluitvormer: cmd.besluitvormer,
      assigneeId: cmd.assigneeId ?? (actor.roles.includes('beleidsmedewerker') ? actor.id : null),
      createdBy: actor.id,
      createdAt: iso,
      updatedAt: iso,
      previousDossierId: cmd.previousDossierId ?? null,
      followUpDossierId: null,
    };
    if (row.assigneeId) {
      const assignee = await UserRepository.find(tx, row.assigneeId);
      if (!assignee?.roles.includes('beleidsmedewerker'))
        throw DomainError.validation([{ field: 'assigneeId', message: 'must be the id of a user with role beleidsmedewerker' }]);
    }
    await DossierRepository.insert(tx, row);
    const classification: ClassificatieData = {
      strategisch: cmd.strategisch,
      besluitvormer: cmd.besluitvormer,
      reden: cmd.previousDossierId ? `Vervolg op dossier ${cmd.previousDossierId} (nieuwe cyclus)` : 'Classificatie bij aanmaken van het dossier',
    };
    if (cmd.strategischMotivatie) classification.strategischMotivatie = cmd.strategischMotivatie;
    if (cmd.besluittype) classification.besluittype = cmd.besluittype;
    if (cmd.instrumentType) classification.instrumentType = cmd.instrumentType;
    if (cmd.herkomst) classification.herkomst = cmd.herkomst;
    if (cmd.herkomstBron) classification.herkomstBron = cmd.herkomstBron;
    const evidenceId = randomUUID();
    await DossierRepository.insertEvidence(tx, {
      id: evidenceId,
      dossierId: row.id,
      kind: 'classificatie',
      occurredOn: today,
      recordedAt: iso,
      recordedBy: actor.id,
      supersedes: null,
      data: classification,
    });
    await this.audit.append(tx, {
      actor,
      action: 'dossier.created',
      occurredAt: iso,
      dossierId: row.id,
      workflow: { id: def.id, version: def.version },
      payload: { after: dossierSummary(row), classification: { evidenceId, ...classification } },
    });
    return row;
  }

  /**
   * NEW_CYCLE: the follow-up dossier of `loaded` (same title and classification, owned by the actor), linked both ways,
   * with the lessons (leerpunten) carried over, each an audit event of the follow-up, so its own trail rebuilds it.
   * The caller stores the compliance projection of both.
   */
  async startNextCycle(tx: Tx, actor: ActorContext, loaded: LoadedDossier, now: Date): Promise<DossierRow> {
    const { row, facts } = loaded;
    const iso = now.toISOString();
    const workflow = { id: row.workflowId, version: row.workflowVersion };
    const followUp = await this.insertDossier(
      tx,
      actor,
      {
        title: row.title,
        strategisch: facts.classification.strategisch ?? false,
        strategischMotivatie: facts.classification.strategischMotivatie ?? undefined,
        besluitvormer: facts.classification.besluitvormer ?? 'GS',
        besluittype: facts.classification.besluittype ?? undefined,
        instrumentType: facts.classification.instrumentType ?? undefined,
        herkomst: 'vorige-evaluatie',
        herkomstBron: `dossier ${row.id}`,
        assigneeId: actor.id,
        workflow,
        previousDossierId: row.id,
      },
      now,
    );
    await DossierRepository.update(tx, row.id, { followUpDossierId: followUp.id });
    for (const lesson of facts.lessons) {
      const carried: EvidenceRecord = {
        id: randomUUID(),
        dossierId: followUp.id,
        kind: 'leerpunten',
        occurredOn: lesson.occurredOn,
        recordedAt: iso,
        recordedBy: actor.id,
        supersedes: null,
        data: { ...lesson.data, overgenomenUit: lesson.id },
      };
      await DossierRepository.insertEvidence(tx, carried);
      await this.audit.append(tx, {
        actor, action: 'evidence.recorded', occurredAt: iso, dossierId: followUp.id, workflow,
        payload: { evidence: carried, phase: followUp.state, carriedFrom: { dossierId: row.id, evidenceId: lesson.id } },
      });
    }
    return followUp;
  }

  async create(actor: ActorContext, cmd: CreateDossierCommand): Promise<DossierView> {
    const now = this.clock.now();
    // Issue #12: assigning someone else at creation is assigning (the teamleider's cell), and checks what assigning checks.
    if (cmd.assigneeId !== undefined && cmd.assigneeId !== actor.id && !may(actor.roles, 'dossier.assign')) {
      throw new AccessDenied(
        { actions: ['dossier.assign'], reason: 'assign-at-creation' },
        'Only a teamleider assigns a dossier to someone else; leave out assigneeId to own the new dossier yourself.',
        { requiredActions: ['dossier.assign'] },
        'Alleen een teamleider wijst een dossier aan een ander toe; laat assigneeId weg om het nieuwe dossier zelf te behandelen.',
      );
    }
    // A new dossier starts under an active version only (a follow-up of NEW_CYCLE keeps its predecessor's version).
    if (cmd.workflow && this.registry.status(cmd.workflow) !== 'active') {
      const known = this.registry.get(cmd.workflow) !== undefined;
      const name = `${cmd.workflow.id}@${cmd.workflow.version}`;
      throw DomainError.validation([
        {
          field: 'workflow.version',
          message: known ? `${name} is retired: new dossiers start under an active version` : `${name} is not a workflow version of this service`,
          nl: known
            ? `Workflowversie ${name} is buiten gebruik: een nieuw dossier begint onder een actieve versie (zie GET /api/v1/workflows).`
            : `Workflowversie ${name} bestaat niet in deze dienst (zie GET /api/v1/workflows).`,
        },
      ]);
    }
    return this.db.transaction(async (tx) => {
      if (cmd.assigneeId !== undefined) {
        const assignee = await UserRepository.find(tx, cmd.assigneeId);
        if (assignee?.disabledAt)
          throw DomainError.validation([{ field: 'assigneeId', message: 'must be the id of an active user with role beleidsmedewerker' }]);
      }
      const row = await this.insertDossier(tx, actor, cmd, now);
      const loaded = await loadDossierFacts(tx, this.registry, row.id, { now, actor });
      const view = await renderDossier(tx, loaded, actor);
      // The view's evaluation is the dossier's (its owner's), so it is the projection's too.
      await this.compliance.write(tx, loaded, view.next);
      return view;
    });
  }

  /**
   * The griffie's view of a dossier's participation per activity (issue #16, PS role "bewaken representativiteit"): how
   * participants were recruited, who was reached per target group against who was meant to be, and when they heard
   * what was done with their input. Computed from the facts with the same helpers as the 2025 rules.
   */
  async deelname(actor: ActorContext, id: string): Promise<DeelnameRegel[]> {
    const now = this.clock.now();
    return this.db.read(async (tx) => deelnameOverzicht((await loadDossierFacts(tx, this.registry, id, { now, actor })).facts));
  }

  async get(actor: ActorContext, id: string): Promise<DossierView> {
    const now = this.clock.now();
    return this.db.read(async (tx) => renderDossier(tx, await loadDossierFacts(tx, this.registry, id, { now, actor }), actor));
  }

  async list(query: ListDossiersQuery): Promise<{ items: ReturnType<typeof dossierSummary>[]; total: number; limit: number; offset: number }> {
    const { rows, total } = await this.db.read((tx) =>
      DossierRepository.list(tx, {
        state: query.phase,
        strategisch: query.strategisch,
        besluitvormer: query.besluitvormer,
        assigneeId: query.assigneeId,
        titleContains: query.q,
        limit: query.limit,
        offset: query.offset,
      }),
    );
    return { items: rows.map(dossierSummary), total, limit: query.limit, offset: query.offset };
  }

  /** A teamleider assigns a dossier to a beleidsmedewerker (optimistic: `expectedVersion`). */
  async assign(actor: ActorContext, id: string, assigneeId: string, expectedVersion: number): Promise<DossierView> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const loaded = await loadDossierFacts(tx, this.registry, id, { now, actor, open: { expectedVersion } });
      const assignee = await UserRepository.find(tx, assigneeId);
      if (!assignee || assignee.disabledAt || !assignee.roles.includes('beleidsmedewerker'))
        throw DomainError.validation([{ field: 'assigneeId', message: 'must be the id of an active user with role beleidsmedewerker' }]);
      if (!(await DossierRepository.assign(tx, id, assigneeId, expectedVersion, now.toISOString()))) throw versionConflict(id, expectedVersion, null);
      await this.audit.append(tx, {
        actor,
        action: 'dossier.assigned',
        occurredAt: now.toISOString(),
        dossierId: id,
        workflow: { id: loaded.row.workflowId, version: loaded.row.workflowVersion },
        payload: { before: { assigneeId: loaded.row.assigneeId, version: expectedVersion }, after: { assigneeId, version: expectedVersion + 1 } },
      });
      const after = await loadDossierFacts(tx, this.registry, id, { now, actor });
      const view = await renderDossier(tx, after, actor);
      // The evaluation is the new owner's whoever assigns (X-01 against the assignee): the projection reuses it.
      await this.compliance.write(tx, after, view.next);
      return view;
    });
  }
}

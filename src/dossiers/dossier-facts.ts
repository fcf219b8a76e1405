import { EvidenceRecord } from '../../workflows/evidence';
import { DossierEventType, DossierFacts, projectFacts } from '../../workflows/facts';
import { RegisteredWorkflow, WorkflowRegistry } from '../../workflows/registry';
import { ActorContext } from '../common';
import { Tx } from '../database';
import { findDossier, openDossier, Opening } from './dossier-command';
import { DossierRow, DossierRepository, toWaiverFact, WaiverRow } from './dossier.repository';

export interface LoadedDossier {
  row: DossierRow;
  workflow: RegisteredWorkflow;
  evidence: EvidenceRecord[];
  waivers: WaiverRow[];
  facts: DossierFacts;
}

type Attempting = { now: Date; actor: ActorContext | null; event?: DossierEventType; reason?: string };

/** The facts of a dossier from its row, evidence and waivers (with `actor`, as an attempt of `event` by them). */
function project(row: DossierRow, workflow: RegisteredWorkflow, evidence: EvidenceRecord[], waivers: WaiverRow[], opts: Attempting): LoadedDossier {
  const facts = projectFacts({
    dossier: { id: row.id, state: row.state, enteredPhaseOn: row.enteredPhaseOn, assigneeId: row.assigneeId },
    evidence,
    waivers: waivers.map(toWaiverFact),
    now: opts.now.toISOString(),
    attempt: opts.actor ? { event: opts.event ?? 'ADVANCE', actor: { id: opts.actor.id, roles: opts.actor.roles }, reason: opts.reason } : null,
    settings: workflow.definition.settings,
  });
  return { row, workflow, evidence, waivers, facts };
}

/**
 * Load a dossier and project its evidence into facts, inside the caller's transaction (`open` for a command: the
 * opening of every command, see openDossier). The same projection serves the preview (GET) and the transition, so
 * both see the same facts.
 */
export async function loadDossierFacts(tx: Tx, registry: WorkflowRegistry, id: string, opts: Attempting & { open?: Opening }): Promise<LoadedDossier> {
  const row = opts.open ? await openDossier(tx, id, opts.actor, opts.open) : await findDossier(tx, id);
  const [evidence, waivers] = await Promise.all([DossierRepository.evidence(tx, id), DossierRepository.waivers(tx, id)]);
  return projectDossier(registry, row, evidence, waivers, opts);
}

/** The facts of a dossier read already (several at once, by a bulk move), under the rules of its workflow version. */
export function projectDossier(registry: WorkflowRegistry, row: DossierRow, evidence: EvidenceRecord[], waivers: WaiverRow[], opts: Attempting): LoadedDossier {
  const workflow = registry.get({ id: row.workflowId, version: row.workflowVersion });
  if (!workflow) throw new Error(`Dossier ${row.id} runs under unknown workflow ${row.workflowId}@${row.workflowVersion}`);
  return project(row, workflow, evidence, waivers, opts);
}

/**
 * The dossier after a write that changed only its row and waivers (a transition): the facts projected again from what is
 * in hand, not read again, with no attempt.
 */
export function afterChange(loaded: LoadedDossier, changes: { row: Partial<DossierRow>; waivers?: WaiverRow[] }, now: Date): LoadedDossier {
  return project({ ...loaded.row, ...changes.row }, loaded.workflow, loaded.evidence, changes.waivers ?? loaded.waivers, { now, actor: null });
}

import { DossierEventType, DossierFacts, projectFacts } from '../../workflows/facts';
import { RegisteredWorkflow, WorkflowRegistry } from '../../workflows/registry';
import { ActorContext, DomainError } from '../common';
import { Tx } from '../database';
import { DossierRow, DossierStore, toWaiverFact, WaiverRow } from './dossier.store';

export interface LoadedDossier {
  row: DossierRow;
  workflow: RegisteredWorkflow;
  waivers: WaiverRow[];
  facts: DossierFacts;
}

/**
 * Load a dossier and project its evidence into facts, inside the caller's transaction (`lock` for a write). The same
 * projection serves the preview (GET) and the transition, so both see the same facts.
 */
export async function loadDossierFacts(
  tx: Tx,
  registry: WorkflowRegistry,
  id: string,
  opts: { now: Date; actor: ActorContext | null; event?: DossierEventType; reason?: string; lock?: boolean },
): Promise<LoadedDossier> {
  const row = opts.lock ? await DossierStore.lockDossier(tx, id) : await DossierStore.loadDossier(tx, id);
  if (!row) throw DomainError.notFound('Dossier', id);
  const workflow = registry.get({ id: row.workflow_id, version: row.workflow_version });
  if (!workflow) throw new Error(`Dossier ${id} runs under unknown workflow ${row.workflow_id}@${row.workflow_version}`);
  const [evidence, waivers] = await Promise.all([DossierStore.loadEvidence(tx, id), DossierStore.loadWaivers(tx, id)]);
  const facts = projectFacts({
    dossier: { id: row.id, state: row.state, enteredPhaseOn: row.entered_phase_on, assigneeId: row.assignee_id },
    evidence,
    waivers: waivers.map(toWaiverFact),
    now: opts.now.toISOString(),
    attempt: opts.actor ? { event: opts.event ?? 'ADVANCE', actor: { id: opts.actor.id, roles: opts.actor.roles }, reason: opts.reason } : null,
    settings: workflow.definition.settings,
  });
  return { row, workflow, waivers, facts };
}

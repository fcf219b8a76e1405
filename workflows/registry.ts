import { WorkflowDefinition, WorkflowRef } from './definition';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { DossierMachine } from './machine';

export interface RegisteredWorkflow {
  definition: WorkflowDefinition;
  machine: DossierMachine;
}

/**
 * `{ id, version }` → definition and machine. Holds several versions side by side: a dossier keeps the
 * rules it was created under until it is migrated explicitly.
 */
export class WorkflowRegistry {
  private readonly byKey = new Map<string, RegisteredWorkflow>();

  constructor(definitions: readonly WorkflowDefinition[]) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: WorkflowDefinition): void {
    const key = `${definition.id}@${definition.version}`;
    if (this.byKey.has(key)) throw new Error(`Workflow ${key} is already registered`);
    if (definition.machine.id !== key) throw new Error(`Workflow ${key} declares the machine of ${definition.machine.id}`);
    this.byKey.set(key, { definition, machine: definition.machine });
  }

  get(ref: WorkflowRef): RegisteredWorkflow | undefined {
    return this.byKey.get(`${ref.id}@${ref.version}`);
  }

  /** The newest version of a workflow id (versions compare as strings: `2021` < `2025`). */
  latest(id: string): RegisteredWorkflow | undefined {
    return this.list()
      .filter((w) => w.definition.id === id)
      .sort((a, b) => (a.definition.version < b.definition.version ? 1 : -1))[0];
  }

  list(): RegisteredWorkflow[] {
    return [...this.byKey.values()];
  }
}

export const DEFAULT_WORKFLOW_ID = DRENTHE_2021.id;

export function defaultRegistry(): WorkflowRegistry {
  return new WorkflowRegistry([DRENTHE_2021]);
}

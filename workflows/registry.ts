import { WorkflowDefinition, WorkflowRef } from './definition';
import { DRENTHE_2025 } from './drenthe-verbindend-besturen/2025/workflow';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { DossierMachine } from './machine';
import { compareVersions, refKey, WorkflowStatus, WorkflowVersionStatus } from './status';

export { compareVersions, refKey, WORKFLOW_STATUSES } from './status';
export type { WorkflowStatus, WorkflowVersionStatus } from './status';

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
  private readonly statuses = new Map<string, WorkflowStatus>();

  /**
   * `statuses`: the deployment's setting (config `workflows.versions`); without it every version is active. A status
   * for a version that is not among `definitions` is an error naming it.
   */
  constructor(definitions: readonly WorkflowDefinition[], statuses?: readonly WorkflowVersionStatus[]) {
    for (const definition of definitions) this.register(definition, statuses ? 'retired' : 'active');
    for (const s of statuses ?? []) {
      if (!this.byKey.has(refKey(s)))
        throw new Error(`workflows.versions: ${refKey(s)} is not a workflow version of this release (known: ${[...this.byKey.keys()].join(', ')})`);
      this.statuses.set(refKey(s), s.status);
    }
  }

  register(definition: WorkflowDefinition, status: WorkflowStatus = 'active'): void {
    const key = refKey(definition);
    if (this.byKey.has(key)) throw new Error(`Workflow ${key} is already registered`);
    if (definition.machine.id !== key) throw new Error(`Workflow ${key} declares the machine of ${definition.machine.id}`);
    this.byKey.set(key, { definition, machine: definition.machine });
    this.statuses.set(key, status);
  }

  /** The deployment's status of a registered version (undefined for an unknown one). */
  status(ref: WorkflowRef): WorkflowStatus | undefined {
    return this.byKey.has(refKey(ref)) ? (this.statuses.get(refKey(ref)) ?? 'retired') : undefined;
  }

  /** The newest active version of a workflow id: where new dossiers start. */
  latestActive(id: string): RegisteredWorkflow | undefined {
    return this.versionsOf(id)
      .filter((w) => this.status(w.definition) === 'active')
      .at(-1);
  }

  /** Every registered version of a workflow id, oldest first. */
  versionsOf(id: string): RegisteredWorkflow[] {
    return this.list()
      .filter((w) => w.definition.id === id)
      .sort((a, b) => compareVersions(a.definition.version, b.definition.version));
  }

  get(ref: WorkflowRef): RegisteredWorkflow | undefined {
    return this.byKey.get(`${ref.id}@${ref.version}`);
  }

  /** The newest version of a workflow id, active or not (numeric parts compare as numbers: 2025.9 < 2025.10). */
  latest(id: string): RegisteredWorkflow | undefined {
    return this.versionsOf(id).at(-1);
  }

  list(): RegisteredWorkflow[] {
    return [...this.byKey.values()];
  }
}

export const DEFAULT_WORKFLOW_ID = DRENTHE_2021.id;

/** Every workflow version of this release, 2021 and 2025; `statuses` as configured (`workflows.versions`), else all active. */
export function defaultRegistry(statuses?: readonly WorkflowVersionStatus[]): WorkflowRegistry {
  return new WorkflowRegistry([DRENTHE_2021, DRENTHE_2025], statuses);
}

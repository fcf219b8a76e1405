import { WorkflowRef } from './definition';

/**
 * What a deployment lets a version do (config `workflows.versions`, docs/workflow-versions.md): `active` — new
 * dossiers may start under it and running ones may move to it; `retired` — its dossiers keep running under it, nothing
 * new starts or moves there. A version the configuration does not name is `retired`: a new version is offered only
 * once the deployment says so.
 */
export const WORKFLOW_STATUSES = ['active', 'retired'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export interface WorkflowVersionStatus extends WorkflowRef {
  status: WorkflowStatus;
}

export const refKey = (ref: WorkflowRef): string => `${ref.id}@${ref.version}`;

/** Order of two versions of one workflow: numbers compare as numbers (`2021` < `2025` < `2025.1`). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Planned versus realised participation (domain-brief §10.1 view 5). The computation lives in the rule set
 * (`workflows/participation.ts`) because G3-05 ("doe wat je zegt") answers from the same lines: the view and the
 * guard cannot disagree about a dossier (issue #11).
 */
export { compareParticipation } from '../../../workflows/participation';
export type { ParticipationComparison, PlanLine, PlanLineStatus, UnplannedActivity } from '../../../workflows/participation';

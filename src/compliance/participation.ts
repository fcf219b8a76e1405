/**
 * Planned versus realised participation (domain-brief §10.1 view 5): what the participatieparagraaf planned per phase
 * and target group — a level on the seed's ladder and the instruments — against the activities recorded. Pure.
 */
import { ActiviteitData, EvidenceRecord, NIVEAUS, Niveau, ParticipatieparagraafPlan, PhaseId } from '../../workflows/evidence';
import { DossierFacts } from '../../workflows/facts';
import { phaseOrder } from './compliance-settings';

/**
 * - `realised`: an activity carried out in that phase reached the planned level / used the planned instrument;
 * - `lower-level`: activities for that target group were carried out, but below the planned level;
 * - `scheduled`: only activities still `gepland`;
 * - `cancelled`: only cancelled activities (with or without a reason: see `gap`);
 * - `missing`: nothing recorded.
 */
export type PlanLineStatus = 'realised' | 'lower-level' | 'scheduled' | 'cancelled' | 'missing';

export interface PlanLine {
  kind: 'level' | 'instrument';
  fase: PhaseId;
  doelgroep: string | null;
  /** The planned level (kind `level`) or instrument id (kind `instrument`). */
  planned: string;
  status: PlanLineStatus;
  /** The phase lies behind the dossier (or the dossier is closed): the plan should have been carried out by now. */
  due: boolean;
  /** Due and not realised; a cancellation with a reason is not a gap ("doe wat je zegt", G3-05). */
  gap: boolean;
  activityIds: string[];
}

export interface UnplannedActivity {
  activityId: string;
  instrumentId: string;
  fase: PhaseId;
  niveau: Niveau | null;
  doelgroepen: string[];
}

export interface ParticipationComparison {
  /** The document whose participatieparagraaf is the plan (the latest in force), or null when none is recorded. */
  planSourceId: string | null;
  planSourceType: string | null;
  lines: PlanLine[];
  /** Activities carried out that no plan line asked for. */
  unplanned: UnplannedActivity[];
  planned: number;
  realised: number;
  gaps: number;
}

type Activity = EvidenceRecord<'activiteit'> & { data: ActiviteitData };

const rank = (n: Niveau | undefined): number => (n ? NIVEAUS.indexOf(n) : -1);
const norm = (s: string): string => s.trim().toLocaleLowerCase('nl');

function statusOf(matches: Activity[], reached: (a: Activity) => boolean): PlanLineStatus {
  const done = matches.filter((a) => a.data.status === 'uitgevoerd');
  if (done.some(reached)) return 'realised';
  if (done.length) return 'lower-level';
  if (matches.some((a) => a.data.status === 'gepland')) return 'scheduled';
  if (matches.length) return 'cancelled';
  return 'missing';
}

/** Compare the latest participatieparagraaf in force with the activities of the dossier. */
export function compareParticipation(f: DossierFacts): ParticipationComparison {
  const source = f.documents.filter((d) => d.data.participatieparagraaf).at(-1);
  const plan: ParticipatieparagraafPlan = source?.data.participatieparagraaf ?? {};
  const activities = f.activities as Activity[];
  const current = phaseOrder(f.state);
  const isDue = (fase: PhaseId) => f.state !== 'ingetrokken' && phaseOrder(fase) < current;
  const used = new Set<string>();
  const lines: PlanLine[] = [];

  const line = (kind: PlanLine['kind'], fase: PhaseId, doelgroep: string | null, planned: string, matches: Activity[], reached: (a: Activity) => boolean) => {
    const status = statusOf(matches, reached);
    const due = isDue(fase);
    const cancelledWithReason = status === 'cancelled' && matches.every((a) => a.data.status !== 'geannuleerd' || Boolean(a.data.annuleringsreden?.trim()));
    for (const a of matches) if (a.data.status === 'uitgevoerd') used.add(a.id);
    lines.push({ kind, fase, doelgroep, planned, status, due, gap: due && status !== 'realised' && !cancelledWithReason, activityIds: matches.map((a) => a.id) });
  };

  for (const n of plan.niveaus ?? []) {
    const group = norm(n.doelgroep);
    const matches = activities.filter((a) => a.data.fase === n.fase && a.data.doelgroepen.some((g) => norm(g) === group));
    line('level', n.fase, n.doelgroep, n.niveau, matches, (a) => rank(a.data.niveau) >= rank(n.niveau));
  }
  for (const i of plan.instrumenten ?? []) {
    const matches = activities.filter((a) => a.data.fase === i.fase && a.data.instrumentId === i.instrumentId);
    line('instrument', i.fase, i.doelgroep ?? null, i.instrumentId, matches, () => true);
  }
  const unplanned = activities
    .filter((a) => a.data.status === 'uitgevoerd' && !used.has(a.id))
    .map((a) => ({ activityId: a.id, instrumentId: a.data.instrumentId, fase: a.data.fase, niveau: a.data.niveau ?? null, doelgroepen: a.data.doelgroepen }));
  return {
    planSourceId: source?.id ?? null,
    planSourceType: source?.data.documentType ?? null,
    lines,
    unplanned,
    planned: lines.length,
    realised: lines.filter((l) => l.status === 'realised').length,
    gaps: lines.filter((l) => l.gap).length,
  };
}

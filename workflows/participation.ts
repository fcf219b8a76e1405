/**
 * Planned versus realised participation: what the participatieparagraaf planned per phase and target group — a
 * level on the seed's ladder and the instruments — against the activities recorded. Pure.
 *
 * One computation answers both "doe wat je zegt" (G3-05, for phases 2–3) and the griffie's planned-versus-realised
 * view (`/compliance/participation`, domain-brief §10.1 view 5), so the two can never disagree (issue #11).
 */
import { ActiviteitData, DossierState, EvidenceRecord, FINAL_STATES, NIVEAUS, Niveau, ParticipatieparagraafPlan, PHASE_IDS, PhaseId } from './evidence';
import { DossierFacts } from './facts';

/**
 * - `realised`: an activity carried out in that phase reached the planned level / used the planned instrument;
 * - `lower-level`: activities for that target group were carried out, but below the planned level;
 * - `scheduled`: only activities still `gepland`;
 * - `cancelled`: only cancelled activities (with or without a reason: see `settled`);
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
  /** Due and not settled. */
  gap: boolean;
  activityIds: string[];
}

/** A plan line as the rules read it: also whether nothing is left to do, whether or not the phase is due yet. */
export interface AssessedPlanLine extends PlanLine {
  /** Realised, or cancelled with a reason for every cancellation ("doe wat je zegt", G3-05). */
  settled: boolean;
}

export interface UnplannedActivity {
  activityId: string;
  instrumentId: string;
  fase: PhaseId;
  niveau: Niveau | null;
  doelgroepen: string[];
}

export interface ParticipationComparison {
  /** The document whose participatieparagraaf is the plan (the latest in force with content), or null when none is recorded. */
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

/** The position of a state: the six phases 1–6, then afgesloten and ingetrokken. */
export function statePosition(state: DossierState): number {
  const i = (PHASE_IDS as readonly string[]).indexOf(state);
  if (i >= 0) return i + 1;
  return PHASE_IDS.length + 1 + (FINAL_STATES as readonly string[]).indexOf(state);
}

const rank = (n: Niveau | undefined): number => (n ? NIVEAUS.indexOf(n) : -1);
const norm = (s: string): string => s.trim().toLocaleLowerCase('nl');
const hasText = (s: string | undefined | null): s is string => typeof s === 'string' && s.trim() !== '';


/**
 * A participatieparagraaf (plan) that says something: a filled text, a named target group, a level for a named
 * target group, or a named instrument. `{doel: ""}` or a level with an empty target group is no paragraph
 * (issue #11); G2-01, G2-02, G3-01 and the planned-versus-realised view all use this one test.
 */
export function paragraphHasContent(p: ParticipatieparagraafPlan | undefined | null): p is ParticipatieparagraafPlan {
  if (!p) return false;
  const texts = [p.doel, p.ruimteVoorInvloed, p.planning, p.terugkoppeling, p.informatievindplaats];
  if (texts.some((t) => hasText(t))) return true;
  if ((p.doelgroepen ?? []).some((g) => hasText(g))) return true;
  if ((p.niveaus ?? []).some((n) => hasText(n?.doelgroep) && hasText(n?.niveau) && hasText(n?.fase))) return true;
  return (p.instrumenten ?? []).some((i) => hasText(i?.instrumentId) && hasText(i?.fase));
}

function statusOf(matches: Activity[], reached: (a: Activity) => boolean): PlanLineStatus {
  const done = matches.filter((a) => a.data.status === 'uitgevoerd');
  if (done.some(reached)) return 'realised';
  if (done.length) return 'lower-level';
  if (matches.some((a) => a.data.status === 'gepland')) return 'scheduled';
  if (matches.length) return 'cancelled';
  return 'missing';
}

/** The document whose participatieparagraaf is the plan: the latest in force that says something. */
export function planSource(f: DossierFacts): DossierFacts['documents'][number] | undefined {
  return f.documents.filter((d) => paragraphHasContent(d.data.participatieparagraaf)).at(-1);
}

/** Compare the latest participatieparagraaf in force with the activities of the dossier (the griffie's view). */
export function compareParticipation(f: DossierFacts): ParticipationComparison {
  const a = assessParticipation(f);
  return { ...a, lines: a.lines.map(({ settled: _settled, ...line }) => line) };
}

/** The one computation behind both G3-05 and the view: every plan line, with `settled`. */
export function assessParticipation(f: DossierFacts): Omit<ParticipationComparison, 'lines'> & { lines: AssessedPlanLine[] } {
  const source = planSource(f);
  const plan = source?.data.participatieparagraaf ?? {};
  const activities = f.activities as Activity[];
  const current = statePosition(f.state);
  const isDue = (fase: PhaseId) => f.state !== 'ingetrokken' && statePosition(fase) < current;
  const used = new Set<string>();
  const lines: AssessedPlanLine[] = [];

  const line = (kind: PlanLine['kind'], fase: PhaseId, doelgroep: string | null, planned: string, matches: Activity[], reached: (a: Activity) => boolean) => {
    const status = statusOf(matches, reached);
    const due = isDue(fase);
    // `cancelled` means every match was cancelled (statusOf); each needs its reason.
    const cancelledWithReason = status === 'cancelled' && matches.every((a) => hasText(a.data.annuleringsreden));
    const settled = status === 'realised' || cancelledWithReason;
    // A matched activity is planned, whatever its status (`unplanned` lists only carried-out ones).
    for (const a of matches) used.add(a.id);
    lines.push({ kind, fase, doelgroep, planned, status, settled, due, gap: due && !settled, activityIds: matches.map((a) => a.id) });
  };

  // Entries without a target group, level, instrument or phase plan nothing (issue #11: an empty target group is no plan).
  for (const n of (plan.niveaus ?? []).filter((x) => hasText(x?.doelgroep) && hasText(x?.niveau) && hasText(x?.fase))) {
    const group = norm(n.doelgroep);
    const matches = activities.filter((a) => a.data.fase === n.fase && a.data.doelgroepen.some((g) => norm(g) === group));
    line('level', n.fase, n.doelgroep, n.niveau, matches, (a) => rank(a.data.niveau) >= rank(n.niveau));
  }
  for (const i of (plan.instrumenten ?? []).filter((x) => hasText(x?.instrumentId) && hasText(x?.fase))) {
    const matches = activities.filter((a) => a.data.fase === i.fase && a.data.instrumentId === i.instrumentId);
    line('instrument', i.fase, hasText(i.doelgroep) ? i.doelgroep : null, i.instrumentId, matches, () => true);
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

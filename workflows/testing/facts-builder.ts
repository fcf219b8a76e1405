/**
 * Builders for requirement and machine specs: a dossier's facts from a few evidence records,
 * through the same `projectFacts` the service uses, so a spec exercises the real projection.
 */
import { DossierState, EvidenceDataByKind, EvidenceKind, EvidenceRecord } from '../evidence';
import { Attempt, DossierFacts, projectFacts, RuleSettings, WaiverFact } from '../facts';

export const TEST_SETTINGS: RuleSettings = { announcementLeadDays: 14, backdatingFlagDays: 30 };
export const TEST_NOW = '2026-06-15T10:00:00.000Z';

let counter = 0;

/** One evidence record; `occurredOn` defaults to the day before TEST_NOW. */
export function rec<K extends EvidenceKind>(
  kind: K,
  data: EvidenceDataByKind[K],
  opts: { id?: string; occurredOn?: string; recordedAt?: string; supersedes?: string } = {},
): EvidenceRecord<K> {
  counter += 1;
  return {
    id: opts.id ?? `ev-${kind}-${counter}`,
    dossierId: 'd-1',
    kind,
    occurredOn: opts.occurredOn ?? '2026-06-14',
    recordedAt: opts.recordedAt ?? new Date(Date.parse('2026-06-14T08:00:00.000Z') + counter * 1000).toISOString(),
    recordedBy: 'u-1',
    supersedes: opts.supersedes ?? null,
    data,
  };
}

export interface FactsOptions {
  state?: DossierState;
  now?: string;
  enteredPhaseOn?: string;
  assigneeId?: string | null;
  waivers?: WaiverFact[];
  attempt?: Attempt | null;
  settings?: Partial<RuleSettings>;
}

/** Facts of dossier `d-1` holding exactly these records. */
export function factsWith(evidence: EvidenceRecord[], opts: FactsOptions = {}): DossierFacts {
  return projectFacts({
    dossier: {
      id: 'd-1',
      state: opts.state ?? 'voorfase-agendasetting',
      enteredPhaseOn: opts.enteredPhaseOn ?? '2026-01-05',
      assigneeId: opts.assigneeId === undefined ? 'u-1' : opts.assigneeId,
    },
    evidence,
    waivers: opts.waivers ?? [],
    now: opts.now ?? TEST_NOW,
    attempt:
      opts.attempt === undefined ? { event: 'ADVANCE', actor: { id: 'u-1', roles: ['beleidsmedewerker'] } } : opts.attempt,
    settings: { ...TEST_SETTINGS, ...opts.settings },
  });
}

/**
 * Issue #16, "How we will know": the same dossiers under 2021 and 2025, and every difference between the two
 * evaluations is one the migration report announced — no more, no fewer — on the seeded portfolio of the 2025 specs.
 */
import { DRENTHE_2025 } from './drenthe-verbindend-besturen/2025/workflow';
import { NEW_IN_2025 } from './drenthe-verbindend-besturen/2025/requirements';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { previewEvents, shownStatus } from './engine';
import { FINAL_STATES } from './evidence';
import { WorkflowDefinition } from './definition';
import { DossierFacts } from './facts';
import { migrationRefusal, migrationReport } from './migration';
import { portfolio, portfolioFacts } from './testing/portfolio';

const DOSSIERS = portfolio(240).filter((d) => !(FINAL_STATES as readonly string[]).includes(d.state));
const NEW_IDS = new Set(Object.values(NEW_IN_2025).flatMap((rs) => rs.map((r) => r.id)));

const statuses = (def: WorkflowDefinition, f: DossierFacts) =>
  new Map(previewEvents(def, { ...f, settings: def.settings }).flatMap((p) => p.decision.evaluations.map((e) => [`${p.event}:${e.id}`, shownStatus(p.decision, e)] as const)));

describe('moving the portfolio from 2021 to 2025', () => {
  const runs = DOSSIERS.map((d) => {
    const facts = portfolioFacts(d);
    return { d, facts, report: migrationReport(DRENTHE_2021, DRENTHE_2025, facts, d.evidence) };
  });

  it('may move every running dossier (2025 knows every phase)', () => {
    expect(DOSSIERS.length).toBeGreaterThan(100);
    for (const { d } of runs) expect(migrationRefusal(DRENTHE_2021, DRENTHE_2025, 'active', d.state, { id: DRENTHE_2025.id, version: '2025' })).toBeNull();
  });

  it('announces exactly the requirements whose evaluation differs, per event', () => {
    for (const { facts, report } of runs) {
      const before = statuses(DRENTHE_2021, facts);
      const after = statuses(DRENTHE_2025, facts);
      const differing = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
      expect(report.requirements.map((c) => `${c.event}:${c.id}`).sort()).toEqual(differing);
    }
  });

  it('adds only the requirements new in 2025, drops none and changes no 2021 rule (they carried over unchanged)', () => {
    const changes = runs.flatMap((r) => r.report.requirements);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.change).toBe('added');
      expect(NEW_IDS.has(c.id)).toBe(true);
    }
  });

  it('says whether each dossier can still advance, as the two versions decide it', () => {
    for (const { facts, report } of runs) {
      const advance = (def: WorkflowDefinition) => previewEvents(def, { ...facts, settings: def.settings }).find((p) => p.event === 'ADVANCE');
      expect(report.canAdvance).toEqual({ before: advance(DRENTHE_2021)?.allowed ?? false, after: advance(DRENTHE_2025)?.allowed ?? false });
      const newly = (advance(DRENTHE_2025)?.blocking ?? []).filter((id) => !(advance(DRENTHE_2021)?.blocking ?? []).includes(id));
      expect(report.newlyBlocking).toEqual(newly);
    }
    // The portfolio shows both: dossiers the move would stop, and dossiers it changes nothing for.
    expect(runs.some((r) => r.report.newlyBlocking.length > 0)).toBe(true);
    expect(runs.some((r) => !r.report.summary.changed)).toBe(true);
  });

  it('lists an evidence record as read differently exactly when a new requirement rests on it', () => {
    for (const { report } of runs) {
      for (const e of report.evidence) {
        const added = e.after.filter((a) => !e.before.some((b) => b.requirementId === a.requirementId && b.status === a.status));
        expect(added.length + e.before.filter((b) => !e.after.some((a) => a.requirementId === b.requirementId && a.status === b.status)).length).toBeGreaterThan(0);
        for (const a of added) expect(NEW_IDS.has(a.requirementId)).toBe(true);
      }
    }
  });
});

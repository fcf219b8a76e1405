/**
 * The report of moving a dossier to another version (issue #16): every difference between the two versions' readings
 * of the same dossier is announced, and nothing else; and the moves that are not allowed are refused with the field.
 */
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { previewEvents, shownStatus } from './engine';
import { migrationRefusal, migrationReport } from './migration';
import { factsWith, rec } from './testing/facts-builder';
import { NEXT_VERSION_CHANGES, nextVersionOf, versionWithoutPhase } from './testing/next-version';

const NEXT = nextVersionOf(DRENTHE_2021);
const ref = (version: string) => ({ id: DRENTHE_2021.id, version });

const classified = rec('classificatie', { reden: 'intake', strategisch: true, besluitvormer: 'PS' }, { id: 'c-1' });
const inventory = rec('document', { documentType: 'stakeholderinventarisatie', titel: 'Wie raakt het?' } as never, { id: 'd-inv' });

describe('migrationReport', () => {
  const facts = factsWith([classified, inventory]);
  const report = migrationReport(DRENTHE_2021, NEXT, facts, [classified, inventory]);

  it('names the requirements of ADVANCE the new version adds, drops and changes', () => {
    const advance = report.requirements.filter((r) => r.event === 'ADVANCE');
    expect(advance.filter((r) => r.change === 'added').map((r) => r.id)).toEqual([...NEXT_VERSION_CHANGES.added]);
    expect(advance.filter((r) => r.change === 'removed').map((r) => r.id)).toEqual([...NEXT_VERSION_CHANGES.removed]);
    expect(advance.find((r) => r.id === 'G1-03')).toMatchObject({ before: { severity: 'hard', waivable: true }, after: { severity: 'advisory', waivable: false } });
    expect(advance.find((r) => r.id === 'G1-91')).toMatchObject({ change: 'added', before: null, after: { severity: 'hard', status: 'unsatisfied' } });
    expect(report.summary).toMatchObject({ added: 2, removed: 1, changed: true });
  });

  it('says whether the dossier can still advance, and what would newly block it', () => {
    expect(report.newlyBlocking).toEqual(['G1-91']);
    expect(report.canAdvance.after).toBe(false);
    expect(report.advance.after?.blocking).toContain('G1-91');
    expect(report.advance.before?.blocking).not.toContain('G1-91');
  });

  it('lists the evidence the new version reads differently: the inventory nobody reads any more, the classification G1-90 reads', () => {
    const byId = Object.fromEntries(report.evidence.map((e) => [e.evidenceId, e]));
    expect(byId['d-inv']).toMatchObject({ kind: 'document', before: [{ requirementId: 'G1-07', status: 'satisfied' }], after: [] });
    expect(byId['c-1'].after).toContainEqual({ requirementId: 'G1-90', status: 'satisfied' });
    expect(byId['c-1'].before).not.toContainEqual(expect.objectContaining({ requirementId: 'G1-90' }));
  });

  it('announces every difference between the two evaluations, and nothing else (portfolio of phases and records)', () => {
    const portfolios = [
      factsWith([]),
      factsWith([classified]),
      factsWith([classified, inventory]),
      factsWith([classified], { state: 'voorbereiding-beleid' }),
      factsWith([classified, inventory], { state: 'controle-evaluatie' }),
    ];
    for (const f of portfolios) {
      const r = migrationReport(DRENTHE_2021, NEXT, f);
      const status = (def: typeof NEXT) =>
        new Map(previewEvents(def, { ...f, settings: def.settings }).flatMap((p) => p.decision.evaluations.map((e) => [`${p.event}:${e.id}`, shownStatus(p.decision, e)] as const)));
      const before = status(DRENTHE_2021);
      const after = status(NEXT);
      const differing = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
      const announced = r.requirements.filter((c) => c.change !== 'rule-changed').map((c) => `${c.event}:${c.id}`).sort();
      expect(announced).toEqual(differing);
    }
  });

  it('reports no change when the versions agree', () => {
    const same = migrationReport(DRENTHE_2021, { ...DRENTHE_2021, version: '2022' }, facts);
    expect(same.requirements).toEqual([]);
    expect(same.evidence).toEqual([]);
    expect(same.summary.changed).toBe(false);
  });
});

describe('migrationRefusal', () => {
  it('allows a move forward, to an active version that knows the phase', () => {
    expect(migrationRefusal(DRENTHE_2021, NEXT, 'active', 'voorfase-agendasetting', ref('2099'))).toBeNull();
  });

  it('refuses an unknown target, the same version, a move backwards, a retired target, a final state, a phase the target does not know', () => {
    const kind = (...args: Parameters<typeof migrationRefusal>) => migrationRefusal(...args)?.kind;
    expect(kind(DRENTHE_2021, undefined, undefined, 'voorfase-agendasetting', ref('2030'))).toBe('unknown-target');
    expect(kind(DRENTHE_2021, DRENTHE_2021, 'active', 'voorfase-agendasetting', ref('2021'))).toBe('same-version');
    expect(kind(NEXT, DRENTHE_2021, 'active', 'voorfase-agendasetting', ref('2021'))).toBe('backwards');
    expect(kind(DRENTHE_2021, NEXT, 'retired', 'voorfase-agendasetting', ref('2099'))).toBe('target-retired');
    expect(kind(DRENTHE_2021, NEXT, 'active', 'afgesloten', ref('2099'))).toBe('final-state');
    const short = versionWithoutPhase(DRENTHE_2021, 'voorfase-agendasetting');
    expect(kind(DRENTHE_2021, short, 'active', 'voorfase-agendasetting', ref('2100'))).toBe('phase-unknown');
    expect(kind(DRENTHE_2021, short, 'active', 'uitvoering', ref('2100'))).toBeUndefined();
    const r = migrationRefusal(NEXT, DRENTHE_2021, 'active', 'uitvoering', ref('2021'))!;
    expect(r.field).toBe('targetVersion');
    expect(r.nl).toMatch(/ouder/);
  });

  it('orders versions as numbers: 2025.10 is newer than 2025.9', () => {
    expect(migrationRefusal({ ...NEXT, version: '2025.9' }, { ...NEXT, version: '2025.10' }, 'active', 'uitvoering', ref('2025.10'))).toBeNull();
  });
});

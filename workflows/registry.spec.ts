/**
 * The workflow registry: `{ id, version }` → definition and machine, several versions side by side, and a
 * dossier pinned to the version it was created under keeps that version's rules (product.md, "Workflow").
 */
import { WorkflowDefinition } from './definition';
import { DRENTHE_2025 as REAL_2025 } from './drenthe-verbindend-besturen/2025/workflow';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { attemptTransition, DossierAttempt } from './engine';
import { dossierMachine } from './machine';
import { DEFAULT_WORKFLOW_ID, defaultRegistry, RegisteredWorkflow, WorkflowRegistry } from './registry';
import { factsWith, rec } from './testing/facts-builder';

const ID = 'drenthe-verbindend-besturen';

/** Another workflow id, with a higher version. */
const ELDERS: WorkflowDefinition = { ...DRENTHE_2021, id: 'elders', version: '2030', machine: dossierMachine('elders', '2030') };

/** 2025: the same kader, but G1-01 (herkomst recorded) becomes advisory — comply or explain instead of a waiver. */
const DRENTHE_2025: WorkflowDefinition = {
  ...DRENTHE_2021,
  version: '2025',
  requirements: DRENTHE_2021.requirements.map((r) => (r.id === 'G1-01' ? { ...r, severity: 'advisory' as const } : r)),
  machine: dossierMachine(DRENTHE_2021.id, '2025'),
};

/**
 * ADVANCE out of voorfase-agendasetting with everything of T1 in order except G1-01 (no herkomst), and an
 * explanation for G1-01 and each advisory rule.
 */
function advanceWithoutHerkomst(): DossierAttempt {
  return {
    type: 'ADVANCE',
    facts: factsWith([
      rec('classificatie', {
        reden: 'intake',
        strategisch: true,
        strategischMotivatie: 'raakt de hele provincie',
        besluitvormer: 'PS',
        besluittype: 'beleidsregel',
        instrumentType: 'none',
      }),
    ]),
    explanations: { 'G1-01': 'herkomst wordt nog uitgezocht', 'G1-05': 'volgt', 'G1-06': 'volgt', 'G1-07': 'volgt' },
  };
}

const run = (w: RegisteredWorkflow | undefined) => {
  if (!w) throw new Error('workflow not registered');
  return attemptTransition(w.definition, advanceWithoutHerkomst());
};

describe('WorkflowRegistry', () => {
  it('the default registry holds drenthe-verbindend-besturen@2021 and @2025, each with its machine', () => {
    const registry = defaultRegistry();
    expect(DEFAULT_WORKFLOW_ID).toBe(ID);
    expect(registry.list().map((w) => `${w.definition.id}@${w.definition.version}`)).toEqual([`${ID}@2021`, `${ID}@2025`]);
    const w = registry.get({ id: ID, version: '2021' });
    expect(w?.definition).toBe(DRENTHE_2021);
    expect(w?.machine.id).toBe(`${ID}@2021`);
    expect(registry.get({ id: ID, version: '2025' })?.definition).toBe(REAL_2025);
    expect(registry.latest(ID)?.definition.version).toBe('2025');
  });

  it('gives each version the configured status: new dossiers start under the newest active one; a version not named is retired', () => {
    expect(defaultRegistry().latestActive(ID)?.definition.version).toBe('2025'); // without configuration: all active
    const pinned = defaultRegistry([{ id: ID, version: '2021', status: 'active' }]);
    expect([pinned.status({ id: ID, version: '2021' }), pinned.status({ id: ID, version: '2025' })]).toEqual(['active', 'retired']);
    expect(pinned.latestActive(ID)?.definition.version).toBe('2021');
    const both = defaultRegistry([
      { id: ID, version: '2021', status: 'retired' },
      { id: ID, version: '2025', status: 'active' },
    ]);
    expect(both.latestActive(ID)?.definition.version).toBe('2025');
    expect(both.status({ id: ID, version: '2019' })).toBeUndefined();
    expect(() => defaultRegistry([{ id: ID, version: '2030', status: 'active' }])).toThrow(/workflows.versions: drenthe-verbindend-besturen@2030 is not a workflow version/);
    expect(() => defaultRegistry([{ id: ID, version: '2030', status: 'active' }])).toThrow(`(known: ${ID}@2021, ${ID}@2025)`);
  });

  it('answers undefined for an unknown version or id', () => {
    const registry = defaultRegistry();
    expect(registry.get({ id: ID, version: '2019' })).toBeUndefined();
    expect(registry.get({ id: 'elders', version: '2021' })).toBeUndefined();
    expect(registry.latest('elders')).toBeUndefined();
  });

  describe('with a second version registered', () => {
    const registry = new WorkflowRegistry([DRENTHE_2021]);
    registry.register(DRENTHE_2025);

    it('keeps both, and get() returns each with its own machine', () => {
      expect(registry.list().map((w) => w.definition.version)).toEqual(['2021', '2025']);
      const v2021 = registry.get({ id: ID, version: '2021' });
      const v2025 = registry.get({ id: ID, version: '2025' });
      expect(v2021?.definition).toBe(DRENTHE_2021);
      expect(v2025?.definition).toBe(DRENTHE_2025);
      expect(v2021?.machine.id).toBe(`${ID}@2021`);
      expect(v2025?.machine.id).toBe(`${ID}@2025`);
      expect(v2025?.machine).not.toBe(v2021?.machine);
    });

    it('latest() returns 2025, whatever the order of registration', () => {
      expect(registry.latest(ID)?.definition.version).toBe('2025');
      const reversed = new WorkflowRegistry([DRENTHE_2025, DRENTHE_2021]);
      expect(reversed.latest(ID)?.definition.version).toBe('2025');
    });

    it('latest() compares the versions of that workflow id only', () => {
      const mixed = new WorkflowRegistry([DRENTHE_2021, ELDERS, DRENTHE_2025]);
      expect(mixed.latest(ID)?.definition).toBe(DRENTHE_2025);
      expect(mixed.latest('elders')?.definition).toBe(ELDERS);
    });

    it('the changed requirement differs only in severity', () => {
      const g2021 = DRENTHE_2021.requirements.find((r) => r.id === 'G1-01');
      const g2025 = DRENTHE_2025.requirements.find((r) => r.id === 'G1-01');
      expect([g2021?.severity, g2025?.severity]).toEqual(['hard', 'advisory']);
      expect(DRENTHE_2025.requirements.filter((r, i) => r !== DRENTHE_2021.requirements[i]).map((r) => r.id)).toEqual(['G1-01']);
    });

    it('a dossier pinned to 2021 still needs a waiver for G1-01: an explanation is not enough', () => {
      const out = run(registry.get({ id: ID, version: '2021' }));
      expect(out.outcome).toBe('refused');
      if (out.outcome === 'not-accepted') throw new Error('unexpected');
      expect(out.decision.unmet.map((u) => [u.id, u.severity, u.blockReason])).toEqual([['G1-01', 'hard', 'waiver-required']]);
    });

    it('the same dossier under 2025 advances on the explanation', () => {
      const out = run(registry.get({ id: ID, version: '2025' }));
      expect(out).toMatchObject({ outcome: 'done', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid' });
      if (out.outcome === 'not-accepted') throw new Error('unexpected');
      expect(out.decision.explained['G1-01']).toBe('herkomst wordt nog uitgezocht');
    });

    it('registering 2025 did not change the 2021 definition', () => {
      expect(DRENTHE_2021.version).toBe('2021');
      expect(DRENTHE_2021.requirements.find((r) => r.id === 'G1-01')?.severity).toBe('hard');
    });
  });

  describe('versionsOf and latestActive, one fact per row', () => {
    const v = (version: string, id = ID): WorkflowDefinition => ({ ...DRENTHE_2021, id, version, machine: dossierMachine(id, version) });

    it.each<[string, WorkflowDefinition[], string, string[]]>([
      ['oldest first, whatever the order of registration', [v('2025'), v('2021')], ID, ['2021', '2025']],
      ['only the versions of that workflow id', [v('2021'), v('2030', 'elders'), v('2025')], ID, ['2021', '2025']],
      ['the versions of the other id', [v('2021'), v('2030', 'elders'), v('2025')], 'elders', ['2030']],
      ['versions compare as numbers: 2025.9 before 2025.10', [v('2025.10'), v('2025.9')], ID, ['2025.9', '2025.10']],
      ['none for an id nothing is registered under', [v('2021')], 'elders', []],
    ])('versionsOf: %s', (_name, definitions, id, versions) => {
      expect(new WorkflowRegistry(definitions).versionsOf(id).map((w) => w.definition.version)).toEqual(versions);
    });

    it.each<[string, WorkflowDefinition[], string | undefined]>([
      ['the newest, also when registered first', [v('2025'), v('2021')], '2025'],
      ['the newest of that workflow id, not a newer version of another id', [v('2021'), v('2030', 'elders')], '2021'],
      ['the newest as a number: 2025.10 after 2025.9', [v('2025.9'), v('2025.10')], '2025.10'],
      ['none when the id has no version', [v('2030', 'elders')], undefined],
    ])('latestActive (every version active): %s', (_name, definitions, version) => {
      expect(new WorkflowRegistry(definitions).latestActive(ID)?.definition.version).toBe(version);
    });

    it.each<[string, WorkflowDefinition[], string | undefined]>([
      ['the newest as a number: 2025.10 after 2025.9 (not as text)', [v('2025.9'), v('2025.10')], '2025.10'],
      ['the newest of that workflow id only', [v('2021'), v('2030', 'elders')], '2021'],
      ['none when the id has no version', [v('2030', 'elders')], undefined],
    ])('latest: %s', (_name, definitions, version) => {
      expect(new WorkflowRegistry(definitions).latest(ID)?.definition.version).toBe(version);
    });

    it('latest: the newest version, also when it is retired; latestActive: the newest active one', () => {
      const registry = new WorkflowRegistry([v('2021'), v('2025')], [
        { id: ID, version: '2021', status: 'active' },
        { id: ID, version: '2025', status: 'retired' },
      ]);
      expect(registry.latest(ID)?.definition.version).toBe('2025');
      expect(registry.latestActive(ID)?.definition.version).toBe('2021');
    });
  });

  it('refuses to register the same id@version twice', () => {
    const registry = new WorkflowRegistry([DRENTHE_2021]);
    expect(() => registry.register({ ...DRENTHE_2021 })).toThrow(`Workflow ${ID}@2021 is already registered`);
    expect(() => new WorkflowRegistry([DRENTHE_2025, DRENTHE_2025])).toThrow(/already registered/);
    // A version that declares another version's machine is refused too.
    expect(() => registry.register({ ...DRENTHE_2021, version: '2025' })).toThrow(
      `Workflow ${ID}@2025 declares the machine of ${ID}@2021`,
    );
    // The refused registrations left the registry as they found it.
    expect(registry.list()).toHaveLength(1);
    expect(registry.get({ id: ID, version: '2021' })?.definition).toBe(DRENTHE_2021);
  });
});

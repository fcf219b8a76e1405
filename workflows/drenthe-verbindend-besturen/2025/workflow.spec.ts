import { WorkflowRegistry } from '../../registry';
import { TRANSITION_KEYS } from '../../requirement';
import { REQUIREMENTS } from '../requirements';
import { DRENTHE_2021 } from '../workflow';
import { DRENTHE_2025 } from './workflow';
import { NEW_IN_2025, REQUIREMENTS_2025 } from './requirements';

const NEW_IDS = ['G2-51', 'G2-52', 'G3-51', 'G3-52', 'G4-51', 'G4-52', 'G5-51', 'G6-51', 'G6-52', 'G6-53', 'G6-54'];

describe('drenthe-verbindend-besturen@2025', () => {
  it('is the same workflow id in version 2025, citing the beleidskader', () => {
    expect(DRENTHE_2025.id).toBe('drenthe-verbindend-besturen');
    expect(DRENTHE_2025.version).toBe('2025');
    expect(DRENTHE_2025.source).toContain('https://zoek.officielebekendmakingen.nl/prb-2025-21786.html');
    expect(DRENTHE_2025.title.nl).toContain('Blijvend in verbinding');
  });

  it('keeps 2021’s phases, machine structure and settings', () => {
    expect(DRENTHE_2025.phases).toBe(DRENTHE_2021.phases);
    expect(DRENTHE_2025.machine.id).toBe('drenthe-verbindend-besturen@2025');
    expect(DRENTHE_2025.machine.config.states).toEqual(DRENTHE_2021.machine.config.states);
    expect(DRENTHE_2025.advanceGuardedBy).toBe(DRENTHE_2021.advanceGuardedBy);
    expect(DRENTHE_2025.settings).toBe(DRENTHE_2021.settings);
  });

  it('carries every 2021 requirement over as the same object, and adds the 2025 ones', () => {
    expect(DRENTHE_2025.requirements).toBe(REQUIREMENTS_2025);
    for (const r of REQUIREMENTS) expect(REQUIREMENTS_2025).toContain(r);
    const added = REQUIREMENTS_2025.filter((r) => !REQUIREMENTS.includes(r));
    expect(added.map((r) => r.id).sort()).toEqual(NEW_IDS);
    expect(REQUIREMENTS_2025).toHaveLength(REQUIREMENTS.length + NEW_IDS.length);
  });

  it('orders the rules per transition: 2021’s first, then the new ones', () => {
    const keys = REQUIREMENTS_2025.map((r) => TRANSITION_KEYS.indexOf(r.transition));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    for (const key of TRANSITION_KEYS) {
      const onKey = REQUIREMENTS_2025.filter((r) => r.transition === key);
      const old = onKey.filter((r) => REQUIREMENTS.includes(r));
      expect(onKey).toEqual([...old, ...NEW_IN_2025[key]]);
      for (const r of NEW_IN_2025[key]) expect(r.transition).toBe(key);
    }
  });

  it('marks every new id as 2025: the 5x range, "(2025)" in the label, and ids the transition API accepts', () => {
    for (const r of REQUIREMENTS_2025.filter((x) => !REQUIREMENTS.includes(x))) {
      expect(r.id).toMatch(/^G[1-6]-5\d$/);
      expect(r.label.nl).toMatch(/\(2025\)$/);
      expect(r.label.en).toMatch(/\(2025\)$/);
      expect(r.origin.basis).toMatch(/https:\/\//);
      expect(r.rule.length).toBeGreaterThan(20);
      if (r.appliesWhen.test.length > 0 || r.appliesWhen.description.en !== 'always applies') expect(r.appliesWhen.whyNot).toBeDefined();
    }
    expect(new Set(REQUIREMENTS_2025.map((r) => r.id)).size).toBe(REQUIREMENTS_2025.length);
  });

  it('sits in a registry beside 2021: both versions resolve, and the newest is 2025', () => {
    const registry = new WorkflowRegistry([DRENTHE_2021, DRENTHE_2025]);
    expect(registry.get({ id: 'drenthe-verbindend-besturen', version: '2021' })?.definition).toBe(DRENTHE_2021);
    expect(registry.get({ id: 'drenthe-verbindend-besturen', version: '2025' })?.definition).toBe(DRENTHE_2025);
    expect(registry.list().map((w) => w.definition.version).sort()).toEqual(['2021', '2025']);
    expect(registry.latest('drenthe-verbindend-besturen')?.definition).toBe(DRENTHE_2025);
    expect(registry.get({ id: 'drenthe-verbindend-besturen', version: '2025' })?.machine.id).toBe('drenthe-verbindend-besturen@2025');
  });
});

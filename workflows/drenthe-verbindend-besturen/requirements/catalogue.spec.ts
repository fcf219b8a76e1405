/**
 * The rule set as a whole against domain-brief §8: the 52 ids in brief order, severities, the waivable
 * set, origins, seed quotes (checked against the seed text itself) and robustness on an empty dossier.
 */
import * as fs from 'fs';
import * as path from 'path';
import { always, evaluateRequirements, TransitionKey } from '../../requirement';
import { factsWith } from '../../testing/facts-builder';
import { REQUIREMENTS, REQUIREMENTS_BY_TRANSITION, requirementById } from './index';

/** domain-brief §8, in brief order. */
const EXPECTED_IDS = [
  'X-01', 'X-02', 'X-03', 'X-04', 'X-05',
  'G1-01', 'G1-02', 'G1-03', 'G1-04', 'G1-05', 'G1-06', 'G1-07',
  'G2-01', 'G2-02', 'G2-03', 'G2-04', 'G2-05', 'G2-06', 'G2-07', 'G2-08', 'G2-09', 'G2-10',
  'G3-01', 'G3-02', 'G3-03', 'G3-04', 'G3-05', 'G3-06', 'G3-07',
  'G4-01', 'G4-02', 'G4-03', 'G4-04', 'G4-05', 'G4-06', 'G4-07', 'G4-08', 'G4-09', 'G4-10', 'G4-11', 'G4-12',
  'G5-01', 'G5-02', 'G5-03', 'G5-04',
  'G6-01', 'G6-02', 'G6-03', 'G6-04', 'G6-05', 'G6-06', 'G6-07',
];

/** domain-brief §8 design note: the hard guards that X-04 may waive. */
const EXPECTED_WAIVABLE = ['G1-01', 'G1-03', 'G2-01', 'G2-03', 'G3-01', 'G4-07', 'G6-01', 'G6-03'];

/** The seed text; the repository checkout sits next to `shared/` (in CI too). */
/** The seed as the province wrote it, kept with the workflow definition it is the source of. */
const SEED_PATH = path.resolve(__dirname, '../seed/kader-verbindend-besturen-drenthe.txt');

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const transitionOf = (id: string): TransitionKey => {
  if (id.startsWith('X-')) return 'X';
  const m = /^G([1-6])-\d{2}$/.exec(id);
  if (!m) throw new Error(`Requirement id ${id} does not follow the X-nn / Gn-nn pattern of domain-brief §8`);
  return `T${m[1]}` as TransitionKey;
};

describe('rule set catalogue (domain-brief §8)', () => {
  it('has exactly the 52 ids of the brief, in brief order, without duplicates', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    expect(EXPECTED_IDS).toHaveLength(52);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(EXPECTED_IDS);
  });

  it('has 25 hard and 27 advisory requirements', () => {
    const hard = REQUIREMENTS.filter((r) => r.severity === 'hard').map((r) => r.id);
    const advisory = REQUIREMENTS.filter((r) => r.severity === 'advisory').map((r) => r.id);
    expect({ hard: hard.length, advisory: advisory.length }).toEqual({ hard: 25, advisory: 27 });
  });

  it('lets X-04 waive exactly G1-01, G1-03, G2-01, G2-03, G3-01, G4-07, G6-01 and G6-03', () => {
    const waivable = REQUIREMENTS.filter((r) => r.waivable).map((r) => r.id);
    expect(waivable.sort()).toEqual([...EXPECTED_WAIVABLE].sort());
    for (const r of REQUIREMENTS.filter((x) => x.waivable)) expect(`${r.id}:${r.severity}`).toBe(`${r.id}:hard`);
  });

  it('never makes a law-derived requirement waivable', () => {
    const offenders = REQUIREMENTS.filter((r) => r.origin.kind === 'law' && r.waivable).map((r) => r.id);
    expect(offenders).toEqual([]);
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r] as const))('%s has labels, a rule and an origin basis', (_id, r) => {
    expect(r.label.nl.trim()).not.toBe('');
    expect(r.label.en.trim()).not.toBe('');
    expect(r.rule.trim()).not.toBe('');
    expect(r.origin.basis.trim()).not.toBe('');
    expect(r.origin.label.trim()).not.toBe('');
    expect(r.appliesWhen.description.nl.trim()).not.toBe('');
    expect(r.appliesWhen.description.en.trim()).not.toBe('');
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r] as const))('%s sits under the transition its id names', (id, r) => {
    expect(r.transition).toBe(transitionOf(id));
  });

  it.each(REQUIREMENTS.filter((r) => r.transition !== 'X').map((r) => [r.id, r] as const))(
    '%s guards ADVANCE (and NEW_CYCLE for T6)',
    (_id, r) => {
      expect([...r.events]).toEqual(r.transition === 'T6' ? ['ADVANCE', 'NEW_CYCLE'] : ['ADVANCE']);
    },
  );

  describe('seed quotes', () => {
    const seedRequirements = REQUIREMENTS.filter((r) => r.origin.kind === 'seed' || r.origin.seedQuote !== undefined);

    it.each(seedRequirements.map((r) => [r.id, r] as const))('%s quotes the seed verbatim', (id, r) => {
      if (!fs.existsSync(SEED_PATH)) {
        throw new Error(
          `The seed text is missing at ${SEED_PATH}; seed quotes cannot be checked. It belongs in workflows/drenthe-verbindend-besturen/seed/.`,
        );
      }
      const seed = collapse(fs.readFileSync(SEED_PATH, 'utf8'));
      const quote = r.origin.seedQuote;
      if (r.origin.kind === 'seed') expect({ id, hasSeedQuote: typeof quote === 'string' && quote.trim() !== '' }).toEqual({ id, hasSeedQuote: true });
      if (quote !== undefined) expect({ id, inSeed: seed.includes(collapse(quote)), quote }).toEqual({ id, inSeed: true, quote });
    });
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r] as const))(
    '%s evaluates on an empty dossier without throwing and explains itself in both languages',
    (_id, r) => {
      const facts = factsWith([]);
      let evaluation: ReturnType<typeof evaluateRequirements>[number] | undefined;
      expect(() => {
        [evaluation] = evaluateRequirements([r], facts);
      }).not.toThrow();
      expect(evaluation?.explanation.nl.trim()).toBeTruthy();
      expect(evaluation?.explanation.en.trim()).toBeTruthy();
    },
  );

  // Issue #11: a not-applicable text says why the rule does not apply to *this* dossier, true to its facts. The
  // condition under which a rule applies, read as the reason, states the opposite of the facts.
  const conditional = REQUIREMENTS.filter((r) => r.appliesWhen !== always);
  it.each(conditional.map((r) => [r.id, r] as const))('%s says, when not applicable, why — never its own condition', (_id, r) => {
    expect(typeof r.appliesWhen.whyNot).toBe('function');
    const [e] = evaluateRequirements([r], factsWith([], { attempt: null }));
    expect(e.status).toBe('not-applicable');
    expect(e.explanation.nl).toMatch(/^Niet van toepassing: \S/);
    expect(e.explanation.nl).not.toContain(r.appliesWhen.description.nl);
    expect(e.explanation.en).not.toContain(r.appliesWhen.description.en);
    expect(e.explanation.nl).toMatch(/\.$/);
  });

  it('writes legal citations in Dutch style in every origin basis (no "Pw 143(1)", "Awb 3:16", "Ob 10.7")', () => {
    const offenders = REQUIREMENTS.filter((r) => /\b(Pw|Awb|Ob|Ow) \d/.test(r.origin.basis)).map((r) => `${r.id}: ${r.origin.basis}`);
    expect(offenders).toEqual([]);
  });

  it('writes no doubled nouns or "(en)" plurals in the Dutch texts of an empty dossier', () => {
    for (const e of evaluateRequirements(REQUIREMENTS, factsWith([]))) {
      expect(e.explanation.nl).not.toMatch(/\b(\w+) \1\b/i);
      expect(e.explanation.nl).not.toMatch(/Alle 1 /);
    }
  });

  it('indexes every requirement by id and by transition', () => {
    for (const r of REQUIREMENTS) expect(requirementById(r.id)).toBe(r);
    expect(requirementById('G9-99')).toBeUndefined();
    const keys: TransitionKey[] = ['X', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'];
    expect(keys.flatMap((k) => REQUIREMENTS_BY_TRANSITION[k].map((r) => r.id))).toEqual(EXPECTED_IDS);
    for (const k of keys) for (const r of REQUIREMENTS_BY_TRANSITION[k]) expect(r.transition).toBe(k);
  });
});

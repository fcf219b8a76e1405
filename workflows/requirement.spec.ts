/**
 * The requirement model itself (issue #17): how a requirement's outcome becomes an evaluation, and comply or explain
 * (`decide`). One row per fact, on small hand-made requirements, so a wrong mapping cannot hide behind the rule set.
 */
import { WaiverFact } from './facts';
import {
  always,
  decide,
  evaluateRequirements,
  met,
  missing,
  notApplicableText,
  Requirement,
  RequirementEvaluation,
  Severity,
} from './requirement';
import { factsWith } from './testing/facts-builder';

const requirement = (over: Partial<Requirement> = {}): Requirement => ({
  id: 'T-01',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Testeis', en: 'Test requirement' },
  rule: 'A test rule.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'test basis', verified: false, note: 'not copied' },
  appliesWhen: always,
  check: () => met(['ev-1'], 'in orde', 'in order'),
  ...over,
});

const facts = factsWith([]);

describe('evaluateRequirements', () => {
  it('copies the metadata, and only kind, basis and verified of the origin', () => {
    const [e] = evaluateRequirements([requirement()], facts);
    expect(e).toEqual({
      id: 'T-01',
      transition: 'T1',
      severity: 'hard',
      waivable: false,
      label: { nl: 'Testeis', en: 'Test requirement' },
      origin: { kind: 'practice', basis: 'test basis', verified: false },
      status: 'satisfied',
      explanation: { nl: 'in orde', en: 'in order' },
      evidence: ['ev-1'],
    });
  });

  it.each([
    ['a met check is satisfied, with its evidence', met(['a'], 'ja', 'yes'), 'satisfied', ['a']],
    ['an unmet check is unsatisfied, with its evidence', missing('nee', 'no', ['b']), 'unsatisfied', ['b']],
    ['an unmet check without evidence rests on nothing', missing('nee', 'no'), 'unsatisfied', []],
  ] as const)('%s', (_name, result, status, evidence) => {
    const [e] = evaluateRequirements([requirement({ check: () => result })], facts);
    expect([e.status, e.evidence, e.explanation]).toEqual([status, evidence, result.explanation]);
  });

  it('does not check a requirement that does not apply: not-applicable, no evidence, the reason from whyNot', () => {
    const check = jest.fn(() => met(['x'], 'ja', 'yes'));
    const [e] = evaluateRequirements(
      [requirement({ check, appliesWhen: { description: { nl: 'iets geldt', en: 'something holds' }, test: () => false, whyNot: () => ({ nl: 'het geldt niet', en: 'it does not hold' }) } })],
      facts,
    );
    expect(check).not.toHaveBeenCalled();
    expect([e.status, e.evidence, e.explanation]).toEqual(['not-applicable', [], { nl: 'Niet van toepassing: het geldt niet.', en: 'Not applicable: it does not hold.' }]);
  });

  it('evaluates every requirement, in order', () => {
    const ids = evaluateRequirements([requirement({ id: 'A' }), requirement({ id: 'B' })], facts).map((e) => e.id);
    expect(ids).toEqual(['A', 'B']);
  });

  it('always applies, and says so', () => {
    expect(always.test(facts)).toBe(true);
    expect(always.description).toEqual({ nl: 'geldt altijd', en: 'always applies' });
  });
});

describe('notApplicableText', () => {
  it('without whyNot states the condition as a condition', () => {
    const r = requirement({ appliesWhen: { description: { nl: 'het onderwerp strategisch is', en: 'the topic is strategic' }, test: () => false } });
    expect(notApplicableText(r, facts)).toEqual({
      nl: 'Niet van toepassing: deze eis geldt alleen als het onderwerp strategisch is, en dat is bij dit dossier niet zo.',
      en: 'Not applicable: this requirement applies only when the topic is strategic, which is not the case for this dossier.',
    });
  });
});

describe('decide: comply or explain', () => {
  const evaluation = (id: string, severity: Severity, waivable: boolean, status: RequirementEvaluation['status'] = 'unsatisfied'): RequirementEvaluation => ({
    ...evaluateRequirements([requirement({ id, severity, waivable })], facts)[0],
    status,
  });
  const waiver = (requirementId: string, status: WaiverFact['status'], id = 'w-1'): WaiverFact => ({
    id,
    requirementId,
    reasonCode: 'spoed',
    motivation: 'm',
    requestedBy: 'u-1',
    approvedBy: 'u-2',
    status,
  });
  const reasons = (d: ReturnType<typeof decide>) => d.unmet.map((u) => `${u.id}:${u.blockReason}`);

  it.each([
    ['satisfied and not-applicable requirements never block', [evaluation('A', 'hard', false, 'satisfied'), evaluation('B', 'hard', false, 'not-applicable')], [], {}, [], true],
    ['an unmet hard requirement that cannot be waived blocks', [evaluation('A', 'hard', false)], [], {}, ['A:hard-unmet'], false],
    ['an unmet waivable requirement without a waiver asks for one', [evaluation('A', 'hard', true)], [], {}, ['A:waiver-required'], false],
    ['an approved waiver of the requirement lets it pass', [evaluation('A', 'hard', true)], [waiver('A', 'approved')], {}, [], true],
    ['a waiver that is only requested does not', [evaluation('A', 'hard', true)], [waiver('A', 'requested')], {}, ['A:waiver-required'], false],
    ['a waiver of another requirement does not', [evaluation('A', 'hard', true)], [waiver('B', 'approved')], {}, ['A:waiver-required'], false],
    ['a waiver never lets a non-waivable requirement pass', [evaluation('A', 'hard', false)], [waiver('A', 'approved')], {}, ['A:hard-unmet'], false],
    ['an unmet advisory requirement without an explanation asks for one', [evaluation('A', 'advisory', false)], [], {}, ['A:explanation-required'], false],
    ['an explanation of white space is no explanation', [evaluation('A', 'advisory', false)], [], { A: '   ' }, ['A:explanation-required'], false],
    ['an explanation of another requirement does not count', [evaluation('A', 'advisory', false)], [], { B: 'uitleg' }, ['A:explanation-required'], false],
    ['an explanation lets an advisory requirement pass', [evaluation('A', 'advisory', false)], [], { A: 'uitleg' }, [], true],
    ['an explanation never lets a hard requirement pass', [evaluation('A', 'hard', false)], [], { A: 'uitleg' }, ['A:hard-unmet'], false],
  ] as const)('%s', (_name, evaluations, waivers, explanations, unmet, allowed) => {
    const d = decide([...evaluations], { waivers: [...waivers] }, explanations);
    expect(reasons(d)).toEqual(unmet);
    expect(d.allowed).toBe(allowed);
  });

  it('records the explanations (trimmed) and the waivers used, and keeps the evaluations', () => {
    const evaluations = [evaluation('A', 'advisory', false), evaluation('B', 'hard', true), evaluation('C', 'hard', false, 'satisfied')];
    const d = decide(evaluations, { waivers: [waiver('B', 'rejected', 'w-0'), waiver('B', 'approved', 'w-9')] }, { A: '  Geen tijd  ' });
    expect(d).toEqual({ allowed: true, evaluations, unmet: [], explained: { A: 'Geen tijd' }, waived: { B: 'w-9' } });
  });

  it('without explanations given, asks for every advisory explanation', () => {
    expect(reasons(decide([evaluation('A', 'advisory', false)], { waivers: [] }))).toEqual(['A:explanation-required']);
  });

  it('an unmet requirement keeps its evaluation next to the reason it blocks', () => {
    const e = evaluation('A', 'hard', false);
    expect(decide([e], { waivers: [] }).unmet).toEqual([{ ...e, blockReason: 'hard-unmet' }]);
  });
});

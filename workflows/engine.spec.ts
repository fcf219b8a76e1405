/**
 * The pure decision core: which requirements guard an event (`requirementsFor`), comply-or-explain
 * (`decide` through `attemptTransition`), events a state does not accept, and the decision taken once, before the
 * machine, and carried on the event its guard reads.
 */
import { WorkflowDefinition } from './definition';
import { REQUIREMENTS, REQUIREMENTS_BY_TRANSITION } from './drenthe-verbindend-besturen/requirements';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { acceptedEvents, attemptTransition, decidedEvent, DossierAttempt, evaluateAttempt, NO_OWNER, ownerFacts, previewEvent, previewEvents, requirementsFor, shownStatus, targetOf } from './engine';
import { DossierState, PHASE_IDS, PhaseId } from './evidence';
import { DOSSIER_EVENTS, DossierEventType, DossierFacts, WaiverFact } from './facts';
import { always, CheckResult, decide, met, missing, Requirement, RequirementEvaluation, Severity, TransitionKey } from './requirement';
import { factsWith, FactsOptions, rec } from './testing/facts-builder';

const ids = (rs: readonly { id: string }[]): string[] => rs.map((r) => r.id);

/** ADVANCE out of the n-th phase is guarded by transition Tn of domain-brief §8. */
const PHASE_KEY: Record<PhaseId, TransitionKey> = {
  'voorfase-agendasetting': 'T1',
  'voorbereiding-beleid': 'T2',
  'ontwikkeling-voorstel': 'T3',
  'kaderstelling-besluitvorming': 'T4',
  uitvoering: 'T5',
  'controle-evaluatie': 'T6',
};

const X_FOR = (event: DossierEventType): string[] => ids(REQUIREMENTS_BY_TRANSITION.X.filter((r) => r.events.includes(event)));

describe('requirementsFor', () => {
  const xRules = REQUIREMENTS.filter((r) => r.transition === 'X');

  it('the rule set has the X rules of domain-brief §8, with the events each guards', () => {
    expect(xRules.map((r) => [r.id, [...r.events]])).toEqual([
      ['X-01', ['ADVANCE', 'RETURN', 'WITHDRAW', 'NEW_CYCLE']],
      ['X-02', ['ADVANCE', 'NEW_CYCLE']],
      ['X-03', ['ADVANCE', 'NEW_CYCLE']],
      ['X-04', ['ADVANCE', 'NEW_CYCLE']],
      ['X-05', ['RETURN']],
    ]);
  });

  describe.each(xRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const cases = PHASE_IDS.flatMap((state) => DOSSIER_EVENTS.map((event) => ({ state, event, listed: rule.events.includes(event) })));
    it.each(cases)('$state + $event: included = $listed', ({ state, event, listed }) => {
      const got = requirementsFor(DRENTHE_2021, state, event);
      if (listed) expect(got).toContain(rule);
      else expect(got).not.toContain(rule);
    });
  });

  it.each(PHASE_IDS)('RETURN from %s gets X-01 and X-05 only', (state) => {
    expect(ids(requirementsFor(DRENTHE_2021, state, 'RETURN'))).toEqual(['X-01', 'X-05']);
  });

  it.each(PHASE_IDS)('WITHDRAW from %s gets X-01 only', (state) => {
    expect(ids(requirementsFor(DRENTHE_2021, state, 'WITHDRAW'))).toEqual(['X-01']);
  });

  it('NEW_CYCLE from controle-evaluatie gets the X rules for NEW_CYCLE, then every T6 rule', () => {
    const t6 = REQUIREMENTS_BY_TRANSITION.T6;
    expect(ids(t6)).toEqual(['G6-01', 'G6-02', 'G6-03', 'G6-04', 'G6-05', 'G6-06', 'G6-07']);
    expect(ids(requirementsFor(DRENTHE_2021, 'controle-evaluatie', 'NEW_CYCLE'))).toEqual(['X-01', 'X-02', 'X-03', 'X-04', ...ids(t6)]);
  });

  it('NEW_CYCLE from controle-evaluatie is guarded like ADVANCE from there', () => {
    expect(requirementsFor(DRENTHE_2021, 'controle-evaluatie', 'NEW_CYCLE')).toEqual(requirementsFor(DRENTHE_2021, 'controle-evaluatie', 'ADVANCE'));
  });

  describe('a phase rule guards ADVANCE and NEW_CYCLE out of its phase, never RETURN or WITHDRAW, whatever events it lists', () => {
    const everyEvent: Requirement = { ...REQUIREMENTS_BY_TRANSITION.T1[0], id: 'T1-ALL', events: DOSSIER_EVENTS };
    const def: WorkflowDefinition = { ...DRENTHE_2021, requirements: [everyEvent] };
    it.each([
      { state: 'voorfase-agendasetting', event: 'ADVANCE', guarded: true },
      { state: 'voorfase-agendasetting', event: 'NEW_CYCLE', guarded: true },
      { state: 'voorfase-agendasetting', event: 'RETURN', guarded: false },
      { state: 'voorfase-agendasetting', event: 'WITHDRAW', guarded: false },
      { state: 'voorbereiding-beleid', event: 'ADVANCE', guarded: false },
      { state: 'afgesloten', event: 'ADVANCE', guarded: false },
    ] as const)('$state + $event: guarded = $guarded', ({ state, event, guarded }) => {
      expect(ids(requirementsFor(def, state, event))).toEqual(guarded ? ['T1-ALL'] : []);
    });
  });

  it.each(PHASE_IDS)('ADVANCE from %s gets exactly the X rules for ADVANCE, then its own T-key rules', (state) => {
    const got = requirementsFor(DRENTHE_2021, state, 'ADVANCE');
    const own = REQUIREMENTS.filter((r) => r.transition === PHASE_KEY[state]);
    expect(own.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual([...X_FOR('ADVANCE'), ...ids(own)]);
    expect(X_FOR('ADVANCE')).toEqual(['X-01', 'X-02', 'X-03', 'X-04']);
    // No other phase's rules leak in.
    expect(got.every((r) => r.transition === 'X' || r.transition === PHASE_KEY[state])).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Comply or explain, through attemptTransition on a definition whose rules the test controls.
// ---------------------------------------------------------------------------------------------

/** A T1 requirement guarding ADVANCE whose check is always met or always unmet. */
function rule(id: string, severity: Severity, waivable: boolean, check: (f: DossierFacts) => CheckResult = () => missing('ontbreekt', 'missing')): Requirement {
  return {
    id,
    transition: 'T1',
    events: ['ADVANCE'],
    label: { nl: id, en: id },
    rule: `test rule ${id}`,
    severity,
    waivable,
    origin: { kind: 'practice', label: 'test', basis: 'test', verified: true },
    appliesWhen: always,
    check,
  };
}

const definitionWith = (requirements: Requirement[]): WorkflowDefinition => ({ ...DRENTHE_2021, id: 'test-workflow', requirements });

function waiver(requirementId: string, status: WaiverFact['status'], id = `w-${requirementId}-${status}`): WaiverFact {
  return {
    id,
    requirementId,
    reasonCode: 'spoed',
    motivation: 'besluit moet voor de zomer',
    requestedBy: 'u-1',
    approvedBy: status === 'requested' ? null : 'u-9',
    status,
  };
}

function attempt(requirements: Requirement[], opts: { explanations?: Record<string, string>; waivers?: WaiverFact[]; type?: DossierEventType; facts?: FactsOptions } = {}) {
  const def = definitionWith(requirements);
  const event: DossierAttempt = {
    type: opts.type ?? 'ADVANCE',
    facts: factsWith([], { waivers: opts.waivers, ...opts.facts }),
    explanations: opts.explanations ?? {},
  };
  return attemptTransition(def, event);
}

/** The decision of an attempt that reached the guard. */
function decisionOf(outcome: ReturnType<typeof attemptTransition>) {
  if (outcome.outcome === 'not-accepted') throw new Error('expected the attempt to reach the guard');
  return outcome.decision;
}

describe('comply or explain (attemptTransition → decide)', () => {
  const advisory = rule('A-1', 'advisory', false);
  const hardWaivable = rule('H-W', 'hard', true);
  const hardFixed = rule('H-F', 'hard', false);

  it('passes when every requirement is met, without explanations or waivers', () => {
    const ok = rule('OK', 'hard', false, () => met(['ev-1'], 'in orde', 'fine'));
    const out = attempt([ok]);
    expect(out).toMatchObject({ outcome: 'done', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid' });
    expect(decisionOf(out)).toMatchObject({ allowed: true, unmet: [], explained: {}, waived: {} });
  });

  describe('an unmet advisory requirement', () => {
    it('blocks without an explanation', () => {
      const out = attempt([advisory]);
      expect(out).toMatchObject({ outcome: 'refused', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid' });
      expect(decisionOf(out).unmet.map((u) => [u.id, u.blockReason])).toEqual([['A-1', 'explanation-required']]);
    });

    it.each([
      ['empty', ''],
      ['spaces', '   '],
      ['tabs and newlines', '\t\n \r\n'],
      ['non-breaking space', '\u00a0\u2003'],
    ])('blocks with a whitespace-only explanation (%s)', (_name, text) => {
      const out = attempt([advisory], { explanations: { 'A-1': text } });
      expect(out.outcome).toBe('refused');
      expect(decisionOf(out).unmet.map((u) => u.blockReason)).toEqual(['explanation-required']);
      expect(decisionOf(out).explained).toEqual({});
    });

    it('blocks when the explanation is given for another requirement', () => {
      const out = attempt([advisory], { explanations: { 'A-2': 'wordt later gedaan' } });
      expect(out.outcome).toBe('refused');
    });

    it('is not passed by an approved waiver: advisory rules are explained, not waived', () => {
      const out = attempt([advisory], { waivers: [waiver('A-1', 'approved')] });
      expect(out.outcome).toBe('refused');
      expect(decisionOf(out).waived).toEqual({});
    });

    it('passes with a non-blank explanation, which is recorded trimmed', () => {
      const out = attempt([advisory], { explanations: { 'A-1': '  Geen budget voor een panel; volgt in fase 3.  ' } });
      expect(out).toMatchObject({ outcome: 'done', to: 'voorbereiding-beleid' });
      expect(decisionOf(out).explained).toEqual({ 'A-1': 'Geen budget voor een panel; volgt in fase 3.' });
      expect(decisionOf(out).unmet).toEqual([]);
    });
  });

  describe('an unmet hard waivable requirement', () => {
    it('blocks without a waiver', () => {
      const out = attempt([hardWaivable]);
      expect(out.outcome).toBe('refused');
      expect(decisionOf(out).unmet.map((u) => [u.id, u.blockReason])).toEqual([['H-W', 'waiver-required']]);
    });

    it('is not passed by an explanation', () => {
      const out = attempt([hardWaivable], { explanations: { 'H-W': 'het was druk' } });
      expect(out.outcome).toBe('refused');
      expect(decisionOf(out).explained).toEqual({});
    });

    it.each(['requested', 'used', 'rejected'] as const)('is not passed by a %s waiver', (status) => {
      const out = attempt([hardWaivable], { waivers: [waiver('H-W', status)] });
      expect(out.outcome).toBe('refused');
      expect(decisionOf(out).unmet.map((u) => u.blockReason)).toEqual(['waiver-required']);
      expect(decisionOf(out).waived).toEqual({});
    });

    it('is not passed by an approved waiver of another requirement', () => {
      const out = attempt([hardWaivable], { waivers: [waiver('H-X', 'approved')] });
      expect(out.outcome).toBe('refused');
    });

    it('passes with an approved waiver, whose id is recorded', () => {
      const out = attempt([hardWaivable], {
        waivers: [waiver('H-W', 'rejected', 'w-1'), waiver('H-W', 'used', 'w-2'), waiver('H-W', 'approved', 'w-3')],
      });
      expect(out).toMatchObject({ outcome: 'done', to: 'voorbereiding-beleid' });
      expect(decisionOf(out).waived).toEqual({ 'H-W': 'w-3' });
    });
  });

  describe('an unmet hard non-waivable requirement', () => {
    it('never passes: not with an explanation, not with an approved waiver naming it, not with both', () => {
      for (const opts of [
        {},
        { explanations: { 'H-F': 'wettelijk niet nodig volgens ons' } },
        { waivers: [waiver('H-F', 'approved')] },
        { explanations: { 'H-F': 'toch doorgaan' }, waivers: [waiver('H-F', 'approved'), waiver('H-F', 'used')] },
      ]) {
        const out = attempt([hardFixed], opts);
        expect(out.outcome).toBe('refused');
        expect(decisionOf(out).unmet.map((u) => [u.id, u.blockReason])).toEqual([['H-F', 'hard-unmet']]);
        expect(decisionOf(out)).toMatchObject({ allowed: false, explained: {}, waived: {} });
      }
    });
  });

  it('blocks on whatever is left when some are explained or waived', () => {
    const out = attempt([advisory, hardWaivable, hardFixed], {
      explanations: { 'A-1': 'volgt' },
      waivers: [waiver('H-W', 'approved', 'w-7')],
    });
    expect(out.outcome).toBe('refused');
    const d = decisionOf(out);
    expect(d.unmet.map((u) => u.id)).toEqual(['H-F']);
    expect(d.explained).toEqual({ 'A-1': 'volgt' });
    expect(d.waived).toEqual({ 'H-W': 'w-7' });
  });

  it('leaves not-applicable requirements out of the decision', () => {
    const na: Requirement = { ...hardFixed, appliesWhen: { description: { nl: 'nooit', en: 'never' }, test: () => false } };
    const out = attempt([na]);
    expect(out.outcome).toBe('done');
    expect(decisionOf(out).evaluations.map((e) => e.status)).toEqual(['not-applicable']);
  });

  it('decide() directly: the same rules on hand-made evaluations', () => {
    const evaluation = (id: string, severity: Severity, waivable: boolean): RequirementEvaluation => ({
      id,
      transition: 'T2',
      severity,
      waivable,
      status: 'unsatisfied',
      label: { nl: id, en: id },
      explanation: { nl: '', en: '' },
      origin: { kind: 'seed', basis: '', verified: true },
      evidence: [],
    });
    const evaluations = [evaluation('a', 'advisory', false), evaluation('w', 'hard', true), evaluation('f', 'hard', false)];
    const none = decide(evaluations, { waivers: [] });
    expect(none.unmet.map((u) => u.blockReason)).toEqual(['explanation-required', 'waiver-required', 'hard-unmet']);
    const all = decide(evaluations, { waivers: [waiver('w', 'approved', 'w-1'), waiver('f', 'approved', 'w-2')] }, { a: 'x', w: 'y', f: 'z' });
    expect(all.unmet.map((u) => u.id)).toEqual(['f']);
    expect(all).toMatchObject({ allowed: false, explained: { a: 'x' }, waived: { w: 'w-1' } });
  });
});

describe('comply or explain on the real rule set (T1)', () => {
  /** G1-04 (non-waivable) recorded; G1-01 and G1-03 (hard, waivable) not. */
  const g104Only = () =>
    rec('classificatie', { reden: 'intake', besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none' });
  const advisoryExplained = { 'G1-05': 'volgt', 'G1-06': 'volgt', 'G1-07': 'volgt' };
  const run = (evidence: ReturnType<typeof rec>[], waivers: WaiverFact[], explanations: Record<string, string>) =>
    attemptTransition(DRENTHE_2021, { type: 'ADVANCE', facts: factsWith(evidence, { waivers }), explanations });

  it('advances with approved waivers for G1-01 and G1-03 and the advisory ones explained', () => {
    const out = run([g104Only()], [waiver('G1-01', 'approved', 'w-1'), waiver('G1-03', 'approved', 'w-3')], advisoryExplained);
    expect(out).toMatchObject({ outcome: 'done', to: 'voorbereiding-beleid' });
    expect(decisionOf(out).waived).toEqual({ 'G1-01': 'w-1', 'G1-03': 'w-3' });
    expect(decisionOf(out).explained).toEqual(advisoryExplained);
  });

  it('is refused when the G1-03 waiver was already used', () => {
    const out = run([g104Only()], [waiver('G1-01', 'approved', 'w-1'), waiver('G1-03', 'used', 'w-3')], advisoryExplained);
    expect(out.outcome).toBe('refused');
    expect(decisionOf(out).unmet.map((u) => [u.id, u.blockReason])).toEqual([['G1-03', 'waiver-required']]);
  });

  it('is refused on G1-04 (data completeness) whatever waiver or explanation names it', () => {
    const out = run(
      [],
      [waiver('G1-01', 'approved', 'w-1'), waiver('G1-03', 'approved', 'w-3'), waiver('G1-04', 'approved', 'w-4')],
      { ...advisoryExplained, 'G1-04': 'vullen we later in' },
    );
    expect(out.outcome).toBe('refused');
    expect(decisionOf(out).unmet.map((u) => [u.id, u.blockReason])).toEqual([['G1-04', 'hard-unmet']]);
    // X-04 checked the waivers themselves and found them in order.
    expect(decisionOf(out).evaluations.find((e) => e.id === 'X-04')?.status).toBe('satisfied');
  });
});

describe('events a state does not accept', () => {
  const cases: Array<{ state: DossierState; type: DossierEventType; accepted: DossierEventType[] }> = [
    { state: 'voorfase-agendasetting', type: 'RETURN', accepted: ['ADVANCE', 'WITHDRAW'] },
    { state: 'voorfase-agendasetting', type: 'NEW_CYCLE', accepted: ['ADVANCE', 'WITHDRAW'] },
    { state: 'uitvoering', type: 'WITHDRAW', accepted: ['ADVANCE'] },
    { state: 'uitvoering', type: 'RETURN', accepted: ['ADVANCE'] },
    { state: 'controle-evaluatie', type: 'WITHDRAW', accepted: ['ADVANCE', 'NEW_CYCLE', 'RETURN'] },
    { state: 'afgesloten', type: 'ADVANCE', accepted: [] },
    { state: 'ingetrokken', type: 'RETURN', accepted: [] },
  ];

  it.each(cases)('$state + $type → not-accepted, accepted: $accepted', ({ state, type, accepted }) => {
    const out = attemptTransition(DRENTHE_2021, { type, facts: factsWith([], { state }), explanations: {} });
    expect(out).toEqual({ outcome: 'not-accepted', from: state, accepted });
    expect(targetOf(DRENTHE_2021, state, type)).toBeNull();
    expect(acceptedEvents(DRENTHE_2021, state)).toEqual(accepted);
  });

  it('does not evaluate the requirements of an event the state does not accept', () => {
    const check = jest.fn(() => missing('x', 'x'));
    const def = definitionWith([{ ...rule('R', 'hard', false, check), events: ['ADVANCE', 'RETURN'], transition: 'X' }]);
    const out = attemptTransition(def, { type: 'RETURN', facts: factsWith([]), explanations: {} });
    expect(out.outcome).toBe('not-accepted');
    expect(check).not.toHaveBeenCalled();
  });
});

describe('the decision is taken first and carried on the event', () => {
  const setup = () => {
    const check = jest.fn(() => missing('ontbreekt', 'missing'));
    const def = definitionWith([rule('M-1', 'advisory', false, check)]);
    const event = (): DossierAttempt => ({ type: 'ADVANCE', facts: factsWith([]), explanations: {} });
    return { check, def, event };
  };

  it('decidedEvent carries the event type, the state the decision was taken in, and the decision', () => {
    const { check, def } = setup();
    const attempt: DossierAttempt = { type: 'RETURN', facts: factsWith([], { state: 'uitvoering' }), explanations: { 'M-1': 'x' } };
    expect(decidedEvent(def, attempt)).toEqual({ type: 'RETURN', from: 'uitvoering', decision: evaluateAttempt(def, attempt) });
    // RETURN is not guarded by the T1 rule M-1: only X rules (none here) apply.
    expect(check).not.toHaveBeenCalled();
  });

  it('re-evaluates a new event object, even with equal content', () => {
    const { check, def, event } = setup();
    const e = event();
    const first = evaluateAttempt(def, e);
    const again = evaluateAttempt(def, { ...e });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('a new event object sees new facts: the decision follows them', () => {
    const def = definitionWith([rule('N-1', 'hard', true)]);
    const blocked = evaluateAttempt(def, { type: 'ADVANCE', facts: factsWith([]), explanations: {} });
    const waived = evaluateAttempt(def, { type: 'ADVANCE', facts: factsWith([], { waivers: [waiver('N-1', 'approved')] }), explanations: {} });
    expect(blocked.allowed).toBe(false);
    expect(waived.allowed).toBe(true);
  });

  it('attemptTransition evaluates the attempt once: the machine guard reads the decision on the event', () => {
    const { check, def, event } = setup();
    const out = attemptTransition(def, event());
    expect(check).toHaveBeenCalledTimes(1);
    expect(out.outcome).toBe('refused');
    expect(decisionOf(out)).toEqual(evaluateAttempt(def, event()));
  });

  // Regression: the cache was once keyed by the event object only, so a second definition got the first one's decision.
  it('gives the same event object evaluated under two definitions each definition’s own decision', () => {
    const e: DossierAttempt = { type: 'ADVANCE', facts: factsWith([]), explanations: {} };
    const strict = definitionWith([rule('S-1', 'hard', false)]);
    const lenient = definitionWith([]);
    expect(evaluateAttempt(strict, e).allowed).toBe(false);
    expect(evaluateAttempt(lenient, e).allowed).toBe(true);
  });
});

describe('the dossier\'s own evaluation (issue #11)', () => {
  const griffie = { event: 'ADVANCE' as const, actor: { id: 'g-1', roles: ['griffie' as const] } };

  it('is the same whoever looks: X-01 is evaluated against the assignee, not the viewer', () => {
    const asOwner = previewEvents(DRENTHE_2021, factsWith([]));
    const asGriffie = previewEvents(DRENTHE_2021, factsWith([], { attempt: griffie }));
    const asNobody = previewEvents(DRENTHE_2021, factsWith([], { attempt: null }));
    const strip = (ps: typeof asOwner) => ps.map((p) => ({ ...p, decision: p.decision.evaluations }));
    expect(strip(asGriffie)).toEqual(strip(asOwner));
    expect(strip(asNobody)).toEqual(strip(asOwner));
    const x01 = asGriffie[0].decision.evaluations.find((e) => e.id === 'X-01')!;
    expect(x01.status).toBe('satisfied');
    expect(asGriffie[0].blocking).not.toContain('X-01');
  });

  it('without an owner, X-01 blocks every event and says the dossier is assigned to nobody', () => {
    const ps = previewEvents(DRENTHE_2021, factsWith([], { assigneeId: null, state: 'ontwikkeling-voorstel' }));
    for (const p of ps) {
      expect(p.blocking).toContain('X-01');
      expect(p.decision.evaluations.find((e) => e.id === 'X-01')!.explanation.nl).toMatch(/aan niemand toegewezen/);
    }
    expect(ownerFacts(factsWith([], { assigneeId: null })).attempt!.actor.id).toBe(NO_OWNER);
  });

  it('covers every event the phase accepts, ADVANCE first, with the requirements of each', () => {
    for (const state of PHASE_IDS) {
      const ps = previewEvents(DRENTHE_2021, factsWith([], { state }));
      expect(ps.map((p) => p.event)).toEqual(acceptedEvents(DRENTHE_2021, state));
      for (const p of ps) {
        expect(p.to).toBe(targetOf(DRENTHE_2021, state, p.event));
        expect(ids(p.decision.evaluations)).toEqual(ids(requirementsFor(DRENTHE_2021, state, p.event)));
      }
    }
    const ret = previewEvent(DRENTHE_2021, factsWith([], { state: 'ontwikkeling-voorstel' }), 'RETURN')!;
    expect(ids(ret.decision.evaluations)).toEqual(['X-01', 'X-05']);
    expect(previewEvent(DRENTHE_2021, factsWith([], { state: 'voorfase-agendasetting' }), 'RETURN')).toBeNull();
  });

  it('shows an unmet hard requirement covered by an approved, unused waiver as waived, and a requested one as unsatisfied', () => {
    const waiver = (status: WaiverFact['status']): WaiverFact => ({ id: 'w-1', requirementId: 'G1-01', reasonCode: 'spoed', motivation: 'm', requestedBy: 'u-1', approvedBy: status === 'requested' ? null : 'u-2', status });
    const approved = previewEvent(DRENTHE_2021, factsWith([], { waivers: [waiver('approved')] }), 'ADVANCE')!;
    const g101 = approved.decision.evaluations.find((e) => e.id === 'G1-01')!;
    expect(g101.status).toBe('unsatisfied');
    expect(shownStatus(approved.decision, g101)).toBe('waived');
    expect(approved.waived).toEqual(['G1-01']);
    expect(approved.blocking).not.toContain('G1-01');
    const requested = previewEvent(DRENTHE_2021, factsWith([], { waivers: [waiver('requested')] }), 'ADVANCE')!;
    expect(shownStatus(requested.decision, requested.decision.evaluations.find((e) => e.id === 'G1-01')!)).toBe('unsatisfied');
    expect(requested.blocking).toContain('G1-01');
  });

  describe('sorts what is unmet into what an explanation passes and what blocks', () => {
    const advisory = rule('A-1', 'advisory', false);
    const hardWaivable = rule('H-W', 'hard', true);
    const hardFixed = rule('H-F', 'hard', false);
    it.each([
      { rules: [], allowed: true, blocking: [], explanationsRequired: [] },
      { rules: [advisory], allowed: true, blocking: [], explanationsRequired: ['A-1'] },
      { rules: [hardWaivable], allowed: false, blocking: ['H-W'], explanationsRequired: [] },
      { rules: [advisory, hardFixed], allowed: false, blocking: ['H-F'], explanationsRequired: ['A-1'] },
    ])('$rules.length rules → allowed $allowed, blocking $blocking, explanations required $explanationsRequired', ({ rules, ...expected }) => {
      expect(previewEvent(definitionWith(rules), factsWith([]), 'ADVANCE')).toMatchObject({ event: 'ADVANCE', to: 'voorbereiding-beleid', ...expected });
    });
  });
});

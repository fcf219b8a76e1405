/**
 * The dossier machine's structure and guard (style guide, "Tests mirror the structure"): every state is
 * reachable (`xstate/graph`), the shortest path to `afgesloten` and what it needs, and each event refused
 * where it must be.
 *
 * The machine's guard reads the decision carried on the event. Structure tests decide on a copy of DRENTHE_2021
 * without requirements, so the guard always passes and anything refused is refused by the structure alone. Guard
 * tests decide on the real rule set.
 */
import { AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { getShortestPaths, getSimplePaths, getStateNodes, toDirectedGraph } from 'xstate/graph';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { decidedEvent, DossierAttempt, evaluateAttempt } from './engine';
import { DossierState, FINAL_STATES, PHASE_IDS, PhaseId } from './evidence';
import { DOSSIER_EVENTS, DossierEventType } from './facts';
import { DOSSIER_STATES, dossierMachine, DossierMachineEvent, transitionsFrom, transitionTable } from './machine';
import { factsWith, FactsOptions, rec } from './testing/facts-builder';

const ALL_STATES: readonly DossierState[] = [...PHASE_IDS, ...FINAL_STATES];
const BEFORE_UITVOERING: readonly PhaseId[] = [
  'voorfase-agendasetting',
  'voorbereiding-beleid',
  'ontwikkeling-voorstel',
  'kaderstelling-besluitvorming',
];

/** The structure product.md and workflow.ts describe, written out by hand: state → event → target. */
const EXPECTED_STRUCTURE: Record<DossierState, Partial<Record<DossierEventType, DossierState>>> = {
  'voorfase-agendasetting': { ADVANCE: 'voorbereiding-beleid', WITHDRAW: 'ingetrokken' },
  'voorbereiding-beleid': { ADVANCE: 'ontwikkeling-voorstel', RETURN: 'voorfase-agendasetting', WITHDRAW: 'ingetrokken' },
  'ontwikkeling-voorstel': { ADVANCE: 'kaderstelling-besluitvorming', RETURN: 'voorbereiding-beleid', WITHDRAW: 'ingetrokken' },
  'kaderstelling-besluitvorming': { ADVANCE: 'uitvoering', RETURN: 'ontwikkeling-voorstel', WITHDRAW: 'ingetrokken' },
  uitvoering: { ADVANCE: 'controle-evaluatie' },
  'controle-evaluatie': { ADVANCE: 'afgesloten', NEW_CYCLE: 'afgesloten', RETURN: 'uitvoering' },
  afgesloten: {},
  ingetrokken: {},
};

/** No requirements: every decision allows, so only the structure can refuse. */
const OPEN = { ...DRENTHE_2021, requirements: [] };
/** The machine of drenthe-verbindend-besturen@2021. */
const open = DRENTHE_2021.machine;
/** The same machine: what differs is the decision the event carries, here on the real rule set of domain-brief §8. */
const guarded = DRENTHE_2021.machine;

/** An attempt to fire `type` on facts built from `opts`. */
function attempt(type: DossierEventType, opts: FactsOptions = {}, explanations: Record<string, string> = {}): DossierAttempt {
  return { type, facts: factsWith([], opts), explanations };
}

/** The event the machine receives for an attempt decided without requirements: the guard passes in the attempt's state. */
function event(type: DossierEventType, opts: FactsOptions = {}, explanations: Record<string, string> = {}): DossierMachineEvent {
  return decidedEvent(OPEN, attempt(type, opts, explanations));
}

/** The event the machine receives for an attempt decided on the real rule set. */
const ruled = (a: DossierAttempt): DossierMachineEvent => decidedEvent(DRENTHE_2021, a);

/** Every event, from the state the traversal is in (the guard refuses facts of another state). */
const graphOptions = {
  events: (snapshot: AnyMachineSnapshot): DossierMachineEvent[] => DOSSIER_EVENTS.map((type) => event(type, { state: snapshot.value as DossierState })),
  serializeEvent: (e: DossierMachineEvent): string => e.type,
};

/** The events of a path, without XState's own `xstate.init` step. */
const eventTypes = (steps: ReadonlyArray<{ event: { type: string } }>): string[] =>
  steps.map((s) => s.event.type).filter((t) => t !== 'xstate.init');

const at = (machine: typeof open, state: DossierState): AnyMachineSnapshot => machine.resolveState({ value: state, context: {} });

/** The machine's edges as `state --EVENT--> target`, read from its definition with `toDirectedGraph`. */
function edges(machine: typeof open): Array<{ from: string; event: string; to: string }> {
  return toDirectedGraph(machine).children.flatMap((node) =>
    node.edges.map((e) => ({ from: e.source.key, event: e.label.text, to: e.target.key })),
  );
}

describe('dossier machine: structure (xstate/graph)', () => {
  it('has exactly the six phases and the two final states, both final', () => {
    const nodes = getStateNodes(open).map((n) => ({ key: n.key, type: n.type }));
    expect(nodes).toEqual(ALL_STATES.map((key) => ({ key, type: (FINAL_STATES as readonly string[]).includes(key) ? 'final' : 'atomic' })));
    expect(open.config.initial).toBe('voorfase-agendasetting');
  });

  it('lists its states and transitions as data (the workflow API): exactly the hand-written structure', () => {
    expect(DOSSIER_STATES).toEqual(ALL_STATES);
    expect(transitionTable(open)).toEqual(EXPECTED_STRUCTURE);
    expect(Object.keys(transitionTable(open))).toEqual(ALL_STATES);
  });

  it.each(['2021', '2025'])('dossierMachine(id, %s) declares that structure for the version, afgesloten and ingetrokken final', (version) => {
    const machine = dossierMachine('drenthe-verbindend-besturen', version);
    expect(machine.id).toBe(`drenthe-verbindend-besturen@${version}`);
    expect(transitionTable(machine)).toEqual(EXPECTED_STRUCTURE);
    expect(DOSSIER_STATES.map((state) => machine.states[state].type)).toEqual([...PHASE_IDS.map(() => 'atomic'), 'final', 'final']);
  });

  it('is asked for its structure once: the transitions of a state are the same object on every call', () => {
    expect(transitionsFrom(open, 'controle-evaluatie')).toBe(transitionsFrom(open, 'controle-evaluatie'));
    expect(transitionsFrom(open, 'controle-evaluatie')).toEqual([
      { event: 'ADVANCE', to: 'afgesloten' },
      { event: 'NEW_CYCLE', to: 'afgesloten' },
      { event: 'RETURN', to: 'uitvoering' },
    ]);
  });

  it('has exactly the transitions of the hand-written structure', () => {
    const expected = Object.entries(EXPECTED_STRUCTURE).flatMap(([from, on]) =>
      Object.entries(on).map(([ev, to]) => ({ from, event: ev, to })),
    );
    const sortKey = (e: { from: string; event: string }): string => `${e.from} ${e.event}`;
    expect(edges(open).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });

  it('reaches every one of the 8 states from the initial state', () => {
    const reached = getShortestPaths(open, graphOptions).map((p) => p.state.value as string);
    expect([...reached].sort()).toEqual([...ALL_STATES].sort());
  });

  it('lists the shortest path to each state', () => {
    const shortest = Object.fromEntries(
      getShortestPaths(open, graphOptions).map((p) => [p.state.value as string, eventTypes(p.steps).join(' ')]),
    );
    expect(shortest).toEqual({
      'voorfase-agendasetting': '',
      'voorbereiding-beleid': 'ADVANCE',
      'ontwikkeling-voorstel': 'ADVANCE ADVANCE',
      'kaderstelling-besluitvorming': 'ADVANCE ADVANCE ADVANCE',
      uitvoering: 'ADVANCE ADVANCE ADVANCE ADVANCE',
      'controle-evaluatie': 'ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE',
      afgesloten: 'ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE',
      ingetrokken: 'WITHDRAW',
    });
  });

  it('reaches afgesloten in no fewer than six steps: ADVANCE×6 through every phase in order (or NEW_CYCLE as the last step)', () => {
    const [path] = getShortestPaths(open, { ...graphOptions, toState: (s) => s.value === 'afgesloten' });
    expect(eventTypes(path.steps)).toEqual(Array(6).fill('ADVANCE'));
    // The states it passes through, after the initial one.
    expect(path.steps.slice(1).map((s) => s.state.value)).toEqual([...PHASE_IDS.slice(1), 'afgesloten']);
    expect(path.state.status).toBe('done');

    const toAfgesloten = getSimplePaths(open, { ...graphOptions, toState: (s) => s.value === 'afgesloten' });
    const lengths = toAfgesloten.map((p) => eventTypes(p.steps).length);
    const minimal = toAfgesloten.filter((p) => eventTypes(p.steps).length === Math.min(...lengths));
    expect(Math.min(...lengths)).toBe(6);
    expect(minimal.map((p) => eventTypes(p.steps).join(' ')).sort()).toEqual([
      'ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE',
      'ADVANCE ADVANCE ADVANCE ADVANCE ADVANCE NEW_CYCLE',
    ]);
  });

  it('reaches ingetrokken only by WITHDRAW, and from exactly the four phases before uitvoering', () => {
    const into = edges(open).filter((e) => e.to === 'ingetrokken');
    expect(into.map((e) => e.event)).toEqual(Array(4).fill('WITHDRAW'));
    expect(into.map((e) => e.from)).toEqual(BEFORE_UITVOERING);

    // Every simple path to ingetrokken ends with WITHDRAW from one of those four phases.
    const paths = getSimplePaths(open, { ...graphOptions, toState: (s) => s.value === 'ingetrokken' });
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      const last = p.steps[p.steps.length - 1];
      const before = p.steps[p.steps.length - 2];
      expect(last.event.type).toBe('WITHDRAW');
      expect(BEFORE_UITVOERING).toContain(before.state.value);
    }
  });

  it.each(FINAL_STATES)('%s is final: status done, no outgoing transitions, every event leaves it where it is', (state) => {
    const snapshot = at(open, state);
    expect(snapshot.status).toBe('done');
    expect(edges(open).filter((e) => e.from === state)).toEqual([]);
    for (const type of DOSSIER_EVENTS) {
      const e = event(type, { state });
      expect(snapshot.can(e)).toBe(false);
      const [next] = transition(open, snapshot, e);
      expect(next.value).toBe(state);
    }
  });

  describe('each event refused where it must be (the guard always passes here)', () => {
    const cases = ALL_STATES.flatMap((state) =>
      DOSSIER_EVENTS.map((type) => {
        const to = EXPECTED_STRUCTURE[state][type] ?? null;
        return { state, type, to, outcome: to ?? 'refused' };
      }),
    );

    it.each(cases)('$state + $type → $outcome', ({ state, type, to }) => {
      const snapshot = at(open, state);
      const e = event(type, { state });
      const [next] = transition(open, snapshot, e);
      expect(snapshot.can(e)).toBe(to !== null);
      expect(next.value).toBe(to ?? state);
    });

    it.each(['voorfase-agendasetting', 'uitvoering'] as const)('RETURN is refused in %s', (state) => {
      const snapshot = at(open, state);
      const [next] = transition(open, snapshot, event('RETURN', { state }));
      expect(next.value).toBe(state);
      expect(next).toBe(snapshot);
    });

    it('NEW_CYCLE is accepted only in controle-evaluatie', () => {
      const accepting = ALL_STATES.filter((state) => at(open, state).can(event('NEW_CYCLE', { state })));
      expect(accepting).toEqual(['controle-evaluatie']);
    });

    it.each(['uitvoering', 'controle-evaluatie'] as const)('WITHDRAW is refused in %s', (state) => {
      const snapshot = at(open, state);
      const [next] = transition(open, snapshot, event('WITHDRAW', { state }));
      expect(next.value).toBe(state);
      expect(next).toBe(snapshot);
    });
  });
});

describe('dossier machine: the real rule set guards every step', () => {
  it('refuses ADVANCE from voorfase-agendasetting on empty facts; what blocks it is every unsatisfied requirement, the hard ones G1-01, G1-03, G1-04', () => {
    const [initial] = initialTransition(guarded);
    const e = attempt('ADVANCE'); // factsWith([]): attempt by u-1, the assignee, a beleidsmedewerker
    const [next] = transition(guarded, initial, ruled(e));
    expect(next.value).toBe('voorfase-agendasetting');
    expect(next).toBe(initial);

    const decision = evaluateAttempt(DRENTHE_2021, e);
    const unsatisfied = decision.evaluations.filter((ev) => ev.status === 'unsatisfied');
    expect(decision.allowed).toBe(false);
    expect(decision.unmet.map((u) => u.id)).toEqual(unsatisfied.map((u) => u.id));
    expect(decision.unmet.filter((u) => u.severity === 'hard').map((u) => u.id)).toEqual(
      unsatisfied.filter((u) => u.severity === 'hard').map((u) => u.id),
    );
    expect(decision.unmet.filter((u) => u.severity === 'hard').map((u) => u.id)).toEqual(['G1-01', 'G1-03', 'G1-04']);
    // X-01 passes: the attempt is by the assignee.
    expect(decision.evaluations.find((ev) => ev.id === 'X-01')?.status).toBe('satisfied');
  });

  it('still refuses when every advisory one is explained: then only the hard ones block', () => {
    const explanations = { 'G1-05': 'volgt', 'G1-06': 'volgt', 'G1-07': 'volgt' };
    const e = attempt('ADVANCE', {}, explanations);
    const [initial] = initialTransition(guarded);
    expect(transition(guarded, initial, ruled(e))[0].value).toBe('voorfase-agendasetting');
    const decision = evaluateAttempt(DRENTHE_2021, e);
    expect(decision.unmet.map((u) => [u.id, u.blockReason])).toEqual([
      ['G1-01', 'waiver-required'],
      ['G1-03', 'waiver-required'],
      ['G1-04', 'hard-unmet'],
    ]);
    expect(decision.explained).toEqual(explanations);
  });

  it('advances to voorbereiding-beleid once the classification is complete and the advisory ones are explained', () => {
    const klas = rec('classificatie', {
      reden: 'intake',
      herkomst: 'gs-initiatief',
      strategisch: true,
      strategischMotivatie: 'raakt de hele provincie',
      besluitvormer: 'PS',
      besluittype: 'beleidsregel',
      instrumentType: 'none',
    });
    const e: DossierAttempt = {
      type: 'ADVANCE',
      facts: factsWith([klas]),
      explanations: { 'G1-05': 'volgt', 'G1-06': 'volgt', 'G1-07': 'volgt' },
    };
    const [initial] = initialTransition(guarded);
    const [next] = transition(guarded, initial, ruled(e));
    expect(evaluateAttempt(DRENTHE_2021, e).unmet).toEqual([]);
    expect(next.value).toBe('voorbereiding-beleid');
  });

  it('refuses an attempt by someone other than the assignee (X-01), even on a structurally open step', () => {
    const e = attempt('WITHDRAW', { attempt: { event: 'WITHDRAW', actor: { id: 'u-2', roles: ['griffie'] }, reason: 'x' } });
    const [initial] = initialTransition(guarded);
    expect(transition(guarded, initial, ruled(e))[0].value).toBe('voorfase-agendasetting');
    expect(evaluateAttempt(DRENTHE_2021, e).unmet.map((u) => u.id)).toEqual(['X-01']);
    // The same step by the assignee goes through: WITHDRAW carries only X-01.
    expect(transition(guarded, initial, ruled(attempt('WITHDRAW')))[0].value).toBe('ingetrokken');
  });

  // Regression: the guard once took its rules from `event.facts.state` alone, so a stored snapshot in one phase
  // could be advanced on another phase's facts. The guard gets its source state as a parameter, and passes only a
  // decision taken in that state.
  it('applies the rules of the state the machine is in, whatever event.facts.state says', () => {
    const t1Complete = rec('classificatie', {
      reden: 'intake',
      herkomst: 'gs-initiatief',
      strategisch: false,
      strategischMotivatie: 'routinematig',
      besluitvormer: 'GS',
      besluittype: 'beleidsregel',
      instrumentType: 'none',
    });
    const e: DossierAttempt = {
      type: 'ADVANCE',
      facts: factsWith([t1Complete], { state: 'voorfase-agendasetting' }),
      explanations: { 'G1-05': 'volgt', 'G1-06': 'volgt', 'G1-07': 'volgt' },
    };
    // The decision, taken in voorfase-agendasetting, allows ADVANCE there …
    expect(ruled(e)).toMatchObject({ from: 'voorfase-agendasetting', decision: { allowed: true } });
    expect(transition(guarded, at(guarded, 'voorfase-agendasetting'), ruled(e))[0].value).toBe('voorbereiding-beleid');
    // … but T4 (G4-01, G4-07 …) is not met by these facts, so kaderstelling-besluitvorming must not advance.
    const [next] = transition(guarded, at(guarded, 'kaderstelling-besluitvorming'), ruled(e));
    expect(next.value).toBe('kaderstelling-besluitvorming');
  });

  describe('what the shortest path to afgesloten needs: hard requirements blocking ADVANCE on empty facts, strategic PS dossier', () => {
    const [path] = getShortestPaths(open, { ...graphOptions, toState: (s) => s.value === 'afgesloten' });
    /** Each step of the path: the phase it leaves. */
    const phases = path.steps.slice(0, -1).map((s) => s.state.value as PhaseId);

    const strategicPs = (state: PhaseId): DossierAttempt => ({
      type: 'ADVANCE',
      facts: factsWith([rec('classificatie', { reden: 'intake', strategisch: true, besluitvormer: 'PS' })], {
        state,
        enteredPhaseOn: '2026-01-05',
      }),
      explanations: {},
    });

    /** phase → the hard requirement ids that block ADVANCE (computed by the engine, per step of the path). */
    const needs = Object.fromEntries(
      phases.map((state) => [
        state,
        evaluateAttempt(DRENTHE_2021, strategicPs(state))
          .unmet.filter((u) => u.severity === 'hard')
          .map((u) => u.id),
      ]),
    );

    const KEY: Record<PhaseId, string[]> = {
      'voorfase-agendasetting': ['G1-01', 'G1-03', 'G1-04'],
      'voorbereiding-beleid': ['G2-01', 'G2-03', 'G2-09'],
      'ontwikkeling-voorstel': ['G3-01'],
      'kaderstelling-besluitvorming': ['G4-01', 'G4-07'],
      uitvoering: ['G5-04'],
      'controle-evaluatie': ['G6-01', 'G6-03'],
    };
    /** ADVANCE out of the n-th phase is guarded by the rules of transition Tn (domain-brief §8). */
    const T_KEY = Object.fromEntries(PHASE_IDS.map((p, i) => [p, `T${i + 1}`])) as Record<PhaseId, string>;

    it('walks the six phases in order', () => {
      expect(phases).toEqual([...PHASE_IDS]);
    });

    it.each(PHASE_IDS)('%s: ADVANCE is refused by the guard, and the key hard requirements of its transition block it', (state) => {
      const e = strategicPs(state);
      const snapshot = at(guarded, state);
      const [next] = transition(guarded, snapshot, ruled(e));
      expect(next.value).toBe(state);

      expect(needs[state]).toEqual(expect.arrayContaining(KEY[state]));
      // Every blocker is a hard, unsatisfied requirement of this phase's transition key; pass.
      const decision = evaluateAttempt(DRENTHE_2021, e);
      for (const u of decision.unmet.filter((x) => x.severity === 'hard')) {
        expect(u.status).toBe('unsatisfied');
        expect(u.transition).toBe(T_KEY[state]);
        expect(u.blockReason).toBe(u.waivable ? 'waiver-required' : 'hard-unmet');
      }
      // The hard blockers are exactly the hard unsatisfied evaluations.
      expect(needs[state]).toEqual(decision.evaluations.filter((x) => x.severity === 'hard' && x.status === 'unsatisfied').map((x) => x.id));
    });

    it('G2-01 (startnotitie) blocks only a strategic dossier', () => {
      const nonStrategic: DossierAttempt = {
        type: 'ADVANCE',
        facts: factsWith([rec('classificatie', { reden: 'intake', strategisch: false, besluitvormer: 'PS' })], { state: 'voorbereiding-beleid' }),
        explanations: {},
      };
      const g201 = evaluateAttempt(DRENTHE_2021, nonStrategic).evaluations.find((x) => x.id === 'G2-01');
      expect(g201?.status).toBe('not-applicable');
      expect(needs['voorbereiding-beleid']).toContain('G2-01');
    });
  });
});

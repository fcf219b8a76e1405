/**
 * The report of moving a dossier to another version (issue #16): every difference between the two versions' readings
 * of the same dossier is announced, and nothing else; and the moves that are not allowed are refused with the field.
 *
 * Issue #17: the tables below pin one fact per row on small hand-made versions of the 2021 workflow (a few requirements
 * of T1 on ADVANCE out of voorfase-agendasetting), so that no rule of the report hides behind the real rule set.
 */
import { WorkflowDefinition } from './definition';
import { DRENTHE_2021 } from './drenthe-verbindend-besturen/workflow';
import { previewEvents, ShownStatus, shownStatus } from './engine';
import { DossierState, EvidenceRecord } from './evidence';
import { DossierFacts, WaiverFact } from './facts';
import { DossierMachine, transitionTable } from './machine';
import { AdvanceOutlook, MigrationReport, migrationRefusal, migrationReport, RequirementChange, RequirementReading } from './migration';
import { always, AppliesWhen, met, missing, Requirement } from './requirement';
import { factsWith, rec } from './testing/facts-builder';
import { machineWith, NEXT_VERSION_CHANGES, nextVersionOf, TransitionTable, versionWithoutPhase } from './testing/next-version';

const NEXT = nextVersionOf(DRENTHE_2021);
const ref = (version: string) => ({ id: DRENTHE_2021.id, version });

const classified = rec('classificatie', { reden: 'intake', strategisch: true, besluitvormer: 'PS' }, { id: 'c-1' });
const inventory = rec('document', { documentType: 'stakeholderinventarisatie', titel: 'Wie raakt het?' } as never, { id: 'd-inv' });

describe('migrationReport', () => {
  const facts = factsWith([classified, inventory]);
  /** Made in each test, not here: Stryker activates a mutant when the tests start, after the describe blocks ran. */
  const nextReport = () => migrationReport(DRENTHE_2021, NEXT, facts, [classified, inventory]);

  it('names the requirements of ADVANCE the new version adds, drops and changes', () => {
    const report = nextReport();
    const advance = report.requirements.filter((r) => r.event === 'ADVANCE');
    expect(advance.filter((r) => r.change === 'added').map((r) => r.id)).toEqual([...NEXT_VERSION_CHANGES.added]);
    expect(advance.filter((r) => r.change === 'removed').map((r) => r.id)).toEqual([...NEXT_VERSION_CHANGES.removed]);
    expect(advance.find((r) => r.id === 'G1-03')).toMatchObject({ before: { severity: 'hard', waivable: true }, after: { severity: 'advisory', waivable: false } });
    expect(advance.find((r) => r.id === 'G1-91')).toMatchObject({ change: 'added', before: null, after: { severity: 'hard', status: 'unsatisfied' } });
    expect(report.summary).toMatchObject({ added: 2, removed: 1, changed: true });
  });

  it('says whether the dossier can still advance, and what would newly block it', () => {
    const report = nextReport();
    expect(report.newlyBlocking).toEqual(['G1-91']);
    expect(report.canAdvance.after).toBe(false);
    expect(report.advance.after?.blocking).toContain('G1-91');
    expect(report.advance.before?.blocking).not.toContain('G1-91');
  });

  it('lists the evidence the new version reads differently: the inventory nobody reads any more, the classification G1-90 reads', () => {
    const report = nextReport();
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

// ---------------------------------------------------------------------------------------------
// One fact per row, on hand-made versions.
// ---------------------------------------------------------------------------------------------

const PHASE = 'voorfase-agendasetting';
const ok = (...evidence: string[]) => () => met(evidence, 'Voldaan.', 'Met.');
const notOk = (...evidence: string[]) => () => missing('Ontbreekt.', 'Missing.', evidence);
const never: AppliesWhen = { description: { nl: 'nooit', en: 'never' }, test: () => false };

/** A requirement guarding ADVANCE out of voorfase-agendasetting: T1, hard, not waivable, always applies, met on nothing. */
const req = (id: string, over: Partial<Requirement> = {}): Requirement => ({
  id,
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: `Eis ${id}`, en: `Requirement ${id}` },
  rule: `Rule ${id}.`,
  severity: 'hard',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'test', verified: true },
  appliesWhen: always,
  check: ok(),
  ...over,
});

/** The 2021 workflow as version `v` with only `requirements`, on the 2021 machine unless another is given. */
const version = (v: string, requirements: Requirement[], machine: DossierMachine = DRENTHE_2021.machine): WorkflowDefinition => ({
  ...DRENTHE_2021,
  version: v,
  requirements,
  machine,
});

/** The 2021 machine with the transitions out of `phase` replaced by `events`. */
const rewired = (phase: DossierState, events: TransitionTable[string]) =>
  machineWith(DRENTHE_2021.id, '2099', { ...transitionTable(DRENTHE_2021.machine), [phase]: events }, PHASE);
const NO_ADVANCE = rewired(PHASE, { WITHDRAW: 'ingetrokken' });
const SKIPS_A_PHASE = rewired(PHASE, { ADVANCE: 'ontwikkeling-voorstel', WITHDRAW: 'ingetrokken' });
const NO_RETURN = rewired('voorbereiding-beleid', { ADVANCE: 'ontwikkeling-voorstel', WITHDRAW: 'ingetrokken' });

/** What the report says of one requirement: T1, hard, not waivable unless said otherwise. */
const reading = (status: ShownStatus, over: Partial<RequirementReading> = {}): RequirementReading => ({
  transition: 'T1',
  severity: 'hard',
  waivable: false,
  status,
  ...over,
});

const WAIVER: WaiverFact = { id: 'w-1', requirementId: 'B', reasonCode: 'anders', motivation: 'test', requestedBy: 'u-1', approvedBy: 'u-2', status: 'approved' };
const document = (id: string) => rec('document', { documentType: 'overig', titel: id } as never, { id });

interface Move {
  name: string;
  before: Requirement[];
  after: Requirement[];
  /** The new version's machine (the 2021 one when not given). */
  machine?: DossierMachine;
  facts?: DossierFacts;
  evidence?: EvidenceRecord[];
}

const move = (m: Move): MigrationReport =>
  migrationReport(version('2021', m.before), version('2099', m.after, m.machine), m.facts ?? factsWith([]), m.evidence ?? []);

describe('migrationReport, one fact per row', () => {
  it('names both versions, the phase and the events the phase accepts in each', () => {
    const r = move({ name: '', before: [], after: [], machine: NO_RETURN, facts: factsWith([], { state: 'voorbereiding-beleid' }) });
    expect([r.from, r.to, r.phase]).toEqual([{ id: DRENTHE_2021.id, version: '2021' }, { id: DRENTHE_2021.id, version: '2099' }, 'voorbereiding-beleid']);
    expect(r.events).toEqual({ before: ['ADVANCE', 'RETURN', 'WITHDRAW'], after: ['ADVANCE', 'WITHDRAW'] });
  });

  const A = req('A');
  const B = req('B');
  const C = req('C');

  it.each<Move & { changes: [string, RequirementChange['change'], RequirementReading | null, RequirementReading | null][] }>([
    { name: 'a requirement only the new version has is added (no reading before)', before: [A], after: [A, B], changes: [['ADVANCE:B', 'added', null, reading('satisfied')]] },
    { name: 'a requirement only the old version has is removed (no reading after)', before: [A, B], after: [A], changes: [['ADVANCE:B', 'removed', reading('satisfied'), null]] },
    {
      name: 'hard becomes advisory: the rule changed',
      before: [A, B],
      after: [A, req('B', { severity: 'advisory' })],
      changes: [['ADVANCE:B', 'rule-changed', reading('satisfied'), reading('satisfied', { severity: 'advisory' })]],
    },
    {
      name: 'not waivable becomes waivable: the rule changed',
      before: [A, B],
      after: [A, req('B', { waivable: true })],
      changes: [['ADVANCE:B', 'rule-changed', reading('satisfied'), reading('satisfied', { waivable: true })]],
    },
    {
      name: 'guarded by T1, now by the X rules (still on ADVANCE): the rule changed',
      before: [A, B],
      after: [A, req('B', { transition: 'X' })],
      changes: [['ADVANCE:B', 'rule-changed', reading('satisfied'), reading('satisfied', { transition: 'X' })]],
    },
    {
      name: 'the wording of the rule changes: the rule changed',
      before: [A, B],
      after: [A, req('B', { rule: 'Another rule.' })],
      changes: [['ADVANCE:B', 'rule-changed', reading('satisfied'), reading('satisfied')]],
    },
    { name: 'the same requirement in both versions is not announced', before: [A, B], after: [{ ...A }, { ...B }], changes: [] },
    { name: 'met becomes unmet: the status changed', before: [A, B], after: [A, req('B', { check: notOk() })], changes: [['ADVANCE:B', 'status-changed', reading('satisfied'), reading('unsatisfied')]] },
    {
      name: 'applies becomes not applicable: the status changed',
      before: [A, B],
      after: [A, req('B', { appliesWhen: never })],
      changes: [['ADVANCE:B', 'status-changed', reading('satisfied'), reading('not-applicable')]],
    },
    {
      name: 'a changed status wins over a changed rule: announced once, as a status change, with both readings',
      before: [A, B],
      after: [A, req('B', { check: notOk(), severity: 'advisory' })],
      changes: [['ADVANCE:B', 'status-changed', reading('satisfied'), reading('unsatisfied', { severity: 'advisory' })]],
    },
    {
      name: 'an approved waiver covers an unmet waivable requirement; not waivable in the new version, it is unmet again',
      before: [A, req('B', { check: notOk(), waivable: true })],
      after: [A, req('B', { check: notOk() })],
      facts: factsWith([], { waivers: [WAIVER] }),
      changes: [['ADVANCE:B', 'status-changed', reading('waived', { waivable: true }), reading('unsatisfied')]],
    },
    {
      name: 'in the order the old version evaluates, then what the new version adds',
      before: [C, A],
      after: [B, req('C', { check: notOk() })],
      changes: [
        ['ADVANCE:C', 'status-changed', reading('satisfied'), reading('unsatisfied')],
        ['ADVANCE:A', 'removed', reading('satisfied'), null],
        ['ADVANCE:B', 'added', null, reading('satisfied')],
      ],
    },
    {
      name: 'per event, in the order the phase accepts them: ADVANCE, then WITHDRAW',
      before: [],
      after: [req('W', { transition: 'X', events: ['WITHDRAW'] }), A],
      changes: [
        ['ADVANCE:A', 'added', null, reading('satisfied')],
        ['WITHDRAW:W', 'added', null, reading('satisfied', { transition: 'X' })],
      ],
    },
    {
      name: 'an event only the old version accepts: its requirements are removed',
      before: [A, req('W', { transition: 'X', events: ['WITHDRAW'] })],
      after: [A],
      machine: rewired(PHASE, { ADVANCE: 'voorbereiding-beleid' }),
      changes: [['WITHDRAW:W', 'removed', reading('satisfied', { transition: 'X' }), null]],
    },
    { name: 'ADVANCE only in the old version: its requirements are removed', before: [A], after: [A], machine: NO_ADVANCE, changes: [['ADVANCE:A', 'removed', reading('satisfied'), null]] },
  ])('$name', (m) => {
    const r = move(m);
    expect(r.requirements.map((c) => [`${c.event}:${c.id}`, c.change, c.before, c.after])).toEqual(m.changes);
    // The label is the new version's, else the old one's.
    expect(r.requirements.map((c) => c.label)).toEqual(r.requirements.map((c) => (m.after.find((x) => x.id === c.id) ?? m.before.find((x) => x.id === c.id))!.label));
  });

  it('labels a changed requirement with the label of the new version', () => {
    const relabelled = req('B', { check: notOk(), label: { nl: 'Nieuwe naam', en: 'New name' } });
    expect(move({ name: '', before: [A, B], after: [A, relabelled] }).requirements.map((c) => c.label)).toEqual([{ nl: 'Nieuwe naam', en: 'New name' }]);
  });

  it.each<Move & { readings: MigrationReport['evidence'] }>([
    {
      name: 'a record a requirement of the new version rests on is read only after',
      before: [A],
      after: [A, req('B', { check: ok('e-1') })],
      evidence: [document('e-1')],
      readings: [{ evidenceId: 'e-1', kind: 'document', before: [], after: [{ requirementId: 'B', status: 'satisfied' }] }],
    },
    {
      name: 'a record only a dropped requirement rested on is read only before',
      before: [A, req('B', { check: ok('e-1') })],
      after: [A],
      evidence: [document('e-1')],
      readings: [{ evidenceId: 'e-1', kind: 'document', before: [{ requirementId: 'B', status: 'satisfied' }], after: [] }],
    },
    {
      name: 'a record the same requirement reads with another status',
      before: [req('B', { check: ok('e-1') })],
      after: [req('B', { check: notOk('e-1') })],
      evidence: [document('e-1')],
      readings: [{ evidenceId: 'e-1', kind: 'document', before: [{ requirementId: 'B', status: 'satisfied' }], after: [{ requirementId: 'B', status: 'unsatisfied' }] }],
    },
    {
      name: 'a record both versions read alike is not listed',
      before: [req('A', { check: ok('e-1') }), req('B', { check: ok('e-1') })],
      after: [req('A', { check: ok('e-1') }), req('B', { check: ok('e-1') })],
      readings: [],
    },
    {
      name: 'the requirements resting on one record, by id (not in the order they are evaluated)',
      before: [],
      after: [req('C', { check: ok('e-1') }), req('A', { check: ok('e-1') }), req('B', { check: ok('e-1') })],
      readings: [
        {
          evidenceId: 'e-1',
          kind: null,
          before: [],
          after: [
            { requirementId: 'A', status: 'satisfied' },
            { requirementId: 'B', status: 'satisfied' },
            { requirementId: 'C', status: 'satisfied' },
          ],
        },
      ],
    },
    {
      name: 'the records by id; a record not among the evidence passed has no kind',
      before: [],
      after: [req('A', { check: ok('e-2') }), req('B', { check: ok('e-1') })],
      evidence: [document('e-2')],
      readings: [
        { evidenceId: 'e-1', kind: null, before: [], after: [{ requirementId: 'B', status: 'satisfied' }] },
        { evidenceId: 'e-2', kind: 'document', before: [], after: [{ requirementId: 'A', status: 'satisfied' }] },
      ],
    },
    {
      name: 'a record a requirement of another event (WITHDRAW) rests on',
      before: [],
      after: [req('W', { transition: 'X', events: ['WITHDRAW'], check: ok('e-1') })],
      readings: [{ evidenceId: 'e-1', kind: null, before: [], after: [{ requirementId: 'W', status: 'satisfied' }] }],
    },
  ])('evidence: $name', (m) => {
    expect(move(m).evidence).toEqual(m.readings);
  });

  const outlook = (over: Partial<AdvanceOutlook> = {}): AdvanceOutlook => ({ to: 'voorbereiding-beleid', allowed: true, blocking: [], explanationsRequired: [], ...over });
  it.each<Move & { expected: Pick<MigrationReport, 'advance' | 'canAdvance' | 'newlyBlocking'> }>([
    {
      name: 'allowed before and after: nothing newly blocking',
      before: [A],
      after: [A],
      expected: { advance: { before: outlook(), after: outlook() }, canAdvance: { before: true, after: true }, newlyBlocking: [] },
    },
    {
      name: 'a new unmet hard requirement blocks, newly',
      before: [A],
      after: [A, req('B', { check: notOk() })],
      expected: { advance: { before: outlook(), after: outlook({ allowed: false, blocking: ['B'] }) }, canAdvance: { before: true, after: false }, newlyBlocking: ['B'] },
    },
    {
      name: 'a requirement that blocks before and after is not newly blocking',
      before: [req('A', { check: notOk() })],
      after: [req('A', { check: notOk() }), req('B', { check: notOk() })],
      expected: {
        advance: { before: outlook({ allowed: false, blocking: ['A'] }), after: outlook({ allowed: false, blocking: ['A', 'B'] }) },
        canAdvance: { before: false, after: false },
        newlyBlocking: ['B'],
      },
    },
    {
      name: 'an unmet advisory requirement asks for an explanation and does not block',
      before: [A],
      after: [A, req('B', { check: notOk(), severity: 'advisory' })],
      expected: { advance: { before: outlook(), after: outlook({ explanationsRequired: ['B'] }) }, canAdvance: { before: true, after: true }, newlyBlocking: [] },
    },
    {
      name: 'a waiver lets it pass before; not waivable in the new version, the requirement blocks',
      before: [req('B', { check: notOk(), waivable: true })],
      after: [req('B', { check: notOk() })],
      facts: factsWith([], { waivers: [WAIVER] }),
      expected: { advance: { before: outlook(), after: outlook({ allowed: false, blocking: ['B'] }) }, canAdvance: { before: true, after: false }, newlyBlocking: ['B'] },
    },
    {
      name: 'ADVANCE only in the old version: no outlook after, it cannot advance after, nothing newly blocks',
      before: [A],
      after: [req('A', { check: notOk() })],
      machine: NO_ADVANCE,
      expected: { advance: { before: outlook(), after: null }, canAdvance: { before: true, after: false }, newlyBlocking: [] },
    },
    {
      name: 'ADVANCE leads to another phase in the new version: the outlook names it',
      before: [A],
      after: [A],
      machine: SKIPS_A_PHASE,
      expected: { advance: { before: outlook(), after: outlook({ to: 'ontwikkeling-voorstel' }) }, canAdvance: { before: true, after: true }, newlyBlocking: [] },
    },
    {
      name: 'a closed dossier: no ADVANCE on either side, it cannot advance',
      before: [A],
      after: [A],
      facts: factsWith([], { state: 'afgesloten' }),
      expected: { advance: { before: null, after: null }, canAdvance: { before: false, after: false }, newlyBlocking: [] },
    },
  ])('advance: $name', (m) => {
    const r = move(m);
    expect({ advance: r.advance, canAdvance: r.canAdvance, newlyBlocking: r.newlyBlocking }).toEqual(m.expected);
  });

  it('advance: ADVANCE only in the new version: no outlook before, it cannot advance before, all that blocks after blocks newly', () => {
    const r = migrationReport(version('2021', [], NO_ADVANCE), version('2099', [A, req('B', { check: notOk() })]), factsWith([]));
    expect({ advance: r.advance, canAdvance: r.canAdvance, newlyBlocking: r.newlyBlocking }).toEqual({
      advance: { before: null, after: outlook({ allowed: false, blocking: ['B'] }) },
      canAdvance: { before: false, after: false },
      newlyBlocking: ['B'],
    });
    expect(r.requirements.map((c) => [`${c.event}:${c.id}`, c.change])).toEqual([
      ['ADVANCE:A', 'added'],
      ['ADVANCE:B', 'added'],
    ]);
    expect(r.events).toEqual({ before: ['WITHDRAW'], after: ['ADVANCE', 'WITHDRAW'] });
  });

  const zero = { added: 0, removed: 0, statusChanged: 0, ruleChanged: 0, evidenceReadDifferently: 0 };
  it.each<Move & { summary: MigrationReport['summary'] }>([
    { name: 'nothing differs: not changed', before: [A, B], after: [A, B], summary: { ...zero, changed: false } },
    { name: 'a closed dossier: nothing to compare, not changed', before: [A], after: [B], facts: factsWith([], { state: 'afgesloten' }), summary: { ...zero, changed: false } },
    { name: 'only a rule differs: changed', before: [A], after: [req('A', { severity: 'advisory' })], summary: { ...zero, ruleChanged: 1, changed: true } },
    {
      name: 'only the record a requirement rests on differs (same status, same rule): changed',
      before: [req('A', { check: ok('e-1') })],
      after: [req('A', { check: ok('e-2') })],
      summary: { ...zero, evidenceReadDifferently: 2, changed: true },
    },
    {
      name: 'only the events of the phase differ (RETURN dropped): changed',
      before: [],
      after: [],
      machine: NO_RETURN,
      facts: factsWith([], { state: 'voorbereiding-beleid' }),
      summary: { ...zero, changed: true },
    },
    { name: 'only where ADVANCE leads differs: changed', before: [A], after: [A], machine: SKIPS_A_PHASE, summary: { ...zero, changed: true } },
    {
      name: 'each kind of change counted apart',
      before: [req('R1'), req('R2'), req('S'), req('C1'), req('C2'), req('C3')],
      after: [req('N'), req('S', { check: notOk() }), req('C1', { severity: 'advisory' }), req('C2', { waivable: true }), req('C3', { rule: 'Another rule.' })],
      summary: { added: 1, removed: 2, statusChanged: 1, ruleChanged: 3, evidenceReadDifferently: 0, changed: true },
    },
  ])('summary: $name', (m) => {
    expect(move(m).summary).toEqual(m.summary);
  });
});

describe('migrationRefusal, one fact per row', () => {
  const target = (def: WorkflowDefinition) => ({ id: def.id, version: def.version });
  const elders = { ...NEXT, id: 'elders' };
  const notInPhases = { ...NEXT, phases: NEXT.phases.filter((p) => p !== 'uitvoering') };
  const notInMachine = { ...versionWithoutPhase(DRENTHE_2021, 'uitvoering'), phases: DRENTHE_2021.phases };

  it.each<[string, Parameters<typeof migrationRefusal>, string, RegExp]>([
    ['another workflow id', [DRENTHE_2021, elders, 'active', PHASE, target(elders)], 'other-workflow', /elders@2099 hoort bij een andere workflow dan drenthe-verbindend-besturen/],
    ['a retired target, naming its status', [DRENTHE_2021, NEXT, 'retired', PHASE, target(NEXT)], 'target-retired', /niet in gebruik \(status retired\)/],
    ['a target without a status, saying so', [DRENTHE_2021, NEXT, undefined, PHASE, target(NEXT)], 'target-retired', /niet in gebruik \(status onbekend\)/],
    ['a phase missing from the phases of the target (its machine has it)', [DRENTHE_2021, notInPhases, 'active', 'uitvoering', target(NEXT)], 'phase-unknown', /kent de fase uitvoering niet/],
    ['a phase missing from the machine of the target (its phases list it)', [DRENTHE_2021, notInMachine, 'active', 'uitvoering', target(notInMachine)], 'phase-unknown', /kent de fase uitvoering niet/],
  ])('refuses %s', (_name, args, kind, nl) => {
    expect(migrationRefusal(...args)).toMatchObject({ kind, field: 'targetVersion', nl: expect.stringMatching(nl) });
  });
});

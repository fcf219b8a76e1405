/**
 * Test-only workflow versions, made from a real one, for the migration specs and e2e tests (issue #16): the mechanism
 * is generic over versions, so it is tested on a version whose differences are known exactly.
 */
import { WorkflowDefinition } from '../definition';
import { setup } from 'xstate';
import { FINAL_STATES, PhaseId } from '../evidence';
import { DossierEventType } from '../facts';
import { DossierMachine, DossierMachineEvent, dossierMachine, transitionTable } from '../machine';
import { always, met, missing, Requirement } from '../requirement';

/** Ids the test version adds, drops and changes. */
export const NEXT_VERSION_CHANGES = { added: ['G1-90', 'G1-91'], removed: ['G1-07'], changed: ['G1-03'] } as const;

/** G1-90: the provisional besluitvormer is recorded; met on every dossier (created with one), and reads its classificatie records. */
const besluitvormerBekend: Requirement = {
  id: 'G1-90',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Besluitvormer bekend (testversie)', en: 'Decision-maker known (test version)' },
  rule: 'Test version: the provisional decision-maker is recorded.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'data', label: 'test', basis: 'test version', verified: true },
  appliesWhen: always,
  check: (f) =>
    f.classification.besluitvormer
      ? met(f.classificationHistory.map((r) => r.id), `Besluitvormer: ${f.classification.besluitvormer}.`, `Decision-maker: ${f.classification.besluitvormer}.`)
      : missing('Geen besluitvormer vastgelegd.', 'No decision-maker recorded.'),
};

/** G1-91: representativeness is monitored — recorded as a document of type `overig` titled "representativiteit". */
const representativiteitBewaakt: Requirement = {
  id: 'G1-91',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Representativiteit bewaakt (testversie)', en: 'Representativeness monitored (test version)' },
  rule: 'Test version: a document on representativeness is recorded.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'seed', label: 'test', basis: 'test version', verified: true },
  appliesWhen: always,
  check: (f) => {
    const docs = f.documents.filter((d) => d.data.titel.toLowerCase().includes('representativiteit'));
    return docs.length
      ? met(docs.map((d) => d.id), 'Representativiteit vastgelegd.', 'Representativeness recorded.')
      : missing('Er is niets over representativiteit vastgelegd.', 'Nothing on representativeness is recorded.');
  },
};

/**
 * `base` one version on: G1-07 dropped, G1-03 advisory instead of hard, G1-90 (met on every dossier) and G1-91 (a
 * hard, unwaivable requirement nothing meets yet) added to T1, and a longer announcement lead time.
 */
export function nextVersionOf(base: WorkflowDefinition, version = '2099'): WorkflowDefinition {
  return {
    ...base,
    version,
    title: { nl: `${base.title.nl} (testversie ${version})`, en: `${base.title.en} (test version ${version})` },
    requirements: [
      ...base.requirements
        .filter((r) => r.id !== 'G1-07')
        .map((r) => (r.id === 'G1-03' ? { ...r, severity: 'advisory' as const, waivable: false } : r)),
      besluitvormerBekend,
      representativiteitBewaakt,
    ],
    machine: dossierMachine(base.id, version),
    settings: { ...base.settings, announcementLeadDays: base.settings.announcementLeadDays + 7 },
  };
}

/** The machine's structure as data: state → event → target (what `transitionTable` returns). */
export type TransitionTable = Record<string, Partial<Record<DossierEventType, string>>>;

/**
 * A dossier machine `id@version` with exactly the transitions of `table`, each guarded as `dossierMachine`'s are (the
 * decision carried on the event); the final states stay final, a state `table` leaves out is not in the machine.
 */
export function machineWith(id: string, version: string, table: TransitionTable, initial: string = Object.keys(table)[0]): DossierMachine {
  type Guarded = { target: string; guard: (a: { event: DossierMachineEvent }) => boolean };
  const states: Record<string, { type: 'final' } | { on: Record<string, Guarded> }> = {};
  for (const [state, events] of Object.entries(table)) {
    if ((FINAL_STATES as readonly string[]).includes(state)) {
      states[state] = { type: 'final' };
      continue;
    }
    const on: Record<string, Guarded> = {};
    for (const [event, to] of Object.entries(events)) {
      if (to !== undefined) on[event] = { target: to, guard: ({ event: e }) => e.from === state && e.decision.allowed };
    }
    states[state] = { on };
  }
  return setup({ types: { events: {} as DossierMachineEvent } }).createMachine({ id: `${id}@${version}`, initial, states } as never) as unknown as DossierMachine;
}

/**
 * `base` one version on without `phase`: a dossier in that phase cannot move to it. Its machine has the same states
 * and events as `base`'s except the phase and the events that lead into it.
 */
export function versionWithoutPhase(base: WorkflowDefinition, phase: PhaseId, version = '2100'): WorkflowDefinition {
  const table: TransitionTable = {};
  for (const [state, events] of Object.entries(transitionTable(base.machine))) {
    if (state !== phase) table[state] = Object.fromEntries(Object.entries(events).filter(([, to]) => to !== phase));
  }
  const phases = base.phases.filter((p) => p !== phase);
  return { ...nextVersionOf(base, version), phases, machine: machineWith(base.id, version, table, phases[0]) };
}

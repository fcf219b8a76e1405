import { rec } from '../../../testing/facts-builder';
import { activiteit, terugkoppeling } from '../../../testing/fixtures-2025';
import { runCases } from '../../../testing/requirement-table';
import { BURGERBERAAD_TERUGKOPPELING, NRK_TERUGKOPPELING } from './sources';
import { reactieOpBurgerberaad, terugkoppelingNaBesluit, terugkoppelingTotBesluit } from './terugkoppeling';

const T4 = { state: 'kaderstelling-besluitvorming' as const };

describe('2025 feedback requirements', () => {
  it('are G4-51/G6-53 and G4-52, hard and waivable, citing the beleidskader, the NRK and the Burgerberaad duty', () => {
    expect([terugkoppelingTotBesluit, terugkoppelingNaBesluit, reactieOpBurgerberaad].map((r) => [r.id, r.transition, r.severity, r.waivable, r.events])).toEqual([
      ['G4-51', 'T4', 'hard', true, ['ADVANCE']],
      ['G6-53', 'T6', 'hard', true, ['ADVANCE', 'NEW_CYCLE']],
      ['G4-52', 'T4', 'hard', true, ['ADVANCE']],
    ]);
    expect(terugkoppelingTotBesluit.origin.basis).toContain('doe wat je zegt en zeg wat je doet');
    expect(terugkoppelingTotBesluit.origin.basis).toContain(NRK_TERUGKOPPELING.url);
    expect(terugkoppelingTotBesluit.rule).toContain('voorfase-agendasetting, voorbereiding-beleid, ontwikkeling-voorstel, kaderstelling-besluitvorming');
    expect(terugkoppelingNaBesluit.rule).toContain('phases uitvoering, controle-evaluatie');
    expect(reactieOpBurgerberaad.origin.basis).toContain(BURGERBERAAD_TERUGKOPPELING.quote);
    expect(reactieOpBurgerberaad.origin.basis).toContain(BURGERBERAAD_TERUGKOPPELING.url);
  });
});

describe('G4-51 terugkoppelingTotBesluit', () => {
  runCases(
    terugkoppelingTotBesluit,
    [
      { name: 'no activity with residents: not applicable', evidence: () => [], status: 'not-applicable', nl: /geen deelnemers om terug te koppelen/, en: /no participants to report back to/ },
      { name: 'an activity in uitvoering is G6-53’s: not applicable', evidence: () => [activiteit('a-1', { fase: 'uitvoering' })], status: 'not-applicable' },
      { name: 'a planned activity: not applicable', evidence: () => [activiteit('a-1', { status: 'gepland' })], status: 'not-applicable' },
      {
        name: 'feedback naming the activity, saying what was done, after it: satisfied with the date heard',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01')],
        status: 'satisfied',
        nl: /De deelnemers van alle 1 activiteiten hoorden wat met hun inbreng is gedaan: Atelier van 2026-03-02 \(a-1\) → 2026-04-01\./,
        en: /\(a-1\) → 2026-04-01/,
        evidenceIds: ['a-1', 't-1'],
      },
      {
        name: 'no feedback: unsatisfied, naming the activity',
        evidence: () => [activiteit('a-1')],
        status: 'unsatisfied',
        nl: /De deelnemers van 1 van de 1 activiteiten hebben niet gehoord .*\(a-1\): er is geen terugkoppeling vastgelegd die deze activiteit noemt/,
        en: /no feedback naming this activity/,
        evidenceIds: ['a-1'],
      },
      {
        name: 'feedback to participants that names another activity does not count',
        evidence: () => [activiteit('a-1'), activiteit('a-2', { fase: 'kaderstelling-besluitvorming' }), terugkoppeling('t-1', ['a-2'])],
        status: 'unsatisfied',
        nl: /1 van de 2 activiteiten .*\(a-1\): er is geen terugkoppeling/,
        notNl: [/\(a-2\): er is geen/],
      },
      {
        name: 'feedback without activity ids does not count',
        evidence: () => [activiteit('a-1'), rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'overig', watGedaanMetInbreng: 'x' }, { id: 't-1', occurredOn: '2026-04-01' })],
        status: 'unsatisfied',
        nl: /geen terugkoppeling vastgelegd die deze activiteit noemt/,
      },
      {
        name: 'feedback to PS naming the activity does not reach the participants',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01', { aan: 'ps' })],
        status: 'unsatisfied',
      },
      {
        name: 'feedback to an advisory body reaches its participants',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01', { aan: 'adviesorgaan' })],
        status: 'satisfied',
      },
      {
        name: 'feedback that does not say what was done: unsatisfied, says so',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01', { watGedaanMetInbreng: ' ' })],
        status: 'unsatisfied',
        nl: /de terugkoppeling van 2026-04-01 \(t-1\) zegt niet wat met de inbreng is gedaan/,
        en: /does not say what was done with the input/,
        evidenceIds: ['a-1', 't-1'],
      },
      {
        name: 'feedback dated before the activity ended: unsatisfied',
        evidence: () => [activiteit('a-1', { startOn: '2026-03-02', endOn: '2026-03-20' }), terugkoppeling('t-1', ['a-1'], '2026-03-19')],
        status: 'unsatisfied',
        nl: /de terugkoppeling van 2026-03-19 ligt vóór het einde van de activiteit \(2026-03-20\)/,
        en: /predates the end of the activity \(2026-03-20\)/,
      },
      { name: 'boundary: feedback on the last day of the activity counts', evidence: () => [activiteit('a-1', { endOn: '2026-03-20' }), terugkoppeling('t-1', ['a-1'], '2026-03-20')], status: 'satisfied' },
      { name: 'boundary: feedback on the day of a one-day activity counts', evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-03-02')], status: 'satisfied' },
      { name: 'feedback the day before a one-day activity does not', evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-03-01')], status: 'unsatisfied', nl: /\(2026-03-02\)/ },
      {
        name: 'feedback dated after today has not happened: unsatisfied',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-06-16')],
        status: 'unsatisfied',
        nl: /gedateerd 2026-06-16, na vandaag \(2026-06-15\)/,
        en: /dated 2026-06-16, after today \(2026-06-15\)/,
      },
      { name: 'boundary: feedback today counts', evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-06-15')], status: 'satisfied' },
      {
        name: 'a valid earlier feedback counts even when a later one lacks content',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01'), terugkoppeling('t-2', ['a-1'], '2026-05-01', { watGedaanMetInbreng: '' })],
        status: 'satisfied',
        nl: /→ 2026-04-01/,
        evidenceIds: ['a-1', 't-1'],
      },
      {
        name: 'the latest valid feedback is the one shown',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-04-01'), terugkoppeling('t-2', ['a-1'], '2026-05-01')],
        status: 'satisfied',
        nl: /→ 2026-05-01/,
        notNl: [/2026-04-01/],
      },
      {
        name: 'the fault shown is that of the latest feedback',
        evidence: () => [activiteit('a-1'), terugkoppeling('t-1', ['a-1'], '2026-03-01'), terugkoppeling('t-2', ['a-1'], '2026-07-01')],
        status: 'unsatisfied',
        nl: /na vandaag/,
        notNl: [/vóór het einde/],
        evidenceIds: ['a-1', 't-1', 't-2'],
      },
      {
        name: 'feedback naming the corrected version of the activity still counts',
        evidence: () => [activiteit('a-1'), activiteit('a-2', { opbrengst: 'gecorrigeerd' }, { supersedes: 'a-1' }), terugkoppeling('t-1', ['a-1'])],
        status: 'satisfied',
        nl: /\(a-2\) → 2026-04-01/,
      },
      {
        name: 'one feedback may reach the participants of several activities; one left out is named',
        evidence: () => [
          activiteit('a-1'),
          activiteit('a-2', { fase: 'ontwikkeling-voorstel', startOn: '2026-03-10' }),
          activiteit('a-3', { fase: 'kaderstelling-besluitvorming', startOn: '2026-05-10' }),
          terugkoppeling('t-1', ['a-1', 'a-2'], '2026-04-01'),
        ],
        status: 'unsatisfied',
        nl: /1 van de 3 activiteiten .*\(a-3\): er is geen terugkoppeling/,
        notNl: [/\(a-1\): /, /\(a-2\): /],
        evidenceIds: ['a-1', 'a-2', 'a-3', 't-1'],
      },
    ],
    T4,
  );
});

describe('G6-53 terugkoppelingNaBesluit', () => {
  runCases(
    terugkoppelingNaBesluit,
    [
      { name: 'activities before the decision are G4-51’s: not applicable', evidence: () => [activiteit('a-1', { fase: 'kaderstelling-besluitvorming' })], status: 'not-applicable', nl: /uitvoering en controle-evaluatie/ },
      { name: 'an activity in uitvoering without feedback: unsatisfied', evidence: () => [activiteit('a-1', { fase: 'uitvoering' })], status: 'unsatisfied' },
      { name: 'an activity in evaluatie with feedback: satisfied', evidence: () => [activiteit('a-1', { fase: 'controle-evaluatie' }), terugkoppeling('t-1', ['a-1'])], status: 'satisfied' },
    ],
    { state: 'controle-evaluatie' },
  );
});

describe('G4-52 reactieOpBurgerberaad', () => {
  const bb = (id: string, over: Parameters<typeof activiteit>[1] = {}) => activiteit(id, { instrumentId: 'other', instrumentLabel: 'Burgerberaad Wonen', ...over });
  const reactie = (id: string, ids: string[], occurredOn = '2026-04-01', over = {}) => terugkoppeling(id, ids, occurredOn, { aan: 'adviesorgaan', onderwerp: 'adviesreactie', ...over });
  runCases(
    reactieOpBurgerberaad,
    [
      { name: 'no Burgerberaad: not applicable', evidence: () => [activiteit('a-1')], status: 'not-applicable', nl: /geen uitgevoerde Burgerberaad-activiteit/, en: /no Burgerberaad activity/ },
      { name: 'another other-instrument: not applicable', evidence: () => [activiteit('a-1', { instrumentId: 'other', instrumentLabel: 'Dorpsgesprek' })], status: 'not-applicable' },
      { name: 'a catalogue instrument whose label says Burgerberaad is not one', evidence: () => [activiteit('a-1', { instrumentLabel: 'burgerberaad' })], status: 'not-applicable' },
      { name: 'a Burgerberaad without a label text: not applicable', evidence: () => [activiteit('a-1', { instrumentId: 'other' })], status: 'not-applicable' },
      { name: 'a planned Burgerberaad has given no advice yet: not applicable', evidence: () => [bb('b-1', { status: 'gepland' })], status: 'not-applicable' },
      {
        name: 'a reasoned reaction naming it: satisfied',
        evidence: () => [bb('b-1', { instrumentLabel: 'BURGERBERAAD wonen' }), reactie('r-1', ['b-1'])],
        status: 'satisfied',
        nl: /gemotiveerd gereageerd: BURGERBERAAD wonen van 2026-03-02 \(b-1\) → reactie van 2026-04-01\./,
        en: /reaction of 2026-04-01/,
        evidenceIds: ['b-1', 'r-1'],
      },
      { name: 'it counts also when not aimed at residents', evidence: () => [bb('b-1', { inwonersGericht: false })], status: 'unsatisfied' },
      {
        name: 'no reaction: unsatisfied',
        evidence: () => [bb('b-1')],
        status: 'unsatisfied',
        nl: /niet gemotiveerd gereageerd: Burgerberaad Wonen van 2026-03-02 \(b-1\): er is geen terugkoppeling/,
        en: /received no reasoned reaction: Burgerberaad Wonen of 2026-03-02 \(b-1\): no feedback naming this activity/,
        evidenceIds: ['b-1'],
      },
      { name: 'feedback to participants is no reaction to the advice', evidence: () => [bb('b-1'), terugkoppeling('t-1', ['b-1'])], status: 'unsatisfied' },
      { name: 'a reaction on another subject does not count', evidence: () => [bb('b-1'), reactie('r-1', ['b-1'], '2026-04-01', { onderwerp: 'overig' })], status: 'unsatisfied' },
      {
        name: 'a reaction that does not say what was adopted: unsatisfied',
        evidence: () => [bb('b-1'), reactie('r-1', ['b-1'], '2026-04-01', { watGedaanMetInbreng: '' })],
        status: 'unsatisfied',
        nl: /zegt niet wat met de inbreng is gedaan/,
        evidenceIds: ['b-1', 'r-1'],
      },
      { name: 'a reaction dated after today does not count', evidence: () => [bb('b-1'), reactie('r-1', ['b-1'], '2026-07-01')], status: 'unsatisfied', nl: /na vandaag/ },
    ],
    T4,
  );
});

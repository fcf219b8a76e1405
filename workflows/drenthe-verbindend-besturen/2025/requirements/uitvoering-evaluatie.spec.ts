import { activiteit } from '../../../testing/fixtures-2025';
import { runCases } from '../../../testing/requirement-table';
import { WET_VERSTERKING_PARTICIPATIE } from './sources';
import { participatieTijdensEvaluatie, participatieTijdensUitvoering } from './uitvoering-evaluatie';

describe('2025 participation during uitvoering and evaluatie', () => {
  it('are G5-51 and G6-54: advisory, law-derived and marked unverified with what was not found', () => {
    expect([participatieTijdensUitvoering, participatieTijdensEvaluatie].map((r) => [r.id, r.transition, r.severity, r.waivable, r.events])).toEqual([
      ['G5-51', 'T5', 'advisory', false, ['ADVANCE']],
      ['G6-54', 'T6', 'advisory', false, ['ADVANCE', 'NEW_CYCLE']],
    ]);
    for (const r of [participatieTijdensUitvoering, participatieTijdensEvaluatie]) {
      expect(r.origin).toMatchObject({ kind: 'law', verified: false });
      expect(r.origin.basis).toContain('voorbereiding, uitvoering én evaluatie van beleid');
      expect(r.origin.basis).toContain(WET_VERSTERKING_PARTICIPATIE.url);
      expect(r.origin.note).toMatch(/Staatsblad .* not found/);
    }
    expect(participatieTijdensUitvoering.label.nl).toBe('Inwoners betrokken tijdens de uitvoering (2025)');
    expect(participatieTijdensEvaluatie.label.en).toBe('Residents involved during evaluation (2025)');
    expect(participatieTijdensEvaluatie.rule).toContain('phase controle-evaluatie');
  });
});

describe('G5-51 participatieTijdensUitvoering', () => {
  runCases(
    participatieTijdensUitvoering,
    [
      {
        name: 'an activity with residents in uitvoering: satisfied',
        evidence: () => [activiteit('a-1', { fase: 'uitvoering', startOn: '2026-05-01' })],
        status: 'satisfied',
        nl: /Inwoners zijn tijdens de uitvoering betrokken: Atelier van 2026-05-01 \(a-1\)\./,
        en: /during implementation: .*\(a-1\)/,
        evidenceIds: ['a-1'],
      },
      {
        name: 'none: unsatisfied, naming the law and asking for an activity or an explanation',
        evidence: () => [activiteit('a-1')],
        status: 'unsatisfied',
        nl: [/tijdens de uitvoering \(fase uitvoering\) geen activiteit/, /ook de uitvoering van beleid regelen/],
        en: /cover the implementation of policy too/,
      },
      { name: 'a planned activity does not count', evidence: () => [activiteit('a-1', { fase: 'uitvoering', status: 'gepland' })], status: 'unsatisfied' },
      { name: 'without residents does not count', evidence: () => [activiteit('a-1', { fase: 'uitvoering', inwonersGericht: false })], status: 'unsatisfied' },
      { name: 'boundary: today counts', evidence: () => [activiteit('a-1', { fase: 'uitvoering', startOn: '2026-06-15' })], status: 'satisfied' },
      { name: 'boundary: tomorrow does not', evidence: () => [activiteit('a-1', { fase: 'uitvoering', startOn: '2026-06-16' })], status: 'unsatisfied' },
    ],
    { state: 'uitvoering' },
  );
});

describe('G6-54 participatieTijdensEvaluatie', () => {
  runCases(
    participatieTijdensEvaluatie,
    [
      { name: 'an activity in evaluatie: satisfied', evidence: () => [activiteit('a-1', { fase: 'controle-evaluatie' }), activiteit('a-2', { fase: 'controle-evaluatie', startOn: '2026-03-09' })], status: 'satisfied', nl: /tijdens de evaluatie betrokken: .*\(a-1\) en .*\(a-2\)/ },
      { name: 'only in uitvoering: unsatisfied', evidence: () => [activiteit('a-1', { fase: 'uitvoering' })], status: 'unsatisfied', nl: [/fase controle-evaluatie/, /ook de evaluatie van beleid/], en: /cover the evaluation of policy too/ },
    ],
    { state: 'controle-evaluatie' },
  );
});

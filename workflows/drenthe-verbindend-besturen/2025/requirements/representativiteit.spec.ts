import { activiteit } from '../../../testing/fixtures-2025';
import { runCases } from '../../../testing/requirement-table';
import { BLIJVEND_IN_VERBINDING, SEED_REPRESENTATIVITEIT } from './sources';
import {
  bereikNaBesluit,
  bereikTotVoorstel,
  representativiteitGaps,
  representativiteitNaBesluit,
  representativiteitTotVoorstel,
} from './representativiteit';

const T3 = { state: 'ontwikkeling-voorstel' as const };
const T6 = { state: 'controle-evaluatie' as const };
const goed = { werving: { methode: 'loting' as const }, bereik: [{ doelgroep: 'jongeren', beoogd: 40, bereikt: 40 }] };

describe('2025 representativeness requirements', () => {
  it('are G3-51/G6-51 (hard, waivable) and G3-52/G6-52 (advisory), citing the seed role and wish 2', () => {
    expect([representativiteitTotVoorstel, bereikTotVoorstel, representativiteitNaBesluit, bereikNaBesluit].map((r) => [r.id, r.transition, r.severity, r.waivable, r.events])).toEqual([
      ['G3-51', 'T3', 'hard', true, ['ADVANCE']],
      ['G3-52', 'T3', 'advisory', false, ['ADVANCE']],
      ['G6-51', 'T6', 'hard', true, ['ADVANCE', 'NEW_CYCLE']],
      ['G6-52', 'T6', 'advisory', false, ['ADVANCE', 'NEW_CYCLE']],
    ]);
    for (const r of [representativiteitTotVoorstel, bereikNaBesluit]) {
      expect(r.origin).toMatchObject({ kind: 'seed', seedQuote: SEED_REPRESENTATIVITEIT, verified: true });
      expect(r.origin.basis).toContain('alle belangen aan tafel');
      expect(r.origin.basis).toContain(BLIJVEND_IN_VERBINDING.url);
    }
    expect(representativiteitTotVoorstel.rule).toContain('voorfase-agendasetting, voorbereiding-beleid, ontwikkeling-voorstel');
    expect(representativiteitNaBesluit.rule).toContain('kaderstelling-besluitvorming, uitvoering, controle-evaluatie');
  });
});

describe('representativiteitGaps', () => {
  const a = (over: Parameters<typeof activiteit>[1]) => activiteit('a', over);
  it('is empty when recruitment and the reach of every target group are recorded (groups compared without case or spaces)', () => {
    expect(representativiteitGaps(a({ ...goed, doelgroepen: [' Jongeren '] }))).toEqual([]);
    expect(representativiteitGaps(a({ werving: { methode: 'anders', toelichting: 'Via de dorpsbelangen.' }, bereik: goed.bereik }))).toEqual([]);
    expect(representativiteitGaps(a({ ...goed, bereik: [{ doelgroep: ' JONGEREN ', beoogd: 1, bereikt: 1 }] }))).toEqual([]);
  });
  it('names each missing part', () => {
    expect(representativiteitGaps(a({ bereik: goed.bereik })).map((g) => g.nl)).toEqual(['hoe de deelnemers zijn geworven (werving)']);
    expect(representativiteitGaps(a({ werving: { methode: 'anders', toelichting: ' ' }, bereik: goed.bereik })).map((g) => g.en)).toEqual(["an explanation of recruitment method 'anders'"]);
    expect(representativiteitGaps(a({ werving: { methode: 'loting' }, doelgroepen: ['jongeren', 'agrariërs'], bereik: goed.bereik })).map((g) => g.nl)).toEqual([
      "het bereik voor doelgroep 'agrariërs' (beoogd en bereikt)",
    ]);
    expect(representativiteitGaps(a({ werving: { methode: 'loting' }, doelgroepen: ['jongeren', 'agrariërs'] })).map((g) => g.en)).toEqual([
      "the reach for target group 'jongeren' and 'agrariërs' (meant and reached)",
    ]);
  });
  it('asks for reach per target group when the activity names none', () => {
    expect(representativiteitGaps(a({ werving: { methode: 'panel' }, doelgroepen: [] })).map((g) => g.nl)).toEqual(['het bereik per doelgroep (bereik)']);
    expect(representativiteitGaps(a({ werving: { methode: 'panel' }, doelgroepen: [' '] })).map((g) => g.nl)).toEqual(['het bereik per doelgroep (bereik)']);
    expect(representativiteitGaps(a({ werving: { methode: 'panel' }, doelgroepen: [], bereik: goed.bereik }))).toEqual([]);
  });
});

describe('G3-51 representativiteitTotVoorstel', () => {
  runCases(
    representativiteitTotVoorstel,
    [
      { name: 'no activity with residents: not applicable', evidence: () => [], status: 'not-applicable', nl: /geen activiteit met inwoners uitgevoerd/, en: /phases voorfase-agendasetting, voorbereiding-beleid and ontwikkeling-voorstel/ },
      { name: 'an activity of a later phase: not applicable', evidence: () => [activiteit('a-1', { fase: 'uitvoering' })], status: 'not-applicable' },
      { name: 'a planned activity: not applicable', evidence: () => [activiteit('a-1', { status: 'gepland' })], status: 'not-applicable' },
      { name: 'an activity without residents: not applicable', evidence: () => [activiteit('a-1', { inwonersGericht: false })], status: 'not-applicable' },
      {
        name: 'recruitment and reach recorded: satisfied',
        evidence: () => [activiteit('a-1', goed), activiteit('a-2', { ...goed, fase: 'voorfase-agendasetting' })],
        status: 'satisfied',
        nl: /Bij alle 2 activiteiten met inwoners zijn de werving en het bereik per doelgroep vastgelegd/,
        en: /All 2 activities/,
        evidenceIds: ['a-1', 'a-2'],
      },
      {
        name: 'one of two without recruitment: names it and what it lacks',
        evidence: () => [activiteit('a-1', goed), activiteit('a-2', { bereik: goed.bereik, fase: 'ontwikkeling-voorstel' })],
        status: 'unsatisfied',
        nl: /bij 1 van de 2 activiteiten met inwoners: Atelier van 2026-03-02 \(a-2\): hoe de deelnemers zijn geworven \(werving\)\./,
        notNl: [/\(a-1\):/],
        en: /1 of 2 activities with residents lack: .*\(a-2\): how participants were recruited/,
        evidenceIds: ['a-1', 'a-2'],
      },
      {
        name: 'two faults are separated',
        evidence: () => [activiteit('a-1'), activiteit('a-2', { werving: { methode: 'open-oproep' } })],
        status: 'unsatisfied',
        nl: /\(a-1\): hoe de deelnemers zijn geworven \(werving\) en het bereik voor doelgroep 'jongeren' \(beoogd en bereikt\); .*\(a-2\): het bereik voor doelgroep 'jongeren'/,
        en: /\(a-1\): how participants were recruited \(werving\) and the reach/,
      },
    ],
    T3,
  );
});

describe('G6-51 representativiteitNaBesluit', () => {
  runCases(
    representativiteitNaBesluit,
    [
      { name: 'activities before the decision are G3-51’s: not applicable', evidence: () => [activiteit('a-1')], status: 'not-applicable', nl: /kaderstelling-besluitvorming, uitvoering en controle-evaluatie/ },
      { name: 'an activity in uitvoering without recruitment: unsatisfied', evidence: () => [activiteit('a-1', { fase: 'uitvoering', bereik: goed.bereik })], status: 'unsatisfied', nl: /werving/ },
      { name: 'an activity in kaderstelling with everything: satisfied', evidence: () => [activiteit('a-1', { ...goed, fase: 'kaderstelling-besluitvorming' })], status: 'satisfied' },
    ],
    T6,
  );
});

describe('G3-52 bereikTotVoorstel', () => {
  const bereik = (beoogd: number, bereikt: number, toelichting?: string) => ({ werving: { methode: 'loting' as const }, bereik: [{ doelgroep: 'jongeren', beoogd, bereikt, ...(toelichting ? { toelichting } : {}) }] });
  runCases(
    bereikTotVoorstel,
    [
      { name: 'no reach recorded: not applicable (G3-51 asks for it)', evidence: () => [activiteit('a-1')], status: 'not-applicable', nl: /voor geen enkele activiteit met inwoners .* is het bereik vastgelegd/, en: /no reach is recorded/ },
      { name: 'reach recorded only for a later phase: not applicable', evidence: () => [activiteit('a-1', { ...bereik(10, 1), fase: 'uitvoering' })], status: 'not-applicable' },
      { name: 'reach recorded for a cancelled activity: not applicable', evidence: () => [activiteit('a-1', { ...bereik(10, 1), status: 'geannuleerd' })], status: 'not-applicable' },
      { name: 'reached as meant: satisfied', evidence: () => [activiteit('a-1', bereik(40, 40))], status: 'satisfied', nl: /\(1 activiteit\)/, en: /\(1 activity\)/, evidenceIds: ['a-1'] },
      { name: 'only activities with a recorded reach are counted', evidence: () => [activiteit('a-1', bereik(4, 4)), activiteit('a-2')], status: 'satisfied', nl: /\(1 activiteit\)/ },
      { name: 'more than meant: satisfied', evidence: () => [activiteit('a-1', bereik(40, 55)), activiteit('a-2', bereik(1, 1))], status: 'satisfied', nl: /\(2 activiteiten\)/, en: /\(2 activities\)/ },
      {
        name: 'fewer than meant without explanation: unsatisfied, with the numbers',
        evidence: () => [activiteit('a-1', bereik(40, 39))],
        status: 'unsatisfied',
        nl: /Atelier van 2026-03-02 \(a-1\): doelgroep 'jongeren' 39 van 40 bereikt\. Licht per doelgroep toe/,
        en: /target group 'jongeren' 39 of 40 reached/,
        evidenceIds: ['a-1'],
      },
      { name: 'fewer than meant, explained: satisfied', evidence: () => [activiteit('a-1', bereik(40, 12, 'Examenperiode; extra gesprek op school.'))], status: 'satisfied' },
      { name: 'a blank explanation is none', evidence: () => [activiteit('a-1', bereik(40, 12, '  '))], status: 'unsatisfied' },
      {
        name: 'only the short groups are listed',
        evidence: () => [
          activiteit('a-1', {
            doelgroepen: ['jongeren', 'ouderen'],
            bereik: [
              { doelgroep: 'jongeren', beoogd: 10, bereikt: 2 },
              { doelgroep: 'ouderen', beoogd: 10, bereikt: 10 },
            ],
          }),
          activiteit('a-2', bereik(5, 0)),
        ],
        status: 'unsatisfied',
        nl: /'jongeren' 2 van 10 bereikt; .*\(a-2\): doelgroep 'jongeren' 0 van 5 bereikt/,
        notNl: [/ouderen/],
      },
    ],
    T3,
  );
});

describe('G6-52 bereikNaBesluit', () => {
  runCases(
    bereikNaBesluit,
    [
      { name: 'reach of an earlier phase is G3-52’s: not applicable', evidence: () => [activiteit('a-1', goed)], status: 'not-applicable' },
      { name: 'a shortfall in evaluatie: unsatisfied', evidence: () => [activiteit('a-1', { fase: 'controle-evaluatie', bereik: [{ doelgroep: 'jongeren', beoogd: 3, bereikt: 1 }] })], status: 'unsatisfied', nl: /1 van 3/ },
    ],
    T6,
  );
});

import { evaluateRequirements, Requirement } from '../../requirement';
import { FactsOptions, factsWith, rec } from '../../testing/facts-builder';
import { RequirementCase, runCases } from '../../testing/requirement-table';
import {
  aansluitenMaatschappelijkeInitiatievenOverwogen,
  evaluatietypeVastgelegd,
  T5_REQUIREMENTS,
  uitdaagrechtVerzoekenBeslist,
  voortgangsberichtAanPs,
} from './t5';

const table = (req: Requirement, cases: RequirementCase[]) => runCases(req, cases);

const UITVOERING: FactsOptions = { state: 'uitvoering', enteredPhaseOn: '2026-01-05' };

describe('T5 requirements', () => {
  it('are G5-01…G5-04 in brief order, on ADVANCE only', () => {
    expect(T5_REQUIREMENTS.map((r) => r.id)).toEqual(['G5-01', 'G5-02', 'G5-03', 'G5-04']);
    for (const r of T5_REQUIREMENTS) {
      expect(r.transition).toBe('T5');
      expect(r.events).toEqual(['ADVANCE']);
    }
  });

  describe('G5-01 voortgangsberichtAanPs', () => {
    table(voortgangsberichtAanPs, [
      {
        name: 'satisfied by a progress letter to PS during implementation',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang', kanaal: 'Statenbrief' }, { id: 'tk-1', occurredOn: '2026-03-01' })],
        opts: UITVOERING,
        status: 'satisfied',
        nl: /2026-03-01/,
        evidenceIds: ['tk-1'],
      },
      {
        name: 'boundary: an update on the day implementation started counts',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' }, { id: 'tk-2', occurredOn: '2026-01-05' })],
        opts: UITVOERING,
        status: 'satisfied',
      },
      {
        name: 'boundary: an update the day before implementation started does not count',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' }, { id: 'tk-3', occurredOn: '2026-01-04' })],
        opts: UITVOERING,
        status: 'unsatisfied',
        nl: /2026-01-04.*vóór de start van de uitvoering op 2026-01-05/,
        en: /predate the start of implementation on 2026-01-05/,
        evidenceIds: ['tk-3'],
      },
      {
        name: 'unsatisfied without any progress update',
        evidence: () => [],
        opts: UITVOERING,
        status: 'unsatisfied',
        nl: /Ontbreekt: een voortgangsbericht aan PS.*op of na 2026-01-05/,
        en: /Missing: a progress update to PS/,
      },
      {
        name: 'feedback to PS on another subject does not count',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie' }, { occurredOn: '2026-03-01' })],
        opts: UITVOERING,
        status: 'unsatisfied',
        nl: /voortgang/,
      },
      {
        name: 'a progress update to participants (not PS) does not count',
        evidence: () => [rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'voortgang' }, { occurredOn: '2026-03-01' })],
        opts: UITVOERING,
        status: 'unsatisfied',
      },
    ]);
  });

  describe('G5-02 aansluitenMaatschappelijkeInitiatievenOverwogen', () => {
    table(aansluitenMaatschappelijkeInitiatievenOverwogen, [
      {
        name: 'satisfied by a yes with an explanation',
        evidence: () => [
          rec('checkvraag', { vraag: 'maatschappelijke-initiatieven', antwoord: true, toelichting: 'Aangesloten bij de energiecoöperatie' }, { id: 'cv-1' }),
        ],
        status: 'satisfied',
        nl: /ja.*energiecoöperatie/,
        evidenceIds: ['cv-1'],
      },
      {
        name: 'a motivated no also shows it was considered',
        evidence: () => [rec('checkvraag', { vraag: 'maatschappelijke-initiatieven', antwoord: false, toelichting: 'Geen lopende initiatieven in het gebied' })],
        status: 'satisfied',
        en: /\(no\)/,
      },
      {
        name: 'unsatisfied when the question is not answered',
        evidence: () => [rec('checkvraag', { vraag: 'beginspraak', antwoord: true, toelichting: 'x' })],
        status: 'unsatisfied',
        nl: /checkvraag 'maatschappelijke-initiatieven'/,
        en: /civil-society initiatives/,
      },
      {
        name: 'unsatisfied when the explanation is blank',
        evidence: () => [rec('checkvraag', { vraag: 'maatschappelijke-initiatieven', antwoord: true, toelichting: '   ' }, { id: 'cv-2' })],
        status: 'unsatisfied',
        nl: /toelichting is leeg/,
        evidenceIds: ['cv-2'],
      },
      {
        name: 'the latest answer counts',
        evidence: () => [
          rec('checkvraag', { vraag: 'maatschappelijke-initiatieven', antwoord: true, toelichting: '' }),
          rec('checkvraag', { vraag: 'maatschappelijke-initiatieven', antwoord: true, toelichting: 'Dorpsbelangen betrokken' }, { id: 'cv-3' }),
        ],
        status: 'satisfied',
        evidenceIds: ['cv-3'],
      },
    ]);
  });

  describe('G5-03 uitdaagrechtVerzoekenBeslist', () => {
    it('is law-derived, advisory and marked unverified with a note', () => {
      expect(uitdaagrechtVerzoekenBeslist.origin.kind).toBe('law');
      expect(uitdaagrechtVerzoekenBeslist.origin.verified).toBe(false);
      expect(uitdaagrechtVerzoekenBeslist.origin.note).toMatch(/entry into force/);
    });
    table(uitdaagrechtVerzoekenBeslist, [
      { name: 'not applicable without requests', evidence: () => [], status: 'not-applicable', nl: /uitdaagrechtverzoek/ },
      {
        name: 'satisfied when every request is decided',
        evidence: () => [
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn: '2026-04-01', uitkomst: 'toegekend' }, { id: 'ud-1' }),
        ],
        status: 'satisfied',
        nl: /2026-02-01 → 2026-04-01 \(toegekend\)/,
        evidenceIds: ['ud-1'],
      },
      {
        name: 'unsatisfied when one of two requests is undecided',
        evidence: () => [
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn: '2026-04-01' }, { id: 'ud-2' }),
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-05-10' }, { id: 'ud-3' }),
        ],
        status: 'unsatisfied',
        nl: /1 van de 2 uitdaagrechtverzoeken is nog niet beslist \(ingediend op 2026-05-10\)/,
        en: /1 of 2 right-to-challenge requests has not been decided/,
        evidenceIds: ['ud-2', 'ud-3'],
      },
      {
        name: 'a correction that adds the decision supersedes the open request',
        evidence: () => [
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-05-10' }, { id: 'ud-4' }),
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-05-10', besluitOn: '2026-06-01' }, { id: 'ud-5', supersedes: 'ud-4' }),
        ],
        status: 'satisfied',
        evidenceIds: ['ud-5'],
      },
      {
        name: 'one decided request: the text speaks of the request, in the singular',
        evidence: () => [rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn: '2026-04-01' })],
        status: 'satisfied',
        nl: /^Het uitdaagrechtverzoek is beslist \(ingediend → besluit\): 2026-02-01 → 2026-04-01\.$/,
        en: /^The right-to-challenge request has been decided \(submitted → decision\): 2026-02-01 → 2026-04-01\.$/,
      },
      {
        name: 'two decided requests: the text counts them',
        evidence: () => [
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn: '2026-04-01' }),
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-03-01', besluitOn: '2026-05-01', uitkomst: 'afgewezen' }),
        ],
        status: 'satisfied',
        nl: /^Alle 2 uitdaagrechtverzoeken zijn beslist \(ingediend → besluit\): 2026-02-01 → 2026-04-01, 2026-03-01 → 2026-05-01 \(afgewezen\)\.$/,
        en: /^All 2 right-to-challenge requests have been decided/,
      },
      {
        name: 'two open requests: the text uses the plural and names both',
        evidence: () => [
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01' }),
          rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-03-01' }),
        ],
        status: 'unsatisfied',
        nl: /^2 van de 2 uitdaagrechtverzoeken zijn nog niet beslist \(ingediend op 2026-02-01, ingediend op 2026-03-01\)/,
        en: /^2 of 2 right-to-challenge requests have not been decided \(submitted on 2026-02-01, submitted on 2026-03-01\)/,
      },
      {
        name: 'a decision date that is no calendar date (30 February) leaves the request open',
        evidence: () => [rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn: '2026-02-30' })],
        status: 'unsatisfied',
        nl: /1 van de 1 uitdaagrechtverzoeken is nog niet beslist \(ingediend op 2026-02-01\)/,
        en: /1 of 1 right-to-challenge requests has not been decided/,
      },
    ]);
  });

  describe('G5-04 evaluatietypeVastgelegd', () => {
    it('is a hard, non-waivable data rule', () => {
      expect(evaluatietypeVastgelegd.severity).toBe('hard');
      expect(evaluatietypeVastgelegd.waivable).toBe(false);
      expect(evaluatietypeVastgelegd.origin.kind).toBe('data');
    });
    table(evaluatietypeVastgelegd, [
      {
        name: 'satisfied when the evaluation type is recorded',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: '217a-onderzoek' }, { id: 'et-1' })],
        status: 'satisfied',
        nl: /217a-onderzoek/,
        evidenceIds: ['et-1'],
      },
      {
        name: 'the latest evaluation type counts',
        evidence: () => [
          rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' }),
          rec('procedure', { stap: 'evaluatietype', type: 'extern' }, { id: 'et-2' }),
        ],
        status: 'satisfied',
        en: /extern/,
        evidenceIds: ['et-2'],
      },
      {
        name: 'unsatisfied without an evaluation type, naming the choices and the T6 guards that depend on it',
        evidence: () => [],
        status: 'unsatisfied',
        nl: /Ontbreekt: het evaluatietype.*gs-evaluatie, 217a-onderzoek, statenonderzoek, nrk-onderzoek, extern.*G6-02.*G6-05/,
        en: /Missing: the evaluation type/,
      },
      {
        name: 'points at an evaluation plan that names a 217a study',
        evidence: () => [
          rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan natuurbeleid', evaluatieplan: { is217a: true } }, { id: 'ep-1' }),
        ],
        status: 'unsatisfied',
        nl: /Evaluatieplan natuurbeleid' noemt een 217a-onderzoek/,
        en: /The evaluation plan 'Evaluatieplan natuurbeleid' names a 217a study/,
        evidenceIds: ['ep-1'],
      },
      {
        name: 'an evaluation plan without a 217a study gives no hint',
        evidence: () => [rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan natuurbeleid', evaluatieplan: { is217a: false } })],
        status: 'unsatisfied',
        notNl: [/217a-onderzoek\.$/, /noemt/],
      },
      {
        name: 'an evaluation plan without plan details gives no hint',
        evidence: () => [rec('document', { documentType: 'evaluatieplan', titel: 'Evaluatieplan natuurbeleid' })],
        status: 'unsatisfied',
        notNl: [/noemt/],
      },
      {
        name: 'only a document of type evaluatieplan counts as the plan',
        evidence: () => [rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', evaluatieplan: { is217a: true } })],
        status: 'unsatisfied',
        notNl: [/noemt/],
      },
      {
        name: 'the English text lists the evaluation types too',
        evidence: () => [],
        status: 'unsatisfied',
        en: /Choose gs-evaluatie, 217a-onderzoek, statenonderzoek, nrk-onderzoek, extern\./,
      },
      {
        name: 'an evaluatietype step without a type does not count',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: undefined as never })],
        status: 'unsatisfied',
        nl: /Ontbreekt: het evaluatietype/,
      },
    ]);
    it('without a 217a plan the missing evaluation type rests on no evidence', () => {
      const [e] = evaluateRequirements([evaluatietypeVastgelegd], factsWith([rec('document', { documentType: 'overig', titel: 'x' })]));
      expect(e.evidence).toEqual([]);
    });
  });
});

// Issue #11: a decision dated after today has not been taken; the not-applicable text says why.
describe('G5-03 future decisions and the not-applicable text (issue #11)', () => {
  const verzoek = (besluitOn?: string) => rec('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-02-01', besluitOn, uitkomst: 'afgewezen' });
  table(uitdaagrechtVerzoekenBeslist, [
    { name: 'decided in 2099: still open', evidence: () => [verzoek('2099-01-01')], opts: UITVOERING, status: 'unsatisfied', nl: [/nog niet beslist/] },
    { name: 'decided today: decided', evidence: () => [verzoek('2026-06-15')], opts: UITVOERING, status: 'satisfied' },
    {
      name: 'no request: the text says none is registered',
      evidence: () => [],
      opts: UITVOERING,
      status: 'not-applicable',
      nl: [/Niet van toepassing: bij dit dossier is geen uitdaagrechtverzoek geregistreerd/],
      notNl: [/ten minste één/],
    },
  ]);
});

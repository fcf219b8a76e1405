import { DocumentData } from '../../evidence';
import { evaluateRequirements, Requirement } from '../../requirement';
import { factsWith, rec } from '../../testing/facts-builder';
import { RequirementCase, runCases } from '../../testing/requirement-table';
import {
  deelnemersGeinformeerdOverEvaluatie,
  evaluatieUitgevoerdEnTeruggekoppeldAanPs,
  evaluatierapportGepubliceerd,
  leerpuntenEnSuccessenVastgelegd,
  participatieInstrumentenGeevalueerd,
  rapportage217aAanPsEnRekenkamer,
  T6_REQUIREMENTS,
  toezichtsrapportMetGsReactie,
} from './t6';

const table = (req: Requirement, cases: RequirementCase[]) => runCases(req, cases, { state: 'controle-evaluatie' });

const doc = (data: Partial<DocumentData> & Pick<DocumentData, 'documentType'>, opts: { id?: string; occurredOn?: string } = {}) =>
  rec('document', { titel: `${data.documentType} titel`, ...data }, opts);
const type217a = () => rec('procedure', { stap: 'evaluatietype', type: '217a-onderzoek' });
const rapport = (opts: { id?: string; occurredOn?: string; verzondenAanPsOn?: string } = {}) =>
  doc(
    { documentType: 'evaluatierapport', titel: 'Evaluatie Natuurvisie', verzondenAanPsOn: opts.verzondenAanPsOn },
    { id: opts.id, occurredOn: opts.occurredOn ?? '2026-05-01' },
  );

describe('T6 requirements', () => {
  it('are G6-01…G6-07 in brief order, guarding ADVANCE and NEW_CYCLE', () => {
    expect(T6_REQUIREMENTS.map((r) => r.id)).toEqual(['G6-01', 'G6-02', 'G6-03', 'G6-04', 'G6-05', 'G6-06', 'G6-07']);
    for (const r of T6_REQUIREMENTS) {
      expect(r.transition).toBe('T6');
      expect([...r.events]).toEqual(['ADVANCE', 'NEW_CYCLE']);
    }
  });

  describe('G6-01 evaluatieUitgevoerdEnTeruggekoppeldAanPs', () => {
    table(evaluatieUitgevoerdEnTeruggekoppeldAanPs, [
      {
        name: 'satisfied by the report plus a letter to PS',
        evidence: () => [
          rapport({ id: 'er-1' }),
          rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie', kenmerk: 'Statenstuk 2026-101' }, { id: 'tk-1', occurredOn: '2026-05-20' }),
        ],
        status: 'satisfied',
        nl: /Evaluatie Natuurvisie.*terugkoppeling aan PS op 2026-05-20 \(Statenstuk 2026-101\)/,
        evidenceIds: ['er-1', 'tk-1'],
      },
      {
        name: 'satisfied by a report that was sent to PS',
        evidence: () => [rapport({ id: 'er-2', verzondenAanPsOn: '2026-05-15' })],
        status: 'satisfied',
        en: /sent to PS on 2026-05-15/,
        evidenceIds: ['er-2'],
      },
      {
        name: 'report without report-back to PS: says the PS half is missing',
        evidence: () => [rapport({ id: 'er-3' })],
        status: 'unsatisfied',
        nl: /Evaluatie Natuurvisie' is vastgelegd, maar de terugkoppeling van de hoofdlijnen aan PS ontbreekt/,
        en: /report-back of its main points to PS is missing/,
        evidenceIds: ['er-3'],
      },
      {
        name: 'letter to PS without the report: says the report is missing',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie' }, { id: 'tk-2', occurredOn: '2026-05-20' })],
        status: 'unsatisfied',
        nl: /het evaluatierapport zelf ontbreekt/,
        en: /evaluation report itself is missing/,
        evidenceIds: ['tk-2'],
      },
      {
        name: 'nothing recorded: both halves missing',
        evidence: () => [],
        status: 'unsatisfied',
        nl: /Ontbreekt: het evaluatierapport .*én de terugkoppeling van de hoofdlijnen aan PS/,
      },
      {
        name: 'feedback to participants is not a report-back to PS',
        evidence: () => [rapport(), rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'evaluatie' })],
        status: 'unsatisfied',
        nl: /terugkoppeling van de hoofdlijnen aan PS ontbreekt/,
      },
    ]);
  });

  describe('G6-02 rapportage217aAanPsEnRekenkamer', () => {
    const nrk = (data: { geinformeerdOn: string; onderzoekStartOn?: string; kopieVerzondenOn?: string }, id?: string) =>
      rec('procedure', { stap: 'nrk-217a', ...data }, { id });

    it('is law-derived (Pw 217a) and not waivable', () => {
      expect(rapportage217aAanPsEnRekenkamer.origin.kind).toBe('law');
      expect(rapportage217aAanPsEnRekenkamer.origin.basis).toMatch(/artikel 217a, tweede en derde lid, Provinciewet/);
      expect(rapportage217aAanPsEnRekenkamer.waivable).toBe(false);
    });

    table(rapportage217aAanPsEnRekenkamer, [
      {
        name: 'not applicable for a GS evaluation',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' })],
        status: 'not-applicable',
        nl: /217a-onderzoek/,
      },
      { name: 'not applicable while no evaluation type is recorded', evidence: () => [], status: 'not-applicable' },
      {
        name: 'boundary: NRK informed on the day the study started, copy sent, report sent to PS',
        evidence: () => [
          type217a(),
          rapport({ id: 'er-1', verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-02-01', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' }, 'nrk-1'),
        ],
        status: 'satisfied',
        nl: /geïnformeerd, vóór of op de start van het onderzoek \(2026-02-01\)/,
        evidenceIds: ['er-1', 'nrk-1'],
      },
      {
        name: 'boundary: NRK informed one day after the study started is too late',
        evidence: () => [
          type217a(),
          rapport({ verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-02-02', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' }, 'nrk-2'),
        ],
        status: 'unsatisfied',
        nl: /niet tijdig geïnformeerd: op 2026-02-02, na de start van het onderzoek op 2026-02-01/,
        en: /not informed in time: on 2026-02-02, after the study started on 2026-02-01/,
        evidenceIds: ['nrk-2'],
      },
      {
        name: 'without a study start date: informed on the report date is in time',
        evidence: () => [
          type217a(),
          rapport({ occurredOn: '2026-05-01', verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-05-01', kopieVerzondenOn: '2026-05-10' }),
        ],
        status: 'satisfied',
        en: /on or before the date of the report \(2026-05-01\)/,
      },
      {
        name: 'without a study start date: informed after the report date is too late',
        evidence: () => [
          type217a(),
          rapport({ occurredOn: '2026-05-01', verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-05-02', kopieVerzondenOn: '2026-05-10' }),
        ],
        status: 'unsatisfied',
        nl: /op 2026-05-02, na de datum van het evaluatierapport \(2026-05-01\)/,
      },
      {
        name: 'no copy of the report sent to the rekenkamer',
        evidence: () => [
          type217a(),
          rapport({ verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01' }),
        ],
        status: 'unsatisfied',
        nl: /geen kopie van het rapport ontvangen \(kopieVerzondenOn ontbreekt\)/,
        en: /not been sent a copy/,
      },
      {
        name: 'report not sent to PS in writing',
        evidence: () => [
          type217a(),
          rapport({ id: 'er-4' }),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' }),
        ],
        status: 'unsatisfied',
        nl: /Evaluatie Natuurvisie' ontbreekt de datum waarop het schriftelijk aan PS is verzonden \(verzondenAanPsOn\)/,
        evidenceIds: ['er-4'],
      },
      {
        name: 'no NRK notice recorded',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-10' })],
        status: 'unsatisfied',
        nl: /geen melding aan de Noordelijke Rekenkamer vastgelegd \(procedurestap 'nrk-217a'/,
        en: /no notice to the Noordelijke Rekenkamer/,
      },
      {
        name: 'nothing recorded: lists report and NRK notice',
        evidence: () => [type217a()],
        status: 'unsatisfied',
        nl: /geen evaluatierapport.*; er is geen melding aan de Noordelijke Rekenkamer/,
      },
      {
        name: 'no report and no study start date: timeliness cannot be established',
        evidence: () => [type217a(), nrk({ geinformeerdOn: '2026-01-20', kopieVerzondenOn: '2026-05-10' })],
        status: 'unsatisfied',
        nl: /niet vast te stellen of de Noordelijke Rekenkamer \(geïnformeerd op 2026-01-20\) tijdig is geïnformeerd/,
      },
      {
        name: 'a later, complete NRK notice satisfies it even when an earlier one was incomplete',
        evidence: () => [
          type217a(),
          rapport({ verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01' }),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-11' }, 'nrk-ok'),
        ],
        status: 'satisfied',
        evidenceIds: ['nrk-ok'],
      },
    ]);
  });

  describe('G6-03 leerpuntenEnSuccessenVastgelegd', () => {
    table(leerpuntenEnSuccessenVastgelegd, [
      {
        name: 'satisfied by lessons and successes',
        evidence: () => [rec('leerpunten', { leerpunten: 'Eerder starten met jongeren', successen: 'Hoge opkomst' }, { id: 'lp-1' })],
        status: 'satisfied',
        nl: /met successen/,
        evidenceIds: ['lp-1'],
      },
      {
        name: 'satisfied by lessons alone, noting that successes are empty',
        evidence: () => [rec('leerpunten', { leerpunten: 'Eerder starten met jongeren' })],
        status: 'satisfied',
        nl: /successen zijn niet ingevuld/,
      },
      {
        name: 'unsatisfied when the lessons text is blank',
        evidence: () => [rec('leerpunten', { leerpunten: '  ', successen: 'Hoge opkomst' }, { id: 'lp-2' })],
        status: 'unsatisfied',
        nl: /het veld leerpunten is leeg/,
        evidenceIds: ['lp-2'],
      },
      {
        name: 'unsatisfied without a lessons record',
        evidence: () => [],
        status: 'unsatisfied',
        nl: /Ontbreekt: de leerpunten en successen/,
        en: /Missing: the lessons learned/,
      },
    ]);
  });

  describe('G6-04 participatieInstrumentenGeevalueerd', () => {
    table(participatieInstrumentenGeevalueerd, [
      {
        name: 'satisfied by an evaluation of the instruments',
        evidence: () => [doc({ documentType: 'evaluatie-participatie-instrumenten', titel: 'Evaluatie instrumenten' }, { id: 'ei-1' })],
        status: 'satisfied',
        evidenceIds: ['ei-1'],
      },
      {
        name: 'the general evaluation report does not count',
        evidence: () => [rapport()],
        status: 'unsatisfied',
        nl: /evaluatie-participatie-instrumenten.*nazorg/,
        en: /participation instruments/,
      },
    ]);
  });

  describe('G6-05 toezichtsrapportMetGsReactie', () => {
    table(toezichtsrapportMetGsReactie, [
      {
        name: 'not applicable for a GS evaluation without oversight reports',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' })],
        status: 'not-applicable',
      },
      { name: 'not applicable without evaluation type or oversight report', evidence: () => [], status: 'not-applicable' },
      {
        name: 'satisfied by an NRK report with the GS response',
        evidence: () => [
          rec('procedure', { stap: 'evaluatietype', type: 'nrk-onderzoek' }),
          doc({ documentType: 'nrk-rapport', titel: 'NRK Natuurbeleid' }, { id: 'nrk-r' }),
          doc({ documentType: 'gs-reactie-aanbevelingen', titel: 'Reactie GS' }, { id: 'gs-r' }),
        ],
        status: 'satisfied',
        nl: /NRK Natuurbeleid.*Reactie GS/,
        evidenceIds: ['nrk-r', 'gs-r'],
      },
      {
        name: 'applies when an oversight report exists even for a GS evaluation, and asks for the GS response',
        evidence: () => [
          rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' }),
          doc({ documentType: 'extern-evaluatierapport', titel: 'Rapport bureau X' }, { id: 'ext-1' }),
        ],
        status: 'unsatisfied',
        nl: /Rapport bureau X' is gekoppeld, maar de GS-reactie op de aanbevelingen ontbreekt/,
        evidenceIds: ['ext-1'],
      },
      {
        name: 'statenonderzoek without its report names the expected document',
        evidence: () => [
          rec('procedure', { stap: 'evaluatietype', type: 'statenonderzoek' }),
          doc({ documentType: 'gs-reactie-aanbevelingen', titel: 'Reactie GS' }),
        ],
        status: 'unsatisfied',
        nl: /het rapport van het statenonderzoek \(document 'statenonderzoek'\) is niet gekoppeld/,
      },
      {
        name: 'nrk-onderzoek with nothing linked: both missing',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'nrk-onderzoek' })],
        status: 'unsatisfied',
        nl: /Ontbreekt: het rapport van het NRK-onderzoek \(document 'nrk-rapport'\) én de GS-reactie/,
        en: /Noordelijke Rekenkamer study/,
      },
    ]);
  });

  describe('G6-06 deelnemersGeinformeerdOverEvaluatie', () => {
    table(deelnemersGeinformeerdOverEvaluatie, [
      {
        name: 'satisfied by feedback to participants on the evaluation',
        evidence: () => [rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'evaluatie', kanaal: 'nieuwsbrief' }, { id: 'tk-d', occurredOn: '2026-06-01' })],
        status: 'satisfied',
        nl: /2026-06-01 via nieuwsbrief/,
        evidenceIds: ['tk-d'],
      },
      {
        name: 'feedback to PS does not inform participants',
        evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie' })],
        status: 'unsatisfied',
        nl: /terugkoppeling aan de deelnemers over de uitkomst van de evaluatie/,
        en: /participants/,
      },
    ]);
  });

  describe('G6-07 evaluatierapportGepubliceerd', () => {
    it('is advisory and marked unverified (Woo phased)', () => {
      expect(evaluatierapportGepubliceerd.severity).toBe('advisory');
      expect(evaluatierapportGepubliceerd.origin.verified).toBe(false);
      expect(evaluatierapportGepubliceerd.origin.note).toMatch(/tranches/);
    });
    table(evaluatierapportGepubliceerd, [
      {
        name: 'satisfied by a publication of the report',
        evidence: () => [
          rec(
            'publicatie',
            { onderwerp: 'evaluatierapport', kanaal: 'website-provincie', url: 'https://www.provincie.drenthe.nl/evaluatie', publishedOn: '2026-06-02' },
            { id: 'pub-1' },
          ),
        ],
        status: 'satisfied',
        en: /2026-06-02 via website-provincie \(https:\/\/www\.provincie\.drenthe\.nl\/evaluatie\)/,
        evidenceIds: ['pub-1'],
      },
      {
        name: 'a report on record but unpublished',
        evidence: () => [rapport({ id: 'er-9' })],
        status: 'unsatisfied',
        nl: /publicatie met onderwerp 'evaluatierapport'.*Evaluatie Natuurvisie' is vastgelegd maar niet gepubliceerd/,
        evidenceIds: ['er-9'],
      },
      {
        name: 'another publication does not count',
        evidence: () => [rec('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: 'prb-2026-1', publishedOn: '2026-06-02' })],
        status: 'unsatisfied',
        en: /Missing: the publication of the evaluation or research report/,
      },
    ]);
  });
});

// Issue #11: facts that must have happened cannot lie in the future; not-applicable texts say why.
describe('T6 future dates and not-applicable texts (issue #11)', () => {
  const nrk = (data: { geinformeerdOn: string; onderzoekStartOn?: string; kopieVerzondenOn?: string }) => rec('procedure', { stap: 'nrk-217a', ...data });
  describe('G6-01', () => {
    table(evaluatieUitgevoerdEnTeruggekoppeldAanPs, [
      {
        name: 'a report "sent to PS" in 2099 is not reported back',
        evidence: () => [rapport({ verzondenAanPsOn: '2099-01-01' })],
        status: 'unsatisfied',
        nl: [/verzenddatum 2099-01-01, na vandaag \(2026-06-15\)/],
      },
    ]);
  });
  describe('G6-02', () => {
    table(rapportage217aAanPsEnRekenkamer, [
      {
        name: 'report sent to PS in 2099',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2099-01-01' }), nrk({ geinformeerdOn: '2026-01-10', kopieVerzondenOn: '2026-05-20' })],
        status: 'unsatisfied',
        nl: [/nog niet aan PS verzonden: de verzenddatum 2099-01-01 ligt na vandaag/],
      },
      {
        name: 'rekenkamer "informed" in 2099',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-15' }), nrk({ geinformeerdOn: '2099-01-01', kopieVerzondenOn: '2026-05-20' })],
        status: 'unsatisfied',
        nl: [/Noordelijke Rekenkamer is nog niet geïnformeerd: de datum 2099-01-01 ligt na vandaag/],
      },
      {
        name: 'copy "sent" in 2099',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-15' }), nrk({ geinformeerdOn: '2026-01-10', kopieVerzondenOn: '2099-01-01' })],
        status: 'unsatisfied',
        nl: [/kopie van het rapport is nog niet aan de Noordelijke Rekenkamer gezonden/],
      },
      {
        name: 'a GS evaluation: the text names the type',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' })],
        status: 'not-applicable',
        nl: [/Niet van toepassing: het evaluatietype is gs-evaluatie, geen 217a-onderzoek/],
        notNl: [/het evaluatietype is 217a-onderzoek/],
      },
      {
        name: 'no evaluation type yet: the text says so',
        evidence: () => [],
        status: 'not-applicable',
        nl: [/het evaluatietype is nog niet vastgelegd \(G5-04\)/],
      },
    ]);
  });
  describe('G6-05', () => {
    table(toezichtsrapportMetGsReactie, [
      {
        name: 'a GS evaluation without an oversight report: the text says so',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' })],
        status: 'not-applicable',
        nl: [/het evaluatietype is gs-evaluatie, geen statenonderzoek, NRK-onderzoek of externe evaluatie, en er is geen statenonderzoek, NRK-rapport of extern evaluatierapport vastgelegd/],
      },
    ]);
  });
});

// Issue #17: one row per condition the mutation test showed unpinned — each boundary, each branch of a text.
describe('T6 conditions pinned one by one (issue #17)', () => {
  const nrk = (data: { geinformeerdOn: string; onderzoekStartOn?: string; kopieVerzondenOn?: string }, id?: string) =>
    rec('procedure', { stap: 'nrk-217a', ...data }, { id });
  const brief = (data: { kenmerk?: string } = {}, id?: string, occurredOn = '2026-05-20') =>
    rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie', ...data }, { id, occurredOn });

  describe('G6-01', () => {
    table(evaluatieUitgevoerdEnTeruggekoppeldAanPs, [
      {
        name: 'boundary: a report sent to PS today has been sent',
        evidence: () => [rapport({ verzondenAanPsOn: '2026-06-15' })],
        status: 'satisfied',
        nl: /^Evaluatie uitgevoerd \('Evaluatie Natuurvisie'\) en hoofdlijnen teruggekoppeld aan PS: rapport 'Evaluatie Natuurvisie' aan PS verzonden op 2026-06-15\.$/,
        en: /^Evaluation done \('Evaluatie Natuurvisie'\) and its main points reported back to PS: report 'Evaluatie Natuurvisie' sent to PS on 2026-06-15\.$/,
      },
      {
        name: 'boundary: a report sent to PS tomorrow has not been sent yet',
        evidence: () => [rapport({ verzondenAanPsOn: '2026-06-16' })],
        status: 'unsatisfied',
        nl: /\('Evaluatie Natuurvisie' noemt als verzenddatum 2026-06-16, na vandaag \(2026-06-15\)\): leg/,
        en: /\('Evaluatie Natuurvisie' gives 2026-06-16 as its dispatch date, after today \(2026-06-15\)\): record/,
      },
      {
        name: 'a dispatch date that is no calendar date is not a dispatch',
        evidence: () => [rapport({ verzondenAanPsOn: '2026-02-30' })],
        status: 'unsatisfied',
        nl: /noemt als verzenddatum 2026-02-30, geen datum\)/,
        en: /gives 2026-02-30 as its dispatch date, not a date\)/,
      },
      {
        name: 'a report without a dispatch date gets no note on its date',
        evidence: () => [rapport()],
        status: 'unsatisfied',
        nl: /aan PS ontbreekt: leg de Statenbrief/,
        en: /to PS is missing: record the letter/,
      },
      {
        name: 'a letter to PS without kenmerk: only its date',
        evidence: () => [rapport(), brief()],
        status: 'satisfied',
        nl: /: terugkoppeling aan PS op 2026-05-20\.$/,
        en: /: feedback to PS on 2026-05-20\.$/,
      },
      {
        name: 'a letter to PS with kenmerk: date and kenmerk, also in English',
        evidence: () => [rapport(), brief({ kenmerk: 'Statenstuk 2026-101' })],
        status: 'satisfied',
        en: /feedback to PS on 2026-05-20 \(Statenstuk 2026-101\)\.$/,
      },
      {
        name: 'a sent report and a letter are both named',
        evidence: () => [rapport({ verzondenAanPsOn: '2026-05-15' }), brief()],
        status: 'satisfied',
        nl: /aan PS verzonden op 2026-05-15, terugkoppeling aan PS op 2026-05-20\.$/,
        en: /sent to PS on 2026-05-15, feedback to PS on 2026-05-20\.$/,
      },
      {
        name: 'a letter to PS on another subject is no report-back',
        evidence: () => [rapport(), rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' })],
        status: 'unsatisfied',
        nl: /terugkoppeling van de hoofdlijnen aan PS ontbreekt/,
      },
      {
        name: 'letters without a report: their dates are named',
        evidence: () => [brief({}, 'tk-a', '2026-05-20'), brief({}, 'tk-b', '2026-05-27')],
        status: 'unsatisfied',
        nl: /over de evaluatie is vastgelegd \(2026-05-20, 2026-05-27\), maar het evaluatierapport zelf ontbreekt/,
        en: /on the evaluation is on record \(2026-05-20, 2026-05-27\), but the evaluation report itself is missing/,
        evidenceIds: ['tk-a', 'tk-b'],
      },
    ]);
  });

  describe('G6-02', () => {
    table(rapportage217aAanPsEnRekenkamer, [
      {
        name: 'satisfied: the English text names the study start',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-10' }), nrk({ geinformeerdOn: '2026-02-01', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' })],
        status: 'satisfied',
        nl: /^217a-onderzoek: rapport 'Evaluatie Natuurvisie' op 2026-05-10 schriftelijk aan PS gezonden; de Noordelijke Rekenkamer is op 2026-02-01 geïnformeerd, vóór of op de start van het onderzoek \(2026-02-01\), en ontving op 2026-05-10 een kopie\.$/,
        en: /informed on 2026-02-01, on or before the start of the study \(2026-02-01\), and was sent a copy on 2026-05-10\.$/,
      },
      {
        name: 'satisfied without a study start: the Dutch text names the report date',
        evidence: () => [type217a(), rapport({ occurredOn: '2026-05-01', verzondenAanPsOn: '2026-05-10' }), nrk({ geinformeerdOn: '2026-04-30', kopieVerzondenOn: '2026-05-10' })],
        status: 'satisfied',
        nl: /geïnformeerd, vóór of op de datum van het rapport \(2026-05-01\), en ontving/,
      },
      {
        name: 'boundary: the rekenkamer informed today has been informed',
        evidence: () => [type217a(), rapport({ occurredOn: '2026-06-15', verzondenAanPsOn: '2026-06-15' }), nrk({ geinformeerdOn: '2026-06-15', kopieVerzondenOn: '2026-06-15' })],
        status: 'satisfied',
      },
      {
        name: 'boundary: the rekenkamer informed tomorrow has not been informed',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-06-15' }), nrk({ geinformeerdOn: '2026-06-16', onderzoekStartOn: '2026-06-20', kopieVerzondenOn: '2026-06-15' })],
        status: 'unsatisfied',
        nl: /^Artikel 217a Provinciewet is niet nageleefd: de Noordelijke Rekenkamer is nog niet geïnformeerd: de datum 2026-06-16 ligt na vandaag \(2026-06-15\)\.$/,
        en: /^Article 217a Provinciewet is not complied with: the Noordelijke Rekenkamer has not been informed yet: the date 2026-06-16 is after today \(2026-06-15\)\.$/,
      },
      {
        name: 'without a study start, informed after the report date: also in English',
        evidence: () => [type217a(), rapport({ occurredOn: '2026-05-01', verzondenAanPsOn: '2026-05-10' }), nrk({ geinformeerdOn: '2026-05-02', kopieVerzondenOn: '2026-05-10' })],
        status: 'unsatisfied',
        en: /on 2026-05-02, after the date of the evaluation report \(2026-05-01\); the study's start date is not recorded\.$/,
      },
      {
        name: 'no report and no study start: also in English',
        evidence: () => [type217a(), nrk({ geinformeerdOn: '2026-01-20', kopieVerzondenOn: '2026-05-10' })],
        status: 'unsatisfied',
        en: /cannot tell whether the Noordelijke Rekenkamer \(informed on 2026-01-20\) was informed in time/,
      },
      {
        name: 'boundary: a copy sent today has been sent',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-10' }), nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-06-15' })],
        status: 'satisfied',
      },
      {
        name: 'boundary: a copy sent tomorrow has not been sent',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2026-05-10' }), nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-06-16' })],
        status: 'unsatisfied',
        nl: /^Artikel 217a Provinciewet is niet nageleefd: de kopie van het rapport is nog niet aan de Noordelijke Rekenkamer gezonden: de datum 2026-06-16 ligt na vandaag \(2026-06-15\)\.$/,
        en: /the copy of the report has not been sent to the Noordelijke Rekenkamer yet: the date 2026-06-16 is after today/,
      },
      {
        name: 'a report without a dispatch date: also in English',
        evidence: () => [type217a(), rapport(), nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' })],
        status: 'unsatisfied',
        en: /the evaluation report 'Evaluatie Natuurvisie' has no date of its written report to PS \(verzondenAanPsOn\)/,
      },
      {
        name: 'report sent to PS in 2099: also in English',
        evidence: () => [type217a(), rapport({ verzondenAanPsOn: '2099-01-01' }), nrk({ geinformeerdOn: '2026-01-10', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-20' })],
        status: 'unsatisfied',
        en: /has not been sent to PS yet: the dispatch date 2099-01-01 is after today \(2026-06-15\)/,
      },
      {
        name: 'of two reports, the one sent to PS is the report',
        evidence: () => [
          type217a(),
          rapport({ id: 'sent', verzondenAanPsOn: '2026-05-10' }),
          rapport({ id: 'draft' }),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' }, 'n'),
        ],
        status: 'satisfied',
        evidenceIds: ['sent', 'n'],
      },
      {
        name: 'of two incomplete NRK notices, the latest is reported',
        evidence: () => [
          type217a(),
          rapport({ verzondenAanPsOn: '2026-05-10' }),
          nrk({ geinformeerdOn: '2026-03-01', onderzoekStartOn: '2026-02-01', kopieVerzondenOn: '2026-05-10' }, 'n-1'),
          nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01' }, 'n-2'),
        ],
        status: 'unsatisfied',
        nl: /: de Noordelijke Rekenkamer heeft geen kopie van het rapport ontvangen \(kopieVerzondenOn ontbreekt\)\.$/,
        notNl: [/niet tijdig/],
        evidenceIds: ['n-2'],
      },
      {
        name: 'a problem with the report and with the notice are both listed',
        evidence: () => [type217a(), rapport(), nrk({ geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01' })],
        status: 'unsatisfied',
        nl: /\(verzondenAanPsOn\); de Noordelijke Rekenkamer heeft geen kopie/,
        en: /\(verzondenAanPsOn\); the Noordelijke Rekenkamer has not been sent a copy/,
      },
    ]);
  });

  describe('G6-03', () => {
    table(leerpuntenEnSuccessenVastgelegd, [
      {
        name: 'one record: singular, with successes',
        evidence: () => [rec('leerpunten', { leerpunten: 'Eerder starten', successen: 'Opkomst' })],
        status: 'satisfied',
        nl: /^Leerpunten vastgelegd \(1 record\), met successen\.$/,
        en: /^Lessons learned recorded \(1 record\), with successes\.$/,
      },
      {
        name: 'two records, no successes: plural, and says so in English',
        evidence: () => [rec('leerpunten', { leerpunten: 'Eerder starten', successen: ' ' }), rec('leerpunten', { leerpunten: 'Vaker terugkoppelen' })],
        status: 'satisfied',
        nl: /^Leerpunten vastgelegd \(2 records\); successen zijn niet ingevuld\.$/,
        en: /^Lessons learned recorded \(2 records\); no successes filled in\.$/,
      },
      {
        name: 'a blank record next to a filled one: only the filled one counts',
        evidence: () => [rec('leerpunten', { leerpunten: ' ', successen: 'Opkomst' }), rec('leerpunten', { leerpunten: 'Eerder starten' }, { id: 'lp-f' })],
        status: 'satisfied',
        nl: /\(1 record\); successen zijn niet ingevuld/,
        evidenceIds: ['lp-f'],
      },
      {
        name: 'a blank lessons record: also in English',
        evidence: () => [rec('leerpunten', { leerpunten: '' })],
        status: 'unsatisfied',
        en: /the leerpunten field is empty/,
      },
    ]);
  });

  describe('G6-04', () => {
    table(participatieInstrumentenGeevalueerd, [
      {
        name: 'satisfied: the evaluation is named by its title',
        evidence: () => [doc({ documentType: 'evaluatie-participatie-instrumenten', titel: 'Evaluatie instrumenten' })],
        status: 'satisfied',
        nl: /^Participatie-instrumenten geëvalueerd: 'Evaluatie instrumenten'\.$/,
        en: /^Participation instruments evaluated: 'Evaluatie instrumenten'\.$/,
      },
    ]);
  });

  describe('G6-05', () => {
    table(toezichtsrapportMetGsReactie, [
      {
        name: 'applies for a statenonderzoek without documents',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'statenonderzoek' })],
        status: 'unsatisfied',
        nl: /^Ontbreekt: het rapport van het statenonderzoek \(document 'statenonderzoek'\) én de GS-reactie/,
        en: /^Missing: the report of the statenonderzoek \(PS inquiry\) \(document 'statenonderzoek'\) and the GS response/,
      },
      {
        name: 'applies for an external evaluation without documents',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'extern' })],
        status: 'unsatisfied',
        nl: /het rapport van het externe onderzoek \(document 'extern-evaluatierapport'\)/,
        en: /the report of the external evaluation \(document 'extern-evaluatierapport'\)/,
      },
      {
        name: 'applies for an NRK report without evaluation type, naming any report type',
        evidence: () => [doc({ documentType: 'gs-reactie-aanbevelingen', titel: 'Reactie GS' }), doc({ documentType: 'nrk-rapport', titel: 'NRK' })],
        status: 'satisfied',
        nl: /^Toezichtsrapport gekoppeld \('NRK'\) met GS-reactie op de aanbevelingen \('Reactie GS'\)\.$/,
        en: /^Oversight report linked \('NRK'\) with the GS response to its recommendations \('Reactie GS'\)\.$/,
      },
      {
        name: 'applies for a statenonderzoek report without evaluation type',
        evidence: () => [doc({ documentType: 'statenonderzoek', titel: 'Statenonderzoek' })],
        status: 'unsatisfied',
        en: /^The report 'Statenonderzoek' is linked, but the GS response to its recommendations is missing/,
      },
      {
        name: 'a GS response alone does not make it apply',
        evidence: () => [doc({ documentType: 'gs-reactie-aanbevelingen', titel: 'Reactie GS' })],
        status: 'not-applicable',
        nl: /het evaluatietype is nog niet vastgelegd \(G5-04\) en er is geen statenonderzoek/,
        en: /the evaluation type has not been recorded yet \(G5-04\) and no statenonderzoek/,
      },
      {
        name: 'a GS response for an NRK study names the NRK report that is not linked',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'nrk-onderzoek' }), doc({ documentType: 'gs-reactie-aanbevelingen', titel: 'Reactie GS' })],
        status: 'unsatisfied',
        nl: /^De GS-reactie op de aanbevelingen is vastgelegd \('Reactie GS'\), maar het rapport van het NRK-onderzoek \(document 'nrk-rapport'\) is niet gekoppeld\.$/,
        en: /^The GS response to the recommendations is on record \('Reactie GS'\), but the report of the Noordelijke Rekenkamer study \(document 'nrk-rapport'\) is not linked\.$/,
      },
      {
        name: 'a GS evaluation: the English not-applicable text names the type',
        evidence: () => [rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' })],
        status: 'not-applicable',
        en: /the evaluation type is gs-evaluatie, not a statenonderzoek, NRK study or external evaluation, and no statenonderzoek/,
      },
    ]);
  });

  describe('G6-06', () => {
    table(deelnemersGeinformeerdOverEvaluatie, [
      {
        name: 'feedback without channel: only its date',
        evidence: () => [rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'evaluatie' }, { occurredOn: '2026-06-01' })],
        status: 'satisfied',
        nl: /^Deelnemers geïnformeerd over de uitkomst van de evaluatie \(2026-06-01\)\.$/,
        en: /^Participants informed about the evaluation outcome \(2026-06-01\)\.$/,
      },
      {
        name: 'feedback to participants on another subject does not count',
        evidence: () => [rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'voortgang' })],
        status: 'unsatisfied',
      },
    ]);
  });

  describe('G6-07', () => {
    table(evaluatierapportGepubliceerd, [
      {
        name: 'a publication without URL: date and channel only',
        evidence: () => [rec('publicatie', { onderwerp: 'evaluatierapport', kanaal: 'woo-platform', publishedOn: '2026-06-02' })],
        status: 'satisfied',
        nl: /^Evaluatierapport gepubliceerd: 2026-06-02 via woo-platform\.$/,
      },
      {
        name: 'nothing on record: no note on a report',
        evidence: () => [],
        status: 'unsatisfied',
        nl: /kanaal, URL en datum\)\.$/,
        en: /channel, URL and date\)\.$/,
      },
      {
        name: 'a report on record but unpublished: also in English',
        evidence: () => [rapport()],
        status: 'unsatisfied',
        en: /\(the evaluation report 'Evaluatie Natuurvisie' is on record but not published\)\.$/,
      },
    ]);
  });
});

describe('T6 evidence: the outcome rests on exactly these records (issue #17)', () => {
  const ev = (req: Requirement, evidence: () => ReturnType<typeof rec>[]) =>
    evaluateRequirements([req], factsWith(evidence(), { state: 'controle-evaluatie' }))[0].evidence;
  const nrk = (id: string) => rec('procedure', { stap: 'nrk-217a', geinformeerdOn: '2026-01-20', onderzoekStartOn: '2026-02-01' }, { id });
  it.each<[string, () => string[], string[]]>([
    ['G6-01: nothing recorded, nothing to rest on', () => ev(evaluatieUitgevoerdEnTeruggekoppeldAanPs, () => []), []],
    ['G6-01: the report and the letter', () => ev(evaluatieUitgevoerdEnTeruggekoppeldAanPs, () => [rapport({ id: 'er' }), rec('terugkoppeling', { aan: 'ps', onderwerp: 'evaluatie' }, { id: 'tk' })]), ['er', 'tk']],
    ['G6-02: only the report when no NRK notice is recorded', () => ev(rapportage217aAanPsEnRekenkamer, () => [type217a(), rapport({ id: 'er' })]), ['er']],
    ['G6-02: only the NRK notice when no report is recorded', () => ev(rapportage217aAanPsEnRekenkamer, () => [type217a(), nrk('n')]), ['n']],
    ['G6-03: no lessons record, nothing to rest on', () => ev(leerpuntenEnSuccessenVastgelegd, () => []), []],
    ['G6-03: the blank lessons record', () => ev(leerpuntenEnSuccessenVastgelegd, () => [rec('leerpunten', { leerpunten: ' ' }, { id: 'lp' })]), ['lp']],
    ['G6-05: the report and the GS response', () => ev(toezichtsrapportMetGsReactie, () => [doc({ documentType: 'nrk-rapport' }, { id: 'r' }), doc({ documentType: 'gs-reactie-aanbevelingen' }, { id: 'g' })]), ['r', 'g']],
    ['G6-05: nothing linked, nothing to rest on', () => ev(toezichtsrapportMetGsReactie, () => [rec('procedure', { stap: 'evaluatietype', type: 'extern' })]), []],
    ['G6-07: no report, nothing to rest on', () => ev(evaluatierapportGepubliceerd, () => []), []],
    ['G6-07: the unpublished report', () => ev(evaluatierapportGepubliceerd, () => [rapport({ id: 'er' })]), ['er']],
  ])('%s', (_name, evidence, want) => {
    expect(evidence()).toEqual(want);
  });
});

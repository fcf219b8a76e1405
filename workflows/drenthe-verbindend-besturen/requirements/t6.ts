/**
 * T6: controle-evaluatie → afgesloten, or → voorfase-agendasetting for a new cycle (domain-brief §8,
 * G6-01 … G6-07). Every T6 requirement guards both ADVANCE and NEW_CYCLE.
 *
 * Each requirement is a named pure predicate over the dossier's facts; it never reads the clock or a
 * database.
 */
import { isIsoDate } from '../../dates';
import { DocumentData, DocumentType, Evaluatietype, EvidenceRecord } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, met, missing, Requirement } from '../../requirement';

type DocumentRecord = EvidenceRecord<'document'> & { data: DocumentData };

const T6_EVENTS = ['ADVANCE', 'NEW_CYCLE'] as const;

const list = (items: readonly string[]): string => items.join(', ');
/** A real calendar date on or before today: a fact that has happened. */
const happened = (date: string | undefined, today: string): boolean => typeof date === 'string' && isIsoDate(date) && date <= today;
const docsOfType = (f: DossierFacts, ...types: DocumentType[]): DocumentRecord[] =>
  f.documents.filter((d) => types.includes(d.data.documentType));
const titles = (docs: readonly DocumentRecord[]): string => list(docs.map((d) => `'${d.data.titel}'`));

/**
 * G6-01 — The evaluation was done and its main points were reported back to PS: a document
 * `evaluatierapport`, and either a `terugkoppeling` to `ps` on `evaluatie` (Statenbrief / Statenstuk)
 * or an evaluatierapport with the date it was sent to PS (`verzondenAanPsOn`). Seed: "Een evaluatie
 * uitvoeren en de hoofdlijnen terugkoppelen naar PS".
 */
export const evaluatieUitgevoerdEnTeruggekoppeldAanPs: Requirement = {
  id: 'G6-01',
  transition: 'T6',
  events: T6_EVENTS,
  label: {
    nl: 'Evaluatie uitgevoerd en hoofdlijnen teruggekoppeld aan PS',
    en: 'Evaluation done and main points reported back to PS',
  },
  rule: 'Evaluation done **and** its main points reported back to PS (report + letter/Statenstuk + date).',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Een evaluatie uitvoeren en de hoofdlijnen terugkoppelen naar PS"',
    seedQuote: 'Een evaluatie uitvoeren en de hoofdlijnen terugkoppelen naar PS',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const reports = docsOfType(f, 'evaluatierapport');
    // A dispatch dated after today (or no date at all) has not happened (issue #11).
    const sentReports = reports.filter((d) => happened(d.data.verzondenAanPsOn, f.today));
    const notYet = reports.filter((d) => d.data.verzondenAanPsOn !== undefined && !happened(d.data.verzondenAanPsOn, f.today));
    const letters = f.feedback.filter((t) => t.data.aan === 'ps' && t.data.onderwerp === 'evaluatie');
    const reported = letters.length > 0 || sentReports.length > 0;
    const ids = [...reports.map((d) => d.id), ...letters.map((t) => t.id)];

    if (reports.length > 0 && reported) {
      const how = [
        ...sentReports.map((d) => `rapport '${d.data.titel}' aan PS verzonden op ${d.data.verzondenAanPsOn}`),
        ...letters.map((t) => `terugkoppeling aan PS op ${t.occurredOn}${t.data.kenmerk ? ` (${t.data.kenmerk})` : ''}`),
      ];
      const howEn = [
        ...sentReports.map((d) => `report '${d.data.titel}' sent to PS on ${d.data.verzondenAanPsOn}`),
        ...letters.map((t) => `feedback to PS on ${t.occurredOn}${t.data.kenmerk ? ` (${t.data.kenmerk})` : ''}`),
      ];
      return met(
        ids,
        `Evaluatie uitgevoerd (${titles(reports)}) en hoofdlijnen teruggekoppeld aan PS: ${list(how)}.`,
        `Evaluation done (${titles(reports)}) and its main points reported back to PS: ${list(howEn)}.`,
      );
    }
    if (reports.length > 0) {
      const future = notYet.length
        ? {
            nl: ` (${notYet.map((d) => `'${d.data.titel}' noemt als verzenddatum ${d.data.verzondenAanPsOn ?? ''}, ${isIsoDate(d.data.verzondenAanPsOn ?? '') ? `na vandaag (${f.today})` : 'geen datum'}`).join('; ')})`,
            en: ` (${notYet.map((d) => `'${d.data.titel}' gives ${d.data.verzondenAanPsOn ?? ''} as its dispatch date, ${isIsoDate(d.data.verzondenAanPsOn ?? '') ? `after today (${f.today})` : 'not a date'}`).join('; ')})`,
          }
        : { nl: '', en: '' };
      return missing(
        `Het evaluatierapport ${titles(reports)} is vastgelegd, maar de terugkoppeling van de hoofdlijnen aan PS ontbreekt${future.nl}: leg de Statenbrief of het Statenstuk vast als terugkoppeling aan PS met onderwerp 'evaluatie', of vul bij het evaluatierapport de datum van verzending aan PS in (verzondenAanPsOn).`,
        `The evaluation report ${titles(reports)} is on record, but the report-back of its main points to PS is missing${future.en}: record the letter to PS or Statenstuk as feedback to PS on 'evaluatie', or fill in the date the evaluation report was sent to PS (verzondenAanPsOn).`,
        ids,
      );
    }
    if (letters.length > 0) {
      const dates = list(letters.map((t) => t.occurredOn));
      return missing(
        `De terugkoppeling aan PS over de evaluatie is vastgelegd (${dates}), maar het evaluatierapport zelf ontbreekt: voeg het document 'evaluatierapport' toe.`,
        `The feedback to PS on the evaluation is on record (${dates}), but the evaluation report itself is missing: add the document 'evaluatierapport'.`,
        ids,
      );
    }
    return missing(
      "Ontbreekt: het evaluatierapport (document 'evaluatierapport') én de terugkoppeling van de hoofdlijnen aan PS (terugkoppeling aan PS met onderwerp 'evaluatie', of de datum waarop het rapport aan PS is verzonden).",
      "Missing: the evaluation report (document 'evaluatierapport') and the report-back of its main points to PS (feedback to PS on 'evaluatie', or the date the report was sent to PS).",
    );
  },
};

/**
 * G6-02 — For a Pw 217a study (evaluatietype `217a-onderzoek`): GS report in writing to PS (the
 * evaluatierapport has `verzondenAanPsOn`); the Noordelijke Rekenkamer was informed in time (procedure
 * step `nrk-217a`, `geinformeerdOn` on or before `onderzoekStartOn` when given, otherwise on or before
 * the evaluatierapport's date); and the rekenkamer received a copy of the report (`kopieVerzondenOn`).
 * Law: Pw 217a(2–3).
 */
export const rapportage217aAanPsEnRekenkamer: Requirement = {
  id: 'G6-02',
  transition: 'T6',
  events: T6_EVENTS,
  label: {
    nl: '217a-onderzoek: schriftelijk aan PS gerapporteerd, rekenkamer tijdig geïnformeerd en kopie gezonden',
    en: '217a study: written report to PS, rekenkamer informed in time and sent a copy',
  },
  rule: 'If it is a 217a study: written report to PS; the rekenkamer (NRK) was informed **in time** about the study and received a copy of the report.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'law', label: 'law (Pw 217a)', basis: 'artikel 217a, tweede en derde lid, Provinciewet [S17a]', verified: true },
  appliesWhen: {
    description: { nl: 'het evaluatietype is 217a-onderzoek', en: 'the evaluation type is 217a-onderzoek' },
    test: (f: DossierFacts) => f.evaluatietype === '217a-onderzoek',
    whyNot: (f) =>
      f.evaluatietype === null
        ? { nl: 'het evaluatietype is nog niet vastgelegd (G5-04), dus het is niet bekend als 217a-onderzoek', en: 'the evaluation type has not been recorded yet (G5-04), so it is not known to be a 217a study' }
        : { nl: `het evaluatietype is ${f.evaluatietype}, geen 217a-onderzoek`, en: `the evaluation type is ${f.evaluatietype}, not a 217a study` },
  },
  check: (f) => {
    const reports = docsOfType(f, 'evaluatierapport');
    const report = reports.filter((d) => happened(d.data.verzondenAanPsOn, f.today)).at(-1) ?? reports.at(-1);
    const steps = procedureSteps(f, 'nrk-217a');

    const problemsNl: string[] = [];
    const problemsEn: string[] = [];
    if (!report) {
      problemsNl.push("er is geen evaluatierapport (document 'evaluatierapport') met de schriftelijke rapportage aan PS");
      problemsEn.push("there is no evaluation report (document 'evaluatierapport') with the written report to PS");
    } else if (!report.data.verzondenAanPsOn) {
      problemsNl.push(
        `bij het evaluatierapport '${report.data.titel}' ontbreekt de datum waarop het schriftelijk aan PS is verzonden (verzondenAanPsOn)`,
      );
      problemsEn.push(`the evaluation report '${report.data.titel}' has no date of its written report to PS (verzondenAanPsOn)`);
    } else if (!happened(report.data.verzondenAanPsOn, f.today)) {
      problemsNl.push(`het evaluatierapport '${report.data.titel}' is nog niet aan PS verzonden: de verzenddatum ${report.data.verzondenAanPsOn} ligt na vandaag (${f.today})`);
      problemsEn.push(`the evaluation report '${report.data.titel}' has not been sent to PS yet: the dispatch date ${report.data.verzondenAanPsOn} is after today (${f.today})`);
    }

    /** The problems with one NRK notice; empty when it is in time and the copy was sent. */
    const nrkProblems = (step: (typeof steps)[number]): { nl: string[]; en: string[] } => {
      const nl: string[] = [];
      const en: string[] = [];
      const { geinformeerdOn, onderzoekStartOn, kopieVerzondenOn } = step.data;
      if (!happened(geinformeerdOn, f.today)) {
        nl.push(`de Noordelijke Rekenkamer is nog niet geïnformeerd: de datum ${geinformeerdOn} ligt na vandaag (${f.today})`);
        en.push(`the Noordelijke Rekenkamer has not been informed yet: the date ${geinformeerdOn} is after today (${f.today})`);
      } else if (onderzoekStartOn) {
        if (geinformeerdOn > onderzoekStartOn) {
          nl.push(
            `de Noordelijke Rekenkamer is niet tijdig geïnformeerd: op ${geinformeerdOn}, na de start van het onderzoek op ${onderzoekStartOn}`,
          );
          en.push(`the Noordelijke Rekenkamer was not informed in time: on ${geinformeerdOn}, after the study started on ${onderzoekStartOn}`);
        }
      } else if (report) {
        if (geinformeerdOn > report.occurredOn) {
          nl.push(
            `de Noordelijke Rekenkamer is niet tijdig geïnformeerd: op ${geinformeerdOn}, na de datum van het evaluatierapport (${report.occurredOn}); de startdatum van het onderzoek is niet vastgelegd`,
          );
          en.push(
            `the Noordelijke Rekenkamer was not informed in time: on ${geinformeerdOn}, after the date of the evaluation report (${report.occurredOn}); the study's start date is not recorded`,
          );
        }
      } else {
        nl.push(
          `niet vast te stellen of de Noordelijke Rekenkamer (geïnformeerd op ${geinformeerdOn}) tijdig is geïnformeerd: leg de startdatum van het onderzoek vast (onderzoekStartOn)`,
        );
        en.push(
          `cannot tell whether the Noordelijke Rekenkamer (informed on ${geinformeerdOn}) was informed in time: record the study's start date (onderzoekStartOn)`,
        );
      }
      if (!kopieVerzondenOn) {
        nl.push('de Noordelijke Rekenkamer heeft geen kopie van het rapport ontvangen (kopieVerzondenOn ontbreekt)');
        en.push('the Noordelijke Rekenkamer has not been sent a copy of the report (kopieVerzondenOn missing)');
      } else if (!happened(kopieVerzondenOn, f.today)) {
        nl.push(`de kopie van het rapport is nog niet aan de Noordelijke Rekenkamer gezonden: de datum ${kopieVerzondenOn} ligt na vandaag (${f.today})`);
        en.push(`the copy of the report has not been sent to the Noordelijke Rekenkamer yet: the date ${kopieVerzondenOn} is after today (${f.today})`);
      }
      return { nl, en };
    };

    const step = steps.find((s) => nrkProblems(s).nl.length === 0) ?? steps.at(-1);
    if (!step) {
      problemsNl.push(
        "er is geen melding aan de Noordelijke Rekenkamer vastgelegd (procedurestap 'nrk-217a' met de datum waarop de rekenkamer is geïnformeerd, de startdatum van het onderzoek en de datum waarop een kopie van het rapport is gezonden)",
      );
      problemsEn.push(
        "no notice to the Noordelijke Rekenkamer is on record (procedure step 'nrk-217a' with the date the rekenkamer was informed, the study's start date and the date a copy of the report was sent)",
      );
    } else {
      const p = nrkProblems(step);
      problemsNl.push(...p.nl);
      problemsEn.push(...p.en);
    }

    const ids = [...(report ? [report.id] : []), ...(step ? [step.id] : [])];
    if (problemsNl.length === 0 && report && step) {
      const timelyNl = step.data.onderzoekStartOn
        ? `vóór of op de start van het onderzoek (${step.data.onderzoekStartOn})`
        : `vóór of op de datum van het rapport (${report.occurredOn})`;
      const timelyEn = step.data.onderzoekStartOn
        ? `on or before the start of the study (${step.data.onderzoekStartOn})`
        : `on or before the date of the report (${report.occurredOn})`;
      return met(
        ids,
        `217a-onderzoek: rapport '${report.data.titel}' op ${report.data.verzondenAanPsOn} schriftelijk aan PS gezonden; de Noordelijke Rekenkamer is op ${step.data.geinformeerdOn} geïnformeerd, ${timelyNl}, en ontving op ${step.data.kopieVerzondenOn} een kopie.`,
        `217a study: report '${report.data.titel}' sent to PS in writing on ${report.data.verzondenAanPsOn}; the Noordelijke Rekenkamer was informed on ${step.data.geinformeerdOn}, ${timelyEn}, and was sent a copy on ${step.data.kopieVerzondenOn}.`,
      );
    }
    return missing(
      `Artikel 217a Provinciewet is niet nageleefd: ${problemsNl.join('; ')}.`,
      `Article 217a Provinciewet is not complied with: ${problemsEn.join('; ')}.`,
      ids,
    );
  },
};

/**
 * G6-03 — Lessons learned and successes are recorded for next time: a `leerpunten` record with a
 * non-empty `leerpunten` text (carried into a follow-up dossier by NEW_CYCLE). Seed: "De leerpunten en
 * successen opnemen in het proces voor de volgende keer".
 */
export const leerpuntenEnSuccessenVastgelegd: Requirement = {
  id: 'G6-03',
  transition: 'T6',
  events: T6_EVENTS,
  label: { nl: 'Leerpunten en successen vastgelegd', en: 'Lessons learned and successes recorded' },
  rule: 'Lessons learned and successes recorded (required field; linked to a lessons register).',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "De leerpunten en successen opnemen in het proces voor de volgende keer"',
    seedQuote: 'De leerpunten en successen opnemen in het proces voor de volgende keer',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const filled = f.lessons.filter((l) => l.data.leerpunten.trim() !== '');
    if (filled.length > 0) {
      const withSuccesses = filled.some((l) => (l.data.successen ?? '').trim() !== '');
      return met(
        filled.map((l) => l.id),
        `Leerpunten vastgelegd (${filled.length} record${filled.length === 1 ? '' : 's'})${withSuccesses ? ', met successen' : '; successen zijn niet ingevuld'}.`,
        `Lessons learned recorded (${filled.length} record${filled.length === 1 ? '' : 's'})${withSuccesses ? ', with successes' : '; no successes filled in'}.`,
      );
    }
    if (f.lessons.length > 0) {
      return missing(
        'Het leerpuntenrecord bevat geen leerpunten (het veld leerpunten is leeg): beschrijf wat een volgende keer beter of anders kan, en wat goed ging.',
        'The lessons record contains no lessons (the leerpunten field is empty): describe what could be done better or differently next time, and what went well.',
        f.lessons.map((l) => l.id),
      );
    }
    return missing(
      'Ontbreekt: de leerpunten en successen voor de volgende keer (een leerpuntenrecord met ingevulde leerpunten).',
      'Missing: the lessons learned and successes for next time (a lessons record with the leerpunten filled in).',
    );
  },
};

/**
 * G6-04 — The participation instruments were evaluated, including follow-up (nazorg) meetings: a
 * document `evaluatie-participatie-instrumenten`. Seed: "Evaluatie instrumenten (denk aan digitale
 * opties, formulieren) maar ook het houden van bijeenkomsten met nazorg".
 */
export const participatieInstrumentenGeevalueerd: Requirement = {
  id: 'G6-04',
  transition: 'T6',
  events: T6_EVENTS,
  label: {
    nl: 'Participatie-instrumenten geëvalueerd, inclusief bijeenkomsten met nazorg',
    en: 'Participation instruments evaluated, including follow-up meetings',
  },
  rule: 'Participation instruments evaluated, including follow-up (nazorg) meetings.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis:
      'seed: "Evaluatie instrumenten (denk aan digitale opties, formulieren) maar ook het houden van bijeenkomsten met nazorg"',
    seedQuote: 'Evaluatie instrumenten (denk aan digitale opties, formulieren) maar ook het houden van bijeenkomsten met nazorg',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const docs = docsOfType(f, 'evaluatie-participatie-instrumenten');
    if (docs.length > 0) {
      return met(
        docs.map((d) => d.id),
        `Participatie-instrumenten geëvalueerd: ${titles(docs)}.`,
        `Participation instruments evaluated: ${titles(docs)}.`,
      );
    }
    return missing(
      "Ontbreekt: de evaluatie van de ingezette participatie-instrumenten (document 'evaluatie-participatie-instrumenten'): hoe werkten de digitale opties, formulieren en bijeenkomsten, en is er nazorg geweest?",
      "Missing: the evaluation of the participation instruments used (document 'evaluatie-participatie-instrumenten'): how did the digital options, forms and meetings work, and was there follow-up (nazorg)?",
    );
  },
};

const OVERSIGHT_EVALUATIETYPES = ['statenonderzoek', 'nrk-onderzoek', 'extern'] as const satisfies readonly Evaluatietype[];
type OversightEvaluatietype = (typeof OVERSIGHT_EVALUATIETYPES)[number];
const OVERSIGHT_REPORT_TYPES: DocumentType[] = ['statenonderzoek', 'nrk-rapport', 'extern-evaluatierapport'];
/** The report document each oversight evaluation type produces, and how to name it. */
const REPORT_FOR: Record<OversightEvaluatietype, { type: DocumentType; nl: string; en: string }> = {
  statenonderzoek: { type: 'statenonderzoek', nl: 'statenonderzoek', en: 'statenonderzoek (PS inquiry)' },
  'nrk-onderzoek': { type: 'nrk-rapport', nl: 'NRK-onderzoek', en: 'Noordelijke Rekenkamer study' },
  extern: { type: 'extern-evaluatierapport', nl: 'externe onderzoek', en: 'external evaluation' },
};

/**
 * G6-05 — PS oversight items are linked: the statenonderzoek, external evaluation or NRK report (a
 * document `statenonderzoek`, `nrk-rapport` or `extern-evaluatierapport`) together with the GS response
 * to its recommendations (document `gs-reactie-aanbevelingen`). Applies when the evaluation type is
 * statenonderzoek, nrk-onderzoek or extern, or such a report is on record. Seed: "Initiatief voor
 * beleidsevaluatie (door statenonderzoekers en/of extern bureau)"; "NRK-onderzoek (al dan niet op
 * verzoek)"; Pw 183(2).
 */
export const toezichtsrapportMetGsReactie: Requirement = {
  id: 'G6-05',
  transition: 'T6',
  events: T6_EVENTS,
  label: {
    nl: 'Statenonderzoek, NRK-rapport of externe evaluatie gekoppeld, met GS-reactie op de aanbevelingen',
    en: 'Statenonderzoek, NRK report or external evaluation linked, with the GS response to its recommendations',
  },
  rule: 'PS oversight items linked: statenonderzoek / external evaluation / NRK report, with the GS response to recommendations.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis:
      'seed: "Initiatief voor beleidsevaluatie (door statenonderzoekers en/of extern bureau)"; "NRK-onderzoek (al dan niet op verzoek)"; artikel 183, tweede lid, Provinciewet [S15]',
    seedQuote: 'Initiatief voor beleidsevaluatie (door statenonderzoekers en/of extern bureau)',
    verified: true,
  },
  appliesWhen: {
    description: {
      nl: 'het evaluatietype is statenonderzoek, nrk-onderzoek of extern, of er is een statenonderzoek, NRK-rapport of extern evaluatierapport vastgelegd',
      en: 'the evaluation type is statenonderzoek, nrk-onderzoek or extern, or a statenonderzoek, NRK report or external evaluation report is on record',
    },
    test: (f: DossierFacts) =>
      (f.evaluatietype !== null && (OVERSIGHT_EVALUATIETYPES as readonly Evaluatietype[]).includes(f.evaluatietype)) ||
      docsOfType(f, ...OVERSIGHT_REPORT_TYPES).length > 0,
    whyNot: (f) => {
      const noReport = { nl: 'er is geen statenonderzoek, NRK-rapport of extern evaluatierapport vastgelegd', en: 'no statenonderzoek, NRK report or external evaluation report is on record' };
      return f.evaluatietype === null
        ? { nl: `het evaluatietype is nog niet vastgelegd (G5-04) en ${noReport.nl}`, en: `the evaluation type has not been recorded yet (G5-04) and ${noReport.en}` }
        : {
            nl: `het evaluatietype is ${f.evaluatietype}, geen statenonderzoek, NRK-onderzoek of externe evaluatie, en ${noReport.nl}`,
            en: `the evaluation type is ${f.evaluatietype}, not a statenonderzoek, NRK study or external evaluation, and ${noReport.en}`,
          };
    },
  },
  check: (f) => {
    const reports = docsOfType(f, ...OVERSIGHT_REPORT_TYPES);
    const responses = docsOfType(f, 'gs-reactie-aanbevelingen');
    const ids = [...reports.map((d) => d.id), ...responses.map((d) => d.id)];
    if (reports.length > 0 && responses.length > 0) {
      return met(
        ids,
        `Toezichtsrapport gekoppeld (${titles(reports)}) met GS-reactie op de aanbevelingen (${titles(responses)}).`,
        `Oversight report linked (${titles(reports)}) with the GS response to its recommendations (${titles(responses)}).`,
      );
    }
    if (reports.length > 0) {
      return missing(
        `Het rapport ${titles(reports)} is gekoppeld, maar de GS-reactie op de aanbevelingen ontbreekt (document 'gs-reactie-aanbevelingen').`,
        `The report ${titles(reports)} is linked, but the GS response to its recommendations is missing (document 'gs-reactie-aanbevelingen').`,
        ids,
      );
    }
    // Without an oversight report the rule applies only to an oversight evaluation type (appliesWhen): its report is known.
    const expected = REPORT_FOR[f.evaluatietype as OversightEvaluatietype];
    const reportNl = `het rapport van het ${expected.nl} (document '${expected.type}')`;
    const reportEn = `the report of the ${expected.en} (document '${expected.type}')`;
    if (responses.length > 0) {
      return missing(
        `De GS-reactie op de aanbevelingen is vastgelegd (${titles(responses)}), maar ${reportNl} is niet gekoppeld.`,
        `The GS response to the recommendations is on record (${titles(responses)}), but ${reportEn} is not linked.`,
        ids,
      );
    }
    return missing(
      `Ontbreekt: ${reportNl} én de GS-reactie op de aanbevelingen (document 'gs-reactie-aanbevelingen').`,
      `Missing: ${reportEn} and the GS response to its recommendations (document 'gs-reactie-aanbevelingen').`,
    );
  },
};

/**
 * G6-06 — Participants were informed about the evaluation outcome: a `terugkoppeling` to
 * `deelnemers` on `evaluatie`. Practice: NRK "Ruimte voor inbreng" [S14]; 2025 Drenthe wishes, wish 9.
 */
export const deelnemersGeinformeerdOverEvaluatie: Requirement = {
  id: 'G6-06',
  transition: 'T6',
  events: T6_EVENTS,
  label: {
    nl: 'Deelnemers geïnformeerd over de uitkomst van de evaluatie',
    en: 'Participants informed about the evaluation outcome',
  },
  rule: 'Participants informed about the evaluation outcome.',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'NRK [S14]; [S2] wish 9', verified: true },
  appliesWhen: always,
  check: (f) => {
    const notices = f.feedback.filter((t) => t.data.aan === 'deelnemers' && t.data.onderwerp === 'evaluatie');
    if (notices.length > 0) {
      const how = list(notices.map((t) => `${t.occurredOn}${t.data.kanaal ? ` via ${t.data.kanaal}` : ''}`));
      return met(
        notices.map((t) => t.id),
        `Deelnemers geïnformeerd over de uitkomst van de evaluatie (${how}).`,
        `Participants informed about the evaluation outcome (${how}).`,
      );
    }
    return missing(
      "Ontbreekt: de terugkoppeling aan de deelnemers over de uitkomst van de evaluatie (terugkoppeling aan 'deelnemers' met onderwerp 'evaluatie': kanaal en datum).",
      "Missing: the feedback to participants on the evaluation outcome (feedback to 'deelnemers' on 'evaluatie': channel and date).",
    );
  },
};

/**
 * G6-07 — The evaluation/research report is published: a `publicatie` on `evaluatierapport`. Law: Woo
 * 3.3, category onderzoeksrapporten (phased entry into force; advisory until the category is confirmed
 * to bind provinces).
 */
export const evaluatierapportGepubliceerd: Requirement = {
  id: 'G6-07',
  transition: 'T6',
  events: T6_EVENTS,
  label: { nl: 'Evaluatierapport gepubliceerd', en: 'Evaluation report published' },
  rule: 'Evaluation/research report published.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Woo, phased)',
    basis: 'artikel 3.3 Woo, categorie onderzoeksrapporten [S23b]',
    verified: false,
    note: 'Woo 3.3 enters into force in tranches by Royal Decree (Regeling actieve openbaarmaking Woo, Stcrt. 2024, 30890); whether the category onderzoeksrapporten already binds provinces was not verified, so the rule stays advisory.',
  },
  appliesWhen: always,
  check: (f) => {
    const pubs = f.publications.filter((p) => p.data.onderwerp === 'evaluatierapport');
    if (pubs.length > 0) {
      const where = list(pubs.map((p) => `${p.data.publishedOn} via ${p.data.kanaal}${p.data.url ? ` (${p.data.url})` : ''}`));
      return met(
        pubs.map((p) => p.id),
        `Evaluatierapport gepubliceerd: ${where}.`,
        `Evaluation report published: ${where}.`,
      );
    }
    const reports = docsOfType(f, 'evaluatierapport');
    const nl = reports.length > 0 ? ` (het evaluatierapport ${titles(reports)} is vastgelegd maar niet gepubliceerd)` : '';
    const en = reports.length > 0 ? ` (the evaluation report ${titles(reports)} is on record but not published)` : '';
    return missing(
      `Ontbreekt: de publicatie van het evaluatie- of onderzoeksrapport (publicatie met onderwerp 'evaluatierapport': kanaal, URL en datum)${nl}.`,
      `Missing: the publication of the evaluation or research report (publication on 'evaluatierapport': channel, URL and date)${en}.`,
      reports.map((d) => d.id),
    );
  },
};

/** The T6 requirements in brief order (guarding ADVANCE to afgesloten and NEW_CYCLE). */
export const T6_REQUIREMENTS: readonly Requirement[] = [
  evaluatieUitgevoerdEnTeruggekoppeldAanPs,
  rapportage217aAanPsEnRekenkamer,
  leerpuntenEnSuccessenVastgelegd,
  participatieInstrumentenGeevalueerd,
  toezichtsrapportMetGsReactie,
  deelnemersGeinformeerdOverEvaluatie,
  evaluatierapportGepubliceerd,
];

/**
 * T5: uitvoering → controle-evaluatie (domain-brief §8, G5-01 … G5-04).
 *
 * Each requirement is a named pure predicate over the dossier's facts; it never reads the clock or a
 * database (`f.today` and `f.enteredPhaseOn` are the dates it may use).
 */
import { isIsoDate } from '../../dates';
import { EVALUATIETYPES } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, met, missing, Requirement } from '../../requirement';

const list = (items: readonly string[]): string => items.join(', ');

/**
 * G5-01 — At least one progress update to PS during implementation (a letter, a GS information
 * session): a `terugkoppeling` to `ps` on `voortgang` dated on or after the day the dossier entered
 * `uitvoering`. Seed: "Informerend (2018)" (PS role), "Informatiebijeenkomst GS", "GS bewaakt de
 * uitvoering"; Pw 167(2) (GS duty to inform PS).
 */
export const voortgangsberichtAanPs: Requirement = {
  id: 'G5-01',
  transition: 'T5',
  events: ['ADVANCE'],
  label: {
    nl: 'Voortgang van de uitvoering gemeld aan PS',
    en: 'Progress of implementation reported to PS',
  },
  rule: 'At least one progress update to PS during implementation (letter, information session).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed + law',
    basis: 'seed: "Informerend (2018)"; "Informatiebijeenkomst GS"; "GS bewaakt de uitvoering"; artikel 167, tweede lid, Provinciewet [S16]',
    seedQuote: 'Informerend (2018)',
    verified: true,
    note: 'Pw 167(2) (active duty of GS to inform PS) was read in its 2012 text; the seed basis is quoted verbatim.',
  },
  appliesWhen: always,
  check: (f) => {
    const updates = f.feedback.filter((t) => t.data.aan === 'ps' && t.data.onderwerp === 'voortgang');
    const during = updates.filter((t) => t.occurredOn >= f.enteredPhaseOn);
    if (during.length > 0) {
      const dates = list(during.map((t) => t.occurredOn));
      return met(
        during.map((t) => t.id),
        `PS zijn tijdens de uitvoering over de voortgang geïnformeerd (${during.length}×: ${dates}).`,
        `PS were informed of progress during implementation (${during.length}×: ${dates}).`,
      );
    }
    if (updates.length > 0) {
      const dates = list(updates.map((t) => t.occurredOn));
      return missing(
        `Geen voortgangsbericht aan PS tijdens de uitvoering: de vastgelegde voortgangsberichten aan PS (${dates}) dateren van vóór de start van de uitvoering op ${f.enteredPhaseOn}. Leg een terugkoppeling aan PS vast met onderwerp 'voortgang' (Statenbrief of informatiebijeenkomst GS) gedateerd op of na ${f.enteredPhaseOn}.`,
        `No progress update to PS during implementation: the progress updates to PS on record (${dates}) predate the start of implementation on ${f.enteredPhaseOn}. Record feedback to PS on 'voortgang' (a letter to PS or a GS information session) dated on or after ${f.enteredPhaseOn}.`,
        updates.map((t) => t.id),
      );
    }
    return missing(
      `Ontbreekt: een voortgangsbericht aan PS tijdens de uitvoering. Leg een terugkoppeling aan PS vast met onderwerp 'voortgang' (Statenbrief of informatiebijeenkomst GS), gedateerd op of na ${f.enteredPhaseOn} (start uitvoering).`,
      `Missing: a progress update to PS during implementation. Record feedback to PS on 'voortgang' (a letter to PS or a GS information session), dated on or after ${f.enteredPhaseOn} (start of implementation).`,
    );
  },
};

/**
 * G5-02 — Joining existing civil-society initiatives was considered: the check question
 * `maatschappelijke-initiatieven` is answered (yes or no) with an explanation. Seed: "Aansluiten bij
 * bestaande maatschappelijke initiatieven" (phase uitvoering, Inwoners, meebeslissen).
 */
export const aansluitenMaatschappelijkeInitiatievenOverwogen: Requirement = {
  id: 'G5-02',
  transition: 'T5',
  events: ['ADVANCE'],
  label: {
    nl: 'Aansluiten bij bestaande maatschappelijke initiatieven overwogen',
    en: 'Joining existing civil-society initiatives considered',
  },
  rule: 'Joining existing civil-society initiatives was considered.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Aansluiten bij bestaande maatschappelijke initiatieven" (P5, meebeslissen)',
    seedQuote: 'Aansluiten bij bestaande maatschappelijke initiatieven',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const answer = f.answers['maatschappelijke-initiatieven'];
    if (!answer) {
      return missing(
        "Ontbreekt: het antwoord op de checkvraag 'maatschappelijke-initiatieven' — is overwogen om aan te sluiten bij bestaande maatschappelijke initiatieven? Leg ja/nee vast met een toelichting.",
        "Missing: the answer to the check question 'maatschappelijke-initiatieven' — was joining existing civil-society initiatives considered? Record yes/no with an explanation.",
      );
    }
    if (answer.data.toelichting.trim() === '') {
      return missing(
        `De checkvraag 'maatschappelijke-initiatieven' is beantwoord (${answer.data.antwoord ? 'ja' : 'nee'}), maar de toelichting is leeg: licht toe bij welke initiatieven is aangesloten, of waarom niet.`,
        `The check question 'maatschappelijke-initiatieven' was answered (${answer.data.antwoord ? 'yes' : 'no'}), but the explanation is empty: say which initiatives were joined, or why none were.`,
        [answer.id],
      );
    }
    return met(
      [answer.id],
      `Aansluiten bij bestaande maatschappelijke initiatieven is overwogen (${answer.data.antwoord ? 'ja' : 'nee'}): ${answer.data.toelichting}`,
      `Joining existing civil-society initiatives was considered (${answer.data.antwoord ? 'yes' : 'no'}): ${answer.data.toelichting}`,
    );
  },
};

/**
 * G5-03 — Uitdaagrecht (right to challenge) requests concerning this policy are registered and decided:
 * every `uitdaagrecht-verzoek` procedure step has a `besluitOn`. Applies only when a request was
 * registered. Law: Wet versterking participatie op decentraal niveau (entry into force unverified).
 */
export const uitdaagrechtVerzoekenBeslist: Requirement = {
  id: 'G5-03',
  transition: 'T5',
  events: ['ADVANCE'],
  label: {
    nl: 'Uitdaagrechtverzoeken geregistreerd en beslist',
    en: 'Right-to-challenge requests registered and decided',
  },
  rule: 'Uitdaagrecht requests concerning this policy registered and decided.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (new; entry into force unverified)',
    basis: 'Wet versterking participatie [S25]',
    verified: false,
    note: 'The Wet versterking participatie op decentraal niveau (uitdaagrecht) was passed by the Eerste Kamer on 4 June 2024 and enters into force by Royal Decree; its entry into force, and a Drenthe participatieverordening under Pw 147, were not verified. The rule is kept as advisory.',
  },
  appliesWhen: {
    description: {
      nl: 'er is ten minste één uitdaagrechtverzoek geregistreerd',
      en: 'at least one right-to-challenge request is registered',
    },
    test: (f: DossierFacts) => procedureSteps(f, 'uitdaagrecht-verzoek').length > 0,
    whyNot: () => ({ nl: 'bij dit dossier is geen uitdaagrechtverzoek geregistreerd', en: 'no right-to-challenge request is registered for this dossier' }),
  },
  check: (f) => {
    const requests = procedureSteps(f, 'uitdaagrecht-verzoek');
    // A decision dated after today has not been taken yet (issue #11: facts that must have happened).
    const open = requests.filter((r) => !r.data.besluitOn || !isIsoDate(r.data.besluitOn) || r.data.besluitOn > f.today);
    const ids = requests.map((r) => r.id);
    if (open.length === 0) {
      const decided = list(
        requests.map((r) => `${r.data.ingediendOn} → ${r.data.besluitOn}${r.data.uitkomst ? ` (${r.data.uitkomst})` : ''}`),
      );
      return met(
        ids,
        requests.length === 1
          ? `Het uitdaagrechtverzoek is beslist (ingediend → besluit): ${decided}.`
          : `Alle ${requests.length} uitdaagrechtverzoeken zijn beslist (ingediend → besluit): ${decided}.`,
        requests.length === 1
          ? `The right-to-challenge request has been decided (submitted → decision): ${decided}.`
          : `All ${requests.length} right-to-challenge requests have been decided (submitted → decision): ${decided}.`,
      );
    }
    const pending = list(open.map((r) => `ingediend op ${r.data.ingediendOn}`));
    const pendingEn = list(open.map((r) => `submitted on ${r.data.ingediendOn}`));
    return missing(
      `${open.length} van de ${requests.length} uitdaagrechtverzoeken ${open.length === 1 ? 'is' : 'zijn'} nog niet beslist (${pending}): leg per verzoek de besluitdatum (besluitOn) en de uitkomst vast.`,
      `${open.length} of ${requests.length} right-to-challenge requests ${open.length === 1 ? 'has' : 'have'} not been decided (${pendingEn}): record the decision date (besluitOn) and the outcome of each request.`,
      ids,
    );
  },
};

/**
 * G5-04 — The evaluation type is recorded (procedure step `evaluatietype`): gs-evaluatie,
 * 217a-onderzoek, statenonderzoek, nrk-onderzoek or extern. A data-completeness rule: the T6 guards
 * G6-02 (Pw 217a study) and G6-05 (PS oversight reports) depend on it. Basis: seed phase 6
 * (controle en evaluatie); Pw 217a; Pw 183.
 */
export const evaluatietypeVastgelegd: Requirement = {
  id: 'G5-04',
  transition: 'T5',
  events: ['ADVANCE'],
  label: { nl: 'Evaluatietype vastgelegd', en: 'Evaluation type recorded' },
  rule: 'Evaluation type recorded: gs-evaluatie | 217a-onderzoek | statenonderzoek | nrk-onderzoek | extern. T6 guards depend on it.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'data', label: 'practice (data)', basis: 'seed P6; artikel 217a Provinciewet; artikel 183 Provinciewet', verified: true },
  appliesWhen: always,
  check: (f) => {
    const step = procedureSteps(f, 'evaluatietype').at(-1);
    if (f.evaluatietype && step) {
      return met(
        [step.id],
        `Evaluatietype vastgelegd: ${f.evaluatietype}.`,
        `Evaluation type recorded: ${f.evaluatietype}.`,
      );
    }
    const plan217a = f.documents.find((d) => d.data.documentType === 'evaluatieplan' && d.data.evaluatieplan?.is217a === true);
    const hintNl = plan217a ? ` Het evaluatieplan '${plan217a.data.titel}' noemt een 217a-onderzoek.` : '';
    const hintEn = plan217a ? ` The evaluation plan '${plan217a.data.titel}' names a 217a study.` : '';
    return missing(
      `Ontbreekt: het evaluatietype (procedurestap 'evaluatietype'). Kies ${list([...EVALUATIETYPES])}. De eisen voor de afsluiting hangen ervan af: bij een 217a-onderzoek moeten PS schriftelijk worden geïnformeerd en moet de Noordelijke Rekenkamer tijdig worden ingelicht (G6-02); bij een statenonderzoek, NRK-onderzoek of externe evaluatie hoort een GS-reactie op de aanbevelingen (G6-05).${hintNl}`,
      `Missing: the evaluation type (procedure step 'evaluatietype'). Choose ${list([...EVALUATIETYPES])}. The closing requirements depend on it: a 217a study needs a written report to PS and timely notice to the Noordelijke Rekenkamer (G6-02); a statenonderzoek, NRK study or external evaluation needs a GS response to its recommendations (G6-05).${hintEn}`,
      plan217a ? [plan217a.id] : [],
    );
  },
};

/** The T5 requirements in brief order. */
export const T5_REQUIREMENTS: readonly Requirement[] = [
  voortgangsberichtAanPs,
  aansluitenMaatschappelijkeInitiatievenOverwogen,
  uitdaagrechtVerzoekenBeslist,
  evaluatietypeVastgelegd,
];

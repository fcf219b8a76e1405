/**
 * T4: kaderstelling-besluitvorming → uitvoering (domain-brief §8, G4-01 … G4-12).
 *
 * Each guard is a named pure predicate over the dossier's facts: it reads only `f` (`f.today` is "now"),
 * never the clock or the database, and explains in Dutch and English exactly what is missing.
 */
import { isIsoDate } from '../../dates';
import { Besluittype, Participatieverslag } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, met, missing, Requirement, Text } from '../../requirement';
import { ADVISORY_BODY_INSTRUMENTS, OTHER_INSTRUMENT_ID } from '../instruments';
import { inwerkingtredingToegestaan, terinzageNaBesluit } from '../timers';
import {
  commissieNaam,
  correctionChain,
  countNl,
  docRef,
  filled,
  happenedBy,
  instrumentNameOf,
  isProposal,
  verklaringInstrumentApplies,
  VerklaringInstrument,
  joinEn,
  joinNl,
  last,
  noUov,
  PARTICIPATIEVERKLARING_ARTIKEL,
  PRB_ID,
  PROPOSAL_NAMES,
} from './shared';

// ---------------------------------------------------------------------------------------------
// Helpers (file-local)
// ---------------------------------------------------------------------------------------------

type Doc = DossierFacts['documents'][number];
type Activity = DossierFacts['activities'][number];
type Decision = DossierFacts['decisions'][number];




const eindbesluiten = (f: DossierFacts): Decision[] => f.decisions.filter((d) => d.data.onderwerp === 'eindbesluit');
/** The latest eindbesluit of one body. */
const eindbesluitVan = (f: DossierFacts, orgaan: Decision['data']['orgaan']): Decision | undefined =>
  last(eindbesluiten(f).filter((d) => d.data.orgaan === orgaan));
/** The eindbesluit the other guards read: the competent body's latest, else the latest of any body. */
const hetEindbesluit = (f: DossierFacts): Decision | undefined =>
  (f.classification.besluitvormer ? eindbesluitVan(f, f.classification.besluitvormer) : undefined) ?? last(eindbesluiten(f));
const decRef = (d: Decision): string => `${d.data.orgaan}-besluit ${d.data.kenmerk} van ${d.data.besluitdatum} (${d.id})`;
const decRefEn = (d: Decision): string => `${d.data.orgaan} decision ${d.data.kenmerk} of ${d.data.besluitdatum} (${d.id})`;

/** "besluitvormer GS, besluittype beleidsregel" — what the classification says, for a not-applicable text. */
function classificationText(f: DossierFacts): Text {
  const c = f.classification;
  const nl = [`besluitvormer ${c.besluitvormer ?? 'nog niet vastgelegd'}`, `besluittype ${c.besluittype ?? 'nog niet vastgelegd'}`];
  const en = [`besluitvormer ${c.besluitvormer ?? 'not recorded yet'}`, `decision type ${c.besluittype ?? 'not recorded yet'}`];
  return { nl: nl.join(', '), en: en.join(', ') };
}


// ---------------------------------------------------------------------------------------------
// G4-01
// ---------------------------------------------------------------------------------------------

/**
 * G4-01 — The eindbesluit is recorded by the competent body (`classification.besluitvormer`): a PS decision
 * (kenmerk = Statenstuk number, besluitdatum = meeting date) or a GS decision within its own competence
 * (kenmerk/besluitdatum of the besluitenlijst), dated no later than today. Seed: "GS doen PS een voorstel of
 * nemen zelf een besluit voor zover het de eigen bevoegdheid betreft."
 */
export const besluitBevoegdOrgaan: Requirement = {
  id: 'G4-01',
  transition: 'T4',
  events: ['ADVANCE'],
  label: { nl: 'Eindbesluit door het bevoegde orgaan vastgelegd', en: 'Final decision recorded by the competent body' },
  rule: 'Decision recorded by the competent body: PS decision (Statenstuk no., meeting date) **or** GS decision within its own competence (besluitenlijst date).',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "GS doen PS een voorstel of nemen zelf een besluit voor zover het de eigen bevoegdheid betreft."',
    seedQuote: 'GS doen PS een voorstel of nemen zelf een besluit voor zover het de eigen bevoegdheid betreft.',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const all = eindbesluiten(f);
    const bv = f.classification.besluitvormer;
    if (!bv) {
      const seen = all.length
        ? { nl: ` Vastgelegde eindbesluiten: ${all.map(decRef).join(', ')}.`, en: ` Recorded final decisions: ${all.map(decRefEn).join(', ')}.` }
        : { nl: '', en: '' };
      return missing(
        `De besluitvormer (PS of GS) is niet vastgelegd in de classificatie (G1-04), dus niet te bepalen of het bevoegde orgaan heeft besloten. Leg de besluitvormer vast via een classificatie.${seen.nl}`,
        `The besluitvormer (PS or GS) is not recorded in the classification (G1-04), so it cannot be determined whether the competent body decided. Record the besluitvormer in a classificatie.${seen.en}`,
        all.map((d) => d.id),
      );
    }
    const how: Text =
      bv === 'PS'
        ? { nl: 'het Statenstuknummer als kenmerk en de vergaderdatum als besluitdatum', en: 'the Statenstuk number as kenmerk and the meeting date as besluitdatum' }
        : { nl: 'de besluitenlijst (nummer of datum) als kenmerk en de datum van de GS-vergadering als besluitdatum', en: 'the besluitenlijst (number or date) as kenmerk and the date of the GS meeting as besluitdatum' };
    const competent = all.filter((d) => d.data.orgaan === bv);
    const valid = last(competent.filter((d) => filled(d.data.kenmerk) && happenedBy(d.data.besluitdatum, f.today)));
    if (valid) {
      return bv === 'PS'
        ? met(
            [valid.id],
            `PS hebben het eindbesluit genomen in de vergadering van ${valid.data.besluitdatum} (Statenstuk ${valid.data.kenmerk}).`,
            `PS took the final decision at the meeting of ${valid.data.besluitdatum} (Statenstuk ${valid.data.kenmerk}).`,
          )
        : met(
            [valid.id],
            `GS hebben binnen hun eigen bevoegdheid het eindbesluit genomen op ${valid.data.besluitdatum} (besluitenlijst ${valid.data.kenmerk}).`,
            `GS took the final decision within their own competence on ${valid.data.besluitdatum} (besluitenlijst ${valid.data.kenmerk}).`,
          );
    }
    if (competent.length > 0) {
      const nl: string[] = [];
      const en: string[] = [];
      for (const d of competent) {
        if (!filled(d.data.kenmerk)) {
          nl.push(`${d.id} mist het kenmerk (${bv === 'PS' ? 'Statenstuknummer' : 'besluitenlijst'})`);
          en.push(`${d.id} lacks the kenmerk (${bv === 'PS' ? 'Statenstuk number' : 'besluitenlijst'})`);
        }
        if (!isIsoDate(d.data.besluitdatum)) {
          nl.push(`${d.id} heeft geen geldige besluitdatum ('${d.data.besluitdatum}')`);
          en.push(`${d.id} has no valid besluitdatum ('${d.data.besluitdatum}')`);
        } else if (d.data.besluitdatum > f.today) {
          nl.push(`${d.id} is gedateerd ${d.data.besluitdatum}, na vandaag (${f.today}): het besluit is nog niet genomen`);
          en.push(`${d.id} is dated ${d.data.besluitdatum}, after today (${f.today}): the decision has not been taken yet`);
        }
      }
      return missing(
        `Het eindbesluit van ${bv} is niet volledig vastgelegd: ${nl.join('; ')}. Leg het vast met ${how.nl}.`,
        `The final decision of ${bv} is not fully recorded: ${en.join('; ')}. Record it with ${how.en}.`,
        competent.map((d) => d.id),
      );
    }
    // No decision of the competent body is recorded, so any eindbesluit that is recorded is another body's.
    const wrong = all;
    if (wrong.length > 0) {
      return missing(
        `Er is wel een eindbesluit vastgelegd door een ander orgaan (${wrong.map(decRef).join(', ')}), maar de besluitvormer is volgens de classificatie ${bv}: dat orgaan is hier niet bevoegd. Leg het besluit van ${bv} vast met ${how.nl}, of corrigeer de classificatie als ${wrong[wrong.length - 1].data.orgaan} wél bevoegd is.`,
        `A final decision by another body is recorded (${wrong.map(decRefEn).join(', ')}), but according to the classification the besluitvormer is ${bv}: that body is not competent here. Record the decision of ${bv} with ${how.en}, or correct the classification if ${wrong[wrong.length - 1].data.orgaan} is competent.`,
        wrong.map((d) => d.id),
      );
    }
    return missing(
      `Er is nog geen eindbesluit van ${bv} vastgelegd. Leg het vast als besluit met onderwerp eindbesluit, orgaan ${bv}, ${how.nl}.`,
      `No final decision of ${bv} has been recorded yet. Record it as a besluit with subject eindbesluit, body ${bv}, ${how.en}.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-02
// ---------------------------------------------------------------------------------------------

/**
 * G4-02 — When PS adopt a verordening, GS first had the opportunity to give wensen en bedenkingen (Pw 143(1)):
 * a procedure step 'wensen-en-bedenkingen' with partij 'GS' whose `gelegenheidGebodenOn` lies on or before the PS
 * eindbesluit date (or today, while there is no decision yet).
 */
export const wensenEnBedenkingenGs: Requirement = {
  id: 'G4-02',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'GS in de gelegenheid gesteld tot wensen en bedenkingen over de verordening',
    en: 'GS given the opportunity to state wishes and objections on the verordening',
  },
  rule: 'If PS adopt a verordening with generally binding rules, GS had the opportunity to give wensen en bedenkingen (matters mainly for PS initiatiefvoorstellen).',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'law', label: 'law (Pw 143(1))', basis: 'artikel 143, eerste lid, en artikel 143a Provinciewet [S19]', verified: true },
  appliesWhen: {
    description: { nl: 'PS stellen een verordening vast', en: 'PS adopt a verordening' },
    test: (f) => f.classification.besluitvormer === 'PS' && f.classification.besluittype === 'verordening',
    whyNot: (f) => {
      const c = classificationText(f);
      if (f.classification.besluitvormer === null || f.classification.besluittype === null) {
        return { nl: `de classificatie is nog niet volledig (${c.nl}; G1-04), dus is niet bekend dat PS een verordening vaststellen`, en: `the classification is not complete yet (${c.en}; G1-04), so it is not known whether the decision is a PS verordening` };
      }
      return { nl: `het besluit is geen verordening van PS (${c.nl})`, en: `the decision is not a verordening adopted by PS (${c.en})` };
    },
  },
  check: (f) => {
    const steps = procedureSteps(f, 'wensen-en-bedenkingen').filter((s) => s.data.partij === 'GS');
    const besluit = eindbesluitVan(f, 'PS');
    const deadline = besluit ? besluit.data.besluitdatum : f.today;
    const deadlineText: Text = besluit
      ? { nl: `het PS-besluit van ${deadline}`, en: `the PS decision of ${deadline}` }
      : { nl: `vandaag (${deadline}; er is nog geen PS-besluit)`, en: `today (${deadline}; there is no PS decision yet)` };
    const ids = [...steps.map((s) => s.id), ...(besluit ? [besluit.id] : [])];
    const ok = last(steps.filter((s) => isIsoDate(s.data.gelegenheidGebodenOn) && s.data.gelegenheidGebodenOn <= deadline));
    if (ok) {
      const reactie = filled(ok.data.reactieOn) ? { nl: `; GS reageerden op ${ok.data.reactieOn}`, en: `; GS responded on ${ok.data.reactieOn}` } : { nl: '', en: '' };
      return met(
        ids,
        `GS kregen op ${ok.data.gelegenheidGebodenOn} de gelegenheid wensen en bedenkingen over de verordening kenbaar te maken, niet later dan ${deadlineText.nl}${reactie.nl}.`,
        `GS were given the opportunity to state wishes and objections on the verordening on ${ok.data.gelegenheidGebodenOn}, no later than ${deadlineText.en}${reactie.en}.`,
      );
    }
    if (steps.length > 0) {
      const s = last(steps)!;
      return missing(
        `De gelegenheid voor GS om wensen en bedenkingen te uiten is gedateerd ${s.data.gelegenheidGebodenOn} (${s.id}), na ${deadlineText.nl}: PS mogen de verordening pas vaststellen nadat GS die gelegenheid hebben gehad (artikel 143, eerste lid, Provinciewet).`,
        `The opportunity for GS to state wishes and objections is dated ${s.data.gelegenheidGebodenOn} (${s.id}), after ${deadlineText.en}: PS may adopt the verordening only after GS had that opportunity (article 143(1) Provinciewet).`,
        ids,
      );
    }
    return missing(
      'Niet vastgelegd dat GS de gelegenheid kregen wensen en bedenkingen over de verordening kenbaar te maken voordat PS besluiten (procedurestap wensen-en-bedenkingen, partij GS, met de datum gelegenheidGebodenOn; artikel 143, eerste lid, Provinciewet).',
      'No record that GS were given the opportunity to state wishes and objections on the verordening before PS decide (procedure step wensen-en-bedenkingen, partij GS, with the date gelegenheidGebodenOn; article 143(1) Provinciewet).',
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-03
// ---------------------------------------------------------------------------------------------

/**
 * G4-03 — Before GS exercise a private-law power under Pw 158(1)(e,f,h) with major consequences, PS were informed
 * and could give wensen en bedenkingen (Pw 167(4)): a step 'wensen-en-bedenkingen' with partij 'PS' dated before
 * the GS eindbesluit; or, in urgent cases (Pw 167(5)), `spoed` with `achterafGeinformeerdOn` on or after the
 * decision. Pw 167(4–5) as seen in its 2012 text: verify the current text.
 */
export const wensenEnBedenkingenPs: Requirement = {
  id: 'G4-03',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'PS vooraf in de gelegenheid gesteld tot wensen en bedenkingen (ingrijpend privaatrechtelijk besluit GS)',
    en: 'PS given the opportunity beforehand to state wishes and objections (major private-law decision by GS)',
  },
  rule: 'If GS decide under Pw 158(1)(e,f,h) with major consequences: PS were informed beforehand and had the opportunity to give wensen en bedenkingen **before** the GS decision date; in urgent cases (167(5)) PS were informed as soon as possible afterwards.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Pw 167(4–5))',
    basis: 'artikel 167, vierde en vijfde lid, Provinciewet [S16] (2012 text; verify current)',
    verified: false,
    note: 'Pw 167(4–5), 2012 text; verify current',
  },
  appliesWhen: {
    description: {
      nl: 'GS nemen een privaatrechtelijk besluit (artikel 158, eerste lid, onder e, f en h, Provinciewet) met ingrijpende gevolgen',
      en: 'GS take a private-law decision (article 158(1)(e,f,h) Provinciewet) with major consequences',
    },
    test: (f) =>
      f.classification.besluitvormer === 'GS' &&
      f.classification.besluittype === 'privaatrechtelijk-158' &&
      f.classification.ingrijpend === true,
    whyNot: (f) => {
      const c = classificationText(f);
      if (f.classification.besluitvormer === 'GS' && f.classification.besluittype === 'privaatrechtelijk-158') {
        return f.classification.ingrijpend === null
          ? { nl: `nog niet vastgelegd is of het privaatrechtelijke besluit van GS ingrijpende gevolgen heeft (ingrijpend, G1-04)`, en: `whether the private-law decision of GS has major consequences has not been recorded yet (ingrijpend, G1-04)` }
          : { nl: 'het privaatrechtelijke besluit van GS heeft volgens de classificatie geen ingrijpende gevolgen', en: 'according to the classification the private-law decision of GS has no major consequences' };
      }
      if (f.classification.besluitvormer === null || f.classification.besluittype === null) {
        return {
          nl: `de classificatie is nog niet volledig (${c.nl}; G1-04), dus is niet bekend dat GS een privaatrechtelijk besluit nemen op grond van artikel 158, eerste lid, onder e, f of h, Provinciewet`,
          en: `the classification is not complete yet (${c.en}; G1-04), so it is not known that GS take a private-law decision under article 158(1)(e), (f) or (h) Provinciewet`,
        };
      }
      return {
        nl: `het is geen privaatrechtelijk besluit van GS op grond van artikel 158, eerste lid, onder e, f of h, Provinciewet (${c.nl})`,
        en: `it is not a private-law decision of GS under article 158(1)(e), (f) or (h) Provinciewet (${c.en})`,
      };
    },
  },
  check: (f) => {
    const steps = procedureSteps(f, 'wensen-en-bedenkingen').filter((s) => s.data.partij === 'PS');
    const besluit = eindbesluitVan(f, 'GS');
    const ids = [...steps.map((s) => s.id), ...(besluit ? [besluit.id] : [])];
    const none = missing(
      'Niet vastgelegd dat PS vooraf zijn geïnformeerd en de gelegenheid kregen wensen en bedenkingen kenbaar te maken (procedurestap wensen-en-bedenkingen, partij PS, met de datum gelegenheidGebodenOn vóór het GS-besluit; bij spoed: spoed en de datum achterafGeinformeerdOn; artikel 167, vierde en vijfde lid, Provinciewet).',
      'No record that PS were informed beforehand and given the opportunity to state wishes and objections (procedure step wensen-en-bedenkingen, partij PS, with the date gelegenheidGebodenOn before the GS decision; if urgent: spoed and the date achterafGeinformeerdOn; article 167(4–5) Provinciewet).',
      ids,
    );
    if (!besluit) {
      // No decision yet: an opportunity already given precedes any decision GS can still take.
      const given = last(steps.filter((s) => s.data.spoed !== true && happenedBy(s.data.gelegenheidGebodenOn, f.today)));
      if (given) {
        return met(
          ids,
          `PS kregen op ${given.data.gelegenheidGebodenOn} de gelegenheid wensen en bedenkingen kenbaar te maken; er is nog geen GS-besluit, dat dus pas daarna kan volgen.`,
          `PS were given the opportunity to state wishes and objections on ${given.data.gelegenheidGebodenOn}; there is no GS decision yet, so it can only follow afterwards.`,
        );
      }
      if (steps.length === 0) return none;
      return missing(
        `Er is nog geen eindbesluit van GS vastgelegd, dus niet te toetsen of PS vóór het besluit (of bij spoed direct daarna) in de gelegenheid zijn gesteld (${steps.map((s) => s.id).join(', ')}).`,
        `No final decision of GS has been recorded yet, so it cannot be verified that PS had the opportunity before the decision (or, if urgent, right after it) (${steps.map((s) => s.id).join(', ')}).`,
        ids,
      );
    }
    const datum = besluit.data.besluitdatum;
    const before = last(steps.filter((s) => isIsoDate(s.data.gelegenheidGebodenOn) && s.data.gelegenheidGebodenOn < datum));
    if (before) {
      return met(
        ids,
        `PS kregen op ${before.data.gelegenheidGebodenOn} de gelegenheid wensen en bedenkingen kenbaar te maken, vóór het GS-besluit van ${datum} (${besluit.data.kenmerk}).`,
        `PS were given the opportunity to state wishes and objections on ${before.data.gelegenheidGebodenOn}, before the GS decision of ${datum} (${besluit.data.kenmerk}).`,
      );
    }
    const urgent = last(steps.filter((s) => s.data.spoed === true && filled(s.data.achterafGeinformeerdOn) && s.data.achterafGeinformeerdOn >= datum));
    if (urgent) {
      return met(
        ids,
        `Spoed (artikel 167, vijfde lid, Provinciewet): GS besloten op ${datum} en informeerden PS daarna op ${urgent.data.achterafGeinformeerdOn}.`,
        `Urgent case (article 167(5) Provinciewet): GS decided on ${datum} and informed PS afterwards on ${urgent.data.achterafGeinformeerdOn}.`,
      );
    }
    if (steps.length === 0) return none;
    const nl: string[] = [];
    const en: string[] = [];
    for (const s of steps) {
      if (s.data.spoed === true && !filled(s.data.achterafGeinformeerdOn)) {
        nl.push(`${s.id} meldt spoed, maar niet wanneer PS achteraf zijn geïnformeerd (achterafGeinformeerdOn)`);
        en.push(`${s.id} reports urgency, but not when PS were informed afterwards (achterafGeinformeerdOn)`);
      } else if (s.data.spoed === true) {
        nl.push(`${s.id} meldt spoed, maar PS zijn op ${s.data.achterafGeinformeerdOn} geïnformeerd, vóór het besluit van ${datum}: leg dan de gelegenheid vooraf vast`);
        en.push(`${s.id} reports urgency, but PS were informed on ${s.data.achterafGeinformeerdOn}, before the decision of ${datum}: record the prior opportunity instead`);
      } else {
        nl.push(`${s.id}: de gelegenheid is gedateerd ${s.data.gelegenheidGebodenOn}, niet vóór het GS-besluit van ${datum}`);
        en.push(`${s.id}: the opportunity is dated ${s.data.gelegenheidGebodenOn}, not before the GS decision of ${datum}`);
      }
    }
    return missing(
      `PS kregen niet vóór het GS-besluit van ${datum} de gelegenheid wensen en bedenkingen te uiten (artikel 167, vierde lid, Provinciewet), en er is geen spoedgeval met melding achteraf (artikel 167, vijfde lid, Provinciewet) vastgelegd: ${nl.join('; ')}.`,
      `PS were not given the opportunity to state wishes and objections before the GS decision of ${datum} (article 167(4) Provinciewet), and no urgent case with notice afterwards (article 167(5) Provinciewet) is recorded: ${en.join('; ')}.`,
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-04
// ---------------------------------------------------------------------------------------------

const GENERAL_SCOPE: readonly Besluittype[] = ['verordening', 'beleidsregel', 'besluit-algemene-strekking'];
const PUBLISHED_TYPES: readonly Besluittype[] = [...GENERAL_SCOPE, 'beschikking'];

/**
 * G4-04 — A decision of general scope (verordening, beleidsregel, besluit van algemene strekking) is published in
 * the Provinciaal blad: a publicatie with kanaal 'provinciaal-blad', onderwerp 'besluit', a `prb-YYYY-N` id and
 * `publishedOn` ≤ today; and its entry into force (`inwerkingtredingOn` of the eindbesluit) is not before that
 * publication (Awb 3:40, TM-13). A beschikking has been sent to its addressees (Awb 3:41):
 * `toegezondenAanGeadresseerdenOn` ≤ today on the eindbesluit.
 */
export const bekendmakingBesluit: Requirement = {
  id: 'G4-04',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Besluit bekendgemaakt (Provinciaal blad, of toegezonden aan de geadresseerden)',
    en: 'Decision published (Provinciaal blad, or sent to the addressees)',
  },
  rule: 'Decision of general scope (verordening, beleidsregel, besluit van algemene strekking) is **published in the Provinciaal blad** (prb-id, date), and the publication date ≤ the date the dossier enters `uitvoering`. An addressed decision has been sent to its addressees.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Awb 3:40–3:42, Bekendmakingswet)',
    basis: 'seed: "Publiceren (formele) besluiten"; artikelen 3:40, 3:41 en 3:42 Awb [S21]',
    verified: true,
  },
  appliesWhen: {
    description: {
      nl: 'het besluit is een verordening, beleidsregel, besluit van algemene strekking of beschikking',
      en: 'the decision is a verordening, beleidsregel, decision of general scope or beschikking',
    },
    test: (f) => PUBLISHED_TYPES.some((t) => t === f.classification.besluittype),
    whyNot: (f) =>
      f.classification.besluittype === null
        ? { nl: 'het besluittype is nog niet vastgelegd (G1-04), dus is niet bekend hoe het besluit moet worden bekendgemaakt', en: 'the decision type has not been recorded yet (G1-04), so it is not known how the decision must be made known' }
        : {
            nl: `het besluittype is ${f.classification.besluittype}: geen verordening, beleidsregel, besluit van algemene strekking of beschikking, dus geen besluit dat bekendgemaakt wordt in het Provinciaal blad of door toezending (artikelen 3:40 tot en met 3:42 Awb)`,
            en: `the decision type is ${f.classification.besluittype}: not a verordening, beleidsregel, decision of general scope or beschikking, so not a decision made known in the Provinciaal blad or by dispatch (articles 3:40 to 3:42 Awb)`,
          },
  },
  check: (f) => {
    const type = f.classification.besluittype!;
    const besluit = hetEindbesluit(f);
    if (type === 'beschikking') {
      if (!besluit) {
        return missing(
          'Er is nog geen eindbesluit vastgelegd. Een beschikking wordt bekendgemaakt door toezending aan de geadresseerden (artikel 3:41 Awb): leg het besluit vast met de datum van toezending (toegezondenAanGeadresseerdenOn).',
          'No final decision has been recorded yet. A beschikking is published by sending it to the addressees (article 3:41 Awb): record the decision with the dispatch date (toegezondenAanGeadresseerdenOn).',
        );
      }
      const sent = besluit.data.toegezondenAanGeadresseerdenOn;
      if (filled(sent) && isIsoDate(sent) && sent < besluit.data.besluitdatum) {
        return missing(
          `De toezending van de beschikking (${decRef(besluit)}) is gedateerd ${sent}, vóór de besluitdatum ${besluit.data.besluitdatum}: een besluit kan niet worden toegezonden voordat het is genomen. Corrigeer de datum.`,
          `The dispatch of the beschikking (${decRefEn(besluit)}) is dated ${sent}, before the decision date ${besluit.data.besluitdatum}: a decision cannot be sent before it is taken. Correct the date.`,
          [besluit.id],
        );
      }
      if (happenedBy(sent, f.today)) {
        return met(
          [besluit.id],
          `De beschikking (${decRef(besluit)}) is op ${sent} aan de geadresseerden toegezonden (artikel 3:41 Awb).`,
          `The beschikking (${decRefEn(besluit)}) was sent to the addressees on ${sent} (article 3:41 Awb).`,
        );
      }
      return filled(sent)
        ? missing(
            `De toezending van de beschikking (${decRef(besluit)}) is gedateerd ${sent}, na vandaag (${f.today}): zij is nog niet bekendgemaakt en heeft dus nog geen werking (artikelen 3:40 en 3:41 Awb).`,
            `The dispatch of the beschikking (${decRefEn(besluit)}) is dated ${sent}, after today (${f.today}): it has not been published yet and so has no effect (articles 3:40 and 3:41 Awb).`,
            [besluit.id],
          )
        : missing(
            `Niet vastgelegd dat de beschikking (${decRef(besluit)}) aan de geadresseerden is toegezonden: vul de datum van toezending in (toegezondenAanGeadresseerdenOn). Zonder bekendmaking heeft het besluit geen werking (artikelen 3:40 en 3:41 Awb).`,
            `No record that the beschikking (${decRefEn(besluit)}) was sent to the addressees: fill in the dispatch date (toegezondenAanGeadresseerdenOn). Without publication the decision has no effect (articles 3:40 and 3:41 Awb).`,
            [besluit.id],
          );
    }

    const prb = f.publications.filter((p) => p.data.kanaal === 'provinciaal-blad');
    const candidates = prb.filter((p) => p.data.onderwerp === 'besluit');
    const ids = [...candidates.map((p) => p.id), ...(besluit ? [besluit.id] : [])];
    const effective = besluit?.data.inwerkingtredingOn;
    // The publication must make *this* decision known (issue #11): it names the eindbesluit (or an earlier version of
    // it that a correction replaced) in `besluitId`, and it cannot appear before the decision was taken.
    const versions = besluit ? correctionChain(f, besluit.id) : new Set<string>();
    const problems = (p: (typeof candidates)[number]): Text[] => {
      const out: Text[] = [];
      if (!besluit) {
        out.push({ nl: 'er is nog geen eindbesluit vastgelegd dat deze publicatie kan bekendmaken', en: 'no final decision is recorded yet that this publication could make known' });
      } else if (!filled(p.data.besluitId)) {
        out.push({
          nl: `de publicatie noemt niet welk besluit zij bekendmaakt: vul besluitId in met het eindbesluit (${besluit.id})`,
          en: `the publication does not say which decision it makes known: fill in besluitId with the final decision (${besluit.id})`,
        });
      } else if (!versions.has(p.data.besluitId)) {
        out.push({
          nl: `de publicatie maakt een ander besluit bekend (${p.data.besluitId}), niet het eindbesluit ${decRef(besluit)}`,
          en: `the publication makes another decision known (${p.data.besluitId}), not the final decision ${decRefEn(besluit)}`,
        });
      } else if (isIsoDate(p.data.publishedOn) && isIsoDate(besluit.data.besluitdatum) && p.data.publishedOn < besluit.data.besluitdatum) {
        out.push({
          nl: `de publicatiedatum ${p.data.publishedOn} ligt vóór de besluitdatum ${besluit.data.besluitdatum}: een besluit kan niet worden bekendgemaakt voordat het is genomen`,
          en: `the publication date ${p.data.publishedOn} is before the decision date ${besluit.data.besluitdatum}: a decision cannot be made known before it is taken`,
        });
      }
      if (!filled(p.data.prbId) || !PRB_ID.test(p.data.prbId)) {
        out.push({
          nl: `geen geldig Provinciaal-blad-id (verwacht prb-JJJJ-N, vastgelegd: '${p.data.prbId ?? ''}')`,
          en: `no valid Provinciaal blad id (expected prb-YYYY-N, recorded: '${p.data.prbId ?? ''}')`,
        });
      }
      if (!happenedBy(p.data.publishedOn, f.today)) {
        out.push({
          nl: `publicatiedatum ${p.data.publishedOn} ligt na vandaag (${f.today})`,
          en: `publication date ${p.data.publishedOn} is after today (${f.today})`,
        });
      }
      if (filled(effective) && isIsoDate(effective) && isIsoDate(p.data.publishedOn) && !inwerkingtredingToegestaan(p.data.publishedOn, effective)) {
        out.push({
          nl: `de inwerkingtreding (${effective}) ligt vóór de bekendmaking (${p.data.publishedOn}); een besluit treedt niet in werking voordat het is bekendgemaakt (artikel 3:40 Awb)`,
          en: `entry into force (${effective}) is before publication (${p.data.publishedOn}); a decision does not take effect before it is published (article 3:40 Awb)`,
        });
      }
      return out;
    };
    const good = last(candidates.filter((p) => problems(p).length === 0));
    if (good) {
      const iwt = filled(effective)
        ? { nl: `; inwerkingtreding op ${effective}, niet vóór de bekendmaking`, en: `; entry into force on ${effective}, not before publication` }
        : { nl: '', en: '' };
      return met(
        ids,
        `Het besluit (${type}) is op ${good.data.publishedOn} bekendgemaakt in het Provinciaal blad (${good.data.prbId})${iwt.nl}.`,
        `The decision (${type}) was published in the Provinciaal blad on ${good.data.publishedOn} (${good.data.prbId})${iwt.en}.`,
      );
    }
    if (candidates.length > 0) {
      return missing(
        `De bekendmaking van het besluit (${type}) in het Provinciaal blad is niet in orde: ${candidates.map((p) => `${p.id}: ${problems(p).map((x) => x.nl).join('; ')}`).join(' — ')}.`,
        `The publication of the decision (${type}) in the Provinciaal blad is not in order: ${candidates.map((p) => `${p.id}: ${problems(p).map((x) => x.en).join('; ')}`).join(' — ')}.`,
        ids,
      );
    }
    const other = prb.length
      ? {
          nl: ` Wel vastgelegd in het Provinciaal blad, maar niet het besluit zelf: ${prb.map((p) => `${p.data.prbId ?? p.id} (onderwerp ${p.data.onderwerp})`).join(', ')}.`,
          en: ` Recorded in the Provinciaal blad, but not the decision itself: ${prb.map((p) => `${p.data.prbId ?? p.id} (subject ${p.data.onderwerp})`).join(', ')}.`,
        }
      : { nl: '', en: '' };
    return missing(
      `Het besluit (${type}) is niet bekendgemaakt in het Provinciaal blad: leg een publicatie vast met kanaal provinciaal-blad, onderwerp besluit, het prb-id (prb-JJJJ-N), de publicatiedatum en het besluit dat zij bekendmaakt (besluitId) (artikel 3:42 Awb, Bekendmakingswet). Een besluit treedt niet in werking vóór de bekendmaking (artikel 3:40 Awb).${other.nl}`,
      `The decision (${type}) has not been published in the Provinciaal blad: record a publicatie with kanaal provinciaal-blad, subject besluit, the prb id (prb-YYYY-N), the publication date and the decision it makes known (besluitId) (article 3:42 Awb, Bekendmakingswet). A decision does not take effect before it is published (article 3:40 Awb).${other.en}`,
      [...prb.map((p) => p.id), ...(besluit ? [besluit.id] : [])],
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-05
// ---------------------------------------------------------------------------------------------

/**
 * G4-05 — After a uov (Awb afd. 3.4): notice of the decision and of its terinzagelegging given ('kennisgeving-besluit',
 * dated ≤ today; starts TM-03, documents ter inzage until the appeal period ends) and, when there were zienswijzen,
 * the decision sent to everyone who submitted one ('besluit-toegezonden-indieners' with a date ≤ today, or a
 * `vrijstelling` under the 3:44(3) relief). Awb 3:44.
 *
 * Both follow the decision. A notice or dispatch dated before the eindbesluit is no notice of *that* decision: the
 * records are separate, so it is not a 400 but the guard is unsatisfied and says so, and TM-03 does not start from it
 * (issue #11). A notice given late is what the law allows to be recorded late, so only the order is checked here.
 */
export const besluitNaUov: Requirement = {
  id: 'G4-05',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Besluit na de uniforme openbare voorbereiding: kennisgeving en toezending aan indieners van zienswijzen',
    en: 'Decision after the uniform public preparation: notice and dispatch to those who submitted zienswijzen',
  },
  rule: 'If Awb 3.4 was applied: decision sent to everyone who submitted a zienswijze (with the 3:44(3) relief rules) and notice of terinzagelegging given; timer TM-03 started.',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'law', label: 'law (Awb 3:44)', basis: 'artikel 3:44 Awb [S21c]', verified: true },
  appliesWhen: {
    description: {
      nl: 'de uniforme openbare voorbereidingsprocedure (afdeling 3.4 Awb) is toegepast',
      en: 'the uniform public preparatory procedure (Awb division 3.4) was applied',
    },
    test: (f) => f.procedureType === 'awb-3.4',
    whyNot: noUov,
  },
  check: (f) => {
    const ids: string[] = [];
    const parts: Array<{ ok: boolean; nl: string; en: string }> = [];
    const besluit = hetEindbesluit(f);
    if (besluit) ids.push(besluit.id);
    const afterDecision = (datum: string | undefined): boolean => besluit !== undefined && filled(datum) && datum >= besluit.data.besluitdatum;

    const kennisgevingen = procedureSteps(f, 'kennisgeving-besluit');
    kennisgevingen.forEach((k) => ids.push(k.id));
    const kg = last(kennisgevingen.filter((k) => happenedBy(k.data.datum, f.today) && afterDecision(k.data.datum)));
    const early = last(kennisgevingen.filter((k) => happenedBy(k.data.datum, f.today) && !afterDecision(k.data.datum)));
    if (kg) {
      const tm03 = terinzageNaBesluit(kg.data.datum);
      const prb = filled(kg.data.prbId) ? ` (${kg.data.prbId})` : '';
      parts.push({
        ok: true,
        nl: `Kennisgeving van het besluit en de terinzagelegging op ${kg.data.datum}${prb}; de stukken blijven ter inzage tot en met ${tm03.computedEnd}, het einde van de beroepstermijn (TM-03, artikel 3:44, eerste lid, onder a, Awb).`,
        en: `Notice of the decision and its inspection on ${kg.data.datum}${prb}; the documents stay open for inspection until ${tm03.computedEnd} inclusive, the end of the appeal period (TM-03, article 3:44(1)(a) Awb).`,
      });
    } else if (early && !besluit) {
      parts.push({
        ok: false,
        nl: `De kennisgeving van ${early.data.datum} (${early.id}) kan niet bij een besluit horen: er is nog geen eindbesluit vastgelegd. Leg het besluit vast; de termijn van terinzagelegging (TM-03) start pas met een kennisgeving van het genomen besluit.`,
        en: `The notice of ${early.data.datum} (${early.id}) cannot belong to a decision: no final decision is recorded yet. Record the decision; the inspection period (TM-03) starts only with a notice of the decision taken.`,
      });
    } else if (early && besluit) {
      parts.push({
        ok: false,
        nl: `De kennisgeving (${early.id}) is gedateerd ${early.data.datum}, vóór het ${decRef(besluit)}: een kennisgeving van het besluit volgt op het besluit. Zij start de termijn van terinzagelegging (TM-03) niet; corrigeer de datum of leg de kennisgeving na het besluit vast.`,
        en: `The notice (${early.id}) is dated ${early.data.datum}, before the decision ${decRefEn(besluit)}: a notice of the decision follows the decision. It does not start the inspection period (TM-03); correct the date or record the notice given after the decision.`,
      });
    } else if (kennisgevingen.length > 0) {
      const k = last(kennisgevingen)!;
      parts.push({
        ok: false,
        nl: `De kennisgeving van het besluit (${k.id}) is gedateerd ${k.data.datum}, na vandaag (${f.today}): zij is nog niet gedaan.`,
        en: `The notice of the decision (${k.id}) is dated ${k.data.datum}, after today (${f.today}): it has not been given yet.`,
      });
    } else {
      parts.push({
        ok: false,
        nl: 'Ontbreekt: de kennisgeving van het besluit en van de terinzagelegging van de stukken (procedurestap kennisgeving-besluit met datum en prb-id, artikel 3:44, eerste lid, Awb); daarmee start de termijn dat de stukken ter inzage blijven (TM-03).',
        en: 'Missing: the notice of the decision and of the inspection of the documents (procedure step kennisgeving-besluit with date and prb id, article 3:44(1) Awb); it starts the period the documents stay open for inspection (TM-03).',
      });
    }

    const zienswijzen = procedureSteps(f, 'zienswijze');
    zienswijzen.forEach((z) => ids.push(z.id));
    if (zienswijzen.length > 0) {
      const toezendingen = procedureSteps(f, 'besluit-toegezonden-indieners');
      toezendingen.forEach((t) => ids.push(t.id));
      const vrij = last(toezendingen.filter((t) => filled(t.data.vrijstelling)));
      const sent = last(toezendingen.filter((t) => happenedBy(t.data.datum, f.today) && afterDecision(t.data.datum)));
      const sentEarly = last(toezendingen.filter((t) => happenedBy(t.data.datum, f.today) && !afterDecision(t.data.datum)));
      if (vrij) {
        parts.push({
          ok: true,
          nl: `Toezending aan de indieners van de ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}: vrijstelling op grond van artikel 3:44, derde lid, Awb — ${vrij.data.vrijstelling}.`,
          en: `Dispatch to those who submitted the ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}: relief under article 3:44(3) Awb — ${vrij.data.vrijstelling}.`,
        });
      } else if (sent) {
        parts.push({
          ok: true,
          nl: `Het besluit is op ${sent.data.datum} toegezonden aan de indieners van de ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}.`,
          en: `The decision was sent on ${sent.data.datum} to those who submitted the ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}.`,
        });
      } else if (sentEarly) {
        parts.push({
          ok: false,
          nl: besluit
            ? `De toezending aan de indieners (${sentEarly.id}) is gedateerd ${sentEarly.data.datum}, vóór het ${decRef(besluit)}: het besluit kan pas na het nemen worden toegezonden. Corrigeer de datum.`
            : `De toezending aan de indieners (${sentEarly.id}) van ${sentEarly.data.datum} kan niet bij een besluit horen: er is nog geen eindbesluit vastgelegd.`,
          en: besluit
            ? `The dispatch to the submitters (${sentEarly.id}) is dated ${sentEarly.data.datum}, before the decision ${decRefEn(besluit)}: the decision can be sent only once it is taken. Correct the date.`
            : `The dispatch to the submitters (${sentEarly.id}) of ${sentEarly.data.datum} cannot belong to a decision: no final decision is recorded yet.`,
        });
      } else if (toezendingen.length > 0) {
        const t = last(toezendingen)!;
        parts.push({
          ok: false,
          nl: `De toezending aan de indieners (${t.id}) is gedateerd ${t.data.datum}, na vandaag (${f.today}): het besluit is nog niet toegezonden aan de indieners van de ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}.`,
          en: `The dispatch to the submitters (${t.id}) is dated ${t.data.datum}, after today (${f.today}): the decision has not yet been sent to those who submitted the ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')}.`,
        });
      } else {
        parts.push({
          ok: false,
          nl: `Ontbreekt: toezending van het besluit aan de indieners van de ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} (procedurestap besluit-toegezonden-indieners met datum, of de vrijstelling van artikel 3:44, derde lid, Awb: bij meer dan 250 indieners kan toezending achterwege blijven, en bij een zienswijze met meer dan vijf ondertekenaars volstaat toezending aan de eerste vijf).`,
          en: `Missing: dispatch of the decision to those who submitted the ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} (procedure step besluit-toegezonden-indieners with date, or the article 3:44(3) Awb relief: with more than 250 submitters the dispatch may be omitted, and for a zienswijze signed by more than five persons sending it to the first five suffices).`,
        });
      }
    }

    const nl = parts.map((p) => p.nl).join(' ');
    const en = parts.map((p) => p.en).join(' ');
    return parts.every((p) => p.ok)
      ? met(ids, `Artikel 3:44 Awb is nageleefd. ${nl}`, `Article 3:44 Awb has been complied with. ${en}`)
      : missing(`Artikel 3:44 Awb is nog niet nageleefd. ${nl}`, `Article 3:44 Awb has not yet been complied with. ${en}`, ids);
  },
};

// ---------------------------------------------------------------------------------------------
// G4-06
// ---------------------------------------------------------------------------------------------

/**
 * G4-06 — The adoption decision of an omgevingsvisie, programma or projectbesluit states how citizens, businesses,
 * civil society and public bodies were involved and what the results were (`participatieverklaring.hoeBetrokken`,
 * `.resultaten`); for an omgevingsvisie or programma adopted by PS, also how the decentral participation policy was
 * applied (`.toepassingParticipatiebeleid`). Artikel 10.7 Omgevingsbesluit (omgevingsvisie), artikel 10.8
 * Omgevingsbesluit (programma), artikel 5.51 Omgevingswet (projectbesluit) — issue #11; sources in
 * `PARTICIPATIEVERKLARING_ARTIKEL`.
 */
export const participatieverklaringInBesluit: Requirement = {
  id: 'G4-06',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Participatieverklaring in het vaststellingsbesluit (Omgevingswet)',
    en: 'Participation statement in the adoption decision (Omgevingswet)',
  },
  rule: 'For an adopted omgevingsvisie (and programma; per issue #11 also a projectbesluit): the adoption decision states how citizens, businesses, civil society and public bodies were involved and what the results were; if adopted by PS, also how the decentral participation policy was applied.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Omgevingswet)',
    basis: 'artikel 10.7, eerste en tweede lid, Omgevingsbesluit (omgevingsvisie) [S24a]; artikel 10.8 Omgevingsbesluit (programma); artikel 5.51 Omgevingswet (projectbesluit)',
    verified: true,
    note: 'The brief cited the programma as Ob 10.7 and left Ob 10.8 unverified; issue #11 corrects it: a programma falls under artikel 10.8 Omgevingsbesluit (https://aandeslagmetdeomgevingswet.nl/thema/inspiratiegids/participatie-wet/programma/) and a projectbesluit under artikel 5.51 Omgevingswet.',
  },
  appliesWhen: verklaringInstrumentApplies,
  check: (f) => {
    // The rule applies only to these instruments (verklaringInstrumentApplies).
    const instrument = f.classification.instrumentType as VerklaringInstrument;
    const art = PARTICIPATIEVERKLARING_ARTIKEL[instrument];
    const besluit = hetEindbesluit(f);
    if (!besluit) {
      return missing(
        `Er is nog geen vaststellingsbesluit (eindbesluit) voor ${art.het} vastgelegd. Het besluit moet vermelden hoe inwoners, bedrijven, maatschappelijke organisaties en bestuursorganen zijn betrokken en wat de resultaten zijn${instrument === 'projectbesluit' ? '' : ', en bij vaststelling door PS hoe het participatiebeleid is toegepast'} (participatieverklaring, ${art.nl}).`,
        `No adoption decision (eindbesluit) for the ${instrument} has been recorded yet. The decision must state how residents, businesses, civil-society organisations and public bodies were involved and what the results were${instrument === 'projectbesluit' ? '' : ', and if PS adopt it, how the participation policy was applied'} (participatieverklaring, ${art.en}).`,
      );
    }
    // Only an omgevingsvisie or programma adopted by PS also states how the participation policy was applied.
    const policyNeeded = besluit.data.orgaan === 'PS' && instrument !== 'projectbesluit';
    const pv = besluit.data.participatieverklaring;
    const nl: string[] = [];
    const en: string[] = [];
    if (!filled(pv?.hoeBetrokken)) {
      nl.push('hoe inwoners, bedrijven, maatschappelijke organisaties en bestuursorganen zijn betrokken (hoeBetrokken)');
      en.push('how residents, businesses, civil-society organisations and public bodies were involved (hoeBetrokken)');
    }
    if (!filled(pv?.resultaten)) {
      nl.push('wat de resultaten daarvan zijn (resultaten)');
      en.push('what the results were (resultaten)');
    }
    if (policyNeeded && !filled(pv?.toepassingParticipatiebeleid)) {
      nl.push('hoe het decentrale participatiebeleid is toegepast (toepassingParticipatiebeleid; tweede lid)');
      en.push('how the decentral participation policy was applied (toepassingParticipatiebeleid; paragraph 2)');
    }
    if (nl.length === 0) {
      return met(
        [besluit.id],
        `Het vaststellingsbesluit (${decRef(besluit)}) bevat de participatieverklaring voor ${art.het}: hoe betrokken en de resultaten${policyNeeded ? ', en de toepassing van het participatiebeleid' : ''} (${art.nl}).`,
        `The adoption decision (${decRefEn(besluit)}) contains the participation statement: how involved and the results${policyNeeded ? ', and how the participation policy was applied' : ''} (${art.en}).`,
      );
    }
    return missing(
      `De participatieverklaring in het vaststellingsbesluit (${decRef(besluit)}) mist: ${joinNl(nl)} (${art.nl}).`,
      `The participation statement in the adoption decision (${decRefEn(besluit)}) lacks: ${joinEn(en)} (${art.en}).`,
      [besluit.id],
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-07
// ---------------------------------------------------------------------------------------------

const VERSLAG_FIELDS: ReadonlyArray<{ key: keyof Participatieverslag; nl: string; en: string }> = [
  { key: 'activiteiten', nl: 'de gehouden activiteiten (activiteiten)', en: 'the activities held (activiteiten)' },
  { key: 'inbreng', nl: 'de belangrijkste inbreng (inbreng)', en: 'the main input received (inbreng)' },
  {
    key: 'watGedaanMetInbreng',
    nl: 'wat met de inbreng is gedaan: overgenomen, niet overgenomen en waarom (watGedaanMetInbreng)',
    en: 'what was done with the input: adopted, not adopted and why (watGedaanMetInbreng)',
  },
  {
    key: 'hoeDeelnemersGeinformeerd',
    nl: 'hoe de deelnemers zijn teruggekoppeld (hoeDeelnemersGeinformeerd)',
    en: 'how participants were informed back (hoeDeelnemersGeinformeerd)',
  },
];

const missingVerslagFields = (d: Doc) => VERSLAG_FIELDS.filter((fl) => !filled(d.data.participatieverslag?.[fl.key]));

/**
 * G4-07 — The final policy proposal/decision contains a participatieparagraaf (verslag): a proposal document whose
 * `participatieverslag` has activiteiten, inbreng, watGedaanMetInbreng and hoeDeelnemersGeinformeerd. Seed:
 * "Participatieparagraaf (verslag) in beleidsvoorstellen"; NRK on missing records and feedback.
 */
export const participatieverslagInBeleidsvoorstel: Requirement = {
  id: 'G4-07',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Participatieparagraaf (verslag) in het beleidsvoorstel',
    en: 'Participation section (report) in the policy proposal',
  },
  rule: 'The final policy proposal/decision contains a **participatieparagraaf (verslag)**: activities, input, what was done with it, and how participants were informed.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Participatieparagraaf (verslag) in beleidsvoorstellen"; NRK on missing records/feedback [S14]',
    seedQuote: 'Participatieparagraaf (verslag) in beleidsvoorstellen',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const proposals = f.documents.filter(isProposal);
    if (proposals.length === 0) {
      return missing(
        `Er is geen beleidsvoorstel vastgelegd (${PROPOSAL_NAMES.nl}) met een participatieparagraaf (verslag): ${joinNl(VERSLAG_FIELDS.map((x) => x.nl))}.`,
        `No policy proposal has been recorded (${PROPOSAL_NAMES.en}) with a participation section (report): ${joinEn(VERSLAG_FIELDS.map((x) => x.en))}.`,
      );
    }
    // The most complete proposal (the latest on a tie) is the one to report on.
    let best = proposals[0];
    for (const d of proposals) if (missingVerslagFields(d).length <= missingVerslagFields(best).length) best = d;
    const gaps = missingVerslagFields(best);
    if (gaps.length === 0) {
      return met(
        [best.id],
        `Het voorstel (${docRef(best)}) bevat een volledig participatieverslag: activiteiten, inbreng, wat met de inbreng is gedaan en hoe de deelnemers zijn teruggekoppeld.`,
        `The proposal (${docRef(best)}) contains a complete participation report: activities, input, what was done with it and how participants were informed back.`,
      );
    }
    return missing(
      `Het participatieverslag in ${docRef(best)} is onvolledig; het mist ${joinNl(gaps.map((x) => x.nl))}.`,
      `The participation report in ${docRef(best)} is incomplete; it lacks ${joinEn(gaps.map((x) => x.en))}.`,
      proposals.map((d) => d.id),
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-08
// ---------------------------------------------------------------------------------------------

/**
 * G4-08 — When PS decide, the proposal was on a Statencommissie agenda before the vote so the right to speak could
 * be used: a step 'commissiebehandeling' with onderwerp 'voorstel' and a `vergaderdatum` on or before the PS
 * eindbesluit (or today, while there is no decision). Seed: "Inspreken in de Statencommissie (spreekrecht)";
 * "Inspreken op het voorstel"; "Hoorzitting of insprekersavond voorafgaand aan de commissievergadering".
 */
export const commissiebehandelingVoorstel: Requirement = {
  id: 'G4-08',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Voorstel in de Statencommissie behandeld vóór het PS-besluit (spreekrecht)',
    en: 'Proposal discussed in the Statencommissie before the PS vote (right to speak)',
  },
  rule: 'If PS decide: the proposal was on a Statencommissie agenda before the vote, so the right to speak could be used (dates; number of speakers).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Inspreken in de Statencommissie (spreekrecht)"; "Inspreken op het voorstel"; "Hoorzitting of insprekersavond voorafgaand aan de commissievergadering"',
    seedQuote: 'Inspreken in de Statencommissie (spreekrecht)',
    verified: true,
  },
  appliesWhen: {
    description: { nl: 'PS zijn de besluitvormer en het spreekrecht is niet uitgesloten', en: 'PS are the besluitvormer and the right to speak is not excluded' },
    // Spreekrecht in the Statencommissies is excluded for decisions open to objection or appeal (domain-brief §2.8,
    // [S5]): a beschikking. There the guard does not apply (issue #11).
    test: (f) => f.classification.besluitvormer === 'PS' && f.classification.besluittype !== 'beschikking',
    whyNot: (f) =>
      f.classification.besluitvormer === 'PS'
        ? {
            nl: 'het besluit is een beschikking, waartegen bezwaar en beroep openstaan; over zulke besluiten is inspreken in de Statencommissie uitgesloten',
            en: 'the decision is a beschikking, open to objection and appeal; speaking in the Statencommissie on such decisions is excluded',
          }
        : f.classification.besluitvormer === null
          ? { nl: 'de besluitvormer is nog niet vastgelegd (G1-04), dus is niet bekend of PS besluiten', en: 'the besluitvormer has not been recorded yet (G1-04), so it is not known whether PS decide' }
          : { nl: `niet PS maar ${f.classification.besluitvormer} besluit, dus er is geen stemming in PS`, en: `not PS but ${f.classification.besluitvormer} decide, so there is no PS vote` },
  },
  check: (f) => {
    const steps = procedureSteps(f, 'commissiebehandeling').filter((s) => s.data.onderwerp === 'voorstel');
    const besluit = eindbesluitVan(f, 'PS');
    const deadline = besluit ? besluit.data.besluitdatum : f.today;
    const deadlineText: Text = besluit
      ? { nl: `het PS-besluit van ${deadline}`, en: `the PS decision of ${deadline}` }
      : { nl: `vandaag (${deadline}; er is nog geen PS-besluit)`, en: `today (${deadline}; there is no PS decision yet)` };
    const ids = [...steps.map((s) => s.id), ...(besluit ? [besluit.id] : [])];
    const ok = last(steps.filter((s) => filled(s.data.vergaderdatum) && isIsoDate(s.data.vergaderdatum) && s.data.vergaderdatum <= deadline));
    if (ok) {
      const commissie = commissieNaam(ok.data.commissie);
      const sprekers =
        ok.data.aantalInsprekers !== undefined
          ? { nl: `; ${countNl(ok.data.aantalInsprekers, 'inspreker', 'insprekers')}`, en: `; ${countNl(ok.data.aantalInsprekers, 'speaker', 'speakers')}` }
          : { nl: '', en: '' };
      return met(
        ids,
        `Het voorstel is op ${ok.data.vergaderdatum} in ${commissie.nl} behandeld, niet later dan ${deadlineText.nl}${sprekers.nl}.`,
        `The proposal was discussed in ${commissie.en} on ${ok.data.vergaderdatum}, no later than ${deadlineText.en}${sprekers.en}.`,
      );
    }
    if (steps.length === 0) {
      return missing(
        `Niet vastgelegd dat het voorstel vóór de stemming in een Statencommissie is behandeld, zodat inwoners konden inspreken (procedurestap commissiebehandeling, onderwerp voorstel, met vergaderdatum en aantal insprekers). Termijn: ${deadlineText.nl}.`,
        `No record that the proposal was discussed in a Statencommissie before the vote, so residents could speak (procedure step commissiebehandeling, subject voorstel, with meeting date and number of speakers). Deadline: ${deadlineText.en}.`,
        ids,
      );
    }
    const nl: string[] = [];
    const en: string[] = [];
    for (const s of steps) {
      if (!filled(s.data.vergaderdatum)) {
        const reden = filled(s.data.nietGeagendeerdReden) ? s.data.nietGeagendeerdReden : 'geen vergaderdatum of reden vastgelegd';
        const redenEn = filled(s.data.nietGeagendeerdReden) ? s.data.nietGeagendeerdReden : 'no meeting date or reason recorded';
        nl.push(`${s.id}: niet geagendeerd (${reden})`);
        en.push(`${s.id}: not on the agenda (${redenEn})`);
      } else {
        nl.push(`${s.id}: commissievergadering op ${s.data.vergaderdatum}, na ${deadlineText.nl}`);
        en.push(`${s.id}: committee meeting on ${s.data.vergaderdatum}, after ${deadlineText.en}`);
      }
    }
    return missing(
      `Het voorstel is niet vóór de stemming in een Statencommissie behandeld, zodat het spreekrecht niet kon worden gebruikt: ${nl.join('; ')}.`,
      `The proposal was not discussed in a Statencommissie before the vote, so the right to speak could not be used: ${en.join('; ')}.`,
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-09
// ---------------------------------------------------------------------------------------------

const drentsPanelActivities = (f: DossierFacts): Activity[] =>
  f.activities.filter((a) => a.data.instrumentId === 'drents-panel' && a.data.status !== 'geannuleerd');

/**
 * G4-09 — If the Drents Panel was used (a non-cancelled activity with instrument 'drents-panel'), its results were
 * actively published: a publicatie with onderwerp 'drents-panel-resultaten'. Seed: "Actieve publicatie resultaten
 * Drents Panel onderzoek".
 */
export const drentsPanelResultatenGepubliceerd: Requirement = {
  id: 'G4-09',
  transition: 'T4',
  events: ['ADVANCE'],
  label: { nl: 'Resultaten Drents Panel actief gepubliceerd', en: 'Drents Panel results actively published' },
  rule: 'If the Drents Panel was used, its results were actively published.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Actieve publicatie resultaten Drents Panel onderzoek"',
    seedQuote: 'Actieve publicatie resultaten Drents Panel onderzoek',
    verified: true,
  },
  appliesWhen: {
    description: { nl: 'het Drents Panel is ingezet', en: 'the Drents Panel was used' },
    test: (f) => drentsPanelActivities(f).length > 0,
    whyNot: () => ({
      nl: "het Drents Panel is bij dit dossier niet ingezet (er is geen niet-geannuleerde activiteit met instrument 'drents-panel')",
      en: "the Drents Panel was not used for this dossier (no non-cancelled activity with instrument 'drents-panel')",
    }),
  },
  check: (f) => {
    const panels = drentsPanelActivities(f);
    const pubs = f.publications.filter((p) => p.data.onderwerp === 'drents-panel-resultaten');
    const ids = [...panels.map((a) => a.id), ...pubs.map((p) => p.id)];
    const p = last(pubs);
    if (p) {
      const url = filled(p.data.url) ? ` (${p.data.url})` : '';
      return met(
        ids,
        `De resultaten van het Drents Panel zijn op ${p.data.publishedOn} gepubliceerd via ${p.data.kanaal}${url}.`,
        `The Drents Panel results were published on ${p.data.publishedOn} via ${p.data.kanaal}${url}.`,
      );
    }
    const when = panels.map((a) => `${a.id} op ${a.data.startOn}`).join(', ');
    const whenEn = panels.map((a) => `${a.id} on ${a.data.startOn}`).join(', ');
    return missing(
      `Het Drents Panel is ingezet (${when}), maar de publicatie van de resultaten is niet vastgelegd (publicatie met onderwerp drents-panel-resultaten, met kanaal, URL en datum).`,
      `The Drents Panel was used (${whenEn}), but no publication of its results is recorded (publicatie with subject drents-panel-resultaten, with channel, URL and date).`,
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-10
// ---------------------------------------------------------------------------------------------

/**
 * G4-10 — The decision itself (publicatie onderwerp 'besluit') and the PS meeting documents or GS besluitenlijst
 * (onderwerp 'ps-vergaderstukken' or 'gs-besluitenlijst') are published. Woo 3.3(1)(b), 3.3(2)(c),(d); the Woo
 * enters into force in phases, so which categories bind provinces is unverified: advisory.
 */
export const wooPublicatieBesluit: Requirement = {
  id: 'G4-10',
  transition: 'T4',
  events: ['ADVANCE'],
  label: {
    nl: 'Besluit en vergaderstukken of besluitenlijst gepubliceerd (Woo)',
    en: 'Decision and meeting documents or decision list published (Woo)',
  },
  rule: 'PS meeting documents and/or GS decision list, and the decision itself, published.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Woo, phased)',
    basis: 'artikel 3.3, eerste lid, onder b, en tweede lid, onder c en d, Woo [S23a]',
    verified: false,
    note: 'The Woo active-disclosure duties enter into force in phases by Royal Decree (Regeling actieve openbaarmaking Woo, Stcrt. 2024, 30890); which categories bind provinces on go-live is unverified, hence advisory.',
  },
  appliesWhen: always,
  check: (f) => {
    const besluitPubs = f.publications.filter((p) => p.data.onderwerp === 'besluit');
    const stukkenPubs = f.publications.filter((p) => p.data.onderwerp === 'ps-vergaderstukken' || p.data.onderwerp === 'gs-besluitenlijst');
    const ids = [...besluitPubs.map((p) => p.id), ...stukkenPubs.map((p) => p.id)];
    const b = last(besluitPubs);
    const s = last(stukkenPubs);
    if (b && s) {
      const sNl = s.data.onderwerp === 'ps-vergaderstukken' ? 'de PS-vergaderstukken' : 'de GS-besluitenlijst';
      const sEn = s.data.onderwerp === 'ps-vergaderstukken' ? 'the PS meeting documents' : 'the GS decision list';
      return met(
        ids,
        `Het besluit is gepubliceerd op ${b.data.publishedOn} (${b.data.kanaal}) en ${sNl} op ${s.data.publishedOn} (${s.data.kanaal}).`,
        `The decision was published on ${b.data.publishedOn} (${b.data.kanaal}) and ${sEn} on ${s.data.publishedOn} (${s.data.kanaal}).`,
      );
    }
    const nl: string[] = [];
    const en: string[] = [];
    if (!b) {
      nl.push('de publicatie van het besluit zelf (publicatie met onderwerp besluit)');
      en.push('the publication of the decision itself (publicatie with subject besluit)');
    }
    if (!s) {
      nl.push('de publicatie van de PS-vergaderstukken of de GS-besluitenlijst (onderwerp ps-vergaderstukken of gs-besluitenlijst)');
      en.push('the publication of the PS meeting documents or the GS decision list (subject ps-vergaderstukken or gs-besluitenlijst)');
    }
    return missing(`Ontbreekt (Woo actieve openbaarmaking): ${joinNl(nl)}.`, `Missing (Woo active disclosure): ${joinEn(en)}.`, ids);
  },
};

// ---------------------------------------------------------------------------------------------
// G4-11
// ---------------------------------------------------------------------------------------------

type Evaluatieplan = NonNullable<Doc['data']['evaluatieplan']>;
const EVALUATIEPLAN_FIELDS: ReadonlyArray<{ ok: (p: Evaluatieplan | undefined) => boolean; nl: string; en: string }> = [
  { ok: (p) => filled(p?.wanneer), nl: 'wanneer geëvalueerd wordt (wanneer)', en: 'when it will be evaluated (wanneer)' },
  { ok: (p) => filled(p?.hoe), nl: 'hoe geëvalueerd wordt (hoe)', en: 'how it will be evaluated (hoe)' },
  { ok: (p) => (p?.indicatoren ?? []).some((i) => filled(i)), nl: 'ten minste één indicator (indicatoren)', en: 'at least one indicator (indicatoren)' },
  { ok: (p) => typeof p?.is217a === 'boolean', nl: 'of het een 217a-onderzoek is (is217a)', en: 'whether it is a 217a study (is217a)' },
];
const missingPlanFields = (d: Doc) => EVALUATIEPLAN_FIELDS.filter((x) => !x.ok(d.data.evaluatieplan));

/**
 * G4-11 — The evaluation is planned: a document 'evaluatieplan' whose `evaluatieplan` states when, how, at least one
 * indicator and whether it is a Pw 217a study. Basis: Pw 217a; NRK on the lack of insight into results.
 */
export const evaluatieGepland: Requirement = {
  id: 'G4-11',
  transition: 'T4',
  events: ['ADVANCE'],
  label: { nl: 'Evaluatie gepland (wanneer, hoe, indicatoren, 217a)', en: 'Evaluation planned (when, how, indicators, 217a)' },
  rule: 'Evaluation planned (when, how, indicators; 217a study or not).',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'artikel 217a Provinciewet [S17]; NRK on lack of insight into results [S14]', verified: true },
  appliesWhen: always,
  check: (f) => {
    const plans = f.documents.filter((d) => d.data.documentType === 'evaluatieplan');
    if (plans.length === 0) {
      return missing(
        `Er is geen evaluatieplan vastgelegd (document evaluatieplan met ${joinNl(EVALUATIEPLAN_FIELDS.map((x) => x.nl))}).`,
        `No evaluation plan has been recorded (document evaluatieplan with ${joinEn(EVALUATIEPLAN_FIELDS.map((x) => x.en))}).`,
      );
    }
    let best = plans[0];
    for (const d of plans) if (missingPlanFields(d).length <= missingPlanFields(best).length) best = d;
    const gaps = missingPlanFields(best);
    if (gaps.length === 0) {
      const p = best.data.evaluatieplan!;
      return met(
        [best.id],
        `Evaluatieplan '${best.data.titel}' (${best.id}): wanneer ${p.wanneer}; ${countNl(p.indicatoren!.length, 'indicator', 'indicatoren')}; ${p.is217a ? 'een 217a-onderzoek' : 'geen 217a-onderzoek'}.`,
        `Evaluation plan '${best.data.titel}' (${best.id}): when ${p.wanneer}; ${countNl(p.indicatoren!.length, 'indicator', 'indicators')}; ${p.is217a ? 'a 217a study' : 'not a 217a study'}.`,
      );
    }
    return missing(
      `Het evaluatieplan '${best.data.titel}' (${best.id}) is onvolledig; het mist ${joinNl(gaps.map((x) => x.nl))}.`,
      `The evaluation plan '${best.data.titel}' (${best.id}) is incomplete; it lacks ${joinEn(gaps.map((x) => x.en))}.`,
      plans.map((d) => d.id),
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G4-12
// ---------------------------------------------------------------------------------------------

const advisoryBodyActivities = (f: DossierFacts): Activity[] =>
  f.activities.filter(
    (a) =>
      a.data.status !== 'geannuleerd' &&
      ((ADVISORY_BODY_INSTRUMENTS as readonly string[]).includes(a.data.instrumentId) ||
        (a.data.instrumentId === OTHER_INSTRUMENT_ID && (a.data.instrumentLabel ?? '').toLowerCase().includes('burgerberaad'))),
  );

/**
 * G4-12 — If an advisory body gave advice (Jongerenraad, raadgevende groep, or a Burgerberaad recorded as `other`),
 * a written response states what was and was not adopted, and why: a terugkoppeling aan 'adviesorgaan' with
 * onderwerp 'adviesreactie'. Basis: the Burgerberaad feedback duty [S29].
 */
export const reactieOpAdvies: Requirement = {
  id: 'G4-12',
  transition: 'T4',
  events: ['ADVANCE'],
  label: { nl: 'Schriftelijke reactie op het advies van een adviesorgaan', en: 'Written response to the advice of an advisory body' },
  rule: 'If an advisory body gave advice (Burgerberaad, Jongerenraad, raadgevende groep): a written response states what was and was not adopted, and why.',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'Burgerberaad feedback duty [S29]', verified: true },
  appliesWhen: {
    description: {
      nl: 'een adviesorgaan (Jongerenraad, raadgevende groep, Burgerberaad) is ingezet',
      en: 'an advisory body (Jongerenraad, raadgevende groep, Burgerberaad) was used',
    },
    test: (f) => advisoryBodyActivities(f).length > 0,
    whyNot: () => ({
      nl: 'bij dit dossier is geen adviesorgaan ingezet (geen niet-geannuleerde activiteit van de Jongerenraad, een raadgevende groep of een Burgerberaad)',
      en: 'no advisory body was used for this dossier (no non-cancelled activity of the Jongerenraad, a raadgevende groep or a Burgerberaad)',
    }),
  },
  check: (f) => {
    const bodies = advisoryBodyActivities(f);
    const reacties = f.feedback.filter((t) => t.data.aan === 'adviesorgaan' && t.data.onderwerp === 'adviesreactie');
    const ids = [...bodies.map((a) => a.id), ...reacties.map((t) => t.id)];
    const names = [...new Set(bodies.map((a) => instrumentNameOf(a).nl))];
    const namesEn = [...new Set(bodies.map((a) => instrumentNameOf(a).en))];
    const r = last(reacties);
    if (r) {
      const ref = filled(r.data.kenmerk) ? ` (kenmerk ${r.data.kenmerk})` : '';
      const refEn = filled(r.data.kenmerk) ? ` (reference ${r.data.kenmerk})` : '';
      return met(
        ids,
        `Op het advies (${joinNl(names)}) is op ${r.occurredOn} schriftelijk gereageerd${ref}.`,
        `The advice (${joinEn(namesEn)}) received a written response on ${r.occurredOn}${refEn}.`,
      );
    }
    return missing(
      `Er is een adviesorgaan ingezet (${joinNl(names)}), maar er is geen schriftelijke reactie vastgelegd die zegt wat wel en niet is overgenomen en waarom (terugkoppeling aan adviesorgaan, onderwerp adviesreactie).`,
      `An advisory body was involved (${joinEn(namesEn)}), but no written response is recorded stating what was and was not adopted and why (terugkoppeling to adviesorgaan, subject adviesreactie).`,
      ids,
    );
  },
};

/** The T4 guards in domain-brief order. */
export const T4_REQUIREMENTS: readonly Requirement[] = [
  besluitBevoegdOrgaan,
  wensenEnBedenkingenGs,
  wensenEnBedenkingenPs,
  bekendmakingBesluit,
  besluitNaUov,
  participatieverklaringInBesluit,
  participatieverslagInBeleidsvoorstel,
  commissiebehandelingVoorstel,
  drentsPanelResultatenGepubliceerd,
  wooPublicatieBesluit,
  evaluatieGepland,
  reactieOpAdvies,
];

/**
 * T1: voorfase-agendasetting → voorbereiding-beleid (domain-brief §8). Where the dossier comes from, how it is
 * classified, and whether the initiative was announced and shared with PS.
 */
import { isIsoDate } from '../../dates';
import { BESLUITTYPES, BESLUITVORMERS, ClassificatieData, HERKOMSTEN, INSTRUMENT_TYPES } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, met, missing, Requirement } from '../../requirement';
import { AGENDERINGSRECHT_DREMPEL, agenderingsrechtHerhalingGeblokkeerd, agenderingsrechtWindow, TimerComputation } from '../timers';
import { filled, joinEn, joinNl } from './shared';



/** Ids of the latest classificatie records that set each of these fields (what the classification rests on). */
function classificationIds(f: DossierFacts, keys: ReadonlyArray<keyof ClassificatieData>): string[] {
  const ids = new Set<string>();
  for (const key of keys) {
    const r = [...f.classificationHistory].reverse().find((c) => c.data[key] !== undefined);
    if (r) ids.add(r.id);
  }
  return [...ids];
}

/**
 * G1-01 — The dossier's origin (herkomst) is recorded: a signal from society, a residents' initiative,
 * agenderingsrecht, a PS motion or initiative proposal, a GS initiative, a statutory duty, an NRK recommendation or
 * a previous evaluation. Seed: "Signalen opvangen uit de samenleving en mogelijk agenderen"; "De provincie
 * (kunnen) benaderen wanneer er een initiatief of wens is".
 */
export const herkomstVastgelegd: Requirement = {
  id: 'G1-01',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Herkomst van het dossier vastgelegd', en: 'Dossier origin recorded' },
  rule: 'Dossier origin (`herkomst`) recorded: signaal-samenleving, inwonersinitiatief, agenderingsrecht, ps-motie, ps-initiatiefvoorstel, gs-initiatief, wettelijke-verplichting, nrk-aanbeveling, vorige-evaluatie.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Signalen opvangen uit de samenleving en mogelijk agenderen"; "De provincie (kunnen) benaderen wanneer er een initiatief of wens is"',
    seedQuote: 'Signalen opvangen uit de samenleving en mogelijk agenderen',
    verified: true,
    note: 'Also seed (Inwoners, voorfase): "De provincie (kunnen) benaderen wanneer er een initiatief of wens is".',
  },
  appliesWhen: always,
  check: (f) => {
    const { herkomst, herkomstBron } = f.classification;
    if (herkomst === null) {
      return missing(
        `De herkomst van het dossier is niet vastgelegd. Leg in een classificatie vast waar het dossier vandaan komt (${HERKOMSTEN.join(', ')}), bij voorkeur met de bron (herkomstBron), bijvoorbeeld het motienummer of de brief.`,
        `The dossier's origin (herkomst) is not recorded. Record in a classification where the dossier comes from (${HERKOMSTEN.join(', ')}), preferably with its source (herkomstBron), e.g. the motion number or the letter.`,
      );
    }
    const ids = classificationIds(f, ['herkomst', 'herkomstBron']);
    if (filled(herkomstBron)) {
      return met(ids, `Herkomst vastgelegd: ${herkomst} (bron: ${herkomstBron}).`, `Origin recorded: ${herkomst} (source: ${herkomstBron}).`);
    }
    return met(
      ids,
      `Herkomst vastgelegd: ${herkomst}. De bron (herkomstBron, bijvoorbeeld motienummer of brief) is niet vastgelegd; de herkomst alleen volstaat.`,
      `Origin recorded: ${herkomst}. Its source (herkomstBron, e.g. motion number or letter) is not recorded; the origin alone suffices.`,
    );
  },
};

/**
 * G1-02 — A dossier that came in through the agenderingsrecht meets the Verordening Agenderingsrecht Drenthe
 * (2018): at least 400 valid statements of support from residents of 16 and over, a topic within PS's powers, not
 * on the PS agenda in the previous two years (unless there are new facts), and a Presidium decision to put it on
 * the agenda taken while the proposal was open (at most one year from submission).
 */
export const agenderingsrechtVoorwaarden: Requirement = {
  id: 'G1-02',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Voorwaarden agenderingsrecht vervuld', en: 'Agenderingsrecht conditions met' },
  rule: 'If origin = agenderingsrecht: ≥400 valid statements of support from residents aged 16+; topic within PS competence; not on the PS agenda in the previous 2 years (unless new facts); Presidium decision to put it on the agenda recorded; proposal ≤1 year open.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (provincial verordening)',
    basis: 'Verordening Agenderingsrecht Drenthe, as summarised by the griffie [S6]',
    verified: true,
    note: 'Conditions as summarised by the griffie on drentsparlement.nl (timers TM-06 and TM-07, verified); the verordening text itself was not quoted in the brief.',
  },
  appliesWhen: {
    description: { nl: 'de herkomst is agenderingsrecht', en: 'the origin is agenderingsrecht' },
    test: (f) => f.classification.herkomst === 'agenderingsrecht',
    whyNot: (f) =>
      f.classification.herkomst === null
        ? { nl: 'de herkomst van het dossier is nog niet vastgelegd (G1-01), dus is niet bekend dat het via het agenderingsrecht binnenkwam', en: "the dossier's origin has not been recorded yet (G1-01), so it is not known to have come in through the agenderingsrecht" }
        : { nl: `het dossier komt niet via het agenderingsrecht binnen (herkomst: ${f.classification.herkomst})`, en: `the dossier did not come in through the agenderingsrecht (origin: ${f.classification.herkomst})` },
  },
  check: (f) => {
    const gaps: Array<{ nl: string; en: string }> = [];
    const ids: string[] = [];
    const verzoek = procedureSteps(f, 'agenderingsverzoek').at(-1);
    let window: TimerComputation | null = null;

    if (!verzoek) {
      gaps.push({
        nl: "er is geen agenderingsverzoek vastgelegd (procedurestap 'agenderingsverzoek' met indieningsdatum, aantal geldige ondersteuners en of het onderwerp binnen de bevoegdheid van PS valt)",
        en: "no agenderingsverzoek is recorded (procedure step 'agenderingsverzoek' with submission date, number of valid supporters and whether the topic is within PS's powers)",
      });
    } else {
      ids.push(verzoek.id);
      const d = verzoek.data;
      if (!(d.geldigeOndersteuners >= AGENDERINGSRECHT_DREMPEL)) {
        const n = d.geldigeOndersteuners;
        gaps.push({
          nl: `het verzoek heeft ${n} geldige ondersteuningsverklaringen; er zijn er minstens ${AGENDERINGSRECHT_DREMPEL} nodig van inwoners van Drenthe van 16 jaar en ouder (${AGENDERINGSRECHT_DREMPEL - n} tekort)`,
          en: `the request has ${n} valid statements of support; at least ${AGENDERINGSRECHT_DREMPEL} from residents of Drenthe aged 16 and over are needed (${AGENDERINGSRECHT_DREMPEL - n} short)`,
        });
      }
      if (d.binnenBevoegdheidPs !== true) {
        gaps.push({
          nl: 'het onderwerp valt niet binnen de bevoegdheid van Provinciale Staten (het voorstel kan worden doorgestuurd, bijvoorbeeld naar een gemeenteraad of de Tweede Kamer)',
          en: "the topic is not within the powers of Provinciale Staten (the proposal may be forwarded, e.g. to a municipal council or the Tweede Kamer)",
        });
      }
      if (!isIsoDate(d.ingediendOn)) {
        gaps.push({
          nl: `de indieningsdatum van het verzoek ontbreekt of is geen geldige datum ('${d.ingediendOn}')`,
          en: `the request's submission date is missing or not a valid date ('${d.ingediendOn}')`,
        });
      } else {
        window = agenderingsrechtWindow(d.ingediendOn);
        if (d.vorigeAgenderingOn !== undefined && !isIsoDate(d.vorigeAgenderingOn)) {
          gaps.push({
            nl: `de datum van de vorige agendering ('${d.vorigeAgenderingOn}') is geen geldige datum`,
            en: `the date of the previous agendering ('${d.vorigeAgenderingOn}') is not a valid date`,
          });
        } else if (agenderingsrechtHerhalingGeblokkeerd(d.vorigeAgenderingOn, d.ingediendOn, d.nieuweFeiten === true)) {
          gaps.push({
            nl: `het onderwerp stond op ${d.vorigeAgenderingOn} op de agenda van PS, minder dan twee jaar vóór de indiening op ${d.ingediendOn}, en er zijn geen nieuwe feiten vastgelegd`,
            en: `the topic was on the PS agenda on ${d.vorigeAgenderingOn}, less than two years before the submission on ${d.ingediendOn}, and no new facts are recorded`,
          });
        }
      }
    }

    const presidium = f.decisions.filter((b) => b.data.orgaan === 'Presidium' && b.data.onderwerp === 'agendering');
    const w = window;
    let presidiumMet: string | null = null;
    if (!presidium.length) {
      const openNl = w ? (f.today > w.computedEnd ? `; de termijn van één jaar na indiening is op ${w.computedEnd} verlopen` : `; het voorstel staat open tot en met ${w.computedEnd}`) : '';
      const openEn = w ? (f.today > w.computedEnd ? `; the one-year window after submission expired on ${w.computedEnd}` : `; the proposal is open through ${w.computedEnd}`) : '';
      gaps.push({
        nl: `er is geen besluit van het Presidium om het voorstel te agenderen vastgelegd (besluit met orgaan Presidium, onderwerp agendering)${openNl}`,
        en: `no Presidium decision to put the proposal on the agenda is recorded (besluit with orgaan Presidium, onderwerp agendering)${openEn}`,
      });
    } else if (w) {
      const inWindow = presidium.filter((b) => b.data.besluitdatum >= w.start && b.data.besluitdatum <= w.computedEnd).at(-1);
      if (inWindow) {
        ids.push(inWindow.id);
        presidiumMet = `${inWindow.data.besluitdatum} (${inWindow.data.kenmerk})`;
      } else {
        const last = presidium[presidium.length - 1];
        ids.push(last.id);
        const before = last.data.besluitdatum < w.start;
        gaps.push({
          nl: `het Presidiumbesluit ${last.data.kenmerk} van ${last.data.besluitdatum} ligt ${before ? 'vóór de indiening' : 'na het einde van de termijn'}: het voorstel is ingediend op ${w.start} en stond open tot en met ${w.computedEnd} (ten hoogste één jaar)`,
          en: `the Presidium decision ${last.data.kenmerk} of ${last.data.besluitdatum} lies ${before ? 'before the submission' : 'after the window closed'}: the proposal was submitted on ${w.start} and was open through ${w.computedEnd} (at most one year)`,
        });
      }
    } else {
      ids.push(...presidium.map((b) => b.id));
    }

    if (gaps.length) {
      return missing(
        `Het agenderingsrecht is niet volgens de Verordening Agenderingsrecht Drenthe gebruikt: ${gaps.map((g) => g.nl).join('; ')}.`,
        `The agenderingsrecht conditions (Verordening Agenderingsrecht Drenthe) are not met: ${gaps.map((g) => g.en).join('; ')}.`,
        ids,
      );
    }
    const n = verzoek?.data.geldigeOndersteuners ?? 0;
    return met(
      ids,
      `Agenderingsrecht: ${n} geldige ondersteuners (minimaal ${AGENDERINGSRECHT_DREMPEL}), onderwerp binnen de bevoegdheid van PS, geen herhaling binnen twee jaar, en het Presidium besloot op ${presidiumMet ?? '?'} tot agendering binnen de termijn (open tot en met ${w?.computedEnd ?? '?'}).`,
      `Agenderingsrecht: ${n} valid supporters (minimum ${AGENDERINGSRECHT_DREMPEL}), topic within PS's powers, no repeat within two years, and the Presidium decided on ${presidiumMet ?? '?'} to put it on the agenda within the window (open through ${w?.computedEnd ?? '?'}).`,
    );
  },
};

/**
 * G1-03 — The topic is flagged strategic or not (strategisch true/false) with a one-line motivation; G2-01
 * (startnotitie) depends on it. Seed: "Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf".
 */
export const strategischGemotiveerd: Requirement = {
  id: 'G1-03',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Strategisch ja/nee vastgelegd met motivering', en: 'Strategic yes/no recorded with a motivation' },
  rule: 'Flag `strategisch` (strategic topic) set to true/false with a one-line motivation. G2-01 depends on it.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf"',
    seedQuote: 'Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const { strategisch, strategischMotivatie } = f.classification;
    const ids = classificationIds(f, ['strategisch', 'strategischMotivatie']);
    const gapsNl: string[] = [];
    const gapsEn: string[] = [];
    if (strategisch === null) {
      gapsNl.push("de vlag 'strategisch' (ja of nee) is niet vastgelegd");
      gapsEn.push("the 'strategisch' flag (yes or no) is not recorded");
    }
    if (!filled(strategischMotivatie)) {
      gapsNl.push('de motivering van één regel (strategischMotivatie) ontbreekt');
      gapsEn.push('the one-line motivation (strategischMotivatie) is missing');
    }
    if (gapsNl.length) {
      return missing(
        `Classificatie onvolledig: ${joinNl(gapsNl)}. Of een startnotitie met participatieparagraaf nodig is (G2-01), hangt hiervan af.`,
        `Classification incomplete: ${joinEn(gapsEn)}. Whether a startnotitie with participatieparagraaf is needed (G2-01) depends on it.`,
        ids,
      );
    }
    return met(
      ids,
      `Onderwerp ${strategisch ? 'strategisch' : 'niet strategisch'}: ${strategischMotivatie ?? ''}.`,
      `Topic ${strategisch ? 'strategic' : 'not strategic'}: ${strategischMotivatie ?? ''}.`,
    );
  },
};

/**
 * G1-04 — The provisional besluitvormer (PS or GS), besluittype and Omgevingswet instrument type are recorded;
 * later legal guards (Pw 143/158/167, Ob 10.7, the projectbesluit notice) depend on them. Data completeness.
 */
export const besluitvormingGeclassificeerd: Requirement = {
  id: 'G1-04',
  transition: 'T1',
  events: ['ADVANCE'],
  label: {
    nl: 'Besluitvormer, besluittype en instrumenttype vastgelegd',
    en: 'Decision-maker, decision type and instrument type recorded',
  },
  rule: 'Provisional `besluitvormer` (PS | GS), `besluittype` (verordening | beleidsregel | besluit-algemene-strekking | beschikking | privaatrechtelijk-158 | anders) and `instrument_type` (none | omgevingsvisie | programma | projectbesluit | omgevingsverordening) recorded. Later legal guards depend on them.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'data',
    label: 'law/practice (data)',
    basis: 'seed P4 GS role; artikelen 143, 158 en 167 Provinciewet; artikelen 10.7 en 10.8 Omgevingsbesluit',
    verified: true,
    note: 'A data-completeness rule; the legal guards that read these fields carry their own verification status (the brief saw the 2012 text of Pw 167).',
  },
  appliesWhen: always,
  check: (f) => {
    const c = f.classification;
    const gaps: Array<{ nl: string; en: string }> = [];
    if (c.besluitvormer === null) {
      gaps.push({ nl: `besluitvormer (${BESLUITVORMERS.join(' of ')})`, en: `besluitvormer (${BESLUITVORMERS.join(' or ')})` });
    }
    if (c.besluittype === null) {
      gaps.push({ nl: `besluittype (${BESLUITTYPES.join(', ')})`, en: `besluittype (${BESLUITTYPES.join(', ')})` });
    }
    if (c.instrumentType === null) {
      gaps.push({
        nl: `instrumenttype volgens de Omgevingswet (${INSTRUMENT_TYPES.join(', ')})`,
        en: `Omgevingswet instrument type (${INSTRUMENT_TYPES.join(', ')})`,
      });
    }
    const ids = classificationIds(f, ['besluitvormer', 'besluittype', 'instrumentType']);
    if (gaps.length) {
      return missing(
        `Nog niet vastgelegd in de classificatie: ${joinNl(gaps.map((g) => g.nl))}. Latere wettelijke controles hangen hiervan af.`,
        `Not yet recorded in the classification: ${joinEn(gaps.map((g) => g.en))}. Later legal guards depend on them.`,
        ids,
      );
    }
    return met(
      ids,
      `Besluitvormer ${c.besluitvormer}, besluittype ${c.besluittype}, instrumenttype ${c.instrumentType}.`,
      `Decision-maker ${c.besluitvormer}, decision type ${c.besluittype}, instrument type ${c.instrumentType}.`,
    );
  },
};

/**
 * G1-05 — The initiative is announced publicly, and the participation instruments are explained on the website
 * and social media: a publicatie 'aankondiging-initiatief' and a publicatie 'uitleg-instrumenten'. Seed:
 * "Tijdig en breed initiatieven aankondigen"; "Instrumenten uitleggen op website Drents Parlement/provincie en
 * sociale media".
 */
export const initiatiefAangekondigdEnInstrumentenUitgelegd: Requirement = {
  id: 'G1-05',
  transition: 'T1',
  events: ['ADVANCE'],
  label: {
    nl: 'Initiatief aangekondigd en instrumenten uitgelegd',
    en: 'Initiative announced and instruments explained',
  },
  rule: 'The initiative is announced publicly, and the participation instruments are explained on the website and social media.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Tijdig en breed initiatieven aankondigen"; "Instrumenten uitleggen op website Drents Parlement/provincie en sociale media"',
    seedQuote: 'Tijdig en breed initiatieven aankondigen',
    verified: true,
    note: 'Also seed: "Instrumenten uitleggen op website Drents Parlement en sociale media" (PS) and "Instrumenten uitleggen op website provincie en sociale media" (GS).',
  },
  appliesWhen: always,
  check: (f) => {
    const aankondiging = f.publications.filter((p) => p.data.onderwerp === 'aankondiging-initiatief');
    const uitleg = f.publications.filter((p) => p.data.onderwerp === 'uitleg-instrumenten');
    const ids = [...aankondiging, ...uitleg].map((p) => p.id);
    const gapsNl: string[] = [];
    const gapsEn: string[] = [];
    if (!aankondiging.length) {
      gapsNl.push("een openbare aankondiging van het initiatief (publicatie met onderwerp 'aankondiging-initiatief')");
      gapsEn.push("a public announcement of the initiative (publicatie with onderwerp 'aankondiging-initiatief')");
    }
    if (!uitleg.length) {
      gapsNl.push("uitleg van de participatie-instrumenten op de website en sociale media (publicatie met onderwerp 'uitleg-instrumenten')");
      gapsEn.push("an explanation of the participation instruments on the website and social media (publicatie with onderwerp 'uitleg-instrumenten')");
    }
    if (gapsNl.length) return missing(`Ontbreekt: ${joinNl(gapsNl)}.`, `Missing: ${joinEn(gapsEn)}.`, ids);
    const kanalen = (ps: typeof aankondiging) => [...new Set(ps.map((p) => p.data.kanaal))].join(', ');
    return met(
      ids,
      `Initiatief aangekondigd op ${aankondiging[0].data.publishedOn} (${kanalen(aankondiging)}); instrumenten uitgelegd via ${kanalen(uitleg)}.`,
      `Initiative announced on ${aankondiging[0].data.publishedOn} (${kanalen(aankondiging)}); instruments explained via ${kanalen(uitleg)}.`,
    );
  },
};

/**
 * G1-06 — It is recorded whether the signal was shared with PS or the griffie (a possible PS agenda item): the
 * check question 'signaal-gedeeld-met-ps' answered (yes or no), or a terugkoppeling about the signal sent to PS or
 * the griffie. Seed: "Betrekken samenleving bij agenda PS: signalen opvangen en mogelijk agenderen (visie 2018)".
 */
export const signaalGedeeldMetPs: Requirement = {
  id: 'G1-06',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Vastgelegd of het signaal met PS is gedeeld', en: 'Recorded whether the signal was shared with PS' },
  rule: 'Record whether the signal was shared with PS / the griffie (possible PS agenda item).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Betrekken samenleving bij agenda PS: signalen opvangen en mogelijk agenderen (visie 2018)"',
    seedQuote: 'Betrekken samenleving bij agenda PS: signalen opvangen en mogelijk agenderen (visie 2018)',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const answer = f.answers['signaal-gedeeld-met-ps'];
    const shared = f.feedback.filter((t) => (t.data.aan === 'ps' || t.data.aan === 'griffie') && t.data.onderwerp === 'signaal');
    if (shared.length) {
      const s = shared[shared.length - 1];
      return met(
        [...shared.map((t) => t.id), ...(answer ? [answer.id] : [])],
        `Het signaal is op ${s.occurredOn} gedeeld met ${s.data.aan === 'ps' ? 'PS' : 'de griffie'}.`,
        `The signal was shared with ${s.data.aan === 'ps' ? 'PS' : 'the griffie'} on ${s.occurredOn}.`,
      );
    }
    if (answer) {
      const toel = filled(answer.data.toelichting) ? `: ${answer.data.toelichting}` : '';
      return met(
        [answer.id],
        `Vastgelegd of het signaal met PS/de griffie is gedeeld: ${answer.data.antwoord ? 'ja' : 'nee'}${toel}.`,
        `Recorded whether the signal was shared with PS/the griffie: ${answer.data.antwoord ? 'yes' : 'no'}${toel}.`,
      );
    }
    return missing(
      "Niet vastgelegd of het signaal met PS of de griffie is gedeeld (mogelijk agendapunt voor PS). Beantwoord de checkvraag 'signaal-gedeeld-met-ps' (ja/nee) of leg een terugkoppeling aan PS of de griffie met onderwerp 'signaal' vast.",
      "Not recorded whether the signal was shared with PS or the griffie (possible PS agenda item). Answer the check question 'signaal-gedeeld-met-ps' (yes/no) or record a terugkoppeling to PS or the griffie with subject 'signaal'.",
    );
  },
};

/**
 * G1-07 — A stakeholder inventory has been started: who is affected, and how do they want to be involved?
 * Practice: Noordelijke Rekenkamer, "Ruimte voor inbreng".
 */
export const stakeholderinventarisatieGestart: Requirement = {
  id: 'G1-07',
  transition: 'T1',
  events: ['ADVANCE'],
  label: { nl: 'Stakeholderinventarisatie gestart', en: 'Stakeholder inventory started' },
  rule: 'Stakeholder inventory started (who is affected; how do they want to be involved?).',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'NRK "Ruimte voor inbreng" [S14]', verified: true },
  appliesWhen: always,
  check: (f) => {
    const docs = f.documents.filter((d) => d.data.documentType === 'stakeholderinventarisatie');
    if (!docs.length) {
      return missing(
        "Er is geen stakeholderinventarisatie vastgelegd (document van type 'stakeholderinventarisatie'): wie worden geraakt, en hoe willen zij betrokken worden?",
        "No stakeholder inventory is recorded (document of type 'stakeholderinventarisatie'): who is affected, and how do they want to be involved?",
      );
    }
    const d = docs[docs.length - 1];
    return met(
      docs.map((x) => x.id),
      `Stakeholderinventarisatie vastgelegd: '${d.data.titel}'.`,
      `Stakeholder inventory recorded: '${d.data.titel}'.`,
    );
  },
};

/** The T1 guards of domain-brief §8, in brief order. */
export const T1_REQUIREMENTS: readonly Requirement[] = [
  herkomstVastgelegd,
  agenderingsrechtVoorwaarden,
  strategischGemotiveerd,
  besluitvormingGeclassificeerd,
  initiatiefAangekondigdEnInstrumentenUitgelegd,
  signaalGedeeldMetPs,
  stakeholderinventarisatieGestart,
];

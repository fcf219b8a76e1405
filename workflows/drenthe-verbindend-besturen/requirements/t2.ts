/**
 * T2: voorbereiding-beleid → ontwikkeling-voorstel (domain-brief §8). The startnotitie and its
 * participatieparagraaf, the kader's check questions, and the procedure decisions (inspraak, Awb 3.4, the
 * Omgevingswet kennisgeving participatie).
 */
import { isIsoDate } from '../../dates';
import { Checkvraag, DocumentData, EvidenceRecord, ParticipatieparagraafPlan, PHASE_IDS } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, CheckResult, met, missing, Requirement } from '../../requirement';
import { classifiedAs, commissieNaam, filled, grantedWaiver, joinEn, joinNl, notStrategic, paragraphHasContent, PRB_ID } from './shared';



const jaNee = (b: boolean): { nl: string; en: string } => (b ? { nl: 'ja', en: 'yes' } : { nl: 'nee', en: 'no' });

type DocRec = EvidenceRecord<'document'> & { data: DocumentData };

/** A date that is a real calendar date and lies on or before today: a fact that has happened. */
const happened = (date: string | undefined, today: string): boolean => filled(date) && isIsoDate(date) && date <= today;

// ---------------------------------------------------------------------------------------------
// G2-01
// ---------------------------------------------------------------------------------------------

/**
 * G2-01 — If the topic is strategic, a startnotitie exists that contains a participatieparagraaf, was adopted by
 * GS (`vastgesteldDoorGsOn`, or a GS besluit about the startnotitie) and was sent to PS (`verzondenAanPsOn`).
 * Seed: "Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf".
 */
export const startnotitieMetParticipatieparagraaf: Requirement = {
  id: 'G2-01',
  transition: 'T2',
  events: ['ADVANCE'],
  label: {
    nl: 'Startnotitie met participatieparagraaf (strategisch onderwerp)',
    en: 'Startnotitie with participation section (strategic topic)',
  },
  rule: 'If `strategisch`: a **startnotitie** exists that **contains a participatieparagraaf**, is adopted by GS and has been sent to PS (date).',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf"',
    seedQuote: 'Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf',
    verified: true,
  },
  appliesWhen: {
    description: { nl: 'het onderwerp is strategisch', en: 'the topic is strategic' },
    test: (f) => f.classification.strategisch === true,
    whyNot: notStrategic,
  },
  check: (f) => {
    const startnotities = f.documents.filter((d) => d.data.documentType === 'startnotitie');
    const gsBesluit = f.decisions.filter((b) => b.data.orgaan === 'GS' && b.data.onderwerp === 'startnotitie').at(-1);
    if (!startnotities.length) {
      return missing(
        "Er is geen startnotitie vastgelegd (document van type 'startnotitie'). Bij een strategisch onderwerp stelt GS een startnotitie met participatieparagraaf vast en stuurt die aan PS.",
        "No startnotitie is recorded (document of type 'startnotitie'). For a strategic topic GS adopt a startnotitie with a participatieparagraaf and send it to PS.",
        gsBesluit ? [gsBesluit.id] : [],
      );
    }
    const assess = (d: DocRec) => {
      const gaps: Array<{ nl: string; en: string }> = [];
      if (!paragraphHasContent(d.data.participatieparagraaf)) {
        gaps.push({ nl: 'een participatieparagraaf met inhoud', en: 'a participatieparagraaf with content' });
      }
      const adoptedOn = filled(d.data.vastgesteldDoorGsOn) ? d.data.vastgesteldDoorGsOn : gsBesluit?.data.besluitdatum;
      const sentOn = d.data.verzondenAanPsOn;
      // Facts that must have happened cannot lie in the future or be no date at all (issue #11); the API refuses
      // such records, and the predicate does not count them either.
      if (!filled(adoptedOn)) {
        gaps.push({
          nl: "de vaststelling door GS (datum vastgesteldDoorGsOn op de startnotitie, of een GS-besluit met onderwerp 'startnotitie')",
          en: "the adoption by GS (date vastgesteldDoorGsOn on the startnotitie, or a GS besluit with onderwerp 'startnotitie')",
        });
      } else if (!happened(adoptedOn, f.today)) {
        gaps.push({
          nl: `een vaststelling door GS die heeft plaatsgevonden ('${adoptedOn}' is ${isIsoDate(adoptedOn) ? `een datum na vandaag (${f.today})` : 'geen datum'})`,
          en: `an adoption by GS that has taken place ('${adoptedOn}' is ${isIsoDate(adoptedOn) ? `a date after today (${f.today})` : 'not a date'})`,
        });
      }
      if (!filled(sentOn)) {
        gaps.push({ nl: 'de datum van verzending aan PS (verzondenAanPsOn)', en: 'the date it was sent to PS (verzondenAanPsOn)' });
      } else if (!happened(sentOn, f.today)) {
        gaps.push({
          nl: `een verzending aan PS die heeft plaatsgevonden ('${sentOn}' is ${isIsoDate(sentOn) ? `een datum na vandaag (${f.today})` : 'geen datum'})`,
          en: `a dispatch to PS that has taken place ('${sentOn}' is ${isIsoDate(sentOn) ? `a date after today (${f.today})` : 'not a date'})`,
        });
      } else if (adoptedOn !== undefined && happened(adoptedOn, f.today) && sentOn < adoptedOn) {
        gaps.push({
          nl: `een verzending aan PS na de vaststelling door GS (verzonden op ${sentOn}, vastgesteld op ${adoptedOn})`,
          en: `a dispatch to PS after the adoption by GS (sent on ${sentOn}, adopted on ${adoptedOn})`,
        });
      }
      const ids = [d.id, ...(!filled(d.data.vastgesteldDoorGsOn) && gsBesluit ? [gsBesluit.id] : [])];
      return { d, gaps, adoptedOn, ids };
    };
    const assessed = startnotities.map(assess);
    // The latest complete startnotitie, else the latest one with the fewest gaps.
    const best = assessed.reduce((a, b) => (b.gaps.length <= a.gaps.length ? b : a));
    if (best.gaps.length) {
      return missing(
        `Bij de startnotitie '${best.d.data.titel}' (${best.d.id}) ontbreekt ${joinNl(best.gaps.map((g) => g.nl))}.`,
        `The startnotitie '${best.d.data.titel}' (${best.d.id}) lacks ${joinEn(best.gaps.map((g) => g.en))}.`,
        best.ids,
      );
    }
    return met(
      best.ids,
      `Startnotitie '${best.d.data.titel}' met participatieparagraaf, door GS vastgesteld op ${best.adoptedOn ?? ''} en op ${best.d.data.verzondenAanPsOn ?? ''} aan PS gestuurd.`,
      `Startnotitie '${best.d.data.titel}' with participatieparagraaf, adopted by GS on ${best.adoptedOn ?? ''} and sent to PS on ${best.d.data.verzondenAanPsOn ?? ''}.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G2-02
// ---------------------------------------------------------------------------------------------

/** Documents that record a participatieparagraaf (plan): structured, or a plan document. Oldest first. */
const planDocuments = (f: DossierFacts): DocRec[] =>
  f.documents.filter((d) => paragraphHasContent(d.data.participatieparagraaf) || d.data.documentType === 'participatieparagraaf-plan');

/** The fields of a plan that are missing, by their Dutch names (domain-brief §3.2). */
function planGaps(p: ParticipatieparagraafPlan | undefined): Array<{ nl: string; en: string }> {
  const gaps: Array<{ nl: string; en: string }> = [];
  const doelgroepen = (p?.doelgroepen ?? []).filter(filled);
  const niveaus = p?.niveaus ?? [];
  if (!filled(p?.doel)) gaps.push({ nl: 'doel', en: 'goal (doel)' });
  if (!doelgroepen.length) gaps.push({ nl: 'doelgroepen', en: 'target groups (doelgroepen)' });
  // A level per target group *per phase* (domain-brief §3.2): every target group needs a level in every phase the
  // plan covers (the phases of its levels and of its instruments), not one level per target group (issue #11).
  const levels = niveaus.filter((n) => filled(n.doelgroep) && filled(n.niveau) && filled(n.fase));
  const instrumenten = (p?.instrumenten ?? []).filter((i) => filled(i.instrumentId) && filled(i.fase));
  const fasen = [...new Set([...levels.map((n) => n.fase), ...instrumenten.map((i) => i.fase)])].sort(
    (a, b) => PHASE_IDS.indexOf(a) - PHASE_IDS.indexOf(b),
  );
  if (!levels.length) {
    gaps.push({ nl: 'niveau per doelgroep per fase', en: 'level per target group per phase' });
  } else {
    const open = doelgroepen.flatMap((g) => fasen.filter((fase) => !levels.some((n) => n.doelgroep === g && n.fase === fase)).map((fase) => ({ g, fase })));
    if (open.length) {
      gaps.push({
        nl: `niveau voor ${joinNl(open.map(({ g, fase }) => `doelgroep '${g}' in fase ${fase}`))}`,
        en: `level for ${joinEn(open.map(({ g, fase }) => `target group '${g}' in phase ${fase}`))}`,
      });
    }
  }
  if (!filled(p?.ruimteVoorInvloed)) {
    gaps.push({ nl: 'ruimte voor invloed (wat ligt vast, wat staat open)', en: 'room for influence (what is fixed, what is open)' });
  }
  if (!filled(p?.planning)) gaps.push({ nl: 'planning', en: 'timing (planning)' });
  if (!instrumenten.length) gaps.push({ nl: 'instrumenten (per fase)', en: 'instruments (instrumenten, per phase)' });
  if (!filled(p?.terugkoppeling)) {
    gaps.push({
      nl: 'terugkoppeling (hoe inbreng wordt gewogen en aan deelnemers teruggekoppeld)',
      en: 'feedback (how input is weighed and fed back to participants)',
    });
  }
  if (!filled(p?.informatievindplaats)) {
    gaps.push({ nl: 'informatievindplaats (waar informatie te vinden is)', en: 'where information is available (informatievindplaats)' });
  }
  return gaps;
}

/**
 * G2-02 — The participatieparagraaf (plan) has all its fields: doel; doelgroepen; niveau per doelgroep per fase;
 * ruimte voor invloed; planning; instrumenten; terugkoppeling; informatievindplaats. Only presence is checked;
 * content quality is judged separately. Practice: domain-brief §3.2 (Gelderland, Overijssel, Blijvend in
 * verbinding wishes 6–9, VNG, NRK).
 */
export const participatieparagraafVolledig: Requirement = {
  id: 'G2-02',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Participatieparagraaf (plan) volledig', en: 'Participation section (plan) complete' },
  rule: 'Participatieparagraaf (plan) **fields present**: goal; target groups; level per target group per phase; room for influence (what is fixed/open); timing; instruments; how input is weighed and fed back; where information is available. Quality of the content is checked separately (advisory).',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'practice',
    label: 'practice',
    basis: '§3.2; Gelderland definition of startnotitie [S26a]; Overijssel participatieparagraaf [S26c]; [S2] wishes 6–9; VNG kennisgeving participatie [S24b]; NRK [S14]',
    verified: true,
  },
  appliesWhen: {
    description: {
      nl: 'een participatieparagraaf is vereist: het onderwerp is strategisch (G2-01) of er is een participatieparagraaf vastgelegd (bijvoorbeeld in een GS-voorstel)',
      en: 'a participatieparagraaf is required: the topic is strategic (G2-01) or a participatieparagraaf has been recorded (e.g. in a GS proposal)',
    },
    // A strategic dossier needs the paragraph because of G2-01; when G2-01 was waived, this practice rule does not
    // block on its behalf (issue #11). A paragraph recorded elsewhere (e.g. in a GS proposal) still has to be complete.
    test: (f) => (f.classification.strategisch === true && !grantedWaiver(f, 'G2-01')) || (f.classification.strategisch !== true && planDocuments(f).length > 0),
    whyNot: (f) => {
      const w = grantedWaiver(f, 'G2-01');
      if (f.classification.strategisch === true && w) {
        return {
          nl: `voor de startnotitie met participatieparagraaf (G2-01) is een vrijstelling verleend (${w.id}, redencode ${w.reasonCode}); deze praktijkregel blokkeert niet waar de eis waarop hij rust is vrijgesteld`,
          en: `the startnotitie with participatieparagraaf (G2-01) was waived (${w.id}, reason code ${w.reasonCode}); this practice rule does not block where the requirement it rests on was waived`,
        };
      }
      const why = notStrategic(f);
      return { nl: `${why.nl}, en er is geen participatieparagraaf vastgelegd`, en: `${why.en}, and no participatieparagraaf has been recorded` };
    },
  },
  check: (f) => {
    const plans = planDocuments(f);
    // The latest structured paragraph; failing that, the latest plan document (which then holds no fields).
    const doc = plans.filter((d) => paragraphHasContent(d.data.participatieparagraaf)).at(-1) ?? plans.at(-1);
    const gaps = planGaps(doc?.data.participatieparagraaf);
    if (!doc) {
      return missing(
        `Er is geen participatieparagraaf (plan) vastgelegd, terwijl het onderwerp strategisch is. Leg de participatieparagraaf vast met: ${joinNl(gaps.map((g) => g.nl))}.`,
        `No participatieparagraaf (plan) is recorded, although the topic is strategic. Record it with: ${joinEn(gaps.map((g) => g.en))}.`,
      );
    }
    if (gaps.length) {
      return missing(
        `De participatieparagraaf in '${doc.data.titel}' (${doc.id}) mist: ${joinNl(gaps.map((g) => g.nl))}.`,
        `The participatieparagraaf in '${doc.data.titel}' (${doc.id}) lacks: ${joinEn(gaps.map((g) => g.en))}.`,
        [doc.id],
      );
    }
    return met(
      [doc.id],
      `De participatieparagraaf in '${doc.data.titel}' heeft alle onderdelen: doel, doelgroepen, niveau per doelgroep per fase, ruimte voor invloed, planning, instrumenten, terugkoppeling en informatievindplaats.`,
      `The participatieparagraaf in '${doc.data.titel}' has all parts: goal, target groups, level per target group per phase, room for influence, timing, instruments, feedback and where information is available.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Check questions (G2-03, G2-04, G2-08)
// ---------------------------------------------------------------------------------------------

/** The outcome for a check question that only needs an answer (and, if `needsToelichting`, an explanation). */
function checkvraagBeantwoord(
  f: DossierFacts,
  vraag: Checkvraag,
  question: { nl: string; en: string },
  needsToelichting: boolean,
): CheckResult {
  const a = f.answers[vraag];
  if (!a) {
    return missing(
      `De ${question.nl} is niet beantwoord. Leg het antwoord (ja/nee) met toelichting vast (checkvraag '${vraag}').`,
      `The ${question.en} has not been answered. Record the answer (yes/no) with an explanation (check question '${vraag}').`,
    );
  }
  const antwoord = jaNee(a.data.antwoord);
  if (needsToelichting && !filled(a.data.toelichting)) {
    return missing(
      `De ${question.nl} is beantwoord met '${antwoord.nl}', maar zonder toelichting. Leg vast waarom.`,
      `The ${question.en} was answered '${antwoord.en}', but without an explanation. Record why.`,
      [a.id],
    );
  }
  const toel = filled(a.data.toelichting) ? ` — ${a.data.toelichting}` : '';
  return met([a.id], `${question.nl[0].toUpperCase()}${question.nl.slice(1)}: ${antwoord.nl}${toel}.`, `${question.en[0].toUpperCase()}${question.en.slice(1)}: ${antwoord.en}${toel}.`);
}

/**
 * G2-03 — The check question "is there room for a residents' initiative?" is answered yes/no with an explanation.
 * Seed: "Checkvraag: ruimte voor een inwonersinitiatief?".
 */
export const checkvraagInwonersinitiatief: Requirement = {
  id: 'G2-03',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Checkvraag: ruimte voor een inwonersinitiatief?', en: "Check question: room for a residents' initiative?" },
  rule: "Check question answered (yes/no + explanation): is there room for a residents' initiative?",
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Checkvraag: ruimte voor een inwonersinitiatief?"',
    seedQuote: 'Checkvraag: ruimte voor een inwonersinitiatief?',
    verified: true,
  },
  appliesWhen: always,
  check: (f) =>
    checkvraagBeantwoord(
      f,
      'inwonersinitiatief',
      { nl: "checkvraag 'ruimte voor een inwonersinitiatief?'", en: "check question 'room for a residents' initiative?'" },
      true,
    ),
};

/** G2-04 — The consideration "organise beginspraak (early say)?" is answered. Seed: "Overweging: beginspraak organiseren?". */
export const overwegingBeginspraak: Requirement = {
  id: 'G2-04',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Overweging: beginspraak organiseren?', en: 'Consideration: organise beginspraak?' },
  rule: 'Consideration answered: organise beginspraak (early say)?',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Overweging: beginspraak organiseren?"',
    seedQuote: 'Overweging: beginspraak organiseren?',
    verified: true,
  },
  appliesWhen: always,
  check: (f) =>
    checkvraagBeantwoord(
      f,
      'beginspraak',
      { nl: "overweging 'beginspraak organiseren?'", en: "consideration 'organise beginspraak (early say)?'" },
      false,
    ),
};

// ---------------------------------------------------------------------------------------------
// G2-05, G2-06, G2-07
// ---------------------------------------------------------------------------------------------

/**
 * G2-05 — PS adopted frameworks in broad lines (including the budget), or it is recorded that none are needed
 * (check question 'kaders-ps-nodig' answered no). Seed: "Vaststelling kaders op hoofdlijnen (budget)(2018)"; GS
 * role "Binnen de gestelde kaders van PS en/of wettelijke uitgangspunten een voorstel voorbereiden".
 */
export const kadersOpHoofdlijnen: Requirement = {
  id: 'G2-05',
  transition: 'T2',
  events: ['ADVANCE'],
  label: {
    nl: 'Kaders op hoofdlijnen (budget) door PS vastgesteld, of niet nodig',
    en: 'Frameworks in broad lines (budget) adopted by PS, or not needed',
  },
  rule: 'PS frameworks in broad lines (incl. budget) adopted, or recorded as not needed. Configurable to **hard** for strategic dossiers where PS decide.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Vaststelling kaders op hoofdlijnen (budget)(2018)"; GS role "Binnen de gestelde kaders van PS en/of wettelijke uitgangspunten een voorstel voorbereiden"',
    seedQuote: 'Vaststelling kaders op hoofdlijnen (budget)(2018)',
    verified: true,
    note: 'The brief says this is configurable to hard for strategic dossiers where PS decide; a later rule-set version may do so. In this version it is advisory.',
  },
  appliesWhen: always,
  check: (f) => {
    const besluit = f.decisions.filter((b) => b.data.orgaan === 'PS' && b.data.onderwerp === 'kaders-hoofdlijnen').at(-1);
    if (besluit) {
      return met(
        [besluit.id],
        `PS stelden op ${besluit.data.besluitdatum} de kaders op hoofdlijnen vast (${besluit.data.kenmerk}).`,
        `PS adopted the frameworks in broad lines on ${besluit.data.besluitdatum} (${besluit.data.kenmerk}).`,
      );
    }
    const a = f.answers['kaders-ps-nodig'];
    if (a && !a.data.antwoord) {
      const toel = filled(a.data.toelichting) ? `: ${a.data.toelichting}` : '';
      return met([a.id], `Vastgelegd dat geen kaderbesluit van PS nodig is${toel}.`, `Recorded that no PS framework decision is needed${toel}.`);
    }
    if (a) {
      return missing(
        "Volgens de checkvraag 'kaders-ps-nodig' zijn kaders van PS nodig, maar er is nog geen PS-besluit over de kaders op hoofdlijnen (inclusief budget) vastgelegd (besluit met orgaan PS, onderwerp 'kaders-hoofdlijnen').",
        "According to the check question 'kaders-ps-nodig' PS frameworks are needed, but no PS decision on the frameworks in broad lines (incl. budget) is recorded (besluit with orgaan PS, onderwerp 'kaders-hoofdlijnen').",
        [a.id],
      );
    }
    return missing(
      "Er is geen PS-besluit over de kaders op hoofdlijnen (inclusief budget) vastgelegd (besluit met orgaan PS, onderwerp 'kaders-hoofdlijnen'), en ook niet dat zo'n besluit niet nodig is (checkvraag 'kaders-ps-nodig' met antwoord nee).",
      "No PS decision on the frameworks in broad lines (incl. budget) is recorded (besluit with orgaan PS, onderwerp 'kaders-hoofdlijnen'), nor that none is needed (check question 'kaders-ps-nodig' answered no).",
    );
  },
};

/**
 * G2-06 — Residents could speak on the startnotitie: it was on a Statencommissie agenda (meeting date on or
 * before today), or the reason it was not is recorded. Seed: "Inspreken op de startnotitie".
 */
export const insprekenOpStartnotitie: Requirement = {
  id: 'G2-06',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Inspreken op de startnotitie mogelijk gemaakt', en: 'Residents could speak on the startnotitie' },
  rule: 'Residents could speak on the startnotitie: it was on a Statencommissie agenda (date), or the reason it was not is recorded.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Inspreken op de startnotitie"',
    seedQuote: 'Inspreken op de startnotitie',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const steps = procedureSteps(f, 'commissiebehandeling').filter((s) => s.data.onderwerp === 'startnotitie');
    const held = steps.filter((s) => filled(s.data.vergaderdatum) && isIsoDate(s.data.vergaderdatum) && s.data.vergaderdatum <= f.today).at(-1);
    if (held) {
      const d = held.data;
      const insprekers = d.aantalInsprekers !== undefined ? ` (${d.aantalInsprekers} ${d.aantalInsprekers === 1 ? 'inspreker' : 'insprekers'})` : '';
      const insprekersEn = d.aantalInsprekers !== undefined ? ` (${d.aantalInsprekers} speakers)` : '';
      return met(
        [held.id],
        `De startnotitie stond op ${d.vergaderdatum ?? ''} op de agenda van ${commissieNaam(d.commissie).nl}${insprekers}.`,
        `The startnotitie was on the agenda of ${commissieNaam(d.commissie).en} on ${d.vergaderdatum ?? ''}${insprekersEn}.`,
      );
    }
    const reden = steps.filter((s) => filled(s.data.nietGeagendeerdReden)).at(-1);
    if (reden) {
      return met(
        [reden.id],
        `De startnotitie is niet in een Statencommissie geagendeerd; reden: ${reden.data.nietGeagendeerdReden ?? ''}.`,
        `The startnotitie was not put on a Statencommissie agenda; reason: ${reden.data.nietGeagendeerdReden ?? ''}.`,
      );
    }
    const planned = steps.filter((s) => filled(s.data.vergaderdatum) && isIsoDate(s.data.vergaderdatum)).at(-1);
    if (planned) {
      return missing(
        `De commissievergadering over de startnotitie op ${planned.data.vergaderdatum ?? ''} heeft nog niet plaatsgevonden (vandaag is ${f.today}); inwoners hebben nog niet kunnen inspreken.`,
        `The committee meeting on the startnotitie on ${planned.data.vergaderdatum ?? ''} has not taken place yet (today is ${f.today}); residents have not yet been able to speak.`,
        [planned.id],
      );
    }
    if (steps.length) {
      return missing(
        'De commissiebehandeling van de startnotitie is vastgelegd zonder vergaderdatum en zonder reden waarom de startnotitie niet is geagendeerd.',
        'The committee handling of the startnotitie is recorded without a meeting date and without a reason why it was not put on the agenda.',
        steps.map((s) => s.id),
      );
    }
    return missing(
      "Niet vastgelegd dat inwoners op de startnotitie konden inspreken: leg de vergaderdatum van de Statencommissie vast (procedurestap 'commissiebehandeling', onderwerp startnotitie), of de reden waarom de startnotitie niet is geagendeerd.",
      "Not recorded that residents could speak on the startnotitie: record the Statencommissie meeting date (procedure step 'commissiebehandeling', subject startnotitie), or the reason it was not put on the agenda.",
    );
  },
};

/**
 * G2-07 — The startnotitie is published as a PS document (received document / meeting document): a publicatie with
 * onderwerp 'startnotitie'. Law: Woo 3.3(2)(a),(c), in force in phases.
 */
export const startnotitieGepubliceerd: Requirement = {
  id: 'G2-07',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Startnotitie gepubliceerd als PS-stuk', en: 'Startnotitie published as a PS document' },
  rule: 'Startnotitie published as a PS document (received document / meeting document).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Woo, phased)',
    basis: 'artikel 3.3, tweede lid, onder a en c, Woo [S23a]',
    verified: false,
    note: 'The Woo enters into force in phases (Regeling actieve openbaarmaking Woo, Stcrt. 2024, 30890); which categories bind provinces on go-live is unverified (domain-brief §2.5), so the guard is advisory.',
  },
  appliesWhen: always,
  check: (f) => {
    const pubs = f.publications.filter((p) => p.data.onderwerp === 'startnotitie');
    if (!pubs.length) {
      return missing(
        "De startnotitie is niet als PS-stuk gepubliceerd (publicatie met onderwerp 'startnotitie', bijvoorbeeld als ingekomen stuk of vergaderstuk op de website van het Drents Parlement, met URL en datum).",
        "The startnotitie has not been published as a PS document (publicatie with onderwerp 'startnotitie', e.g. as a received document or meeting document on the Drents Parlement website, with URL and date).",
      );
    }
    const p = pubs[pubs.length - 1];
    const where = `${p.data.kanaal}${filled(p.data.url) ? `, ${p.data.url}` : ''}`;
    return met(
      pubs.map((x) => x.id),
      `Startnotitie gepubliceerd op ${p.data.publishedOn} (${where}).`,
      `Startnotitie published on ${p.data.publishedOn} (${where}).`,
    );
  },
};

/**
 * G2-08 — The use of the Jongerenraad and the Drents Panel has been considered (yes/no). Seed: "Jongerenraad",
 * "Peiling Drents Panel", "Ongevraagd advies Jongerenraad".
 */
export const jongerenraadDrentsPanelOverwogen: Requirement = {
  id: 'G2-08',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Inzet Jongerenraad en Drents Panel overwogen', en: 'Use of the Jongerenraad and the Drents Panel considered' },
  rule: 'Use of the youth council and the Drents Panel considered (yes/no).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Jongerenraad", "Peiling Drents Panel", "Ongevraagd advies Jongerenraad"',
    seedQuote: 'Peiling Drents Panel',
    verified: true,
    note: 'Also seed: "Jongerenraad" and "Ongevraagd advies Jongerenraad".',
  },
  appliesWhen: always,
  check: (f) =>
    checkvraagBeantwoord(
      f,
      'jongerenraad-drents-panel',
      { nl: 'overweging over de inzet van de Jongerenraad en het Drents Panel', en: 'consideration of using the Jongerenraad and the Drents Panel' },
      false,
    ),
};

// ---------------------------------------------------------------------------------------------
// G2-09, G2-10
// ---------------------------------------------------------------------------------------------

/**
 * G2-09 — GS decided, with reasons, whether the beleidsvoornemen gets inspraak, and whether Awb afdeling 3.4
 * applies by law; if either, the uniforme openbare voorbereidingsprocedure follows (`procedureType = 'awb-3.4'`).
 * Algemene inspraakverordening provincie Drenthe art. 2 & 4; Awb 3:10.
 */
export const inspraakbesluitGs: Requirement = {
  id: 'G2-09',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'GS-besluit over inspraak vastgelegd', en: 'GS decision on inspraak recorded' },
  rule: 'GS decision on **inspraak yes/no** recorded for the beleidsvoornemen, with reasons; and whether Awb 3.4 applies by law. If yes → `procedure = awb-3.4`.',
  severity: 'hard',
  waivable: false,
  origin: {
    // The inspraakverordening only *allows* GS to grant inspraak; what the law requires is that the choice is known
    // before the procedure can be followed. Recording that decision is a data rule, not a legal duty (issue #11).
    kind: 'data',
    label: 'data (inspraakverordening)',
    basis: 'artikelen 2 en 4 Algemene inspraakverordening Drenthe [S4]; artikel 3:10 Awb [S20]',
    verified: true,
    note: 'A data-completeness rule: the inspraakverordening allows GS to grant inspraak, and afdeling 3.4 Awb then applies (artikel 3:10 Awb); G3-02 and G4-05 depend on the recorded choice. Only the first part of artikel 4 of the inspraakverordening (inspraak → afdeling 3.4 Awb) was retrieved.',
  },
  appliesWhen: always,
  check: (f) => {
    const besluit = procedureSteps(f, 'inspraakbesluit').at(-1);
    if (!besluit) {
      return missing(
        "Er is geen GS-besluit over inspraak vastgelegd (procedurestap 'inspraakbesluit'): leg vast of GS inspraak verlenen op het beleidsvoornemen (ja/nee), of afdeling 3.4 Awb van rechtswege van toepassing is, en de motivering.",
        "No GS decision on inspraak is recorded (procedure step 'inspraakbesluit'): record whether GS grant inspraak on the beleidsvoornemen (yes/no), whether Awb division 3.4 applies by law, and the reasons.",
      );
    }
    const d = besluit.data;
    const gaps: Array<{ nl: string; en: string }> = [];
    if (typeof d.inspraak !== 'boolean') gaps.push({ nl: 'inspraak ja/nee', en: 'inspraak yes/no' });
    if (typeof d.awb34VanToepassing !== 'boolean') {
      gaps.push({ nl: 'of afdeling 3.4 Awb van rechtswege van toepassing is', en: 'whether Awb division 3.4 applies by law' });
    }
    if (!filled(d.motivering)) gaps.push({ nl: 'de motivering', en: 'the reasons (motivering)' });
    if (gaps.length) {
      return missing(
        `Het inspraakbesluit van GS (${besluit.id}) mist ${joinNl(gaps.map((g) => g.nl))}.`,
        `The GS inspraak decision (${besluit.id}) lacks ${joinEn(gaps.map((g) => g.en))}.`,
        [besluit.id],
      );
    }
    const ref = filled(d.gsBesluitKenmerk) ? ` (${d.gsBesluitKenmerk})` : '';
    const uov = f.procedureType === 'awb-3.4';
    return met(
      [besluit.id],
      `GS besloten${ref}: inspraak ${jaNee(d.inspraak).nl}; afdeling 3.4 Awb van rechtswege van toepassing: ${jaNee(d.awb34VanToepassing).nl}. ${
        uov
          ? 'Daarom volgt de uniforme openbare voorbereidingsprocedure (afdeling 3.4 Awb): kennisgeving in het Provinciaal blad, terinzagelegging en zes weken voor zienswijzen.'
          : 'Er volgt geen inspraakprocedure; afdeling 3.4 Awb is niet van toepassing.'
      }`,
      `GS decided${ref}: inspraak ${jaNee(d.inspraak).en}; Awb division 3.4 applies by law: ${jaNee(d.awb34VanToepassing).en}. ${
        uov
          ? 'So the uniform public preparation procedure (Awb division 3.4) follows: notice in the Provinciaal blad, terinzagelegging and six weeks for zienswijzen.'
          : 'No inspraak procedure follows; Awb division 3.4 does not apply.'
      }`,
    );
  },
};


/**
 * G2-10 — For a projectbesluit, a kennisgeving participatie (who is involved, about what, when, the roles, where
 * information is available) was published in the Provinciaal blad no later than the start of the verkenning.
 * Omgevingswet 5.47(4), Omgevingsbesluit 5.3 (via VNG).
 */
export const kennisgevingParticipatieProjectbesluit: Requirement = {
  id: 'G2-10',
  transition: 'T2',
  events: ['ADVANCE'],
  label: {
    nl: 'Kennisgeving participatie vóór de verkenning (projectbesluit)',
    en: 'Notice of participation before the verkenning (projectbesluit)',
  },
  rule: 'If `instrument_type = projectbesluit`: a **kennisgeving participatie** was published no later than the start of the verkenning (who, about what, when, roles, where information is available).',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'law', label: 'law (Omgevingswet)', basis: 'artikel 5.47, vierde lid, Omgevingswet; artikel 5.3 Omgevingsbesluit, via VNG [S24b]', verified: true },
  appliesWhen: {
    description: { nl: 'het instrumenttype is projectbesluit', en: 'the instrument type is projectbesluit' },
    test: (f) => f.classification.instrumentType === 'projectbesluit',
    whyNot: (f) => {
      const t = classifiedAs(f.classification.instrumentType, { nl: 'het instrumenttype', en: 'the instrument type' }, 'G1-04');
      if (f.classification.instrumentType === null) {
        return { nl: `${t.nl}, dus het is niet bekend als projectbesluit`, en: `${t.en}, so it is not known to be a projectbesluit` };
      }
      return f.classification.instrumentType === 'none'
        ? { nl: 'het besluit is geen instrument van de Omgevingswet (instrumenttype none), dus geen projectbesluit', en: 'the decision is no Omgevingswet instrument (instrument type none), so not a projectbesluit' }
        : { nl: `${t.nl}, geen projectbesluit`, en: `${t.en}, not a projectbesluit` };
    },
  },
  check: (f) => {
    const steps = procedureSteps(f, 'kennisgeving-participatie');
    const assessed = steps.map((s) => {
      const d = s.data;
      const gaps: Array<{ nl: string; en: string }> = [];
      if (!filled(d.prbId)) {
        gaps.push({ nl: 'het Provinciaal blad-nummer (prbId) ontbreekt', en: 'the Provinciaal blad id (prbId) is missing' });
      } else if (!PRB_ID.test(d.prbId)) {
        gaps.push({
          nl: `'${d.prbId}' is geen Provinciaal blad-nummer (verwacht prb-JJJJ-N)`,
          en: `'${d.prbId}' is not a Provinciaal blad id (expected prb-YYYY-N)`,
        });
      }
      if (!isIsoDate(d.datum)) {
        gaps.push({ nl: 'de publicatiedatum ontbreekt of is ongeldig', en: 'the publication date is missing or invalid' });
      } else if (d.datum > f.today) {
        gaps.push({ nl: `de publicatiedatum ${d.datum} ligt na vandaag (${f.today}); de kennisgeving is nog niet verschenen`, en: `the publication date ${d.datum} is after today (${f.today}); the notice has not appeared yet` });
      }
      if (!isIsoDate(d.verkenningStartOn)) {
        gaps.push({ nl: 'de startdatum van de verkenning ontbreekt of is ongeldig', en: 'the start date of the verkenning is missing or invalid' });
      }
      if (isIsoDate(d.datum) && isIsoDate(d.verkenningStartOn) && d.datum > d.verkenningStartOn) {
        gaps.push({
          nl: `de kennisgeving is op ${d.datum} gepubliceerd, na de start van de verkenning op ${d.verkenningStartOn}; zij moet uiterlijk op die startdatum verschijnen`,
          en: `the notice was published on ${d.datum}, after the verkenning started on ${d.verkenningStartOn}; it must appear on that start date at the latest`,
        });
      }
      return { s, gaps };
    });
    const ok = assessed.filter((a) => !a.gaps.length).at(-1);
    if (ok) {
      const d = ok.s.data;
      return met(
        [ok.s.id],
        `Kennisgeving participatie gepubliceerd op ${d.datum} (${d.prbId}), uiterlijk bij de start van de verkenning op ${d.verkenningStartOn}.`,
        `Notice of participation published on ${d.datum} (${d.prbId}), no later than the start of the verkenning on ${d.verkenningStartOn}.`,
      );
    }
    const last = assessed.at(-1);
    if (last) {
      return missing(
        `De kennisgeving participatie (${last.s.id}) voldoet niet: ${joinNl(last.gaps.map((g) => g.nl))}.`,
        `The notice of participation (${last.s.id}) does not comply: ${joinEn(last.gaps.map((g) => g.en))}.`,
        assessed.map((a) => a.s.id),
      );
    }
    return missing(
      "Er is geen kennisgeving participatie vastgelegd (procedurestap 'kennisgeving-participatie' met Provinciaal blad-nummer, publicatiedatum en startdatum van de verkenning). Bij een projectbesluit moet die uiterlijk bij de start van de verkenning verschijnen: wie worden betrokken, waarover, wanneer, de rollen, en waar informatie te vinden is.",
      "No notice of participation is recorded (procedure step 'kennisgeving-participatie' with Provinciaal blad id, publication date and start date of the verkenning). For a projectbesluit it must appear no later than the start of the verkenning: who is involved, about what, when, the roles, and where information is available.",
    );
  },
};

/** The T2 guards of domain-brief §8, in brief order. */
export const T2_REQUIREMENTS: readonly Requirement[] = [
  startnotitieMetParticipatieparagraaf,
  participatieparagraafVolledig,
  checkvraagInwonersinitiatief,
  overwegingBeginspraak,
  kadersOpHoofdlijnen,
  insprekenOpStartnotitie,
  startnotitieGepubliceerd,
  jongerenraadDrentsPanelOverwogen,
  inspraakbesluitGs,
  kennisgevingParticipatieProjectbesluit,
];

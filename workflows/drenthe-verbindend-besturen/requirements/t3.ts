/**
 * T3: ontwikkeling-voorstel → kaderstelling-besluitvorming (domain-brief §8, G3-01 … G3-07).
 *
 * Each guard is a named pure predicate over the dossier's facts: it reads only `f` (`f.today` is "now"),
 * never the clock or the database, and explains in Dutch and English exactly what is missing.
 */
import { addDays, isIsoDate } from '../../dates';
import { PhaseId, ProcedureData } from '../../evidence';
import { DossierFacts, procedureSteps } from '../../facts';
import { always, met, missing, Requirement, Text } from '../../requirement';
import { unextendedEnd } from '../../law/algemene-termijnenwet';
import { instrumentById, PS_SIDE_EVENT_INSTRUMENTS } from '../instruments';
import { hasElapsed, isZienswijzeTijdig, kennisgevingOpTijd, TimerComputation, zienswijzentermijn } from '../timers';
import { AssessedPlanLine as PlanLine, assessParticipation } from '../../participation';
import {
  countNl,
  docRef,
  filled,
  instrumentNameOf,
  isProposal,
  isVerklaringInstrument,
  verklaringInstrumentApplies,
  joinEn,
  joinNl,
  last,
  noUov,
  paragraphHasContent,
  PARTICIPATIEVERKLARING_ARTIKEL,
  PRB_ID,
  PROPOSAL_NAMES,
} from './shared';

// ---------------------------------------------------------------------------------------------
// Helpers (file-local)
// ---------------------------------------------------------------------------------------------

type Doc = DossierFacts['documents'][number];
type Activity = DossierFacts['activities'][number];
type Step<S extends ProcedureData['stap']> = ReturnType<typeof procedureSteps<S>>[number];




/** A plan participatieparagraaf counts as present when it says something (shared with G2-01, G2-02 and the view). */
const planHasContent = paragraphHasContent;

/** The date a startnotitie stands for: its adoption by GS, else the day it was recorded as happening. */
const startnotitieDate = (d: Doc): string => (filled(d.data.vastgesteldDoorGsOn) && isIsoDate(d.data.vastgesteldDoorGsOn) ? d.data.vastgesteldDoorGsOn : d.occurredOn);


function instrumentName(id: string): Text {
  const def = instrumentById(id);
  return def ? { nl: def.label.nl, en: def.label.en } : { nl: id, en: id };
}

/** The zienswijzentermijn of a terinzagelegging, or why it cannot be computed (never throws). */
function termijnOf(ter: Step<'terinzagelegging'>): { termijn: TimerComputation; weeks: number } | { error: Text } {
  const weeks = ter.data.termijnWeken ?? 6;
  if (!isIsoDate(ter.data.startOn)) {
    return {
      error: {
        nl: `de startdatum van de terinzagelegging (${ter.id}) is geen geldige datum ('${ter.data.startOn}')`,
        en: `the start date of the terinzagelegging (${ter.id}) is not a valid date ('${ter.data.startOn}')`,
      },
    };
  }
  if (!Number.isInteger(weeks) || weeks < 6) {
    return {
      error: {
        nl: `de terinzagelegging (${ter.id}) noemt een termijn van ${weeks} weken; artikel 3:16 Awb staat alleen zes weken of een wettelijk langere termijn toe`,
        en: `the terinzagelegging (${ter.id}) states a period of ${weeks} weeks; article 3:16 Awb allows only six weeks or a longer statutory period`,
      },
    };
  }
  return { termijn: zienswijzentermijn(ter.data.startOn, weeks), weeks };
}

/** Dutch/English phrase for an Atw extension of a zienswijzentermijn, empty when there is none. */
function extensionText(termijn: TimerComputation, weeks: number): Text {
  if (termijn.extendedBy.length === 0) return { nl: '', en: '' };
  const plainEnd = unextendedEnd(termijn.start, { aantal: weeks, eenheid: 'W' });
  // The timer states its reasons in English; the common phrases are rendered in Dutch (feestdag names already are).
  const redenen = termijn.extendedBy.map((r) =>
    r
      .replace(/ is a Saturday/g, ' is een zaterdag')
      .replace(/ is a Sunday/g, ' is een zondag')
      .replace(/period needs two days that are no rest day; extended to/g, 'de termijn moet twee werkdagen bevatten; verlengd tot'),
  );
  return {
    nl: ` (verlengd van ${plainEnd} tot en met ${termijn.computedEnd} op grond van de Algemene termijnenwet: ${redenen.join('; ')})`,
    en: ` (extended from ${plainEnd} to ${termijn.computedEnd} under the Algemene termijnenwet: ${termijn.extendedBy.join('; ')})`,
  };
}

/** The latest PS eindbesluit, if any (G3-06 deadline when there is no terinzagelegging). */
function latestPsEindbesluit(f: DossierFacts) {
  return last(f.decisions.filter((d) => d.data.orgaan === 'PS' && d.data.onderwerp === 'eindbesluit'));
}

// ---------------------------------------------------------------------------------------------
// G3-01
// ---------------------------------------------------------------------------------------------

/**
 * G3-01 — The GS proposal (Statenvoorstel, or the draft GS decision) contains a participatieparagraaf: the plan
 * plus a report of what has happened so far. Satisfied by one proposal document (gs-voorstel, statenvoorstel,
 * ontwerpbesluit or beleidsvoorstel) holding both a `participatieparagraaf` and a `participatieverslag` with
 * `activiteiten`. Seed: "Participatieparagraaf in GS voorstellen".
 */
export const participatieparagraafInGsVoorstel: Requirement = {
  id: 'G3-01',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'Participatieparagraaf (plan en verslag tot nu toe) in het GS-voorstel',
    en: 'Participation section (plan and report so far) in the GS proposal',
  },
  rule: 'The GS proposal (Statenvoorstel, or the draft GS decision) contains a **participatieparagraaf**: the plan plus a report of what has happened so far.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Participatieparagraaf in GS voorstellen"',
    seedQuote: 'Participatieparagraaf in GS voorstellen',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const proposals = f.documents.filter(isProposal);
    if (proposals.length === 0) {
      return missing(
        `Er is nog geen voorstel vastgelegd (${PROPOSAL_NAMES.nl}). Leg het voorstel vast met een participatieparagraaf: het plan (participatieparagraaf) én een verslag van wat er tot nu toe aan participatie is gebeurd (participatieverslag, ten minste de activiteiten).`,
        `No proposal has been recorded yet (${PROPOSAL_NAMES.en}). Record the proposal with a participation section: the plan (participatieparagraaf) and a report of the participation so far (participatieverslag, at least the activities).`,
      );
    }
    // A proposal follows the startnotitie (seed: phase 2 before phase 3). One dated before the startnotitie is a
    // wrong date or a wrong order; the law allows no "late" startnotitie for a proposal already drafted, and the
    // remedy is a correction of the record, so it does not count (issue #11) — never a silent pass.
    const sn = last(f.documents.filter((d) => d.data.documentType === 'startnotitie'));
    const beforeStartnotitie = (d: Doc): boolean => sn !== undefined && d.occurredOn < startnotitieDate(sn);
    const early = proposals.filter(beforeStartnotitie);
    const complete = proposals.filter(
      (d) => !beforeStartnotitie(d) && planHasContent(d.data.participatieparagraaf) && filled(d.data.participatieverslag?.activiteiten),
    );
    const ok = last(complete);
    if (ok) {
      return met(
        [ok.id],
        `Het voorstel (${docRef(ok)}) bevat een participatieparagraaf (plan) en een verslag van de participatie tot nu toe.`,
        `The proposal ${docRef(ok)} contains a participation section (plan) and a report of the participation so far.`,
      );
    }
    const nl: string[] = [];
    const en: string[] = [];
    for (const d of early) {
      nl.push(`${docRef(d)} is gedateerd ${d.occurredOn}, vóór de ${docRef(sn!)} van ${startnotitieDate(sn!)}; een voorstel volgt op de startnotitie: corrigeer de datum of leg de juiste volgorde vast`);
      en.push(`${docRef(d)} is dated ${d.occurredOn}, before the ${docRef(sn!)} of ${startnotitieDate(sn!)}; a proposal follows the startnotitie: correct the date or record the right order`);
    }
    for (const d of proposals.filter((x) => !beforeStartnotitie(x))) {
      const missNl: string[] = [];
      const missEn: string[] = [];
      if (!planHasContent(d.data.participatieparagraaf)) {
        missNl.push('de participatieparagraaf (plan: doel, doelgroepen, niveaus, instrumenten, terugkoppeling …)');
        missEn.push('the participatieparagraaf (plan: goal, target groups, levels, instruments, feedback …)');
      }
      if (!filled(d.data.participatieverslag?.activiteiten)) {
        missNl.push('het verslag van de participatie tot nu toe (participatieverslag, veld activiteiten)');
        missEn.push('the report of the participation so far (participatieverslag, field activiteiten)');
      }
      nl.push(`${docRef(d)} mist ${joinNl(missNl)}`);
      en.push(`${docRef(d)} lacks ${joinEn(missEn)}`);
    }
    return missing(
      `Geen geldig voorstel bevat zowel de participatieparagraaf (plan) als een verslag van de participatie tot nu toe: ${nl.join('; ')}.`,
      `No proposal contains both the participation section (plan) and a report of the participation so far: ${en.join('; ')}.`,
      proposals.map((d) => d.id),
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G3-02
// ---------------------------------------------------------------------------------------------

interface Part {
  ok: boolean;
  nl: string;
  en: string;
}

/**
 * G3-02 — If Awb afdeling 3.4 applies (GS granted inspraak, or a statute prescribes it): (a) kennisgeving of the
 * draft in the Provinciaal blad dated on or before the start of the terinzagelegging (Awb 3:12, TM-02); (b) the
 * draft and documents ter inzage (3:11); (c) the draft sent to addressees, or none (3:13); (d) the
 * zienswijzentermijn (six weeks or a longer statutory period, extended per the Algemene termijnenwet; TM-01) has
 * elapsed (3:16); (e) every zienswijze registered with its receipt date, late ones flagged (they do not block);
 * (f) a reactienota answering every zienswijze in force.
 */
export const uniformeOpenbareVoorbereiding: Requirement = {
  id: 'G3-02',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'Uniforme openbare voorbereidingsprocedure (afdeling 3.4 Awb) doorlopen',
    en: 'Uniform public preparatory procedure (Awb division 3.4) completed',
  },
  rule: 'If `procedure = awb-3.4`: (a) kennisgeving in the Provinciaal blad dated ≤ start of terinzagelegging; (b) draft + documents ter inzage; (c) draft sent to addressees if any; (d) **now ≥ end of the zienswijzen period (start + 6 weeks, or a longer statutory period)**; (e) every zienswijze registered with receipt date and a timeliness flag; (f) reactienota answering each zienswijze attached.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Awb 3.4)',
    basis: 'artikelen 3:11, 3:12, 3:13 en 3:16 Awb [S20]; artikel 4 Algemene inspraakverordening Drenthe [S4]',
    verified: true,
  },
  appliesWhen: {
    description: {
      nl: 'de uniforme openbare voorbereidingsprocedure (afdeling 3.4 Awb) is van toepassing (inspraak verleend of wettelijk voorgeschreven)',
      en: 'the uniform public preparatory procedure (Awb division 3.4) applies (inspraak granted or prescribed by law)',
    },
    test: (f) => f.procedureType === 'awb-3.4',
    whyNot: noUov,
  },
  check: (f) => {
    // Each record is used by exactly one sub-check, so the list never holds an id twice.
    const ids: string[] = [];
    const use = (id: string) => {
      ids.push(id);
    };
    // appliesWhen (procedureType 'awb-3.4') holds only when an inspraakbesluit is recorded.
    use(last(procedureSteps(f, 'inspraakbesluit'))!.id);

    const ter = last(procedureSteps(f, 'terinzagelegging'));
    const t = ter ? termijnOf(ter) : undefined;
    const termijn = t && 'termijn' in t ? t : undefined;
    const parts: Part[] = [];

    // (a) kennisgeving van het ontwerp in het Provinciaal blad, niet na de start van de terinzagelegging.
    const kennisgevingen = procedureSteps(f, 'kennisgeving-ontwerp');
    if (kennisgevingen.length === 0) {
      parts.push({
        ok: false,
        nl: '(a) ontbreekt: de kennisgeving van het ontwerpbesluit in het Provinciaal blad (procedurestap kennisgeving-ontwerp met datum en prb-id, artikel 3:12 Awb).',
        en: '(a) missing: the notice of the draft decision in the Provinciaal blad (procedure step kennisgeving-ontwerp with date and prb id, article 3:12 Awb).',
      });
    } else {
      const withPrb = kennisgevingen.filter((k) => PRB_ID.test(k.data.prbId));
      if (withPrb.length === 0) {
        kennisgevingen.forEach((k) => use(k.id));
        const bad = kennisgevingen.map((k) => `'${k.data.prbId}' (${k.id})`).join(', ');
        parts.push({
          ok: false,
          nl: `(a) niet in orde: de kennisgeving van het ontwerp heeft geen geldig Provinciaal-blad-id (verwacht prb-JJJJ-N, vastgelegd: ${bad}).`,
          en: `(a) not in order: the notice of the draft has no valid Provinciaal blad id (expected prb-YYYY-N, recorded: ${bad}).`,
        });
      } else if (!ter || !termijn) {
        const k = last(withPrb)!;
        use(k.id);
        parts.push({
          ok: false,
          nl: `(a) niet te toetsen: kennisgeving ${k.data.prbId} van ${k.data.datum} is vastgelegd, maar zonder geldige terinzagelegging valt niet na te gaan of zij vóór de terinzagelegging verscheen (artikel 3:12 Awb).`,
          en: `(a) cannot be checked: notice ${k.data.prbId} of ${k.data.datum} is recorded, but without a valid terinzagelegging it cannot be verified that it appeared before the inspection started (article 3:12 Awb).`,
        });
      } else {
        const start = ter.data.startOn;
        const onTime = withPrb.filter((k) => isIsoDate(k.data.datum) && kennisgevingOpTijd(k.data.datum, start));
        if (onTime.length > 0) {
          const k = last(onTime)!;
          use(k.id);
          parts.push({
            ok: true,
            nl: `(a) in orde: kennisgeving in het Provinciaal blad (${k.data.prbId}) op ${k.data.datum}, niet later dan de start van de terinzagelegging (${start}).`,
            en: `(a) in order: notice in the Provinciaal blad (${k.data.prbId}) on ${k.data.datum}, no later than the start of the inspection (${start}).`,
          });
        } else {
          const k = last(withPrb)!;
          use(k.id);
          parts.push({
            ok: false,
            nl: `(a) te laat: de kennisgeving ${k.data.prbId} is gedateerd ${k.data.datum}, na de start van de terinzagelegging op ${start}; artikel 3:12 Awb eist dat de kennisgeving vóór de terinzagelegging verschijnt.`,
            en: `(a) too late: notice ${k.data.prbId} is dated ${k.data.datum}, after the inspection started on ${start}; article 3:12 Awb requires the notice before the inspection.`,
          });
        }
      }
    }

    // (b) ontwerp en stukken ter inzage.
    if (ter) {
      use(ter.id);
      parts.push({
        ok: true,
        nl: `(b) in orde: het ontwerpbesluit en de stukken liggen ter inzage vanaf ${ter.data.startOn}.`,
        en: `(b) in order: the draft decision and documents are open for inspection from ${ter.data.startOn}.`,
      });
    } else {
      parts.push({
        ok: false,
        nl: '(b) ontbreekt: de terinzagelegging van het ontwerpbesluit en de stukken (procedurestap terinzagelegging met startdatum, artikel 3:11 Awb).',
        en: '(b) missing: the inspection of the draft decision and documents (procedure step terinzagelegging with start date, article 3:11 Awb).',
      });
    }

    // (c) toezending van het ontwerp aan geadresseerden, of vastgelegd dat er geen zijn.
    const toezendingen = procedureSteps(f, 'toezending-ontwerp');
    const toezending = last(toezendingen.filter((s) => filled(s.data.datum) || s.data.geenGeadresseerden === true));
    if (toezending) {
      use(toezending.id);
      parts.push(
        // Chosen only when it has a date or geenGeadresseerden, so without a date it says there are none.
        !filled(toezending.data.datum)
          ? {
              ok: true,
              nl: '(c) in orde: het besluit heeft geen geadresseerden, dus toezending van het ontwerp (artikel 3:13 Awb) is niet nodig.',
              en: '(c) in order: the decision has no addressees, so sending the draft (article 3:13 Awb) is not needed.',
            }
          : {
              ok: true,
              nl: `(c) in orde: het ontwerp is op ${toezending.data.datum} aan de geadresseerden toegezonden.`,
              en: `(c) in order: the draft was sent to the addressees on ${toezending.data.datum}.`,
            },
      );
    } else if (toezendingen.length > 0) {
      toezendingen.forEach((s) => use(s.id));
      parts.push({
        ok: false,
        nl: `(c) onvolledig: de procedurestap toezending-ontwerp (${toezendingen.map((s) => s.id).join(', ')}) heeft geen verzenddatum en vermeldt niet dat er geen geadresseerden zijn.`,
        en: `(c) incomplete: the procedure step toezending-ontwerp (${toezendingen.map((s) => s.id).join(', ')}) has no dispatch date and does not state that there are no addressees.`,
      });
    } else {
      parts.push({
        ok: false,
        nl: '(c) ontbreekt: vastlegging dat het ontwerp aan de geadresseerden is toegezonden (procedurestap toezending-ontwerp met datum, artikel 3:13 Awb), of dat er geen geadresseerden zijn (geenGeadresseerden).',
        en: '(c) missing: a record that the draft was sent to the addressees (procedure step toezending-ontwerp with date, article 3:13 Awb), or that there are none (geenGeadresseerden).',
      });
    }

    // (d) zienswijzentermijn verstreken.
    if (!ter) {
      parts.push({
        ok: false,
        nl: '(d) niet te berekenen: zonder terinzagelegging is het einde van de zienswijzentermijn onbekend.',
        en: '(d) cannot be computed: without a terinzagelegging the end of the zienswijzen period is unknown.',
      });
    } else if (!termijn) {
      const err = (t as { error: Text }).error;
      parts.push({ ok: false, nl: `(d) niet te berekenen: ${err.nl}.`, en: `(d) cannot be computed: ${err.en}.` });
    } else {
      const { termijn: tm, weeks } = termijn;
      const ext = extensionText(tm, weeks);
      if (hasElapsed(tm, f.today)) {
        parts.push({
          ok: true,
          nl: `(d) in orde: de zienswijzentermijn van ${weeks} weken liep van ${tm.start} tot en met ${tm.computedEnd}${ext.nl} en is verstreken.`,
          en: `(d) in order: the zienswijzen period of ${weeks} weeks ran from ${tm.start} to ${tm.computedEnd} inclusive${ext.en} and has elapsed.`,
        });
      } else {
        parts.push({
          ok: false,
          nl: `(d) nog niet verstreken: de zienswijzentermijn van ${weeks} weken loopt van ${tm.start} tot en met ${tm.computedEnd}${ext.nl}; doorgaan kan op zijn vroegst op ${addDays(tm.computedEnd, 1)} (artikel 3:16 Awb).`,
          en: `(d) not yet elapsed: the zienswijzen period of ${weeks} weeks runs from ${tm.start} to ${tm.computedEnd} inclusive${ext.en}; advancing is possible from ${addDays(tm.computedEnd, 1)} at the earliest (article 3:16 Awb).`,
        });
      }
    }

    // (e) zienswijzen geregistreerd met ontvangstdatum; te late gemarkeerd (blokkeert niet).
    const zienswijzen = procedureSteps(f, 'zienswijze');
    zienswijzen.forEach((z) => use(z.id));
    const zRef = (z: Step<'zienswijze'>) => `${z.data.indienerRef} (${z.id}, ontvangen ${z.data.ontvangenOn})`;
    const zRefEn = (z: Step<'zienswijze'>) => `${z.data.indienerRef} (${z.id}, received ${z.data.ontvangenOn})`;
    if (zienswijzen.length === 0) {
      parts.push({ ok: true, nl: '(e) er zijn geen zienswijzen geregistreerd.', en: '(e) no zienswijzen have been registered.' });
    } else if (!termijn) {
      parts.push({
        ok: true,
        nl: `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} geregistreerd met ontvangstdatum; de tijdigheid is niet te bepalen zolang de zienswijzentermijn onbekend is.`,
        en: `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} registered with receipt date; timeliness cannot be determined while the zienswijzen period is unknown.`,
      });
    } else {
      const end = termijn.termijn.computedEnd;
      const late = zienswijzen.filter((z) => isIsoDate(z.data.ontvangenOn) && !isZienswijzeTijdig(z.data.ontvangenOn, termijn.termijn));
      parts.push({
        ok: true,
        nl:
          late.length === 0
            ? `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} geregistreerd met ontvangstdatum, ${zienswijzen.length === 1 ? 'tijdig' : 'alle tijdig'} (uiterlijk ${end}).`
            : `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} geregistreerd met ontvangstdatum, waarvan ${late.length} te laat (na ${end}): ${late.map(zRef).join(', ')}. Te late zienswijzen blokkeren niet, maar vermeld in de reactienota hoe ermee is omgegaan (artikel 6:9 Awb).`,
        en:
          late.length === 0
            ? `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} registered with receipt date, all on time (by ${end}).`
            : `(e) ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} registered with receipt date, ${late.length} of them late (after ${end}): ${late.map(zRefEn).join(', ')}. Late zienswijzen do not block, but state in the reactienota how they were handled (article 6:9 Awb).`,
      });
    }

    // (f) reactienota die elke zienswijze beantwoordt.
    if (zienswijzen.length === 0) {
      parts.push({
        ok: true,
        nl: '(f) geen reactienota nodig: er zijn geen zienswijzen.',
        en: '(f) no reactienota needed: there are no zienswijzen.',
      });
    } else {
      const notas = f.documents.filter((d) => d.data.documentType === 'reactienota');
      notas.forEach((d) => use(d.id));
      const answered = new Set(notas.flatMap((d) => d.data.beantwoordtZienswijzen ?? []));
      const open = zienswijzen.filter((z) => !answered.has(z.id));
      if (notas.length === 0) {
        parts.push({
          ok: false,
          nl: `(f) ontbreekt: een reactienota die de ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} beantwoordt (document reactienota met beantwoordtZienswijzen): ${zienswijzen.map(zRef).join(', ')}.`,
          en: `(f) missing: a reactienota answering the ${countNl(zienswijzen.length, 'zienswijze', 'zienswijzen')} (document reactienota with beantwoordtZienswijzen): ${zienswijzen.map(zRefEn).join(', ')}.`,
        });
      } else if (open.length > 0) {
        parts.push({
          ok: false,
          nl: `(f) onvolledig: ${open.length} van de ${zienswijzen.length} zienswijzen zijn niet beantwoord in de reactienota (${notas.map(docRef).join(', ')}): ${open.map(zRef).join(', ')}.`,
          en: `(f) incomplete: ${open.length} of the ${zienswijzen.length} zienswijzen are not answered in the reactienota (${notas.map(docRef).join(', ')}): ${open.map(zRefEn).join(', ')}.`,
        });
      } else {
        parts.push({
          ok: true,
          nl: `(f) in orde: de reactienota (${notas.map(docRef).join(', ')}) beantwoordt ${zienswijzen.length === 1 ? 'de zienswijze' : `alle ${zienswijzen.length} zienswijzen`}.`,
          en: `(f) in order: the reactienota (${notas.map(docRef).join(', ')}) answers ${zienswijzen.length === 1 ? 'the zienswijze' : `all ${zienswijzen.length} zienswijzen`}.`,
        });
      }
    }

    const nl = parts.map((p) => p.nl).join(' ');
    const en = parts.map((p) => p.en).join(' ');
    return parts.every((p) => p.ok)
      ? met(ids, `Afdeling 3.4 Awb is doorlopen. ${nl}`, `Awb division 3.4 has been completed. ${en}`)
      : missing(`Afdeling 3.4 Awb is nog niet volledig doorlopen. ${nl}`, `Awb division 3.4 has not been completed. ${en}`, ids);
  },
};

// ---------------------------------------------------------------------------------------------
// G3-03
// ---------------------------------------------------------------------------------------------

/**
 * G3-03 — PS were actively sent the intended decision (voorgenomen besluit) for inspraak, with its date: a
 * terugkoppeling aan 'ps' with onderwerp 'voorgenomen-besluit'. Seed: "Actief toezenden (GS aan PS) van
 * voorgenomen besluiten (inspraak)"; Pw 167(2).
 */
export const voorgenomenBesluitAanPs: Requirement = {
  id: 'G3-03',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'Voorgenomen besluit actief aan PS toegezonden',
    en: 'Intended decision actively sent to PS',
  },
  rule: 'PS were actively sent the intended decision (voorgenomen besluit) for inspraak (date).',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Actief toezenden (GS aan PS) van voorgenomen besluiten (inspraak)"; artikel 167, tweede lid, Provinciewet [S16]',
    seedQuote: 'Actief toezenden (GS aan PS) van voorgenomen besluiten (inspraak)',
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const sent = last(f.feedback.filter((t) => t.data.aan === 'ps' && t.data.onderwerp === 'voorgenomen-besluit'));
    if (!sent) {
      return missing(
        'Niet vastgelegd dat GS het voorgenomen besluit actief aan PS hebben toegezonden (terugkoppeling aan PS, onderwerp voorgenomen-besluit, met de datum en het kenmerk van de brief).',
        'No record that GS actively sent the intended decision to PS (terugkoppeling to PS, subject voorgenomen-besluit, with the date and reference of the letter).',
      );
    }
    const ref = filled(sent.data.kenmerk) ? ` (kenmerk ${sent.data.kenmerk})` : '';
    const refEn = filled(sent.data.kenmerk) ? ` (reference ${sent.data.kenmerk})` : '';
    return met(
      [sent.id],
      `Het voorgenomen besluit is op ${sent.occurredOn} actief aan PS toegezonden${ref}.`,
      `The intended decision was actively sent to PS on ${sent.occurredOn}${refEn}.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G3-04
// ---------------------------------------------------------------------------------------------

/**
 * G3-04 — The GS proposal or the GS besluitenlijst is published: a publicatie with onderwerp 'gs-voorstel' or
 * 'gs-besluitenlijst'. Seed: "Publicatie GS voorstellen"; Woo 3.3(2)(d) (phased entry into force).
 */
export const publicatieGsVoorstel: Requirement = {
  id: 'G3-04',
  transition: 'T3',
  events: ['ADVANCE'],
  label: { nl: 'GS-voorstel of GS-besluitenlijst gepubliceerd', en: 'GS proposal or GS decision list published' },
  rule: 'GS proposal / GS decision list published.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed + law (Woo, phased)',
    basis: 'seed: "Publicatie GS voorstellen"; artikel 3.3, tweede lid, onder d, Woo [S23a]',
    seedQuote: 'Publicatie GS voorstellen',
    verified: false,
    note: 'The seed part is verified; which article 3.3 Woo categories (here 3.3(2)(d), GS agendas and besluitenlijsten) bind provinces is unverified: the Woo enters into force in phases by Royal Decree (Regeling actieve openbaarmaking Woo, Stcrt. 2024, 30890).',
  },
  appliesWhen: always,
  check: (f) => {
    const pubs = f.publications.filter((p) => p.data.onderwerp === 'gs-voorstel' || p.data.onderwerp === 'gs-besluitenlijst');
    const p = last(pubs);
    if (!p) {
      return missing(
        'Geen publicatie van het GS-voorstel of de GS-besluitenlijst vastgelegd (publicatie met onderwerp gs-voorstel of gs-besluitenlijst, met kanaal, URL en datum).',
        'No publication of the GS proposal or the GS decision list recorded (publicatie with subject gs-voorstel or gs-besluitenlijst, with channel, URL and date).',
      );
    }
    const what = p.data.onderwerp === 'gs-voorstel' ? { nl: 'Het GS-voorstel', en: 'The GS proposal' } : { nl: 'De GS-besluitenlijst', en: 'The GS decision list' };
    const url = filled(p.data.url) ? ` (${p.data.url})` : '';
    return met(
      pubs.map((x) => x.id),
      `${what.nl} is op ${p.data.publishedOn} gepubliceerd via ${p.data.kanaal}${url}.`,
      `${what.en} was published on ${p.data.publishedOn} via ${p.data.kanaal}${url}.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G3-05
// ---------------------------------------------------------------------------------------------

const PHASES_2_3: readonly PhaseId[] = ['voorbereiding-beleid', 'ontwikkeling-voorstel'];

const activitiesPhases23 = (f: DossierFacts): Activity[] => f.activities.filter((a) => PHASES_2_3.includes(a.data.fase));
/** The plan lines of phases 2–3, from the one computation the planned-versus-realised view uses too. */
const planLines23 = (f: DossierFacts): { lines: PlanLine[]; planId: string | null } => {
  const c = assessParticipation(f);
  return { lines: c.lines.filter((l) => PHASES_2_3.includes(l.fase)), planId: c.planSourceId };
};

const LINE_STATUS: Record<PlanLine['status'], Text> = {
  realised: { nl: 'uitgevoerd', en: 'carried out' },
  'lower-level': { nl: 'alleen op een lager niveau uitgevoerd', en: 'carried out only at a lower level' },
  scheduled: { nl: 'nog alleen gepland', en: 'only scheduled so far' },
  cancelled: { nl: 'geannuleerd zonder annuleringsreden', en: 'cancelled without a reason' },
  missing: { nl: 'geen activiteit vastgelegd', en: 'no activity recorded' },
};

function lineName(l: PlanLine): Text {
  if (l.kind === 'level') {
    return {
      nl: `niveau '${l.planned}' voor doelgroep '${l.doelgroep ?? ''}' in fase ${l.fase}`,
      en: `level '${l.planned}' for target group '${l.doelgroep ?? ''}' in phase ${l.fase}`,
    };
  }
  const name = instrumentName(l.planned);
  return {
    nl: `instrument '${name.nl}' in fase ${l.fase}${filled(l.doelgroep) ? ` (doelgroep ${l.doelgroep})` : ''}`,
    en: `instrument '${name.en}' in phase ${l.fase}${filled(l.doelgroep) ? ` (target group ${l.doelgroep})` : ''}`,
  };
}

/**
 * G3-05 — "Doe wat je zegt": every level and instrument the latest participatieparagraaf plans for phases 2–3
 * (voorbereiding-beleid, ontwikkeling-voorstel) was carried out, or cancelled with a reason; and every activity of
 * those phases is done or cancelled with a reason. The plan lines come from `compareParticipation`, the computation
 * behind `/compliance/participation`, so the guard and the view give one answer (issue #11).
 * Basis: Blijvend in verbinding [S2]; NRK [S14].
 */
export const doeWatJeZegt: Requirement = {
  id: 'G3-05',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'Geplande participatie van fase 2–3 uitgevoerd of gemotiveerd geannuleerd ("doe wat je zegt")',
    en: 'Planned participation of phases 2–3 carried out or cancelled with a reason ("do what you say")',
  },
  rule: 'Participation activities planned for phases 2–3 are done, or cancelled with a reason ("doe wat je zegt").',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: '[S2]; NRK [S14]', verified: true },
  appliesWhen: {
    description: {
      nl: 'er zijn participatieactiviteiten gepland of vastgelegd voor de fasen voorbereiding-beleid en ontwikkeling-voorstel',
      en: 'participation activities were planned or recorded for the phases voorbereiding-beleid and ontwikkeling-voorstel',
    },
    test: (f) => activitiesPhases23(f).length > 0 || planLines23(f).lines.length > 0,
    whyNot: () => ({
      nl: 'voor de fasen voorbereiding-beleid en ontwikkeling-voorstel is geen participatie gepland (participatieparagraaf) en geen participatieactiviteit vastgelegd',
      en: 'no participation is planned (participatieparagraaf) and no participation activity is recorded for the phases voorbereiding-beleid and ontwikkeling-voorstel',
    }),
  },
  check: (f) => {
    const activities = activitiesPhases23(f);
    const { lines, planId } = planLines23(f);
    const ids = [...(planId ? [planId] : []), ...activities.map((a) => a.id)];
    const nl: string[] = [];
    const en: string[] = [];
    const reported = new Set<string>();
    for (const l of lines.filter((x) => !x.settled)) {
      const name = lineName(l);
      nl.push(`${name.nl}: ${LINE_STATUS[l.status].nl}`);
      en.push(`${name.en}: ${LINE_STATUS[l.status].en}`);
      l.activityIds.forEach((id) => reported.add(id));
    }
    for (const a of activities.filter((x) => !reported.has(x.id))) {
      const name = instrumentNameOf(a);
      if (a.data.status === 'gepland') {
        nl.push(`'${name.nl}' (${a.id}, ${a.data.fase}, gepland op ${a.data.startOn}) staat nog op gepland: leg vast dat het is uitgevoerd, of annuleer het met een reden`);
        en.push(`'${name.en}' (${a.id}, ${a.data.fase}, planned for ${a.data.startOn}) is still planned: record that it was carried out, or cancel it with a reason`);
      } else if (a.data.status === 'geannuleerd' && !filled(a.data.annuleringsreden)) {
        nl.push(`'${name.nl}' (${a.id}, ${a.data.fase}) is geannuleerd zonder annuleringsreden`);
        en.push(`'${name.en}' (${a.id}, ${a.data.fase}) was cancelled without a reason`);
      }
    }
    if (nl.length === 0) {
      const done = activities.filter((a) => a.data.status === 'uitgevoerd').length;
      const cancelled = activities.length - done;
      const plan = lines.length
        ? { nl: `; ${lines.length === 1 ? 'het ene geplande onderdeel is' : `alle ${lines.length} geplande onderdelen (niveaus en instrumenten) zijn`} opgevolgd`, en: `; ${lines.length === 1 ? 'the one planned item has' : `all ${lines.length} planned items (levels and instruments) have`} been followed up` }
        : { nl: '', en: '' };
      return met(
        ids,
        `De participatie van de fasen voorbereiding-beleid en ontwikkeling-voorstel is afgerond: ${countNl(done, 'activiteit', 'activiteiten')} uitgevoerd, ${cancelled} gemotiveerd geannuleerd${plan.nl}.`,
        `The participation of the phases voorbereiding-beleid and ontwikkeling-voorstel is settled: ${done} ${done === 1 ? 'activity' : 'activities'} carried out, ${cancelled} cancelled with a reason${plan.en}.`,
      );
    }
    return missing(
      `Doe wat je zegt — nog open (${nl.length}): ${nl.join('; ')}.`,
      `Do what you say — still open (${en.length}): ${en.join('; ')}.`,
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G3-06
// ---------------------------------------------------------------------------------------------

const isPsSideEvent = (a: Activity): boolean =>
  (PS_SIDE_EVENT_INSTRUMENTS as readonly string[]).includes(a.data.instrumentId) && a.data.status !== 'geannuleerd';

/** The deadline PS-side events must precede: end of the zienswijzentermijn, else the PS eindbesluit date. */
function psEventDeadline(f: DossierFacts): { date: string; what: Text; ids: string[] } | null {
  const ter = last(procedureSteps(f, 'terinzagelegging'));
  if (ter) {
    const t = termijnOf(ter);
    if ('termijn' in t) {
      return {
        date: t.termijn.computedEnd,
        what: { nl: 'het einde van de zienswijzentermijn', en: 'the end of the zienswijzen period' },
        ids: [ter.id],
      };
    }
  }
  const besluit = latestPsEindbesluit(f);
  if (besluit) {
    return {
      date: besluit.data.besluitdatum,
      what: { nl: `het besluit van PS (${besluit.data.kenmerk})`, en: `the PS decision (${besluit.data.kenmerk})` },
      ids: [besluit.id],
    };
  }
  return null;
}

/**
 * G3-06 — PS-side events (Drenthe in Debat, Statenontmoeting, hearings, Drents Panel poll; not cancelled) start
 * before the deadline — strictly before: an event on the last day of the zienswijzentermijn comes too late to be
 * weighed (issue #11): the end of the zienswijzentermijn when there is a terinzagelegging, otherwise the date of
 * the PS eindbesluit. Lesson from the first Drenthe in Debat (2018), held on the day the zienswijzen closed.
 */
export const psEvenementenVoorDeadline: Requirement = {
  id: 'G3-06',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'PS-bijeenkomsten vóór het einde van de zienswijzentermijn of het PS-besluit',
    en: 'PS-side events before the end of the zienswijzen period or the PS decision',
  },
  rule: 'PS-side events (Drenthe in Debat, Statenontmoeting, hearings, Drents Panel poll) are scheduled **before** the zienswijzen deadline / PS decision, not after.',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: 'lesson from the first Drenthe in Debat (2018) [S12a]', verified: true },
  appliesWhen: {
    description: {
      nl: 'er zijn PS-bijeenkomsten (Drenthe in Debat, Statenontmoeting, hoorzitting, Drents Panel) gepland en er is een termijn bekend (einde zienswijzentermijn of datum PS-besluit)',
      en: 'PS-side events (Drenthe in Debat, Statenontmoeting, hearing, Drents Panel) are scheduled and a deadline is known (end of the zienswijzen period or date of the PS decision)',
    },
    test: (f) => f.activities.some(isPsSideEvent) && psEventDeadline(f) !== null,
    whyNot: (f) =>
      f.activities.some(isPsSideEvent)
        ? {
            nl: 'er is nog geen termijn bekend waarvóór de PS-bijeenkomsten moeten plaatsvinden: er is geen terinzagelegging (einde zienswijzentermijn) en geen eindbesluit van PS vastgelegd',
            en: 'no deadline for the PS-side events is known yet: no terinzagelegging (end of the zienswijzen period) and no PS final decision is recorded',
          }
        : {
            nl: 'er zijn geen (niet-geannuleerde) PS-bijeenkomsten vastgelegd, zoals Drenthe in Debat, een Statenontmoeting, een hoorzitting of een peiling van het Drents Panel',
            en: 'no (non-cancelled) PS-side events are recorded, such as Drenthe in Debat, a Statenontmoeting, a hearing or a Drents Panel poll',
          },
  },
  check: (f) => {
    const events = f.activities.filter(isPsSideEvent);
    const deadline = psEventDeadline(f)!;
    const ids = [...events.map((a) => a.id), ...deadline.ids];
    const late = events.filter((a) => a.data.startOn >= deadline.date);
    const list = (xs: Activity[], lang: 'nl' | 'en') =>
      xs.map((a) => `'${instrumentNameOf(a)[lang]}' (${a.id}) ${lang === 'nl' ? 'op' : 'on'} ${a.data.startOn}`).join(', ');
    if (late.length === 0) {
      const one = events.length === 1;
      return met(
        ids,
        `${one ? 'De PS-bijeenkomst vindt' : `Alle ${events.length} PS-bijeenkomsten vinden`} plaats vóór ${deadline.what.nl} (${deadline.date}): ${list(events, 'nl')}.`,
        `${one ? 'The PS-side event takes' : `All ${events.length} PS-side events take`} place before ${deadline.what.en} (${deadline.date}): ${list(events, 'en')}.`,
      );
    }
    const one = late.length === 1;
    return missing(
      `${one ? 'Eén PS-bijeenkomst valt' : `${late.length} PS-bijeenkomsten vallen`} niet vóór ${deadline.what.nl} (${deadline.date}), zodat de inbreng te laat komt om nog mee te wegen: ${list(late, 'nl')}. Plan ${one ? 'haar' : 'ze'} eerder, of leg uit waarom dat niet kan.`,
      `${one ? 'One PS-side event falls' : `${late.length} PS-side events fall`} on or after ${deadline.what.en} (${deadline.date}), so the input comes too late to be weighed: ${list(late, 'en')}. Schedule ${one ? 'it' : 'them'} earlier, or explain why that is not possible.`,
      ids,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// G3-07
// ---------------------------------------------------------------------------------------------

/**
 * G3-07 — For an omgevingsvisie, programma or projectbesluit, the draft adoption decision already contains the
 * participation statement (how involved + results; for PS also how the participation policy was applied): a proposal
 * document with a non-empty `participatieverklaring`. Enforced hard at T4 (G4-06). The duty is artikel 10.7
 * Omgevingsbesluit for an omgevingsvisie, artikel 10.8 Omgevingsbesluit for a programma and artikel 5.51 Omgevingswet
 * for a projectbesluit (issue #11; sources in `PARTICIPATIEVERKLARING_ARTIKEL`).
 */
export const participatieverklaringInOntwerp: Requirement = {
  id: 'G3-07',
  transition: 'T3',
  events: ['ADVANCE'],
  label: {
    nl: 'Participatieverklaring (Omgevingswet) in het ontwerp-vaststellingsbesluit',
    en: 'Participation statement (Omgevingswet) in the draft adoption decision',
  },
  rule: 'For omgevingsvisie/programma (and, per issue #11, projectbesluit): the draft adoption decision already contains the participation statement (how involved + results + how the decentral participation policy was applied). Enforced hard at T4.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'law',
    label: 'law (Omgevingswet)',
    basis: 'artikel 10.7 Omgevingsbesluit (omgevingsvisie) [S24a]; artikel 10.8 Omgevingsbesluit (programma); artikel 5.51 Omgevingswet (projectbesluit)',
    verified: true,
    note: 'The brief cited the programma as Ob 10.7 and left Ob 10.8 unverified; issue #11 corrects it: a programma falls under artikel 10.8 Omgevingsbesluit (https://aandeslagmetdeomgevingswet.nl/thema/inspiratiegids/participatie-wet/programma/) and a projectbesluit under artikel 5.51 Omgevingswet.',
  },
  appliesWhen: verklaringInstrumentApplies,
  check: (f) => {
    const type = f.classification.instrumentType;
    const art = isVerklaringInstrument(type) ? PARTICIPATIEVERKLARING_ARTIKEL[type] : PARTICIPATIEVERKLARING_ARTIKEL.omgevingsvisie;
    const proposals = f.documents.filter(isProposal);
    const withStatement = last(proposals.filter((d) => filled(d.data.participatieverklaring)));
    if (withStatement) {
      return met(
        [withStatement.id],
        `Het voorstel (${docRef(withStatement)}) bevat de participatieverklaring voor ${art.het} (${art.nl}).`,
        `The proposal (${docRef(withStatement)}) contains the participation statement for the ${type ?? ''} (${art.en}).`,
      );
    }
    const checked = proposals.length
      ? { nl: ` Gecontroleerd: ${proposals.map(docRef).join(', ')}.`, en: ` Checked: ${proposals.map(docRef).join(', ')}.` }
      : { nl: ` Er is nog geen voorstel vastgelegd (${PROPOSAL_NAMES.nl}).`, en: ` No proposal has been recorded yet (${PROPOSAL_NAMES.en}).` };
    const ps = type !== 'projectbesluit';
    return missing(
      `Het ontwerp-vaststellingsbesluit voor ${art.het} bevat nog geen participatieverklaring: vermeld hoe inwoners, bedrijven, maatschappelijke organisaties en bestuursorganen zijn betrokken en wat de resultaten zijn${ps ? ', en (bij vaststelling door PS) hoe het participatiebeleid is toegepast' : ''} (veld participatieverklaring op het voorstel, ${art.nl}). Bij T4 is dit een harde eis (G4-06).${checked.nl}`,
      `The draft adoption decision for the ${type ?? ''} does not yet contain a participation statement: state how residents, businesses, civil-society organisations and public bodies were involved and what the results were${ps ? ', and (if PS adopt it) how the participation policy was applied' : ''} (field participatieverklaring on the proposal, ${art.en}). At T4 this is a hard requirement (G4-06).${checked.en}`,
      proposals.map((d) => d.id),
    );
  },
};

/** The T3 guards in domain-brief order. */
export const T3_REQUIREMENTS: readonly Requirement[] = [
  participatieparagraafInGsVoorstel,
  uniformeOpenbareVoorbereiding,
  voorgenomenBesluitAanPs,
  publicatieGsVoorstel,
  doeWatJeZegt,
  psEvenementenVoorDeadline,
  participatieverklaringInOntwerp,
];

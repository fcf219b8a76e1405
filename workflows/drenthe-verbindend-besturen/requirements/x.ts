/**
 * Guards that hold on any transition (domain-brief §8 "X: any transition"): who may fire a transition, the
 * completeness and announcement of participation activities, the waivers used, and going back a phase.
 */
import { addDays, daysBetween, isIsoDate } from '../../dates';
import { ACTORS, ActiviteitData, EvidenceRecord, NIVEAUS, WAIVER_REASON_CODES } from '../../evidence';
import { amsterdamDate, DossierFacts } from '../../facts';
import { always, met, missing, Requirement } from '../../requirement';
import { instrumentById, isCatalogueInstrument, OTHER_INSTRUMENT_ID } from '../instruments';
import { correctionChain, filled, joinEn, joinNl } from './shared';


const capitalise = (s: string): string => (s ? `${s[0].toUpperCase()}${s.slice(1)}` : s);

type ActivityRec = EvidenceRecord<'activiteit'> & { data: ActiviteitData };

/** How an activity is named in an explanation: record id, instrument and date. */
function activityName(a: ActivityRec): { nl: string; en: string } {
  const label = instrumentById(a.data.instrumentId)?.label.nl;
  const instrument = filled(a.data.instrumentLabel) ? a.data.instrumentLabel : filled(label) ? label : filled(a.data.instrumentId) ? a.data.instrumentId : null;
  const date = filled(a.data.startOn) ? a.data.startOn : null;
  const parts = [instrument, date].filter((p): p is string => p !== null);
  return {
    nl: `activiteit ${a.id}${parts.length ? ` (${parts.join(', ')})` : ''}`,
    en: `activity ${a.id}${parts.length ? ` (${parts.join(', ')})` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// X-01
// ---------------------------------------------------------------------------------------------

/**
 * X-01 — Only the beleidsmedewerker to whom the dossier is assigned may fire a transition; griffie and auditors
 * are read-only (the griffie may add remarks and flags). Practice: the system's user roles (brief). Evaluated on
 * an attempt; a preview without an actor has nobody to check.
 */
export const alleenToegewezenBeleidsmedewerker: Requirement = {
  id: 'X-01',
  transition: 'X',
  events: ['ADVANCE', 'RETURN', 'WITHDRAW', 'NEW_CYCLE'],
  label: {
    nl: 'Alleen de toegewezen beleidsmedewerker start een overgang',
    en: 'Only the assigned beleidsmedewerker fires a transition',
  },
  rule: 'Only a beleidsmedewerker assigned to the dossier can fire a transition. Griffie and auditors are read-only (the griffie may add remarks/flags).',
  severity: 'hard',
  waivable: false,
  origin: { kind: 'practice', label: 'practice (system roles)', basis: 'brief (user roles)', verified: true },
  appliesWhen: {
    description: {
      nl: 'er wordt een overgang aangevraagd door een gebruiker (geen voorvertoning zonder actor)',
      en: 'a user attempts a transition (not a preview without an actor)',
    },
    test: (f) => f.attempt !== null,
    whyNot: () => ({
      nl: 'er wordt geen overgang aangevraagd; dit is een voorvertoning zonder gebruiker die de overgang start',
      en: 'no transition is being attempted; this is a preview without a user firing the transition',
    }),
  },
  check: (f) => {
    const attempt = f.attempt;
    if (!attempt) {
      return missing('Er is geen gebruiker die de overgang aanvraagt.', 'There is no user attempting the transition.');
    }
    const { id, roles } = attempt.actor;
    const problemsNl: string[] = [];
    const problemsEn: string[] = [];
    if (!roles.includes('beleidsmedewerker')) {
      const r = roles.length ? roles.join(', ') : 'geen';
      const rEn = roles.length ? roles.join(', ') : 'none';
      problemsNl.push(
        `gebruiker ${id} heeft niet de rol beleidsmedewerker (rollen: ${r}); griffie en auditors hebben alleen leesrechten (de griffie kan opmerkingen en vlaggen toevoegen)`,
      );
      problemsEn.push(
        `user ${id} does not have the beleidsmedewerker role (roles: ${rEn}); griffie and auditors are read-only (the griffie may add remarks and flags)`,
      );
    }
    if (f.assigneeId === null) {
      problemsNl.push('het dossier is aan niemand toegewezen; wijs het eerst toe aan een beleidsmedewerker');
      problemsEn.push('the dossier is not assigned to anyone; assign it to a beleidsmedewerker first');
    } else if (f.assigneeId !== id) {
      problemsNl.push(`het dossier is toegewezen aan ${f.assigneeId}, niet aan ${id}`);
      problemsEn.push(`the dossier is assigned to ${f.assigneeId}, not to ${id}`);
    }
    if (problemsNl.length) {
      return missing(
        `Alleen de aan het dossier toegewezen beleidsmedewerker kan deze overgang starten: ${problemsNl.join('; ')}.`,
        `Only the beleidsmedewerker assigned to the dossier can fire this transition: ${problemsEn.join('; ')}.`,
      );
    }
    return met([], `${id} is de toegewezen beleidsmedewerker van dit dossier.`, `${id} is the beleidsmedewerker assigned to this dossier.`);
  },
};

// ---------------------------------------------------------------------------------------------
// X-02
// ---------------------------------------------------------------------------------------------

/** The fields X-02 finds missing or wrong on one activity, in both languages. */
function activityGaps(a: ActivityRec): Array<{ nl: string; en: string }> {
  const d = a.data;
  const gaps: Array<{ nl: string; en: string }> = [];
  if (d.instrumentId === OTHER_INSTRUMENT_ID) {
    if (!filled(d.instrumentLabel)) {
      gaps.push({
        nl: `omschrijving van het instrument (instrumentLabel, verplicht bij '${OTHER_INSTRUMENT_ID}')`,
        en: `instrument description (instrumentLabel, required with '${OTHER_INSTRUMENT_ID}')`,
      });
    }
  } else if (!filled(d.instrumentId)) {
    gaps.push({
      nl: `instrument (een id uit de instrumentencatalogus, of '${OTHER_INSTRUMENT_ID}' met een omschrijving)`,
      en: `instrument (an id from the instrument catalogue, or '${OTHER_INSTRUMENT_ID}' with a description)`,
    });
  } else if (!isCatalogueInstrument(d.instrumentId)) {
    gaps.push({
      nl: `bekend instrument ('${d.instrumentId}' staat niet in de instrumentencatalogus; gebruik '${OTHER_INSTRUMENT_ID}' met een omschrijving)`,
      en: `known instrument ('${d.instrumentId}' is not in the instrument catalogue; use '${OTHER_INSTRUMENT_ID}' with a description)`,
    });
  }
  if (!(ACTORS as readonly string[]).includes(d.organisator)) {
    gaps.push({ nl: 'organisator (PS, GS of Inwoners)', en: 'organiser (PS, GS or Inwoners)' });
  }
  if (!Array.isArray(d.doelgroepen) || !d.doelgroepen.some(filled)) {
    gaps.push({ nl: 'ten minste één doelgroep', en: 'at least one target group' });
  }
  if (!filled(d.startOn) || !isIsoDate(d.startOn)) {
    gaps.push({ nl: 'datum (startOn)', en: 'date (startOn)' });
  } else if (d.endOn !== undefined && (!isIsoDate(d.endOn) || d.endOn < d.startOn)) {
    gaps.push({
      nl: `geldige einddatum (${d.endOn} ligt vóór de startdatum ${d.startOn} of is geen datum)`,
      en: `valid end date (${d.endOn} is before the start date ${d.startOn} or is not a date)`,
    });
  }
  if (d.inwonersGericht && !(d.niveau !== undefined && (NIVEAUS as readonly string[]).includes(d.niveau))) {
    gaps.push({
      nl: 'niveau (informeren, consulteren of meebeslissen; verplicht omdat de activiteit op inwoners gericht is)',
      en: 'level (informeren, consulteren or meebeslissen; required because the activity is resident-facing)',
    });
  }
  return gaps;
}

/**
 * X-02 — Every recorded participation activity names its instrument (catalogue id, or `other` with a label), its
 * organiser (PS/GS/Inwoners), its target group(s) and date, and — when resident-facing — its level (informeren,
 * consulteren, meebeslissen). Seed structure (the matrix of phases × PS/GS/Inwoners, levels only for Inwoners) and
 * practice (Overijssel: a rung per target group).
 */
export const activiteitenVolledigVastgelegd: Requirement = {
  id: 'X-02',
  transition: 'X',
  events: ['ADVANCE', 'NEW_CYCLE'],
  label: { nl: 'Participatieactiviteiten volledig vastgelegd', en: 'Participation activities fully recorded' },
  rule: 'Every recorded participation activity has: instrument id (catalogue §7.8 or `other`), organising actor (PS/GS/Inwoners), target group(s), date(s), and for resident-facing activities a level ∈ {informeren, consulteren, meebeslissen}.',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed structure + practice',
    basis: 'seed matrix; Overijssel: rung per target group [S26c]',
    seedQuote:
      'In de tabel worden de rollen, instrumenten ten behoeve van transparantie en de instrumenten ten behoeve van participatie (invloedsuitoefening) (rijen) zichtbaar gemaakt voor zowel PS, GS én inwoners (kolommen).',
    verified: true,
    note: 'A data-completeness rule over the seed matrix: only the Inwoners column of the seed carries levels.',
  },
  appliesWhen: always,
  check: (f) => {
    const ids = f.activities.map((a) => a.id);
    if (!f.activities.length) {
      return met([], 'Er zijn geen participatieactiviteiten vastgelegd, dus ook geen onvolledig vastgelegde.', 'No participation activities are recorded; nothing is incomplete.');
    }
    const incomplete = f.activities
      .map((a) => ({ a, gaps: activityGaps(a) }))
      .filter(({ gaps }) => gaps.length > 0);
    if (incomplete.length) {
      const nl = incomplete.map(({ a, gaps }) => `${activityName(a).nl} mist: ${joinNl(gaps.map((g) => g.nl))}`);
      const en = incomplete.map(({ a, gaps }) => `${activityName(a).en} lacks: ${joinEn(gaps.map((g) => g.en))}`);
      return missing(
        `${incomplete.length} van de ${f.activities.length} participatieactiviteiten ${incomplete.length === 1 ? 'is' : 'zijn'} onvolledig vastgelegd. ${nl.map(capitalise).join('. ')}.`,
        `${incomplete.length} of ${f.activities.length} participation activities ${incomplete.length === 1 ? 'is' : 'are'} incompletely recorded. ${en.map(capitalise).join('. ')}.`,
        incomplete.map(({ a }) => a.id),
      );
    }
    return met(
      ids,
      f.activities.length === 1
        ? 'De participatieactiviteit heeft een instrument, organisator, ten minste één doelgroep, een datum en — waar op inwoners gericht — een niveau.'
        : `Alle ${f.activities.length} participatieactiviteiten hebben een instrument, organisator, ten minste één doelgroep, een datum en — waar op inwoners gericht — een niveau.`,
      f.activities.length === 1
        ? 'The participation activity has an instrument, organiser, at least one target group, a date and — where resident-facing — a level.'
        : `All ${f.activities.length} participation activities have an instrument, organiser, at least one target group, a date and — where resident-facing — a level.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// X-03
// ---------------------------------------------------------------------------------------------

const activeActivities = (f: DossierFacts): ActivityRec[] => f.activities.filter((a) => a.data.status !== 'geannuleerd');

/**
 * X-03 — Each participation activity that was not cancelled was announced publicly (channel and date) at least
 * `settings.announcementLeadDays` days before it took place. Seed: "Tijdig en breed initiatieven aankondigen";
 * Blijvend in verbinding wish 3 "Betrek inwoners vroegtijdig".
 */
export const activiteitenTijdigAangekondigd: Requirement = {
  id: 'X-03',
  transition: 'X',
  events: ['ADVANCE', 'NEW_CYCLE'],
  label: { nl: 'Participatieactiviteiten tijdig aangekondigd', en: 'Participation activities announced in good time' },
  rule: 'Each participation activity was announced publicly (channel + date) a configurable number of days before it took place.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'seed',
    label: 'seed',
    basis: 'seed: "Tijdig en breed initiatieven aankondigen"; [S2] wish 3 "Betrek inwoners vroegtijdig"',
    seedQuote: 'Tijdig en breed initiatieven aankondigen',
    verified: true,
    note: 'The lead time is the rule-set setting announcementLeadDays.',
  },
  appliesWhen: {
    description: {
      nl: 'er is ten minste één participatieactiviteit die niet is geannuleerd',
      en: 'at least one participation activity has not been cancelled',
    },
    test: (f) => activeActivities(f).length > 0,
    whyNot: (f) =>
      f.activities.length === 0
        ? { nl: 'er zijn bij dit dossier geen participatieactiviteiten vastgelegd', en: 'no participation activities are recorded for this dossier' }
        : {
            nl: `${f.activities.length === 1 ? 'de enige vastgelegde participatieactiviteit is' : `alle ${f.activities.length} vastgelegde participatieactiviteiten zijn`} geannuleerd`,
            en: `${f.activities.length === 1 ? 'the only participation activity on record was' : `all ${f.activities.length} participation activities on record were`} cancelled`,
          },
  },
  check: (f) => {
    const lead = f.settings.announcementLeadDays;
    const activities = activeActivities(f);
    const late: Array<{ id: string; nl: string; en: string }> = [];
    for (const a of activities) {
      const name = activityName(a);
      const { startOn, aankondiging } = a.data;
      if (!isIsoDate(startOn)) {
        late.push({
          id: a.id,
          nl: `${name.nl}: geen geldige startdatum, dus de aankondigingstermijn is niet te toetsen`,
          en: `${name.en}: no valid start date, so the announcement lead time cannot be checked`,
        });
        continue;
      }
      const deadline = addDays(startOn, -lead);
      if (!aankondiging || !isIsoDate(aankondiging.datum)) {
        late.push({
          id: a.id,
          nl: `${name.nl}: geen openbare aankondiging (kanaal en datum) vastgelegd; uiterlijk op ${deadline} aankondigen`,
          en: `${name.en}: no public announcement (channel and date) recorded; announce by ${deadline} at the latest`,
        });
        continue;
      }
      const gaps: Array<{ nl: string; en: string }> = [];
      if (aankondiging.datum > deadline) {
        const days = daysBetween(aankondiging.datum, startOn);
        // An announcement on or after the day itself is no announcement "vooraf": say so, never "-31 dagen vooraf".
        const when =
          days > 0
            ? { nl: `${days} dag${days === 1 ? '' : 'en'} vooraf`, en: `${days} day${days === 1 ? '' : 's'} ahead` }
            : days === 0
              ? { nl: 'op de dag van de activiteit zelf', en: 'on the day of the activity itself' }
              : { nl: `${-days} dag${days === -1 ? '' : 'en'} ná de start van de activiteit`, en: `${-days} day${days === -1 ? '' : 's'} after the activity started` };
        gaps.push({
          nl: `aangekondigd op ${aankondiging.datum}, ${when.nl}; minstens ${lead} dagen vooraf is vereist (uiterlijk ${deadline})`,
          en: `announced on ${aankondiging.datum}, ${when.en}; at least ${lead} days ahead is required (by ${deadline})`,
        });
      }
      if (!filled(aankondiging.kanaal)) {
        gaps.push({ nl: 'het kanaal van de aankondiging ontbreekt', en: 'the announcement channel is missing' });
      }
      if (gaps.length) {
        late.push({ id: a.id, nl: `${name.nl}: ${joinNl(gaps.map((g) => g.nl))}`, en: `${name.en}: ${joinEn(gaps.map((g) => g.en))}` });
      }
    }
    if (late.length) {
      return missing(
        `${late.length} van de ${activities.length} activiteiten ${late.length === 1 ? 'is' : 'zijn'} niet tijdig of niet volledig openbaar aangekondigd (minstens ${lead} dagen vooraf, met kanaal en datum). ${late.map((l) => capitalise(l.nl)).join('. ')}.`,
        `${late.length} of ${activities.length} activities ${late.length === 1 ? 'was' : 'were'} not announced publicly in good time or completely (at least ${lead} days ahead, with channel and date). ${late.map((l) => capitalise(l.en)).join('. ')}.`,
        late.map((l) => l.id),
      );
    }
    return met(
      activities.map((a) => a.id),
      activities.length === 1 ? `De activiteit is minstens ${lead} dagen vooraf openbaar aangekondigd.` : `Alle ${activities.length} activiteiten zijn minstens ${lead} dagen vooraf openbaar aangekondigd.`,
      activities.length === 1 ? `The activity was announced publicly at least ${lead} days ahead.` : `All ${activities.length} activities were announced publicly at least ${lead} days ahead.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// X-04
// ---------------------------------------------------------------------------------------------

/**
 * X-04 — A waiver of a seed/policy-derived hard guard carries a reason code, a free-text motivation and an
 * approver other than the requester; it is shown to the griffie. Law-derived guards cannot be waived (those are
 * `waivable: false`, and `decide()` never applies a waiver to them). Practice: exclusions in inspraak bye-laws,
 * Gelderland art. 2.1(2), Zuid-Holland art. 2 "tenzij".
 */
export const vrijstellingenGemotiveerd: Requirement = {
  id: 'X-04',
  transition: 'X',
  events: ['ADVANCE', 'NEW_CYCLE'],
  label: {
    nl: 'Vrijstellingen hebben redencode, motivering en een andere goedkeurder',
    en: 'Waivers have a reason code, motivation and a different approver',
  },
  rule: 'A **waiver** of a seed/policy-derived hard guard needs a reason code (`ondergeschikte-wijziging`, `uitvoering-hogere-regelgeving-zonder-beleidsruimte`, `wettelijk-uitgesloten`, `begroting-tarieven-belastingen`, `spoed`, `anders`), a free-text motivation and an approver. It is shown to the griffie. **Law-derived guards cannot be waived.**',
  severity: 'hard',
  waivable: false,
  origin: {
    kind: 'practice',
    label: 'practice',
    basis: 'exclusions in inspraak bye-laws [S34]; Gelderland art 2.1(2) [S26a]; Zuid-Holland art 2 "tenzij" [S26b]',
    verified: true,
  },
  appliesWhen: {
    description: { nl: 'er is voor dit dossier een vrijstelling aangevraagd', en: 'a waiver has been requested for this dossier' },
    test: (f) => f.waivers.length > 0,
    whyNot: () => ({ nl: 'voor dit dossier is geen vrijstelling aangevraagd', en: 'no waiver has been requested for this dossier' }),
  },
  check: (f) => {
    const relevant = f.waivers.filter((w) => w.status === 'approved' || w.status === 'used');
    if (!relevant.length) {
      const requested = f.waivers.filter((w) => w.status === 'requested').length;
      const rejected = f.waivers.filter((w) => w.status === 'rejected').length;
      const nl = [requested ? `${requested} ${requested === 1 ? 'wacht' : 'wachten'} op een besluit` : '', rejected ? `${rejected} ${rejected === 1 ? 'is' : 'zijn'} afgewezen` : ''].filter(Boolean);
      const en = [requested ? `${requested} awaiting a decision` : '', rejected ? `${rejected} rejected` : ''].filter(Boolean);
      return met(
        f.waivers.map((w) => w.id),
        `Geen vrijstelling is goedgekeurd of gebruikt, dus er is geen vrijstelling die aan de eisen moet voldoen (aangevraagd: ${f.waivers.length}; daarvan ${joinNl(nl)}).`,
        `No waiver has been approved or used, so no waiver has to meet these conditions (requested: ${f.waivers.length}; of these ${joinEn(en)}).`,
      );
    }
    const faulty: Array<{ id: string; nl: string; en: string }> = [];
    for (const w of relevant) {
      const gaps: Array<{ nl: string; en: string }> = [];
      if (!filled(w.reasonCode)) {
        gaps.push({ nl: 'redencode ontbreekt', en: 'reason code missing' });
      } else if (!(WAIVER_REASON_CODES as readonly string[]).includes(w.reasonCode)) {
        gaps.push({
          nl: `onbekende redencode '${w.reasonCode}' (toegestaan: ${WAIVER_REASON_CODES.join(', ')})`,
          en: `unknown reason code '${w.reasonCode}' (allowed: ${WAIVER_REASON_CODES.join(', ')})`,
        });
      }
      if (!filled(w.motivation)) gaps.push({ nl: 'motivering ontbreekt', en: 'motivation missing' });
      if (!filled(w.approvedBy)) {
        gaps.push({ nl: 'goedkeurder ontbreekt', en: 'approver missing' });
      } else if (w.approvedBy === w.requestedBy) {
        gaps.push({
          nl: `goedgekeurd door de aanvrager zelf (${w.requestedBy}); een ander moet goedkeuren`,
          en: `approved by the requester (${w.requestedBy}); someone else must approve`,
        });
      }
      if (gaps.length) {
        faulty.push({
          id: w.id,
          nl: `vrijstelling ${w.id} van ${w.requirementId}: ${joinNl(gaps.map((g) => g.nl))}`,
          en: `waiver ${w.id} of ${w.requirementId}: ${joinEn(gaps.map((g) => g.en))}`,
        });
      }
    }
    if (faulty.length) {
      return missing(
        `${faulty.length} vrijstelling${faulty.length === 1 ? ' is' : 'en zijn'} niet in orde: ${faulty.map((x) => x.nl).join('; ')}.`,
        `${faulty.length} waiver${faulty.length === 1 ? ' is' : 's are'} not in order: ${faulty.map((x) => x.en).join('; ')}.`,
        faulty.map((x) => x.id),
      );
    }
    return met(
      relevant.map((w) => w.id),
      `${relevant.length} vrijstelling${relevant.length === 1 ? ' heeft' : 'en hebben'} een redencode, een motivering en een goedkeurder die niet de aanvrager is.`,
      `${relevant.length} waiver${relevant.length === 1 ? ' has' : 's have'} a reason code, a motivation and an approver other than the requester.`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// X-05
// ---------------------------------------------------------------------------------------------

/** A superseded record that held a participatieparagraaf (plan): a change of the paragraph. */
function isParticipatieparagraafRecord(r: EvidenceRecord): r is EvidenceRecord<'document'> {
  if (r.kind !== 'document') return false;
  const d = (r as EvidenceRecord<'document'>).data;
  return d.participatieparagraaf !== undefined || d.documentType === 'participatieparagraaf-plan';
}

/**
 * Whether a participatieparagraaf record had been made known before `changedOn`: its document was sent to PS
 * (`verzondenAanPsOn`), or a publication of it (linked by `documentId`, or the startnotitie publication for a
 * startnotitie) appeared, on or before that day.
 */
function wasAnnounced(f: DossierFacts, old: EvidenceRecord<'document'>, changedOn: string): boolean {
  const d = old.data;
  if (filled(d.verzondenAanPsOn) && d.verzondenAanPsOn <= changedOn) return true;
  const versions = correctionChain(f, old.id);
  return f.publications.some(
    (p) =>
      p.data.publishedOn <= changedOn &&
      (p.data.documentId !== undefined
        ? versions.has(p.data.documentId)
        : d.documentType === 'startnotitie' && p.data.onderwerp === 'startnotitie'),
  );
}

/**
 * X-05 — Going back a phase needs a reason; if the participatieparagraaf changed, the change is fed back to the
 * participants (a terugkoppeling aan 'deelnemers', onderwerp 'participatieparagraaf-wijziging', recorded after the
 * change). A correction counts as a change only when the paragraph's content differs and the old paragraph had
 * already been announced (sent to PS or published). Practice: Blijvend in verbinding wishes 8–9 (honesty about what is open; say how input is used).
 */
export const terugzettenMetRedenEnHeraankondiging: Requirement = {
  id: 'X-05',
  transition: 'X',
  events: ['RETURN'],
  label: {
    nl: 'Terugzetten met reden; gewijzigde participatieparagraaf opnieuw aan deelnemers gemeld',
    en: 'Going back with a reason; a changed participatieparagraaf re-announced to participants',
  },
  rule: 'A backward transition needs a reason. If the participatieparagraaf changes, the change must be re-announced to participants.',
  severity: 'advisory',
  waivable: false,
  origin: { kind: 'practice', label: 'practice', basis: '[S2] wishes 8–9', verified: true },
  appliesWhen: always,
  check: (f) => {
    const gapsNl: string[] = [];
    const gapsEn: string[] = [];
    const ids: string[] = [];

    const reason = f.attempt?.reason;
    if (!filled(reason)) {
      gapsNl.push('er is geen reden opgegeven voor het terugzetten naar de vorige fase (geef een reden op bij de overgang)');
      gapsEn.push('no reason was given for going back to the previous phase (give a reason with the transition)');
    }

    // A change of the paragraph is the recording of a record that supersedes one holding it with a different
    // paragraph — and only once the old paragraph had been announced (sent to PS or published). Correcting a
    // paragraph nobody has seen yet (e.g. on the day it was written) needs no re-announcement (issue #11).
    const all: EvidenceRecord[] = [...f.documents, ...f.superseded];
    const changes = f.superseded
      .filter(isParticipatieparagraafRecord)
      .map((old) => {
        const by = all.find((r) => r.supersedes === old.id) as EvidenceRecord<'document'> | undefined;
        return { old, by, byId: by?.id ?? old.id, at: by?.recordedAt ?? old.recordedAt };
      })
      .filter(({ old, by }) => !by || JSON.stringify(by.data.participatieparagraaf ?? null) !== JSON.stringify(old.data.participatieparagraaf ?? null))
      .filter(({ old, at }) => wasAnnounced(f, old, amsterdamDate(at)));
    let changeNl = '';
    let changeEn = '';
    if (changes.length) {
      const last = changes.reduce((a, b) => (b.at > a.at ? b : a));
      const feedback = f.feedback.filter(
        (t) => t.data.aan === 'deelnemers' && t.data.onderwerp === 'participatieparagraaf-wijziging' && t.recordedAt > last.at,
      );
      const on = amsterdamDate(last.at);
      if (feedback.length) {
        ids.push(last.byId, ...feedback.map((t) => t.id));
        changeNl = ` De wijziging van de participatieparagraaf van ${on} is aan de deelnemers teruggekoppeld (${feedback.map((t) => t.id).join(', ')}).`;
        changeEn = ` The change of the participatieparagraaf on ${on} was fed back to the participants (${feedback.map((t) => t.id).join(', ')}).`;
      } else {
        ids.push(last.byId);
        gapsNl.push(
          `de participatieparagraaf is op ${on} gewijzigd (${last.byId} vervangt ${last.old.id}), maar daarna is geen terugkoppeling aan de deelnemers vastgelegd (terugkoppeling aan 'deelnemers', onderwerp 'participatieparagraaf-wijziging')`,
        );
        gapsEn.push(
          `the participatieparagraaf was changed on ${on} (${last.byId} replaces ${last.old.id}), but no feedback to participants was recorded after that (terugkoppeling to 'deelnemers', subject 'participatieparagraaf-wijziging')`,
        );
      }
    }

    if (gapsNl.length) {
      return missing(`Het terugzetten is nog niet in orde: ${gapsNl.join('; ')}.`, `Going back is not yet in order: ${gapsEn.join('; ')}.`, ids);
    }
    return met(
      ids,
      `Reden voor het terugzetten: "${reason ?? ''}".${changes.length ? changeNl : ' De participatieparagraaf is niet gewijzigd.'}`,
      `Reason for going back: "${reason ?? ''}".${changes.length ? changeEn : ' The participatieparagraaf has not changed.'}`,
    );
  },
};

/** The X guards of domain-brief §8, in brief order. */
export const X_REQUIREMENTS: readonly Requirement[] = [
  alleenToegewezenBeleidsmedewerker,
  activiteitenVolledigVastgelegd,
  activiteitenTijdigAangekondigd,
  vrijstellingenGemotiveerd,
  terugzettenMetRedenEnHeraankondiging,
];

/**
 * 2025, T2 (voorbereiding-beleid → ontwikkeling-voorstel): what the Beleidskader participatie "Blijvend in
 * verbinding" asks of the plan before participants are invited, and that residents are involved before a plan is
 * ready. New ids in the 5x range (G2-51, G2-52) mark rules that exist only from 2025 on.
 */
import { PhaseId } from '../../../evidence';
import { met, missing, Requirement, always } from '../../../requirement';
import { planSource } from '../../../participation';
import { participatieparagraafVolledig } from '../../requirements/t2';
import { filled, joinEn, joinNl } from '../../requirements/shared';
import { activitiesWithParticipants, activityRef } from './shared';
import { BLIJVEND_IN_VERBINDING } from './sources';

const BIV = BLIJVEND_IN_VERBINDING;

/** The phases in which the plan puts participation: every phase it gives a level or an instrument for. */
export function plannedPhases(p: NonNullable<ReturnType<typeof planSource>>['data']['participatieparagraaf']): PhaseId[] {
  const phases = [...(p?.niveaus ?? []).map((n) => n?.fase), ...(p?.instrumenten ?? []).map((i) => i?.fase)].filter((fase): fase is PhaseId => filled(fase));
  return [...new Set(phases)];
}

/**
 * G2-51 (2025) — The participatieparagraaf (plan) states the question put to participants (wish 6), the room for
 * influence in every phase in which it plans participation (wish 7: "speelruimte of adviesruimte"), and the work
 * already done before participants join (wish 8: "eerlijk over het voorwerk"). It applies where 2021's G2-02 does (a
 * strategic topic without a waived G2-01, or a plan recorded anyway). Hard and waivable (X-04), like the seed's own
 * hard rules: it comes from a beleidsregel, not from a statute.
 */
export const vraagRuimteEnVoorwerk: Requirement = {
  id: 'G2-51',
  transition: 'T2',
  events: ['ADVANCE'],
  label: {
    nl: 'Participatieplan noemt de vraag, de ruimte voor invloed per fase en het voorwerk (2025)',
    en: 'Participation plan states the question, the room for influence per phase and the prior work (2025)',
  },
  rule: 'The participatieparagraaf (plan) states the clear question to participants, the room for influence in each phase in which participation is planned, and the preparatory work already done.',
  severity: 'hard',
  waivable: true,
  origin: {
    kind: 'practice',
    label: 'beleidskader 2025 (Blijvend in verbinding)',
    basis: `${BIV.ref}, wensen 6, 7 en 8: "${BIV.wens[6]}" "${BIV.wens[7]}" "${BIV.wens[8]}" — ${BIV.url}`,
    verified: true,
    note: 'The wishes were read in the published beleidsregel; the rest of the beleidskader (any steps or mandatory elements after the wishes) was not retrieved.',
  },
  appliesWhen: participatieparagraafVolledig.appliesWhen,
  check: (f) => {
    const doc = planSource(f);
    if (!doc) {
      return missing(
        'Er is geen participatieparagraaf (plan) met inhoud vastgelegd. Leg de participatieparagraaf vast met de vraag aan de deelnemers (vraag), de ruimte voor invloed per fase (ruimtePerFase) en het voorwerk dat al is gedaan (voorwerk).',
        'No participatieparagraaf (plan) with content is recorded. Record it with the question to participants (vraag), the room for influence per phase (ruimtePerFase) and the prior work already done (voorwerk).',
      );
    }
    const p = doc.data.participatieparagraaf ?? {};
    const gaps: Array<{ nl: string; en: string }> = [];
    if (!filled(p.vraag)) gaps.push({ nl: 'de vraag aan de deelnemers (vraag; wens 6)', en: 'the question to participants (vraag; wish 6)' });
    const phases = plannedPhases(p);
    const stated = (p.ruimtePerFase ?? []).filter((r) => filled(r?.ruimte)).map((r) => r.fase);
    const open = phases.filter((fase) => !stated.includes(fase));
    if (phases.length === 0 && stated.length === 0) {
      gaps.push({ nl: 'de ruimte voor invloed per fase (ruimtePerFase; wens 7)', en: 'the room for influence per phase (ruimtePerFase; wish 7)' });
    } else if (open.length > 0) {
      gaps.push({
        nl: `de ruimte voor invloed in ${open.length === 1 ? 'fase' : 'de fasen'} ${joinNl(open)}, waarin het plan participatie zet (ruimtePerFase; wens 7)`,
        en: `the room for influence in phase${open.length === 1 ? '' : 's'} ${joinEn(open)}, in which the plan puts participation (ruimtePerFase; wish 7)`,
      });
    }
    if (!filled(p.voorwerk)) gaps.push({ nl: 'het voorwerk dat al is gedaan (voorwerk; wens 8)', en: 'the prior work already done (voorwerk; wish 8)' });
    if (gaps.length > 0) {
      return missing(
        `De participatieparagraaf in '${doc.data.titel}' (${doc.id}) mist wat het Beleidskader participatie 2025 vraagt: ${joinNl(gaps.map((g) => g.nl))}.`,
        `The participatieparagraaf in '${doc.data.titel}' (${doc.id}) lacks what the 2025 Beleidskader participatie asks: ${joinEn(gaps.map((g) => g.en))}.`,
        [doc.id],
      );
    }
    return met(
      [doc.id],
      `De participatieparagraaf in '${doc.data.titel}' stelt de vraag aan de deelnemers, noemt de ruimte voor invloed per fase (${joinNl(stated)}) en het voorwerk.`,
      `The participatieparagraaf in '${doc.data.titel}' states the question to participants, the room for influence per phase (${joinEn(stated)}) and the prior work.`,
    );
  },
};

const EARLY_PHASES: readonly PhaseId[] = ['voorfase-agendasetting', 'voorbereiding-beleid'];

/**
 * G2-52 (2025) — Residents were involved before a plan is ready (wish 3: "Betrek inwoners vroegtijdig. Niet pas op
 * het moment dat er al een plan klaarligt."): at least one activity with residents was carried out in the
 * voorfase or in voorbereiding-beleid, on or before today. Advisory: the beleidskader asks it, and there can be good
 * reasons (to be explained when advancing) why a dossier cannot.
 */
export const inwonersVroegtijdigBetrokken: Requirement = {
  id: 'G2-52',
  transition: 'T2',
  events: ['ADVANCE'],
  label: { nl: 'Inwoners betrokken voordat er een plan ligt (2025)', en: 'Residents involved before a plan is ready (2025)' },
  rule: 'At least one participation activity with residents was carried out in voorfase-agendasetting or voorbereiding-beleid, before the proposal is developed.',
  severity: 'advisory',
  waivable: false,
  origin: {
    kind: 'practice',
    label: 'beleidskader 2025 (Blijvend in verbinding)',
    basis: `${BIV.ref}, wens 3: "${BIV.wens[3]}" — ${BIV.url}`,
    verified: true,
  },
  appliesWhen: always,
  check: (f) => {
    const early = activitiesWithParticipants(f, EARLY_PHASES).filter((a) => a.data.startOn <= f.today);
    if (early.length > 0) {
      return met(
        early.map((a) => a.id),
        `Inwoners zijn betrokken voordat er een plan ligt: ${joinNl(early.map((a) => activityRef(a).nl))}.`,
        `Residents were involved before a plan was ready: ${joinEn(early.map((a) => activityRef(a).en))}.`,
      );
    }
    return missing(
      'Er is nog geen activiteit met inwoners uitgevoerd in de voorfase of de voorbereiding van het beleid. Het Beleidskader participatie 2025 vraagt inwoners vroegtijdig te betrekken, niet pas als er al een plan klaarligt (wens 3). Leg een uitgevoerde activiteit met inwoners vast (bijvoorbeeld beginspraak), of licht bij de overgang toe waarom dat niet kon.',
      'No activity with residents has been carried out in the pre-phase or in policy preparation yet. The 2025 Beleidskader participatie asks to involve residents early, not once a plan is ready (wish 3). Record an activity with residents that was carried out (for instance beginspraak), or explain on advancing why that was not possible.',
    );
  },
};

/** The 2025 T2 requirements. */
export const T2_2025: readonly Requirement[] = [vraagRuimteEnVoorwerk, inwonersVroegtijdigBetrokken];

/**
 * The six policy phases (beleidsfasen) of the kader as typed data: per phase its roles (rollen) per actor and the
 * cells the seed leaves empty.
 *
 * Source: "Kader verbindend besturen Provincie Drenthe" (c. 2021–2022), the seed text
 * `seed/kader-verbindend-besturen-drenthe.txt` (a copy of shared/seed), as structured in domain-brief §7.1–§7.7 and its
 * machine-readable twin, domain-brief Appendix A (`phases`, `roles`, `empty_slots`). Generated from Appendix A and
 * checked against the §7 tables and the seed text: Dutch labels are verbatim from the seed, English is a gloss.
 * Change this data only together with the seed and `seed.spec.ts`.
 */
import { Actor, FinalState, PHASE_IDS, PhaseId } from '../evidence';
import type { Text } from '../requirement';

/** One role statement ("Rollen" row) of one actor in one phase. */
export interface RoleStatement {
  /** Stable kebab-case id (domain-brief §7). Unique within a phase; the same id recurs where the seed repeats it. */
  id: string;
  actor: Actor;
  /** `nl` verbatim from the seed; `en` is a gloss. */
  label: Text;
}

/**
 * A cell of the seed's table that is empty, or a slot header with no items. It means "no instrument defined"
 * (domain-brief §7), not "not applicable". `slot` is Appendix A's wording: a transparency slot
 * (`informatievoorziening`, `bijeenkomsten`, `besluiten (no items)`, `transparency (all three)`), `participation`,
 * or an Inwoners level (`informeren`, `consulteren`, `meebeslissen`).
 */
export interface EmptySlot {
  actor: Actor;
  slot: string;
}

/** One policy phase: a state of the dossier machine. */
export interface PhaseDefinition {
  id: PhaseId;
  /** 1..6, the seed's order. */
  order: number;
  label: Text;
  roles: RoleStatement[];
  emptySlots: EmptySlot[];
}

/** The six phases in the seed's order (domain-brief §7.1); `PHASES[i].id === PHASE_IDS[i]`. */
export const PHASES: readonly PhaseDefinition[] = [
  {
    id: 'voorfase-agendasetting',
    order: 1,
    label: { nl: 'Voorfase/Agendasetting', en: 'Pre-phase / agenda-setting' },
    roles: [
      {
        id: 'ps-samenleving-betrekken-agenda',
        actor: 'PS',
        label: {
          nl: 'Betrekken samenleving bij agenda PS: signalen opvangen en mogelijk agenderen (visie 2018)',
          en: 'Involve society in the PS agenda: pick up signals and possibly put them on the agenda (2018 vision)',
        },
      },
      {
        id: 'gs-signalen-agenderen',
        actor: 'GS',
        label: {
          nl: 'Signalen opvangen uit de samenleving en mogelijk agenderen',
          en: 'Pick up signals from society and possibly put them on the agenda',
        },
      },
      {
        id: 'inw-provincie-benaderen',
        actor: 'Inwoners',
        label: {
          nl: 'De provincie (kunnen) benaderen wanneer er een initiatief of wens is',
          en: '(Be able to) approach the province when they have an initiative or wish',
        },
      },
    ],
    emptySlots: [
      { actor: 'Inwoners', slot: 'transparency (all three)' },
    ],
  },
  {
    id: 'voorbereiding-beleid',
    order: 2,
    label: { nl: 'Voorbereiding beleid', en: 'Policy preparation' },
    roles: [
      {
        id: 'ps-representativiteit-belangenafweging',
        actor: 'PS',
        label: {
          nl: 'Bewaken representativiteit, borgen zorgvuldige belangenafweging (2018)',
          en: 'Guard representativeness; ensure careful weighing of interests (2018)',
        },
      },
      {
        id: 'ps-kaders-hoofdlijnen-budget',
        actor: 'PS',
        label: {
          nl: 'Vaststelling kaders op hoofdlijnen (budget)(2018)',
          en: 'Adopt the framework in broad lines, incl. budget (2018)',
        },
      },
      {
        id: 'ps-toegankelijkheid-bestuur',
        actor: 'PS',
        label: {
          nl: 'Waarborgen toegankelijkheid van het provinciaal bestuur',
          en: 'Safeguard accessibility of the provincial administration',
        },
      },
      {
        id: 'gs-voorstel-voorbereiden',
        actor: 'GS',
        label: {
          nl: 'Binnen de gestelde kaders van PS en/of wettelijke uitgangspunten een voorstel voorbereiden',
          en: 'Prepare a proposal within the frameworks set by PS and/or statutory requirements',
        },
      },
    ],
    emptySlots: [
      { actor: 'Inwoners', slot: 'transparency (all three)' },
    ],
  },
  {
    id: 'ontwikkeling-voorstel',
    order: 3,
    label: { nl: 'Ontwikkeling voorstel', en: 'Development of the proposal' },
    roles: [
      {
        id: 'gs-plan-ontwikkelen',
        actor: 'GS',
        label: { nl: 'GS ontwikkelt het plan of voorstel voor PS', en: 'GS develop the plan or proposal for PS' },
      },
    ],
    emptySlots: [
      { actor: 'PS', slot: 'bijeenkomsten' },
      { actor: 'GS', slot: 'bijeenkomsten' },
      { actor: 'PS', slot: 'besluiten (no items)' },
      { actor: 'GS', slot: 'besluiten (no items)' },
      { actor: 'Inwoners', slot: 'informeren' },
      { actor: 'Inwoners', slot: 'consulteren' },
      { actor: 'Inwoners', slot: 'meebeslissen' },
    ],
  },
  {
    id: 'kaderstelling-besluitvorming',
    order: 4,
    label: { nl: 'Kaderstelling/Besluitvorming', en: 'Framework-setting / decision-making' },
    roles: [
      {
        id: 'ps-representativiteit-belangenafweging',
        actor: 'PS',
        label: {
          nl: 'Bewaken representativiteit, borgen zorgvuldige belangenafweging (2018)',
          en: 'Guard representativeness; ensure careful weighing of interests (2018)',
        },
      },
      {
        id: 'ps-samenleving-oordeelsvorming',
        actor: 'PS',
        label: {
          nl: 'Mogelijk betrekken samenleving t.b.v. oordeelsvorming (2018)',
          en: 'Possibly involve society to inform PS opinion-forming (2018)',
        },
      },
      {
        id: 'gs-voorstel-of-eigen-besluit',
        actor: 'GS',
        label: {
          nl: 'GS doen PS een voorstel of nemen zelf een besluit voor zover het de eigen bevoegdheid betreft.',
          en: 'GS submit a proposal to PS, or decide themselves where it is their own competence',
        },
      },
    ],
    emptySlots: [
      { actor: 'GS', slot: 'bijeenkomsten' },
      { actor: 'Inwoners', slot: 'informeren' },
    ],
  },
  {
    id: 'uitvoering',
    order: 5,
    label: { nl: 'Uitvoering', en: 'Implementation' },
    roles: [
      {
        id: 'ps-informerend',
        actor: 'PS',
        label: { nl: 'Informerend (2018)', en: 'Informative role: PS are kept informed (2018)' },
      },
      {
        id: 'gs-bewaakt-uitvoering',
        actor: 'GS',
        label: { nl: 'GS bewaakt de uitvoering', en: 'GS monitor implementation' },
      },
    ],
    emptySlots: [
      { actor: 'GS', slot: 'informatievoorziening' },
      { actor: 'GS', slot: 'bijeenkomsten' },
      { actor: 'PS', slot: 'participation' },
      { actor: 'GS', slot: 'participation' },
      { actor: 'Inwoners', slot: 'informeren' },
      { actor: 'Inwoners', slot: 'consulteren' },
    ],
  },
  {
    id: 'controle-evaluatie',
    order: 6,
    label: { nl: 'Controle en evaluatie', en: 'Oversight and evaluation' },
    roles: [
      {
        id: 'ps-representativiteit-afweging',
        actor: 'PS',
        label: {
          nl: 'Bewaken representativiteit, borgen zorgvuldige afweging (2018)',
          en: 'Guard representativeness; ensure careful weighing (2018)',
        },
      },
      {
        id: 'gs-evalueren-terugkoppelen',
        actor: 'GS',
        label: {
          nl: 'Een evaluatie uitvoeren en de hoofdlijnen terugkoppelen naar PS. De leerpunten en successen opnemen in het proces voor de volgende keer',
          en: 'Carry out an evaluation and report the main points back to PS; feed lessons learned and successes into the process for next time',
        },
      },
    ],
    emptySlots: [
      { actor: 'PS', slot: 'informatievoorziening' },
      { actor: 'GS', slot: 'informatievoorziening' },
      { actor: 'PS', slot: 'bijeenkomsten' },
      { actor: 'GS', slot: 'bijeenkomsten' },
      { actor: 'Inwoners', slot: 'informeren' },
      { actor: 'Inwoners', slot: 'consulteren' },
      { actor: 'Inwoners', slot: 'meebeslissen' },
    ],
  },
];

/**
 * Labels of the two final states. Not in the seed: domain-brief §7.1 suggests them (a dossier is closed after
 * controle en evaluatie, or withdrawn).
 */
export const FINAL_STATE_LABELS: Record<FinalState, Text> = {
  afgesloten: { nl: 'Afgesloten', en: 'Closed' },
  ingetrokken: { nl: 'Ingetrokken', en: 'Withdrawn' },
};

const PHASE_BY_ID: ReadonlyMap<PhaseId, PhaseDefinition> = new Map(PHASES.map((p) => [p.id, p]));

/** The phase with this id. Throws for an id that is not a phase (e.g. a final state passed through a cast). */
export function phaseById(id: PhaseId): PhaseDefinition {
  const phase = PHASE_BY_ID.get(id);
  if (phase === undefined) throw new Error(`Unknown phase: ${String(id)}`);
  return phase;
}

/** The phase after this one, or null after `controle-evaluatie` (then the dossier closes or starts a new cycle). */
export function nextPhase(id: PhaseId): PhaseId | null {
  const i = PHASE_IDS.indexOf(phaseById(id).id);
  return i < PHASE_IDS.length - 1 ? PHASE_IDS[i + 1] : null;
}

/** The phase before this one, or null for `voorfase-agendasetting`. */
export function previousPhase(id: PhaseId): PhaseId | null {
  const i = PHASE_IDS.indexOf(phaseById(id).id);
  return i > 0 ? PHASE_IDS[i - 1] : null;
}

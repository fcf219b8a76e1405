import { WorkflowDefinition } from '../definition';
import { REQUIREMENTS } from './requirements';

/**
 * `drenthe-verbindend-besturen@2021`: the "Kader verbindend besturen Provincie Drenthe" (seed, c. 2021–2022)
 * with the 52 guards of domain-brief §8.
 *
 * Structure (domain-brief §7.1): ADVANCE moves one phase on; RETURN moves one phase back with a reason
 * (e.g. PS send a proposal back) from the phases where work can be redone before the decision, and from
 * controle-evaluatie back to uitvoering; WITHDRAW ends a dossier before the decision has been taken (in
 * uitvoering the decision stands, so a dossier there ends through evaluation); NEW_CYCLE closes a dossier
 * from controle-evaluatie and opens a follow-up that carries the lessons learned (seed: "De leerpunten en
 * successen opnemen in het proces voor de volgende keer").
 */
export const DRENTHE_2021: WorkflowDefinition = {
  id: 'drenthe-verbindend-besturen',
  version: '2021',
  title: { nl: 'Kader verbindend besturen Provincie Drenthe', en: 'Drenthe framework for connective governance' },
  source: 'workflows/drenthe-verbindend-besturen/seed/kader-verbindend-besturen-drenthe.txt (c. 2021–2022); domain-brief §7–§9',
  phases: [
    'voorfase-agendasetting',
    'voorbereiding-beleid',
    'ontwikkeling-voorstel',
    'kaderstelling-besluitvorming',
    'uitvoering',
    'controle-evaluatie',
  ],
  requirements: REQUIREMENTS,
  advanceGuardedBy: {
    'voorfase-agendasetting': 'T1',
    'voorbereiding-beleid': 'T2',
    'ontwikkeling-voorstel': 'T3',
    'kaderstelling-besluitvorming': 'T4',
    uitvoering: 'T5',
    'controle-evaluatie': 'T6',
  },
  transitions: {
    'voorfase-agendasetting': { ADVANCE: 'voorbereiding-beleid', WITHDRAW: 'ingetrokken' },
    'voorbereiding-beleid': { ADVANCE: 'ontwikkeling-voorstel', RETURN: 'voorfase-agendasetting', WITHDRAW: 'ingetrokken' },
    'ontwikkeling-voorstel': { ADVANCE: 'kaderstelling-besluitvorming', RETURN: 'voorbereiding-beleid', WITHDRAW: 'ingetrokken' },
    'kaderstelling-besluitvorming': { ADVANCE: 'uitvoering', RETURN: 'ontwikkeling-voorstel', WITHDRAW: 'ingetrokken' },
    uitvoering: { ADVANCE: 'controle-evaluatie' },
    'controle-evaluatie': { ADVANCE: 'afgesloten', NEW_CYCLE: 'afgesloten', RETURN: 'uitvoering' },
    afgesloten: {},
    ingetrokken: {},
  },
  settings: { announcementLeadDays: 14, backdatingFlagDays: 30 },
};

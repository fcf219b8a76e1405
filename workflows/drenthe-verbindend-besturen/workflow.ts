import { WorkflowDefinition } from '../definition';
import { dossierMachine } from '../machine';
import { REQUIREMENTS } from './requirements';

/**
 * `drenthe-verbindend-besturen@2021`: the "Kader verbindend besturen Provincie Drenthe" (seed, c. 2021–2022)
 * with the 52 guards of domain-brief §8, on the dossier machine of domain-brief §7.1 (`dossierMachine`).
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
  machine: dossierMachine('drenthe-verbindend-besturen', '2021'),
  settings: { announcementLeadDays: 14, backdatingFlagDays: 30 },
};

import { WorkflowDefinition } from '../../definition';
import { dossierMachine } from '../../machine';
import { DRENTHE_2021 } from '../workflow';
import { REQUIREMENTS_2025 } from './requirements';

/**
 * `drenthe-verbindend-besturen@2025`: the Beleidskader participatie "Blijvend in verbinding" (Provinciaal blad 2025,
 * 21786), on top of the 2021 kader. The phases, the machine's structure and the settings are 2021's: the 2025 text,
 * as far as it was retrieved, changes what is checked, not the policy cycle. In `defaultRegistry()`; whether new dossiers
 * start under it is the deployment's choice (config `workflows.versions`, docs/workflow-versions.md).
 */
export const DRENTHE_2025: WorkflowDefinition = {
  id: DRENTHE_2021.id,
  version: '2025',
  title: { nl: "Beleidskader participatie 'Blijvend in verbinding' (Drenthe, 2025)", en: "Drenthe participation framework 'Blijvend in verbinding' (2025)" },
  source:
    'Beleidskader participatie "Blijvend in verbinding", Provinciaal blad 2025, 21786 (https://zoek.officielebekendmakingen.nl/prb-2025-21786.html), on top of drenthe-verbindend-besturen@2021; docs/kader-2025.md',
  phases: DRENTHE_2021.phases,
  requirements: REQUIREMENTS_2025,
  advanceGuardedBy: DRENTHE_2021.advanceGuardedBy,
  machine: dossierMachine(DRENTHE_2021.id, '2025'),
  settings: DRENTHE_2021.settings,
};

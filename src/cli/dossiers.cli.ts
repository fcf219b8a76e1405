import { DossierState, FINAL_STATES, PHASE_IDS } from '../../workflows/evidence';
import { CliCommand, defineCommand, oneOf, wholeNumber } from './cli-command';
import { DossiersService } from '../dossiers';

export const DOSSIER_COMMANDS: CliCommand[] = [
  defineCommand<{ phase?: DossierState; limit: number; json?: boolean }>({
    name: 'dossier:list',
    summary: 'list dossiers, newest first',
    options: [
      { flags: '--phase <phase>', description: 'only dossiers in this phase', parse: oneOf<DossierState>('--phase', [...PHASE_IDS, ...FINAL_STATES]) },
      { flags: '--limit <n>', description: 'at most n (1–200, default 50)', parse: wholeNumber('--limit', 1, 200) },
      { flags: '--json', description: 'as JSON' },
    ],
    run: async ({ app, out }, o) => {
      const page = await app.get(DossiersService).list({ limit: o.limit ?? 50, offset: 0, phase: o.phase });
      if (o.json) out(JSON.stringify(page, null, 2));
      else {
        for (const d of page.items) out(`${d.id}  v${String(d.version).padEnd(3)} ${d.phase.padEnd(28)} ${d.title}`);
        out(`${page.items.length} of ${page.total} dossier(s).`);
      }
      return 0;
    },
  }),
];

import { FINAL_STATES, PHASE_IDS } from '../../workflows/evidence';
import { CliCommand, UsageError } from '../cli/cli-command';
import { DossiersService } from './dossiers.service';

export const DOSSIER_COMMANDS: CliCommand[] = [
  {
    name: 'dossier:list',
    usage: '[--phase <phase>] [--limit <n>] [--json]',
    summary: 'list dossiers, newest first',
    run: async ({ app, out }, flags) => {
      const phase = flags.one('phase');
      if (phase && !([...PHASE_IDS, ...FINAL_STATES] as string[]).includes(phase))
        throw new UsageError(`--phase must be one of ${[...PHASE_IDS, ...FINAL_STATES].join(', ')}`);
      const page = await app.get(DossiersService).list({ limit: flags.int('limit', 50, 1, 200), offset: 0, phase: phase as never });
      if (flags.has('json')) out(JSON.stringify(page, null, 2));
      else {
        for (const d of page.items) out(`${d.id}  v${String(d.version).padEnd(3)} ${d.phase.padEnd(28)} ${d.title}`);
        out(`${page.items.length} of ${page.total} dossier(s).`);
      }
      return 0;
    },
  },
];

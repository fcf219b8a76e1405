import { CliCommand, UsageError } from '../cli/cli-command';
import { parseDatabaseUrl } from '../config/config';
import { copyStore } from './db-copy';

export const DATABASE_COMMANDS: CliCommand[] = [
  {
    name: 'db:copy',
    usage: '--from <sqlite:path | postgres://…> [--to <postgres://…>]',
    summary: 'copy a whole store into an empty one (default target: DATABASE_URL), then verify the chains',
    run: async ({ config, out, progress }, flags) => {
      const problems: string[] = [];
      const from = parseDatabaseUrl(flags.required('from'), problems);
      const to = flags.one('to') ? parseDatabaseUrl(flags.one('to')!, problems) : config.database;
      if (problems.length) throw new UsageError(problems.join('; '));
      if (from.url === to.url) throw new UsageError('--from and the target are the same store');
      let bar: ReturnType<typeof progress> | null = null;
      let current = '';
      const r = await copyStore(from, to, (table, copied, total) => {
        if (table !== current) {
          bar?.done();
          current = table;
          bar = progress(`Copying ${table}`, total);
        }
        bar!.tick(copied);
      });
      (bar as ReturnType<typeof progress> | null)?.done();
      for (const t of r.tables) out(`${t.table.padEnd(20)} ${String(t.rows).padStart(10)} rows`);
      out(`Chains on the target: ${r.verified.ok ? 'ok' : 'BROKEN'}, ${r.verified.checked} events in ${r.verified.streams} stream(s); heads ${r.headsMatch ? 'equal to' : 'DIFFERENT FROM'} the source. ${r.seconds.toFixed(1)} s.`);
      return r.verified.ok && r.headsMatch ? 0 : 1;
    },
  },
];

import { CliCommand, defineCommand, UsageError } from './cli-command';
import { describeDatabase, requireExistingStore } from './store';
import { parseDatabaseUrl } from '../config';
import { copyStore } from './db-copy';

export const DATABASE_COMMANDS: CliCommand[] = [
  defineCommand<{ from: string; to?: string }>({
    name: 'db:copy',
    summary: 'copy a whole store into an empty one (default target: DATABASE_URL), then verify the chains',
    store: 'none',
    options: [
      { flags: '--from <sqlite:path | postgres://…>', description: 'the store to copy (it must exist)', required: true },
      { flags: '--to <postgres://…>', description: 'the empty target (default: DATABASE_URL)' },
    ],
    run: async ({ config, out, info, progress }, o) => {
      const problems: string[] = [];
      const from = parseDatabaseUrl(o.from, problems, '--from');
      const to = o.to ? parseDatabaseUrl(o.to, problems, '--to') : config.database;
      if (problems.length) throw new UsageError(problems.join('; '));
      if (from.url === to.url) throw new UsageError('--from and the target are the same store');
      info(`From: ${describeDatabase(from)}`);
      info(`To:   ${describeDatabase(to)}`);
      requireExistingStore(from, '--from');
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
  }),
];

import { CliCommand, UsageError } from '../cli/cli-command';
import { DomainError } from '../common/domain-error';
import { parseTermijnQuery, TermijnenService } from './termijnen.service';

/** `npm run cli -- termijn --aanvang 2025-04-18 --duur P6W`: the same answer as `GET /api/v1/termijnen`, as JSON. */
export const TERMIJN_COMMANDS: CliCommand[] = [
  {
    name: 'termijn',
    usage: '--aanvang <yyyy-mm-dd> --duur <P6W|P3D|P1M>',
    summary: 'last day of a statutory period per the Algemene termijnenwet, with every extension and its reason (JSON)',
    run: ({ app, out }, flags) => {
      const query: Record<string, unknown> = {};
      for (const name of ['aanvang', 'duur']) {
        const values = flags.all(name);
        if (values.length === 0 || values.includes('true')) throw new UsageError(`--${name} is required`);
        query[name] = values.length === 1 ? values[0] : values;
      }
      let q;
      try {
        q = parseTermijnQuery(query);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const errors = (e.details.errors as { field: string; message: string }[] | undefined) ?? [];
        throw new UsageError(errors.map((x) => `${x.field.replace(/^query\./, '--')} ${x.message}`).join('\n'));
      }
      out(JSON.stringify(app.get(TermijnenService).bereken(q.aanvang, q.duur), null, 2));
      return Promise.resolve(0);
    },
  },
];

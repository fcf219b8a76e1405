import { CliCommand, defineCommand, UsageError } from './cli-command';
import { DomainError } from '../common';
import { berekenTermijn } from '../../workflows/law/algemene-termijnenwet';
import { calendarFromConfig, parseTermijnQuery } from '../termijnen';

/**
 * `npm run cli -- termijn --aanvang 2025-04-18 --duur P6W`: the same answer as `GET /api/v1/termijnen`, as JSON.
 * It needs no database: the calendar is the built-in one plus the decreed days of config/.
 */
export const TERMIJN_COMMANDS: CliCommand[] = [
  defineCommand<{ aanvang: string; duur: string }>({
    name: 'termijn',
    store: 'none',
    summary: 'last day of a statutory period per the Algemene termijnenwet, with every extension and its reason (JSON)',
    options: [
      { flags: '--aanvang <yyyy-mm-dd>', description: 'the first day of the period (artikel 3:16, tweede lid, Awb)', required: true },
      { flags: '--duur <P6W|P3D|P1M>', description: 'ISO 8601 duration in days, weeks or months', required: true },
    ],
    run: ({ config, out }, o) => {
      let q;
      try {
        q = parseTermijnQuery({ aanvang: o.aanvang, duur: o.duur });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const errors = (e.details.errors as { field: string; message: string }[] | undefined) ?? [];
        throw new UsageError(errors.map((x) => `${x.field.replace(/^query\./, '--')} ${x.message}`).join('\n'));
      }
      out(JSON.stringify(berekenTermijn(q.aanvang, q.duur, { calendar: calendarFromConfig(config) }), null, 2));
      return Promise.resolve(0);
    },
  }),
];

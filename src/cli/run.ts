import { NestFactory } from '@nestjs/core';
import { Command, CommanderError, Option } from 'commander';
import { userInfo } from 'node:os';
import { ROLES } from '../../workflows/facts';
import { AppModule } from '../app.module';
import { AUDIT_COMMANDS } from './audit.cli';
import { AccessLog } from '../audit';
import { ActorContext, DomainError } from '../common';
import { ConfigError, loadConfig } from '../config';
import { DATABASE_COMMANDS } from './database.cli';
import { Db } from '../database';
import { DOSSIER_COMMANDS } from './dossiers.cli';
import { USER_COMMANDS } from './users.cli';
import { WORKFLOW_COMMANDS } from './workflows.cli';
import { TERMIJN_COMMANDS } from './termijnen.cli';
import { MIGRATION_COMMANDS } from './workflow-migrations.cli';
import { CliBaseContext, CliCommand, CliContext, CliOption, UsageError } from './cli-command';
import { describeDatabase, requireExistingStore, StoreMissingError } from './store';

/**
 * The command line: `npm run cli -- <command> [options]` (entry point src/cli.ts), on commander. Reads the
 * configuration like the service (config/, DATABASE_URL, …), says on stderr which database it uses, and works only
 * on a store that exists: the service creates one on its first start.
 * Exit codes: 0 ok, 1 failure (audit:verify: chain broken), 2 usage error (unknown command or option, missing value).
 */
export const COMMANDS: CliCommand[] = [...USER_COMMANDS, ...WORKFLOW_COMMANDS, ...MIGRATION_COMMANDS, ...DOSSIER_COMMANDS, ...AUDIT_COMMANDS, ...DATABASE_COMMANDS, ...TERMIJN_COMMANDS];

function cliActor(): ActorContext {
  let user = 'unknown';
  try {
    // At most 64 characters, so an actor id `cli:<account>` stays within what the OpenAPI document declares.
    user = userInfo().username.slice(0, 64) || 'unknown';
  } catch {
    /* no passwd entry */
  }
  return { id: `cli:${user}`, name: `command line (${user})`, roles: ['beheerder'] };
}

/** A one-line progress display on a terminal (stderr); nothing when output is piped. */
function progress(label: string, total?: number) {
  if (!process.stderr.isTTY) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  return {
    tick: (n: number) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = Math.round(n / Math.max((now - started) / 1000, 0.001));
      const pct = total ? ` ${((n / total) * 100).toFixed(1)}%` : '';
      process.stderr.write(`\r${label}: ${n.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''}${pct} (${rate.toLocaleString('en')}/s)   `);
    },
    done: () => process.stderr.write('\n'),
  };
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Lines about what a command works on (stderr in a shell); dropped when absent. */
  info?: (line: string) => void;
}

const CONSOLE_IO: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), info: (l) => console.error(l) };

/** The option's name as the command gets it: `--anchor-file <file>` → `anchorFile`. */
const attribute = (o: CliOption) => new Option(o.flags).attributeName();
const flagOf = (o: CliOption) => o.flags.split(' ')[0];

function toOption(o: CliOption): Option {
  const option = new Option(o.flags, o.required ? `${o.description} (required)` : o.description);
  if (!option.required) return option; // a switch (`--json`)
  // Commander takes the next word as the value even when it is an option (`--name --role x`): refuse that, and ''.
  return option.argParser((value: string, previous: unknown) => {
    if (value === '' || value.startsWith('--')) throw new UsageError(`${flagOf(o)} needs a value`);
    const parsed = o.parse ? o.parse(value) : value;
    return o.repeatable ? [...((previous as unknown[] | undefined) ?? []), parsed] : parsed;
  });
}

/** Open the configured store and the application on it, run the command, close both. */
async function execute(command: CliCommand, opts: Record<string, unknown>, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  for (const o of command.options) {
    if (o.required && opts[attribute(o)] === undefined) throw new UsageError(`${flagOf(o)} is required`);
    if (o.repeatable) opts[attribute(o)] ??= [];
  }
  const config = loadConfig(env);
  const base: CliBaseContext = { config, actor: cliActor(), out: io.out, progress, info: io.info ?? (() => undefined) };
  if (command.store === 'none') return command.run(base, opts as never);
  base.info(`Database: ${describeDatabase(config.database)}`);
  requireExistingStore(config.database);
  const db = await Db.open(config.database);
  try {
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, db }), { logger: ['error'] });
    const ctx: CliContext = { ...base, app, db };
    try {
      return await command.run(ctx, opts as never);
    } catch (e) {
      // A refusal is an audit event here too, as the API's exception filter writes it; the command stands for the path.
      await app.get(AccessLog).refused({ method: 'CLI', path: `cli ${command.name}`, actor: base.actor }, e);
      throw e;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

/** The commander program for one run: every command with its options, `--help` on each. */
function program(io: CliIo, env: NodeJS.ProcessEnv, done: (code: number) => void): Command {
  const write = (to: (l: string) => void) => (s: string) => to(s.replace(/\n$/, ''));
  const root = new Command('npm run cli --')
    .description('Kaderwijzer on the command line. The database comes from config/ and DATABASE_URL, as for the service.')
    .exitOverride()
    .configureOutput({ writeOut: write(io.out), writeErr: write(io.err) })
    .showHelpAfterError('(add --help for the options)')
    .addHelpText('after', `\nRoles: ${ROLES.join(', ')}\nExit codes: 0 ok, 1 failure, 2 wrong command line.`);
  for (const c of COMMANDS) {
    const cmd = root.command(c.name).description(c.summary).allowExcessArguments(false);
    for (const o of c.options) cmd.addOption(toOption(o));
    cmd.action(async (opts: Record<string, unknown>) => done(await execute(c, opts, io, env)));
  }
  return root;
}

/** Run one command and return its exit code; errors become messages, never stack traces. */
export async function runCli(argv: string[], io: CliIo = CONSOLE_IO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let code = 0;
  const root = program(io, env, (c) => (code = c));
  try {
    if (!argv.length) {
      root.outputHelp();
      return 0;
    }
    await root.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander wrote its message already (unknown command or option, missing value, help shown).
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n(add --help for the options)`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof StoreMissingError) io.err(e.message);
    else if (e instanceof DomainError) {
      const errors = (e.details.errors as { field: string; message: string }[] | undefined) ?? [];
      io.err([e.message, ...errors.map((x) => `  ${x.field}: ${x.message}`)].join('\n'));
    } else io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

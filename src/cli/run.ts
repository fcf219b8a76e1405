import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import { ROLES } from '../../workflows/facts';
import { AppModule } from '../app.module';
import { AUDIT_COMMANDS } from '../audit/audit.cli';
import { DATABASE_COMMANDS } from '../database/database.cli';
import { CliCommand, CliContext, Flags, UsageError } from './cli-command';
import { ActorContext } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { ConfigError, loadConfig } from '../config/config';
import { Db } from '../database/db';
import { DOSSIER_COMMANDS } from '../dossiers/dossiers.cli';
import { USER_COMMANDS } from '../users/users.cli';
import { WORKFLOW_COMMANDS } from '../workflows/workflows.cli';
import { TERMIJN_COMMANDS } from '../termijnen/termijnen.cli';

/**
 * The command line: `npm run cli -- <command> [--flag value]` (entry point src/cli.ts). Reads DATABASE_URL like the service and runs migrations first.
 * Exit codes: 0 ok, 1 failure (audit:verify: chain broken), 2 usage error.
 */
const COMMANDS: CliCommand[] = [...USER_COMMANDS, ...WORKFLOW_COMMANDS, ...DOSSIER_COMMANDS, ...AUDIT_COMMANDS, ...DATABASE_COMMANDS, ...TERMIJN_COMMANDS];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.usage}\n  ${' '.repeat(width)}    ${c.summary}`),
    '',
    `Roles: ${ROLES.join(', ')}`,
  ].join('\n');
}

function cliActor(): ActorContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
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
}

const CONSOLE_IO: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

async function dispatch(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}"`);
  const flags = Flags.parse(rest);
  const config = loadConfig(env);
  const db = await Db.open(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, db }), { logger: ['error'] });
  const ctx: CliContext = { app, config, db, actor: cliActor(), out: io.out, progress };
  try {
    return await command.run(ctx, flags);
  } finally {
    await app.close();
    await db.close();
  }
}

/** Run one command and return its exit code; errors become messages, never stack traces. */
export async function runCli(argv: string[], io: CliIo = CONSOLE_IO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await dispatch(argv, io, env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${usage()}`);
      return 2;
    }
    if (e instanceof ConfigError) io.err(e.message);
    else if (e instanceof DomainError) {
      const errors = (e.details.errors as { field: string; message: string }[] | undefined) ?? [];
      io.err([e.message, ...errors.map((x) => `  ${x.field}: ${x.message}`)].join('\n'));
    } else io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

import { INestApplicationContext } from '@nestjs/common';
import { ActorContext } from '../common';
import { AppConfig } from '../config';
import { Db } from '../database';

/** A wrong command line: exit code 2, with the message and a pointer to `--help`. */
export class UsageError extends Error {}

/** What every command gets. */
export interface CliBaseContext {
  config: AppConfig;
  actor: ActorContext;
  out: (line: string) => void;
  /** Progress for long-running commands: drawn on a terminal (stderr), silent otherwise. */
  progress: (label: string, total?: number) => { tick: (n: number) => void; done: () => void };
  /** A line about what the command works on (the database), to stderr; not part of the output. */
  info: (line: string) => void;
}

/** What a command on the configured store gets: the store (which must exist) and the application on it. */
export interface CliContext extends CliBaseContext {
  app: INestApplicationContext;
  db: Db;
}

/**
 * One option, in commander's notation: `--dossier <id>` takes a value, `--json` is a switch. Its value reaches the
 * command under the camel-cased name (`--anchor-file` → `anchorFile`).
 */
export interface CliOption {
  flags: string;
  description: string;
  /** May be given more than once (`--role a --role b`); the command gets a list (empty when absent). */
  repeatable?: boolean;
  /** Absent is a usage error: `--name is required`. */
  required?: boolean;
  /** Check or convert the text; throw a UsageError naming the option when it is wrong. */
  parse?: (value: string) => unknown;
}

interface CommandBase<O> {
  /** `users:create`, `audit:verify`, … */
  name: string;
  /** One line for the command list. */
  summary: string;
  options: CliOption[];
  /** Returns the exit code: 0 ok, 1 failure. */
  run: (ctx: never, opts: O) => Promise<number>;
}

/** A command on the configured store (the usual case). */
export interface StoreCommand<O> extends CommandBase<O> {
  store?: 'existing';
  run: (ctx: CliContext, opts: O) => Promise<number>;
}

/** A command that opens the stores it names itself (db:copy), so the configured one need not exist. */
export interface StorelessCommand<O> extends CommandBase<O> {
  store: 'none';
  run: (ctx: CliBaseContext, opts: O) => Promise<number>;
}

export type CliCommand<O = never> = StoreCommand<O> | StorelessCommand<O>;

/**
 * Declare a command with typed options. A module lists its commands (users.cli.ts, audit.cli.ts, …) and
 * src/cli/run.ts registers them; adding an option is one entry in `options` and one field in `O`.
 */
export function defineCommand<O>(command: CliCommand<O>): CliCommand {
  return command;
}

/** An option's whole-number parser: `--limit 20`. */
export function wholeNumber(option: string, min: number, max: number): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** An option's parser for one of a fixed list of values: `--format jsonl|csv`. */
export function oneOf<T extends string>(option: string, values: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw)) throw new UsageError(`${option} must be one of: ${values.join(', ')}`);
    return raw as T;
  };
}

import { INestApplicationContext } from '@nestjs/common';
import { ActorContext } from '../common/actor';
import { AppConfig } from '../config/config';
import { Db } from '../database/db';

export class UsageError extends Error {}

/** Parsed `--flag value` pairs; a flag may repeat (`--role a --role b`). */
export class Flags {
  constructor(private readonly values: Map<string, string[]>) {}

  static parse(args: string[]): Flags {
    const values = new Map<string, string[]>();
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (!a.startsWith('--')) throw new UsageError(`Unexpected argument "${a}"`);
      const name = a.slice(2);
      const value = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : 'true';
      values.set(name, [...(values.get(name) ?? []), value]);
    }
    return new Flags(values);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
  one(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }
  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }
  required(name: string): string {
    const v = this.one(name);
    if (!v || v === 'true') throw new UsageError(`--${name} is required`);
    return v;
  }
  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.one(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  }
}

export interface CliContext {
  app: INestApplicationContext;
  config: AppConfig;
  db: Db;
  actor: ActorContext;
  out: (line: string) => void;
  /** Progress for long-running commands: drawn on a terminal (stderr), silent otherwise. */
  progress: (label: string, total?: number) => { tick: (n: number) => void; done: () => void };
}

/** One `npm run cli -- <name>` command. Modules contribute their own (users.cli.ts, audit.cli.ts, …). */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run: (ctx: CliContext, flags: Flags) => Promise<number>;
}

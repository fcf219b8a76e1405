import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import { WorkflowRegistry } from '../workflows/registry';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { ActorContext } from './common/actor';
import { DomainError } from './common/domain-error';
import { ConfigError, loadConfig } from './config/config';
import { Db } from './database/db';
import { DossiersService } from './dossiers/dossiers.service';
import { UsersService } from './users/users.service';
import { describeWorkflow } from './workflows/workflows.controller';
import { ROLES } from '../workflows/facts';

/**
 * `npm run cli -- <command> [--flag value]`. Reads DATABASE_URL like the service; runs migrations first.
 * Exit codes: 0 ok, 1 failure (audit:verify: chain broken), 2 usage error.
 */

const USAGE = `Usage: npm run cli -- <command> [options]

  users:create --name <name> --role <role> [--role <role>…] [--expires <ISO date-time>]
                                 create a user; prints the token (shown once) as the last line
  users:list                     list users and their roles
  tokens:create --user <id> [--label <label>] [--expires <ISO>]
                                 issue another token; prints it as the last line
  tokens:list                    list tokens (never their secrets)
  tokens:revoke --id <token id>  revoke a token
  workflow:show [--id <id>] [--version <v>] [--json]
                                 phases, events and requirements of a workflow version
  dossier:list [--phase <phase>] [--limit <n>] [--json]
                                 list dossiers
  audit:verify [--dossier <id>]  verify the hash chains; exit 1 when broken

Roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { command: string; flags: Map<string, string[]> } {
  const [command, ...rest] = argv;
  const flags = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new UsageError(`Unexpected argument "${a}"`);
    const name = a.slice(2);
    const value = rest[i + 1] !== undefined && !rest[i + 1].startsWith('--') ? rest[++i] : 'true';
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { command: command ?? 'help', flags };
}

const one = (flags: Map<string, string[]>, name: string): string | undefined => flags.get(name)?.at(-1);
function required(flags: Map<string, string[]>, name: string): string {
  const v = one(flags, name);
  if (!v || v === 'true') throw new UsageError(`--${name} is required`);
  return v;
}

function cliActor(): ActorContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry: keep "unknown" */
  }
  return { id: `cli:${user}`, name: `command line (${user})`, roles: ['beheerder'] };
}

function progress(label: string): { tick: (n: number) => void; done: () => void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  return {
    tick: (n) => {
      const s = (Date.now() - started) / 1000;
      process.stderr.write(`\r${label}: ${n.toLocaleString('nl-NL')} events (${Math.round(n / Math.max(s, 0.001)).toLocaleString('nl-NL')}/s)`);
    },
    done: () => process.stderr.write('\n'),
  };
}

async function run(argv: string[]): Promise<number> {
  const { command, flags } = parseArgs(argv);
  if (command === 'help' || command === '--help' || flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const known = ['users:create', 'users:list', 'tokens:create', 'tokens:list', 'tokens:revoke', 'workflow:show', 'dossier:list', 'audit:verify'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}"`);
  const config = loadConfig();
  const db = await Db.open(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, db }), { logger: ['error'] });
  try {
    const actor = cliActor();
    const json = flags.has('json');
    switch (command) {
      case 'users:create': {
        const roles = (flags.get('role') ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
        const expires = one(flags, 'expires');
        const r = await app.get(UsersService).createUser(actor, {
          name: required(flags, 'name'),
          roles,
          tokenExpiresAt: expires ? new Date(expires).toISOString() : null,
        });
        console.log(`Created user ${r.user.name} (${r.user.id}) with role(s) ${r.user.roles.join(', ')}.`);
        console.log(`Token id ${r.tokenId}. The token is shown only now; store it safely:`);
        console.log(r.token);
        return 0;
      }
      case 'users:list': {
        const users = await app.get(UsersService).listUsers();
        if (json) console.log(JSON.stringify(users, null, 2));
        else for (const u of users) console.log(`${u.id}  ${u.roles.join(',').padEnd(28)}  ${u.name}${u.disabledAt ? '  (disabled)' : ''}`);
        return 0;
      }
      case 'tokens:create': {
        const expires = one(flags, 'expires');
        const r = await app.get(UsersService).createToken(actor, required(flags, 'user'), {
          label: one(flags, 'label'),
          expiresAt: expires ? new Date(expires).toISOString() : null,
        });
        console.log(`Token ${r.tokenId} for user ${r.userId}; shown only now:`);
        console.log(r.token);
        return 0;
      }
      case 'tokens:list': {
        const tokens = await app.get(UsersService).listTokens();
        if (json) console.log(JSON.stringify(tokens, null, 2));
        else for (const t of tokens) console.log(`${t.id}  ${t.status.padEnd(7)}  user ${t.userId}  ${t.label}${t.expiresAt ? `  expires ${t.expiresAt}` : ''}`);
        return 0;
      }
      case 'tokens:revoke': {
        const t = await app.get(UsersService).revokeToken(actor, required(flags, 'id'));
        console.log(`Token ${t.id} revoked at ${t.revokedAt}.`);
        return 0;
      }
      case 'workflow:show': {
        const registry = app.get(WorkflowRegistry);
        const latest = registry.latest(one(flags, 'id') ?? 'drenthe-verbindend-besturen');
        const id = one(flags, 'id') ?? latest?.definition.id ?? 'drenthe-verbindend-besturen';
        const version = one(flags, 'version') ?? latest?.definition.version ?? '';
        const w = describeWorkflow(registry, id, version);
        if (json) {
          console.log(JSON.stringify(w, null, 2));
          return 0;
        }
        console.log(`${w.id}@${w.version} — ${w.title.nl}\nSource: ${w.source}\n`);
        for (const p of w.phases) {
          const events = Object.entries(w.transitions[p.id] ?? {}).map(([e, to]) => `${e}→${to}`).join(', ');
          console.log(`${p.order}. ${p.id} (${p.label.nl}) — ${events}`);
          for (const r of w.requirements.filter((x) => x.transition === p.guardedBy))
            console.log(`     ${r.id.padEnd(6)} ${r.severity.padEnd(8)} ${r.waivable ? 'waivable' : '        '}  ${r.label.nl}`);
        }
        console.log('\nAny transition:');
        for (const r of w.requirements.filter((x) => x.transition === 'X'))
          console.log(`     ${r.id.padEnd(6)} ${r.severity.padEnd(8)} ${r.waivable ? 'waivable' : '        '}  ${r.label.nl} [${r.events.join(', ')}]`);
        const hard = w.requirements.filter((r) => r.severity === 'hard').length;
        console.log(`\n${w.requirements.length} requirements (${hard} hard, ${w.requirements.length - hard} advisory), ${w.instruments.length} instruments, ${w.timers.length} timers.`);
        return 0;
      }
      case 'dossier:list': {
        const limit = Number(one(flags, 'limit') ?? 50);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be 1..200');
        const phase = one(flags, 'phase');
        const page = await app.get(DossiersService).list({ limit, offset: 0, phase: phase as never });
        if (json) console.log(JSON.stringify(page, null, 2));
        else {
          for (const d of page.items) console.log(`${d.id}  v${String(d.version).padEnd(3)} ${d.phase.padEnd(28)} ${d.title}`);
          console.log(`${page.items.length} of ${page.total} dossier(s).`);
        }
        return 0;
      }
      case 'audit:verify': {
        const bar = progress('Verifying');
        const r = await app.get(AuditService).verify({ dossierId: one(flags, 'dossier'), onProgress: bar.tick });
        bar.done();
        if (r.ok) {
          console.log(`ok: ${r.checked} events in ${r.streams} stream(s) verified.`);
          return 0;
        }
        const b = r.firstBroken!;
        console.log(`BROKEN after ${r.checked} intact events: event seq ${b.seq} (stream ${b.stream} #${b.streamSeq}): ${b.reason}`);
        console.log(`  expected ${b.expected}\n  found    ${b.found}`);
        return 1;
      }
    }
    return 2;
  } finally {
    await app.close();
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (e instanceof ConfigError) console.error(e.message);
    else if (e instanceof DomainError) {
      const errors = (e.details.errors as { field: string; message: string }[] | undefined) ?? [];
      console.error([e.message, ...errors.map((x) => `  ${x.field}: ${x.message}`)].join('\n'));
    } else console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

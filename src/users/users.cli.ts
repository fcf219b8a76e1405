import { CliCommand } from '../cli/cli-command';
import { UsersService } from './users.service';

const iso = (s: string | undefined) => (s ? new Date(s).toISOString() : null);

export const USER_COMMANDS: CliCommand[] = [
  {
    name: 'users:create',
    usage: '--name <name> --role <role> [--role <role>…] [--expires <ISO date-time>]',
    summary: 'create a user; prints the token (shown once) as the last line',
    run: async ({ app, actor, out }, flags) => {
      const roles = flags.all('role').flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
      const r = await app.get(UsersService).createUser(actor, { name: flags.required('name'), roles, tokenExpiresAt: iso(flags.one('expires')) });
      out(`Created user ${r.user.name} (${r.user.id}) with role(s) ${r.user.roles.join(', ')}.`);
      out(`Token id ${r.tokenId}. The token is shown only now; store it safely:`);
      out(r.token);
      return 0;
    },
  },
  {
    name: 'users:list',
    usage: '[--json]',
    summary: 'list users and their roles',
    run: async ({ app, out }, flags) => {
      const users = await app.get(UsersService).listUsers();
      if (flags.has('json')) out(JSON.stringify(users, null, 2));
      else for (const u of users) out(`${u.id}  ${u.roles.join(',').padEnd(28)}  ${u.name}${u.disabledAt ? '  (disabled)' : ''}`);
      return 0;
    },
  },
  {
    name: 'tokens:create',
    usage: '--user <id> [--label <label>] [--expires <ISO>] [--recover]',
    summary: "a user's first token, or with --recover one for a user whose tokens are all revoked or expired; prints it as the last line",
    run: async ({ app, actor, out }, flags) => {
      const r = await app
        .get(UsersService)
        .createToken(actor, flags.required('user'), { label: flags.one('label'), expiresAt: iso(flags.one('expires')) }, { recover: flags.has('recover') });
      out(`Token ${r.tokenId} for user ${r.userId}; shown only now:`);
      out(r.token);
      return 0;
    },
  },
  {
    name: 'tokens:list',
    usage: '[--json]',
    summary: 'list tokens (never their secrets)',
    run: async ({ app, out }, flags) => {
      const tokens = await app.get(UsersService).listTokens();
      if (flags.has('json')) out(JSON.stringify(tokens, null, 2));
      else
        for (const t of tokens)
          out(`${t.id}  ${t.status.padEnd(7)}  user ${t.userId}  ${t.label}${t.expiresAt ? `  expires ${t.expiresAt}` : ''}  issued by ${t.issuedByName ?? t.issuedBy ?? '?'}`);
      return 0;
    },
  },
  {
    name: 'tokens:revoke',
    usage: '--id <token id>',
    summary: 'revoke a token',
    run: async ({ app, actor, out }, flags) => {
      const t = await app.get(UsersService).revokeToken(actor, flags.required('id'));
      out(`Token ${t.id} revoked at ${t.revokedAt}.`);
      return 0;
    },
  },
];

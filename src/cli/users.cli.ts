import { CliCommand, defineCommand } from './cli-command';
import { UsersService } from '../users';

const iso = (s: string | undefined) => (s ? new Date(s).toISOString() : null);

export const USER_COMMANDS: CliCommand[] = [
  defineCommand<{ name: string; role: string[]; expires?: string }>({
    name: 'users:create',
    summary: 'create a user; prints the token (shown once) as the last line',
    options: [
      { flags: '--name <name>', description: 'the person or service', required: true },
      { flags: '--role <role>', description: 'a role (repeat, or separate with commas)', repeatable: true },
      { flags: '--expires <ISO date-time>', description: 'when the token stops working' },
    ],
    run: async ({ app, actor, out }, o) => {
      const roles = o.role.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
      const r = await app.get(UsersService).createUser(actor, { name: o.name, roles, tokenExpiresAt: iso(o.expires) });
      out(`Created user ${r.user.name} (${r.user.id}) with role(s) ${r.user.roles.join(', ')}.`);
      out(`Token id ${r.tokenId}. The token is shown only now; store it safely:`);
      out(r.token);
      return 0;
    },
  }),
  defineCommand<{ id: string; role: string[] }>({
    name: 'users:roles',
    summary: "replace a user's roles (only the combinations of the role table; not for users of the identity provider)",
    options: [
      { flags: '--id <user id>', description: 'the user', required: true },
      { flags: '--role <role>', description: 'a role (repeat, or separate with commas)', repeatable: true, required: true },
    ],
    run: async ({ app, actor, out }, o) => {
      const roles = o.role.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
      const u = await app.get(UsersService).setRoles(actor, o.id, roles);
      out(`User ${u.name} (${u.id}) now has role(s) ${u.roles.join(', ')}.`);
      return 0;
    },
  }),
  defineCommand<{ json?: boolean }>({
    name: 'users:list',
    summary: 'list users and their roles',
    options: [{ flags: '--json', description: 'as JSON' }],
    run: async ({ app, out }, o) => {
      const users = await app.get(UsersService).listUsers();
      if (o.json) out(JSON.stringify(users, null, 2));
      else for (const u of users) out(`${u.id}  ${u.roles.join(',').padEnd(28)}  ${u.name}${u.disabledAt ? '  (disabled)' : ''}`);
      return 0;
    },
  }),
  defineCommand<{ user: string; label?: string; expires?: string; recover?: boolean }>({
    name: 'tokens:create',
    summary: "a user's first token, or with --recover one for a user whose tokens are all revoked or expired; prints it as the last line",
    options: [
      { flags: '--user <id>', description: 'the user', required: true },
      { flags: '--label <label>', description: 'what the token is for' },
      { flags: '--expires <ISO date-time>', description: 'when it stops working' },
      { flags: '--recover', description: 'issue one for a user whose tokens are all revoked or expired' },
    ],
    run: async ({ app, actor, out }, o) => {
      const r = await app.get(UsersService).createToken(actor, o.user, { label: o.label, expiresAt: iso(o.expires) }, { recover: Boolean(o.recover) });
      out(`Token ${r.tokenId} for user ${r.userId}; shown only now:`);
      out(r.token);
      return 0;
    },
  }),
  defineCommand<{ json?: boolean }>({
    name: 'tokens:list',
    summary: 'list tokens (never their secrets)',
    options: [{ flags: '--json', description: 'as JSON' }],
    run: async ({ app, out }, o) => {
      const tokens = await app.get(UsersService).listTokens();
      if (o.json) out(JSON.stringify(tokens, null, 2));
      else
        for (const t of tokens)
          out(`${t.id}  ${t.status.padEnd(7)}  user ${t.userId}  ${t.label}${t.expiresAt ? `  expires ${t.expiresAt}` : ''}  issued by ${t.issuedByName ?? t.issuedBy ?? '?'}`);
      return 0;
    },
  }),
  defineCommand<{ id: string }>({
    name: 'tokens:revoke',
    summary: 'revoke a token',
    options: [{ flags: '--id <token id>', description: 'the token', required: true }],
    run: async ({ app, actor, out }, o) => {
      const t = await app.get(UsersService).revokeToken(actor, o.id);
      out(`Token ${t.id} revoked at ${t.revokedAt}.`);
      return 0;
    },
  }),
];
